package dev.nodeshim.childprocess;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.nodeshim.buffer.Buffer;
import dev.nodeshim.errors.JsonString;
import dev.nodeshim.errors.NodeError;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Node's default IPC serialization ({@code serialization: 'json'}): a message on the wire is
 * {@code JSON.stringify(message) + "\n"} in UTF-8, and a received line is given to listeners as
 * {@code JSON.parse} would see it.
 *
 * <h2>Java value → JSON (as JSON.stringify writes it)</h2>
 * <ul>
 *   <li>{@code null} → {@code null}; {@code Boolean} → {@code true}/{@code false};
 *       {@code CharSequence}/{@code Character} → a string;</li>
 *   <li>{@code Double}/{@code Float} → a number spelled as JavaScript spells it ({@code 1}, {@code 2.5},
 *       {@code 1e+21}, {@code 1e-7}; {@code -0} → {@code 0}); NaN and ±Infinity → {@code null};
 *       integral types and {@code BigInteger}/{@code BigDecimal} → their exact digits (JavaScript would
 *       round integers beyond 2^53; a JSON.parse on the other side still does);</li>
 *   <li>a {@code Buffer} → {@code {"type":"Buffer","data":[…]}} (its {@code toJSON()}, as in Node);</li>
 *   <li>{@code Map} → an object, keys by {@code String.valueOf}, in the map's iteration order;
 *       {@code Iterable} and arrays (also primitive arrays) → arrays;</li>
 *   <li>anything else (records, beans, enums) → what Jackson's {@code valueToTree} makes of it (records
 *       and beans become objects of their properties, enums their name), then written by the rules
 *       above.</li>
 * </ul>
 * Strings are escaped as JSON.stringify escapes them: {@code \"}, {@code \\}, {@code \b \f \n \r \t},
 * other control characters as {@code \}{@code u00xx}, lone surrogates as {@code \}{@code udxxx};
 * everything else (U+2028 included) is written as it is. A structure that contains itself fails with
 * {@code TypeError: Converting circular structure to JSON} (Node adds lines naming the path); a value
 * Jackson cannot map ({@code Optional}, {@code java.time} types without their Jackson module) with
 * {@code TypeError: Do not know how to serialize a <class>}, in the words V8 uses for a BigInt.
 *
 * <h2>JSON → Java value (as JSON.parse reads it)</h2>
 * An object → a {@code LinkedHashMap<String, Object>} in JavaScript's property order (array-index keys
 * first in ascending order, then the others as they came; a repeated key keeps its first place and its
 * last value); an array → an {@code ArrayList}; a string → {@code String}; a number → an
 * {@code Integer} when its value is an integer in int range (not -0), else a {@code Double} (JavaScript
 * has one number type: read either with {@code ((Number) v).doubleValue()}); {@code true}/{@code false}
 * → {@code Boolean}; {@code null} → {@code null}. Invalid UTF-8 becomes U+FFFD, as Node's decoder does.
 */
final class JsonMessages {
    // Jackson is made on first use, each part in its holder: a forked child that only sends plain
    // values never loads it (its ObjectMapper alone took about 110 ms of a fork's start).

