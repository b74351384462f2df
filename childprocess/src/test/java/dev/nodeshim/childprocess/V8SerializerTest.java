package dev.nodeshim.childprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodeshim.buffer.ArrayBuffer;
import dev.nodeshim.buffer.Buffer;
import dev.nodeshim.errors.NodeError;
import dev.nodeshim.errors.Undefined;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The V8 codec against node 20: {@code src/test/resources/node/v8-serialize.js} prints
 * {@code v8.serialize} of a table of values ({@code v8-serialize.out}); each Java value standing for
 * one must serialize to the same bytes, and reading node's bytes must give the Java value the
 * mapping promises.
 */
class V8SerializerTest {
    private static final Map<String, byte[]> NODE = new LinkedHashMap<>();

    record Named(String name, int n) {
    }

    @BeforeAll
    static void readNodeOutput() throws IOException {
        try (var in = V8SerializerTest.class.getResourceAsStream("/node/v8-serialize.out")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] parts = line.split("\t");
                NODE.put(parts[0], HexFormat.of().parseHex(parts[1]));
            }
        }
    }

    private static Map<String, Object> obj(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static NodeError err(String name, String message, String stack) {
        return new NodeError(name, null, message).withProp("stack", stack);
    }

    /** Java values to send, by the name of node's line. */
    private static Map<String, Supplier<Object>> sent() {
        Map<String, Supplier<Object>> t = new LinkedHashMap<>();
        t.put("undefined", () -> Undefined.INSTANCE);
        t.put("null", () -> null);
        t.put("true", () -> true);
        t.put("false", () -> false);
        t.put("zero", () -> 0);
        t.put("minusZero", () -> -0.0);
        t.put("one", () -> 1);
        t.put("minusOne", () -> (short) -1);
        t.put("twoPow30", () -> 1 << 30);
        t.put("intMax", () -> Integer.MAX_VALUE);
        t.put("intMin", () -> Integer.MIN_VALUE);
        t.put("twoPow31", () -> 2147483648L);
        t.put("twoDouble", () -> 2.0);
        t.put("half", () -> 1.5f);
        t.put("nan", () -> Double.NaN);
        t.put("inf", () -> Double.POSITIVE_INFINITY);
        t.put("negInf", () -> Double.NEGATIVE_INFINITY);
        t.put("big21", () -> 1e21);
        t.put("twoPow53plus2", () -> (1L << 53) + 2);
        t.put("tiny", () -> Double.MIN_VALUE);
        t.put("big0", () -> BigInteger.ZERO);
        t.put("big1", () -> BigInteger.ONE);
        t.put("bigMinus1", () -> BigInteger.ONE.negate());
        t.put("big2pow64", () -> BigInteger.TWO.pow(64));
        t.put("bigMinus2pow64minus1", () -> BigInteger.TWO.pow(64).negate().subtract(BigInteger.ONE));
        t.put("bigMinus2pow63", () -> BigInteger.valueOf(Long.MIN_VALUE));
        t.put("big2pow200", () -> BigInteger.TWO.pow(200));
        t.put("empty", () -> "");
        t.put("a", () -> 'a');
        t.put("latin1", () -> "é ÿ");
        t.put("twoByte", () -> "ā");
        t.put("mixed", () -> new StringBuilder("ab€"));
        t.put("emoji", () -> "😀");
        t.put("loneSurrogate", () -> "\ud800");
        t.put("long300", () -> "x".repeat(300));
        t.put("objEmpty", () -> Map.of());
        t.put("objA", () -> Map.of("a", 1));
        t.put("objIndexKeys", () -> obj("1", "x", "b", 2, "0", "y"));
        t.put("objNested", () -> Map.of("a", Map.of("b", List.of(1))));
        t.put("objBigKeys", () -> obj("4294967294", 1, "4294967295", 2, "2147483648", 3, "2147483647", 4, "-1", 5,
                "01", 6));
        t.put("arrEmpty", () -> List.of());
        t.put("arr12", () -> new Object[] {1, 2});
        t.put("arrPad", () -> List.of("x", "ā"));
        t.put("objPad", () -> obj("ā", 1, "b", "ā"));
        t.put("arrMixed", () -> Arrays.asList(null, true, "a", 1.5, List.of(), Map.of()));
        t.put("map", () -> {
            JsMap m = new JsMap();
            m.put(1, "a");
            m.put("b", Map.of());
            return m;
        });
        t.put("set", () -> new LinkedHashSet<>(Arrays.asList(1, "a", null)));
        t.put("mapEmpty", JsMap::new);
        t.put("setEmpty", () -> Set.of());
        t.put("date0", () -> Instant.EPOCH);
        t.put("date1500", () -> new java.util.Date(1500));
        t.put("dateNeg", () -> Instant.ofEpochMilli(-86400000));
        t.put("date2026", () -> Instant.parse("2026-11-23T00:00:00Z"));
        t.put("regexp", () -> new RegExp("ab+c", "gi"));
        t.put("regexpAllFlags", () -> new RegExp("x", "dgimsuy"));
        t.put("regexpPlain", () -> Pattern.compile("x"));
        t.put("regexpTwoByte", () -> new RegExp("ā", "u"));
        t.put("arrayBuffer", () -> ArrayBuffer.wrap(new byte[] {1, 2, 3}));
        t.put("arrayBufferEmpty", () -> java.nio.ByteBuffer.allocate(0));
        t.put("buffer", () -> Buffer.from(new byte[] {1, 2, 3}));
        t.put("bufferEmpty", () -> new byte[0]);
        t.put("bufferSlice", () -> Buffer.from(new byte[] {0, 1, 2, 3, 4}).subarray(1, 3));
        t.put("int8", () -> new TypedArray("Int8Array", new byte[] {-1, 2}));
        t.put("uint8", () -> new TypedArray("Uint8Array", new byte[] {1, (byte) 255}));
        t.put("uint8c", () -> new TypedArray("Uint8ClampedArray", new byte[] {9}));
        t.put("int16", () -> new short[] {1, -1});
        t.put("uint16", () -> new char[] {65535, 1});
        t.put("int32", () -> new int[] {-5, 7});
        t.put("uint32", () -> new TypedArray("Uint32Array", new byte[] {-1, -1, -1, -1}));
        t.put("float32", () -> new float[] {1.5f, -2f});
        t.put("float64", () -> new double[] {1.5, -0.0});
        t.put("bigInt64", () -> new long[] {-1, 5});
        t.put("bigUint64", () -> new TypedArray("BigUint64Array", new byte[] {-1, -1, -1, -1, -1, -1, -1, -1}));
        t.put("dataView", () -> new TypedArray("DataView", new byte[] {4, 5}));
        t.put("error", () -> err("Error", "boom", "Error: boom\n    at here"));
        t.put("typeError", () -> err("TypeError", "t", "S"));
        t.put("rangeError", () -> err("RangeError", "r", "S"));
        t.put("evalError", () -> err("EvalError", "e", "S"));
        t.put("referenceError", () -> err("ReferenceError", "f", "S"));
        t.put("syntaxError", () -> err("SyntaxError", "s", "S"));
        t.put("uriError", () -> err("URIError", "u", "S"));
        t.put("errorCause", () -> err("Error", "m", "S").withProp("cause", 1));
        t.put("errorEmptyMessage", () -> err("Error", "", "S"));
        t.put("errorErrorCause", () -> new NodeError("Error", null, "outer", err("TypeError", "inner", "S2"))
                .withProp("stack", "S1"));
        t.put("repeated", () -> {
            Map<String, Object> o = new LinkedHashMap<>();
            return List.of(o, o);
        });
        t.put("circular", () -> {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("self", c);
            return c;
        });
        t.put("selfArray", () -> {
            List<Object> a = new ArrayList<>();
            a.add(a);
            return a;
        });
        t.put("selfMap", () -> {
            JsMap m = new JsMap();
            m.put("me", m);
            return m;
        });
        t.put("repeatedBuffer", () -> {
            Buffer b = Buffer.from(new byte[] {7});
            return List.of(b, b);
        });
        t.put("record", () -> new Named("n", 2));
        return t;
    }

    @Test
    void everyJavaValueSerializesToNodesBytes() {
        Map<String, Supplier<Object>> table = sent();
        for (Map.Entry<String, Supplier<Object>> e : table.entrySet()) {
            byte[] expected = NODE.get(e.getKey());
            assertTrue(expected != null, "no node line for " + e.getKey());
            byte[] actual = V8Serializer.serialize(e.getValue().get()).toByteArray();
            assertEquals(HexFormat.of().formatHex(expected), HexFormat.of().formatHex(actual), e.getKey());
        }
        assertEquals(90, table.size());
    }

    /** Reading node's bytes and writing them again gives node's bytes, for every value Java can send. */
    @Test
    void nodesBytesReadAndWrittenAgainAreTheSame() {
        for (String name : sent().keySet()) {
            Object read = V8Deserializer.deserialize(Buffer.from(NODE.get(name)));
            byte[] again = V8Serializer.serialize(read).toByteArray();
            assertEquals(HexFormat.of().formatHex(NODE.get(name)), HexFormat.of().formatHex(again), name);
        }
    }

    private static Object read(String name) {
        return V8Deserializer.deserialize(Buffer.from(NODE.get(name)));
    }

    @Test
    void primitivesReadAsTheMappingSays() {
        assertSame(Undefined.INSTANCE, read("undefined"));
        assertNull(read("null"));
        assertEquals(true, read("true"));
        assertEquals(0, read("zero"));
        assertEquals(-0.0, read("minusZero"));
        assertEquals(Integer.MIN_VALUE, read("intMin"));
        assertEquals(2147483648.0, read("twoPow31"));
        assertEquals(2, read("twoDouble"));
        assertEquals(Double.NaN, read("nan"));
        assertEquals(BigInteger.TWO.pow(64).negate().subtract(BigInteger.ONE), read("bigMinus2pow64minus1"));
        assertEquals(BigInteger.ZERO, read("big0"));
        assertEquals("é ÿ", read("latin1"));
        assertEquals("ab€", read("mixed"));
        assertEquals("\ud800", read("loneSurrogate"));
        assertEquals("😀", read("emoji"));
    }

    @Test
    void objectsAndCollectionsReadAsTheMappingSays() {
        assertEquals(List.of("0", "1", "b"), new ArrayList<>(((Map<?, ?>) read("objIndexKeys")).keySet()));
        assertEquals(List.of("2147483647", "2147483648", "4294967294", "4294967295", "-1", "01"),
                new ArrayList<>(((Map<?, ?>) read("objBigKeys")).keySet()));
        assertEquals(Map.of("a", Map.of("b", List.of(1))), read("objNested"));
        JsMap m = (JsMap) read("map");
        assertEquals(List.of(1, "b"), new ArrayList<>(m.keySet()));
        assertEquals(new LinkedHashSet<>(Arrays.asList(1, "a", null)), read("set"));
        assertEquals(Instant.parse("2026-11-23T00:00:00Z"), read("date2026"));
        assertEquals(Instant.ofEpochMilli(-86400000), read("dateNeg"));
        assertEquals(new RegExp("x", "dgimsuy"), read("regexpAllFlags"));
        List<?> repeated = (List<?>) read("repeated");
        assertSame(repeated.get(0), repeated.get(1));
        Map<?, ?> circ = (Map<?, ?>) read("circular");
        assertSame(circ, circ.get("self"));
        List<?> selfArray = (List<?>) read("selfArray");
        assertSame(selfArray, selfArray.get(0));
        JsMap selfMap = (JsMap) read("selfMap");
        assertSame(selfMap, selfMap.get("me"));
        assertEquals(Map.of("name", "n", "n", 2), read("record"));
    }

    @Test
    void binaryDataReadsAsTheMappingSays() {
        assertEquals("010203", ((Buffer) read("buffer")).toString("hex"));
        assertEquals("0102", ((Buffer) read("bufferSlice")).toString("hex"));
        assertTrue(Arrays.equals(new byte[] {1, 2, 3}, ((ArrayBuffer) read("arrayBuffer")).array()));
        assertTrue(Arrays.equals(new short[] {1, -1}, (short[]) read("int16")));
        assertTrue(Arrays.equals(new char[] {65535, 1}, (char[]) read("uint16")));
        assertTrue(Arrays.equals(new int[] {-5, 7}, (int[]) read("int32")));
        assertTrue(Arrays.equals(new float[] {1.5f, -2f}, (float[]) read("float32")));
        assertTrue(Arrays.equals(new double[] {1.5, -0.0}, (double[]) read("float64")));
        assertTrue(Arrays.equals(new long[] {-1, 5}, (long[]) read("bigInt64")));
        assertEquals(new TypedArray("Uint8Array", new byte[] {1, (byte) 255}), read("uint8"));
        assertEquals(new TypedArray("DataView", new byte[] {4, 5}), read("dataView"));
        List<?> bufs = (List<?>) read("repeatedBuffer");
        assertSame(bufs.get(0), bufs.get(1));
        assertEquals(2, ((ArrayBuffer) read("resizable")).byteLength());
    }

    @Test
    void errorsReadAsNodeErrors() {
        NodeError e = (NodeError) read("typeError");
        assertEquals("TypeError", e.name());
        assertEquals("t", e.getMessage());
        assertEquals("S", e.prop("stack"));
        assertNull(e.code());
        assertEquals(1, ((NodeError) read("errorCause")).prop("cause"));
        NodeError outer = (NodeError) read("errorErrorCause");
        NodeError inner = (NodeError) outer.getCause();
        assertEquals("TypeError: inner", inner.toString());
        assertEquals("S2", inner.prop("stack"));
        assertEquals("", ((NodeError) read("errorNoMessage")).getMessage());
        assertEquals("URIError", ((NodeError) read("uriError")).name());
    }

    /** Values only node writes in these forms. */
    @Test
    void whatOnlyNodeWritesIsRead() {
        Undefined u = Undefined.INSTANCE;
        assertEquals(Arrays.asList(1, u, 3), read("sparse"));
        List<?> far = (List<?>) read("sparseFar");
        assertEquals(11, far.size());
        assertEquals(1, far.get(10));
        assertSame(u, far.get(0));
        assertEquals(List.of(u, u, u), read("holey"));
        assertEquals(List.of(1, 2), read("arrayWithProp"));
        assertEquals(List.of(1, u), read("arrUndef"));
        assertEquals(3, read("boxedNumber"));
        assertEquals("ab", read("boxedString"));
        assertEquals(true, read("boxedTrue"));
        assertEquals(false, read("boxedFalse"));
        assertEquals(BigInteger.valueOf(5), read("boxedBigInt"));
        assertNull(read("dateNaN"));
        assertEquals(Map.of("a", 1), read("nullProto"));
        assertEquals(List.of(1.5, 2), read("doubleArray"));
    }

    @Test
    void valuesWithoutAJavaScriptFormGetNodesError() {
        // node 20: v8.serialize({f(){}}) throws Error: f(){} could not be cloned. (a function's source;
        // V8 prints one without source as function () { [native code] })
        Runnable r = () -> { };
        NodeError e = assertThrows(NodeError.class, () -> V8Serializer.serialize(Map.of("f", r)));
        assertEquals("Error: function () { [native code] } could not be cloned.", e.toString());
        // v8.serialize({s: Symbol('q')}): Error: Symbol(q) could not be cloned.
        e = assertThrows(NodeError.class,
                () -> V8Serializer.serialize(Map.of("s", new dev.nodeshim.events.Symbol("q"))));
        assertEquals("Error: Symbol(q) could not be cloned.", e.toString());
        // v8.serialize(new WeakMap()): Error: #<WeakMap> could not be cloned.
        e = assertThrows(NodeError.class, () -> V8Serializer.serialize(List.of(java.util.Optional.of(1))));
        assertEquals("Error: #<Optional> could not be cloned.", e.toString());
    }

    @Test
    void bytesThatAreNotAValueGetNodesError() {
        // node 20, a raw frame to a child in advanced mode: each one an uncaught Error
        NodeError e = assertThrows(NodeError.class, () -> V8Deserializer.deserialize(Buffer.from(new byte[] {-1, 15, (byte) 0x99})));
        assertEquals("Error: Unable to deserialize cloned data.", e.toString());
        e = assertThrows(NodeError.class, () -> V8Deserializer.deserialize(Buffer.from(new byte[] {-1, 16, '0'})));
        assertEquals("Error: Unable to deserialize cloned data due to invalid or unsupported version.", e.toString());
        e = assertThrows(NodeError.class, () -> V8Deserializer.deserialize(Buffer.from(new byte[] {'"', 1, 'z'})));
        assertEquals("Error: Unable to deserialize cloned data due to invalid or unsupported version.", e.toString());
        e = assertThrows(NodeError.class, () -> V8Deserializer.deserialize(Buffer.from(new byte[] {-1, 15, '"', 5, 'z'})));
        assertEquals("Error: Unable to deserialize cloned data.", e.toString());
        // version 14 is read; bytes after the value are ignored (node: 'z' both)
        assertEquals("z", V8Deserializer.deserialize(Buffer.from(new byte[] {-1, 14, '"', 1, 'z'})));
        assertEquals("z", V8Deserializer.deserialize(Buffer.from(new byte[] {-1, 15, '"', 1, 'z', 0})));
    }

    @Test
    void nestingDeeperThanTheStackIsARangeError() {
        List<Object> deep = new ArrayList<>();
        List<Object> cur = deep;
        for (int i = 0; i < 200_000; i++) {
            List<Object> next = new ArrayList<>();
            cur.add(next);
            cur = next;
        }
        NodeError e = assertThrows(NodeError.class, () -> V8Serializer.serialize(deep));
        assertEquals("RangeError: Maximum call stack size exceeded", e.toString());
        // node 20: v8.deserialize of 100,000 nested arrays, written by hand
        String hex = "ff0f" + "4101".repeat(200_000) + "4100240000" + "240001".repeat(200_000);
        e = assertThrows(NodeError.class, () -> V8Deserializer.deserialize(Buffer.from(HexFormat.of().parseHex(hex))));
        assertEquals("RangeError: Maximum call stack size exceeded", e.toString());
    }

    @Test
    void javaErrorsCarryTheirFramesAsTheStack() {
        IllegalStateException ex = new IllegalStateException("bad");
        NodeError read = (NodeError) V8Deserializer.deserialize(V8Serializer.serialize(ex));
        assertEquals("Error: bad", read.toString());
        assertTrue(((String) read.prop("stack")).startsWith("Error: bad\n    at dev.nodeshim.childprocess.V8SerializerTest."),
                (String) read.prop("stack"));
        assertInstanceOf(String.class, read.prop("stack"));
    }
}
