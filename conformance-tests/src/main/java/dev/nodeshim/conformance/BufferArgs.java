package dev.nodeshim.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nodeshim.buffer.Buffer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How the {@code buffer.*} probes turn a case's JSON arguments into Java arguments of
 * {@link Buffer}'s methods (the mapping is documented in conformance-tests/PROBES.md, "buffer"; its
 * JavaScript twin is {@code expressible()} in generator/buffer.js, which leaves out the cases this
 * mapping cannot express).
 *
 * <p>Every argument has a <em>kind</em>, one letter:
 *
 * <pre>
 *   L  a number that is an integer and fits a Java long exactly (|n| &lt; 2^63; also -0, as 0)
 *   D  any other number: a fraction, NaN, ±Infinity, |n| &gt;= 2^63
 *   S  a string        N  null        B  bytes ($hex)      G  a bigint      U  undefined
 *   A  an array        T  a boolean   O  anything else
 * </pre>
 *
 * A probe reads the kinds of its arguments as a signature ({@code "LLS"}) and calls the Java overload
 * with those parameter types: L is a {@code long}, S and N a {@code String} ({@code null} for N), B a
 * {@link Buffer}, G a {@link BigInteger}; a {@code double} parameter takes L and D. Trailing undefined
 * arguments are dropped first (Node treats them as missing). A signature with no overload is
 * {@link Inexpressible}.
 */
final class BufferArgs {
    private static final Map<String, Method> METHODS = new ConcurrentHashMap<>();

    private BufferArgs() {
    }

    /** The kind letter of a case value (class comment). */
    static char kind(JsonNode j) {
        if (j == null || j.isMissingNode()) {
            return 'U';
        }
        if (j.isNull()) {
            return 'N';
        }
        if (j.isTextual()) {
            return 'S';
        }
        if (j.isBoolean()) {
            return 'T';
        }
        if (j.isNumber()) {
            if (j.isIntegralNumber()) {
                return j.bigIntegerValue().abs().bitLength() < 64 ? 'L' : 'D';
            }
            double d = j.doubleValue();
            return d == Math.rint(d) && Math.abs(d) < 0x1p63 ? 'L' : 'D';
        }
        if (j.isArray()) {
            return 'A';
        }
        if (j.isObject() && j.size() == 1) {
            if (j.has("$num")) {
                return "-0".equals(j.get("$num").asText()) ? 'L' : 'D';
            }
            if (j.has("$hex")) {
                return 'B';
            }
            if (j.has("$bigint")) {
                return 'G';
            }
            if (j.has("$undefined")) {
                return 'U';
            }
        }
        return 'O';
    }

    /** The list without its trailing undefined values. */
    static List<JsonNode> trimmed(List<JsonNode> list) {
        int n = list.size();
        while (n > 0 && kind(list.get(n - 1)) == 'U') {
            n--;
        }
        return list.subList(0, n);
    }

    /** The kind letters of a (trimmed) argument list. */
    static String sig(List<JsonNode> list) {
        StringBuilder s = new StringBuilder(list.size());
        for (JsonNode j : list) {
            s.append(kind(j));
        }
        return s.toString();
    }

    /**
     * The present fields of {@code in}, in the order named, as positional arguments (CONFORMANCE.md:
     * an argument is passed only when its field is present), trailing undefined ones dropped.
     *
     * @throws Inexpressible when a field is missing before a present one
     */
    static List<JsonNode> fields(JsonNode in, String... names) {
        List<JsonNode> out = new ArrayList<>(names.length);
        String missing = null;
        for (String n : names) {
            JsonNode v = in.get(n);
            if (v == null) {
                missing = n;
            } else if (missing != null) {
                throw new Inexpressible("\"" + n + "\" is given but \"" + missing + "\" before it is not");
            } else {
                out.add(v);
            }
        }
        return trimmed(out);
    }

    /** The case's {@code args} array (missing: none), trailing undefined values dropped. */
    static List<JsonNode> args(JsonNode in) {
        JsonNode a = in.get("args");
        if (a == null) {
            return List.of();
        }
        if (!a.isArray()) {
            throw new Inexpressible("\"args\" is not an array");
        }
        List<JsonNode> out = new ArrayList<>(a.size());
        a.forEach(out::add);
        return trimmed(out);
    }

