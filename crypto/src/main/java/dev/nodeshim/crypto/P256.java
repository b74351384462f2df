package dev.nodeshim.crypto;

import java.math.BigInteger;
import java.security.SecureRandom;

/**
 * ECDSA, ECDH and public keys on P-256 (prime256v1, secp256r1), on our own field code
 * ({@link P256Field}, {@link P256Scalar}) instead of BouncyCastle's: Node's OpenSSL signed on P-256
 * about 2.7 times as fast as BouncyCastle's comb, and what that takes is a constant-time k·G with no
 * doublings and fast inversions.
 *
 * <p><b>k·G</b> ({@link #mulBase}): k in signed radix-2^7 digits (Booth: each digit in [-64, 64], read
 * from eight bits of k), 37 digits for 256 bits; a table, built once on first use (a few milliseconds),
 * holds j·2^(7i)·G for j = 1..64 in each of the 37 windows as affine points (148 KiB, coordinates
 * packed into 64-bit words), so k·G is the first window's entry plus 36 mixed additions, and no
 * doubling. Each window reads all 64 entries and keeps the wanted one by mask, negates y by mask for a
 * negative digit, and keeps the sum, the entry (the sum so far is the point at infinity) or the sum so
 * far (digit 0) by mask. The additions cannot meet the doubling case for k in [1, n - 1]: before window
 * i the sum so far is s·G with |s| < 2^(7i-1), and the entry is d·2^(7i)·G with |d| in [1, 64]:
 * s ± d·2^(7i) is never 0 mod n below the top window, and in the top one (d at most 16) only
 * k = 2^257 - n, above n, would make the two equal. Tried: 6-bit windows (43 additions over 32 entries):
 * no faster; the lookup as one vectorisable pass over all words: slower on both JDKs.
 *
 * <p><b>Signing</b> ({@link #sign}): k uniform in [1, n - 1] from {@link Randoms#RANDOM} by rejection
 * of 256-bit draws (what BouncyCastle's {@code ECDSASigner} with a random source did here; OpenSSL's
 * signatures are randomised alike); r = x(k·G) mod n, s = k^-1·(e + r·d) mod n with e the leftmost 256
 * bits of the digest. Both inversions, of the point's Z and of k, are of blinded values: a random b from
 * the same source multiplies the value, the product (uniform, independent of the secret) is inverted by
 * {@link DivstepInverse} (1.7 µs; {@code BigInteger.modInverse} took 10, Fermat on our field code 6.5),
 * and the inverse is multiplied by b again.
 *
 * <p><b>ECDH</b> ({@link #ecdh}) and <b>public keys</b> ({@link #publicKey}): see there.
 * <b>Verification</b> ({@link #verify}): u1·G on the same table, read directly ({@link #mulBasePublic}),
 * plus u2·Q by width-5 NAF (odd multiples of Q up to 15Q, made affine), checked as X = r·Z^2 (or
 * (r + n)·Z^2) without inverting Z.
 *
 * <h2>Guarantees</h2>
 * {@link #sign}, {@link #mulBase}, {@link #publicKey} and {@link #ecdh} run in time independent of the
 * private scalar and of k: every field and scalar operation on them is constant-time, table lookups read
 * every entry, no branch depends on them. What depends on secrets only through uniformly random blinded
 * values is the inversions (their time depends on the blinded value, which says nothing about k or d); a
 * draw of k or of a blinding value outside [1, n - 1], or an r or s of 0, is retried, which says only
 * that it happened. Not constant-time: {@link #verify} (nothing in it is secret) and the making of
 * tables from public points. Thread-safe: the base table is immutable once built, and every call works
 * on its own arrays.
 */
final class P256 {
    /** Window width of the base-point table. */
    static final int W = 7;
    private static final int WINDOWS = (257 + W - 1) / W;
    private static final int ENTRIES = 1 << (W - 1);
    private static final BigInteger N = P256Scalar.N;
    private static final BigInteger P = P256Field.P;

    private P256() {
    }

    /** The base-point table, built on first use (the holder idiom: the JVM runs its initialiser once). */
    static final class Table {
        static final long[] T = build();
    }

    /** A point in Jacobian coordinates (x = X/Z^2, y = Y/Z^3), Montgomery form; Z = 0 is infinity. */
    static final class Jacobian {
        final long[] x = P256Field.create();
        final long[] y = P256Field.create();
        final long[] z = P256Field.create();

