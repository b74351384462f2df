package dev.nodeshim.crypto;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * BLAKE2b as OpenSSL's blake2b512 (RFC 7693): unkeyed, 64-byte digest, no salt or
 * personalisation. The state is eight longs in fields; a compression loads the sixteen message words
 * straight from the caller's array (little-endian longs through one VarHandle access each) into
 * locals and runs its 12 rounds unrolled, with the message schedule resolved when the code was
 * written, so no array, table lookup or allocation is left in the loop. Only a cut block, and the last
 * whole one (which must wait for the final flag), is copied into {@link #buf}.
 *
 * <p>Written for speed: about twice BouncyCastle's Blake2bDigest, whose rounds index the
 * message through the sigma table on arrays (see crypto/README.md, Measured).
 * Not thread-safe.
 */
final class Blake2b extends Blake2Blocks {
    private static final VarHandle LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final int BLOCK = 128;
    private static final int OUT = 64;

    private static final long IV0 = 0x6a09e667f3bcc908L;
    private static final long IV1 = 0xbb67ae8584caa73bL;
    private static final long IV2 = 0x3c6ef372fe94f82bL;
    private static final long IV3 = 0xa54ff53a5f1d36f1L;
    private static final long IV4 = 0x510e527fade682d1L;
    private static final long IV5 = 0x9b05688c2b3e6c1fL;
    private static final long IV6 = 0x1f83d9abfb41bd6bL;
    private static final long IV7 = 0x5be0cd19137e2179L;

    private long h0, h1, h2, h3, h4, h5, h6, h7;
    /** The byte counter, 128 bits as two words (t1 is reached only after 2^64 bytes). */
    private long t0, t1;
    /** The working vector between the two halves of a compression. */
    private final long[] v = new long[16];

    Blake2b() {
        super(BLOCK);
        // parameter block: digest length 64, key length 0, fanout 1, depth 1
        h0 = IV0 ^ 0x01010000 ^ OUT;
        h1 = IV1;
        h2 = IV2;
        h3 = IV3;
        h4 = IV4;
        h5 = IV5;
        h6 = IV6;
        h7 = IV7;
    }

    @Override
    void count(int n) {
        t0 += n;
        if (Long.compareUnsigned(t0, n) < 0) {
            t1++;
        }
    }

    @Override
    public byte[] finish(int length) {
        compressLast();
        byte[] out = new byte[OUT];
        LE.set(out, 0, h0);
        LE.set(out, 8, h1);
        LE.set(out, 16, h2);
        LE.set(out, 24, h3);
        LE.set(out, 32, h4);
        LE.set(out, 40, h5);
        LE.set(out, 48, h6);
        LE.set(out, 56, h7);
        return out;
    }

    @Override
    public HashEngine copy() {
        Blake2b c = new Blake2b();
        c.h0 = h0;
        c.h1 = h1;
        c.h2 = h2;
        c.h3 = h3;
        c.h4 = h4;
        c.h5 = h5;
        c.h6 = h6;
        c.h7 = h7;
        c.t0 = t0;
        c.t1 = t1;
        copyBufferTo(c);
        return c;
    }

    /**
     * One compression of the block at {@code b[off]}; {@code last} sets the final-block flag. The 12
     * rounds are two methods of six: as one, the method's bytecode passed HotSpot's 8,000-byte limit
     * above which it is never compiled.
     */
    @Override
    void compress(byte[] b, int off, boolean last) {
        long[] v = this.v;
        v[0] = h0;
        v[1] = h1;
        v[2] = h2;
        v[3] = h3;
        v[4] = h4;
        v[5] = h5;
        v[6] = h6;
        v[7] = h7;
        v[8] = IV0;
        v[9] = IV1;
        v[10] = IV2;
        v[11] = IV3;
        v[12] = IV4 ^ t0;
        v[13] = IV5 ^ t1;
        v[14] = last ? ~IV6 : IV6;
        v[15] = IV7;
        roundsLow(b, off);
        roundsHigh(b, off);
        h0 ^= v[0] ^ v[8];
        h1 ^= v[1] ^ v[9];
        h2 ^= v[2] ^ v[10];
        h3 ^= v[3] ^ v[11];
        h4 ^= v[4] ^ v[12];
        h5 ^= v[5] ^ v[13];
        h6 ^= v[6] ^ v[14];
        h7 ^= v[7] ^ v[15];
    }

    /** Rounds 0 to 5 on {@link #v}, the message read from {@code b[off]} again (cheaper than carrying it). */
    private void roundsLow(byte[] b, int off) {
        long[] v = this.v;
        long m0 = (long) LE.get(b, off + 0);
        long m1 = (long) LE.get(b, off + 8);
        long m2 = (long) LE.get(b, off + 16);
        long m3 = (long) LE.get(b, off + 24);
        long m4 = (long) LE.get(b, off + 32);
        long m5 = (long) LE.get(b, off + 40);
        long m6 = (long) LE.get(b, off + 48);
        long m7 = (long) LE.get(b, off + 56);
        long m8 = (long) LE.get(b, off + 64);
        long m9 = (long) LE.get(b, off + 72);
        long m10 = (long) LE.get(b, off + 80);
        long m11 = (long) LE.get(b, off + 88);
        long m12 = (long) LE.get(b, off + 96);
        long m13 = (long) LE.get(b, off + 104);
        long m14 = (long) LE.get(b, off + 112);
        long m15 = (long) LE.get(b, off + 120);
        long v0 = v[0];
        long v1 = v[1];
        long v2 = v[2];
        long v3 = v[3];
        long v4 = v[4];
        long v5 = v[5];
        long v6 = v[6];
        long v7 = v[7];
        long v8 = v[8];
        long v9 = v[9];
        long v10 = v[10];
        long v11 = v[11];
        long v12 = v[12];
        long v13 = v[13];
        long v14 = v[14];
        long v15 = v[15];
        // GENERATED by crypto/src/gen/blake2.py (rounds 0 to 5): do not edit by hand
        // round 0
        v0 = v0 + m0 + v4; v12 = Long.rotateRight(v12 ^ v0, 32); v8 += v12; v4 = Long.rotateRight(v4 ^ v8, 24);
        v0 = v0 + m1 + v4; v12 = Long.rotateRight(v12 ^ v0, 16); v8 += v12; v4 = Long.rotateRight(v4 ^ v8, 63);
        v1 = v1 + m2 + v5; v13 = Long.rotateRight(v13 ^ v1, 32); v9 += v13; v5 = Long.rotateRight(v5 ^ v9, 24);
        v1 = v1 + m3 + v5; v13 = Long.rotateRight(v13 ^ v1, 16); v9 += v13; v5 = Long.rotateRight(v5 ^ v9, 63);
        v2 = v2 + m4 + v6; v14 = Long.rotateRight(v14 ^ v2, 32); v10 += v14; v6 = Long.rotateRight(v6 ^ v10, 24);
        v2 = v2 + m5 + v6; v14 = Long.rotateRight(v14 ^ v2, 16); v10 += v14; v6 = Long.rotateRight(v6 ^ v10, 63);
        v3 = v3 + m6 + v7; v15 = Long.rotateRight(v15 ^ v3, 32); v11 += v15; v7 = Long.rotateRight(v7 ^ v11, 24);
        v3 = v3 + m7 + v7; v15 = Long.rotateRight(v15 ^ v3, 16); v11 += v15; v7 = Long.rotateRight(v7 ^ v11, 63);
        v0 = v0 + m8 + v5; v15 = Long.rotateRight(v15 ^ v0, 32); v10 += v15; v5 = Long.rotateRight(v5 ^ v10, 24);
        v0 = v0 + m9 + v5; v15 = Long.rotateRight(v15 ^ v0, 16); v10 += v15; v5 = Long.rotateRight(v5 ^ v10, 63);
        v1 = v1 + m10 + v6; v12 = Long.rotateRight(v12 ^ v1, 32); v11 += v12; v6 = Long.rotateRight(v6 ^ v11, 24);
        v1 = v1 + m11 + v6; v12 = Long.rotateRight(v12 ^ v1, 16); v11 += v12; v6 = Long.rotateRight(v6 ^ v11, 63);
        v2 = v2 + m12 + v7; v13 = Long.rotateRight(v13 ^ v2, 32); v8 += v13; v7 = Long.rotateRight(v7 ^ v8, 24);
        v2 = v2 + m13 + v7; v13 = Long.rotateRight(v13 ^ v2, 16); v8 += v13; v7 = Long.rotateRight(v7 ^ v8, 63);
        v3 = v3 + m14 + v4; v14 = Long.rotateRight(v14 ^ v3, 32); v9 += v14; v4 = Long.rotateRight(v4 ^ v9, 24);
        v3 = v3 + m15 + v4; v14 = Long.rotateRight(v14 ^ v3, 16); v9 += v14; v4 = Long.rotateRight(v4 ^ v9, 63);
        // round 1
        v0 = v0 + m14 + v4; v12 = Long.rotateRight(v12 ^ v0, 32); v8 += v12; v4 = Long.rotateRight(v4 ^ v8, 24);
        v0 = v0 + m10 + v4; v12 = Long.rotateRight(v12 ^ v0, 16); v8 += v12; v4 = Long.rotateRight(v4 ^ v8, 63);
        v1 = v1 + m4 + v5; v13 = Long.rotateRight(v13 ^ v1, 32); v9 += v13; v5 = Long.rotateRight(v5 ^ v9, 24);
        v1 = v1 + m8 + v5; v13 = Long.rotateRight(v13 ^ v1, 16); v9 += v13; v5 = Long.rotateRight(v5 ^ v9, 63);
        v2 = v2 + m9 + v6; v14 = Long.rotateRight(v14 ^ v2, 32); v10 += v14; v6 = Long.rotateRight(v6 ^ v10, 24);
        v2 = v2 + m15 + v6; v14 = Long.rotateRight(v14 ^ v2, 16); v10 += v14; v6 = Long.rotateRight(v6 ^ v10, 63);
        v3 = v3 + m13 + v7; v15 = Long.rotateRight(v15 ^ v3, 32); v11 += v15; v7 = Long.rotateRight(v7 ^ v11, 24);
        v3 = v3 + m6 + v7; v15 = Long.rotateRight(v15 ^ v3, 16); v11 += v15; v7 = Long.rotateRight(v7 ^ v11, 63);
        v0 = v0 + m1 + v5; v15 = Long.rotateRight(v15 ^ v0, 32); v10 += v15; v5 = Long.rotateRight(v5 ^ v10, 24);
        v0 = v0 + m12 + v5; v15 = Long.rotateRight(v15 ^ v0, 16); v10 += v15; v5 = Long.rotateRight(v5 ^ v10, 63);
        v1 = v1 + m0 + v6; v12 = Long.rotateRight(v12 ^ v1, 32); v11 += v12; v6 = Long.rotateRight(v6 ^ v11, 24);
        v1 = v1 + m2 + v6; v12 = Long.rotateRight(v12 ^ v1, 16); v11 += v12; v6 = Long.rotateRight(v6 ^ v11, 63);
        v2 = v2 + m11 + v7; v13 = Long.rotateRight(v13 ^ v2, 32); v8 += v13; v7 = Long.rotateRight(v7 ^ v8, 24);
        v2 = v2 + m7 + v7; v13 = Long.rotateRight(v13 ^ v2, 16); v8 += v13; v7 = Long.rotateRight(v7 ^ v8, 63);
        v3 = v3 + m5 + v4; v14 = Long.rotateRight(v14 ^ v3, 32); v9 += v14; v4 = Long.rotateRight(v4 ^ v9, 24);
        v3 = v3 + m3 + v4; v14 = Long.rotateRight(v14 ^ v3, 16); v9 += v14; v4 = Long.rotateRight(v4 ^ v9, 63);
        // round 2
        v0 = v0 + m11 + v4; v12 = Long.rotateRight(v12 ^ v0, 32); v8 += v12; v4 = Long.rotateRight(v4 ^ v8, 24);
        v0 = v0 + m8 + v4; v12 = Long.rotateRight(v12 ^ v0, 16); v8 += v12; v4 = Long.rotateRight(v4 ^ v8, 63);
        v1 = v1 + m12 + v5; v13 = Long.rotateRight(v13 ^ v1, 32); v9 += v13; v5 = Long.rotateRight(v5 ^ v9, 24);
        v1 = v1 + m0 + v5; v13 = Long.rotateRight(v13 ^ v1, 16); v9 += v13; v5 = Long.rotateRight(v5 ^ v9, 63);
        v2 = v2 + m5 + v6; v14 = Long.rotateRight(v14 ^ v2, 32); v10 += v14; v6 = Long.rotateRight(v6 ^ v10, 24);
        v2 = v2 + m2 + v6; v14 = Long.rotateRight(v14 ^ v2, 16); v10 += v14; v6 = Long.rotateRight(v6 ^ v10, 63);
        v3 = v3 + m15 + v7; v15 = Long.rotateRight(v15 ^ v3, 32); v11 += v15; v7 = Long.rotateRight(v7 ^ v11, 24);
        v3 = v3 + m13 + v7; v15 = Long.rotateRight(v15 ^ v3, 16); v11 += v15; v7 = Long.rotateRight(v7 ^ v11, 63);
        v0 = v0 + m10 + v5; v15 = Long.rotateRight(v15 ^ v0, 32); v10 += v15; v5 = Long.rotateRight(v5 ^ v10, 24);
        v0 = v0 + m14 + v5; v15 = Long.rotateRight(v15 ^ v0, 16); v10 += v15; v5 = Long.rotateRight(v5 ^ v10, 63);
        v1 = v1 + m3 + v6; v12 = Long.rotateRight(v12 ^ v1, 32); v11 += v12; v6 = Long.rotateRight(v6 ^ v11, 24);
        v1 = v1 + m6 + v6; v12 = Long.rotateRight(v12 ^ v1, 16); v11 += v12; v6 = Long.rotateRight(v6 ^ v11, 63);
        v2 = v2 + m7 + v7; v13 = Long.rotateRight(v13 ^ v2, 32); v8 += v13; v7 = Long.rotateRight(v7 ^ v8, 24);
        v2 = v2 + m1 + v7; v13 = Long.rotateRight(v13 ^ v2, 16); v8 += v13; v7 = Long.rotateRight(v7 ^ v8, 63);
        v3 = v3 + m9 + v4; v14 = Long.rotateRight(v14 ^ v3, 32); v9 += v14; v4 = Long.rotateRight(v4 ^ v9, 24);
        v3 = v3 + m4 + v4; v14 = Long.rotateRight(v14 ^ v3, 16); v9 += v14; v4 = Long.rotateRight(v4 ^ v9, 63);
        // round 3
        v0 = v0 + m7 + v4; v12 = Long.rotateRight(v12 ^ v0, 32); v8 += v12; v4 = Long.rotateRight(v4 ^ v8, 24);
        v0 = v0 + m9 + v4; v12 = Long.rotateRight(v12 ^ v0, 16); v8 += v12; v4 = Long.rotateRight(v4 ^ v8, 63);
        v1 = v1 + m3 + v5; v13 = Long.rotateRight(v13 ^ v1, 32); v9 += v13; v5 = Long.rotateRight(v5 ^ v9, 24);
        v1 = v1 + m1 + v5; v13 = Long.rotateRight(v13 ^ v1, 16); v9 += v13; v5 = Long.rotateRight(v5 ^ v9, 63);
        v2 = v2 + m13 + v6; v14 = Long.rotateRight(v14 ^ v2, 32); v10 += v14; v6 = Long.rotateRight(v6 ^ v10, 24);
        v2 = v2 + m12 + v6; v14 = Long.rotateRight(v14 ^ v2, 16); v10 += v14; v6 = Long.rotateRight(v6 ^ v10, 63);
        v3 = v3 + m11 + v7; v15 = Long.rotateRight(v15 ^ v3, 32); v11 += v15; v7 = Long.rotateRight(v7 ^ v11, 24);
        v3 = v3 + m14 + v7; v15 = Long.rotateRight(v15 ^ v3, 16); v11 += v15; v7 = Long.rotateRight(v7 ^ v11, 63);
        v0 = v0 + m2 + v5; v15 = Long.rotateRight(v15 ^ v0, 32); v10 += v15; v5 = Long.rotateRight(v5 ^ v10, 24);
        v0 = v0 + m6 + v5; v15 = Long.rotateRight(v15 ^ v0, 16); v10 += v15; v5 = Long.rotateRight(v5 ^ v10, 63);
        v1 = v1 + m5 + v6; v12 = Long.rotateRight(v12 ^ v1, 32); v11 += v12; v6 = Long.rotateRight(v6 ^ v11, 24);
        v1 = v1 + m10 + v6; v12 = Long.rotateRight(v12 ^ v1, 16); v11 += v12; v6 = Long.rotateRight(v6 ^ v11, 63);
        v2 = v2 + m4 + v7; v13 = Long.rotateRight(v13 ^ v2, 32); v8 += v13; v7 = Long.rotateRight(v7 ^ v8, 24);
        v2 = v2 + m0 + v7; v13 = Long.rotateRight(v13 ^ v2, 16); v8 += v13; v7 = Long.rotateRight(v7 ^ v8, 63);
        v3 = v3 + m15 + v4; v14 = Long.rotateRight(v14 ^ v3, 32); v9 += v14; v4 = Long.rotateRight(v4 ^ v9, 24);
        v3 = v3 + m8 + v4; v14 = Long.rotateRight(v14 ^ v3, 16); v9 += v14; v4 = Long.rotateRight(v4 ^ v9, 63);
        // round 4
        v0 = v0 + m9 + v4; v12 = Long.rotateRight(v12 ^ v0, 32); v8 += v12; v4 = Long.rotateRight(v4 ^ v8, 24);
        v0 = v0 + m0 + v4; v12 = Long.rotateRight(v12 ^ v0, 16); v8 += v12; v4 = Long.rotateRight(v4 ^ v8, 63);
        v1 = v1 + m5 + v5; v13 = Long.rotateRight(v13 ^ v1, 32); v9 += v13; v5 = Long.rotateRight(v5 ^ v9, 24);
        v1 = v1 + m7 + v5; v13 = Long.rotateRight(v13 ^ v1, 16); v9 += v13; v5 = Long.rotateRight(v5 ^ v9, 63);
        v2 = v2 + m2 + v6; v14 = Long.rotateRight(v14 ^ v2, 32); v10 += v14; v6 = Long.rotateRight(v6 ^ v10, 24);
        v2 = v2 + m4 + v6; v14 = Long.rotateRight(v14 ^ v2, 16); v10 += v14; v6 = Long.rotateRight(v6 ^ v10, 63);
        v3 = v3 + m10 + v7; v15 = Long.rotateRight(v15 ^ v3, 32); v11 += v15; v7 = Long.rotateRight(v7 ^ v11, 24);
        v3 = v3 + m15 + v7; v15 = Long.rotateRight(v15 ^ v3, 16); v11 += v15; v7 = Long.rotateRight(v7 ^ v11, 63);
        v0 = v0 + m14 + v5; v15 = Long.rotateRight(v15 ^ v0, 32); v10 += v15; v5 = Long.rotateRight(v5 ^ v10, 24);
        v0 = v0 + m1 + v5; v15 = Long.rotateRight(v15 ^ v0, 16); v10 += v15; v5 = Long.rotateRight(v5 ^ v10, 63);
        v1 = v1 + m11 + v6; v12 = Long.rotateRight(v12 ^ v1, 32); v11 += v12; v6 = Long.rotateRight(v6 ^ v11, 24);
        v1 = v1 + m12 + v6; v12 = Long.rotateRight(v12 ^ v1, 16); v11 += v12; v6 = Long.rotateRight(v6 ^ v11, 63);
        v2 = v2 + m6 + v7; v13 = Long.rotateRight(v13 ^ v2, 32); v8 += v13; v7 = Long.rotateRight(v7 ^ v8, 24);
        v2 = v2 + m8 + v7; v13 = Long.rotateRight(v13 ^ v2, 16); v8 += v13; v7 = Long.rotateRight(v7 ^ v8, 63);
        v3 = v3 + m3 + v4; v14 = Long.rotateRight(v14 ^ v3, 32); v9 += v14; v4 = Long.rotateRight(v4 ^ v9, 24);
        v3 = v3 + m13 + v4; v14 = Long.rotateRight(v14 ^ v3, 16); v9 += v14; v4 = Long.rotateRight(v4 ^ v9, 63);
        // round 5
        v0 = v0 + m2 + v4; v12 = Long.rotateRight(v12 ^ v0, 32); v8 += v12; v4 = Long.rotateRight(v4 ^ v8, 24);
        v0 = v0 + m12 + v4; v12 = Long.rotateRight(v12 ^ v0, 16); v8 += v12; v4 = Long.rotateRight(v4 ^ v8, 63);
        v1 = v1 + m6 + v5; v13 = Long.rotateRight(v13 ^ v1, 32); v9 += v13; v5 = Long.rotateRight(v5 ^ v9, 24);
        v1 = v1 + m10 + v5; v13 = Long.rotateRight(v13 ^ v1, 16); v9 += v13; v5 = Long.rotateRight(v5 ^ v9, 63);
        v2 = v2 + m0 + v6; v14 = Long.rotateRight(v14 ^ v2, 32); v10 += v14; v6 = Long.rotateRight(v6 ^ v10, 24);
        v2 = v2 + m11 + v6; v14 = Long.rotateRight(v14 ^ v2, 16); v10 += v14; v6 = Long.rotateRight(v6 ^ v10, 63);
        v3 = v3 + m8 + v7; v15 = Long.rotateRight(v15 ^ v3, 32); v11 += v15; v7 = Long.rotateRight(v7 ^ v11, 24);
        v3 = v3 + m3 + v7; v15 = Long.rotateRight(v15 ^ v3, 16); v11 += v15; v7 = Long.rotateRight(v7 ^ v11, 63);
        v0 = v0 + m4 + v5; v15 = Long.rotateRight(v15 ^ v0, 32); v10 += v15; v5 = Long.rotateRight(v5 ^ v10, 24);
        v0 = v0 + m13 + v5; v15 = Long.rotateRight(v15 ^ v0, 16); v10 += v15; v5 = Long.rotateRight(v5 ^ v10, 63);
        v1 = v1 + m7 + v6; v12 = Long.rotateRight(v12 ^ v1, 32); v11 += v12; v6 = Long.rotateRight(v6 ^ v11, 24);
        v1 = v1 + m5 + v6; v12 = Long.rotateRight(v12 ^ v1, 16); v11 += v12; v6 = Long.rotateRight(v6 ^ v11, 63);
        v2 = v2 + m15 + v7; v13 = Long.rotateRight(v13 ^ v2, 32); v8 += v13; v7 = Long.rotateRight(v7 ^ v8, 24);
        v2 = v2 + m14 + v7; v13 = Long.rotateRight(v13 ^ v2, 16); v8 += v13; v7 = Long.rotateRight(v7 ^ v8, 63);
        v3 = v3 + m1 + v4; v14 = Long.rotateRight(v14 ^ v3, 32); v9 += v14; v4 = Long.rotateRight(v4 ^ v9, 24);
        v3 = v3 + m9 + v4; v14 = Long.rotateRight(v14 ^ v3, 16); v9 += v14; v4 = Long.rotateRight(v4 ^ v9, 63);
        // END GENERATED
        v[0] = v0;
        v[1] = v1;
        v[2] = v2;
        v[3] = v3;
        v[4] = v4;
        v[5] = v5;
        v[6] = v6;
        v[7] = v7;
        v[8] = v8;
        v[9] = v9;
        v[10] = v10;
        v[11] = v11;
        v[12] = v12;
        v[13] = v13;
        v[14] = v14;
        v[15] = v15;
    }

    /** Rounds 6 to 11 on {@link #v}, the message read from {@code b[off]} again (cheaper than carrying it). */
    private void roundsHigh(byte[] b, int off) {
        long[] v = this.v;
        long m0 = (long) LE.get(b, off + 0);
        long m1 = (long) LE.get(b, off + 8);
        long m2 = (long) LE.get(b, off + 16);
        long m3 = (long) LE.get(b, off + 24);
        long m4 = (long) LE.get(b, off + 32);
        long m5 = (long) LE.get(b, off + 40);
        long m6 = (long) LE.get(b, off + 48);
        long m7 = (long) LE.get(b, off + 56);
        long m8 = (long) LE.get(b, off + 64);
        long m9 = (long) LE.get(b, off + 72);
        long m10 = (long) LE.get(b, off + 80);
        long m11 = (long) LE.get(b, off + 88);
        long m12 = (long) LE.get(b, off + 96);
        long m13 = (long) LE.get(b, off + 104);
        long m14 = (long) LE.get(b, off + 112);
        long m15 = (long) LE.get(b, off + 120);
        long v0 = v[0];
        long v1 = v[1];
        long v2 = v[2];
        long v3 = v[3];
        long v4 = v[4];
        long v5 = v[5];
        long v6 = v[6];
        long v7 = v[7];
        long v8 = v[8];
        long v9 = v[9];
        long v10 = v[10];
        long v11 = v[11];
        long v12 = v[12];
        long v13 = v[13];
        long v14 = v[14];
        long v15 = v[15];
        // GENERATED by crypto/src/gen/blake2.py (rounds 6 to 11): do not edit by hand
        // round 6
        v0 = v0 + m12 + v4; v12 = Long.rotateRight(v12 ^ v0, 32); v8 += v12; v4 = Long.rotateRight(v4 ^ v8, 24);
        v0 = v0 + m5 + v4; v12 = Long.rotateRight(v12 ^ v0, 16); v8 += v12; v4 = Long.rotateRight(v4 ^ v8, 63);
        v1 = v1 + m1 + v5; v13 = Long.rotateRight(v13 ^ v1, 32); v9 += v13; v5 = Long.rotateRight(v5 ^ v9, 24);
        v1 = v1 + m15 + v5; v13 = Long.rotateRight(v13 ^ v1, 16); v9 += v13; v5 = Long.rotateRight(v5 ^ v9, 63);
        v2 = v2 + m14 + v6; v14 = Long.rotateRight(v14 ^ v2, 32); v10 += v14; v6 = Long.rotateRight(v6 ^ v10, 24);
        v2 = v2 + m13 + v6; v14 = Long.rotateRight(v14 ^ v2, 16); v10 += v14; v6 = Long.rotateRight(v6 ^ v10, 63);
        v3 = v3 + m4 + v7; v15 = Long.rotateRight(v15 ^ v3, 32); v11 += v15; v7 = Long.rotateRight(v7 ^ v11, 24);
        v3 = v3 + m10 + v7; v15 = Long.rotateRight(v15 ^ v3, 16); v11 += v15; v7 = Long.rotateRight(v7 ^ v11, 63);
        v0 = v0 + m0 + v5; v15 = Long.rotateRight(v15 ^ v0, 32); v10 += v15; v5 = Long.rotateRight(v5 ^ v10, 24);
        v0 = v0 + m7 + v5; v15 = Long.rotateRight(v15 ^ v0, 16); v10 += v15; v5 = Long.rotateRight(v5 ^ v10, 63);
        v1 = v1 + m6 + v6; v12 = Long.rotateRight(v12 ^ v1, 32); v11 += v12; v6 = Long.rotateRight(v6 ^ v11, 24);
        v1 = v1 + m3 + v6; v12 = Long.rotateRight(v12 ^ v1, 16); v11 += v12; v6 = Long.rotateRight(v6 ^ v11, 63);
        v2 = v2 + m9 + v7; v13 = Long.rotateRight(v13 ^ v2, 32); v8 += v13; v7 = Long.rotateRight(v7 ^ v8, 24);
        v2 = v2 + m2 + v7; v13 = Long.rotateRight(v13 ^ v2, 16); v8 += v13; v7 = Long.rotateRight(v7 ^ v8, 63);
        v3 = v3 + m8 + v4; v14 = Long.rotateRight(v14 ^ v3, 32); v9 += v14; v4 = Long.rotateRight(v4 ^ v9, 24);
        v3 = v3 + m11 + v4; v14 = Long.rotateRight(v14 ^ v3, 16); v9 += v14; v4 = Long.rotateRight(v4 ^ v9, 63);
        // round 7
        v0 = v0 + m13 + v4; v12 = Long.rotateRight(v12 ^ v0, 32); v8 += v12; v4 = Long.rotateRight(v4 ^ v8, 24);
        v0 = v0 + m11 + v4; v12 = Long.rotateRight(v12 ^ v0, 16); v8 += v12; v4 = Long.rotateRight(v4 ^ v8, 63);
        v1 = v1 + m7 + v5; v13 = Long.rotateRight(v13 ^ v1, 32); v9 += v13; v5 = Long.rotateRight(v5 ^ v9, 24);
        v1 = v1 + m14 + v5; v13 = Long.rotateRight(v13 ^ v1, 16); v9 += v13; v5 = Long.rotateRight(v5 ^ v9, 63);
        v2 = v2 + m12 + v6; v14 = Long.rotateRight(v14 ^ v2, 32); v10 += v14; v6 = Long.rotateRight(v6 ^ v10, 24);
        v2 = v2 + m1 + v6; v14 = Long.rotateRight(v14 ^ v2, 16); v10 += v14; v6 = Long.rotateRight(v6 ^ v10, 63);
        v3 = v3 + m3 + v7; v15 = Long.rotateRight(v15 ^ v3, 32); v11 += v15; v7 = Long.rotateRight(v7 ^ v11, 24);
        v3 = v3 + m9 + v7; v15 = Long.rotateRight(v15 ^ v3, 16); v11 += v15; v7 = Long.rotateRight(v7 ^ v11, 63);
        v0 = v0 + m5 + v5; v15 = Long.rotateRight(v15 ^ v0, 32); v10 += v15; v5 = Long.rotateRight(v5 ^ v10, 24);
        v0 = v0 + m0 + v5; v15 = Long.rotateRight(v15 ^ v0, 16); v10 += v15; v5 = Long.rotateRight(v5 ^ v10, 63);
        v1 = v1 + m15 + v6; v12 = Long.rotateRight(v12 ^ v1, 32); v11 += v12; v6 = Long.rotateRight(v6 ^ v11, 24);
        v1 = v1 + m4 + v6; v12 = Long.rotateRight(v12 ^ v1, 16); v11 += v12; v6 = Long.rotateRight(v6 ^ v11, 63);
        v2 = v2 + m8 + v7; v13 = Long.rotateRight(v13 ^ v2, 32); v8 += v13; v7 = Long.rotateRight(v7 ^ v8, 24);
        v2 = v2 + m6 + v7; v13 = Long.rotateRight(v13 ^ v2, 16); v8 += v13; v7 = Long.rotateRight(v7 ^ v8, 63);
        v3 = v3 + m2 + v4; v14 = Long.rotateRight(v14 ^ v3, 32); v9 += v14; v4 = Long.rotateRight(v4 ^ v9, 24);
        v3 = v3 + m10 + v4; v14 = Long.rotateRight(v14 ^ v3, 16); v9 += v14; v4 = Long.rotateRight(v4 ^ v9, 63);
        // round 8
        v0 = v0 + m6 + v4; v12 = Long.rotateRight(v12 ^ v0, 32); v8 += v12; v4 = Long.rotateRight(v4 ^ v8, 24);
        v0 = v0 + m15 + v4; v12 = Long.rotateRight(v12 ^ v0, 16); v8 += v12; v4 = Long.rotateRight(v4 ^ v8, 63);
        v1 = v1 + m14 + v5; v13 = Long.rotateRight(v13 ^ v1, 32); v9 += v13; v5 = Long.rotateRight(v5 ^ v9, 24);
        v1 = v1 + m9 + v5; v13 = Long.rotateRight(v13 ^ v1, 16); v9 += v13; v5 = Long.rotateRight(v5 ^ v9, 63);
        v2 = v2 + m11 + v6; v14 = Long.rotateRight(v14 ^ v2, 32); v10 += v14; v6 = Long.rotateRight(v6 ^ v10, 24);
        v2 = v2 + m3 + v6; v14 = Long.rotateRight(v14 ^ v2, 16); v10 += v14; v6 = Long.rotateRight(v6 ^ v10, 63);
        v3 = v3 + m0 + v7; v15 = Long.rotateRight(v15 ^ v3, 32); v11 += v15; v7 = Long.rotateRight(v7 ^ v11, 24);
        v3 = v3 + m8 + v7; v15 = Long.rotateRight(v15 ^ v3, 16); v11 += v15; v7 = Long.rotateRight(v7 ^ v11, 63);
        v0 = v0 + m12 + v5; v15 = Long.rotateRight(v15 ^ v0, 32); v10 += v15; v5 = Long.rotateRight(v5 ^ v10, 24);
        v0 = v0 + m2 + v5; v15 = Long.rotateRight(v15 ^ v0, 16); v10 += v15; v5 = Long.rotateRight(v5 ^ v10, 63);
        v1 = v1 + m13 + v6; v12 = Long.rotateRight(v12 ^ v1, 32); v11 += v12; v6 = Long.rotateRight(v6 ^ v11, 24);
        v1 = v1 + m7 + v6; v12 = Long.rotateRight(v12 ^ v1, 16); v11 += v12; v6 = Long.rotateRight(v6 ^ v11, 63);
        v2 = v2 + m1 + v7; v13 = Long.rotateRight(v13 ^ v2, 32); v8 += v13; v7 = Long.rotateRight(v7 ^ v8, 24);
        v2 = v2 + m4 + v7; v13 = Long.rotateRight(v13 ^ v2, 16); v8 += v13; v7 = Long.rotateRight(v7 ^ v8, 63);
        v3 = v3 + m10 + v4; v14 = Long.rotateRight(v14 ^ v3, 32); v9 += v14; v4 = Long.rotateRight(v4 ^ v9, 24);
        v3 = v3 + m5 + v4; v14 = Long.rotateRight(v14 ^ v3, 16); v9 += v14; v4 = Long.rotateRight(v4 ^ v9, 63);
        // round 9
        v0 = v0 + m10 + v4; v12 = Long.rotateRight(v12 ^ v0, 32); v8 += v12; v4 = Long.rotateRight(v4 ^ v8, 24);
        v0 = v0 + m2 + v4; v12 = Long.rotateRight(v12 ^ v0, 16); v8 += v12; v4 = Long.rotateRight(v4 ^ v8, 63);
        v1 = v1 + m8 + v5; v13 = Long.rotateRight(v13 ^ v1, 32); v9 += v13; v5 = Long.rotateRight(v5 ^ v9, 24);
        v1 = v1 + m4 + v5; v13 = Long.rotateRight(v13 ^ v1, 16); v9 += v13; v5 = Long.rotateRight(v5 ^ v9, 63);
        v2 = v2 + m7 + v6; v14 = Long.rotateRight(v14 ^ v2, 32); v10 += v14; v6 = Long.rotateRight(v6 ^ v10, 24);
        v2 = v2 + m6 + v6; v14 = Long.rotateRight(v14 ^ v2, 16); v10 += v14; v6 = Long.rotateRight(v6 ^ v10, 63);
        v3 = v3 + m1 + v7; v15 = Long.rotateRight(v15 ^ v3, 32); v11 += v15; v7 = Long.rotateRight(v7 ^ v11, 24);
        v3 = v3 + m5 + v7; v15 = Long.rotateRight(v15 ^ v3, 16); v11 += v15; v7 = Long.rotateRight(v7 ^ v11, 63);
        v0 = v0 + m15 + v5; v15 = Long.rotateRight(v15 ^ v0, 32); v10 += v15; v5 = Long.rotateRight(v5 ^ v10, 24);
        v0 = v0 + m11 + v5; v15 = Long.rotateRight(v15 ^ v0, 16); v10 += v15; v5 = Long.rotateRight(v5 ^ v10, 63);
        v1 = v1 + m9 + v6; v12 = Long.rotateRight(v12 ^ v1, 32); v11 += v12; v6 = Long.rotateRight(v6 ^ v11, 24);
        v1 = v1 + m14 + v6; v12 = Long.rotateRight(v12 ^ v1, 16); v11 += v12; v6 = Long.rotateRight(v6 ^ v11, 63);
        v2 = v2 + m3 + v7; v13 = Long.rotateRight(v13 ^ v2, 32); v8 += v13; v7 = Long.rotateRight(v7 ^ v8, 24);
        v2 = v2 + m12 + v7; v13 = Long.rotateRight(v13 ^ v2, 16); v8 += v13; v7 = Long.rotateRight(v7 ^ v8, 63);
        v3 = v3 + m13 + v4; v14 = Long.rotateRight(v14 ^ v3, 32); v9 += v14; v4 = Long.rotateRight(v4 ^ v9, 24);
        v3 = v3 + m0 + v4; v14 = Long.rotateRight(v14 ^ v3, 16); v9 += v14; v4 = Long.rotateRight(v4 ^ v9, 63);
        // round 10
        v0 = v0 + m0 + v4; v12 = Long.rotateRight(v12 ^ v0, 32); v8 += v12; v4 = Long.rotateRight(v4 ^ v8, 24);
        v0 = v0 + m1 + v4; v12 = Long.rotateRight(v12 ^ v0, 16); v8 += v12; v4 = Long.rotateRight(v4 ^ v8, 63);
        v1 = v1 + m2 + v5; v13 = Long.rotateRight(v13 ^ v1, 32); v9 += v13; v5 = Long.rotateRight(v5 ^ v9, 24);
        v1 = v1 + m3 + v5; v13 = Long.rotateRight(v13 ^ v1, 16); v9 += v13; v5 = Long.rotateRight(v5 ^ v9, 63);
        v2 = v2 + m4 + v6; v14 = Long.rotateRight(v14 ^ v2, 32); v10 += v14; v6 = Long.rotateRight(v6 ^ v10, 24);
        v2 = v2 + m5 + v6; v14 = Long.rotateRight(v14 ^ v2, 16); v10 += v14; v6 = Long.rotateRight(v6 ^ v10, 63);
        v3 = v3 + m6 + v7; v15 = Long.rotateRight(v15 ^ v3, 32); v11 += v15; v7 = Long.rotateRight(v7 ^ v11, 24);
        v3 = v3 + m7 + v7; v15 = Long.rotateRight(v15 ^ v3, 16); v11 += v15; v7 = Long.rotateRight(v7 ^ v11, 63);
        v0 = v0 + m8 + v5; v15 = Long.rotateRight(v15 ^ v0, 32); v10 += v15; v5 = Long.rotateRight(v5 ^ v10, 24);
        v0 = v0 + m9 + v5; v15 = Long.rotateRight(v15 ^ v0, 16); v10 += v15; v5 = Long.rotateRight(v5 ^ v10, 63);
        v1 = v1 + m10 + v6; v12 = Long.rotateRight(v12 ^ v1, 32); v11 += v12; v6 = Long.rotateRight(v6 ^ v11, 24);
        v1 = v1 + m11 + v6; v12 = Long.rotateRight(v12 ^ v1, 16); v11 += v12; v6 = Long.rotateRight(v6 ^ v11, 63);
        v2 = v2 + m12 + v7; v13 = Long.rotateRight(v13 ^ v2, 32); v8 += v13; v7 = Long.rotateRight(v7 ^ v8, 24);
        v2 = v2 + m13 + v7; v13 = Long.rotateRight(v13 ^ v2, 16); v8 += v13; v7 = Long.rotateRight(v7 ^ v8, 63);
        v3 = v3 + m14 + v4; v14 = Long.rotateRight(v14 ^ v3, 32); v9 += v14; v4 = Long.rotateRight(v4 ^ v9, 24);
        v3 = v3 + m15 + v4; v14 = Long.rotateRight(v14 ^ v3, 16); v9 += v14; v4 = Long.rotateRight(v4 ^ v9, 63);
        // round 11
        v0 = v0 + m14 + v4; v12 = Long.rotateRight(v12 ^ v0, 32); v8 += v12; v4 = Long.rotateRight(v4 ^ v8, 24);
        v0 = v0 + m10 + v4; v12 = Long.rotateRight(v12 ^ v0, 16); v8 += v12; v4 = Long.rotateRight(v4 ^ v8, 63);
        v1 = v1 + m4 + v5; v13 = Long.rotateRight(v13 ^ v1, 32); v9 += v13; v5 = Long.rotateRight(v5 ^ v9, 24);
        v1 = v1 + m8 + v5; v13 = Long.rotateRight(v13 ^ v1, 16); v9 += v13; v5 = Long.rotateRight(v5 ^ v9, 63);
        v2 = v2 + m9 + v6; v14 = Long.rotateRight(v14 ^ v2, 32); v10 += v14; v6 = Long.rotateRight(v6 ^ v10, 24);
        v2 = v2 + m15 + v6; v14 = Long.rotateRight(v14 ^ v2, 16); v10 += v14; v6 = Long.rotateRight(v6 ^ v10, 63);
        v3 = v3 + m13 + v7; v15 = Long.rotateRight(v15 ^ v3, 32); v11 += v15; v7 = Long.rotateRight(v7 ^ v11, 24);
        v3 = v3 + m6 + v7; v15 = Long.rotateRight(v15 ^ v3, 16); v11 += v15; v7 = Long.rotateRight(v7 ^ v11, 63);
        v0 = v0 + m1 + v5; v15 = Long.rotateRight(v15 ^ v0, 32); v10 += v15; v5 = Long.rotateRight(v5 ^ v10, 24);
        v0 = v0 + m12 + v5; v15 = Long.rotateRight(v15 ^ v0, 16); v10 += v15; v5 = Long.rotateRight(v5 ^ v10, 63);
        v1 = v1 + m0 + v6; v12 = Long.rotateRight(v12 ^ v1, 32); v11 += v12; v6 = Long.rotateRight(v6 ^ v11, 24);
        v1 = v1 + m2 + v6; v12 = Long.rotateRight(v12 ^ v1, 16); v11 += v12; v6 = Long.rotateRight(v6 ^ v11, 63);
        v2 = v2 + m11 + v7; v13 = Long.rotateRight(v13 ^ v2, 32); v8 += v13; v7 = Long.rotateRight(v7 ^ v8, 24);
        v2 = v2 + m7 + v7; v13 = Long.rotateRight(v13 ^ v2, 16); v8 += v13; v7 = Long.rotateRight(v7 ^ v8, 63);
        v3 = v3 + m5 + v4; v14 = Long.rotateRight(v14 ^ v3, 32); v9 += v14; v4 = Long.rotateRight(v4 ^ v9, 24);
        v3 = v3 + m3 + v4; v14 = Long.rotateRight(v14 ^ v3, 16); v9 += v14; v4 = Long.rotateRight(v4 ^ v9, 63);
        // END GENERATED
        v[0] = v0;
        v[1] = v1;
        v[2] = v2;
        v[3] = v3;
        v[4] = v4;
        v[5] = v5;
        v[6] = v6;
        v[7] = v7;
        v[8] = v8;
        v[9] = v9;
        v[10] = v10;
        v[11] = v11;
        v[12] = v12;
        v[13] = v13;
        v[14] = v14;
        v[15] = v15;
    }
}
