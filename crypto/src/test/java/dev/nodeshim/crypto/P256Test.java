package dev.nodeshim.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;

/**
 * {@link P256Field}, {@link P256Scalar} and {@link P256} against BigInteger and BouncyCastle: field and
 * scalar operations on random and edge values (weakly reduced inputs up to 2^257 - 1), k·G on random
 * and edge scalars, and ECDSA both ways (ours verified by BouncyCastle and by us, BouncyCastle's by us).
 */
class P256Test {
    private static final BigInteger P = P256Field.P;
    private static final BigInteger N = P256Scalar.N;
    private static final BigInteger R = BigInteger.ONE.shiftLeft(260);
    private static final X9ECParameters X9 = CustomNamedCurves.getByName("secp256r1");
    private static final ECDomainParameters DOMAIN = new ECDomainParameters(X9.getCurve(), X9.getG(), X9.getN(), X9.getH());

    /** Field values: random below 2^257 (weakly reduced inputs) and below p, and the edges. */
    private static List<BigInteger> fieldValues(Random rnd, int count) {
        List<BigInteger> v = new ArrayList<>();
        BigInteger top = BigInteger.ONE.shiftLeft(257);
        for (BigInteger b : new BigInteger[] {BigInteger.ZERO, BigInteger.ONE, BigInteger.TWO, P.subtract(BigInteger.ONE),
            P, P.add(BigInteger.ONE), P.shiftLeft(1).subtract(BigInteger.ONE), P.shiftLeft(1),
            BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE), BigInteger.ONE.shiftLeft(256),
            top.subtract(BigInteger.ONE), BigInteger.ONE.shiftLeft(52).subtract(BigInteger.ONE),
            BigInteger.ONE.shiftLeft(208), BigInteger.ONE.shiftLeft(255)}) {
            v.add(b);
        }
        for (int i = 0; i < count; i++) {
            BigInteger x = new BigInteger(257, rnd);
            if (i % 3 == 0) {
                x = x.mod(P);
            }
            if (i % 11 == 0) {
                // runs of ones and zeros in the limbs
                x = BigInteger.ONE.shiftLeft(rnd.nextInt(257)).subtract(BigInteger.ONE).xor(BigInteger.ONE.shiftLeft(rnd.nextInt(200)));
            }
            v.add(x);
        }
        return v;
    }

    private static long[] mont(BigInteger x) {
        // a weakly reduced Montgomery value whose plain value is x: limbs of (x·R mod p) + p where it fits
        BigInteger m = x.multiply(R).mod(P);
        if (x.testBit(0) && m.add(P).bitLength() <= 257) {
            m = m.add(P);
        }
        return P256Field.limbs(m);
    }

    private static BigInteger plain(long[] a) {
        checkWeak(a);
        long[] r = P256Field.create();
        P256Field.fromMontgomery(r, a);
        BigInteger v = P256Field.toBigInteger(r);
        assertTrue(v.compareTo(P) < 0, "fromMontgomery is canonical");
        return v;
    }

    private static void checkWeak(long[] a) {
        for (int i = 0; i < 4; i++) {
            assertTrue(a[i] >= 0 && a[i] < (1L << 52), "limb " + i + " " + Long.toHexString(a[i]));
        }
        assertTrue(a[4] >= 0 && a[4] < (1L << 49), "limb 4 " + Long.toHexString(a[4]));
    }

    @Test
    void fieldOperationsEqualBigIntegerOnes() {
        Random rnd = new Random(256);
        List<BigInteger> vs = fieldValues(rnd, 3000);
        long[] r = P256Field.create();
        for (int i = 0; i < vs.size(); i++) {
            BigInteger a = vs.get(i);
            BigInteger b = vs.get((i * 7 + 3) % vs.size());
            long[] am = mont(a);
            long[] bm = mont(b);
            String c = "a=" + a.toString(16) + " b=" + b.toString(16);
            P256Field.mul(r, am, bm);
            assertEquals(a.multiply(b).mod(P), plain(r), "mul " + c);
            P256Field.sqr(r, am);
            assertEquals(a.multiply(a).mod(P), plain(r), "sqr " + c);
            P256Field.add(r, am, bm);
            assertEquals(a.add(b).mod(P), plain(r), "add " + c);
            P256Field.sub(r, am, bm);
            assertEquals(a.subtract(b).mod(P), plain(r), "sub " + c);
            P256Field.neg(r, am);
            assertEquals(a.negate().mod(P), plain(r), "neg " + c);
            int small = 1 + i % 8;
            P256Field.mulSmall(r, am, small);
            assertEquals(a.multiply(BigInteger.valueOf(small)).mod(P), plain(r), "mulSmall " + small + " " + c);
            P256Field.canonical(r, P256Field.limbs(a));
            assertEquals(a.mod(P), P256Field.toBigInteger(r), "canonical " + c);
            assertEquals(a.mod(P).signum() == 0, P256Field.isZero(P256Field.limbs(a)), "isZero " + c);
            if (i % 10 == 0) {
                P256Field.inv(r, am);
                BigInteger expected = a.mod(P).signum() == 0 ? BigInteger.ZERO : a.modInverse(P);
                assertEquals(expected, plain(r), "inv " + c);
            }
            // the raw limbs: a Montgomery product of plain values is a·b/R
            P256Field.mul(r, P256Field.limbs(a), P256Field.limbs(b));
            checkWeak(r);
            assertEquals(a.multiply(b).multiply(R.modInverse(P)).mod(P), P256Field.toBigInteger(r).mod(P), "raw " + c);
        }
    }

    @Test
    void divstepInverseEqualsBigIntegers() {
        Random rnd = new Random(30);
        for (BigInteger m : new BigInteger[] {P, N}) {
            DivstepInverse inv = new DivstepInverse(m);
            List<BigInteger> xs = new ArrayList<>(List.of(BigInteger.ONE, BigInteger.TWO, m.subtract(BigInteger.ONE),
                m.subtract(BigInteger.TWO), m.shiftRight(1), BigInteger.ONE.shiftLeft(255).mod(m),
                BigInteger.ONE.shiftLeft(30), BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE)));
            for (int i = 0; i < 3000; i++) {
                xs.add(new BigInteger(256, rnd).mod(m.subtract(BigInteger.ONE)).add(BigInteger.ONE));
            }
            long[] r = P256Field.create();
            for (BigInteger x : xs) {
                inv.inverse(r, P256Field.limbs(x));
                assertEquals(x.modInverse(m), P256Field.toBigInteger(r), "1/" + x.toString(16) + " mod " + m.toString(16));
            }
            org.junit.jupiter.api.Assertions.assertThrows(ArithmeticException.class, () -> inv.inverse(r, new long[5]));
        }
    }

    @Test
    void bytesRoundTrip() {
        Random rnd = new Random(32);
        for (int i = 0; i < 1000; i++) {
            byte[] b = new byte[40];
            rnd.nextBytes(b);
            long[] l = P256Field.create();
            P256Field.fromBytes(l, b, 3);
            assertEquals(new BigInteger(1, Arrays.copyOfRange(b, 3, 35)), P256Field.toBigInteger(l));
            byte[] out = new byte[32];
            P256Field.toBytes(l, out, 0);
            assertArrayEquals(Arrays.copyOfRange(b, 3, 35), out);
        }
    }

    @Test
    void scalarOperationsEqualBigIntegerOnes() {
        Random rnd = new Random(257);
        long[] r = P256Field.create();
        long[] am = P256Field.create();
        long[] bm = P256Field.create();
        for (int i = 0; i < 3000; i++) {
            BigInteger a = i < 4 ? new BigInteger[] {BigInteger.ZERO, BigInteger.ONE, N.subtract(BigInteger.ONE),
                N.subtract(BigInteger.TWO)}[i] : new BigInteger(256, rnd).mod(N);
            BigInteger b = i % 5 == 0 ? N.subtract(BigInteger.ONE) : new BigInteger(256, rnd).mod(N);
            P256Scalar.toMontgomery(am, P256Field.limbs(a));
            P256Scalar.toMontgomery(bm, P256Field.limbs(b));
            assertEquals(a.multiply(R).mod(N), P256Field.toBigInteger(am));
            P256Scalar.mul(r, am, bm);
            P256Scalar.fromMontgomery(r, r);
            assertEquals(a.multiply(b).mod(N), P256Field.toBigInteger(r), "mul " + a + " " + b);
            P256Scalar.add(r, P256Field.limbs(a), P256Field.limbs(b));
            assertEquals(a.add(b).mod(N), P256Field.toBigInteger(r), "add " + a + " " + b);
        }
    }

    /** Scalars that reach the corners of k·G: small, n - small, powers of two and neighbours, leading zero words, extreme Booth digits. */
    static List<BigInteger> edgeScalars() {
        List<BigInteger> ks = new ArrayList<>();
        for (int i = 1; i <= 300; i++) {
            ks.add(BigInteger.valueOf(i));
            ks.add(N.subtract(BigInteger.valueOf(i)));
        }
        for (int b = 0; b < 256; b++) {
            BigInteger p2 = BigInteger.ONE.shiftLeft(b);
            for (BigInteger k : new BigInteger[] {p2, p2.subtract(BigInteger.ONE), p2.add(BigInteger.ONE),
                p2.multiply(BigInteger.valueOf(3))}) {
                if (k.signum() > 0 && k.compareTo(N) < 0) {
                    ks.add(k);
                }
            }
        }
        // every window's digit 64 and -64 (bit patterns 0111 1111 1 and 1000 0000 0), digit 0 runs
        BigInteger sevens = BigInteger.ZERO;
        for (int i = 0; i < 36; i++) {
            sevens = sevens.shiftLeft(7).or(BigInteger.valueOf(i % 2 == 0 ? 0x3f : 0x40));
            ks.add(sevens);
        }
        ks.add(BigInteger.ONE.shiftLeft(256).subtract(N)); // 2^256 - n, with a zero top word
        ks.add(N.shiftRight(1));
        ks.add(N.shiftRight(1).add(BigInteger.ONE));
        ks.add(new BigInteger("ffffffffffffffff", 16)); // one word
        ks.add(new BigInteger("ffffffffffffffffffffffffffffffff", 16)); // two words
        ks.add(new BigInteger("1000000000000000000000000000000000000000000000000", 16)); // 2^192
        return ks;
    }

    private static byte[] be(BigInteger k) {
        return Der.unsigned(k, 32);
    }

    @Test
    void mulBaseEqualsBouncyCastle() {
        Random rnd = new Random(7);
        List<BigInteger> ks = edgeScalars();
        for (int i = 0; i < 2000; i++) {
            ks.add(new BigInteger(256, rnd).mod(N.subtract(BigInteger.ONE)).add(BigInteger.ONE));
        }
        for (BigInteger k : ks) {
            byte[] expected = X9.getG().multiply(k).normalize().getEncoded(false);
            assertArrayEquals(expected, P256.publicKey(be(k)), "k = " + k.toString(16));
            // verification's variable-time twin
            P256.Jacobian j = new P256.Jacobian();
            P256.mulBasePublic(j, P256.words(be(k), 0));
            long[] zi = P256Field.create(), x = P256Field.create();
            P256Field.inv(zi, j.z);
            P256Field.sqr(zi, zi);
            P256Field.mul(x, j.x, zi);
            assertEquals(new BigInteger(1, Arrays.copyOfRange(expected, 1, 33)), plain(x), "public k = " + k.toString(16));
        }
    }

    @Test
    void ecdhEqualsBouncyCastle() {
        Random rnd = new Random(8);
        List<BigInteger> ds = edgeScalars();
        for (int i = 0; i < 600; i++) {
            ds.add(new BigInteger(256, rnd).mod(N.subtract(BigInteger.ONE)).add(BigInteger.ONE));
        }
        int i = 0;
        for (BigInteger d : ds) {
            // peers: G, -G, small multiples, random points
            BigInteger c = i < 20 ? BigInteger.valueOf(i + 1) : i < 40 ? N.subtract(BigInteger.valueOf(i - 19))
                    : new BigInteger(256, rnd).mod(N.subtract(BigInteger.ONE)).add(BigInteger.ONE);
            ECPoint q = X9.getG().multiply(c).normalize();
            byte[] expected = Der.unsigned(q.multiply(d).normalize().getAffineXCoord().toBigInteger(), 32);
            assertArrayEquals(expected, P256.ecdh(be(d), q.getAffineXCoord().toBigInteger(), q.getAffineYCoord().toBigInteger()),
                    "d = " + d.toString(16) + ", Q = " + c.toString(16) + "·G");
            i++;
        }
    }

    private static ECDSASigner bcSigner(boolean sign, BigInteger d) {
        ECDSASigner s = new ECDSASigner();
        if (sign) {
            s.init(true, new ParametersWithRandom(new ECPrivateKeyParameters(d, DOMAIN), new SecureRandom()));
        } else {
            s.init(false, new ECPublicKeyParameters(X9.getG().multiply(d).normalize(), DOMAIN));
        }
        return s;
    }

    @Test
    void signaturesVerifyBothWays() {
        Random rnd = new Random(11);
        SecureRandom random = new SecureRandom();
        List<BigInteger> ds = edgeScalars().subList(0, 40);
        ds = new ArrayList<>(ds);
        for (int i = 0; i < 1500; i++) {
            ds.add(new BigInteger(256, rnd).mod(N.subtract(BigInteger.ONE)).add(BigInteger.ONE));
        }
        int n = 0;
        for (BigInteger d : ds) {
            // digests of 20 to 64 bytes (SHA-1 to SHA-512: the longer ones cut to 256 bits), some at or above n
            byte[] h = new byte[new int[] {20, 28, 32, 48, 64}[n % 5]];
            rnd.nextBytes(h);
            if (n % 13 == 0) {
                Arrays.fill(h, (byte) 0xff);
            }
            ECPoint q = X9.getG().multiply(d).normalize();
            BigInteger qx = q.getAffineXCoord().toBigInteger();
            BigInteger qy = q.getAffineYCoord().toBigInteger();
            byte[] sig = P256.sign(be(d), h, random);
            BigInteger r = new BigInteger(1, Arrays.copyOf(sig, 32));
            BigInteger s = new BigInteger(1, Arrays.copyOfRange(sig, 32, 64));
            assertTrue(bcSigner(false, d).verifySignature(h, r, s), "BouncyCastle verifies ours, d = " + d);
            assertTrue(P256.verify(qx, qy, h, r, s), "we verify ours, d = " + d);
            BigInteger[] bc = bcSigner(true, d).generateSignature(h);
            assertTrue(P256.verify(qx, qy, h, bc[0], bc[1]), "we verify BouncyCastle's, d = " + d);
            // tampered: other digest, r or s changed, r and s swapped, out of range
            byte[] h2 = h.clone();
            h2[rnd.nextInt(Math.min(h2.length, 32))] ^= (byte) (1 << rnd.nextInt(8));
            assertFalse(P256.verify(qx, qy, h2, r, s));
            assertFalse(P256.verify(qx, qy, h, r.add(BigInteger.ONE).mod(N), s));
            assertFalse(P256.verify(qx, qy, h, r, s.add(BigInteger.ONE).mod(N)));
            assertFalse(P256.verify(qx, qy, h, s, r));
            assertFalse(P256.verify(qx, qy, h, r.add(N), s));
            assertFalse(P256.verify(qx, qy, h, r, s.add(N)));
            assertFalse(P256.verify(qx, qy, h, BigInteger.ZERO, s));
            n++;
        }
    }

    @Test
    void theJdksEcdsaVerifiesOurSignatures() throws Exception {
        // SunEC, an implementation independent of ours and of BouncyCastle's, given the digest (NONEwithECDSA)
        java.security.AlgorithmParameters ap = java.security.AlgorithmParameters.getInstance("EC");
        ap.init(new java.security.spec.ECGenParameterSpec("secp256r1"));
        java.security.spec.ECParameterSpec spec = ap.getParameterSpec(java.security.spec.ECParameterSpec.class);
        java.security.KeyFactory kf = java.security.KeyFactory.getInstance("EC");
        Random rnd = new Random(17);
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < 300; i++) {
            BigInteger d = new BigInteger(256, rnd).mod(N.subtract(BigInteger.ONE)).add(BigInteger.ONE);
            byte[] pub = P256.publicKey(be(d));
            java.security.PublicKey q = kf.generatePublic(new java.security.spec.ECPublicKeySpec(new java.security.spec.ECPoint(
                    new BigInteger(1, Arrays.copyOfRange(pub, 1, 33)), new BigInteger(1, Arrays.copyOfRange(pub, 33, 65))), spec));
            byte[] h = new byte[32];
            rnd.nextBytes(h);
            byte[] rs = P256.sign(be(d), h, random);
            java.security.Signature v = java.security.Signature.getInstance("NONEwithECDSA");
            v.initVerify(q);
            v.update(h);
            assertTrue(v.verify(Der.seq(Der.integer(new BigInteger(1, Arrays.copyOf(rs, 32))),
                    Der.integer(new BigInteger(1, Arrays.copyOfRange(rs, 32, 64))))), "d = " + d);
        }
    }

    @Test
    void signaturesAreRandomised() {
        byte[] d = be(BigInteger.valueOf(12345));
        byte[] h = new byte[32];
        assertFalse(Arrays.equals(P256.sign(d, h, new SecureRandom()), P256.sign(d, h, new SecureRandom())));
    }

    @Test
    void aSourceThatDrawsOutOfRangeIsDrawnAgain() {
        // first draws: k = 0, then k = n, then valid values
        SecureRandom scripted = new SecureRandom() {
            private int calls;

            @Override
            public void nextBytes(byte[] bytes) {
                calls++;
                if (calls == 1) {
                    Arrays.fill(bytes, (byte) 0);
                } else if (calls == 2) {
                    Arrays.fill(bytes, (byte) 1);
                    System.arraycopy(be(N), 0, bytes, 0, 32);
                } else {
                    Arrays.fill(bytes, (byte) 7);
                }
            }
        };
        BigInteger d = BigInteger.valueOf(99);
        byte[] h = new byte[32];
        byte[] sig = P256.sign(be(d), h, scripted);
        BigInteger k = new BigInteger(1, be(new BigInteger("07".repeat(32), 16)));
        BigInteger r = X9.getG().multiply(k).normalize().getAffineXCoord().toBigInteger().mod(N);
        assertEquals(r, new BigInteger(1, Arrays.copyOf(sig, 32)));
        BigInteger s = k.modInverse(N).multiply(r.multiply(d)).mod(N);
        assertEquals(s, new BigInteger(1, Arrays.copyOfRange(sig, 32, 64)));
    }

    @Test
    void verifyReachesTheInfinityAndDoublingCases() {
        // u1·G + u2·Q with Q = G: e = -r·d (u1 = -u2·d... ) gives infinity; e = r·d gives a doubling
        BigInteger d = BigInteger.ONE;
        BigInteger qx = X9.getG().getAffineXCoord().toBigInteger();
        BigInteger qy = X9.getG().getAffineYCoord().toBigInteger();
        BigInteger r = BigInteger.valueOf(5);
        BigInteger s = BigInteger.valueOf(7);
        // u1 = e/s, u2 = r/s: u1 + u2·d = 0 when e = -r (d = 1) → infinity → false
        byte[] h = be(N.subtract(r));
        assertFalse(P256.verify(qx, qy, h, r, s));
        // e = r: R = 2·(r/s)·G; the signature is valid iff x(R) mod n = r, so build r from it
        BigInteger u = BigInteger.valueOf(3);
        BigInteger x = X9.getG().multiply(u.shiftLeft(1)).normalize().getAffineXCoord().toBigInteger().mod(N);
        BigInteger s2 = x.multiply(u.modInverse(N)).mod(N); // u2 = x/s2 = u, and e = x gives u1 = u
        assertTrue(P256.verify(qx, qy, be(x), x, s2));
        assertTrue(bcSigner(false, d).verifySignature(be(x), x, s2));
        // a digest of zero: u1 = 0
        BigInteger k = BigInteger.valueOf(1234567);
        BigInteger r0 = X9.getG().multiply(k).normalize().getAffineXCoord().toBigInteger().mod(N);
        BigInteger s0 = k.modInverse(N).multiply(r0.multiply(d)).mod(N);
        assertTrue(P256.verify(qx, qy, new byte[32], r0, s0));
    }
}
