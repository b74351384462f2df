package dev.nodeshim.crypto;

/**
 * GCM's GHASH over a key H, fed in pieces of any size: {@link #update} buffers a partial block,
 * {@link #pad()} ends a section (AAD, then ciphertext) with zero padding.
 *
 * <h2>Algorithm</h2>
 * Multiplication in GF(2^128) by the fixed H, four bits at a time (Shoup's method): a table holds the 16
 * products of H with every 4-bit polynomial; a block is multiplied Horner-fashion from its
 * highest-degree nibble down, {@code Z = Z·x^4 + T[nibble]}, where {@code Z·x^4} is a 4-bit shift of
 * the 128-bit value (GCM's bit order makes multiplying by x a right shift) plus one of 16 precomputed
 * reductions by GCM's polynomial for the four bits shifted out. 32 table steps per block, no
 * allocation; the table is 256 bytes, so it costs nothing to build per cipher.
 *
 * <p>Rejected: the bit-serial multiplication of SP 800-38D (128 steps per block, about 8 times slower);
 * BouncyCastle's table multiplier (it would load BouncyCastle for every AES-GCM user); the JDK's GHASH
 * intrinsic (reachable only through the JDK's whole GCM cipher, whose buffering differs from OpenSSL's,
 * see {@link GcmEngine}).
 */
final class Ghash implements GhashFn {
    /** The reduction for the four bits shifted out by Z·x^4, to XOR into the high word. */
    private static final long[] REDUCE = new long[16];

    static {
        for (int r = 0; r < 16; r++) {
            long v = 0;
            for (int j = 0; j < 4; j++) {
                if ((r & (1 << j)) != 0) {
                    v ^= 0xE1L << (53 + j);
                }
            }
            REDUCE[r] = v;
        }
    }

    private final long[] tableHi = new long[16];
    private final long[] tableLo = new long[16];
    private final byte[] buf = new byte[16];
    private long zHi;
    private long zLo;
    private int partial;

    Ghash(byte[] h) {
        long hi = getLong(h, 0);
        long lo = getLong(h, 8);
        // T[8] = H (the nibble's first bit is x^0), T[4] = xH, T[2] = x^2 H, T[1] = x^3 H
        for (int bit = 8; bit >= 1; bit >>= 1) {
            tableHi[bit] = hi;
            tableLo[bit] = lo;
            boolean carry = (lo & 1) != 0;
            lo = (lo >>> 1) | (hi << 63);
            hi >>>= 1;
            if (carry) {
                hi ^= 0xE100000000000000L;
            }
        }
        for (int v = 1; v < 16; v++) {
            int low = Integer.lowestOneBit(v);
            if (low != v) {
                tableHi[v] = tableHi[low] ^ tableHi[v ^ low];
                tableLo[v] = tableLo[low] ^ tableLo[v ^ low];
            }
        }
    }

    static long getLong(byte[] b, int off) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (b[off + i] & 0xff);
        }
        return v;
    }

    /** Z = (Z xor block) · H. */
    private void block(long xHi, long xLo) {
        long hi = 0;
        long lo = 0;
        // nibbles from the highest degree (last byte's low nibble) to the lowest (first byte's high nibble)
        for (int i = 0; i < 32; i++) {
            long word = i < 16 ? xLo : xHi;
            int nibble = (int) (word >>> (4 * (i & 15))) & 0xf;
            int r = (int) lo & 0xf;
            lo = (lo >>> 4) | (hi << 60);
            hi = (hi >>> 4) ^ REDUCE[r];
            hi ^= tableHi[nibble];
            lo ^= tableLo[nibble];
        }
        zHi = hi;
        zLo = lo;
    }

    @Override
    public void update(byte[] in, int off, int len) {
        int i = 0;
        while (partial > 0 && i < len) {
            buf[partial++] = in[off + i++];
            if (partial == 16) {
                block(zHi ^ getLong(buf, 0), zLo ^ getLong(buf, 8));
                partial = 0;
            }
        }
        for (; len - i >= 16; i += 16) {
            block(zHi ^ getLong(in, off + i), zLo ^ getLong(in, off + i + 8));
        }
        while (i < len) {
            buf[partial++] = in[off + i++];
        }
    }

    @Override
    public void pad() {
        if (partial != 0) {
            java.util.Arrays.fill(buf, partial, 16, (byte) 0);
            block(zHi ^ getLong(buf, 0), zLo ^ getLong(buf, 8));
            partial = 0;
        }
    }

    /** Pads, hashes the 128-bit block of the AAD and text bit lengths, returns the hash. */
    @Override
    public byte[] finish(long aadBytes, long textBytes) {
        pad();
        block(zHi ^ (aadBytes * 8), zLo ^ (textBytes * 8));
        byte[] out = new byte[16];
        putLong(out, 0, zHi);
        putLong(out, 8, zLo);
        return out;
    }

    static void putLong(byte[] b, int off, long v) {
        for (int i = 7; i >= 0; i--) {
            b[off + i] = (byte) v;
            v >>>= 8;
        }
    }
}