        void set(Jacobian o) {
            P256Field.copy(x, o.x);
            P256Field.copy(y, o.y);
            P256Field.copy(z, o.z);
        }

        boolean isInfinity() {
            return P256Field.isZero(z);
        }
    }

    // ------------------------------------------------------------------------------------------------
    // The base-point table

    private static long[] build() {
        long[] t = new long[WINDOWS * ENTRIES * 8];
        Jacobian base = new Jacobian();
        P256Field.toMontgomery(base.x, P256Field.limbs(new BigInteger(
                "6B17D1F2E12C4247F8BCE6E563A440F277037D812DEB33A0F4A13945D898C296", 16)));
        P256Field.toMontgomery(base.y, P256Field.limbs(new BigInteger(
                "4FE342E2FE1A7F9B8EE7EB4A7C0F9E162BCE33576B315ECECBB6406837BF51F5", 16)));
        P256Field.copy(base.z, P256Field.ONE);
        Jacobian[] window = new Jacobian[ENTRIES];
        for (int i = 0; i < WINDOWS; i++) {
            window[0] = new Jacobian();
            window[0].set(base);
            for (int j = 1; j < ENTRIES; j++) {
                window[j] = new Jacobian();
                add(window[j], window[j - 1], base);
            }
            toAffine(window, t, i * ENTRIES * 8);
            for (int d = 0; d < W; d++) {
                dbl(base, base);
            }
        }
        return t;
    }

    /**
     * Writes the affine x and y (Montgomery form, canonical, packed into four 64-bit words each) of
     * each point at {@code off}, word by word (x's four rows, then y's, a column per point), with one inversion for them all (Montgomery's trick: invert the product of every Z, then
     * unwind it point by point).
     */
    private static void toAffine(Jacobian[] ps, long[] out, int off) {
        int n = ps.length;
        long[][] prefix = new long[n][];
        long[] acc = P256Field.create();
        P256Field.copy(acc, P256Field.ONE);
        for (int i = 0; i < n; i++) {
            prefix[i] = acc.clone();
            P256Field.mul(acc, acc, ps[i].z);
        }
        long[] inv = P256Field.create();
        // the points are public (multiples of G, or of a peer's key): variable time is fine here
        P256Field.fromMontgomery(inv, acc);
        FIELD_INVERSE.inverse(inv, inv);
        P256Field.toMontgomery(inv, inv);
        long[] zi = P256Field.create(), zi2 = P256Field.create(), c = P256Field.create();
        for (int i = n - 1; i >= 0; i--) {
            P256Field.mul(zi, inv, prefix[i]); // 1/Z_i
            P256Field.mul(inv, inv, ps[i].z); // 1/(Z_0 … Z_(i-1))
            P256Field.sqr(zi2, zi);
            P256Field.mul(c, ps[i].x, zi2);
            P256Field.canonical(c, c);
            long[] w = P256Field.pack(c);
            for (int l = 0; l < 4; l++) {
                out[off + l * n + i] = w[l];
            }
            P256Field.mul(zi2, zi2, zi);
            P256Field.mul(c, ps[i].y, zi2);
            P256Field.canonical(c, c);
            w = P256Field.pack(c);
            for (int l = 0; l < 4; l++) {
                out[off + (l + 4) * n + i] = w[l];
            }
        }
    }

    // ------------------------------------------------------------------------------------------------
    // k·G

    /**
     * r = k·G for a scalar given as four 64-bit words, least significant first, k in [1, n - 1]
     * (constant time; for k outside, the result is meaningless but the time the same).
     */
    static void mulBase(Jacobian r, long[] k) {
        long[] t = Table.T;
        long[] x = P256Field.create(), y = P256Field.create(), ny = P256Field.create();
        long[] mask = new long[ENTRIES];
        long[] words = new long[8];
        Jacobian sum = new Jacobian();
        Scratch tmp = new Scratch();
        long infinity = -1; // the sum so far is the point at infinity
        for (int i = 0; i < WINDOWS; i++) {
            int v = bits(k, i * W - 1) & ((1 << (W + 1)) - 1);
            int digit = (v >> 1) + (v & 1) - ((v >> W) << W);
            int sign = digit >> 31;
            int abs = (digit ^ sign) - sign;
            lookup(t, i * ENTRIES * 8, abs, words, mask);
            P256Field.unpack(x, words, 0);
            P256Field.unpack(y, words, 4);
            P256Field.neg(ny, y);
            P256Field.select(y, ny, sign);
            if (i == 0) {
                // nothing to add to yet: the entry (or infinity for digit 0)
                P256Field.copy(r.x, x);
                P256Field.copy(r.y, y);
                P256Field.copy(r.z, P256Field.ONE);
                infinity = ((long) abs - 1) >> 63;
                continue;
            }
            infinity = addEntry(r, sum, x, y, tmp, infinity, abs);
        }
    }

