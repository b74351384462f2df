package dev.nodeshim.crypto;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bouncycastle.math.ec.ECPoint;

/**
 * An EC key (SEC 1) on a named {@link Curve}: the public point in the form it was given (OpenSSL
 * keeps a compressed point compressed when it exports it again) and, for a private key, the scalar.
 */
final class EcKey extends KeyData {
    final Curve curve;
    /** The encoded public point (0x04 x y, or 0x02/0x03 x). */
    final byte[] point;
    final BigInteger d;

    EcKey(Curve curve, byte[] point, BigInteger d) {
        this.curve = curve;
        this.point = point;
        this.d = d;
    }

    @Override
    String type() {
        return "ec";
    }

    @Override
    boolean isPrivate() {
        return d != null;
    }

    @Override
    KeyData publicPart() {
        return isPrivate() ? new EcKey(curve, point, null) : this;
    }

    private byte[] algorithm() {
        return algorithm(Oids.EC, Der.oid(curve.oid));
    }

    @Override
    byte[] spki() {
        return spki(algorithm(), point);
    }

    /** ECPrivateKey inside PKCS#8: no parameters (they are in the AlgorithmIdentifier), the public key. */
    @Override
    byte[] pkcs8() {
        return pkcs8(algorithm(), Der.seq(Der.integer(1), Der.octets(Der.unsigned(d, curve.size)),
                Der.explicit(1, Der.bits(point))));
    }

    /** ECPrivateKey on its own (SEC 1): with the curve's OID and the public key. */
    byte[] sec1() {
        return Der.seq(Der.integer(1), Der.octets(Der.unsigned(d, curve.size)), Der.explicit(0, Der.oid(curve.oid)),
                Der.explicit(1, Der.bits(point)));
    }

    @Override
    AsymmetricKeyDetails details() {
        return new AsymmetricKeyDetails(null, null, null, null, null, null, curve.openssl);
    }

    /** The public point, decoded. */
    ECPoint q() {
        try {
            return curve.decode(point);
        } catch (Der.Malformed e) {
            throw new IllegalStateException("a checked point no longer decodes", e);
        }
    }

    @Override
    Map<String, Object> jwk() {
        if (curve.jwk == null) {
            throw KeyErrors.jwkUnsupportedCurve(curve.openssl);
        }
        ECPoint q = q();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kty", "EC");
        m.put("x", Jwk.b64(Der.unsigned(q.getAffineXCoord().toBigInteger(), curve.size)));
        m.put("y", Jwk.b64(Der.unsigned(q.getAffineYCoord().toBigInteger(), curve.size)));
        m.put("crv", curve.jwk);
        if (isPrivate()) {
            m.put("d", Jwk.b64(Der.unsigned(d, curve.size)));
        }
        return m;
    }

    /**
     * Parses ECPrivateKey; {@code curve} comes from the PKCS#8 AlgorithmIdentifier, or null for SEC 1
     * (where the key's own [0] parameters name it). A missing public key is computed from d.
     */
    static EcKey parseSec1(Curve curve, byte[] der) throws Der.Malformed {
        Der.Reader r = Der.parse(der, Der.SEQUENCE).reader();
        if (r.next().smallInt() != 1) {
            throw new Der.Malformed("version");
        }
        byte[] priv = r.next().octets();
        byte[] pub = null;
        while (r.more()) {
            Der.Tlv t = r.next();
            if (t.tag() == 0xa0) {
                Curve named = Curve.byOid(t.reader().next().oid());
                if (named == null || (curve != null && curve != named)) {
                    throw new Der.Malformed("curve");
                }
                curve = named;
            } else if (t.tag() == 0xa1) {
                pub = t.reader().next().bits();
            }
        }
        if (curve == null) {
            throw new Der.Malformed("curve");
        }
        BigInteger d = new BigInteger(1, priv);
        if (d.signum() == 0 || d.compareTo(curve.order()) >= 0) {
            throw new Der.Malformed("scalar");
        }
        if (pub == null) {
            pub = curve.publicOf(d);
        } else {
            curve.decode(pub);
        }
        return new EcKey(curve, pub, d);
    }
}
