package dev.nodeshim.errors;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.lang.reflect.RecordComponent;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The part of Node's {@code util.inspect} that error messages need, with Node 20's default options
 * (depth 2, line width 80, up to 100 array items), applied to the Java values that stand for
 * JavaScript values:
 *
 * <table>
 * <caption>Java stand-ins of JavaScript values</caption>
 * <tr><th>Java</th><th>JavaScript</th><th>shown as</th></tr>
 * <tr><td>{@code null}, {@link Undefined}</td><td>null, undefined</td><td>{@code null}, {@code undefined}</td></tr>
 * <tr><td>{@link CharSequence}, {@link Character}</td><td>string</td><td>{@code 'abc'}, long multi-line
 *     strings cut after each line break: {@code 'a\n' +\n  'b'}</td></tr>
 * <tr><td>{@link Number}</td><td>number</td><td>{@code 5}, {@code -0}, {@code NaN}, {@code 1e+21}</td></tr>
 * <tr><td>{@link BigInteger}</td><td>bigint</td><td>{@code 10n}</td></tr>
 * <tr><td>{@link Boolean}</td><td>boolean</td><td>{@code true}</td></tr>
 * <tr><td>{@link dev.nodeshim.events.Symbol}</td><td>symbol</td><td>{@code Symbol(s)}</td></tr>
 * <tr><td>{@link Map}</td><td>plain object</td><td>{@code { a: 1, 'b-c': 2 }}</td></tr>
 * <tr><td>{@link Collection}, arrays</td><td>Array</td><td>{@code [ 1, 'a' ]}</td></tr>
 * <tr><td>{@code byte[]}</td><td>Uint8Array</td><td>{@code Uint8Array(2) [ 1, 255 ]}</td></tr>
 * <tr><td>a record {@code Foo(int a)}</td><td>an instance of class Foo</td><td>{@code Foo { a: 1 }}</td></tr>
 * <tr><td>a lambda, or an object of a functional interface</td><td>function</td><td>{@code [Function: name]},
 *     {@code [Function (anonymous)]}</td></tr>
 * <tr><td>{@link Inspectable} (the buffer module's {@code Buffer})</td><td>an object with its own
 *     inspect</td><td>what its {@code inspect()} returns: {@code <Buffer 61 62>}</td></tr>
 * <tr><td>{@link Throwable}</td><td>Error</td><td>its first line, {@code Error: boom}</td></tr>
 * </table>
 *
 * <p>Layout, as observed with Node 20: an object or array is written on one line when it fits — its
 * entries, two characters more for each, the indentation, the opening brace, the prefix
 * ({@code Foo}, {@code Uint8Array(2)}) and ten more come to at most 80 — when no entry spans lines
 * and when nothing three or more levels below it was the last object written inside it; otherwise
 * one entry a line, indented two spaces a level. Nesting deeper than two levels shows
 * {@code [Object]}, {@code [Array]}, {@code [Foo]}. A string of more than 16 characters that holds a
 * line break and is longer than 76 characters less the indentation is cut after each line break into
 * quoted pieces joined by {@code " +\n"}; one longer than 10,000 characters is cut there and followed by
 * {@code ... 5 more characters}. A reference back to a container being written is
 * {@code [Circular *1]}, and that container is {@code <ref *1> { … }}.
 *
 * <p>Not done: Node lays out arrays of more than six short entries in aligned columns; this class
 * writes them one entry a line (or on one line when they fit).
 */
public final class Inspect {
    private static final Pattern IDENTIFIER = Pattern.compile("^[a-zA-Z_][a-zA-Z_0-9]*$");
    private static final int MAX_DEPTH = 2;
    private static final int BREAK_LENGTH = 80;
    private static final int MAX_ARRAY_LENGTH = 100;
    private static final int MAX_STRING_LENGTH = 10000;
    /** Node keeps the three innermost levels of nesting together on a line. */
    private static final int COMPACT = 3;

    private Inspect() {
    }

    /** {@code util.inspect(value)} for the supported Java stand-ins of JavaScript values. */
    public static String inspect(Object value) {
        return new Writer().format(value, 0, 0);
    }

    /**
     * One inspection: remembers the depth of the object or array it wrote last, which the layout
     * needs, and the containers being written, to show a reference back to one of them as
     * {@code [Circular *1]} (numbered in the order they are met) and the container as {@code <ref *1> …}.
     */
    private static final class Writer {
        private int lastDepth;
        private final List<Object> writing = new ArrayList<>();
        private final Map<Object, Integer> circular = new IdentityHashMap<>();

        String format(Object value, int depth, int indent) {
            if (value == null) {
                return "null";
            } else if (value instanceof Undefined) {
                return "undefined";
            } else if (value instanceof CharSequence || value instanceof Character) {
                return string(value.toString(), indent);
            } else if (value instanceof BigInteger) {
                return value + "n";
            } else if (value instanceof Double || value instanceof Float) {
                return number(((Number) value).doubleValue());
            } else if (value instanceof BigDecimal d) {
                return number(d.doubleValue());
            } else if (value instanceof Number || value instanceof Boolean) {
                return value.toString();
            } else if (value instanceof dev.nodeshim.events.Symbol) {
                return value.toString();
            } else if (value instanceof Inspectable custom) {
                return custom.inspect();
            } else if (value instanceof Throwable t) {
                return errorHead(t);
            } else if (isContainer(value) && containsIdentical(writing, value)) {
                return "[Circular *" + circular.computeIfAbsent(value, v -> circular.size() + 1) + "]";
            } else if (isContainer(value)) {
                writing.add(value);
                try {
                    return container(value, depth, indent);
                } finally {
                    writing.remove(writing.size() - 1);
                }
            } else if (Errors.typeOf(value).equals("function")) {
                String name = Errors.functionName(value);
                return name.isEmpty() ? "[Function (anonymous)]" : "[Function: " + name + "]";
            }
            return value.toString();
        }

        private static boolean isContainer(Object value) {
            return value instanceof Map || value instanceof Record || value instanceof Collection
                    || value.getClass().isArray();
        }

        private static boolean containsIdentical(List<Object> list, Object value) {
            for (Object o : list) {
                if (o == value) {
                    return true;
                }
            }
            return false;
        }

        private String container(Object value, int depth, int indent) {
            if (value instanceof Map<?, ?> map) {
                List<Map.Entry<String, Object>> entries = new ArrayList<>();
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    entries.add(new AbstractMap.SimpleEntry<>(String.valueOf(e.getKey()), e.getValue()));
                }
                return object("", "Object", entries, depth, indent);
            } else if (value instanceof Record record) {
                return object(value.getClass().getSimpleName(), value.getClass().getSimpleName(),
                        components(record), depth, indent);
            } else if (value instanceof Collection<?> list) {
                return array("", "Array", new ArrayList<>(list), depth, indent);
            } else if (value instanceof byte[] bytes) {
                // A byte[] stands for a Uint8Array (Errors.received calls it one): unsigned elements.
                List<Object> items = new ArrayList<>(bytes.length);
                for (byte b : bytes) {
                    items.add(b & 0xFF);
                }
                return array("Uint8Array(" + bytes.length + ")", "Uint8Array", items, depth, indent);
            } else {
                // Object[], int[], double[], …: an Array of the boxed elements (not "[I@1b6d3586").
                int n = java.lang.reflect.Array.getLength(value);
                List<Object> items = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    items.add(java.lang.reflect.Array.get(value, i));
                }
                return array("", "Array", items, depth, indent);
            }
        }

        private String object(String prefix, String kind, List<Map.Entry<String, Object>> entries, int depth,
                int indent) {
            if (entries.isEmpty()) {
                return prefix.isEmpty() ? "{}" : prefix + " {}";
            }
            if (depth > MAX_DEPTH) {
                return "[" + kind + "]";
            }
            lastDepth = depth;
            List<String> parts = new ArrayList<>(entries.size());
            for (Map.Entry<String, Object> e : entries) {
                String key = e.getKey();
                parts.add((IDENTIFIER.matcher(key).matches() ? key : quote(key)) + ": "
                        + format(e.getValue(), depth + 1, indent + 2));
            }
            return layout(prefix, "{", "}", parts, depth, indent);
        }

        private String array(String prefix, String kind, List<?> items, int depth, int indent) {
            if (items.isEmpty()) {
                return prefix.isEmpty() ? "[]" : prefix + " []";
            }
            if (depth > MAX_DEPTH) {
                return "[" + kind + "]";
            }
            lastDepth = depth;
            int shown = Math.min(items.size(), MAX_ARRAY_LENGTH);
            List<String> parts = new ArrayList<>(shown + 1);
            for (int i = 0; i < shown; i++) {
                parts.add(format(items.get(i), depth + 1, indent + 2));
            }
            int more = items.size() - shown;
            if (more > 0) {
                parts.add("... " + more + " more item" + (more > 1 ? "s" : ""));
            }
            return layout(prefix, "[", "]", parts, depth, indent);
        }

        /**
         * One line when it fits and nests at most two levels below; else one entry a line. A container
         * that something inside it refers back to is {@code <ref *n>}, which counts in the prefix.
         */
        private String layout(String prefix, String open, String close, List<String> parts, int depth, int indent) {
            Integer ref = circular.get(writing.get(writing.size() - 1));
            if (ref != null) {
                prefix = "<ref *" + ref + ">" + (prefix.isEmpty() ? "" : " " + prefix);
            }
            String head = prefix.isEmpty() ? open : prefix + " " + open;
            if (lastDepth - depth < COMPACT) {
                int width = indent + open.length() + prefix.length() + 10;
                boolean multiLine = false;
                for (String part : parts) {
                    width += part.length() + 2;
                    multiLine |= part.indexOf('\n') >= 0;
                }
                if (width <= BREAK_LENGTH && !multiLine) {
                    return head + " " + String.join(", ", parts) + " " + close;
                }
            }
            String newline = "\n" + " ".repeat(indent);
            return head + newline + "  " + String.join("," + newline + "  ", parts) + newline + close;
        }
    }

    private static List<Map.Entry<String, Object>> components(Record record) {
        List<Map.Entry<String, Object>> entries = new ArrayList<>();
        for (RecordComponent c : record.getClass().getRecordComponents()) {
            Object v;
            try {
                java.lang.reflect.Method accessor = c.getAccessor();
                accessor.setAccessible(true);
                v = accessor.invoke(record);
            } catch (ReflectiveOperationException | RuntimeException e) {
                v = Undefined.INSTANCE;
            }
            entries.add(new AbstractMap.SimpleEntry<>(c.getName(), v));
        }
        return entries;
    }

    /**
     * A string as inspect shows it at the given indentation: quoted, or — when it holds a line break,
     * is longer than 16 characters and longer than 76 less the indentation — cut after each line
     * break into quoted pieces (each quoted on its own) joined by {@code " +\n"} and the indentation
     * plus two spaces.
     */
    private static String string(String s, int indent) {
        if (s.length() > MAX_STRING_LENGTH) {
            int more = s.length() - MAX_STRING_LENGTH;
            return string(s.substring(0, MAX_STRING_LENGTH), indent)
                    + "... " + more + " more character" + (more > 1 ? "s" : "");
        }
        if (s.length() <= 16 || s.length() <= BREAK_LENGTH - 4 - indent || s.indexOf('\n') < 0) {
            return quote(s);
        }
        StringBuilder out = new StringBuilder();
        String joint = " +\n" + " ".repeat(indent + 2);
        int from = 0;
        while (from < s.length()) {
            int nl = s.indexOf('\n', from);
            int to = nl < 0 ? s.length() : nl + 1;
            if (from > 0) {
                out.append(joint);
            }
            out.append(quote(s.substring(from, to)));
            from = to;
        }
        return out.toString();
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
