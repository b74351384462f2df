package dev.nodeshim.buffer;

import dev.nodeshim.errors.NodeError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Expected values below were produced by running Node v20 on the same calls. */
class BufferTest {

    static void throwsNode(String name, String code, String message, Executable call) {
        NodeError e = assertThrows(NodeError.class, call);
        assertEquals(name, e.name(), "name");
        assertEquals(code, e.code(), "code");
        assertEquals(message, e.getMessage(), "message");
    }

    static String hex(Buffer b) {
        return b.toString("hex");
    }

    @Test
    void readBounds() {
        Buffer b = Buffer.alloc(6);
        throwsNode("RangeError", "ERR_OUT_OF_RANGE",
                "The value of \"offset\" is out of range. It must be >= 0 and <= 5. Received 6", () -> b.readUInt8(6));
        throwsNode("RangeError", "ERR_OUT_OF_RANGE",
                "The value of \"offset\" is out of range. It must be >= 0 and <= 2. Received 3", () -> b.readUInt32LE(3));
        throwsNode("RangeError", "ERR_BUFFER_OUT_OF_BOUNDS", "Attempt to access memory outside buffer bounds",
                () -> Buffer.alloc(2).readUInt32LE(0));
        throwsNode("RangeError", "ERR_OUT_OF_RANGE",
                "The value of \"offset\" is out of range. It must be >= 0 and <= 5. Received 4294967296",
                () -> b.readUInt8(4294967296L));
        throwsNode("RangeError", "ERR_OUT_OF_RANGE",
                "The value of \"byteLength\" is out of range. It must be >= 1 and <= 6. Received 7", () -> b.readUIntLE(0, 7));
        throwsNode("RangeError", "ERR_OUT_OF_RANGE",
                "The value of \"byteLength\" is out of range. It must be >= 1 and <= 6. Received 0", () -> b.readUIntLE(0, 0));
        throwsNode("RangeError", "ERR_OUT_OF_RANGE",
                "The value of \"offset\" is out of range. It must be >= 0 and <= 0. Received 1", () -> b.readUIntLE(1, 6));
    }

    @Test
    void writeValueRanges() {
        Buffer b = Buffer.alloc(6);
        throwsNode("RangeError", "ERR_OUT_OF_RANGE",
                "The value of \"value\" is out of range. It must be >= 0 and <= 255. Received 300", () -> b.writeUInt8(300));
        throwsNode("RangeError", "ERR_OUT_OF_RANGE",
                "The value of \"value\" is out of range. It must be >= 0 and <= 4294967295. Received -1", () -> b.writeUInt32LE(-1));
        throwsNode("RangeError", "ERR_OUT_OF_RANGE",
                "The value of \"value\" is out of range. It must be >= 0 and < 2 ** 48. Received 281_474_976_710_656",
                () -> b.writeUIntLE(Math.pow(2, 48), 0, 6));
        throwsNode("RangeError", "ERR_OUT_OF_RANGE",
                "The value of \"value\" is out of range. It must be >= -(2 ** 47) and < 2 ** 47. Received 140_737_488_355_328",
                () -> b.writeIntLE(Math.pow(2, 47), 0, 6));
        throwsNode("RangeError", "ERR_OUT_OF_RANGE",
                "The value of \"value\" is out of range. It must be >= -(2 ** 39) and < 2 ** 39. Received 549_755_813_888",
                () -> b.writeIntLE(Math.pow(2, 39), 0, 5));
        throwsNode("RangeError", "ERR_OUT_OF_RANGE",
                "The value of \"value\" is out of range. It must be >= 0 and <= 16777215. Received 16777216",
                () -> b.writeUIntLE(16777216, 0, 3));
        throwsNode("RangeError", "ERR_OUT_OF_RANGE",
                "The value of \"value\" is out of range. It must be >= -32768 and <= 32767. Received 8388608",
                () -> b.writeInt16LE(8388608, 0));
        throwsNode("RangeError", "ERR_OUT_OF_RANGE",
                "The value of \"value\" is out of range. It must be >= -(2n ** 63n) and < 2n ** 63n. Received 9_223_372_036_854_775_808n",
                () -> b.writeBigInt64LE(BigInteger.ONE.shiftLeft(63), 0));
        throwsNode("RangeError", "ERR_OUT_OF_RANGE",
                "The value of \"value\" is out of range. It must be >= 0n and < 2n ** 64n. Received -1n",
                () -> b.writeBigUInt64LE(BigInteger.valueOf(-1), 0));
        throwsNode("RangeError", "ERR_BUFFER_OUT_OF_BOUNDS", "Attempt to access memory outside buffer bounds",
                () -> b.writeBigUInt64LE(BigInteger.ONE, 0));
        throwsNode("RangeError", "ERR_OUT_OF_RANGE",
                "The value of \"value\" is out of range. It must be >= 0 and <= 4294967295. Received 1_099_511_627_776",
                () -> b.writeUInt32LE(Math.pow(2, 40), 3));
        assertEquals("000000000000", hex(b), "failed writes leave the buffer unchanged");
    }

