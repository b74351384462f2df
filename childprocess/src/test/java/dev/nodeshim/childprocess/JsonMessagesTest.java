package dev.nodeshim.childprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nodeshim.errors.NodeError;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * The IPC codec against node 20 ({@code src/test/resources/node/json-wire.js} and its {@code .out}):
 * what JSON.stringify writes and what JSON.parse gives back.
 */
class JsonMessagesTest {
    record Point(int x, double y, String label, List<Integer> tags) {
    }

    @Test
    void numbersAreSpelledAsJavaScriptSpellsThem() {
        double[] in = {1, 2.5, -0.0, 0.1, 1e21, 1e-7, 123456789012.0, 1.5e300, -1e-300, 5e-324, 0.000001, 1e20,
                123e-20, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 100, 1.0 / 3};
        // node json-wire.js: the "number" lines
        String[] node = {"1", "2.5", "0", "0.1", "1e+21", "1e-7", "123456789012", "1.5e+300", "-1e-300", "5e-324",
                "0.000001", "100000000000000000000", "1.23e-18", "null", "null", "null", "100", "0.3333333333333333"};
        for (int i = 0; i < in.length; i++) {
            assertEquals(node[i], JsonMessages.stringify(in[i]), "JSON.stringify(" + in[i] + ")");
        }
    }

    /** json-numbers.js: 2,941 doubles (random bit patterns and notation boundaries) as node spells them. */
    @Test
    void randomDoublesAreSpelledAsNodeSpellsThem() throws java.io.IOException {
        List<String> lines;
        try (var in = getClass().getResourceAsStream("/node/json-numbers.out")) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        assertEquals(2941, lines.size());
        for (String line : lines) {
            String[] parts = line.split(" ");
            double d = Double.longBitsToDouble(Long.parseUnsignedLong(parts[0], 16));
            assertEquals(parts[1], JsonMessages.stringify(d), parts[0]);
        }
    }

    @Test
    void stringsAreEscapedAsJsonStringifyDoes() {
        String s = "q\"b\\s\b\f\n\r\t\u0001\u001f\u007f\u2028é😀\ud800x\udc00";
        // node: "q\"b\\s\b\f\n\r\t\u0001\u001f<DEL><U+2028>é😀\ud800x\udc00"
        assertEquals("\"q\\\"b\\\\s\\b\\f\\n\\r\\t\\u0001\\u001f\u007f\u2028é😀\\ud800x\\udc00\"", JsonMessages.stringify(s));
    }

    @Test
    void mapsListsArraysAndRecordsBecomeObjectsAndArrays() {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("c", -1.5);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("a", Arrays.asList(1, "x", true, null));
        m.put("b", b);
        // node: {"a":[1,"x",true,null],"b":{"c":-1.5}}
        assertEquals("{\"a\":[1,\"x\",true,null],\"b\":{\"c\":-1.5}}", JsonMessages.stringify(m));
        assertEquals("[1,2,3]", JsonMessages.stringify(new int[] {1, 2, 3}));
        assertEquals("{\"x\":1,\"y\":2,\"label\":\"p\",\"tags\":[7]}",
                JsonMessages.stringify(new Point(1, 2.0, "p", List.of(7))));
        assertArrayEquals("null\n".getBytes(StandardCharsets.UTF_8), JsonMessages.encode(null));
        // node: JSON.stringify({b: Buffer.from([1, 255])})
        assertEquals("{\"b\":{\"type\":\"Buffer\",\"data\":[1,255]}}",
                JsonMessages.stringify(Map.of("b", dev.nodeshim.buffer.Buffer.from(new byte[] {1, (byte) 255}))));
    }

    @Test
    void aStructureContainingItselfIsATypeError() {
        List<Object> loop = new ArrayList<>();
        loop.add(loop);
        NodeError e = assertThrows(NodeError.class, () -> JsonMessages.stringify(loop));
        assertEquals("TypeError: Converting circular structure to JSON", e.toString());
    }

    /** A bean that refers to itself through a getter. */
    public static final class SelfRef {
        public SelfRef getMe() {
            return this;
        }
    }

    @Test
    void beansThatReferToThemselvesAndUnmappableValuesAreTypeErrors() {
        NodeError e = assertThrows(NodeError.class, () -> JsonMessages.stringify(new SelfRef()));
        assertEquals("TypeError: Converting circular structure to JSON", e.toString());
        e = assertThrows(NodeError.class, () -> JsonMessages.stringify(java.util.Optional.of(1)));
        assertEquals("TypeError: Do not know how to serialize a java.util.Optional", e.toString());
    }

    @Test
    void parseKeepsJavaScriptPropertyOrder() {
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) JsonMessages.parse(
                "{\"b\":1,\"2\":2,\"a\":3,\"1\":4,\"01\":5,\"4294967295\":6,\"4294967294\":7,\"b\":8}");
        // node: ["1","2","4294967294","b","a","01","4294967295"]
        assertEquals(List.of("1", "2", "4294967294", "b", "a", "01", "4294967295"), new ArrayList<>(m.keySet()));
        assertEquals(8, m.get("b"));
        // node: {"b":3,"a":2}
        assertEquals("{\"b\":3,\"a\":2}", JsonMessages.stringify(JsonMessages.parse("{\"b\":1,\"a\":2,\"b\":3}")));
    }

    @Test
    void parsedNumbersAreIntegerWhenIntegralElseDouble() {
        assertEquals(3, JsonMessages.parse("3"));
        assertEquals(100, JsonMessages.parse("1e2"));
        assertEquals(1, JsonMessages.parse("1.0"));
        assertEquals(2.5, JsonMessages.parse("2.5"));
        assertEquals(4294967296.0, JsonMessages.parse("4294967296"));
        // node: Object.is(JSON.parse('-0'), -0) is true; JSON.parse('1e400') is Infinity
        assertEquals(-0.0, JsonMessages.parse("-0"));
        assertEquals(Double.POSITIVE_INFINITY, JsonMessages.parse("1e400"));
        // node: JSON.parse('"\\ud800"').length is 1
        assertEquals("\ud800", JsonMessages.parse("\"\\ud800\""));
        assertEquals(Arrays.asList(true, false, null, "s"), JsonMessages.parse("[true,false,null,\"s\"]"));
    }

    @Test
    void textThatIsNotOneJsonValueIsASyntaxError() {
        for (String bad : new String[] {"", "{", "1 2", "NaN", "'x'", "01"}) {
            NodeError e = assertThrows(NodeError.class, () -> JsonMessages.parse(bad), bad);
            assertEquals("SyntaxError", e.name(), bad);
        }
    }

    @Test
    void deepNestingParsesWithoutRecursion() {
        int depth = 100_000;
        Object v = JsonMessages.parse("[".repeat(depth) + "]".repeat(depth));
        int seen = 0;
        while (v instanceof List<?> l && !l.isEmpty()) {
            v = l.get(0);
            seen++;
        }
        assertEquals(depth - 1, seen);
    }

    @Property(tries = 300)
    void doublesReadBackExactly(@ForAll double d) {
        Object back = JsonMessages.parse(JsonMessages.stringify(d));
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            assertEquals(null, back);
        } else {
            assertEquals(d == 0 ? 0.0 : d, ((Number) back).doubleValue());
        }
    }

    @Property(tries = 300)
    void stringsReadBackExactly(@ForAll String s) {
        assertEquals(s, JsonMessages.parse(JsonMessages.stringify(s)));
        assertEquals(s, JsonMessages.decode(JsonMessages.encode(s), 0, JsonMessages.encode(s).length - 1));
    }
}
