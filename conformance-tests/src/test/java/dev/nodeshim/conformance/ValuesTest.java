package dev.nodeshim.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nodeshim.errors.NodeError;
import dev.nodeshim.errors.Undefined;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValuesTest {
    static JsonNode json(String s) throws Exception {
        return Values.JSON.readTree(s);
    }

    @Test
    void decodesTheTaggedValues() throws Exception {
        assertArrayEquals(new byte[] {0, (byte) 0xff, 0x10}, (byte[]) Values.decode(json("{\"$hex\":\"00ff10\"}")));
        assertTrue(Double.isNaN((Double) Values.decode(json("{\"$num\":\"NaN\"}"))));
        assertEquals(Double.POSITIVE_INFINITY, Values.decode(json("{\"$num\":\"Infinity\"}")));
        assertEquals(Double.NEGATIVE_INFINITY, Values.decode(json("{\"$num\":\"-Infinity\"}")));
        double negZero = (Double) Values.decode(json("{\"$num\":\"-0\"}"));
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(negZero));
        assertEquals(new BigInteger("-123456789012345678901234567890"),
                Values.decode(json("{\"$bigint\":\"-123456789012345678901234567890\"}")));
        assertSame(Undefined.INSTANCE, Values.decode(json("{\"$undefined\":true}")));
        NodeError err = assertInstanceOf(NodeError.class, Values.decode(json("{\"$error\":\"boom\"}")));
        assertEquals("Error", err.name());
        assertNull(err.code());
        assertEquals("boom", err.getMessage());
    }

    @Test
    void decodesPlainJson() throws Exception {
        assertEquals(Integer.valueOf(42), Values.decode(json("42")));
        assertEquals(Integer.valueOf(42), Values.decode(json("42.0")));
        assertEquals(Long.valueOf(9007199254740991L), Values.decode(json("9007199254740991")));
        assertEquals(Double.valueOf(1.5), Values.decode(json("1.5")));
        assertEquals(Double.valueOf(1e300), Values.decode(json("1e300")));
        assertEquals(List.of(1, "x", true), Values.decode(json("[1,\"x\",true]")));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("a", null);
        m.put("b", List.of());
        assertEquals(m, Values.decode(json("{\"a\":null,\"b\":[]}")));
        // an object that merely has a tag-like key among others is a plain object
        assertInstanceOf(Map.class, Values.decode(json("{\"$hex\":\"00\",\"x\":1}")));
    }

    @Test
    void loneSurrogatesSurviveBothWays() throws Exception {
        JsonNode v = json("\"a\\ud800b\\udc00\"");
        assertEquals("a\ud800b\udc00", Values.decode(v));
        assertEquals("\"a\\uD800b\\uDC00\"", Values.toJson(Values.encode("a\ud800b\udc00")));
        assertTrue(Values.equal(v, Values.encode("a\ud800b\udc00")));
        assertFalse(Values.equal(v, Values.encode("a\ud801b\udc00")));
        assertEquals("\"\\u00E9\\uD83D\\uDE00\"", Values.toJson(Values.encode("é😀")));
    }

    @Test
    void encodesSpecialNumbersAndTypes() throws Exception {
        assertEquals(json("{\"$num\":\"NaN\"}"), Values.encode(Double.NaN));
        assertEquals(json("{\"$num\":\"NaN\"}"), Values.encode(Float.NaN));
        assertEquals(json("{\"$num\":\"-0\"}"), Values.encode(-0.0));
        assertEquals(json("{\"$num\":\"Infinity\"}"), Values.encode(Double.POSITIVE_INFINITY));
        assertEquals(json("{\"$num\":\"-Infinity\"}"), Values.encode(Double.NEGATIVE_INFINITY));
        assertTrue(Values.equal(json("0"), Values.encode(0.0)));
        assertTrue(Values.equal(json("3"), Values.encode(3.0)));
        assertTrue(Values.equal(json("-2.5"), Values.encode(-2.5)));
        assertEquals(json("{\"$bigint\":\"18446744073709551615\"}"), Values.encode(new BigInteger("18446744073709551615")));
        assertEquals(json("{\"$hex\":\"01ff\"}"), Values.encode(new byte[] {1, (byte) 255}));
        ByteBuffer buf = ByteBuffer.wrap(new byte[] {9, 8, 7});
        buf.get();
        assertEquals(json("{\"$hex\":\"0807\"}"), Values.encode(buf));
        assertEquals(1, buf.position(), "encoding does not consume the buffer");
        assertEquals(json("{\"$undefined\":true}"), Values.encode(Undefined.INSTANCE));
        assertEquals(json("{\"$error\":\"m\"}"), Values.encode(NodeError.of("m")));
        assertEquals("[1,[\"x\",null],{\"k\":true}]",
                Values.toJson(Values.encode(Arrays.asList(1, new Object[] {"x", null}, Map.of("k", true)))));
        assertThrows(IllegalArgumentException.class, () -> Values.encode(new Object()));
    }

    @Test
    void roundTripsEveryEncoding() throws Exception {
        String[] samples = {"null", "true", "\"\\ud800\"", "0", "-7", "1.25", "{\"$num\":\"-0\"}", "{\"$num\":\"NaN\"}",
            "{\"$bigint\":\"-5\"}", "{\"$hex\":\"\"}", "{\"$hex\":\"deadbeef\"}", "{\"$undefined\":true}",
            "{\"$error\":\"x\"}", "[[],{}]", "{\"a\":{\"b\":[1,{\"$num\":\"Infinity\"}]}}"};
        for (String s : samples) {
            JsonNode v = json(s);
            assertTrue(Values.equal(v, Values.encode(Values.decode(v))), s);
        }
    }

    @Test
    void comparesStructurally() throws Exception {
        assertTrue(Values.equal(json("1"), json("1.0")));
        assertTrue(Values.equal(json("1e2"), json("100")));
        assertFalse(Values.equal(json("1"), json("\"1\"")));
        assertFalse(Values.equal(json("0"), json("false")));
        assertFalse(Values.equal(json("null"), json("{\"$undefined\":true}")));
        assertTrue(Values.equal(json("{\"a\":1,\"b\":2}"), json("{\"b\":2,\"a\":1}")));
        assertFalse(Values.equal(json("{\"a\":1}"), json("{\"a\":1,\"b\":2}")));
        assertFalse(Values.equal(json("{\"a\":1,\"b\":2}"), json("{\"a\":1}")));
        assertFalse(Values.equal(json("[1,2]"), json("[2,1]")));
        assertFalse(Values.equal(json("[1,2]"), json("[1,2,3]")));
        assertFalse(Values.equal(json("{\"$num\":\"-0\"}"), json("0")));
        // JSON.stringify's shortest digits and Java's Double.toString digits of one double
        assertTrue(Values.equal(json("-3477646152126431000"), Values.number(-3.4776461521264312E18)));
        assertFalse(Values.equal(json("9007199254740993"), json("9007199254740995")));
        assertFalse(Values.equal(json("0.1"), json("0.10000000000000002")));
    }

    @Test
    void reportsTheFirstDifference() throws Exception {
        Values.Difference d = Values.firstDifference(json("{\"ok\":{\"trace\":[[1],[2,\"x\"]]}}"),
                json("{\"ok\":{\"trace\":[[1],[2,\"y\"]]}}"));
        assertEquals("$.ok.trace[1][1]", d.path());
        assertEquals(json("\"x\""), d.expected());
        assertEquals(json("\"y\""), d.actual());
        d = Values.firstDifference(json("[1]"), json("[1,2]"));
        assertEquals("$[1]", d.path());
        assertNull(d.expected());
        d = Values.firstDifference(json("{\"a\":1}"), json("{\"a\":1,\"z\":0}"));
        assertEquals("$.z", d.path());
        assertNull(Values.firstDifference(json("[1.0]"), json("[1]")));
    }
}