    @Test
    void writeNumberQuirks() {
        Buffer c = Buffer.alloc(8);
        c.writeIntLE(-0.5, 0, 6);
        assertEquals("00000000ffff0000", hex(c));
        c.fill(0);
        c.writeUInt8(1.7);
        c.writeInt8(-1.7, 1);
        c.writeUInt16LE(Double.NaN, 2);
        assertEquals("01ff000000000000", hex(c));
        assertEquals(4, c.writeFloatLE(1e300));
        assertEquals("0000807f00000000", hex(c));
    }

    @Test
    void readsAndWritesRoundTrip() {
        Buffer b = Buffer.alloc(8);
        assertEquals(4, b.writeUInt32BE(0xDEADBEEFL, 0));
        assertEquals(0xDEADBEEFL, b.readUInt32BE(0));
        assertEquals(0xEFBEADDEL, b.readUInt32LE(0));
        assertEquals(0xDEADBEEF, b.readInt32BE(0));
        assertEquals(6, b.writeIntBE(-123456789012L, 0, 6));
        assertEquals(-123456789012L, b.readIntBE(0, 6));
        b.writeBigUInt64LE(new BigInteger("18446744073709551615"), 0);
        assertEquals(new BigInteger("18446744073709551615"), b.readBigUInt64LE(0));
        assertEquals(BigInteger.valueOf(-1), b.readBigInt64BE(0));
        b.writeDoubleBE(Math.PI, 0);
        assertEquals(Math.PI, b.readDoubleBE(0));
        b.writeFloatLE(1.5, 4);
        assertEquals(1.5f, b.readFloatLE(4));
        assertEquals(0xFFFF, Buffer.from(new int[] {255, 255}).readUint16LE());
    }

    @Test
    void writeStrings() {
        assertEquals("1 610000", write(3, b -> b.write("a\ud800")));
        assertEquals("4 61efbfbd", write(4, b -> b.write("a\ud800")));
        assertEquals("0 000000", write(3, b -> b.write("\ud83d\ude00")));
        assertEquals("2 c3a900", write(3, b -> b.write("é€", "utf8")));
        assertEquals("2 610000", write(3, b -> b.write("abc", "ucs2")));
        assertEquals("4 0061006200", write(5, b -> b.write("abc", 1, "ucs2")));
        assertEquals("2 6865", write(2, b -> b.write("aGVsbG8=", "base64")));
        assertEquals("1 ab000000", write(4, b -> b.write("abzdef", "hex")));
        assertEquals("4 68e96c6c", write(4, b -> b.write("héllo", "latin1")));
        assertEquals("1 00610000", write(4, b -> b.write("abc", 1, 1)));
        assertEquals("2 00006162", write(4, b -> b.write("abc", 2, "Latin1")));
        assertEquals("3 efbfbd00", write(4, b -> b.write("\ud800\ud800")));
        Buffer b = Buffer.alloc(6);
        throwsNode("RangeError", "ERR_OUT_OF_RANGE",
                "The value of \"offset\" is out of range. It must be >= 0 && <= 6. Received 7", () -> b.write("abc", 7));
        throwsNode("RangeError", "ERR_OUT_OF_RANGE",
                "The value of \"length\" is out of range. It must be >= 0 && <= 6. Received 7", () -> b.write("abc", 1, 7));
        throwsNode("RangeError", "ERR_OUT_OF_RANGE",
                "The value of \"offset\" is out of range. It must be >= 0 && <= 6. Received 4_294_967_297",
                () -> b.write("abc", 4294967297L));
        throwsNode("TypeError", "ERR_UNKNOWN_ENCODING", "Unknown encoding: nope", () -> b.write("x", "nope"));
        throwsNode("TypeError", "ERR_INVALID_ARG_TYPE",
                "The \"offset\" argument must be of type number. Received null", () -> b.write("x", (String) null));
        throwsNode("TypeError", "ERR_INVALID_ARG_TYPE",
                "The \"length\" argument must be of type number. Received null", () -> b.write("x", 0, (String) null));
        throwsNode("TypeError", "ERR_INVALID_ARG_TYPE", "argument must be a string", () -> b.write(null));
        assertEquals(1, b.write("x", 0, 1, null));
    }

