package dev.nodeshim.buffer;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Hex as Node 20 does it: lowercase on encoding; on decoding each UTF-16 unit is cut to its low byte
 * (as Node's {@code uint8_t} cast does), digits of either case are read in pairs, and decoding stops
 * at the first pair holding a non-digit (so {@code "12zz34"} is one byte and an odd last digit is
 * dropped). {@link #byteLength} is Node's {@code length >>> 1}, whatever the content.
 */
final class HexCodec {
    private static final byte[] DIGIT = new byte[256];
    /** Two lowercase digits per byte value, packed big-endian in a short. */
    private static final short[] PAIRS = new short[256];

    static {
        Arrays.fill(DIGIT, (byte) -1);
        for (int i = 0; i < 10; i++) {
            DIGIT['0' + i] = (byte) i;
        }
        for (int i = 0; i < 6; i++) {
            DIGIT['a' + i] = (byte) (10 + i);
            DIGIT['A' + i] = (byte) (10 + i);
        }
        byte[] digits = "0123456789abcdef".getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < 256; i++) {
            PAIRS[i] = (short) (digits[i >> 4] << 8 | digits[i & 15]);
        }
    }

    private HexCodec() {
    }

    static int byteLength(String s) {
        return s.length() >>> 1;
    }

    static String encode(byte[] a, int off, int len) {
        byte[] out = new byte[len * 2];
        for (int i = 0, o = 0; i < len; i++, o += 2) {
            short pair = PAIRS[a[off + i] & 0xFF];
            out[o] = (byte) (pair >> 8);
            out[o + 1] = (byte) pair;
        }
        return new String(out, StandardCharsets.ISO_8859_1);
    }

    /** Decodes pairs into {@code dst[off, off+max)}, stopping at the first invalid pair. */
    static int decode(String s, byte[] dst, int off, int max) {
        int pairs = Math.min(s.length() >>> 1, max);
        for (int k = 0; k < pairs; k++) {
            int hi = DIGIT[s.charAt(2 * k) & 0xFF];
            int lo = DIGIT[s.charAt(2 * k + 1) & 0xFF];
            if ((hi | lo) < 0) {
                return k;
            }
            dst[off + k] = (byte) (hi << 4 | lo);
        }
        return pairs;
    }
}
