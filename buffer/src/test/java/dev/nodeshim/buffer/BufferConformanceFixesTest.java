package dev.nodeshim.buffer;

import static dev.nodeshim.buffer.BufferTest.hex;
import static dev.nodeshim.buffer.BufferTest.throwsNode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Differences from Node found by the conformance suite (conformance-tests, buffer probes), one test
 * each; every expected value was printed by Node 20.
 */
class BufferConformanceFixesTest {
    private static Buffer h(String hex) {
        return Buffer.from(hex, "hex");
    }

    @Test
    void lastIndexOfWithNullByteOffsetSearchesFromZero() {
        // Node: +null is 0, so lastIndexOf(x, null) only finds a match at 0
        Buffer b = Buffer.from("hello world, hello");
        assertEquals(0, b.lastIndexOf(Buffer.from("h"), (String) null));
        assertEquals(0, b.lastIndexOf(104, (String) null));
        assertEquals(-1, b.lastIndexOf(Buffer.from("o"), (String) null));
        assertEquals(-1, b.lastIndexOf(111, (String) null));
        assertEquals(0, h("efbfbdf090808031").lastIndexOf(h(""), (String) null));
    }

    @Test
    void concatOfANullElementFailsReadingItsLength() {
        throwsNode("TypeError", null, "Cannot read properties of null (reading 'length')",
                () -> Buffer.concat(java.util.Arrays.asList(Buffer.from("a"), null)));
        throwsNode("TypeError", "ERR_INVALID_ARG_TYPE",
                "The \"list[1]\" argument must be an instance of Buffer or Uint8Array. Received null",
                () -> Buffer.concat(java.util.Arrays.asList(Buffer.from("a"), null), 1));
    }

    @Test
    void fillOfAnEmptyBufferWithAnEncodingChecksOnlyTheEncoding() {
        assertEquals("", hex(Buffer.alloc(0).fill("zz", "hex")));
        assertEquals("", hex(Buffer.alloc(0).fill("\ud83d\ude00NNy77ihUZA", "base64")));
        throwsNode("TypeError", "ERR_UNKNOWN_ENCODING", "Unknown encoding: nope", () -> Buffer.alloc(0).fill("zz", "nope"));
    }

    @Test
    void ucs2StringSearchRoundsTheHaystackDownToWholeUnits() {
        Buffer odd = h("6100620063");
        assertEquals(4, odd.indexOf("", 5, "ucs2"));
        assertEquals(4, odd.lastIndexOf("", "ucs2"));
        assertEquals(3, odd.lastIndexOf("", -1, "ucs2"));
        assertEquals(4, odd.indexOf("", 9, "ucs2"));
        assertEquals(0, h("41").lastIndexOf("", "ucs2"));
        assertEquals(-1, odd.lastIndexOf("c", -1, "ucs2"));
        assertEquals(2, odd.lastIndexOf("b", -1, "ucs2"));
        assertEquals(8, h("79f49080807f7fc331").indexOf("", 9, "ucs2"));
    }

    @Test
    void utf8StringSearchEncodesLoneSurrogatesAsV8Does() {
        assertEquals(-1, h("61efbfbd").indexOf("\ud800"));
        assertEquals(1, h("61eda080").indexOf("\ud800"));
        assertTrue(h("61eda080").includes("a\ud800"));
        assertEquals(0, h("edb080eda080").lastIndexOf("\udc00\ud800"));
        assertEquals(0, h("f09f9880").indexOf("\ud83d\ude00"));
        assertFalse(h("e89ba1f0ab9fbaeba383efbfbd62").includes("\ud8e8", 0));
    }

    @Test
    void transcodeReadsEmptyAsUtf8AndNamesUpToTheFirstNul() {
        assertEquals("e9", hex(Buffer.transcode(h("c3a9"), "", "latin1")));
        assertEquals("c3a9", hex(Buffer.transcode(h("e9"), "latin1\0x", "utf-8\0")));
        throwsNode("Error", "U_ILLEGAL_ARGUMENT_ERROR", "Unable to transcode Buffer [U_ILLEGAL_ARGUMENT_ERROR]",
                () -> Buffer.transcode(h("e9"), "\0latin1", "utf8"));
    }
}