    private static String write(int size, java.util.function.ToIntFunction<Buffer> op) {
        Buffer b = Buffer.alloc(size);
        int n = op.applyAsInt(b);
        return n + " " + hex(b);
    }

    @Test
    void allocAndFill() {
        throwsNode("RangeError", "ERR_OUT_OF_RANGE",
                "The value of \"size\" is out of range. It must be >= 0 && <= 4294967296. Received -1", () -> Buffer.alloc(-1));
        throwsNode("RangeError", "ERR_OUT_OF_RANGE",
                "The value of \"size\" is out of range. It must be >= 0 && <= 4294967296. Received 4_294_967_297",
                () -> Buffer.allocUnsafe(4294967297L));
        throwsNode("TypeError", "ERR_UNKNOWN_ENCODING", "Unknown encoding: nope", () -> Buffer.alloc(3, "abc", "nope"));
        throwsNode("TypeError", "ERR_INVALID_ARG_VALUE", "The argument 'value' is invalid. Received 'zz'",
                () -> Buffer.alloc(3, "zz", "hex"));
        throwsNode("TypeError", "ERR_INVALID_ARG_VALUE", "The argument 'value' is invalid. Received <Buffer >",
                () -> Buffer.alloc(3).fill(Buffer.alloc(0)));
        // node: Buffer.alloc(5).fill('zz\n'.repeat(40), 'hex') — the value cut into pieces, then to 128 characters
        throwsNode("TypeError", "ERR_INVALID_ARG_VALUE", "The argument 'value' is invalid. Received "
                + "'zz\\n' +\n  'zz\\n' +\n  'zz\\n' +\n  'zz\\n' +\n  'zz\\n' +\n  'zz\\n' +\n  'zz\\n' +\n"
                + "  'zz\\n' +\n  'zz\\n' +\n  'zz\\n' +\n  'zz\\n' +\n  'zz\\n' ...",
                () -> Buffer.alloc(5).fill("zz\n".repeat(40), "hex"));
        assertEquals("000000", hex(Buffer.alloc(3, "")));
        assertEquals("ababab", hex(Buffer.alloc(3, "abz", "hex")));
        assertEquals("", hex(Buffer.alloc(0, "zz", "hex")));
        assertEquals("61006200", hex(Buffer.alloc(4, "ab", "utf16le")));
        assertEquals("01020301", hex(Buffer.alloc(4, Buffer.from(new int[] {1, 2, 3}))));
        assertEquals("010101", hex(Buffer.alloc(3).fill(257.7)));
        assertEquals("ffffff", hex(Buffer.alloc(3).fill(-1)));
        assertEquals("000000", hex(Buffer.alloc(3).fill(1, 4)));
        throwsNode("RangeError", "ERR_OUT_OF_RANGE",
                "The value of \"end\" is out of range. It must be >= 0 && <= 3. Received 4", () -> Buffer.alloc(3).fill(1, 0, 4));
        throwsNode("RangeError", "ERR_OUT_OF_RANGE",
                "The value of \"offset\" is out of range. It must be >= 0 && <= 4294967296. Received -1",
                () -> Buffer.alloc(3).fill(1, -1));
        assertEquals("c3a9c3a9c3", hex(Buffer.alloc(5).fill("é")));
        assertEquals("e9e9e9e9e9", hex(Buffer.alloc(5).fill("é", "latin1")));
        assertEquals("efbfbdefbf", hex(Buffer.alloc(5).fill("\ud800")));
        assertEquals("0061626100", hex(Buffer.alloc(5).fill("ab", 1, 4)));
        assertEquals("6100610061", hex(Buffer.alloc(5).fill("a", "ucs2")));
        assertEquals("6162636162", hex(Buffer.alloc(5).fill("YWJj", "base64")));
        assertEquals("e28200", hex(Buffer.alloc(3).fill("€", 0, 2)));
        assertEquals("000000", hex(Buffer.alloc(3).fill("\u0100", "latin1")));
        assertEquals("414141", hex(Buffer.alloc(3).fill("\u0141", "ascii")));
        assertEquals("616263", hex(Buffer.alloc(3).fill(Buffer.from("abcdef"))));
        throwsNode("TypeError", "ERR_INVALID_ARG_VALUE", "The argument 'value' is invalid. Received '!!'",
                () -> Buffer.alloc(5).fill("!!", "base64"));
        throwsNode("TypeError", "ERR_INVALID_ARG_TYPE",
                "The \"end\" argument must be of type number. Received null", () -> Buffer.alloc(3).fill("a", 0, (String) null));
        throwsNode("TypeError", "ERR_INVALID_ARG_TYPE",
                "The \"offset\" argument must be of type number. Received null", () -> Buffer.alloc(3).fill("a", (String) null));
    }

