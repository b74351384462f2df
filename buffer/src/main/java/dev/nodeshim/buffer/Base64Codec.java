package dev.nodeshim.buffer;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Base64 and base64url as Node 20 does them.
 *
 * <p><b>Encoding</b> is RFC 4648: {@code base64} with the {@code +/} alphabet and {@code =} padding,
 * {@code base64url} with {@code -_} and no padding. Table-driven, six bytes to eight chars at a time.
 *
 * <p><b>Decoding</b> is lenient and the same for both names: each UTF-16 unit is cut to its low byte
 * (Node casts to {@code uint8_t}, so {@code 'ř'} (U+0159) reads as {@code 'Y'}); both alphabets are
 * accepted; every other byte (whitespace, {@code '!'}, {@code 0x80}…) is skipped; the first {@code =}
 * ends the input. Each four symbols make three bytes; a tail of two or three symbols makes one or two
 * bytes and a lone trailing symbol none.
 *
 * <p><b>Length.</b> {@link #byteLength} is Node's estimate, computed from the string length alone:
 * {@code (length - trailing '='s (at most two)) * 3 >>> 2}. It is never less than what decoding
 * writes, and it is what sizes a non-pooled buffer's backing store (so that store may be larger
 * than the buffer, as in Node).
 */
final class Base64Codec {
    private static final byte[] STD = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
            .getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
            .getBytes(StandardCharsets.ISO_8859_1);
    /** Two symbols per 12-bit value, the first in the low byte (for little-endian stores). */
    private static final short[] STD_PAIRS = pairs(STD);
    private static final short[] URL_PAIRS = pairs(URL);
    private static final VarHandle BE_LONGS =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LE_LONGS =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle BE_INTS =
            MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle BE_SHORTS =
            MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    /** Symbol value by byte, -1 for a skipped byte, -2 for '='. */
    private static final byte[] VALUE = new byte[256];
    /**
     * The symbol value shifted to its place in a four-symbol group ({@code VALUE << 18}, {@code << 12},
     * {@code << 6}, {@code << 0}), or -1 for anything that is not a symbol: OR-ing the four entries of
     * a group gives its 24 bits, or a negative number when the group needs the slow path.
     */
    private static final int[] SHIFT18 = new int[256];
    /**
     * Two symbols at once: index {@code c0 | c1 << 8} (the first symbol in the low byte, as a
     * little-endian load gives it), value {@code VALUE[c0] << 6 | VALUE[c1]}, or -1 when either is
     * not a symbol. 128 KiB, of which the 4096 valid pairs touch about 13 KiB.
     */
    private static final short[] PAIR_VALUE = new short[65536];
    private static final int[] SHIFT12 = new int[256];
    private static final int[] SHIFT6 = new int[256];
    private static final int[] SHIFT0 = new int[256];

    static {
        Arrays.fill(VALUE, (byte) -1);
        for (int i = 0; i < 64; i++) {
            VALUE[STD[i]] = (byte) i;
            VALUE[URL[i]] = (byte) i;
        }
        VALUE['='] = -2;
        for (int c = 0; c < 256; c++) {
            int v = VALUE[c];
            SHIFT18[c] = v < 0 ? -1 : v << 18;
            SHIFT12[c] = v < 0 ? -1 : v << 12;
            SHIFT6[c] = v < 0 ? -1 : v << 6;
            SHIFT0[c] = v < 0 ? -1 : v;
        }
        for (int c1 = 0; c1 < 256; c1++) {
            for (int c0 = 0; c0 < 256; c0++) {
                int v0 = VALUE[c0];
                int v1 = VALUE[c1];
                PAIR_VALUE[c0 | c1 << 8] = (short) (v0 < 0 || v1 < 0 ? -1 : v0 << 6 | v1);
            }
        }
    }

    private static short[] pairs(byte[] alphabet) {
        short[] pairs = new short[4096];
        for (int v = 0; v < 4096; v++) {
            pairs[v] = (short) ((alphabet[v >>> 6] & 0xFF) | (alphabet[v & 0x3F] & 0xFF) << 8);
        }
        return pairs;
    }

    private Base64Codec() {
    }

    /** Node's {@code base64ByteLength}: an upper bound of the decoded size. */
    static int byteLength(String s) {
        int n = s.length();
        if (n > 0 && s.charAt(n - 1) == '=') {
            n--;
            if (n > 0 && s.charAt(n - 1) == '=') {
                n--;
            }
        }
        return (int) (((long) n * 3) >>> 2);
    }