    /** A field that must be present. */
    static JsonNode field(JsonNode in, String name) {
        JsonNode v = in.get(name);
        if (v == null) {
            throw new Inexpressible("missing \"" + name + "\"");
        }
        return v;
    }

    static Inexpressible noOverload(String what, String sig) {
        return new Inexpressible("no Java overload of " + what + " takes (" + sig + ")"
                + " [kinds: L long, D other number, S string, N null, B bytes, G bigint, U undefined, A array]");
    }

    /** A {@code long} argument (kind L). */
    static long l(JsonNode j) {
        if (kind(j) != 'L') {
            throw new Inexpressible("not a Java long: " + j);
        }
        if (j.isObject()) {
            return 0; // {"$num": "-0"}
        }
        if (j.isIntegralNumber()) {
            return j.bigIntegerValue().longValueExact();
        }
        return (long) j.doubleValue();
    }

    /** A {@code double} argument (kind L or D). */
    static double d(JsonNode j) {
        char k = kind(j);
        if (k != 'L' && k != 'D') {
            throw new Inexpressible("not a number: " + j);
        }
        if (j.isObject()) {
            return (Double) Values.decode(j);
        }
        return j.doubleValue();
    }

    /** A {@code String} argument (kind S, or N for {@code null}). */
    static String s(JsonNode j) {
        char k = kind(j);
        if (k == 'N') {
            return null;
        }
        if (k != 'S') {
            throw new Inexpressible("not a string: " + j);
        }
        return j.textValue();
    }

    /** A {@link Buffer} argument (kind B, over its own copy of the bytes; N for {@code null}). */
    static Buffer buf(JsonNode j) {
        char k = kind(j);
        if (k == 'N') {
            return null;
        }
        if (k != 'B') {
            throw new Inexpressible("not bytes: " + j);
        }
        return Buffer.wrap(HexFormat.of().parseHex(j.get("$hex").asText()));
    }

    /** A {@link BigInteger} argument (kind G, or N for {@code null}). */
    static BigInteger big(JsonNode j) {
        char k = kind(j);
        if (k == 'N') {
            return null;
        }
        if (k != 'G') {
            throw new Inexpressible("not a bigint: " + j);
        }
        return new BigInteger(j.get("$bigint").asText());
    }

    /** The Java type a kind letter stands for in a parameter list. */
    static Class<?> type(char kind) {
        switch (kind) {
            case 'L':
                return long.class;
            case 'S':
            case 'N':
                return String.class;
            case 'B':
                return Buffer.class;
            case 'G':
                return BigInteger.class;
            case 'D':
                return double.class;
            default:
                throw new Inexpressible("no Java type for kind " + kind);
        }
    }

    /** The Java value of an argument for a parameter of type {@code t}. */
    static Object value(JsonNode j, Class<?> t) {
        if (t == long.class) {
            return l(j);
        }
        if (t == double.class) {
            return d(j);
        }
        if (t == String.class) {
            return s(j);
        }
        if (t == Buffer.class) {
            return buf(j);
        }
        if (t == BigInteger.class) {
            return big(j);
        }
        throw new Inexpressible("no Java value of type " + t.getName());
    }

    /**
     * Calls the public {@link Buffer} method {@code name} with exactly these parameter types (as a
     * compiled Java call with those static types would), on {@code target} ({@code null} for a
     * static method). What the method throws is rethrown as it is.
     *
     * @throws Inexpressible when {@link Buffer} has no such overload
     */
    static Object call(Buffer target, String name, Class<?>[] types, Object[] values) throws Exception {
        StringBuilder key = new StringBuilder(name).append('(');
        for (Class<?> t : types) {
            key.append(t.getName()).append(',');
        }
        Method m = METHODS.computeIfAbsent(key.toString(), k -> {
            try {
                return Buffer.class.getMethod(name, types);
            } catch (NoSuchMethodException e) {
                return null;
            }
        });
        if (m == null) {
            throw new Inexpressible("Buffer has no method " + key + ")");
        }
        try {
            return m.invoke(target, values);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception ex) {
                throw ex;
            }
            throw (Error) cause;
        }
    }
}
