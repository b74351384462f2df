package dev.nodeshim.buffer;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Hex as Node 20 does it: lowercase on encoding; on decoding each UTF-16 unit is cut to its low byte
 * (as Node's {@code uint8_t} cast does), digits of either case are read in pairs, and decoding stops
 * at the first pair holding a non-digit (so {@code "12zz34"} is one byte and an odd last digit is
 * dropped). {@link #byteLength} is Node's {@code length >>> 1}, whatever the content.
 *
 * <p>Both directions work on four bytes at a time: encoding looks up four two-digit pairs and writes
 * the eight digits with one {@code long} store; decoding reads eight digits through tables that
 * give {@code digit << 4} (high) and {@code digit} (low), or a negative number for a non-digit, so
 * one sign test accepts the four pairs, and writes them with one {@code int} store. A block holding
 * a non-digit is redone pair by pair, which finds the exact stopping point.
 */
final class HexCodec {
    private static final VarHandle LE_LONGS =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle BE_INTS =
            MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    /** {@code digit << 4}, or a negative number for a non-digit. */
    private static final int[] HIGH = new int[256];
    /** {@code digit}, or a negative number for a non-digit. */
    private static final int[] LOW = new int[256];
    /** Two lowercase digits per byte value, the first in the low byte (for little-endian stores). */
    private static final short[] PAIRS = new short[256];

    static {
        Arrays.fill(HIGH, Integer.MIN_VALUE);
        Arrays.fill(LOW, Integer.MIN_VALUE);
        for (int i = 0; i < 10; i++) {
            HIGH['0' + i] = i << 4;
            LOW['0' + i] = i;
        }
        for (int i = 0; i < 6; i++) {
            HIGH['a' + i] = (10 + i) << 4;
            HIGH['A' + i] = (10 + i) << 4;
            LOW['a' + i] = 10 + i;
            LOW['A' + i] = 10 + i;
        }
        byte[] digits = "0123456789abcdef".getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < 256; i++) {
            PAIRS[i] = (short) (digits[i >> 4] | digits[i & 15] << 8);
        }
    }

    private HexCodec() {
    }

    static int byteLength(String s) {
        return s.length() >>> 1;
    }

    static String encode(byte[] a, int off, int len) {
        byte[] out = Base64Codec.scratch(len * 2);
        int i = 0;
        for (; i + 4 <= len; i += 4) {
            int p = off + i;
            long w = (PAIRS[a[p] & 0xFF] & 0xFFFFL)
                    | (PAIRS[a[p + 1] & 0xFF] & 0xFFFFL) << 16
                    | (PAIRS[a[p + 2] & 0xFF] & 0xFFFFL) << 32
                    | (PAIRS[a[p + 3] & 0xFF] & 0xFFFFL) << 48;
            LE_LONGS.set(out, 2 * i, w);
        }
        for (; i < len; i++) {
            short pair = PAIRS[a[off + i] & 0xFF];
            out[2 * i] = (byte) pair;
            out[2 * i + 1] = (byte) (pair >> 8);
        }
        return new String(out, 0, len * 2, StandardCharsets.ISO_8859_1);
    }

    /** Decodes pairs into {@code dst[off, off+max)}, stopping at the first invalid pair. */
    static int decode(String s, byte[] dst, int off, int max) {
        int pairs = Math.min(s.length() >>> 1, max);
        if (pairs <= 0) {
            return 0;
        }
        byte[] src = Base64Codec.lowBytes(s, 2 * pairs);
        int k = 0;
        for (; k + 4 <= pairs; k += 4) {
            int c = 2 * k;
            int b0 = HIGH[src[c] & 0xFF] | LOW[src[c + 1] & 0xFF];
            int b1 = HIGH[src[c + 2] & 0xFF] | LOW[src[c + 3] & 0xFF];
            int b2 = HIGH[src[c + 4] & 0xFF] | LOW[src[c + 5] & 0xFF];
            int b3 = HIGH[src[c + 6] & 0xFF] | LOW[src[c + 7] & 0xFF];
            if ((b0 | b1 | b2 | b3) < 0) {
                break;
            }
            BE_INTS.set(dst, off + k, b0 << 24 | b1 << 16 | b2 << 8 | b3);
        }
        for (; k < pairs; k++) {
            int b = HIGH[src[2 * k] & 0xFF] | LOW[src[2 * k + 1] & 0xFF];
            if (b < 0) {
                return k;
            }
            dst[off + k] = (byte) b;
        }
        return pairs;
    }
}