    /**
     * Encodes {@code a[off, off+len)}; {@code url} selects base64url (no padding). Six input bytes
     * (one big-endian {@code long} load, of which the top 48 bits are used) make four 12-bit indices
     * into a table of two-symbol pairs, and the eight symbols are written with one {@code long}
     * store; the last groups and the padding go byte by byte.
     */
    static String encode(byte[] a, int off, int len, boolean url) {
        if (len >= JDK_MIN) {
            return encodeWithJdk(a, off, len, url);
        }
        byte[] alphabet = url ? URL : STD;
        short[] pairs = url ? URL_PAIRS : STD_PAIRS;
        int groups = len / 3;
        int rest = len - groups * 3;
        int outLen = groups * 4 + (rest == 0 ? 0 : url ? rest + 1 : 4);
        byte[] out = scratch(outLen);
        int i = off;
        int o = 0;
        int end = off + len;
        int groupsEnd = off + groups * 3;
        // Each block needs 8 readable bytes at i (only 6 are used) and 6 whole-group bytes.
        int blocks = Math.min((len - 2) / 6, groups / 2);
        for (int k = 0; k < blocks; k++, i += 6, o += 8) {
            long v = (long) BE_LONGS.get(a, i);
            long w = (pairs[(int) (v >>> 52)] & 0xFFFFL)
                    | (pairs[(int) (v >>> 40) & 0xFFF] & 0xFFFFL) << 16
                    | (pairs[(int) (v >>> 28) & 0xFFF] & 0xFFFFL) << 32
                    | (pairs[(int) (v >>> 16) & 0xFFF] & 0xFFFFL) << 48;
            LE_LONGS.set(out, o, w);
        }
        for (; i < groupsEnd; i += 3, o += 4) {
            int v = (a[i] & 0xFF) << 16 | (a[i + 1] & 0xFF) << 8 | (a[i + 2] & 0xFF);
            short hi = pairs[v >>> 12];
            short lo = pairs[v & 0xFFF];
            out[o] = (byte) hi;
            out[o + 1] = (byte) (hi >> 8);
            out[o + 2] = (byte) lo;
            out[o + 3] = (byte) (lo >> 8);
        }
        if (rest == 1) {
            int v = a[i] & 0xFF;
            out[o++] = alphabet[v >>> 2];
            out[o++] = alphabet[(v & 3) << 4];
            if (!url) {
                out[o++] = '=';
                out[o++] = '=';
            }
        } else if (rest == 2) {
            int v = (a[i] & 0xFF) << 8 | (a[i + 1] & 0xFF);
            out[o++] = alphabet[v >>> 10];
            out[o++] = alphabet[(v >>> 4) & 0x3F];
            out[o++] = alphabet[(v & 0xF) << 2];
            if (!url) {
                out[o++] = '=';
            }
        }
        return new String(out, 0, outLen, StandardCharsets.ISO_8859_1);
    }

    /**
     * From this many bytes (or symbols) on, the JDK's {@link java.util.Base64} codec is used where it
     * gives Node's result: HotSpot compiles its block loops to vector code, several times faster than
     * the table loops here once the input is longer than a few words.
     */
    private static final int JDK_MIN = 64;
    private static final java.util.Base64.Encoder JDK_STD = java.util.Base64.getEncoder();
    private static final java.util.Base64.Encoder JDK_URL = java.util.Base64.getUrlEncoder().withoutPadding();
    private static final java.util.Base64.Decoder JDK_STD_DECODER = java.util.Base64.getDecoder();
    private static final java.util.Base64.Decoder JDK_URL_DECODER = java.util.Base64.getUrlDecoder();

    /**
     * RFC 4648 encoding by the JDK (the same output as {@link #encode}'s own loop). Its array form
     * reads a whole array, so a view of part of a larger array (a pooled buffer) is first copied into
     * a per-thread array of exactly its length, kept for the next call of the same length (up to
     * 16 KiB); a larger view goes through the JDK's {@code ByteBuffer} form.
     */
    private static String encodeWithJdk(byte[] a, int off, int len, boolean url) {
        java.util.Base64.Encoder encoder = url ? JDK_URL : JDK_STD;
        byte[] src = a;
        if (off != 0 || len != a.length) {
            if (len > SCRATCH_SIZE) {
                ByteBuffer encoded = encoder.encode(ByteBuffer.wrap(a, off, len));
                return new String(encoded.array(), 0, encoded.limit(), StandardCharsets.ISO_8859_1);
            }
            src = EXACT.get();
            if (src.length != len) {
                src = new byte[len];
                EXACT.set(src);
            }
            System.arraycopy(a, off, src, 0, len);
        }
        int groups = len / 3;
        byte[] out = scratch(groups * 4 + (len == groups * 3 ? 0 : 4));
        int n = encoder.encode(src, out);
        return new String(out, 0, n, StandardCharsets.ISO_8859_1);
    }

    /** Per thread, the last exact-length copy {@link #encodeWithJdk} made of a view. */
    private static final ThreadLocal<byte[]> EXACT = ThreadLocal.withInitial(() -> new byte[0]);

    /**
     * Decodes {@code s} leniently (see the class comment) into {@code dst[off, off+max)} and returns
     * the number of bytes written; decoding stops when {@code max} bytes are written. {@code url}
     * says which alphabet to expect first (Node accepts both under either name).
     */
    static int decode(String s, byte[] dst, int off, int max, boolean url) {
        int n = s.length();
        // The low byte of each unit is all that Node reads: String.getBytes(int, int, byte[], int)
        // copies exactly that, as fast as an array copy for Latin-1 strings.
        byte[] src = lowBytes(s, n);
        if (n >= JDK_MIN && strictCandidate(s, url)) {
            int written = decodeWithJdk(src, n, dst, off, max, url);
            if (written >= 0) {
                return written;
            }
        }
        return decode(src, n, dst, off, max);
    }