    @Test
    void largeOffsetsNeverOverflow() {
        assertEquals("0000", hex(Buffer.alloc(2).fill(162, 2147483648L)));
        assertEquals(0, Buffer.from(new int[] {0xac, 0xc3, 0xf1, 0xed}).compare(Buffer.from("Tw"), 3, 0, 4294967296L, 4));
        assertEquals(0, Buffer.alloc(0).compare(Buffer.from("abc"), 2147483648L, 0, 4294967296L));
        assertEquals(-1, Buffer.from("abc").indexOf(98, 4294967296L, "ucs2"));
        assertTrue(Buffer.from("abc").includes(Buffer.alloc(0), 2147483648L, "binary"));
    }

    @Test
    void invalidValueMessagesInspectLikeNode() {
        throwsNode("TypeError", "ERR_INVALID_ARG_VALUE",
                "The argument 'value' is invalid. Received '_\\udc00\\ud800 =\\x80z0\u4e2d\ufffd\\x80'",
                () -> Buffer.alloc(9, "_\udc00\ud800 =\u0080z0\u4e2d\ufffd\u0080", "base64url"));
        throwsNode("TypeError", "ERR_INVALID_ARG_VALUE",
                "The argument 'value' is invalid. Received '\\x0B\u00ad\u2028zz'",
                () -> Buffer.alloc(2).fill("\u000b\u00ad\u2028zz", "hex"));
    }

    @Test
    void toStringRanges() {
        Buffer b = Buffer.from("hello world");
        assertEquals("hello world", b.toString("utf8", -1, 100));
        assertEquals("", b.toString("utf8", 5, 2));
        assertEquals("", b.toString("utf8", 100));
        assertEquals("lo world", b.toString("UTF8", 3));
        assertEquals("", b.toString("nope", 1, 1));
        assertEquals("", Buffer.alloc(0).toString("nope"));
        throwsNode("TypeError", "ERR_UNKNOWN_ENCODING", "Unknown encoding: nope", () -> b.toString("nope"));
        throwsNode("TypeError", "ERR_UNKNOWN_ENCODING", "Unknown encoding: null", () -> b.toString((String) null));
        throwsNode("TypeError", "ERR_UNKNOWN_ENCODING", "Unknown encoding: ", () -> b.toString(""));
    }

