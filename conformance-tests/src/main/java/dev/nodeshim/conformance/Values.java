package dev.nodeshim.conformance;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nodeshim.errors.NodeError;
import dev.nodeshim.errors.Undefined;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The value encoding of {@code shared/CONFORMANCE.md}: how JavaScript values travel in case files, and
 * which Java values stand for them on this side.
 *
 * <pre>
 *   JSON in a case file            Java value ({@link #decode})        back to JSON ({@link #encode})
 *   null, true/false, "text"       null, Boolean, String                same
 *   123, 1.5                       Integer / Long (integral, |n| ≤ 2^53), Double   a number
 *   {"$num": "NaN"|"±Infinity"|"-0"}  Double                            same (also for a Float)
 *   {"$bigint": "-12"}             BigInteger                           same
 *   {"$hex": "00ff"}               byte[]                               same (also ByteBuffer, remaining bytes)
 *   {"$undefined": true}           {@link Undefined#INSTANCE}           same
 *   {"$error": "msg"}              {@code NodeError.of(msg)} (a JS Error)  same for any Throwable (its message)
 *   [ … ]                          ArrayList                            any Collection or Object[]
 *   { … }                          LinkedHashMap&lt;String, Object&gt;      any Map (keys as strings)
 * </pre>
 *
 * Strings are UTF-16 both in Java and in JSON escapes, so lone surrogates survive unchanged.
 *
 * <p>{@link #equal(JsonNode, JsonNode)} is the suite's one notion of "the same result": arrays in
 * order, objects by key (in any order), numbers by value as JS numbers ({@code 1 == 1.0}, and two
 * spellings of one double are equal), strings code unit for
 * code unit, and nothing else equal to anything of another JSON type.
 */
public final class Values {
    /** Jackson, set up to read case files and to print values ASCII-only (lone surrogates as {@code \\udXXX}). */
    public static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .build();

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final long MAX_SAFE_INTEGER = (1L << 53) - 1;

    private Values() {
    }

    // ------------------------------------------------------------------------------------ decode

    /** A case file's value JSON as the Java value that stands for it (table above). */
    public static Object decode(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return null;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isTextual()) {
            return v.textValue();
        }
        if (v.isNumber()) {
            return decodeNumber(v);
        }
        if (v.isArray()) {
            List<Object> out = new ArrayList<>(v.size());
            for (JsonNode x : v) {
                out.add(decode(x));
            }
            return out;
        }
        if (v.isObject()) {
            if (v.size() == 1) {
                Map.Entry<String, JsonNode> only = v.properties().iterator().next();
                String tag = only.getKey();
                JsonNode x = only.getValue();
                switch (tag) {
                    case "$undefined":
                        return Undefined.INSTANCE;
                    case "$hex":
                        return HexFormat.of().parseHex(x.asText());
                    case "$bigint":
                        return new BigInteger(x.asText());
                    case "$num":
                        return decodeSpecialNumber(x.asText());
                    case "$error":
                        return NodeError.of(x.asText());
                    default:
                        break;
                }
            }
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : v.properties()) {
                out.put(e.getKey(), decode(e.getValue()));
            }
            return out;
        }
        throw new IllegalArgumentException("not a case value: " + v);
    }

    private static Object decodeNumber(JsonNode v) {
        if (v.isIntegralNumber() || (v.isFloatingPointNumber() && isIntegral(v.decimalValue()))) {
            BigInteger big = v.bigIntegerValue();
            if (big.bitLength() < 32) {
                return big.intValue();
            }
            if (big.abs().compareTo(BigInteger.valueOf(MAX_SAFE_INTEGER)) <= 0) {
                return big.longValue();
            }
        }
        return v.doubleValue();
    }

    private static boolean isIntegral(BigDecimal d) {
        return d.signum() == 0 || d.stripTrailingZeros().scale() <= 0;
    }

    private static Double decodeSpecialNumber(String s) {
        switch (s) {
            case "NaN":
                return Double.NaN;
            case "Infinity":
                return Double.POSITIVE_INFINITY;
            case "-Infinity":
                return Double.NEGATIVE_INFINITY;
            case "-0":
                return -0.0;
            default:
                return Double.parseDouble(s);
        }
    }

    // ------------------------------------------------------------------------------------ encode

    /** The value JSON of a Java result (table above). */
    public static JsonNode encode(Object v) {
        return encode(v, x -> null);
    }

    /**
     * The value JSON of a Java result; {@code extra} is asked first about every value (at any depth)
     * and may return its encoding, or {@code null} to leave it to the table.
     *
     * @throws IllegalArgumentException for a value the table cannot express
     */
    public static JsonNode encode(Object v, Function<Object, JsonNode> extra) {
        JsonNode special = extra.apply(v);
        if (special != null) {
            return special;
        }
        if (v == null) {
            return NODES.nullNode();
        }
        if (v instanceof JsonNode node) {
            return node;
        }
        if (v instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (v instanceof CharSequence || v instanceof Character) {
            return NODES.textNode(v.toString());
        }
        if (v instanceof Undefined) {
            return tagged("$undefined", NODES.booleanNode(true));
        }
        if (v instanceof BigInteger big) {
            return tagged("$bigint", NODES.textNode(big.toString()));
        }
        if (v instanceof Double || v instanceof Float) {
            return number(((Number) v).doubleValue());
        }
        if (v instanceof BigDecimal d) {
            return NODES.numberNode(d);
        }
        if (v instanceof Number n) {
            return NODES.numberNode(n.longValue());
        }
        if (v instanceof byte[] bytes) {
            return tagged("$hex", NODES.textNode(HexFormat.of().formatHex(bytes)));
        }
        if (v instanceof ByteBuffer buf) {
            byte[] bytes = new byte[buf.remaining()];
            buf.duplicate().get(bytes);
            return tagged("$hex", NODES.textNode(HexFormat.of().formatHex(bytes)));
        }
        if (v instanceof Throwable t) {
            return tagged("$error", NODES.textNode(Objects.toString(t.getMessage(), "")));
        }
        if (v instanceof Map<?, ?> map) {
            ObjectNode out = NODES.objectNode();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.set(String.valueOf(e.getKey()), encode(e.getValue(), extra));
            }
            return out;
        }
        if (v instanceof Collection<?> list) {
            ArrayNode out = NODES.arrayNode();
            for (Object x : list) {
                out.add(encode(x, extra));
            }
            return out;
        }
        if (v instanceof Object[] array) {
            ArrayNode out = NODES.arrayNode();
            for (Object x : array) {
                out.add(encode(x, extra));
            }
            return out;
        }
        throw new IllegalArgumentException("no case encoding for a " + v.getClass().getName() + ": " + v);
    }

    /** A JS number: finite ones as JSON numbers (integral ones without a fraction), the rest as {@code $num}. */
    public static JsonNode number(double d) {
        if (Double.isNaN(d)) {
            return tagged("$num", NODES.textNode("NaN"));
        }
        if (Double.isInfinite(d)) {
            return tagged("$num", NODES.textNode(d > 0 ? "Infinity" : "-Infinity"));
        }
        if (d == 0 && Double.doubleToRawLongBits(d) != 0) {
            return tagged("$num", NODES.textNode("-0"));
        }
        if (d == Math.rint(d) && Math.abs(d) <= MAX_SAFE_INTEGER) {
            return NODES.numberNode((long) d);
        }
        return NODES.numberNode(d);
    }

    private static ObjectNode tagged(String tag, JsonNode value) {
        ObjectNode o = NODES.objectNode();
        o.set(tag, value);
        return o;
    }

    // ------------------------------------------------------------------------------------ compare

    /** Structural equality of two value JSONs (see the class comment). */
    public static boolean equal(JsonNode expected, JsonNode actual) {
        return firstDifference(expected, actual) == null;
    }

    /** Where two value JSONs differ: a path such as {@code $.ok.trace[3][2]} and the two values found there. */
    public record Difference(String path, JsonNode expected, JsonNode actual) {
        @Override
        public String toString() {
            return path + ": expected " + toJson(expected) + ", actual " + toJson(actual);
        }
    }

    /** The first place where two value JSONs differ, or {@code null} when they are {@linkplain #equal equal}. */
    public static Difference firstDifference(JsonNode expected, JsonNode actual) {
        return diff(expected, actual, "$");
    }

    private static Difference diff(JsonNode a, JsonNode b, String path) {
        if (a == null || b == null) {
            return a == b ? null : new Difference(path, a, b);
        }
        if (a.isNumber() && b.isNumber()) {
            // Every number in a case is a JS number (a double): two spellings of one double are equal,
            // e.g. Node's -3477646152126431000 and Java's -3.4776461521264312E18.
            boolean same = a.decimalValue().compareTo(b.decimalValue()) == 0 || a.doubleValue() == b.doubleValue();
            return same ? null : new Difference(path, a, b);
        }
        if (a.getNodeType() != b.getNodeType()) {
            return new Difference(path, a, b);
        }
        if (a.isArray()) {
            int n = Math.min(a.size(), b.size());
            for (int i = 0; i < n; i++) {
                Difference d = diff(a.get(i), b.get(i), path + "[" + i + "]");
                if (d != null) {
                    return d;
                }
            }
            return a.size() == b.size() ? null : new Difference(path + "[" + n + "]", a.get(n), b.get(n));
        }
        if (a.isObject()) {
            Iterator<String> names = a.fieldNames();
            while (names.hasNext()) {
                String k = names.next();
                Difference d = diff(a.get(k), b.get(k), path + "." + k);
                if (d != null) {
                    return d;
                }
            }
            Iterator<String> extra = b.fieldNames();
            while (extra.hasNext()) {
                String k = extra.next();
                if (!a.has(k)) {
                    return new Difference(path + "." + k, null, b.get(k));
                }
            }
            return null;
        }
        return a.equals(b) ? null : new Difference(path, a, b);
    }

    /** Compact JSON, ASCII only: non-ASCII and lone surrogates as {@code \\uXXXX}. */
    public static String toJson(JsonNode v) {
        if (v == null) {
            return "(nothing)";
        }
        try {
            StringWriter w = new StringWriter();
            try (JsonGenerator g = JSON.getFactory().createGenerator(w)) {
                JSON.writeTree(g, v);
            }
            return w.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