    /**
     * Whether {@code s} may be strict base64 of one alphabet: no line break (MIME's, the common
     * non-strict input) and no symbol of the other alphabet. {@code String.indexOf} of a char is a
     * vector scan, far cheaper than a decode attempt that fails.
     */
    private static boolean strictCandidate(String s, boolean url) {
        if (s.indexOf('\n') >= 0) {
            return false;
        }
        return url ? s.indexOf('+') < 0 && s.indexOf('/') < 0 : s.indexOf('-') < 0 && s.indexOf('_') < 0;
    }

    /**
     * The JDK's strict decoder, or -1 when it refuses the input. Whatever it accepts (one alphabet,
     * padding only at the end and complete) Node decodes to the same bytes; Node also ignores the
     * unused low bits of a last partial group, as the JDK does. A strict decode is a prefix-closed
     * stream like Node's, so when {@code max} is short its first {@code max} bytes are Node's.
     */
    private static int decodeWithJdk(byte[] src, int n, byte[] dst, int off, int max, boolean url) {
        ByteBuffer decoded;
        try {
            decoded = (url ? JDK_URL_DECODER : JDK_STD_DECODER).decode(ByteBuffer.wrap(src, 0, n));
        } catch (IllegalArgumentException notStrict) {
            return -1;
        }
        int written = Math.min(decoded.remaining(), max);
        System.arraycopy(decoded.array(), decoded.arrayOffset() + decoded.position(), dst, off, written);
        return written;
    }

    /**
     * The low byte of each of the first {@code n} units of {@code s}, in a per-thread scratch array
     * when it is small enough (valid until the next call on this thread), else in a new array. Also
     * used by {@link HexCodec}; neither codec calls the other while it holds the array.
     */
    @SuppressWarnings("deprecation")
    static byte[] lowBytes(String s, int n) {
        byte[] into = scratch(n);
        s.getBytes(0, n, into, 0);
        return into;
    }

    /**
     * A per-thread array of at least {@code n} bytes when {@code n} is small enough, else a new one:
     * where encoders build their output before the one copy {@code new String} makes, so a call
     * allocates only the string. Valid until the next call on this thread.
     */
    static byte[] scratch(int n) {
        return n <= SCRATCH_SIZE ? SCRATCH.get() : new byte[n];
    }

    private static final int SCRATCH_SIZE = 16 * 1024;
    private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[SCRATCH_SIZE]);

    private static int decode(byte[] src, int n, byte[] dst, int off, int max) {
        int o = off;
        int end = off + max;
        int acc = 0;
        int count = 0;
        int i = 0;
        // Fast path: eight symbols (one little-endian long load) make four pairs, each looked up in
        // PAIR_VALUE (12 bits, or -1 when either symbol is not one), and six bytes (one int and one
        // short store); the first block holding anything else ends it. Then single groups.
        int blocks = Math.min(n >> 3, max / 6);
        for (int k = 0; k < blocks; k++) {
            long w = (long) LE_LONGS.get(src, i);
            int p0 = PAIR_VALUE[(int) w & 0xFFFF];
            int p1 = PAIR_VALUE[(int) (w >>> 16) & 0xFFFF];
            int p2 = PAIR_VALUE[(int) (w >>> 32) & 0xFFFF];
            int p3 = PAIR_VALUE[(int) (w >>> 48)];
            if ((p0 | p1 | p2 | p3) < 0) {
                break;
            }
            BE_INTS.set(dst, o, p0 << 20 | p1 << 8 | p2 >>> 4);
            BE_SHORTS.set(dst, o + 4, (short) (p2 << 12 | p3));
            o += 6;
            i += 8;
        }
        while (i + 4 <= n && o + 3 <= end) {
            int g = SHIFT18[src[i] & 0xFF] | SHIFT12[src[i + 1] & 0xFF]
                    | SHIFT6[src[i + 2] & 0xFF] | SHIFT0[src[i + 3] & 0xFF];
            if (g < 0) {
                break;
            }
            dst[o] = (byte) (g >> 16);
            dst[o + 1] = (byte) (g >> 8);
            dst[o + 2] = (byte) g;
            o += 3;
            i += 4;
        }
        for (; i < n && o < end; i++) {
            int v = VALUE[src[i] & 0xFF];
            if (v < 0) {
                if (v == -2) {
                    break;
                }
                continue;
            }
            acc = acc << 6 | v;
            count++;
            if (count == 4) {
                dst[o++] = (byte) (acc >> 16);
                if (o < end) {
                    dst[o++] = (byte) (acc >> 8);
                }
                if (o < end) {
                    dst[o++] = (byte) acc;
                }
                acc = 0;
                count = 0;
            }
        }
        if (o < end) {
            if (count == 2) {
                dst[o++] = (byte) (acc >> 4);
            } else if (count == 3) {
                dst[o++] = (byte) (acc >> 10);
                if (o < end) {
                    dst[o++] = (byte) (acc >> 2);
                }
            }
        }
        return o - off;
    }
}
