package dev.nodeshim.crypto;

import dev.nodeshim.errors.NodeError;
import java.math.BigInteger;

/**
 * Signing and verification for every key family Node signs with, given the message digest (RSA, ECDSA,
 * DSA) or the whole message (EdDSA, which hashes inside), and the options of Node's key argument
 * ({@code padding}, {@code saltLength}, {@code dsaEncoding}).
 *
 * <p>Which code runs: RSA on {@link Rsa} (the JDK's raw RSA); ECDSA on P-256 on {@link P256}, on the
 * other curves on BouncyCastle's {@code ECDSASigner} ({@link BcSigner}, which says why not the JDK's); DSA here on BigInteger (FIPS 186-4, a fresh random k); Ed25519 and Ed448 on
 * BouncyCastle's RFC 8032 code. (EC)DSA signatures are randomised, as OpenSSL's are; RSA PKCS#1 v1.5
 * and EdDSA signatures are deterministic and equal Node's bytes.
 */
final class Signer {
    /** Node's resolved options of one sign or verify call. */
    record Options(Integer padding, Integer saltLength, boolean p1363) {
    }

    private Signer() {
    }

    /** The digest a key signs with: the given name, or the key's default (sha256; an rsa-pss key's own hash). */
    static Registry.HashSpec digestFor(KeyData key, String algorithm) {
        if (key instanceof OkpKey k) {
            if (k.kind == OkpKey.Kind.X25519 || k.kind == OkpKey.Kind.X448) {
                throw notSupportedForKeyType();
            }
            if (algorithm != null) {
                throw CryptoErrors.openssl("ERR_OSSL_INVALID_DIGEST", "1C80007A", "Provider routines", "invalid digest");
            }
            return null;
        }
        String name = algorithm;
        if (name == null) {
            name = key instanceof RsaKey r && r.params != null ? r.params.hash() : "sha256";
        }
        Registry.HashSpec spec = Registry.hash(name);
        if (spec == null) {
            throw Registry.legacyHash(name) ? CryptoErrors.unsupported() : CryptoErrors.invalidDigest(name);
        }
        return spec;
    }

    static NodeError notSupportedForKeyType() {
        return CryptoErrors.openssl("ERR_OSSL_EVP_OPERATION_NOT_SUPPORTED_FOR_THIS_KEYTYPE", "03000096",
                "digital envelope routines", "operation not supported for this keytype");
    }

    /** Signs a digest {@code h} (made with {@code hash}) or, for EdDSA ({@code hash} null), the message. */
    static byte[] sign(KeyData key, Registry.HashSpec hash, byte[] h, Options o) {
        if (key instanceof RsaKey r) {
            return signRsa(r, hash, h, o);
        }
        if (key instanceof EcKey e) {
            if (!e.curve.order().testBit(0)) {
                // the Oakley curves: OpenSSL makes keys on them, but their order is even and ECDSA's
                // inverse modulo it fails (its error, observed with Node 20)
                throw CryptoErrors.openssl("ERR_OSSL_EC_BN_LIB", "08080003", "elliptic curve routines", "BN lib");
            }
            if (e.curve.isP256()) {
                byte[] rs = P256.sign(Der.unsigned(e.d, 32), h, Randoms.RANDOM);
                return o.p1363() ? rs : Der.seq(Der.integer(new BigInteger(1, java.util.Arrays.copyOf(rs, 32))),
                        Der.integer(new BigInteger(1, java.util.Arrays.copyOfRange(rs, 32, 64))));
            }
            byte[] der = BcSigner.signEc(e, h);
            return o.p1363() ? derToP1363(der, e.curve.orderSize) : der;
        }
        if (key instanceof DsaKey d) {
            BigInteger[] rs = signDsa(d, h);
            int n = (d.q.bitLength() + 7) / 8;
            return o.p1363() ? Der.cat(Der.unsigned(rs[0], n), Der.unsigned(rs[1], n))
                    : Der.seq(Der.integer(rs[0]), Der.integer(rs[1]));
        }
        // x25519, x448 and dh keys cannot sign
        if (key instanceof OkpKey k && (k.kind == OkpKey.Kind.ED25519 || k.kind == OkpKey.Kind.ED448)) {
            return BcSigner.signEdDsa(k, h);
        }
        throw notSupportedForKeyType();
    }