    @Test
    void decoding() {
        Buffer bytes = Buffer.from(new int[] {0x00, 0xfb, 0xff, 0xfe, 0x3e, 0x3f});
        assertEquals("APv//j4/", bytes.toString("base64"));
        assertEquals("APv__j4_", bytes.toString("base64url"));
        assertEquals("AQ", Buffer.from(new int[] {1}).toString("base64url"));
        assertEquals("AQI=", Buffer.from(new int[] {1, 2}).toString("base64"));
        Buffer high = Buffer.from(new int[] {0x80, 0xff, 0x41, 0xc3});
        assertEquals("\u0000\u007fAC", high.toString("ascii"));
        assertEquals("\u0080\u00ffA\u00c3", high.toString("latin1"));
        assertEquals("A", Buffer.from(new int[] {0x41, 0x00, 0x42}).toString("ucs2"));
        assertEquals("\ud800", Buffer.from(new int[] {0x00, 0xd8}).toString("utf16le"));
        assertEquals("\ufffd\ufffd\ufffd", Buffer.from(new int[] {0xed, 0xa0, 0x80}).toString());
        assertEquals("\ufffd\ufffd", Buffer.from(new int[] {0x00, 0xed, 0xa0}).toString().substring(1));
        assertEquals("\ufffdA", Buffer.from(new int[] {0xe2, 0x82, 0x41}).toString());
        assertEquals("\ufeffA", Buffer.from(new int[] {0xef, 0xbb, 0xbf, 0x41}).toString());
        assertEquals("\ufffd\ufffd\ufffd\ufffd", Buffer.from(new int[] {0xf4, 0x90, 0x80, 0x80}).toString());
    }

    @Test
    void encodingStrings() {
        String s = "h\u00e9\u0100\ud83d\ude00\ud800x\udc00";
        assertEquals("68e9003d00007800", hex(Buffer.from(s, "ascii")));
        assertEquals("68e9003d00007800", hex(Buffer.from(s, "latin1")));
        assertEquals("68c3a9c480f09f9880efbfbd78efbfbd", hex(Buffer.from(s)));
        assertEquals("6800e90000013dd800de00d8780000dc", hex(Buffer.from(s, "ucs2")));
        assertEquals(16, Buffer.byteLength(s));
        assertEquals("68656c6c6f", hex(Buffer.from("aGVs\nbG8=", "base64")));
        assertEquals("68", hex(Buffer.from("aG=VsbG8", "base64")));
        assertEquals("", hex(Buffer.from("a", "base64")));
        assertEquals("69b71d", hex(Buffer.from("abcd=efgh", "base64url")));
        assertEquals("fbffbf", hex(Buffer.from("-_-_", "base64")));
        assertEquals("616609", hex(Buffer.from("YW\u0159Jj", "base64")));
        assertEquals("61", hex(Buffer.from("YW\u013dJj", "base64")));
        assertEquals("616263", hex(Buffer.from("YW\u00d9Jj", "base64")));
        assertEquals("12", hex(Buffer.from("12zz34", "hex")));
        assertEquals("12", hex(Buffer.from("\u0131\u0132", "hex")));
        assertEquals("", hex(Buffer.from(" 12", "hex")));
        assertEquals("abcd", hex(Buffer.from("AbCd", "hex")));
        assertEquals(7, Buffer.byteLength("aGVsbG8=====", "base64"));
        assertEquals(4, Buffer.byteLength("Y Q = =", "base64"));
        assertEquals(2, Buffer.byteLength("zz12", "hex"));
        assertEquals(3, Buffer.byteLength("abc", "nope"));
        throwsNode("TypeError", "ERR_UNKNOWN_ENCODING", "Unknown encoding: nope", () -> Buffer.from("abc", "nope"));
        throwsNode("TypeError", "ERR_UNKNOWN_ENCODING", "Unknown encoding: nope", () -> Buffer.from("", "nope"));
        assertEquals("616263", hex(Buffer.from("abc", (String) null)));
        assertEquals("616263", hex(Buffer.from("abc", "")));
    }

    @Test
    void encodingNames() {
        for (String name : List.of("utf8", "UTF-8", "Utf8", "ucs2", "UCS-2", "utf16le", "UTF-16LE", "latin1",
                "BINARY", "ascii", "Base64", "base64URL", "HEX")) {
            assertTrue(Buffer.isEncoding(name), name);
        }
        for (String name : List.of("", "utf16", "hex ", "utf-16", "latin-1", "base-64", "\u212Aex")) {
            assertFalse(Buffer.isEncoding(name), name);
        }
        assertFalse(Buffer.isEncoding(null));
        assertSame(Encoding.UTF16LE, Encoding.lookup("Ucs-2"));
    }