    /** The parser's factory, made when the first line is read. */
    private static final class Parsing {
        static final JsonFactory FACTORY = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxStringLength(Integer.MAX_VALUE).maxNestingDepth(Integer.MAX_VALUE).build())
                .build();
    }

    /** The mapper of records and beans, made when the first one is sent. */
    private static final class Beans {
        static final ObjectMapper MAPPER = new ObjectMapper(Parsing.FACTORY)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    }

    private JsonMessages() {}

    // ------------------------------------------------------------------------------------------------
    // Writing

    /** {@code JSON.stringify(message) + "\n"} as UTF-8 bytes. */
    static byte[] encode(Object message) {
        StringBuilder sb = new StringBuilder();
        new Writer(sb).value(message);
        sb.append('\n');
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** {@code JSON.stringify(message)}. */
    static String stringify(Object message) {
        StringBuilder sb = new StringBuilder();
        new Writer(sb).value(message);
        return sb.toString();
    }

    private static final class Writer {
        private final StringBuilder out;
        private final Set<Object> open = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

        Writer(StringBuilder out) {
            this.out = out;
        }

        void value(Object v) {
            if (v == null) {
                out.append("null");
            } else if (v instanceof CharSequence || v instanceof Character) {
                string(v.toString());
            } else if (v instanceof Boolean b) {
                out.append(b.booleanValue());
            } else if (v instanceof Double || v instanceof Float) {
                number(((Number) v).doubleValue());
            } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte
                    || v instanceof BigInteger) {
                out.append(v);
            } else if (v instanceof BigDecimal d) {
                out.append(d.toString());
            } else if (v instanceof Map<?, ?> m) {
                enter(v);
                out.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    string(String.valueOf(e.getKey()));
                    out.append(':');
                    value(e.getValue());
                }
                out.append('}');
                open.remove(v);
            } else if (v instanceof Iterable<?> it) {
                enter(v);
                array(it.iterator());
                open.remove(v);
            } else if (v.getClass().isArray()) {
                enter(v);
                out.append('[');
                int n = java.lang.reflect.Array.getLength(v);
                for (int i = 0; i < n; i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    value(java.lang.reflect.Array.get(v, i));
                }
                out.append(']');
                open.remove(v);
            } else if (v instanceof Buffer b) {
                value(b.toJSON()); // JSON.stringify calls buf.toJSON(): {"type":"Buffer","data":[…]}
            } else if (v instanceof JsonNode node) {
                node(node);
            } else if (v instanceof Number n) {
                number(n.doubleValue());
            } else {
                JsonNode tree;
                try {
                    tree = Beans.MAPPER.valueToTree(v);
                } catch (StackOverflowError e) {
                    throw circular(e);
                } catch (IllegalArgumentException e) {
                    String why = String.valueOf(e.getMessage());
                    if (why.contains("self-reference") || why.contains("Infinite recursion")) {
                        throw circular(e);
                    }
                    // V8's words for a value JSON cannot hold (a BigInt): Do not know how to serialize a BigInt
                    throw new NodeError("TypeError", null,
                            "Do not know how to serialize a " + v.getClass().getName(), e);
                }
                node(tree);
            }
        }

        private void array(Iterator<?> it) {
            out.append('[');
            boolean first = true;
            while (it.hasNext()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                value(it.next());
            }
            out.append(']');
        }

        private void node(JsonNode n) {
            switch (n.getNodeType()) {
                case OBJECT -> {
                    out.append('{');
                    boolean first = true;
                    for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                        Map.Entry<String, JsonNode> e = it.next();
                        if (!first) {
                            out.append(',');
                        }
                        first = false;
                        string(e.getKey());
                        out.append(':');
                        node(e.getValue());
                    }
                    out.append('}');
                }
                case ARRAY -> {
                    out.append('[');
                    for (int i = 0; i < n.size(); i++) {
                        if (i > 0) {
                            out.append(',');
                        }
                        node(n.get(i));
                    }
                    out.append(']');
                }
                case STRING -> string(n.textValue());
                case BOOLEAN -> out.append(n.booleanValue());
                case NUMBER -> {
                    if (n.isIntegralNumber()) {
                        out.append(n.bigIntegerValue());
                    } else if (n.isBigDecimal()) {
                        out.append(n.decimalValue().toString());
                    } else {
                        number(n.doubleValue());
                    }
                }
                case BINARY -> string(n.asText());
                default -> out.append("null");
            }
        }

        private void enter(Object container) {
            if (!open.add(container)) {
                throw circular(null);
            }
        }

        private void number(double d) {
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                out.append("null"); // JSON.stringify(NaN) === 'null'
            } else {
                out.append(jsNumber(d));
            }
        }

        private void string(String s) {
            JsonString.append(out, s);
        }
    }

    private static NodeError circular(Throwable cause) {
        return new NodeError("TypeError", null, "Converting circular structure to JSON", cause);
    }

    /**
     * JavaScript's Number::toString for a finite double: the shortest digits that read back as
     * {@code d}, in plain notation for exponents from -7 to 20 and {@code 1.5e+21} style beyond.
     */
    static String jsNumber(double d) {
        if (d == 0) {
            return "0"; // both zeros
        }
        BigDecimal bd = shortest(Math.abs(d));
        String digits = bd.unscaledValue().toString();
        int k = digits.length();
        int n = k - bd.scale(); // the value is 0.digits × 10^n
        StringBuilder sb = new StringBuilder(24);
        if (d < 0) {
            sb.append('-');
        }
        if (k <= n && n <= 21) {
            sb.append(digits).append("0".repeat(n - k));
        } else if (0 < n && n <= 21) {
            sb.append(digits, 0, n).append('.').append(digits, n, k);
        } else if (-6 < n && n <= 0) {
            sb.append("0.").append("0".repeat(-n)).append(digits);
        } else {
            int e = n - 1;
            sb.append(digits.charAt(0));
            if (k > 1) {
                sb.append('.').append(digits, 1, k);
            }
            sb.append('e').append(e < 0 ? '-' : '+').append(Math.abs(e));
        }
        return sb.toString();
    }

    /**
     * The shortest decimal that reads back as {@code d} (positive, finite), and of those the closest to
     * it (ECMAScript's Number::toString rule). JDK 17's {@code Double.toString} sometimes gives one digit
     * more ({@code 4.9E-324} for {@code 5e-324}), so its length is only the starting point: fewer digits
     * are tried while the value, rounded to them, still reads back (if p digits cannot, fewer cannot).
     */
    private static BigDecimal shortest(double d) {
        int p = new BigDecimal(Double.toString(d)).stripTrailingZeros().precision();
        BigDecimal exact = new BigDecimal(d);
        while (p > 1 && exact.round(new MathContext(p - 1, RoundingMode.HALF_EVEN)).doubleValue() == d) {
            p--;
        }
        return exact.round(new MathContext(p, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    }

    // ------------------------------------------------------------------------------------------------
    // Reading

    /** {@code JSON.parse} of one line (without its newline) read from the channel. */
    static Object decode(byte[] bytes, int off, int len) {
        return parse(new String(bytes, off, len, StandardCharsets.UTF_8));
    }

    /**
     * {@code JSON.parse(text)}, iteratively (no recursion, so deep nesting cannot overflow the stack).
     *
     * @throws NodeError a {@code SyntaxError} for text that is not one JSON value
     */
    static Object parse(String text) {
        try (JsonParser p = Parsing.FACTORY.createParser(text)) {
            ArrayDeque<Object> stack = new ArrayDeque<>(); // containers being filled
            ArrayDeque<String> keys = new ArrayDeque<>();  // pending key per open object
            Object result = null;
            boolean done = false;
            JsonToken t;
            while (!done && (t = p.nextToken()) != null) {
                Object value;
                switch (t) {
                    case START_OBJECT -> {
                        stack.push(new JsObject());
                        continue;
                    }
                    case START_ARRAY -> {
                        stack.push(new ArrayList<>());
                        continue;
                    }
                    case FIELD_NAME -> {
                        keys.push(p.currentName());
                        continue;
                    }
                    case END_OBJECT -> value = ((JsObject) stack.pop()).toMap();
                    case END_ARRAY -> value = stack.pop();
                    case VALUE_STRING -> value = p.getText();
                    case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> value = number(p, t);
                    case VALUE_TRUE -> value = Boolean.TRUE;
                    case VALUE_FALSE -> value = Boolean.FALSE;
                    case VALUE_NULL -> value = null;
                    default -> throw syntax("Unexpected token in JSON", null);
                }
                if (stack.isEmpty()) {
                    result = value;
                    done = true;
                } else if (stack.peek() instanceof JsObject o) {
                    o.put(keys.pop(), value);
                } else {
                    @SuppressWarnings("unchecked")
                    List<Object> list = (List<Object>) stack.peek();
                    list.add(value);
                }
            }
            if (!done || p.nextToken() != null) {
                throw syntax(done ? "Unexpected non-whitespace character after JSON" : "Unexpected end of JSON input",
                        null);
            }
            return result;
        } catch (IOException e) {
            throw syntax(e.getMessage(), e);
        }
    }

    private static Object number(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT) {
            int i = p.getIntValue();
            if (i == 0 && p.getText().startsWith("-")) {
                return -0.0; // JSON.parse('-0') is -0
            }
            return i;
        }
        double d = p.getValueAsDouble();
        if (d == Math.rint(d) && d >= Integer.MIN_VALUE && d <= Integer.MAX_VALUE
                && !(d == 0 && 1 / d < 0)) {
            return (int) d;
        }
        return d;
    }

    private static NodeError syntax(String message, Throwable cause) {
        return new NodeError("SyntaxError", null, message, cause);
    }

    /**
     * An object under construction, keeping JavaScript's own-property order: integer-index keys
     * (canonical numbers below 2^32 - 1) ascending, then string keys in insertion order.
     */
    private static final class JsObject {
        private final LinkedHashMap<String, Object> map = new LinkedHashMap<>();
        private boolean hasIndexKeys;

        void put(String key, Object value) {
            if (!hasIndexKeys && isArrayIndex(key)) {
                hasIndexKeys = true;
            }
            map.put(key, value);
        }

        Map<String, Object> toMap() {
            if (!hasIndexKeys) {
                return map;
            }
            List<String> index = new ArrayList<>();
            for (String k : map.keySet()) {
                if (isArrayIndex(k)) {
                    index.add(k);
                }
            }
            index.sort((a, b) -> Long.compare(Long.parseLong(a), Long.parseLong(b)));
            LinkedHashMap<String, Object> ordered = new LinkedHashMap<>();
            for (String k : index) {
                ordered.put(k, map.get(k));
            }
            for (Map.Entry<String, Object> e : map.entrySet()) {
                ordered.putIfAbsent(e.getKey(), e.getValue());
            }
            return ordered;
        }

        private static boolean isArrayIndex(String k) {
            int n = k.length();
            if (n == 0 || n > 10 || (n > 1 && k.charAt(0) == '0')) {
                return false;
            }
            for (int i = 0; i < n; i++) {
                char c = k.charAt(i);
                if (c < '0' || c > '9') {
                    return false;
                }
            }
            return Long.parseLong(k) < 4294967295L;
        }
    }
}
