package dev.nodeshim.crypto;

import java.math.BigInteger;
import java.util.Locale;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECPoint;

/**
 * The named curves of EC keys: OpenSSL's name (what Node's {@code namedCurve} shows), OID, JWK name
 * and size, and the point arithmetic key handling needs (decoding and checking a public point,
 * deriving a public key from a private scalar) and ECDSA, on BouncyCastle's curve classes.
 */
enum Curve {
    P256("prime256v1", "1.2.840.10045.3.1.7", "P-256", 32, "secp256r1", "secp256r1", "p-256"),
    P384("secp384r1", "1.3.132.0.34", "P-384", 48, "secp384r1", "secp384r1", "p-384"),
    P521("secp521r1", "1.3.132.0.35", "P-521", 66, "secp521r1", "secp521r1", "p-521"),
    K256("secp256k1", "1.3.132.0.10", "secp256k1", 32, null, "secp256k1"),
    P224("secp224r1", "1.3.132.0.33", null, 28, null, "secp224r1", "p-224");

    final String openssl;
    final String oid;
    /** The JWK {@code crv}, or null for a curve JWK cannot name. */
    final String jwk;
    /** Bytes of a coordinate or scalar. */
    final int size;
    /** The JDK's name for the curve where SunEC has it on every supported JDK, else null (Java interop). */
    final String jca;
    private final String bcName;
    private final String[] aliases;
    private volatile X9ECParameters params;
    private volatile org.bouncycastle.crypto.params.ECDomainParameters domain;

    Curve(String openssl, String oid, String jwk, int size, String jca, String bcName, String... aliases) {
        this.openssl = openssl;
        this.oid = oid;
        this.jwk = jwk;
        this.size = size;
        this.jca = jca;
        this.bcName = bcName;
        this.aliases = aliases;
    }

    /** The curve for a name Node accepts as {@code namedCurve} (OpenSSL's names, NIST's, any case), or null. */
    static Curve byName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (Curve c : values()) {
            if (c.openssl.equals(n) || c.bcName.equals(n)) {
                return c;
            }
            for (String a : c.aliases) {
                if (a.equals(n)) {
                    return c;
                }
            }
        }
        return null;
    }

    static Curve byOid(String oid) {
        for (Curve c : values()) {
            if (c.oid.equals(oid)) {
                return c;
            }
        }
        return null;
    }

    static Curve byJwk(String crv) {
        for (Curve c : values()) {
            if (crv.equals(c.jwk)) {
                return c;
            }
        }
        return null;
    }

    X9ECParameters params() {
        X9ECParameters p = params;
        if (p == null) {
            p = CustomNamedCurves.getByName(bcName);
            params = p;
        }
        return p;
    }

    /** The domain parameters for BouncyCastle's ECDSA (made once; its base point keeps its comb table). */
    org.bouncycastle.crypto.params.ECDomainParameters domain() {
        org.bouncycastle.crypto.params.ECDomainParameters d = domain;
        if (d == null) {
            d = new org.bouncycastle.crypto.params.ECDomainParameters(params());
            domain = d;
        }
        return d;
    }

    BigInteger order() {
        return params().getN();
    }

    /** Decodes and checks a public point (compressed or not). */
    ECPoint decode(byte[] encoded) throws Der.Malformed {
        try {
            ECPoint q = params().getCurve().decodePoint(encoded);
            if (q.isInfinity() || !q.isValid()) {
                throw new Der.Malformed("point");
            }
            return q.normalize();
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new Der.Malformed("point");
        }
    }

    /** The uncompressed encoding of {@code d·G}. */
    byte[] publicOf(BigInteger d) {
        return params().getG().multiply(d).normalize().getEncoded(false);
    }

    ECPoint point(BigInteger x, BigInteger y) throws Der.Malformed {
        try {
            ECPoint q = params().getCurve().createPoint(x, y);
            if (!q.isValid()) {
                throw new Der.Malformed("point");
            }
            return q;
        } catch (IllegalArgumentException e) {
            throw new Der.Malformed("point");
        }
    }
}
