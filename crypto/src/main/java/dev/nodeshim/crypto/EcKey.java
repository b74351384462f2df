package dev.nodeshim.crypto;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bouncycastle.math.ec.ECPoint;

/**
 * An EC key (SEC 1) on a {@link Curve}: the public point in the form it was given (OpenSSL
 * keeps a compressed point compressed when it exports it again), for a private key the scalar, and
 * whether its parameters are written explicitly (a key generated with {@code paramEncoding:
 * 'explicit'} or read with explicit parameters keeps that encoding, as OpenSSL's does).
 */
final class EcKey extends KeyData {
    final Curve curve;
    /** The encoded public point (0x04 x y, or 0x02/0x03 x). */
    final byte[] point;
    final BigInteger d;
    /** The ECParameters every encoding writes instead of the curve's OID, or null (named encoding). */
    final byte[] explicit;

    EcKey(Curve curve, byte[] point, BigInteger d) {
        this(curve, point, d, null);
    }

    EcKey(Curve curve, byte[] point, BigInteger d, byte[] explicit) {
        this.curve = curve;
        this.point = point;
        this.d = d;
        this.explicit = explicit;
    }

    /**
     * SEC 1's [0]: the curve's OID, or OpenSSL's ECParameters of the curve the key is named after (not
     * the seedless twin's that pkcs8 and spki keep: a WTLS 12 key read back writes P-224's seed here).
     */
    private byte[] sec1Parameters() {
        if (explicit == null) {
            return curve.namedParameters();
        }
        return curve.openssl.equals(Curve.UNDEF) ? explicit.clone() : curve.explicitParameters();
    }

    /** The AlgorithmIdentifier parameters: ECParameters, or the curve's OID. */
    private byte[] parameters() {
        return explicit != null ? explicit.clone() : curve.namedParameters();
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
        return isPrivate() ? new EcKey(curve, point, null, explicit) : this;
    }

    private byte[] algorithm() {
        return algorithm(Oids.EC, parameters());
    }

    @Override
    byte[] spki() {
        return spki(algorithm(), point);
    }

    /** ECPrivateKey inside PKCS#8: no parameters (they are in the AlgorithmIdentifier), the public key. */
    @Override
    byte[] pkcs8() {
        return pkcs8(algorithm(), Der.seq(Der.integer(1), Der.octets(Der.unsigned(d, curve.orderSize)),
                Der.explicit(1, Der.bits(point))));
    }

    /**
     * ECPrivateKey on its own (SEC 1): with the curve's OID (or ECParameters) and the public key. A
     * curve without OID fails here with the EC library's {@code missing OID}, not the provider's.
     */
    byte[] sec1() {
        if (explicit == null && curve.oid == null) {
            throw CryptoErrors.openssl("ERR_OSSL_EC_MISSING_OID", "080000A7", "elliptic curve routines",
                    "missing OID");
        }
        return Der.seq(Der.integer(1), Der.octets(Der.unsigned(d, curve.orderSize)),
                Der.explicit(0, sec1Parameters()), Der.explicit(1, Der.bits(point)));
    }

    @Override
    AsymmetricKeyDetails details() {
        return new AsymmetricKeyDetails(null, null, null, null, null, null, curve.openssl);
    }

    /**
     * The same key as OpenSSL compares them: the same group (named or explicit alike), the same point
     * (in any encoding) and scalar.
     */
    @Override
    boolean sameKey(KeyData other) {
        return other instanceof EcKey o && isPrivate() == o.isPrivate() && curve.sameAs(o.curve)
                && q().equals(o.q()) && java.util.Objects.equals(d, o.d);
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
            m.put("d", Jwk.b64(Der.unsigned(d, curve.orderSize)));
        }
        return m;
    }

    /**
     * The curve of EC parameters (an AlgorithmIdentifier's, or SEC 1's [0]): a named curve's OID, or
     * ECParameters (then {@code explicit[0]} is what the key's exports write); null for an OID no curve has.
     */
    static Curve curveOf(Der.Tlv params, byte[][] explicit) throws Der.Malformed {
        if (params.tag() == Der.SEQUENCE) {
            Curve.Explicit e = Curve.byParameters(params.encoded());
            explicit[0] = e.encoding();
            return e.curve();
        }
        return Curve.byOid(params.oid());
    }

    /**
     * Whether a failed read is about the curve (a point off it, parameters that make no curve): OpenSSL
     * reads the structure, then its EC decoder refuses the key ({@code decode error}).
     */
    static boolean isCurveError(Der.Malformed e) {
        return e.getMessage().equals("point") || e.getMessage().equals("ec parameters");
    }

    static EcKey parseSec1(Curve curve, byte[] der) throws Der.Malformed {
        return parseSec1(curve, null, der);
    }

    /**
     * Parses ECPrivateKey; {@code curve} comes from the PKCS#8 AlgorithmIdentifier ({@code explicit}:
     * given there as ECParameters), or null for SEC 1 (where the key's own [0] parameters name it). A
     * missing public key is computed from d.
     */
    static EcKey parseSec1(Curve curve, byte[] explicit, byte[] der) throws Der.Malformed {
        Der.Reader r = Der.parse(der, Der.SEQUENCE).reader();
        if (r.next().smallInt() != 1) {
            throw new Der.Malformed("version");
        }
        byte[] priv = r.next().octets();
        byte[] pub = null;
        while (r.more()) {
            Der.Tlv t = r.next();
            if (t.tag() == 0xa0) {
                byte[][] ex = {null};
                Curve named = curveOf(t.reader().next(), ex);
                if (named == null || (curve != null && !curve.sameAs(named))) {
                    throw new Der.Malformed("curve");
                }
                if (curve == null) {
                    explicit = ex[0];
                    curve = named;
                }
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
        return new EcKey(curve, pub, d, explicit);
    }
}
