package dev.nodeshim.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nodeshim.buffer.Buffer;
import dev.nodeshim.buffer.Encoding;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** ByteBuffer inputs, and the output decoder of cipher update()/final() against one-piece decoding. */
class InteropAndDecoderTest {
    @Test
    void byteBuffersAreReadFromPositionToLimit() {
        ByteBuffer heap = ByteBuffer.wrap("xxabcxx".getBytes(StandardCharsets.UTF_8), 2, 3);
        assertEquals("a9993e364706816aba3e25717850c26c9cd0d89d", Crypto.createHash("sha1").update(heap).digest("hex"));
        assertEquals(0, heap.remaining());
        ByteBuffer direct = ByteBuffer.allocateDirect(20000);
        for (int i = 0; i < 20000; i++) {
            direct.put((byte) i);
        }
        direct.flip();
        byte[] same = new byte[20000];
        direct.duplicate().get(same);
        assertEquals(Crypto.createHmac("sha256", "k").update(same).digest("hex"),
                Crypto.createHmac("sha256", "k").update(direct).digest("hex"));
        byte[] k = new byte[16];
        byte[] iv = new byte[16];
        assertEquals(Crypto.createCipheriv("aes-128-ctr", k, iv).update(same).toString("hex"),
                Crypto.createCipheriv("aes-128-ctr", k, iv).update(ByteBuffer.wrap(same)).toString("hex"));
    }

    @Provide
    Arbitrary<String> wholeEncodings() {
        return Arbitraries.of("hex", "base64", "base64url", "latin1", "ascii");
    }

    @Property(tries = 300)
    void bytewiseEncodingsCutAnywhereDecodeAsOnePiece(@ForAll("wholeEncodings") String enc,
            @ForAll @Size(max = 100) byte[] data, @ForAll @IntRange(min = 1, max = 9) int step) {
        OutputDecoder d = new OutputDecoder(Encoding.lookup(enc));
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < data.length; i += step) {
            out.append(d.write(java.util.Arrays.copyOfRange(data, i, Math.min(data.length, i + step))));
        }
        out.append(d.end(new byte[0]));
        assertEquals(Buffer.wrap(data).toString(enc), out.toString());
    }

    @Property(tries = 300)
    void textCutAnywhereDecodesAsOnePiece(@ForAll @Size(max = 40) String text, @ForAll boolean utf16,
            @ForAll @IntRange(min = 1, max = 5) int step) {
        String enc = utf16 ? "utf16le" : "utf8";
        byte[] data = Buffer.from(text, enc).toByteArray();
        OutputDecoder d = new OutputDecoder(Encoding.lookup(enc));
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < data.length; i += step) {
            out.append(d.write(java.util.Arrays.copyOfRange(data, i, Math.min(data.length, i + step))));
        }
        out.append(d.end(new byte[0]));
        assertEquals(Buffer.wrap(data).toString(enc), out.toString());
    }

    /** What Node's StringDecoder('utf16le') returns for these writes (printed by node 20). */
    @Test
    void utf16leHoldsAndCompletesUnitsAsNode() {
        assertEquals(java.util.List.of("", "\udb62\u3694", ""), decode(new int[][] {{0x62, 0xdb}, {0x94, 0x36}}));
        assertEquals(java.util.List.of("", "\udb62\udc00", ""), decode(new int[][] {{0x62, 0xdb}, {0x00, 0xdc}}));
        assertEquals(java.util.List.of("A", "\udb62\udc00", ""), decode(new int[][] {{0x41, 0x00, 0x62}, {0xdb, 0x00, 0xdc}}));
        assertEquals(java.util.List.of("", "\udb62"), decode(new int[][] {{0x62, 0xdb}}));
        assertEquals(java.util.List.of("A\udb62", ""), decode(new int[][] {{0x41, 0x00, 0x62, 0xdb, 0x10}}));
        assertEquals(java.util.List.of("", "\ud910", ""), decode(new int[][] {{0x10}, {0xd9}}));
        assertEquals(java.util.List.of("", "A", "", "\ud910"), decode(new int[][] {{0x41}, {0x00}, {0x10, 0xd9}}));
    }

    private static java.util.List<String> decode(int[][] chunks) {
        OutputDecoder d = new OutputDecoder(Encoding.UTF16LE);
        java.util.List<String> out = new java.util.ArrayList<>();
        for (int[] c : chunks) {
            byte[] b = new byte[c.length];
            for (int i = 0; i < c.length; i++) {
                b[i] = (byte) c[i];
            }
            out.add(d.write(b));
        }
        out.add(d.end(new byte[0]));
        return out;
    }
}
