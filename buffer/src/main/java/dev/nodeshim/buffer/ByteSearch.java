package dev.nodeshim.buffer;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Forward byte-string search, the engine of {@code buf.indexOf} / {@code includes} for byte needles.
 *
 * <p>The result is the first match, as with any correct search; only the speed depends on the
 * algorithm. A needle of one byte is a SWAR scan for that byte ({@link Utf8#indexOfByte}). A longer
 * needle uses a filter on its first and last bytes, eight windows at a time: one little-endian
 * {@code long} holds the first bytes of windows {@code i .. i+7}, another (loaded {@code nl - 1}
 * further on) their last bytes; a window is a candidate only when both its bytes match, and only
 * candidates are compared in full, in increasing order. On text, where a single byte matches often
 * but a (first, last) pair rarely does, almost every step skips eight windows with two loads and a
 * handful of ALU operations, and no table has to be built per call.
 *
 * <p>The zero-byte test is the exact one ({@code ~(((x & 0x7F..) + 0x7F..) | x | 0x7F..)} has bit 7
 * set in exactly the bytes of {@code x} that are zero: the per-byte addition cannot carry into the
 * next byte), so no window is reported that does not match its first and last byte, and none that
 * does is missed.
 */
final class ByteSearch {
    private static final VarHandle LONGS =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;

    private ByteSearch() {
    }

    /**
     * The first {@code i} in {@code [from, end - nl]} with {@code h[i, i + nl) == n[no, no + nl)},
     * or -1. Needs {@code nl >= 1} and {@code 0 <= from}, {@code end <= h.length}.
     */
    static int indexOf(byte[] h, int from, int end, byte[] n, int no, int nl) {
        int last = end - nl;
        if (from > last) {
            return -1;
        }
        byte first = n[no];
        if (nl == 1) {
            return Utf8.indexOfByte(h, from, last + 1, first);
        }
        byte lastByte = n[no + nl - 1];
        long firstPattern = (first & 0xFFL) * ONES;
        long lastPattern = (lastByte & 0xFFL) * ONES;
        int lastOffset = nl - 1;
        int i = from;
        // Windows i..i+7 need h[i + 7 + nl - 1] readable: i + 7 <= last.
        for (int swarLast = last - 7; i <= swarLast; i += 8) {
            long x = (long) LONGS.get(h, i) ^ firstPattern;
            long y = (long) LONGS.get(h, i + lastOffset) ^ lastPattern;
            long both = ~((((x & LOW7) + LOW7) | x) | (((y & LOW7) + LOW7) | y) | LOW7);
            while (both != 0) {
                int j = i + (Long.numberOfTrailingZeros(both) >>> 3);
                if (middleEquals(h, j + 1, n, no + 1, nl - 2)) {
                    return j;
                }
                both &= both - 1;
            }
        }
        for (; i <= last; i++) {
            if (h[i] == first && h[i + lastOffset] == lastByte && middleEquals(h, i + 1, n, no + 1, nl - 2)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether {@code h[hi, hi + len) == n[ni, ni + len)} ({@code len} may be 0 or -1: true). */
    private static boolean middleEquals(byte[] h, int hi, byte[] n, int ni, int len) {
        if (len > 16) {
            return Arrays.equals(h, hi, hi + len, n, ni, ni + len);
        }
        for (int k = 0; k < len; k++) {
            if (h[hi + k] != n[ni + k]) {
                return false;
            }
        }
        return true;
    }
}
