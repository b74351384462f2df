package dev.nodeshim.buffer;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The word-at-a-time fast paths (SWAR search, table-driven base64 and hex, UTF-8 straight into the
 * slab) against plain reference implementations written out here, over random inputs whose lengths
 * and offsets cross the 8-byte word and the 6/8-byte codec blocks in every phase.
 */
class FastPathPropertiesTest {

    // ------------------------------------------------------------------------------ search

    /** Byte strings over a tiny alphabet, so partial matches (first byte, last byte) are frequent. */
    @Provide
    Arbitrary<byte[]> smallAlphabet() {
        return Arbitraries.of((byte) 'a', (byte) 'b', (byte) 0, (byte) 0x80, (byte) 0xFF)
                .array(byte[].class).ofMaxSize(80);
    }

    @Provide
    Arbitrary<byte[]> needles() {
        return Arbitraries.of((byte) 'a', (byte) 'b', (byte) 0, (byte) 0x80, (byte) 0xFF)
                .array(byte[].class).ofMinSize(1).ofMaxSize(20);
    }

    private static int naiveIndexOf(byte[] h, int from, int end, byte[] n, int no, int nl) {
        outer:
        for (int i = from; i + nl <= end; i++) {
            for (int k = 0; k < nl; k++) {
                if (h[i + k] != n[no + k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Property(seed = "20261123", tries = 3000)
    void searchMatchesNaiveSearch(@ForAll("smallAlphabet") byte[] h, @ForAll("needles") byte[] n,
                                  @ForAll @IntRange(min = 0, max = 90) int from,
                                  @ForAll @IntRange(min = 0, max = 9) int cut) {
        int end = Math.max(0, h.length - cut);
        int start = Math.min(from, end);
        assertEquals(naiveIndexOf(h, start, end, n, 0, n.length),
                ByteSearch.indexOf(h, start, end, n, 0, n.length));
    }

    @Property(seed = "20261124", tries = 2000)
    void searchFindsAPlantedNeedleInEveryPosition(@ForAll("smallAlphabet") byte[] h, @ForAll("needles") byte[] n,
                                                  @ForAll @IntRange(min = 0, max = 80) int at,
                                                  @ForAll @IntRange(min = 0, max = 3) int needleOffset) {
        byte[] hay = Arrays.copyOf(h, Math.max(h.length, at + n.length));
        System.arraycopy(n, 0, hay, at, n.length);
        int no = Math.min(needleOffset, n.length - 1);
        int nl = n.length - no;
        int expected = naiveIndexOf(hay, 0, hay.length, n, no, nl);
        assertEquals(expected, ByteSearch.indexOf(hay, 0, hay.length, n, no, nl));
        // through the public API, on a buffer that does not start at index 0 of its array
        byte[] shifted = new byte[hay.length + 5];
        System.arraycopy(hay, 0, shifted, 5, hay.length);
        Buffer b = Buffer.wrap(shifted, 5, hay.length);
        byte[] needle = Arrays.copyOfRange(n, no, n.length);
        assertEquals(expected, b.indexOf(Buffer.wrap(needle)));
        assertEquals(expected >= 0, b.includes(Buffer.wrap(needle)));
    }

    // ------------------------------------------------------------------------------ base64

    @Provide
    Arbitrary<byte[]> anyBytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
    }

    @Property(seed = "20261125", tries = 2000)
    void base64EncodeMatchesTheJdk(@ForAll("anyBytes") byte[] bytes, @ForAll @IntRange(min = 0, max = 9) int off) {
        byte[] a = new byte[off + bytes.length + 3];
        Arrays.fill(a, (byte) 0x5A);
        System.arraycopy(bytes, 0, a, off, bytes.length);
        assertEquals(Base64.getEncoder().encodeToString(bytes), Base64Codec.encode(a, off, bytes.length, false));
        assertEquals(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes),
                Base64Codec.encode(a, off, bytes.length, true));
        Buffer b = Buffer.wrap(a, off, bytes.length);
        assertEquals(Base64.getEncoder().encodeToString(bytes), b.toString("base64"));
    }

    /** Strings mixing both alphabets, '=', whitespace, other ASCII and units above 0xFF. */
    @Provide
    Arbitrary<String> base64ish() {
        Arbitrary<Character> symbols = Arbitraries.chars().with(
                "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/-_".toCharArray());
        Arbitrary<Character> noise = Arbitraries.chars().with('=', ' ', '\n', '!', '.', '\u0080', '\u00ff',
                '\u0159', '\u0141', '\u4e00', '\ud800');
        Arbitrary<Character> unit = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(30, symbols), net.jqwik.api.Tuple.of(1, noise));
        return unit.list().ofMaxSize(90).map(cs -> {
            StringBuilder sb = new StringBuilder();
            cs.forEach(sb::append);
            return sb.toString();
        });
    }

    /** Node's lenient decoder written the plain way: low byte, skip non-symbols, stop at '='. */
    private static byte[] referenceBase64(String s) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int acc = 0;
        int count = 0;
        for (int i = 0; i < s.length(); i++) {
            int c = s.charAt(i) & 0xFF;
            if (c == '=') {
                break;
            }
            int v = c == '-' ? 62 : c == '_' ? 63 : alphabet.indexOf(c);
            if (v < 0) {
                continue;
            }
            acc = acc << 6 | v;
            if (++count == 4) {
                out.write(acc >> 16);
                out.write(acc >> 8);
                out.write(acc);
                acc = 0;
                count = 0;
            }
        }
        if (count == 2) {
            out.write(acc >> 4);
        } else if (count == 3) {
            out.write(acc >> 10);
            out.write(acc >> 2);
        }
        return out.toByteArray();
    }

    @Property(seed = "20261126", tries = 3000)
    void base64DecodeMatchesTheReference(@ForAll("base64ish") String s,
                                         @ForAll @IntRange(min = 0, max = 80) int max,
                                         @ForAll @IntRange(min = 0, max = 9) int off) {
        byte[] full = referenceBase64(s);
        byte[] dst = new byte[off + max + 8];
        Arrays.fill(dst, (byte) 0x77);
        int written = Base64Codec.decode(s, dst, off, max, max % 2 == 0);
        int expected = Math.min(full.length, max);
        assertEquals(expected, written);
        assertArrayEquals(Arrays.copyOf(full, expected), Arrays.copyOfRange(dst, off, off + written));
        // nothing outside [off, off + written) is touched
        for (int i = 0; i < dst.length; i++) {
            if (i < off || i >= off + written) {
                assertEquals((byte) 0x77, dst[i], "byte " + i);
            }
        }
        assertArrayEquals(full, Buffer.from(s, "base64").toByteArray());
    }

    /**
     * Strict base64 of either alphabet (what the JDK's decoder accepts) with at most one edit: a
     * symbol of the other alphabet, a line break, a space, '=' or a byte dropped, at any place.
     */
    @Provide
    Arbitrary<String> nearlyStrictBase64() {
        Arbitrary<byte[]> data = Arbitraries.bytes().array(byte[].class).ofMinSize(40).ofMaxSize(400);
        Arbitrary<String> encoded = Arbitraries.oneOf(
                data.map(b -> Base64.getEncoder().encodeToString(b)),
                data.map(b -> Base64.getEncoder().withoutPadding().encodeToString(b)),
                data.map(b -> Base64.getUrlEncoder().withoutPadding().encodeToString(b)));
        Arbitrary<String> edit = Arbitraries.of("", "", "", "-", "_", "+", "/", "\n", " ", "=", "drop");
        return net.jqwik.api.Combinators.combine(encoded, edit, Arbitraries.integers().between(0, 1000))
                .as((e, what, at) -> {
                    int i = at % (e.length() + 1);
                    if (what.equals("drop")) {
                        return i < e.length() ? e.substring(0, i) + e.substring(i + 1) : e;
                    }
                    return e.substring(0, i) + what + e.substring(i);
                });
    }

    @Property(seed = "20261133", tries = 2000)
    void base64DecodeOfNearlyStrictInput(@ForAll("nearlyStrictBase64") String s, @ForAll boolean url,
                                         @ForAll @IntRange(min = 0, max = 400) int max) {
        byte[] full = referenceBase64(s);
        byte[] dst = new byte[max + 2];
        int written = Base64Codec.decode(s, dst, 1, max, url);
        int expected = Math.min(full.length, max);
        assertEquals(expected, written);
        assertArrayEquals(Arrays.copyOf(full, expected), Arrays.copyOfRange(dst, 1, 1 + written));
        assertEquals(0, dst[0]);
        assertEquals(0, dst[max + 1]);
        assertArrayEquals(full, Buffer.from(s, url ? "base64url" : "base64").toByteArray());
    }

    @Property(seed = "20261127", tries = 1000)
    void base64RoundTripOfValidInput(@ForAll("anyBytes") byte[] bytes) {
        String std = Base64.getEncoder().encodeToString(bytes);
        assertArrayEquals(bytes, Buffer.from(std, "base64").toByteArray());
        String url = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        assertArrayEquals(bytes, Buffer.from(url, "base64url").toByteArray());
    }

    // ------------------------------------------------------------------------------ hex

    @Property(seed = "20261128", tries = 2000)
    void hexEncodeMatchesHexFormat(@ForAll("anyBytes") byte[] bytes, @ForAll @IntRange(min = 0, max = 9) int off) {
        byte[] a = new byte[off + bytes.length];
        System.arraycopy(bytes, 0, a, off, bytes.length);
        assertEquals(HexFormat.of().formatHex(bytes), HexCodec.encode(a, off, bytes.length));
    }

    @Provide
    Arbitrary<String> hexish() {
        Arbitrary<Character> digits = Arbitraries.chars().with("0123456789abcdefABCDEF".toCharArray());
        Arbitrary<Character> noise = Arbitraries.chars().with('g', 'z', ' ', '/', ':', '@', 'G', '`',
                '\u0130', '\u0161', '\u4e00');
        Arbitrary<Character> unit = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(40, digits), net.jqwik.api.Tuple.of(1, noise));
        return unit.list().ofMaxSize(80).map(cs -> {
            StringBuilder sb = new StringBuilder();
            cs.forEach(sb::append);
            return sb.toString();
        });
    }

