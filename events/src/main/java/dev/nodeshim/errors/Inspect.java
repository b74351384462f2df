package dev.nodeshim.errors;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The small part of Node's {@code util.inspect} that error messages need, applied to the Java values
 * that stand for JavaScript values: {@code null}, {@link Undefined}, {@link String}, {@link Number}
 * (integral types and {@code double}), {@link BigInteger} (bigint), {@link Boolean}, {@link Map}
 * (a plain object), {@link Collection} and arrays (an Array), {@link Throwable} (an Error).
 *
 * <p>Output follows Node 20 for short values ({@code 'boom'}, {@code { a: 1 }}, {@code [ 1, 2 ]},
 * {@code -0}, {@code 10n}). Objects are printed on one line; Node breaks objects longer than 72
 * characters over several lines, which this class does not do.
 */
public final class Inspect {
    private static final Pattern IDENTIFIER = Pattern.compile("^[a-zA-Z_][a-zA-Z_0-9]*$");
    private static final int MAX_DEPTH = 2;

    private Inspect() {
    }

    /** {@code util.inspect(value)} for the supported Java stand-ins of JavaScript values. */
    public static String inspect(Object value) {
        StringBuilder out = new StringBuilder();
        append(out, value, 0);
        return out.toString();
    }

    private static void append(StringBuilder out, Object value, int depth) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Undefined) {
            out.append("undefined");
        } else if (value instanceof CharSequence) {
            out.append(quote(value.toString()));
        } else if (value instanceof BigInteger) {
            out.append(value).append('n');
        } else if (value instanceof Double || value instanceof Float) {
            out.append(number(((Number) value).doubleValue()));
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Character) {
            out.append(quote(value.toString()));
        } else if (value instanceof Map<?, ?> map) {
            appendObject(out, map, depth);
        } else if (value instanceof Collection<?> list) {
            appendArray(out, list.iterator(), list.isEmpty(), depth);
        } else if (value instanceof Object[] array) {
            appendArray(out, java.util.Arrays.asList(array).iterator(), array.length == 0, depth);
        } else if (value instanceof byte[] bytes) {
            // A byte[] stands for a Uint8Array (Errors.received calls it one): unsigned elements.
            if (bytes.length > 0 && depth > MAX_DEPTH) {
                out.append("[Uint8Array]");
                return;
            }
            java.util.List<Integer> items = new java.util.ArrayList<>(bytes.length);
            for (byte b : bytes) {
                items.add(b & 0xFF);
            }
            out.append("Uint8Array(").append(bytes.length).append(") ");
            appendArray(out, items.iterator(), items.isEmpty(), depth);
        } else if (value.getClass().isArray()) {
            // int[], double[], boolean[], …: an Array of the boxed elements (not "[I@1b6d3586").
            int n = java.lang.reflect.Array.getLength(value);
            java.util.List<Object> items = new java.util.ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                items.add(java.lang.reflect.Array.get(value, i));
            }
            appendArray(out, items.iterator(), n == 0, depth);
        } else if (value instanceof Throwable t) {
            out.append(errorHead(t));
        } else {
            out.append(value);
        }
    }

    private static void appendObject(StringBuilder out, Map<?, ?> map, int depth) {
        if (map.isEmpty()) {
            out.append("{}");
            return;
        }
        if (depth > MAX_DEPTH) {
            out.append("[Object]");
            return;
        }
        out.append("{ ");
        boolean first = true;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!first) {
                out.append(", ");
            }
            first = false;
            String key = String.valueOf(e.getKey());
            out.append(IDENTIFIER.matcher(key).matches() ? key : quote(key)).append(": ");
            append(out, e.getValue(), depth + 1);
        }
        out.append(" }");
    }

    private static void appendArray(StringBuilder out, Iterator<?> items, boolean empty, int depth) {
        if (empty) {
            out.append("[]");
            return;
        }
        if (depth > MAX_DEPTH) {
            out.append("[Array]");
            return;
        }
        out.append("[ ");
        boolean first = true;
        while (items.hasNext()) {
            if (!first) {
                out.append(", ");
            }
            first = false;
            append(out, items.next(), depth + 1);
        }
        out.append(" ]");
    }

    private static String errorHead(Throwable t) {
        if (t instanceof NodeError e) {
            return e.toString();
        }
        String message = t.getMessage();
        return message == null ? "Error" : "Error: " + message;
    }

    /**
     * A string literal as Node 20's {@code util.inspect} writes it: single quotes, or double quotes
     * when the string holds a single quote and no double quote, or backticks when it holds both (and
     * no backtick or {@code ${}). C0 controls, DEL and C1 controls are {@code \x0B}-style escapes
     * ({@code \b \t \n \f \r} by name; V8 prints vertical tab as {@code \x0B}, not {@code \v});
     * a lone surrogate is {@code \ud800}.
     */
    public static String quote(String s) {
        char q = '\'';
        if (s.indexOf('\'') >= 0) {
            if (s.indexOf('"') < 0) {
                q = '"';
            } else if (s.indexOf('`') < 0 && !s.contains("${")) {
                q = '`';
            }
        }
        StringBuilder out = new StringBuilder(s.length() + 2).append(q);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == q || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
                switch (c) {
                    case '\b' -> out.append("\\b");
                    case '\t' -> out.append("\\t");
                    case '\n' -> out.append("\\n");
                    case '\f' -> out.append("\\f");
                    case '\r' -> out.append("\\r");
                    default -> out.append(String.format("\\x%02X", (int) c));
                }
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1))) {
                out.append(c).append(s.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                out.append("\\u").append(Integer.toHexString(c));
            } else {
                out.append(c);
            }
        }
        return out.append(q).toString();
    }

    /**
     * JavaScript's {@code Number.prototype.toString()} (ECMAScript Number::toString, radix 10):
     * {@code 1}, {@code 1.5}, {@code -0} is printed {@code 0} by JS but {@code -0} by inspect, so
     * this method prints {@code 0} and {@link #inspect} prints {@code -0}; {@code 1e+21},
     * {@code 1.5e-7}, {@code NaN}, {@code Infinity}.
     */
    public static String numberToString(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        if (d == 0) {
            return "0";
        }
        if (d == Math.rint(d) && Math.abs(d) < 9007199254740992.0) {
            // Integral and below 2^53: the exact digits are the shortest. Above 2^53 JS prints the
            // shortest digits padded with zeros (123456789012345680000, not the exact ...683968).
            return new BigDecimal(d).toBigInteger().toString();
        }
        String sign = d < 0 ? "-" : "";
        BigDecimal shortest = shortest(Math.abs(d));
        String digits = shortest.unscaledValue().toString();
        // strip trailing zeros of the digit string (unscaled value may carry them)
        int k = digits.length();
        while (k > 1 && digits.charAt(k - 1) == '0') {
            k--;
        }
        int n = digits.length() - shortest.scale(); // value = 0.digits × 10^n
        digits = digits.substring(0, k);
        String body;
        if (k <= n && n <= 21) {
            body = digits + "0".repeat(n - k);
        } else if (0 < n && n <= 21) {
            body = digits.substring(0, n) + "." + digits.substring(n);
        } else if (-6 < n && n <= 0) {
            body = "0." + "0".repeat(-n) + digits;
        } else {
            int e = n - 1;
            String exp = (e >= 0 ? "e+" : "e-") + Math.abs(e);
            body = k == 1 ? digits + exp : digits.charAt(0) + "." + digits.substring(1) + exp;
        }
        return sign + body;
    }

    /** The shortest decimal that reads back as {@code d} (the closest one when several are as short). */
    private static BigDecimal shortest(double d) {
        BigDecimal exact = new BigDecimal(d);
        for (int p = 1; p < 17; p++) {
            BigDecimal candidate = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
            if (candidate.doubleValue() == d) {
                return candidate;
            }
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN));
    }

    /** {@code util.inspect} of a number: like {@link #numberToString} but {@code -0} stays {@code -0}. */
    public static String number(double d) {
        if (d == 0 && 1 / d < 0) {
            return "-0";
        }
        return numberToString(d);
    }

    /** Node's {@code addNumericalSeparator}: {@code 1099511627776} → {@code 1_099_511_627_776}. */
    public static String addNumericalSeparator(String digits) {
        StringBuilder res = new StringBuilder();
        int i = digits.length();
        int start = digits.startsWith("-") ? 1 : 0;
        for (; i >= start + 4; i -= 3) {
            res.insert(0, digits, i - 3, i).insert(0, '_');
        }
        return digits.substring(0, i) + res;
    }
}