    @Test
    void searching() {
        Buffer b = Buffer.from("hello world");
        assertEquals(4, b.indexOf("o"));
        assertEquals(7, b.indexOf("o", -4));
        assertEquals(0, b.indexOf(""));
        assertEquals(11, b.indexOf("", 20));
        assertEquals(5, b.indexOf("", 5));
        assertEquals(11, b.lastIndexOf(""));
        assertEquals(0, b.lastIndexOf("", -20));
        assertEquals(-1, b.lastIndexOf("o", -20));
        assertEquals(4, b.indexOf(111));
        assertEquals(4, b.indexOf(111 + 256));
        assertEquals(4, b.indexOf(-145));
        assertEquals(4, b.indexOf("o", "latin1"));
        assertEquals(4, b.lastIndexOf("o", 5));
        assertEquals(4, b.lastIndexOf("o", 4));
        assertEquals(4, b.indexOf("6f", "hex"));
        assertEquals(0, b.indexOf("zz", "hex"));
        assertEquals(11, b.lastIndexOf("zz", "hex"));
        assertEquals(11, b.indexOf(Buffer.alloc(0), 30));
        throwsNode("TypeError", "ERR_UNKNOWN_ENCODING", "Unknown encoding: nope", () -> b.indexOf("o", 0, "nope"));
        throwsNode("TypeError", "ERR_UNKNOWN_ENCODING", "Unknown encoding: null", () -> b.indexOf("o", 0, null));
        Buffer abcb = Buffer.from("abcb");
        assertEquals(-1, abcb.lastIndexOf("b", (String) null));
        assertEquals(1, abcb.indexOf(98, 0));
        assertEquals(1, abcb.indexOf(Buffer.from("b"), 0, "nope"));
        assertEquals(3, abcb.lastIndexOf("b", -1));
        assertEquals(3, abcb.lastIndexOf(98, 10));
        assertEquals(2, abcb.lastIndexOf("cb", 10));
        assertEquals(-1, abcb.lastIndexOf("cb", 1));
        assertEquals(-1, abcb.indexOf("cb", 3));
        assertEquals(-1, Buffer.from("abc").indexOf("b", 1L << 40));
        assertEquals(0, Buffer.alloc(0).indexOf("", 5));
        assertEquals(-1, Buffer.alloc(0).indexOf(0));
        assertEquals(-1, Buffer.from("ab").lastIndexOf("abc"));
        Buffer u = Buffer.from("a\u0000b\u0000c\u0000", "latin1");
        assertEquals(2, u.indexOf("b", 0, "ucs2"));
        assertEquals(-1, Buffer.from("xabc").indexOf("b", 0, "ucs2"));
        assertEquals(-1, Buffer.from("xa\u0000b\u0000c\u0000", "latin1").indexOf("b", 0, "ucs2"));
        assertEquals(6, Buffer.from("xa\u0000b\u0000c\u0000", "latin1").indexOf(Buffer.from("b\u0000", "latin1"), 0, "ucs2"));
        assertEquals(2, u.lastIndexOf("b", 3, "ucs2"));
        assertEquals(-1, u.lastIndexOf("b", 1, "ucs2"));
        assertEquals(3, u.indexOf("", 3, "ucs2"));
        assertTrue(b.includes("world"));
        assertFalse(b.includes("cd", 3));
    }

