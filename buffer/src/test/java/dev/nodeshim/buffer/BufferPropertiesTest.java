package dev.nodeshim.buffer;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Round trips and identities that hold for every input (seeded: jqwik's default is deterministic per run). */
class BufferPropertiesTest {

    @Provide
    Arbitrary<String> jsStrings() {
        // Every kind of UTF-16 content: ASCII, NUL, BMP, astral pairs, lone surrogates of both kinds.
        Arbitrary<String> units = Arbitraries.oneOf(
                Arbitraries.chars().range('\u0000', '\u007f').map(String::valueOf),
                Arbitraries.chars().range('\u0080', '\u07ff').map(String::valueOf),
                Arbitraries.chars().range('\u0800', '\uffff').map(String::valueOf),
                Arbitraries.integers().between(0x10000, 0x10ffff).map(cp -> new String(Character.toChars(cp))),
                Arbitraries.chars().range('\ud800', '\udfff').map(String::valueOf));
        return units.list().ofMaxSize(40).map(parts -> String.join("", parts));
    }

    @Provide
    Arbitrary<byte[]> bytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(64);
    }

    @Property(seed = "7355608")
    void utf8RoundTripOfWellFormedStrings(@ForAll("jsStrings") String s) {
        if (hasLoneSurrogate(s)) {
            assertTrue(Buffer.from(s).toString().contains("\ufffd"));
            return;
        }
        assertEquals(s, Buffer.from(s).toString());
        assertEquals(s.getBytes(StandardCharsets.UTF_8).length, Buffer.byteLength(s));
    }

    private static boolean hasLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    @Property(seed = "7355608")
    void utf8EncodingMatchesTheSlowPath(@ForAll("jsStrings") String s) {
        byte[] exact = new byte[Utf8.byteLength(s)];
        assertEq(exact.length, Utf8.write(s, exact, 0, exact.length));
        assertEq(exact, Buffer.from(s).toByteArray());
    }

    @Property(seed = "7355608")
    void utf8DecodingMatchesTheWhatwgDecoder(@ForAll("bytes") byte[] bytes) {
        assertEq(Utf8.decodeExact(bytes, 0, bytes.length), Buffer.wrap(bytes).toString());
    }

    @Property(seed = "7355608")
    void utf8DecodeThenEncodeIsStable(@ForAll("bytes") byte[] bytes) {
        String once = Buffer.wrap(bytes).toString();
        assertEq(once, Buffer.from(once).toString());
    }

    @Property(seed = "7355608")
    void utf16leRoundTrip(@ForAll("jsStrings") String s) {
        assertEq(s, Buffer.from(s, "utf16le").toString("ucs2"));
    }

    @Property(seed = "7355608")
    void latin1RoundTrip(@ForAll("bytes") byte[] bytes) {
        Buffer b = Buffer.wrap(bytes);
        assertEq(bytes, Buffer.from(b.toString("latin1"), "binary").toByteArray());
    }

    @Property(seed = "7355608")
    void asciiDecodeClearsTheHighBit(@ForAll("bytes") byte[] bytes) {
        String s = Buffer.wrap(bytes).toString("ascii");
        for (int i = 0; i < bytes.length; i++) {
            assertEq(bytes[i] & 0x7f, (int) s.charAt(i));
        }
    }

    @Property(seed = "7355608")
    void base64RoundTripAndJdkAgreement(@ForAll("bytes") byte[] bytes) {
        Buffer b = Buffer.wrap(bytes);
        String std = b.toString("base64");
        String url = b.toString("base64url");
        assertEq(Base64.getEncoder().encodeToString(bytes), std);
        assertEq(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), url);
        assertEq(bytes, Buffer.from(std, "base64").toByteArray());
        assertEq(bytes, Buffer.from(url, "base64").toByteArray());
        assertEq(bytes, Buffer.from(std, "base64url").toByteArray());
        // whitespace anywhere is skipped
        String spaced = std.replaceAll("(.{3})", "$1 \n");
        assertEq(bytes, Buffer.from(spaced, "base64").toByteArray());
    }

    @Property(seed = "7355608")
    void hexRoundTripAndJdkAgreement(@ForAll("bytes") byte[] bytes) {
        String hex = Buffer.wrap(bytes).toString("hex");
        assertEq(HexFormat.of().formatHex(bytes), hex);
        assertEq(bytes, Buffer.from(hex.toUpperCase(), "hex").toByteArray());
    }

    @Property(seed = "7355608")
    void writeNeverSplitsACharacter(@ForAll("jsStrings") String s, @ForAll @IntRange(max = 20) int room) {
        Buffer b = Buffer.alloc(room);
        int n = b.write(s);
        byte[] whole = Buffer.from(s).toByteArray();
        assertTrue(n <= Math.min(room, whole.length));
        byte[] written = b.subarray(0, n).toByteArray();
        // what was written is a prefix of the whole encoding that decodes without new U+FFFD
        assertEq(written, java.util.Arrays.copyOf(whole, n));
        String prefix = b.toString("utf8", 0, n);
        assertEquals(n, Buffer.from(prefix).length());
    }

    @Property(seed = "7355608")
    void sliceIdentities(@ForAll("bytes") byte[] bytes, @ForAll @IntRange(min = -80, max = 80) int start,
                         @ForAll @IntRange(min = -80, max = 80) int end) {
        Buffer b = Buffer.from(bytes);
        Buffer s = b.subarray(start, end);
        assertSame(b.buffer(), s.buffer());
        int len = bytes.length;
        int from = start < 0 ? Math.max(0, start + len) : Math.min(start, len);
        int to = end < 0 ? Math.max(0, end + len) : Math.min(end, len);
        assertEq(Math.max(0, to - from), s.length());
        assertEq(b.byteOffset() + from, s.byteOffset());
        // concat of the three parts is the whole
        Buffer left = b.subarray(0, from);
        Buffer right = b.subarray(from);
        assertEq(b, Buffer.concat(left, right));
        assertEq(s, b.slice(start, end));
    }

    @Property(seed = "7355608")
    void concatLengthsAndContent(@ForAll @Size(max = 6) List<@Size(max = 20) List<Byte>> parts) {
        Buffer[] buffers = parts.stream().map(BufferPropertiesTest::toBuffer).toArray(Buffer[]::new);
        Buffer all = Buffer.concat(buffers);
        int pos = 0;
        for (Buffer b : buffers) {
            assertEq(b, all.subarray(pos, pos + b.length()));
            pos += b.length();
        }
        assertEq(pos, all.length());
    }

    /**
     * Results past the pool (from 4 KiB) are made from a copy of the first part: views into larger
     * arrays (other bytes around them), a totalLength that cuts or zero-pads, the first part empty.
     */
    @Property(seed = "4242")
    void concatOfLargeViewsIsByteForByte(@ForAll long seed) {
        java.util.Random r = new java.util.Random(seed);
        int count = 1 + r.nextInt(4);
        List<Buffer> parts = new java.util.ArrayList<>();
        java.io.ByteArrayOutputStream expected = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < count; i++) {
            int len = r.nextInt(4) == 0 ? 0 : r.nextInt(9000);
            byte[] store = new byte[len + 64];
            r.nextBytes(store);
            int off = r.nextInt(64);
            parts.add(Buffer.wrap(store, off, len));
            expected.write(store, off, len);
        }
        byte[] whole = expected.toByteArray();
        assertEq(whole, Buffer.concat(parts).toByteArray());
        long total = r.nextInt(whole.length + 5000);
        byte[] cutOrPadded = java.util.Arrays.copyOf(whole, (int) total);
        assertEq(cutOrPadded, Buffer.concat(parts, total).toByteArray());
    }

    private static void assertEq(Object expected, Object actual) {
        if (expected instanceof byte[] e && actual instanceof byte[] a) {
            assertArrayEquals(e, a);
        } else {
            assertEquals(expected, actual);
        }
    }

    private static Buffer toBuffer(List<Byte> list) {
        byte[] bytes = new byte[list.size()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = list.get(i);
        }
        return Buffer.from(bytes);
    }

    @Property(seed = "7355608")
    void compareIsAntisymmetricAndMatchesUnsignedOrder(@ForAll("bytes") byte[] x, @ForAll("bytes") byte[] y) {
        Buffer a = Buffer.from(x);
        Buffer b = Buffer.from(y);
        assertEq(-Buffer.compare(b, a), Buffer.compare(a, b));
        assertEq(Buffer.compare(a, b), Integer.signum(java.util.Arrays.compareUnsigned(x, y)));
        assertEq(a.equals(b), a.compare(b) == 0);
    }

    @Property(seed = "7355608")
    void indexOfFindsEverySubarray(@ForAll("bytes") byte[] bytes, @ForAll @IntRange(max = 64) int from,
                                   @ForAll @IntRange(max = 8) int n) {
        Buffer b = Buffer.from(bytes);
        if (from + n > bytes.length) {
            return;
        }
        Buffer needle = Buffer.from(b.subarray(from, from + n));
        int i = b.indexOf(needle);
        assertTrue(i >= 0 && i <= from);
        assertEq(needle, b.subarray(i, i + n));
        int j = b.lastIndexOf(needle);
        assertTrue(j >= from && j <= bytes.length - n);
        assertEq(needle, b.subarray(j, j + n));
    }

    @Property(seed = "7355608")
    void integerWritesReadBack(@ForAll @IntRange(min = 1, max = 6) int width, @ForAll long seed) {
        long unsigned = Math.floorMod(seed, 1L << (8 * width));
        long signed = unsigned << (64 - 8 * width) >> (64 - 8 * width);
        Buffer b = Buffer.alloc(8);
        assertEq(1 + width, b.writeUIntLE(unsigned, 1, width));
        assertEq(unsigned, b.readUIntLE(1, width));
        assertEq(signed, b.readIntLE(1, width));
        b.writeIntBE(signed, 2, width);
        assertEq(signed, b.readIntBE(2, width));
        assertEq(unsigned, b.readUIntBE(2, width));
    }

    @Property(seed = "7355608")
    void swapTwiceIsIdentity(@ForAll("bytes") byte[] bytes) {
        byte[] even = java.util.Arrays.copyOf(bytes, bytes.length & ~7);
        Buffer b = Buffer.from(even);
        assertEq(even, b.swap16().swap16().toByteArray());
        assertEq(even, b.swap32().swap32().toByteArray());
        assertEq(even, b.swap64().swap64().toByteArray());
    }

    @Property(seed = "7355608")
    void numberSearchMatchesANaiveScan(@ForAll("bytes") byte[] bytes, @ForAll byte needle,
                                       @ForAll @IntRange(min = -70, max = 70) int from) {
        Buffer b = Buffer.wrap(bytes);
        int start = from < 0 ? Math.max(0, bytes.length + from) : from;
        int expected = -1;
        for (int i = start; i < bytes.length; i++) {
            if (bytes[i] == needle) {
                expected = i;
                break;
            }
        }
        assertEquals(expected, b.indexOf(needle & 0xFF, from));
        Buffer withNeedle = Buffer.from(b.subarray(start, start + 3));
        if (withNeedle.length() == 3 && start + 3 <= bytes.length) {
            int found = b.indexOf(withNeedle, from);
            assertTrue(found >= start && found <= start);
        }
    }
}
