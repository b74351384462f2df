package dev.nodeshim.crypto;

import java.math.BigInteger;

/**
 * Arithmetic modulo P-256's group order n, for ECDSA's s = k^-1·(e + r·d) in {@link P256}: the same
 * 52-bit limbs and Montgomery form (R = 2^260) as {@link P256Field}, with a general Montgomery step
 * (n has no special shape: m = t_0·(-n^-1) mod 2^52, then m·n by five multiplications). Every value
 * a method takes or returns is fully reduced, below n.
 *
 * <h2>Guarantees</h2>
 * {@link #mul}, {@link #add}, {@link #toMontgomery} and {@link #fromMontgomery} run in time
 * independent of the values (no branch or memory access depends on them). There is no inversion here:
 * {@link P256} inverts a blinded value instead.
 */
final class P256Scalar {
    static final BigInteger N = new BigInteger("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);
    private static final long M = P256Field.M;
    private static final long N0 = 0x9cac2fc632551L;
    private static final long N1 = 0xada7179e84f3bL;
    private static final long N2 = 0xfffffffbce6faL;
    private static final long N3 = 0xfffffffffL;
    private static final long N4 = 0xffffffff0000L;
    /** -n^-1 mod 2^52. */
    private static final long N_PRIME = 0x1c8aaee00bc4fL;
    private static final long[] R2 = P256Field.limbs(BigInteger.ONE.shiftLeft(520).mod(N));
    private static final long[] PLAIN_ONE = {1, 0, 0, 0, 0};

    private P256Scalar() {
    }

    /** r = a·b·R^-1 mod n. */
    static void mul(long[] r, long[] a, long[] b) {
        long a0 = a[0], a1 = a[1], a2 = a[2], a3 = a[3], a4 = a[4];
        long b0 = b[0], b1 = b[1], b2 = b[2], b3 = b[3], b4 = b[4];
        long s0 = a0 << 11, s1 = a1 << 11, s2 = a2 << 11, s3 = a3 << 11, s4 = a4 << 11;
        long u0 = b0 << 1, u1 = b1 << 1, u2 = b2 << 1, u3 = b3 << 1, u4 = b4 << 1;
        long x;
        x = a0 * b0; long t0 = x & M; long t1 = Math.multiplyHigh(s0, u0);
        x = a0 * b1; t1 += x & M; long t2 = Math.multiplyHigh(s0, u1);
        x = a1 * b0; t1 += x & M; t2 += Math.multiplyHigh(s1, u0);
        x = a0 * b2; t2 += x & M; long t3 = Math.multiplyHigh(s0, u2);
        x = a1 * b1; t2 += x & M; t3 += Math.multiplyHigh(s1, u1);
        x = a2 * b0; t2 += x & M; t3 += Math.multiplyHigh(s2, u0);
        x = a0 * b3; t3 += x & M; long t4 = Math.multiplyHigh(s0, u3);
        x = a1 * b2; t3 += x & M; t4 += Math.multiplyHigh(s1, u2);
        x = a2 * b1; t3 += x & M; t4 += Math.multiplyHigh(s2, u1);
        x = a3 * b0; t3 += x & M; t4 += Math.multiplyHigh(s3, u0);
        x = a0 * b4; t4 += x & M; long t5 = Math.multiplyHigh(s0, u4);
        x = a1 * b3; t4 += x & M; t5 += Math.multiplyHigh(s1, u3);
        x = a2 * b2; t4 += x & M; t5 += Math.multiplyHigh(s2, u2);
        x = a3 * b1; t4 += x & M; t5 += Math.multiplyHigh(s3, u1);
        x = a4 * b0; t4 += x & M; t5 += Math.multiplyHigh(s4, u0);
        x = a1 * b4; t5 += x & M; long t6 = Math.multiplyHigh(s1, u4);
        x = a2 * b3; t5 += x & M; t6 += Math.multiplyHigh(s2, u3);
        x = a3 * b2; t5 += x & M; t6 += Math.multiplyHigh(s3, u2);
        x = a4 * b1; t5 += x & M; t6 += Math.multiplyHigh(s4, u1);
        x = a2 * b4; t6 += x & M; long t7 = Math.multiplyHigh(s2, u4);
        x = a3 * b3; t6 += x & M; t7 += Math.multiplyHigh(s3, u3);
        x = a4 * b2; t6 += x & M; t7 += Math.multiplyHigh(s4, u2);
        x = a3 * b4; t7 += x & M; long t8 = Math.multiplyHigh(s3, u4);
        x = a4 * b3; t7 += x & M; t8 += Math.multiplyHigh(s4, u3);
        x = a4 * b4; t8 += x & M; long t9 = Math.multiplyHigh(s4, u4);
        long m;
        m = (t0 * N_PRIME) & M;
        x = m * N0; t0 += x & M; t1 += Math.multiplyHigh(m << 11, N0 << 1);
        x = m * N1; t1 += x & M; t2 += Math.multiplyHigh(m << 11, N1 << 1);
        x = m * N2; t2 += x & M; t3 += Math.multiplyHigh(m << 11, N2 << 1);
        x = m * N3; t3 += x & M; t4 += Math.multiplyHigh(m << 11, N3 << 1);
        x = m * N4; t4 += x & M; t5 += Math.multiplyHigh(m << 11, N4 << 1);
        t1 += t0 >> 52;
        m = (t1 * N_PRIME) & M;
        x = m * N0; t1 += x & M; t2 += Math.multiplyHigh(m << 11, N0 << 1);
        x = m * N1; t2 += x & M; t3 += Math.multiplyHigh(m << 11, N1 << 1);
        x = m * N2; t3 += x & M; t4 += Math.multiplyHigh(m << 11, N2 << 1);
        x = m * N3; t4 += x & M; t5 += Math.multiplyHigh(m << 11, N3 << 1);
        x = m * N4; t5 += x & M; t6 += Math.multiplyHigh(m << 11, N4 << 1);
        t2 += t1 >> 52;
        m = (t2 * N_PRIME) & M;
        x = m * N0; t2 += x & M; t3 += Math.multiplyHigh(m << 11, N0 << 1);
        x = m * N1; t3 += x & M; t4 += Math.multiplyHigh(m << 11, N1 << 1);
        x = m * N2; t4 += x & M; t5 += Math.multiplyHigh(m << 11, N2 << 1);
        x = m * N3; t5 += x & M; t6 += Math.multiplyHigh(m << 11, N3 << 1);
        x = m * N4; t6 += x & M; t7 += Math.multiplyHigh(m << 11, N4 << 1);
        t3 += t2 >> 52;
        m = (t3 * N_PRIME) & M;
        x = m * N0; t3 += x & M; t4 += Math.multiplyHigh(m << 11, N0 << 1);
        x = m * N1; t4 += x & M; t5 += Math.multiplyHigh(m << 11, N1 << 1);
        x = m * N2; t5 += x & M; t6 += Math.multiplyHigh(m << 11, N2 << 1);
        x = m * N3; t6 += x & M; t7 += Math.multiplyHigh(m << 11, N3 << 1);
        x = m * N4; t7 += x & M; t8 += Math.multiplyHigh(m << 11, N4 << 1);
        t4 += t3 >> 52;
        m = (t4 * N_PRIME) & M;
        x = m * N0; t4 += x & M; t5 += Math.multiplyHigh(m << 11, N0 << 1);
        x = m * N1; t5 += x & M; t6 += Math.multiplyHigh(m << 11, N1 << 1);
        x = m * N2; t6 += x & M; t7 += Math.multiplyHigh(m << 11, N2 << 1);
        x = m * N3; t7 += x & M; t8 += Math.multiplyHigh(m << 11, N3 << 1);
        x = m * N4; t8 += x & M; t9 += Math.multiplyHigh(m << 11, N4 << 1);
        t5 += t4 >> 52;
        t6 += t5 >> 52; t7 += t6 >> 52; t8 += t7 >> 52; t9 += t8 >> 52;
        // below 2n: take n away where it fits
        reduceOnce(r, t5 & M, t6 & M, t7 & M, t8 & M, t9);
    }

    /** r = a + b mod n. */
    static void add(long[] r, long[] a, long[] b) {
        long r0 = a[0] + b[0], r1 = a[1] + b[1] + (r0 >> 52), r2 = a[2] + b[2] + (r1 >> 52);
        long r3 = a[3] + b[3] + (r2 >> 52), r4 = a[4] + b[4] + (r3 >> 52);
        reduceOnce(r, r0 & M, r1 & M, r2 & M, r3 & M, r4);
    }

    /** r = a - n if that is not negative, else a (a below 2n, normalised limbs). */
    static void reduceOnce(long[] r, long a0, long a1, long a2, long a3, long a4) {
        long s0 = a0 - N0;
        long s1 = a1 - N1 + (s0 >> 52);
        long s2 = a2 - N2 + (s1 >> 52);
        long s3 = a3 - N3 + (s2 >> 52);
        long s4 = a4 - N4 + (s3 >> 52);
        long keep = s4 >> 63; // all ones when a < n
        r[0] = (a0 & keep) | (s0 & M & ~keep);
        r[1] = (a1 & keep) | (s1 & M & ~keep);
        r[2] = (a2 & keep) | (s2 & M & ~keep);
        r[3] = (a3 & keep) | (s3 & M & ~keep);
        r[4] = (a4 & keep) | (s4 & ~keep);
    }

    /** r = a·R mod n, for plain a below n. */
    static void toMontgomery(long[] r, long[] a) {
        mul(r, a, R2);
    }

    /** r = the plain value of Montgomery a. */
    static void fromMontgomery(long[] r, long[] a) {
        mul(r, a, PLAIN_ONE);
    }
}