    static boolean verify(KeyData key, Registry.HashSpec hash, byte[] h, byte[] sig, Options o) {
        if (key instanceof RsaKey r) {
            return verifyRsa(r, hash, h, sig, o);
        }
        if (key instanceof EcKey e) {
            byte[] der = o.p1363() ? p1363ToDer(sig, e.curve.orderSize) : sig;
            if (der != null && e.curve.isP256()) {
                BigInteger[] rs = parseDer(der);
                return rs != null && P256.verify(e, h, rs[0], rs[1]);
            }
            // an even order (the Oakley curves) verifies nothing, as in Node
            return der != null && e.curve.order().testBit(0) && BcSigner.verifyEc(e, h, der);
        }
        if (key instanceof DsaKey d) {
            int n = (d.q.bitLength() + 7) / 8;
            BigInteger[] rs = o.p1363() ? (sig.length == 2 * n ? new BigInteger[] {
                new BigInteger(1, java.util.Arrays.copyOf(sig, n)),
                new BigInteger(1, java.util.Arrays.copyOfRange(sig, n, 2 * n))} : null) : parseDer(sig);
            return rs != null && verifyDsa(d, h, rs);
        }
        if (key instanceof OkpKey k && (k.kind == OkpKey.Kind.ED25519 || k.kind == OkpKey.Kind.ED448)) {
            return BcSigner.verifyEdDsa(k, h, sig);
        }
        throw notSupportedForKeyType();
    }

    // ------------------------------------------------------------------------------------------------
    // RSA

    private static int padding(RsaKey r, Options o) {
        int p = o.padding() == null ? (r.pss ? CryptoConstants.RSA_PKCS1_PSS_PADDING : CryptoConstants.RSA_PKCS1_PADDING)
                : o.padding();
        if (p == CryptoConstants.RSA_NO_PADDING) {
            throw Rsa.providerError("ERR_OSSL_INVALID_PADDING_MODE", "1C8000A8", "invalid padding mode");
        }
        if ((p != CryptoConstants.RSA_PKCS1_PADDING && p != CryptoConstants.RSA_PKCS1_PSS_PADDING
                && p != CryptoConstants.RSA_X931_PADDING)
                || (r.pss && p != CryptoConstants.RSA_PKCS1_PSS_PADDING)) {
            throw Rsa.providerError("ERR_OSSL_ILLEGAL_OR_UNSUPPORTED_PADDING_MODE", "1C8000A5",
                    "illegal or unsupported padding mode");
        }
        return p;
    }

    /** A restricted rsa-pss key signs only with its own hash. */
    private static void checkRestrictedHash(RsaKey r, Registry.HashSpec hash) {
        Rsa.checkDigest(hash.name());
        if (r.params != null && !r.params.hash().equals(hash.name())) {
            throw Rsa.providerError("ERR_OSSL_DIGEST_NOT_ALLOWED", "1C8000AE", "digest not allowed");
        }
    }

    private static Registry.HashSpec mgf1(RsaKey r, Registry.HashSpec hash) {
        return r.params == null ? hash : Registry.hash(r.params.mgf1Hash());
    }

    private static byte[] signRsa(RsaKey r, Registry.HashSpec hash, byte[] h, Options o) {
        int p = padding(r, o);
        checkRestrictedHash(r, hash);
        if (p == CryptoConstants.RSA_PKCS1_PADDING) {
            return Rsa.signPkcs1(r, hash.name(), h);
        }
        if (p == CryptoConstants.RSA_X931_PADDING) {
            return Rsa.signX931(r, hash.name(), h);
        }
        int given = o.saltLength() != null ? o.saltLength()
                : r.params != null ? r.params.saltLength() : CryptoConstants.RSA_PSS_SALTLEN_MAX_SIGN;
        int sLen = Rsa.signSaltLength(r, hash.size(), given);
        return Rsa.signPss(r, hash, mgf1(r, hash), h, sLen);
    }

