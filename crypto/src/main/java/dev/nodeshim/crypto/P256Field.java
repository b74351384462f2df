package dev.nodeshim.crypto;

import java.math.BigInteger;

/**
 * Arithmetic modulo P-256's prime p = 2^256 - 2^224 + 2^192 + 2^96 - 1, for {@link P256}.
 *
 * <p>An element is a {@code long[5]} of 52-bit limbs, least significant first, in Montgomery form
 * (a stands for a·R mod p, R = 2^260). Why 52 bits and not four 64-bit words: Java has no add with
 * carry, and a carry chain costs five instructions per addition; with 52-bit limbs a product of two
 * limbs splits into two 52-bit halves by {@code Math.multiplyHigh} and shifts, a column of five such
 * halves never overflows a long, and nothing carries until the end. p is -1 modulo 2^52, so each
 * Montgomery step's multiplier is the low limb itself, and p's limbs are sparse
 * (2^52 - 1, 2^44 - 1, 0, 2^36, 2^48 - 2^16): adding m·p is shifts, no multiplication.
 *
 * <p>Invariant of every element a method takes or returns: limbs 0-3 in [0, 2^52), limb 4 in
 * [0, 2^49), so the value is below 2^257 but not necessarily below p ("weakly reduced"; R >= 4p keeps
 * Montgomery products of such values below 2^257). {@link #canonical} gives the value below p.
 *
 * <h2>Guarantees</h2>
 * Every method except {@link #isZero}, {@link #equal} and the conversions to and from
 * {@code BigInteger} runs in time independent of the values: no branch and no memory access depends on
 * them (multiplications are the CPU's, whose time on x86-64 does not depend on the operands). The
 * output arrays may be the inputs. Not thread-confined: methods keep no state.
 */
