package dev.nodeshim.crypto;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Runs of consecutive 128-bit counter blocks, written two big-endian longs at a time, for the CTR
 * keystreams of {@link StreamModeEngine} and {@link GcmEngine}: the blocks are then encrypted in one
 * call of the block function (one JCA call for many blocks is what makes AES-NI pay off) and XORed
 * into the text.
 */
final class Counters {
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private Counters() {
    }

    static long getLong(byte[] b, int off) {
        return (long) LONG.get(b, off);
    }

    static void putLong(byte[] b, int off, long v) {
        LONG.set(b, off, v);
    }

    /**
     * Writes {@code blocks} counters (hi, lo), (hi, lo) + 1, … — the whole 128 bits incremented
     * big-endian, as OpenSSL's CTR mode does — and returns the low word of the next counter (the
     * caller carries into hi when it wrapped past zero: see {@link #carry}).
     */
    static long fill128(byte[] out, int off, int blocks, long hi, long lo) {
        for (int b = 0; b < blocks; b++, off += 16) {
            LONG.set(out, off, hi);
            LONG.set(out, off + 8, lo);
            lo++;
            if (lo == 0) {
                hi++;
            }
        }
        return lo;
    }

    /** The high word after {@code blocks} increments of (hi, lo): +1 when the low word wrapped. */
    static long carry(long hi, long lo, int blocks) {
        return Long.compareUnsigned(lo + blocks, lo) < 0 ? hi + 1 : hi;
    }

    /**
     * GCM's counters: the first 96 bits fixed ({@code hi} and {@code mid}), the last 32 incremented
     * modulo 2^32 (SP 800-38D's inc32), starting at {@code ctr}.
     */
    static void fill32(byte[] out, int off, int blocks, long hi, int mid, int ctr) {
        long fixed = (long) mid << 32;
        for (int b = 0; b < blocks; b++, off += 16) {
            LONG.set(out, off, hi);
            LONG.set(out, off + 8, fixed | (ctr & 0xFFFFFFFFL));
            ctr++;
        }
    }

    /** {@code out[outOff..] ^= in[inOff..]} for {@code len} bytes, eight at a time (about 3× a byte loop). */
    static void xorInto(byte[] out, int outOff, byte[] in, int inOff, int len) {
        int i = 0;
        for (; i <= len - 8; i += 8) {
            LONG.set(out, outOff + i, (long) LONG.get(out, outOff + i) ^ (long) LONG.get(in, inOff + i));
        }
        for (; i < len; i++) {
            out[outOff + i] ^= in[inOff + i];
        }
    }
}