    private static boolean verifyRsa(RsaKey r, Registry.HashSpec hash, byte[] h, byte[] sig, Options o) {
        int p = padding(r, o);
        checkRestrictedHash(r, hash);
        if (p == CryptoConstants.RSA_PKCS1_PADDING) {
            return Rsa.verifyPkcs1(r, hash.name(), h, sig);
        }
        if (p == CryptoConstants.RSA_X931_PADDING) {
            return Rsa.verifyX931(r, hash.name(), h, sig);
        }
        int sLen = o.saltLength() != null ? o.saltLength() : CryptoConstants.RSA_PSS_SALTLEN_AUTO;
        if (sLen < -3) {
            throw Rsa.providerError("ERR_OSSL_INVALID_SALT_LENGTH", "1C800070", "invalid salt length");
        }
        return Rsa.verifyPss(r, hash, mgf1(r, hash), h, sig, sLen);
    }

    // ------------------------------------------------------------------------------------------------
    // ECDSA

    /** SEQUENCE {r, s} with both positive, strictly DER; null otherwise. */
    static BigInteger[] parseDer(byte[] der) {
        try {
            Der.Reader r = Der.parse(der, Der.SEQUENCE).reader();
            BigInteger a = r.next().integer();
            BigInteger b = r.next().integer();
            r.end();
            if (a.signum() <= 0 || b.signum() <= 0 || !java.util.Arrays.equals(der, Der.seq(Der.integer(a), Der.integer(b)))) {
                return null;
            }
            return new BigInteger[] {a, b};
        } catch (Der.Malformed e) {
            return null;
        }
    }

    static byte[] derToP1363(byte[] der, int n) {
        BigInteger[] rs = parseDer(der);
        return Der.cat(Der.unsigned(rs[0], n), Der.unsigned(rs[1], n));
    }

    static byte[] p1363ToDer(byte[] sig, int n) {
        if (sig.length != 2 * n) {
            return null;
        }
        BigInteger r = new BigInteger(1, java.util.Arrays.copyOf(sig, n));
        BigInteger s = new BigInteger(1, java.util.Arrays.copyOfRange(sig, n, 2 * n));
        return Der.seq(Der.integer(r), Der.integer(s));
    }

    // ------------------------------------------------------------------------------------------------
    // DSA (FIPS 186-4 4.6, 4.7)

    /** The leftmost min(N, outlen) bits of the digest, as an integer. */
    private static BigInteger truncate(byte[] h, BigInteger q) {
        BigInteger z = new BigInteger(1, h);
        int excess = h.length * 8 - q.bitLength();
        return excess > 0 ? z.shiftRight(excess) : z;
    }

    private static BigInteger[] signDsa(DsaKey d, byte[] h) {
        BigInteger z = truncate(h, d.q);
        while (true) {
            BigInteger k = new BigInteger(d.q.bitLength() + 64, Randoms.RANDOM).mod(d.q.subtract(BigInteger.ONE))
                    .add(BigInteger.ONE);
            BigInteger r = d.g.modPow(k, d.p).mod(d.q);
            if (r.signum() == 0) {
                continue;
            }
            BigInteger s = k.modInverse(d.q).multiply(z.add(d.x.multiply(r))).mod(d.q);
            if (s.signum() != 0) {
                return new BigInteger[] {r, s};
            }
        }
    }

    private static boolean verifyDsa(DsaKey d, byte[] h, BigInteger[] rs) {
        BigInteger r = rs[0];
        BigInteger s = rs[1];
        if (r.signum() <= 0 || s.signum() <= 0 || r.compareTo(d.q) >= 0 || s.compareTo(d.q) >= 0) {
            return false;
        }
        BigInteger w = s.modInverse(d.q);
        BigInteger u1 = truncate(h, d.q).multiply(w).mod(d.q);
        BigInteger u2 = r.multiply(w).mod(d.q);
        BigInteger v = d.g.modPow(u1, d.p).multiply(d.y.modPow(u2, d.p)).mod(d.p).mod(d.q);
        return v.equals(r);
    }
}
