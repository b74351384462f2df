package dev.nodeshim.crypto;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An RSA key (PKCS#1, RFC 8017), for {@code rsa} and {@code rsa-pss}. A private key holds the CRT
 * numbers (n, e, d, p, q, dp, dq, qi); a public key n and e. An rsa-pss key may carry PSS
 * restrictions ({@link Pss}: hash, MGF1 hash, minimum salt length), written into its
 * AlgorithmIdentifier as OpenSSL writes them (defaults omitted).
 */
final class RsaKey extends KeyData {
    /** RSASSA-PSS-params: the hash, the MGF1 hash and the salt length a restricted key is for. */
    record Pss(String hash, String mgf1Hash, int saltLength) {
        byte[] encode() {
            List<byte[]> parts = new ArrayList<>();
            if (!hash.equals("sha1")) {
                parts.add(Der.explicit(0, hashAlgorithm(hash)));
            }
            if (!mgf1Hash.equals("sha1")) {
                parts.add(Der.explicit(1, Der.seq(Der.oid(Oids.MGF1), hashAlgorithm(mgf1Hash))));
            }
            if (saltLength != 20) {
                parts.add(Der.explicit(2, Der.integer(saltLength)));
            }
            return Der.seq(parts);
        }

        static byte[] hashAlgorithm(String hash) {
            return Der.seq(Der.oid(Oids.HASHES.get(hash)), Der.nul());
        }

        static Pss decode(Der.Tlv params) throws Der.Malformed {
            String hash = "sha1";
            String mgf1 = "sha1";
            int salt = 20;
            Der.Reader r = params.reader();
            while (r.more()) {
                Der.Tlv t = r.next();
                Der.Reader inner = t.reader();
                switch (t.tag()) {
                    case 0xa0 -> hash = hashName(inner.next(Der.SEQUENCE));
                    case 0xa1 -> {
                        Der.Reader mgf = inner.next(Der.SEQUENCE).reader();
                        if (!mgf.next().oid().equals(Oids.MGF1)) {
                            throw new Der.Malformed("mgf");
                        }
                        mgf1 = hashName(mgf.next(Der.SEQUENCE));
                    }
                    case 0xa2 -> salt = inner.next().smallInt();
                    case 0xa3 -> inner.next().smallInt();
                    default -> throw new Der.Malformed("pss");
                }
            }
            return new Pss(hash, mgf1, salt);
        }

        private static String hashName(Der.Tlv algorithm) throws Der.Malformed {
            String name = Oids.nameOf(Oids.HASHES, algorithm.reader().next().oid());
            if (name == null) {
                throw new Der.Malformed("hash");
            }
            return name;
        }
    }

    final boolean pss;
    /** The PSS restrictions of an rsa-pss key, or null (none, or an rsa key). */
    final Pss params;
    final BigInteger n;
    final BigInteger e;
    final BigInteger d;
    final BigInteger p;
    final BigInteger q;
    final BigInteger dp;
    final BigInteger dq;
    final BigInteger qi;

    RsaKey(boolean pss, Pss params, BigInteger n, BigInteger e, BigInteger d, BigInteger p, BigInteger q,
            BigInteger dp, BigInteger dq, BigInteger qi) {
        this.pss = pss;
        this.params = params;
        this.n = n;
        this.e = e;
        this.d = d;
        this.p = p;
        this.q = q;
        this.dp = dp;
        this.dq = dq;
        this.qi = qi;
    }

    static RsaKey publicKey(boolean pss, Pss params, BigInteger n, BigInteger e) {
        return new RsaKey(pss, params, n, e, null, null, null, null, null, null);
    }

    @Override
    String type() {
        return pss ? "rsa-pss" : "rsa";
    }

    @Override
    boolean isPrivate() {
        return d != null;
    }

    @Override
    KeyData publicPart() {
        return isPrivate() ? publicKey(pss, params, n, e) : this;
    }

    private volatile java.security.Key jcaPrivate;
    private volatile java.security.Key jcaPublic;

    /** The JDK's key for the raw private operation (made once). */
    java.security.Key jcaPrivate() {
        java.security.Key k = jcaPrivate;
        if (k == null) {
            jcaPrivate = k = Rsa.jcaPrivate(this);
        }
        return k;
    }

    java.security.Key jcaPublic() {
        java.security.Key k = jcaPublic;
        if (k == null) {
            jcaPublic = k = Rsa.jcaPublic(this);
        }
        return k;
    }

    /** The modulus length in bytes. */
    int size() {
        return (n.bitLength() + 7) / 8;
    }

    private byte[] algorithm() {
        if (!pss) {
            return algorithm(Oids.RSA, Der.nul());
        }
        return algorithm(Oids.RSA_PSS, params == null ? null : params.encode());
    }

    /** RSAPublicKey: SEQUENCE {n, e}. */
    byte[] pkcs1Public() {
        return Der.seq(Der.integer(n), Der.integer(e));
    }

    /** RSAPrivateKey: SEQUENCE {0, n, e, d, p, q, dp, dq, qi}. */
    byte[] pkcs1Private() {
        return Der.seq(Der.integer(0), Der.integer(n), Der.integer(e), Der.integer(d), Der.integer(p),
                Der.integer(q), Der.integer(dp), Der.integer(dq), Der.integer(qi));
    }

    @Override
    byte[] spki() {
        return spki(algorithm(), pkcs1Public());
    }

    @Override
    byte[] pkcs8() {
        return pkcs8(algorithm(), pkcs1Private());
    }

    @Override
    AsymmetricKeyDetails details() {
        if (params == null) {
            return new AsymmetricKeyDetails(n.bitLength(), e, null, null, null, null, null);
        }
        return new AsymmetricKeyDetails(n.bitLength(), e, params.hash(), params.mgf1Hash(), params.saltLength(),
                null, null);
    }

    @Override
    Map<String, Object> jwk() {
        if (pss) {
            throw KeyErrors.jwkUnsupportedKeyType();
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kty", "RSA");
        m.put("n", Jwk.b64(n));
        m.put("e", Jwk.b64(e));
        if (isPrivate()) {
            m.put("d", Jwk.b64(d));
            m.put("p", Jwk.b64(p));
            m.put("q", Jwk.b64(q));
            m.put("dp", Jwk.b64(dp));
            m.put("dq", Jwk.b64(dq));
            m.put("qi", Jwk.b64(qi));
        }
        return m;
    }

    /** Parses RSAPublicKey. */
    static RsaKey parsePkcs1Public(boolean pss, Pss params, byte[] der) throws Der.Malformed {
        Der.Reader r = Der.parse(der, Der.SEQUENCE).reader();
        BigInteger n = r.next().integer();
        BigInteger e = r.next().integer();
        r.end();
        return publicKey(pss, params, n, e);
    }

    /** Parses RSAPrivateKey (two-prime; OpenSSL's multi-prime keys are refused). */
    static RsaKey parsePkcs1Private(boolean pss, Pss params, byte[] der) throws Der.Malformed {
        Der.Reader r = Der.parse(der, Der.SEQUENCE).reader();
        if (r.next().smallInt() != 0) {
            throw new Der.Malformed("version");
        }
        BigInteger[] v = new BigInteger[8];
        for (int i = 0; i < 8; i++) {
            v[i] = r.next().integer();
        }
        r.end();
        return new RsaKey(pss, params, v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]);
    }
}
