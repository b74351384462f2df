package dev.nodeshim.buffer;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Base64 and base64url as Node 20 does them.
 *
 * <p><b>Encoding</b> is RFC 4648: {@code base64} with the {@code +/} alphabet and {@code =} padding,
 * {@code base64url} with {@code -_} and no padding. Table-driven, three bytes to four chars.
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
    private static final java.util.Base64.Encoder STD_ENCODER = java.util.Base64.getEncoder();
    private static final java.util.Base64.Encoder URL_ENCODER = java.util.Base64.getUrlEncoder().withoutPadding();
    /** Symbol value by byte, -1 for a skipped byte, -2 for '='. */
    private static final byte[] VALUE = new byte[256];

    static {
        Arrays.fill(VALUE, (byte) -1);
        for (int i = 0; i < 64; i++) {
            VALUE[STD[i]] = (byte) i;
            VALUE[URL[i]] = (byte) i;
        }
        VALUE['='] = -2;
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
     * Encodes {@code a[off, off+len)}; {@code url} selects base64url (no padding). The JDK encoder
     * writes exactly RFC 4648 output and is vectorised on common CPUs, so it does the work.
     */
    static String encode(byte[] a, int off, int len, boolean url) {
        java.util.Base64.Encoder encoder = url ? URL_ENCODER : STD_ENCODER;
        ByteBuffer out = encoder.encode(ByteBuffer.wrap(a, off, len));
        return new String(out.array(), out.arrayOffset(), out.remaining(), StandardCharsets.ISO_8859_1);
    }

    /**
     * Decodes {@code s} leniently (see the class comment) into {@code dst[off, off+max)} and returns
     * the number of bytes written; decoding stops when {@code max} bytes are written.
     */
    static int decode(String s, byte[] dst, int off, int max) {
        int n = s.length();
        // The low byte of each unit is all that Node reads: String.getBytes(int, int, byte[], int)
        // copies exactly that, as fast as an array copy for Latin-1 strings.
        byte[] src = n <= SCRATCH_SIZE ? SCRATCH.get() : new byte[n];
        lowBytes(s, n, src);
        return decode(src, n, dst, off, max);
    }

    @SuppressWarnings("deprecation")
    private static void lowBytes(String s, int n, byte[] into) {
        s.getBytes(0, n, into, 0);
    }

    private static final int SCRATCH_SIZE = 16 * 1024;
    private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[SCRATCH_SIZE]);

    private static int decode(byte[] src, int n, byte[] dst, int off, int max) {
        int o = off;
        int end = off + max;
        int acc = 0;
        int count = 0;
        int i = 0;
        // Fast path: runs of four valid symbols.
        while (i + 4 <= n && o + 3 <= end) {
            int c0 = VALUE[src[i] & 0xFF];
            int c1 = VALUE[src[i + 1] & 0xFF];
            int c2 = VALUE[src[i + 2] & 0xFF];
            int c3 = VALUE[src[i + 3] & 0xFF];
            if ((c0 | c1 | c2 | c3) < 0) {
                break;
            }
            int bits = c0 << 18 | c1 << 12 | c2 << 6 | c3;
            dst[o] = (byte) (bits >> 16);
            dst[o + 1] = (byte) (bits >> 8);
            dst[o + 2] = (byte) bits;
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