    private static byte[] referenceHex(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i + 1 < s.length(); i += 2) {
            int hi = Character.digit((char) (s.charAt(i) & 0xFF), 16);
            int lo = Character.digit((char) (s.charAt(i + 1) & 0xFF), 16);
            if (hi < 0 || lo < 0) {
                break;
            }
            out.write(hi << 4 | lo);
        }
        return out.toByteArray();
    }

    @Property(seed = "20261129", tries = 3000)
    void hexDecodeMatchesTheReference(@ForAll("hexish") String s,
                                      @ForAll @IntRange(min = 0, max = 45) int max,
                                      @ForAll @IntRange(min = 0, max = 9) int off) {
        byte[] full = referenceHex(s);
        byte[] dst = new byte[off + max + 8];
        Arrays.fill(dst, (byte) 0x77);
        int written = HexCodec.decode(s, dst, off, max);
        int expected = Math.min(full.length, max);
        assertEquals(expected, written);
        assertArrayEquals(Arrays.copyOf(full, expected), Arrays.copyOfRange(dst, off, off + written));
        for (int i = 0; i < dst.length; i++) {
            if (i < off || i >= off + written) {
                assertEquals((byte) 0x77, dst[i], "byte " + i);
            }
        }
        assertArrayEquals(full, Buffer.from(s, "hex").toByteArray());
    }

    // ------------------------------------------------------------------------------ utf8

    /** ASCII, two- and three-byte BMP, astral pairs and lone surrogates, in runs of any length. */
    @Provide
    Arbitrary<String> jsStrings() {
        Arbitrary<String> units = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(20, Arbitraries.chars().range('\u0000', '\u007f').map(String::valueOf)),
                net.jqwik.api.Tuple.of(3, Arbitraries.chars().range('\u0080', '\u07ff').map(String::valueOf)),
                net.jqwik.api.Tuple.of(5, Arbitraries.chars().range('\u0800', '\uffff').map(String::valueOf)),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0x10000, 0x10ffff)
                        .map(cp -> new String(Character.toChars(cp)))),
                net.jqwik.api.Tuple.of(1, Arbitraries.chars().range('\ud800', '\udfff').map(String::valueOf)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just("?")));
        return units.list().ofMaxSize(60).map(parts -> String.join("", parts));
    }

    /** UTF-8 the plain way, a lone surrogate as U+FFFD. */
    private static byte[] referenceUtf8(String s) {
        StringBuilder wellFormed = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                wellFormed.append(c).append(s.charAt(++i));
            } else {
                wellFormed.append(Character.isSurrogate(c) ? '\ufffd' : c);
            }
        }
        return wellFormed.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Property(seed = "20261130", tries = 3000)
    void utf8FromMatchesTheReference(@ForAll("jsStrings") String s, @ForAll @IntRange(min = 1, max = 3) int copies) {
        String t = s.repeat(copies);
        byte[] expected = referenceUtf8(t);
        assertArrayEquals(expected, Utf8.encode(t));
        assertArrayEquals(expected, Buffer.from(t).toByteArray());
        byte[] dst = new byte[expected.length + 8];
        assertEquals(expected.length, Utf8.write(t, dst, 4, expected.length));
        assertArrayEquals(expected, Arrays.copyOfRange(dst, 4, 4 + expected.length));
        assertEquals(t.isEmpty() ? "" : new String(expected, StandardCharsets.UTF_8), Buffer.from(t).toString());
    }

    /** Long inputs: the pooled path (below 4096 units) writes straight into the slab. */
    @Property(seed = "20261131", tries = 300)
    void utf8FromOfLongStrings(@ForAll("jsStrings") String s, @ForAll @IntRange(min = 10, max = 120) int copies) {
        String t = s.repeat(copies);
        Buffer b = Buffer.from(t);
        assertArrayEquals(referenceUtf8(t), b.toByteArray());
        assertEquals(referenceUtf8(t).length, Buffer.byteLength(t));
    }

    /** A bounded write stops before the first character whose bytes do not all fit (Node's rule). */
    @Property(seed = "20261134", tries = 3000)
    void utf8BoundedWriteKeepsWholeCharacters(@ForAll("jsStrings") String s, @ForAll @IntRange(min = 0, max = 200) int max) {
        int expected = 0;
        for (int i = 0; i < s.length(); ) {
            int units = Character.isHighSurrogate(s.charAt(i)) && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1)) ? 2 : 1;
            int bytes = referenceUtf8(s.substring(i, i + units)).length;
            if (expected + bytes > max) {
                break;
            }
            expected += bytes;
            i += units;
        }
        byte[] dst = new byte[max + 2];
        assertEquals(expected, Utf8.write(s, dst, 1, max));
        assertArrayEquals(Arrays.copyOf(referenceUtf8(s), expected), Arrays.copyOfRange(dst, 1, 1 + expected));
        assertEquals(0, dst[1 + expected]);
    }

    /** Strings longer than the writer's 4096-unit chunks, with a pair or a lone surrogate on the seam. */
    @Property(seed = "20261135", tries = 200)
    void utf8AcrossChunkSeams(@ForAll @IntRange(min = 4090, max = 4100) int ascii,
                              @ForAll("jsStrings") String tail, @ForAll @IntRange(min = 1, max = 3) int copies) {
        String t = ("x".repeat(ascii) + "\ud83d\ude00" + "\ud800" + tail).repeat(copies);
        byte[] expected = referenceUtf8(t);
        assertArrayEquals(expected, Utf8.encode(t));
        byte[] dst = new byte[expected.length];
        assertEquals(expected.length, Utf8.write(t, dst, 0, dst.length));
        assertArrayEquals(expected, dst);
    }

    @Property(seed = "20261132", tries = 500)
    void combinedSearchThroughStrings(@ForAll("jsStrings") String hay, @ForAll("jsStrings") String needle) {
        Buffer b = Buffer.from(hay + needle + hay);
        byte[] h = b.toByteArray();
        byte[] n = Utf8.encodeGeneralized(needle);
        int expected = n.length == 0 ? 0 : naiveIndexOf(h, 0, h.length, n, 0, n.length);
        assertEquals(expected, b.indexOf(needle));
    }
}
