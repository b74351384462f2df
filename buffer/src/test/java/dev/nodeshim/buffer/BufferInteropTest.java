package dev.nodeshim.buffer;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import static dev.nodeshim.buffer.BufferTest.throwsNode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** copyBytesFrom, constants, keys/entries and the java.io helpers. */
class BufferInteropTest {
    @Test
    void copyBytesFromCopiesElementsLittleEndian() {
        // node: Buffer.copyBytesFrom(new Uint16Array([1, 2, 0xffff])) → <Buffer 01 00 02 00 ff ff>
        short[] u16 = {1, 2, (short) 0xffff};
        assertEquals("01000200ffff", Buffer.copyBytesFrom(u16).toString("hex"));
        assertEquals("0200ffff", Buffer.copyBytesFrom(u16, 1).toString("hex"));
        assertEquals("0200", Buffer.copyBytesFrom(u16, 1, 1).toString("hex"));
        assertEquals("0200ffff", Buffer.copyBytesFrom(u16, 1, 10).toString("hex"));
        assertEquals(0, Buffer.copyBytesFrom(u16, 3).length());
        assertEquals(0, Buffer.copyBytesFrom(u16, 0, 0).length());
        // node: Buffer.copyBytesFrom(new Float64Array([1.5])) → <Buffer 00 00 00 00 00 00 f8 3f>
        assertEquals("000000000000f83f", Buffer.copyBytesFrom(new double[] {1.5}).toString("hex"));
        assertEquals("ffffffffffffffff", Buffer.copyBytesFrom(new long[] {-1}).toString("hex"));
        assertEquals("0203", Buffer.copyBytesFrom(new byte[] {1, 2, 3}, 1).toString("hex"));
        assertEquals("6263", Buffer.copyBytesFrom(Buffer.from("abc"), 1).toString("hex"));
        assertEquals("0000c03f", Buffer.copyBytesFrom(new float[] {1.5f}).toString("hex"));
        assertEquals("4100", Buffer.copyBytesFrom(new char[] {'A'}).toString("hex"));
        assertEquals("78563412", Buffer.copyBytesFrom(new int[] {0x12345678}).toString("hex"));
    }

    @Test
    void copyBytesFromIsACopyAndPoolsLikeFrom() {
        byte[] src = {1, 2, 3};
        Buffer b = Buffer.copyBytesFrom(src);
        src[0] = 9;
        assertEquals(1, b.get(0));
        assertEquals(Buffer.poolSize(), b.buffer().byteLength(), "small copies come from the slab");
        assertEquals(5000, Buffer.copyBytesFrom(new byte[5000]).buffer().byteLength());
    }

    @Test
    void copyBytesFromRejectsWhatNodeRejects() {
        throwsNode("TypeError", "ERR_INVALID_ARG_TYPE",
                "The \"view\" argument must be an instance of TypedArray. Received null",
                () -> Buffer.copyBytesFrom(null));
        throwsNode("TypeError", "ERR_INVALID_ARG_TYPE",
                "The \"view\" argument must be an instance of TypedArray. Received type string ('abc')",
                () -> Buffer.copyBytesFrom("abc"));
        throwsNode("RangeError", "ERR_OUT_OF_RANGE",
                "The value of \"offset\" is out of range. It must be >= 0 && <= 9007199254740991. Received -1",
                () -> Buffer.copyBytesFrom(new short[] {1}, -1));
        throwsNode("RangeError", "ERR_OUT_OF_RANGE",
                "The value of \"length\" is out of range. It must be >= 0 && <= 9007199254740991. Received -1",
                () -> Buffer.copyBytesFrom(new short[] {1}, 0, -1));
        throwsNode("RangeError", "ERR_OUT_OF_RANGE",
                "The value of \"offset\" is out of range. It must be >= 0 && <= 9007199254740991. "
                        + "Received 9_007_199_254_740_992",
                () -> Buffer.copyBytesFrom(new short[] {1}, 9007199254740992L));
    }

    @Test
    void constantsAreNodes() {
        // node: require('buffer').constants → { MAX_LENGTH: 4294967296, MAX_STRING_LENGTH: 536870888 }
        assertEquals(4294967296L, Buffer.Constants.MAX_LENGTH);
        assertEquals(536870888, Buffer.Constants.MAX_STRING_LENGTH);
    }

    @Test
    void keysAndEntriesReadThrough() {
        Buffer b = Buffer.from("hi");
        assertEquals(List.of(0, 1), b.keys());
        assertEquals(List.of(Map.entry(0, 0x68), Map.entry(1, 0x69)), b.entries());
        b.set(1, 0x6f);
        assertEquals(Map.entry(1, 0x6f), b.entries().get(1));
        assertThrows(UnsupportedOperationException.class, () -> b.keys().add(2));
    }

    @Test
    void inputStreamReadsTheViewOnly() throws IOException {
        Buffer whole = Buffer.from("hello world");
        InputStream in = whole.subarray(6).inputStream();
        assertEquals("world", new String(in.readAllBytes(), "UTF-8"));
        assertEquals(-1, in.read());
    }

    @Test
    void writeToAndReadAllRoundTrip() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Buffer.from("héllo").subarray(1, 3).writeTo(out);
        assertEquals("c3a9", Buffer.wrap(out.toByteArray()).toString("hex"));
        Buffer read = Buffer.readAll(new ByteArrayInputStream(new byte[] {1, 2, 3}));
        assertEquals("010203", read.toString("hex"));
        assertEquals(0, read.byteOffset());
    }

    @Test
    void bufferOutputStreamCollectsAndGrows() {
        BufferOutputStream out = new BufferOutputStream(1);
        out.write('a');
        out.write(Buffer.from("bcd"));
        out.write(new byte[] {'x', 'e', 'y'}, 1, 1);
        assertEquals(5, out.size());
        Buffer b = out.toBuffer();
        assertEquals("abcde", b.toString());
        out.write('f');
        assertEquals("abcde", b.toString(), "toBuffer copies");
        out.reset();
        assertEquals(0, out.toBuffer().length());
        assertThrows(IndexOutOfBoundsException.class, () -> out.write(new byte[2], 1, 2));
    }
}