    @Test
    void compareAndCopy() {
        Buffer b = Buffer.from("hello world");
        Buffer a = Buffer.from("a");
        throwsNode("RangeError", "ERR_OUT_OF_RANGE",
                "The value of \"sourceEnd\" is out of range. It must be >= 0 && <= 11. Received 20", () -> b.compare(a, 0, 1, 0, 20));
        throwsNode("RangeError", "ERR_OUT_OF_RANGE",
                "The value of \"targetStart\" is out of range. It must be >= 0 && <= 4294967296. Received -1", () -> b.compare(a, -1));
        throwsNode("RangeError", "ERR_OUT_OF_RANGE",
                "The value of \"targetEnd\" is out of range. It must be >= 0 && <= 1. Received 5", () -> b.compare(a, 0, 5));
        assertEquals(1, b.compare(a, 2, 1));
        assertEquals(0, b.compare(a, 1, 1, 3, 2));
        assertEquals(0, Buffer.from("abc").compare(Buffer.from("b"), 0, 1, 1, 2));
        assertEquals(1, Buffer.compare(b, a));
        assertEquals(-1, Buffer.compare(Buffer.from("ab"), Buffer.from("abc")));
        assertEquals(1, Buffer.compare(Buffer.from(new int[] {0x80}), Buffer.from(new int[] {0x7f})));
        throwsNode("TypeError", "ERR_INVALID_ARG_TYPE",
                "The \"target\" argument must be an instance of Buffer or Uint8Array. Received null", () -> b.compare(null));

        Buffer src = Buffer.from("abcdef");
        assertEquals(0, b.copy(Buffer.alloc(3), 4));
        throwsNode("RangeError", "ERR_OUT_OF_RANGE",
                "The value of \"targetStart\" is out of range. It must be >= 0. Received -1", () -> b.copy(Buffer.alloc(3), -1));
        throwsNode("RangeError", "ERR_OUT_OF_RANGE",
                "The value of \"sourceStart\" is out of range. It must be >= 0 && <= 6. Received 7", () -> src.copy(Buffer.alloc(3), 0, 7));
        throwsNode("RangeError", "ERR_OUT_OF_RANGE",
                "The value of \"sourceEnd\" is out of range. It must be >= 0. Received -1", () -> src.copy(Buffer.alloc(3), 0, 0, -1));
        assertEquals(3, src.copy(Buffer.alloc(3), 0, 2, 100));
        assertEquals(0, src.copy(Buffer.alloc(3), 0, 6));
        assertEquals(1, src.copy(Buffer.alloc(3), 2, 0, 7));
        assertEquals(0, src.copy(Buffer.alloc(3), 4294967297L));
        Buffer overlap = Buffer.from("abcdef");
        assertEquals(4, overlap.copy(overlap, 2));
        assertEquals("ababcd", overlap.toString());
    }

    @Test
    void concat() {
        Buffer b = Buffer.from("hello world");
        assertEquals("hello", Buffer.concat(List.of(b, b), 5).toString());
        assertEquals("68656c6c6f20776f726c64000000000000000000", hex(Buffer.concat(List.of(b), 20)));
        throwsNode("RangeError", "ERR_OUT_OF_RANGE",
                "The value of \"length\" is out of range. It must be >= 0 && <= 4294967296. Received -1",
                () -> Buffer.concat(List.of(b), -1));
        throwsNode("TypeError", "ERR_INVALID_ARG_TYPE",
                "The \"list\" argument must be an instance of Array. Received null", () -> Buffer.concat((List<Buffer>) null));
        assertEquals(0, Buffer.concat(List.of()).length());
    }

    @Test
    void sliceSharesMemory() {
        Buffer b = Buffer.from("hello world");
        Buffer s = b.subarray(-3);
        assertEquals("rld", s.toString());
        assertSame(b.buffer(), s.buffer());
        assertEquals(b.byteOffset() + 8, s.byteOffset());
        s.set(0, 'R');
        assertEquals("hello woRld", b.toString());
        assertEquals(0, b.subarray(3, 1).length());
        assertEquals("llo woR", b.slice(2, -2).toString());
        assertEquals(-1, b.get(11));
        assertEquals(-1, b.get(-1));
        b.set(99, 1); // ignored, as in Node
        b.set(0, 256 + 'H');
        assertEquals('H', b.get(0));
    }

    @Test
    void swapAndJson() {
        throwsNode("RangeError", "ERR_INVALID_BUFFER_SIZE", "Buffer size must be a multiple of 16-bits", () -> Buffer.alloc(3).swap16());
        throwsNode("RangeError", "ERR_INVALID_BUFFER_SIZE", "Buffer size must be a multiple of 32-bits", () -> Buffer.alloc(6).swap32());
        throwsNode("RangeError", "ERR_INVALID_BUFFER_SIZE", "Buffer size must be a multiple of 64-bits", () -> Buffer.alloc(12).swap64());
        assertEquals("020104030102", hex(Buffer.from(new int[] {1, 2, 3, 4, 2, 1}).swap16()));
        assertEquals("0403020108070605", hex(Buffer.from(new int[] {1, 2, 3, 4, 5, 6, 7, 8}).swap32()));
        assertEquals("0807060504030201", hex(Buffer.from(new int[] {1, 2, 3, 4, 5, 6, 7, 8}).swap64()));
        assertEquals(Map.of("type", "Buffer", "data", List.of(97, 98)), Buffer.from("ab").toJSON());
    }