    /** Bits of k (at least the window width + 1) from bit {@code from} (-1: a zero bit below bit 0) up, zeros above bit 255. */
    private static int bits(long[] k, int from) {
        if (from < 0) {
            return (int) (k[0] << 1);
        }
        int word = from >>> 6;
        int shift = from & 63;
        long v = k[word] >>> shift;
        if (word + 1 < 4) {
            v |= (k[word + 1] << 1) << (63 - shift); // no bits when shift = 0 (Java's << 64 is << 0)
        }
        return (int) v;
    }

    /**
     * The packed words of entry {@code abs} of a window (1..64, or 1..16 for {@link #ecdh}'s table: as
     * many as {@code mask} has room for; x's four words, then y's), or zeros for 0,
     * reading every entry: a mask per entry (-1 for the wanted one), then per word the OR of every
     * entry's word under its mask. A window is stored word by word (eight rows of 64), so each row is
     * one tight loop: the 37 lookups took 5.7 µs on JDK 25 and 8.7 on 17, against 7.6 and 12.3 entry
     * by entry; packing 52-bit limbs into 64-bit words (eight rows instead of ten) took a fifth off.
     */
    static void lookup(long[] t, int off, int abs, long[] words, long[] mask) {
        int entries = mask.length;
        for (int j = 0; j < entries; j++) {
            mask[j] = ((long) ((j + 1) ^ abs) - 1) >> 63;
        }
        // four rows per pass: the mask is loaded once for four words (two rows: 6.3 µs for the 37
        // lookups on JDK 17, four: 5.2, eight: 7.2, C2 then spills; JDK 25 3.1, 2.9, 2.5)
        for (int l = 0; l < 8; l += 4) {
            long a = 0, b = 0, c = 0, d = 0;
            int o = off + l * entries;
            for (int j = 0; j < entries; j++) {
                long m = mask[j];
                a |= t[o + j] & m;
                b |= t[o + entries + j] & m;
                c |= t[o + 2 * entries + j] & m;
                d |= t[o + 3 * entries + j] & m;
            }
            words[l] = a;
            words[l + 1] = b;
            words[l + 2] = c;
            words[l + 3] = d;
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Point formulas (Jacobian, a = -3)

    /** Temporaries of {@link #addMixed}, made once per multiplication (its callee, mul, is too big to inline, so they would escape). */
    static final class Scratch {
        final long[] a = P256Field.create(), b = P256Field.create(), c = P256Field.create();
        final long[] d = P256Field.create(), e = P256Field.create(), f = P256Field.create();
    }

    /**
     * One step of a constant-time window walk: {@code r += (x, y)}, with no branch on secret data —
     * while {@code r} is still the point at infinity ({@code infinity} all ones) the sum is the entry
     * itself, and for a zero digit ({@code abs == 0}) {@code r} stays as it was. Returns the new
     * infinity mask. {@code sum} is scratch.
     */
    private static long addEntry(Jacobian r, Jacobian sum, long[] x, long[] y, Scratch tmp, long infinity, int abs) {
        addMixed(sum, r, x, y, tmp);
        P256Field.select(sum.x, x, infinity);
        P256Field.select(sum.y, y, infinity);
        P256Field.select(sum.z, P256Field.ONE, infinity);
        long zero = ((long) abs - 1) >> 63;
        P256Field.select(sum.x, r.x, zero);
        P256Field.select(sum.y, r.y, zero);
        P256Field.select(sum.z, r.z, zero);
        r.set(sum);
        return infinity & zero;
    }

    /**
     * r = p + (x2, y2), an affine point: 8M + 3S, constant time. Wrong when p is infinity or equals
     * ±(x2, y2); {@link #mulBase} never needs those (see the class comment). r may not be p.
     */
    static void addMixed(Jacobian r, Jacobian p, long[] x2, long[] y2, Scratch tmp) {
        long[] z1z1 = tmp.a, h = tmp.b, rr = tmp.c, hh = tmp.d, hhh = tmp.e, v = tmp.f;
        P256Field.sqr(z1z1, p.z);
        P256Field.mul(h, x2, z1z1); // u2
        P256Field.sub(h, h, p.x); // h = u2 - x1
        P256Field.mul(rr, p.z, z1z1);
        P256Field.mul(rr, rr, y2); // s2
        P256Field.sub(rr, rr, p.y); // rr = s2 - y1
        P256Field.sqr(hh, h);
        P256Field.mul(hhh, hh, h);
        P256Field.mul(v, p.x, hh);
        P256Field.sqr(r.x, rr);
        P256Field.sub(r.x, r.x, hhh);
        P256Field.sub(r.x, r.x, v);
        P256Field.sub(r.x, r.x, v); // x3 = rr^2 - hhh - 2v
        P256Field.sub(v, v, r.x);
        P256Field.mul(v, v, rr);
        P256Field.mul(hhh, hhh, p.y);
        P256Field.sub(r.y, v, hhh); // y3 = rr·(v - x3) - y1·hhh
        P256Field.mul(r.z, p.z, h);
    }

    /** r = 2p (a = -3): 3M + 5S; infinity stays infinity (Z stays 0). r may be p. */
    static void dbl(Jacobian r, Jacobian p) {
        long[] delta = P256Field.create(), gamma = P256Field.create(), beta = P256Field.create();
        long[] alpha = P256Field.create(), t = P256Field.create();
        P256Field.sqr(delta, p.z);
        P256Field.sqr(gamma, p.y);
        P256Field.mul(beta, p.x, gamma);
        P256Field.sub(t, p.x, delta);
        P256Field.add(alpha, p.x, delta);
        P256Field.mul(alpha, alpha, t);
        P256Field.mulSmall(alpha, alpha, 3); // alpha = 3·(x - delta)·(x + delta)
        P256Field.add(r.z, p.y, p.z);
        P256Field.sqr(r.z, r.z);
        P256Field.sub(r.z, r.z, gamma);
        P256Field.sub(r.z, r.z, delta); // z3 = (y + z)^2 - gamma - delta
        P256Field.mulSmall(beta, beta, 4);
        P256Field.sqr(r.x, alpha);
        P256Field.sub(r.x, r.x, beta);
        P256Field.sub(r.x, r.x, beta); // x3 = alpha^2 - 8·beta
        P256Field.sub(beta, beta, r.x);
        P256Field.mul(beta, beta, alpha);
        P256Field.sqr(gamma, gamma);
        P256Field.mulSmall(gamma, gamma, 8); // 8·gamma^2
        P256Field.sub(r.y, beta, gamma); // y3 = alpha·(4·beta - x3) - 8·gamma^2
    }

    /** r = p + q, any points (variable time: for the table and verification). r may be p or q. */
    static void add(Jacobian r, Jacobian p, Jacobian q) {
        if (p.isInfinity()) {
            r.set(q);
            return;
        }
        if (q.isInfinity()) {
            r.set(p);
            return;
        }
        long[] z1z1 = P256Field.create(), z2z2 = P256Field.create(), u1 = P256Field.create(), h = P256Field.create();
        long[] s1 = P256Field.create(), rr = P256Field.create(), t = P256Field.create();
        P256Field.sqr(z1z1, p.z);
        P256Field.sqr(z2z2, q.z);
        P256Field.mul(u1, p.x, z2z2);
        P256Field.mul(h, q.x, z1z1);
        P256Field.sub(h, h, u1); // h = u2 - u1
        P256Field.mul(s1, p.y, q.z);
        P256Field.mul(s1, s1, z2z2);
        P256Field.mul(rr, q.y, p.z);
        P256Field.mul(rr, rr, z1z1);
        P256Field.sub(rr, rr, s1); // rr = s2 - s1
        if (P256Field.isZero(h)) {
            if (P256Field.isZero(rr)) {
                dbl(r, p);
            } else {
                P256Field.copy(r.x, P256Field.ONE);
                P256Field.copy(r.y, P256Field.ONE);
                P256Field.copy(r.z, new long[5]);
            }
            return;
        }
        long[] hh = P256Field.create(), hhh = P256Field.create();
        P256Field.sqr(hh, h);
        P256Field.mul(hhh, hh, h);
        P256Field.mul(u1, u1, hh); // v
        P256Field.mul(t, p.z, q.z);
        P256Field.mul(r.z, t, h);
        P256Field.sqr(t, rr);
        P256Field.sub(t, t, hhh);
        P256Field.sub(t, t, u1);
        P256Field.sub(t, t, u1); // x3
        P256Field.sub(u1, u1, t);
        P256Field.mul(u1, u1, rr);
        P256Field.mul(s1, s1, hhh);
        P256Field.sub(r.y, u1, s1);
        P256Field.copy(r.x, t);
    }

    // ------------------------------------------------------------------------------------------------
    // ECDSA

    /** The scalar of 32 big-endian bytes as four words, least significant first. */
    static long[] words(byte[] b, int off) {
        return new long[] {Counters.getLong(b, off + 24), Counters.getLong(b, off + 16),
            Counters.getLong(b, off + 8), Counters.getLong(b, off)};
    }

    /** -1 if the 32 bytes at {@code off} are a scalar in [1, n - 1], else 0 (constant time). */
    private static long inRange(byte[] b, int off) {
        long[] v = P256Field.create();
        P256Field.fromBytes(v, b, off);
        long[] s = P256Field.create();
        P256Scalar.reduceOnce(s, v[0], v[1], v[2], v[3], v[4]);
        long differs = (s[0] ^ v[0]) | (s[1] ^ v[1]) | (s[2] ^ v[2]) | (s[3] ^ v[3]) | (s[4] ^ v[4]);
        long or = v[0] | v[1] | v[2] | v[3] | v[4];
        // below n: reduceOnce kept it; not zero
        return ~((differs | -differs) >> 63) & ((or | -or) >> 63);
    }

    /** e: the leftmost 256 bits of the digest (all of a shorter one), reduced mod n, as plain limbs. */
    private static long[] digestScalar(byte[] h) {
        byte[] e = new byte[32];
        int n = Math.min(h.length, 32);
        System.arraycopy(h, 0, e, 32 - n, n);
        long[] v = P256Field.create();
        P256Field.fromBytes(v, e, 0);
        P256Scalar.reduceOnce(v, v[0], v[1], v[2], v[3], v[4]);
        return v;
    }

    private static final DivstepInverse FIELD_INVERSE = new DivstepInverse(P);
    private static final DivstepInverse SCALAR_INVERSE = new DivstepInverse(N);

    /**
     * An ECDSA signature (r, s) with private key {@code d} (32 big-endian bytes, in [1, n - 1]) over
     * digest {@code h}, each as 32 big-endian bytes: r then s.
     */
    static byte[] sign(byte[] d, byte[] h, SecureRandom random) {
        long[] e = digestScalar(h);
        long[] dPlain = P256Field.create();
        P256Field.fromBytes(dPlain, d, 0);
        byte[] draw = new byte[96];
        Jacobian kg = new Jacobian();
        long[] zi = P256Field.create(), x = P256Field.create(), beta = P256Field.create();
        long[] k = P256Field.create(), b = P256Field.create(), kb = P256Field.create(), t = P256Field.create();
        long[] r = P256Field.create(), s = P256Field.create();
        while (true) {
            // k, the scalar blinding b and the field blinding beta, one draw
            random.nextBytes(draw);
            if ((inRange(draw, 0) & inRange(draw, 32) & inRange(draw, 64)) == 0) {
                continue;
            }
            mulBase(kg, words(draw, 0));
            // x = X/Z^2: Z^-1 as beta·(Z·beta)^-1
            P256Field.fromBytes(beta, draw, 64);
            P256Field.toMontgomery(beta, beta);
            P256Field.mul(zi, kg.z, beta);
            P256Field.fromMontgomery(zi, zi);
            FIELD_INVERSE.inverse(zi, zi);
            P256Field.toMontgomery(zi, zi);
            P256Field.mul(zi, zi, beta);
            P256Field.sqr(zi, zi);
            P256Field.mul(x, kg.x, zi);
            P256Field.fromMontgomery(x, x);
            P256Scalar.reduceOnce(r, x[0], x[1], x[2], x[3], x[4]);
            if ((r[0] | r[1] | r[2] | r[3] | r[4]) == 0) {
                continue;
            }
            // s = (k·b)^-1 · b·(e + r·d)
            P256Field.fromBytes(k, draw, 0);
            P256Scalar.toMontgomery(k, k);
            P256Field.fromBytes(b, draw, 32);
            P256Scalar.toMontgomery(b, b);
            P256Scalar.mul(kb, k, b);
            P256Scalar.fromMontgomery(kb, kb);
            SCALAR_INVERSE.inverse(kb, kb);
            P256Scalar.toMontgomery(kb, kb);
            P256Scalar.toMontgomery(t, r);
            P256Scalar.toMontgomery(s, dPlain);
            P256Scalar.mul(s, s, t); // r·d
            P256Scalar.toMontgomery(t, e);
            P256Scalar.add(s, s, t);
            P256Scalar.mul(s, s, b);
            P256Scalar.mul(s, s, kb);
            P256Scalar.fromMontgomery(s, s);
            if ((s[0] | s[1] | s[2] | s[3] | s[4]) == 0) {
                continue;
            }
            byte[] sig = new byte[64];
            P256Field.toBytes(r, sig, 0);
            P256Field.toBytes(s, sig, 32);
            return sig;
        }
    }

    /** The affine point of {@code d·G} as 0x04, x, y (d: 32 big-endian bytes in [1, n - 1]; {@link #mulBase}, Z inverted blinded). */
    static byte[] publicKey(byte[] d) {
        Jacobian q = new Jacobian();
        mulBase(q, words(d, 0));
        long[] zi = P256Field.create(), t = P256Field.create(), c = P256Field.create();
        invertBlinded(zi, q.z);
        P256Field.sqr(t, zi);
        byte[] out = new byte[65];
        out[0] = 4;
        P256Field.mul(c, q.x, t);
        P256Field.fromMontgomery(c, c);
        P256Field.toBytes(c, out, 1);
        P256Field.mul(t, t, zi);
        P256Field.mul(c, q.y, t);
        P256Field.fromMontgomery(c, c);
        P256Field.toBytes(c, out, 33);
        return out;
    }

    /**
     * r = z^-1 (Montgomery form), z depending on a secret: as beta·(z·beta)^-1 with beta uniform in
     * [1, n - 1] from {@link Randoms#RANDOM}, so that the variable-time inversion sees only a random value.
     */
    private static void invertBlinded(long[] r, long[] z) {
        byte[] draw = new byte[32];
        do {
            Randoms.RANDOM.nextBytes(draw);
        } while (inRange(draw, 0) == 0);
        long[] beta = P256Field.create();
        P256Field.fromBytes(beta, draw, 0);
        P256Field.toMontgomery(beta, beta);
        P256Field.mul(r, z, beta);
        P256Field.fromMontgomery(r, r);
        FIELD_INVERSE.inverse(r, r);
        P256Field.toMontgomery(r, r);
        P256Field.mul(r, r, beta);
    }

    /** Window width of {@link #ecdh}'s multiplication. */
    private static final int ECDH_W = 5;

    /**
     * The ECDH shared secret, x(d·Q) as 32 big-endian bytes, for a private scalar d (32 big-endian
     * bytes in [1, n - 1]) and a public point (qx, qy) on the curve (every point of P-256 but infinity
     * has order n: its cofactor is 1).
     *
     * <p>Constant time in d: d in signed radix-2^5 digits (Booth, as {@link #mulBase}, digits in
     * [-16, 16], 52 windows), left to right, five doublings and one mixed addition of ±j·Q per window,
     * j·Q (j = 1..16) made affine beforehand and read by mask like the base table. No addition meets its
     * exceptional cases: before an addition the sum so far is 32·A'·Q, 0 (infinity, taken care of by
     * mask) or at least 32 in size, against an entry of at most 16, and for d below n the two never meet
     * modulo n (n is 17 modulo 32). Z is inverted blinded, as in {@link #sign}. The table of Q's
     * multiples is made in variable time: Q is public.
     */
    static byte[] ecdh(byte[] d, BigInteger qx, BigInteger qy) {
        int entries = 1 << (ECDH_W - 1);
        Jacobian q = new Jacobian();
        P256Field.toMontgomery(q.x, P256Field.limbs(qx));
        P256Field.toMontgomery(q.y, P256Field.limbs(qy));
        P256Field.copy(q.z, P256Field.ONE);
        Jacobian[] multiples = new Jacobian[entries];
        multiples[0] = q;
        for (int j = 1; j < entries; j++) {
            multiples[j] = new Jacobian();
            add(multiples[j], multiples[j - 1], q);
        }
        long[] t = new long[entries * 8];
        toAffine(multiples, t, 0);

        long[] k = words(d, 0);
        int windows = (257 + ECDH_W - 1) / ECDH_W;
        long[] x = P256Field.create(), y = P256Field.create(), ny = P256Field.create();
        long[] mask = new long[entries];
        long[] words = new long[8];
        Jacobian r = new Jacobian();
        Jacobian sum = new Jacobian();
        Scratch tmp = new Scratch();
        long infinity = -1;
        for (int i = windows - 1; i >= 0; i--) {
            int v = bits(k, i * ECDH_W - 1) & ((1 << (ECDH_W + 1)) - 1);
            int digit = (v >> 1) + (v & 1) - ((v >> ECDH_W) << ECDH_W);
            int sign = digit >> 31;
            int abs = (digit ^ sign) - sign;
            lookup(t, 0, abs, words, mask);
            P256Field.unpack(x, words, 0);
            P256Field.unpack(y, words, 4);
            P256Field.neg(ny, y);
            P256Field.select(y, ny, sign);
            if (i == windows - 1) {
                P256Field.copy(r.x, x);
                P256Field.copy(r.y, y);
                P256Field.copy(r.z, P256Field.ONE);
                infinity = ((long) abs - 1) >> 63;
                continue;
            }
            for (int j = 0; j < ECDH_W; j++) {
                dbl(r, r);
            }
            infinity = addEntry(r, sum, x, y, tmp, infinity, abs);
        }
        long[] zi = P256Field.create();
        invertBlinded(zi, r.z);
        P256Field.sqr(zi, zi);
        P256Field.mul(x, r.x, zi);
        P256Field.fromMontgomery(x, x);
        byte[] out = new byte[32];
        P256Field.toBytes(x, out, 0);
        return out;
    }

    /** Whether (r, s) is a valid signature of digest {@code h} by P-256 key {@code key}. Variable time. */
    static boolean verify(EcKey key, byte[] h, BigInteger r, BigInteger s) {
        byte[] q = key.point;
        if (q.length == 65 && q[0] == 4) {
            // checked on the curve when the key was made
            return verify(new BigInteger(1, java.util.Arrays.copyOfRange(q, 1, 33)),
                    new BigInteger(1, java.util.Arrays.copyOfRange(q, 33, 65)), h, r, s);
        }
        org.bouncycastle.math.ec.ECPoint p = key.q().normalize();
        return verify(p.getAffineXCoord().toBigInteger(), p.getAffineYCoord().toBigInteger(), h, r, s);
    }

    /**
     * Whether (r, s) is a valid signature of digest {@code h} by the public point (qx, qy), which must be
     * on the curve (the caller's key decoding checked it). Variable time.
     */
    static boolean verify(BigInteger qx, BigInteger qy, byte[] h, BigInteger r, BigInteger s) {
        if (r.signum() <= 0 || s.signum() <= 0 || r.compareTo(N) >= 0 || s.compareTo(N) >= 0) {
            return false;
        }
        BigInteger e = P256Field.toBigInteger(digestScalar(h));
        BigInteger w = s.modInverse(N);
        BigInteger u1 = e.multiply(w).mod(N);
        BigInteger u2 = r.multiply(w).mod(N);
        Jacobian sum = new Jacobian();
        if (u1.signum() != 0) {
            mulBasePublic(sum, words(Der.unsigned(u1, 32), 0));
        }
        Jacobian q = new Jacobian();
        P256Field.toMontgomery(q.x, P256Field.limbs(qx));
        P256Field.toMontgomery(q.y, P256Field.limbs(qy));
        P256Field.copy(q.z, P256Field.ONE);
        Jacobian uq = new Jacobian();
        mulWnaf(uq, q, u2);
        add(sum, sum, uq);
        if (sum.isInfinity()) {
            return false;
        }
        // x(R) mod n = r: X = r·Z^2, or X = (r + n)·Z^2 where r + n < p
        long[] z2 = P256Field.create(), c = P256Field.create();
        P256Field.sqr(z2, sum.z);
        for (BigInteger cand = r; cand.compareTo(P) < 0; cand = cand.add(N)) {
            P256Field.toMontgomery(c, P256Field.limbs(cand));
            P256Field.mul(c, c, z2);
            if (P256Field.equal(c, sum.x)) {
                return true;
            }
        }
        return false;
    }

    /** r = u·q by width-5 NAF (variable time); u in [0, n). */
    static void mulWnaf(Jacobian r, Jacobian q, BigInteger u) {
        Jacobian[] odd = new Jacobian[8]; // q, 3q, …, 15q
        odd[0] = new Jacobian();
        odd[0].set(q);
        Jacobian q2 = new Jacobian();
        dbl(q2, q);
        for (int i = 1; i < 8; i++) {
            odd[i] = new Jacobian();
            add(odd[i], odd[i - 1], q2);
        }
        int[] naf = new int[258];
        int len = 0;
        BigInteger v = u;
        while (v.signum() > 0) {
            int digit = 0;
            if (v.testBit(0)) {
                digit = v.intValue() & 31;
                if (digit >= 16) {
                    digit -= 32;
                }
                v = v.subtract(BigInteger.valueOf(digit));
            }
            naf[len++] = digit;
            v = v.shiftRight(1);
        }
        // the odd multiples made affine (one inversion), so that each addition is a mixed one
        long[] t = new long[8 * 8];
        toAffine(odd, t, 0);
        long[][] xs = new long[8][], ys = new long[8][];
        long[] words = new long[8];
        for (int j = 0; j < 8; j++) {
            for (int l = 0; l < 8; l++) {
                words[l] = t[l * 8 + j];
            }
            xs[j] = P256Field.create();
            ys[j] = P256Field.create();
            P256Field.unpack(xs[j], words, 0);
            P256Field.unpack(ys[j], words, 4);
        }
        long[] ny = P256Field.create();
        Jacobian sum = new Jacobian();
        Scratch tmp = new Scratch();
        P256Field.copy(r.z, new long[5]); // infinity
        for (int i = len - 1; i >= 0; i--) {
            dbl(r, r);
            int digit = naf[i];
            if (digit > 0) {
                addAffine(r, xs[digit >> 1], ys[digit >> 1], sum, tmp);
            } else if (digit < 0) {
                P256Field.neg(ny, ys[(-digit) >> 1]);
                addAffine(r, xs[(-digit) >> 1], ny, sum, tmp);
            }
        }
    }

    /**
     * r += (x, y), an affine point, in variable time with every case: r at infinity, r = (x, y) (a
     * doubling), r = -(x, y) (infinity). For verification and public points only.
     */
    private static void addAffine(Jacobian r, long[] x, long[] y, Jacobian sum, Scratch tmp) {
        if (r.isInfinity()) {
            P256Field.copy(r.x, x);
            P256Field.copy(r.y, y);
            P256Field.copy(r.z, P256Field.ONE);
            return;
        }
        addMixed(sum, r, x, y, tmp);
        // addMixed leaves h = u2 - x1 in tmp.b and rr = s2 - y1 in tmp.c
        if (P256Field.isZero(tmp.b)) {
            if (P256Field.isZero(tmp.c)) {
                dbl(r, r);
            } else {
                P256Field.copy(r.z, new long[5]);
            }
            return;
        }
        r.set(sum);
    }

    /**
     * r = k·G for a public scalar (verification's u1), k in [0, n - 1]: {@link #mulBase}'s windows with the
     * entries read directly and zero digits skipped (variable time).
     */
    static void mulBasePublic(Jacobian r, long[] k) {
        long[] t = Table.T;
        long[] x = P256Field.create(), y = P256Field.create(), words = new long[8];
        Jacobian sum = new Jacobian();
        Scratch tmp = new Scratch();
        P256Field.copy(r.z, new long[5]); // infinity
        for (int i = 0; i < WINDOWS; i++) {
            int v = bits(k, i * W - 1) & ((1 << (W + 1)) - 1);
            int digit = (v >> 1) + (v & 1) - ((v >> W) << W);
            if (digit == 0) {
                continue;
            }
            int off = i * ENTRIES * 8 + Math.abs(digit) - 1;
            for (int l = 0; l < 8; l++) {
                words[l] = t[off + l * ENTRIES];
            }
            P256Field.unpack(x, words, 0);
            P256Field.unpack(y, words, 4);
            if (digit < 0) {
                P256Field.neg(y, y);
            }
            addAffine(r, x, y, sum, tmp);
        }
    }
}