final class P256Field {
    static final BigInteger P = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE.shiftLeft(224))
            .add(BigInteger.ONE.shiftLeft(192)).add(BigInteger.ONE.shiftLeft(96)).subtract(BigInteger.ONE);
    static final long M = (1L << 52) - 1;
    /** p, limb by limb. */
    private static final long[] P_LIMBS = limbs(P);
    /**
     * 4p with borrows moved so that each limb is at least the largest limb a weakly reduced value can
     * have: a - b + 4p, limb by limb, is then never negative.
     */
    private static final long L0 = 0xffffffffffffcL + (1L << 52);
    private static final long L1 = 0x3fffffffffffL + (1L << 52) - 1;
    private static final long L2 = (1L << 52) - 1;
    private static final long L3 = 0x4000000000L + (1L << 52) - 1;
    private static final long L4 = 0x3fffffffc0000L - 1;
    /** R^2 mod p: a Montgomery product with it takes a plain value into Montgomery form. */
    private static final long[] R2 = limbs(BigInteger.ONE.shiftLeft(520).mod(P));
    /** 1 in Montgomery form (R mod p). */
    static final long[] ONE = limbs(BigInteger.ONE.shiftLeft(260).mod(P));
    private static final long[] PLAIN_ONE = {1, 0, 0, 0, 0};

    private P256Field() {
    }

    static long[] create() {
        return new long[5];
    }

    /** r = a·b·R^-1 mod p (weakly reduced). */
    static void mul(long[] r, long[] a, long[] b) {
        long a0 = a[0], a1 = a[1], a2 = a[2], a3 = a[3], a4 = a[4];
        long b0 = b[0], b1 = b[1], b2 = b[2], b3 = b[3], b4 = b[4];
        long x;
        // Karatsuba on three limbs and two: P = a_0..2·b_0..2 (columns p), Q = a_3..4·b_3..4 (columns q),
        // S = their sums' product (columns s): 22 limb products instead of 25. Column k collects the low
        // halves of the products of limbs i + j = k (a plain multiplication, masked) and the high halves of
        // i + j = k - 1: a·b >> 52 is multiplyHigh(a << 11, b << 1), both below 2^63.
        x = a0 * b0; long p0 = x & M; long p1 = Math.multiplyHigh(a0 << 11, b0 << 1);
        x = a0 * b1; p1 += x & M; long p2 = Math.multiplyHigh(a0 << 11, b1 << 1);
        x = a1 * b0; p1 += x & M; p2 += Math.multiplyHigh(a1 << 11, b0 << 1);
        x = a0 * b2; p2 += x & M; long p3 = Math.multiplyHigh(a0 << 11, b2 << 1);
        x = a1 * b1; p2 += x & M; p3 += Math.multiplyHigh(a1 << 11, b1 << 1);
        x = a2 * b0; p2 += x & M; p3 += Math.multiplyHigh(a2 << 11, b0 << 1);
        x = a1 * b2; p3 += x & M; long p4 = Math.multiplyHigh(a1 << 11, b2 << 1);
        x = a2 * b1; p3 += x & M; p4 += Math.multiplyHigh(a2 << 11, b1 << 1);
        x = a2 * b2; p4 += x & M; long p5 = Math.multiplyHigh(a2 << 11, b2 << 1);
        x = a3 * b3; long q0 = x & M; long q1 = Math.multiplyHigh(a3 << 11, b3 << 1);
        x = a3 * b4; q1 += x & M; long q2 = Math.multiplyHigh(a3 << 11, b4 << 1);
        x = a4 * b3; q1 += x & M; q2 += Math.multiplyHigh(a4 << 11, b3 << 1);
        x = a4 * b4; q2 += x & M; long q3 = Math.multiplyHigh(a4 << 11, b4 << 1);
        // (a_0..2 + a_3..4)·(b_0..2 + b_3..4): sums below 2^53, so the high half is multiplyHigh(x << 10, y << 2)
        long c0 = a0 + a3, c1 = a1 + a4, e0 = b0 + b3, e1 = b1 + b4;
        x = c0 * e0; long s0 = x & M; long s1 = Math.multiplyHigh(c0 << 10, e0 << 2);
        x = c0 * e1; s1 += x & M; long s2 = Math.multiplyHigh(c0 << 10, e1 << 2);
        x = c1 * e0; s1 += x & M; s2 += Math.multiplyHigh(c1 << 10, e0 << 2);
        x = c0 * b2; s2 += x & M; long s3 = Math.multiplyHigh(c0 << 10, b2 << 2);
        x = c1 * e1; s2 += x & M; s3 += Math.multiplyHigh(c1 << 10, e1 << 2);
        x = a2 * e0; s2 += x & M; s3 += Math.multiplyHigh(a2 << 10, e0 << 2);
        x = c1 * b2; s3 += x & M; long s4 = Math.multiplyHigh(c1 << 10, b2 << 2);
        x = a2 * e1; s3 += x & M; s4 += Math.multiplyHigh(a2 << 10, e1 << 2);
        x = a2 * b2; s4 += x & M; long s5 = Math.multiplyHigh(a2 << 10, b2 << 2);
        // a·b = P·1 + (S - P - Q)·2^156 + Q·2^312; a column may be negative here, which the reduction's
        // arithmetic shifts and masks take as they are (the whole stays a·b)
        long t0 = p0;
        long t1 = p1;
        long t2 = p2;
        long t3 = p3 + s0 - p0 - q0;
        long t4 = p4 + s1 - p1 - q1;
        long t5 = p5 + s2 - p2 - q2;
        long t6 = q0 + s3 - p3 - q3;
        long t7 = q1 + s4 - p4;
        long t8 = q2 + s5 - p5;
        long t9 = q3;
        reduce(r, t0, t1, t2, t3, t4, t5, t6, t7, t8, t9);
    }

    /** r = a·a·R^-1 mod p: the cross products once, doubled (2·a_i·a_j >> 52 is multiplyHigh(a_i << 11, a_j << 2)). */
    static void sqr(long[] r, long[] a) {
        long a0 = a[0], a1 = a[1], a2 = a[2], a3 = a[3], a4 = a[4];
        long d0 = a0 << 1, d1 = a1 << 1, d2 = a2 << 1, d3 = a3 << 1;
        long s0 = a0 << 11, s1 = a1 << 11, s2 = a2 << 11, s3 = a3 << 11, s4 = a4 << 11;
        long u0 = a0 << 1, u1 = a1 << 1, u2 = a2 << 1, u3 = a3 << 1, u4 = a4 << 1;
        long w1 = a1 << 2, w2 = a2 << 2, w3 = a3 << 2, w4 = a4 << 2;
        long x;
        x = a0 * a0; long t0 = x & M; long t1 = Math.multiplyHigh(s0, u0);
        x = d0 * a1; t1 += x & M; long t2 = Math.multiplyHigh(s0, w1);
        x = d0 * a2; t2 += x & M; long t3 = Math.multiplyHigh(s0, w2);
        x = a1 * a1; t2 += x & M; t3 += Math.multiplyHigh(s1, u1);
        x = d0 * a3; t3 += x & M; long t4 = Math.multiplyHigh(s0, w3);
        x = d1 * a2; t3 += x & M; t4 += Math.multiplyHigh(s1, w2);
        x = d0 * a4; t4 += x & M; long t5 = Math.multiplyHigh(s0, w4);
        x = d1 * a3; t4 += x & M; t5 += Math.multiplyHigh(s1, w3);
        x = a2 * a2; t4 += x & M; t5 += Math.multiplyHigh(s2, u2);
        x = d1 * a4; t5 += x & M; long t6 = Math.multiplyHigh(s1, w4);
        x = d2 * a3; t5 += x & M; t6 += Math.multiplyHigh(s2, w3);
        x = d2 * a4; t6 += x & M; long t7 = Math.multiplyHigh(s2, w4);
        x = a3 * a3; t6 += x & M; t7 += Math.multiplyHigh(s3, u3);
        x = d3 * a4; t7 += x & M; long t8 = Math.multiplyHigh(s3, w4);
        x = a4 * a4; t8 += x & M; long t9 = Math.multiplyHigh(s4, u4);
        reduce(r, t0, t1, t2, t3, t4, t5, t6, t7, t8, t9);
    }

    /** r = a^(2^n) (n squarings). */
    static void sqr(long[] r, long[] a, int n) {
        sqr(r, a);
        for (int i = 1; i < n; i++) {
            sqr(r, r);
        }
    }

    /**
     * Montgomery reduction of a 10-column product: five times, add m·p with m the lowest column's
     * 52 bits (p = -1 mod 2^52), which clears that column, and carry it up; the top five columns are
     * then the product divided by 2^260.
     */
    private static void reduce(long[] r, long t0, long t1, long t2, long t3, long t4, long t5, long t6, long t7,
            long t8, long t9) {
        long m;
        // m·p = m·(2^96 - 1) + m·2^192 + m·(2^256 - 2^224): the -m clears t_i, the rest are shifts of m
        m = t0 & M; t1 += (t0 >> 52) + ((m << 44) & M);
        t2 += m >>> 8; t3 += (m << 36) & M; t4 += (m >>> 16) + ((m << 48) & M) - ((m << 16) & M); t5 += (m >>> 4) - (m >>> 36);
        m = t1 & M; t2 += (t1 >> 52) + ((m << 44) & M);
        t3 += m >>> 8; t4 += (m << 36) & M; t5 += (m >>> 16) + ((m << 48) & M) - ((m << 16) & M); t6 += (m >>> 4) - (m >>> 36);
        m = t2 & M; t3 += (t2 >> 52) + ((m << 44) & M);
        t4 += m >>> 8; t5 += (m << 36) & M; t6 += (m >>> 16) + ((m << 48) & M) - ((m << 16) & M); t7 += (m >>> 4) - (m >>> 36);
        m = t3 & M; t4 += (t3 >> 52) + ((m << 44) & M);
        t5 += m >>> 8; t6 += (m << 36) & M; t7 += (m >>> 16) + ((m << 48) & M) - ((m << 16) & M); t8 += (m >>> 4) - (m >>> 36);
        m = t4 & M; t5 += (t4 >> 52) + ((m << 44) & M);
        t6 += m >>> 8; t7 += (m << 36) & M; t8 += (m >>> 16) + ((m << 48) & M) - ((m << 16) & M); t9 += (m >>> 4) - (m >>> 36);
        t6 += t5 >> 52; t7 += t6 >> 52; t8 += t7 >> 52; t9 += t8 >> 52;
        r[0] = t5 & M;
        r[1] = t6 & M;
        r[2] = t7 & M;
        r[3] = t8 & M;
        r[4] = t9;
    }

    /** r = a + b mod p (weakly reduced). */
    static void add(long[] r, long[] a, long[] b) {
        fold(r, a[0] + b[0], a[1] + b[1], a[2] + b[2], a[3] + b[3], a[4] + b[4]);
    }

    /** r = a - b mod p (weakly reduced): a + 4p - b, limb by limb, never negative. */
    static void sub(long[] r, long[] a, long[] b) {
        fold(r, a[0] + L0 - b[0], a[1] + L1 - b[1], a[2] + L2 - b[2], a[3] + L3 - b[3], a[4] + L4 - b[4]);
    }

    /** r = c·a mod p (weakly reduced) for a small c in [1, 8]: one fold where additions would take two or three. */
    static void mulSmall(long[] r, long[] a, int c) {
        fold(r, a[0] * c, a[1] * c, a[2] * c, a[3] * c, a[4] * c);
    }

    /** r = -a mod p (weakly reduced). */
    static void neg(long[] r, long[] a) {
        fold(r, L0 - a[0], L1 - a[1], L2 - a[2], L3 - a[3], L4 - a[4]);
    }

    /**
     * Weakly reduces non-negative limbs below 2^55 (limb 4 below 2^52): h, the bits of limb 4 from 2^256
     * up (below 16), is taken away as h·p (2^256 = 2^224 - 2^192 - 2^96 + 1 mod p), then carries run up.
     * The value is at least h·2^256, so never negative, and ends below 2^256 + 16·2^224 + 2^211.
     */
    private static void fold(long[] r, long r0, long r1, long r2, long r3, long r4) {
        long h = r4 >>> 48;
        r4 = (r4 & 0xffffffffffffL) + (h << 16);
        r0 += h;
        r1 -= h << 44;
        r3 -= h << 36;
        r1 += r0 >> 52; r2 += r1 >> 52; r3 += r2 >> 52; r4 += r3 >> 52;
        r[0] = r0 & M;
        r[1] = r1 & M;
        r[2] = r2 & M;
        r[3] = r3 & M;
        r[4] = r4;
    }

    /** r = a mod p, fully reduced (below p): p taken away twice where it fits, by mask. */
    static void canonical(long[] r, long[] a) {
        long a0 = a[0], a1 = a[1], a2 = a[2], a3 = a[3], a4 = a[4];
        for (int i = 0; i < 2; i++) {
            long s0 = a0 - P_LIMBS[0];
            long s1 = a1 - P_LIMBS[1] + (s0 >> 52);
            long s2 = a2 - P_LIMBS[2] + (s1 >> 52);
            long s3 = a3 - P_LIMBS[3] + (s2 >> 52);
            long s4 = a4 - P_LIMBS[4] + (s3 >> 52);
            long keep = s4 >> 63; // all ones when a < p
            a0 = (a0 & keep) | (s0 & M & ~keep);
            a1 = (a1 & keep) | (s1 & M & ~keep);
            a2 = (a2 & keep) | (s2 & M & ~keep);
            a3 = (a3 & keep) | (s3 & M & ~keep);
            a4 = (a4 & keep) | (s4 & ~keep);
        }
        r[0] = a0;
        r[1] = a1;
        r[2] = a2;
        r[3] = a3;
        r[4] = a4;
    }

    /** r = mask == -1 ? a : r (mask is 0 or -1). */
    static void select(long[] r, long[] a, long mask) {
        for (int i = 0; i < 5; i++) {
            r[i] ^= (r[i] ^ a[i]) & mask;
        }
    }

    static void copy(long[] r, long[] a) {
        System.arraycopy(a, 0, r, 0, 5);
    }

    /** -1 if a = 0 mod p, else 0, in constant time. */
    static long zeroMask(long[] a) {
        long[] c = new long[5];
        canonical(c, a);
        long or = c[0] | c[1] | c[2] | c[3] | c[4];
        return ~((or | -or) >> 63);
    }

    /** Whether a = 0 mod p (for verification, where nothing is secret). */
    static boolean isZero(long[] a) {
        return zeroMask(a) != 0;
    }

    /** Whether a = b mod p (for verification, where nothing is secret). */
    static boolean equal(long[] a, long[] b) {
        long[] d = new long[5];
        sub(d, a, b);
        return isZero(d);
    }

    /**
     * r = a^-1 mod p (0 for 0) by Fermat, a^(p-2), on a fixed chain (the exponent is public): p - 2
     * is, from the top, 32 ones, 31 zeros, a one, 96 zeros, 94 ones, a zero and a one. 255 squarings,
     * 13 multiplications.
     */
    static void inv(long[] r, long[] a) {
        long[] x2 = create(), x4 = create(), x8 = create(), x16 = create(), x30 = create(), x32 = create();
        long[] t = create();
        // x_k = a^(2^k - 1)
        sqr(t, a);
        mul(x2, t, a);
        sqr(t, x2, 2);
        mul(x4, t, x2);
        sqr(t, x4, 4);
        mul(x8, t, x4);
        sqr(t, x8, 8);
        mul(x16, t, x8);
        sqr(t, x16, 8);
        mul(t, t, x8); // x24
        sqr(t, t, 4);
        mul(t, t, x4); // x28
        sqr(t, t, 2);
        mul(x30, t, x2);
        sqr(t, x30, 2);
        mul(x32, t, x2);
        // 32 ones, then 31 zeros and a one
        sqr(t, x32, 32);
        mul(t, t, a);
        // 96 zeros
        sqr(t, t, 96);
        // 94 ones: 32 + 32 + 30
        sqr(t, t, 32);
        mul(t, t, x32);
        sqr(t, t, 32);
        mul(t, t, x32);
        sqr(t, t, 30);
        mul(t, t, x30);
        // a zero and a one
        sqr(t, t, 2);
        mul(r, t, a);
    }

    /** r = a in Montgomery form (a below 2^257, plain limbs). */
    static void toMontgomery(long[] r, long[] a) {
        mul(r, a, R2);
    }

    /** r = the plain value of Montgomery a, below p. */
    static void fromMontgomery(long[] r, long[] a) {
        mul(r, a, PLAIN_ONE);
        canonical(r, r);
    }

    /** The limbs of a non-negative value below 2^257 (plain, not Montgomery). */
    static long[] limbs(BigInteger v) {
        long[] r = new long[5];
        for (int i = 0; i < 5; i++) {
            r[i] = v.shiftRight(52 * i).longValue() & (i == 4 ? -1L : M);
        }
        return r;
    }

    /** The value of plain limbs (any reduction). */
    static BigInteger toBigInteger(long[] a) {
        BigInteger v = BigInteger.ZERO;
        for (int i = 4; i >= 0; i--) {
            v = v.shiftLeft(52).add(BigInteger.valueOf(a[i]));
        }
        return v;
    }

    /** The four 64-bit words (least significant first) of limbs below 2^256 (canonical ones). */
    static long[] pack(long[] a) {
        return new long[] {a[0] | (a[1] << 52), (a[1] >>> 12) | (a[2] << 40), (a[2] >>> 24) | (a[3] << 28),
            (a[3] >>> 36) | (a[4] << 16)};
    }

    /** r = the limbs of the four words at {@code w[off..off+3]}. */
    static void unpack(long[] r, long[] w, int off) {
        long w0 = w[off], w1 = w[off + 1], w2 = w[off + 2], w3 = w[off + 3];
        r[0] = w0 & M;
        r[1] = ((w0 >>> 52) | (w1 << 12)) & M;
        r[2] = ((w1 >>> 40) | (w2 << 24)) & M;
        r[3] = ((w2 >>> 28) | (w3 << 36)) & M;
        r[4] = w3 >>> 16;
    }

    /** Plain limbs of 32 big-endian bytes at {@code off} (a value below 2^256). */
    static void fromBytes(long[] r, byte[] b, int off) {
        long w3 = Counters.getLong(b, off), w2 = Counters.getLong(b, off + 8);
        long w1 = Counters.getLong(b, off + 16), w0 = Counters.getLong(b, off + 24);
        r[0] = w0 & M;
        r[1] = ((w0 >>> 52) | (w1 << 12)) & M;
        r[2] = ((w1 >>> 40) | (w2 << 24)) & M;
        r[3] = ((w2 >>> 28) | (w3 << 36)) & M;
        r[4] = w3 >>> 16;
    }

    /** 32 big-endian bytes of plain limbs below 2^256 (canonical ones) at {@code off}. */
    static void toBytes(long[] a, byte[] b, int off) {
        Counters.putLong(b, off + 24, a[0] | (a[1] << 52));
        Counters.putLong(b, off + 16, (a[1] >>> 12) | (a[2] << 40));
        Counters.putLong(b, off + 8, (a[2] >>> 24) | (a[3] << 28));
        Counters.putLong(b, off, (a[3] >>> 36) | (a[4] << 16));
    }
}