    @Test
    void inspect() {
        assertEquals("<Buffer >", Buffer.alloc(0).inspect());
        assertEquals("<Buffer 68 65 6c 6c 6f>", Buffer.from("hello").inspect());
        String fifty = "<Buffer" + " 00".repeat(50);
        assertEquals(fifty + ">", Buffer.alloc(50).inspect());
        assertEquals(fifty + " ... 1 more byte>", Buffer.alloc(51).inspect());
        assertEquals(fifty + " ... 10 more bytes>", Buffer.alloc(60).inspect());
    }

    @Test
    void fromArrayBufferViews() {
        ArrayBuffer ab = new ArrayBuffer(8);
        Buffer v = Buffer.from(ab, 2);
        assertEquals(6, v.length());
        assertEquals(2, v.byteOffset());
        assertSame(ab, v.buffer());
        throwsNode("RangeError", "ERR_BUFFER_OUT_OF_BOUNDS", "\"offset\" is outside of buffer bounds", () -> Buffer.from(ab, 9));
        throwsNode("RangeError", "ERR_BUFFER_OUT_OF_BOUNDS", "\"length\" is outside of buffer bounds", () -> Buffer.from(ab, 2, 7));
        assertEquals(0, Buffer.from(ab, 2, -5).length());
        byte[] raw = {1, 2, 3};
        Buffer w = Buffer.wrap(raw);
        w.set(0, 9);
        assertEquals(9, raw[0]);
        assertArrayEquals(new byte[] {9, 2, 3}, w.toByteArray());
        assertNotSame(raw, w.toByteArray());
        assertEquals(3, w.asByteBuffer().remaining());
    }

    @Test
    void equalsAndHash() {
        assertEquals(Buffer.from("abc"), Buffer.from("abc"));
        assertEquals(Buffer.from("abc").hashCode(), Buffer.wrap(new byte[] {'a', 'b', 'c'}).hashCode());
        assertFalse(Buffer.from("abc").equals(Buffer.from("abd")));
        assertFalse(Buffer.from("abc").equals(null));
    }

    @Test
    void atobBtoaIsUtf8IsAscii() {
        assertEquals("abc", Buffer.atob(" YW Jj\n"));
        assertEquals("ab", Buffer.atob("YWJ"));
        assertEquals("a", Buffer.atob("YQ=="));
        assertEquals("", Buffer.atob(""));
        assertEquals("\u009e\u00e9e", Buffer.atob(null));
        for (String bad : List.of("YQ=", "YQ=a", "YQ===", "-_", "YWJj=", "\u00e9", "YQ\u000b")) {
            NodeError e = assertThrows(NodeError.class, () -> Buffer.atob(bad), bad);
            assertEquals("InvalidCharacterError", e.name());
            assertEquals("Invalid character", e.getMessage());
            assertEquals(5, e.prop("code"));
        }
        throwsNode("InvalidCharacterError", null, "The string to be decoded is not correctly encoded.", () -> Buffer.atob("Y"));
        assertEquals("/w==", Buffer.btoa("\u00ff"));
        assertEquals("bnVsbA==", Buffer.btoa(null));
        throwsNode("InvalidCharacterError", null, "Invalid character", () -> Buffer.btoa("\u0100"));
        assertFalse(Buffer.isUtf8(Buffer.from(new int[] {0xed, 0xa0, 0x80})));
        assertFalse(Buffer.isUtf8(Buffer.from(new int[] {0xc0, 0x80})));
        assertTrue(Buffer.isUtf8(Buffer.from("\u00e9\ud83d\ude00")));
        assertTrue(Buffer.isUtf8(Buffer.alloc(0)));
        assertTrue(Buffer.isAscii(Buffer.from("abc")));
        assertFalse(Buffer.isAscii(Buffer.from(new int[] {0x80})));
        throwsNode("TypeError", "ERR_INVALID_ARG_TYPE",
                "The \"input\" argument must be an instance of ArrayBuffer, Buffer, or TypedArray. Received null",
                () -> Buffer.isUtf8(null));
    }
}
