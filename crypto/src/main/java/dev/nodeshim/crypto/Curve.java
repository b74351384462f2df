package dev.nodeshim.crypto;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.encoders.Hex;

/**
 * The curves of EC keys: every curve of Node 20's {@code getCurves()} (82, binary ones too, as
 * OpenSSL 3 makes keys on all of them), plus a curve a key brings as explicit parameters that match
 * none of them (OpenSSL names it {@code UNDEF}). Per curve: OpenSSL's name (what
 * {@code asymmetricKeyDetails.namedCurve} shows), the OID its named encoding writes (none for the
 * Oakley curves: OpenSSL's {@code missing OID}), the ECParameters its explicit encoding writes, the JWK
 * name where Node has one, sizes, and the point arithmetic on {@link EcdhCurves}' parameters.
 *
 * <p>The OIDs and OpenSSL's explicit encodings are in {@code ec-params.tsv} (written by
 * {@code src/test/node/ec-params.js}): OpenSSL keeps the X9.62 seed on curves where BouncyCastle's
 * tables have none and drops it on others, so its bytes are not BouncyCastle's.
 */
final class Curve {
    /** Name of a curve given as explicit parameters that no named curve has, as OpenSSL shows it. */
    static final String UNDEF = "UNDEF";

    /** Node's own aliases for {@code namedCurve}, NIST's names (case-sensitive, as Node's). */
    private static final Map<String, String> NIST = Map.ofEntries(Map.entry("P-192", "prime192v1"),
            Map.entry("P-224", "secp224r1"), Map.entry("P-256", "prime256v1"), Map.entry("P-384", "secp384r1"),
            Map.entry("P-521", "secp521r1"), Map.entry("B-163", "sect163r2"), Map.entry("K-163", "sect163k1"),
            Map.entry("B-233", "sect233r1"), Map.entry("K-233", "sect233k1"), Map.entry("B-283", "sect283r1"),
            Map.entry("K-283", "sect283k1"), Map.entry("B-409", "sect409r1"), Map.entry("K-409", "sect409k1"),
            Map.entry("B-571", "sect571r1"), Map.entry("K-571", "sect571k1"));

    /** The curves a JWK names, and the JDK's name where SunEC has the curve on every supported JDK. */
    private static final Map<String, String[]> JWK = Map.of("prime256v1", new String[] {"P-256", "secp256r1"},
            "secp384r1", new String[] {"P-384", "secp384r1"}, "secp521r1", new String[] {"P-521", "secp521r1"},
            "secp256k1", new String[] {"secp256k1", null});

    private static volatile Map<String, Curve> named;

    final String openssl;
    /** The OID of the named encoding, or null where OpenSSL has none. */
    final String oid;
    /** The JWK {@code crv}, or null for a curve JWK cannot name. */
    final String jwk;
    /** Bytes of a field element (a coordinate, an ECDH secret). */
    final int size;
    /** Bytes of the order (a private scalar, half of an IEEE P1363 signature). */
    final int orderSize;
    /** The JDK's name for the curve where SunEC has it on every supported JDK, else null (Java interop). */
    final String jca;
    /** ECParameters as OpenSSL's explicit encoding writes them. */
    private final byte[] explicit;
    private final EcdhCurves.Params params;
    private volatile org.bouncycastle.crypto.params.ECDomainParameters domain;

    private Curve(String openssl, String oid, byte[] explicit, EcdhCurves.Params params) {
        this.openssl = openssl;
        this.oid = oid;
        this.explicit = explicit;
        this.params = params;
        String[] j = JWK.get(openssl);
        this.jwk = j == null ? null : j[0];
        this.jca = j == null ? null : j[1];
        this.size = params.fieldBytes();
        this.orderSize = (params.order().bitLength() + 7) / 8;
    }

    /** The curve for a name Node accepts as {@code namedCurve} (OpenSSL's names and NIST's, case-sensitive), or null. */
    static Curve byName(String name) {
        return named().get(NIST.getOrDefault(name, name));
    }

    static Curve byOid(String oid) {
        for (Curve c : named().values()) {
            if (oid.equals(c.oid)) {
                return c;
            }
        }
        return null;
    }

    static Curve byJwk(String crv) {
        for (Curve c : named().values()) {
            if (crv.equals(c.jwk)) {
                return c;
            }
        }
        return null;
    }

    /** A key's explicit parameters read: the curve they make, and the ECParameters its exports write. */
    record Explicit(Curve curve, byte[] encoding) {
    }

    /**
     * The curve of explicit parameters (an ECParameters TLV): the first named curve, in
     * {@code getCurves()} order, with the same field, equation, base point, order and cofactor
     * (OpenSSL ignores the seed when it matches, and names a WTLS curve by its SEC twin), else an
     * {@link #UNDEF} curve of those parameters. The key then exports OpenSSL's encoding of the curve
     * whose seed is the one given (a WTLS twin without seed, say), else of the curve it was named.
     */
    static Explicit byParameters(byte[] der) throws Der.Malformed {
        X9ECParameters x9;
        ECPoint g;
        try {
            x9 = X9ECParameters.getInstance(der);
            g = EcdhCurves.loose(x9.getCurve()).decodePoint(x9.getBaseEntry().getPointEncoding()).normalize();
        } catch (RuntimeException e) {
            throw new Der.Malformed("ec parameters");
        }
        if (x9.getN() == null || x9.getN().signum() <= 0 || g.isInfinity() || !g.isValid()) {
            throw new Der.Malformed("ec parameters");
        }
        byte[] gEncoded = g.getEncoded(false);
        Curve first = null;
        for (Curve c : named().values()) {
            EcdhCurves.Params p = c.params;
            if (p.x9().getCurve().equals(x9.getCurve()) && p.order().equals(x9.getN())
                    && p.x9().getH().equals(x9.getH()) && Arrays.equals(p.g().getEncoded(false), gEncoded)) {
                if (first == null) {
                    first = c;
                }
                if (Arrays.equals(X9ECParameters.getInstance(c.explicit).getSeed(), x9.getSeed())) {
                    return new Explicit(first, c.explicitParameters());
                }
            }
        }
        if (first != null) {
            return new Explicit(first, first.explicitParameters());
        }
        ECCurve curve = x9.getCurve();
        Curve undef = new Curve(UNDEF, null, der, new EcdhCurves.Params(UNDEF, x9, EcdhCurves.loose(curve),
                EcdhCurves.loose(curve).importPoint(g), (curve.getFieldSize() + 7) / 8));
        return new Explicit(undef, der.clone());
    }

    private static Map<String, Curve> named() {
        Map<String, Curve> m = named;
        if (m != null) {
            return m;
        }
        m = new LinkedHashMap<>();
        try (InputStream in = Curve.class.getResourceAsStream("ec-params.tsv");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (!line.isEmpty() && line.charAt(0) != '#') {
                    String[] f = line.split("\t");
                    m.put(f[0], new Curve(f[0], f[1].isEmpty() ? null : f[1], Hex.decode(f[2]), EcdhCurves.get(f[0])));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        named = m;
        return m;
    }

    /** ECParameters as OpenSSL's explicit encoding writes them for this curve. */
    byte[] explicitParameters() {
        return explicit.clone();
    }

    /** The named encoding's parameters: the curve's OID ({@code missing OID} where OpenSSL has none). */
    byte[] namedParameters() {
        if (oid == null) {
            throw missingOid();
        }
        return Der.oid(oid);
    }

    /** OpenSSL's refusal to write a curve it has no OID for under the named encoding (the Oakley curves). */
    static dev.nodeshim.errors.NodeError missingOid() {
        return CryptoErrors.openssl("ERR_OSSL_MISSING_OID", "1C8000D1", "Provider routines", "missing OID");
    }

    /** Whether BouncyCastle's tables know the curve's OID (its KeyFactory reads only those named). */
    boolean bouncyCastleNames() {
        return oid != null && org.bouncycastle.asn1.x9.ECNamedCurveTable.getByOID(
                new org.bouncycastle.asn1.ASN1ObjectIdentifier(oid)) != null;
    }

    X9ECParameters params() {
        return params.x9();
    }

    /** The domain parameters for BouncyCastle's ECDSA (made once; its base point keeps its comb table). */
    org.bouncycastle.crypto.params.ECDomainParameters domain() {
        org.bouncycastle.crypto.params.ECDomainParameters d = domain;
        if (d == null) {
            X9ECParameters x9 = params.x9();
            d = new org.bouncycastle.crypto.params.ECDomainParameters(params.g().getCurve(), params.g(), x9.getN(),
                    x9.getH());
            domain = d;
        }
        return d;
    }

    BigInteger order() {
        return params.order();
    }

    /**
     * Decodes a public point (compressed, uncompressed or hybrid) and checks that it is on the curve,
     * as OpenSSL does when it reads a key (not that it lies in the prime-order subgroup).
     */
    ECPoint decode(byte[] encoded) throws Der.Malformed {
        try {
            ECPoint q;
            if (encoded.length > 0 && (encoded[0] == 6 || encoded[0] == 7)) {
                q = hybrid(encoded);
            } else {
                q = params.loose().decodePoint(encoded);
            }
            if (q.isInfinity() || !q.isValid()) {
                throw new Der.Malformed("point");
            }
            return params.g().getCurve().createPoint(q.getAffineXCoord().toBigInteger(),
                    q.getAffineYCoord().toBigInteger());
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new Der.Malformed("point");
        }
    }

    /**
     * A hybrid point (X9.62: 0x06/0x07, x, y): the point of x and y, whose y bit must be y's lowest bit
     * on a prime curve and the lowest of y/x on a binary one (0 where x = 0). BouncyCastle's own decoder
     * checks y's bit on binary curves too.
     */
    private ECPoint hybrid(byte[] encoded) throws Der.Malformed {
        byte[] plain = encoded.clone();
        plain[0] = 4;
        ECPoint q = params.loose().decodePoint(plain).normalize();
        boolean bit;
        if (ECAlgorithms.isFpCurve(q.getCurve())) {
            bit = q.getAffineYCoord().testBitZero();
        } else {
            bit = !q.getAffineXCoord().isZero()
                    && q.getAffineYCoord().divide(q.getAffineXCoord()).testBitZero();
        }
        if (bit != (encoded[0] == 7)) {
            throw new Der.Malformed("point");
        }
        return q;
    }

    /** The uncompressed encoding of {@code d·G} (on P-256 by {@link P256}'s constant-time table). */
    byte[] publicOf(BigInteger d) {
        if (isP256() && d.signum() > 0 && d.compareTo(P256Scalar.N) < 0) {
            return P256.publicKey(Der.unsigned(d, 32));
        }
        return params.g().multiply(d).normalize().getEncoded(false);
    }

    /** Whether this is P-256 (prime256v1), named or given as its explicit parameters: {@link P256}'s curve. */
    boolean isP256() {
        return openssl.equals("prime256v1");
    }

    ECPoint point(BigInteger x, BigInteger y) throws Der.Malformed {
        try {
            ECPoint q = params.loose().createPoint(x, y);
            if (!q.isValid()) {
                throw new Der.Malformed("point");
            }
            return params.g().getCurve().createPoint(x, y);
        } catch (IllegalArgumentException e) {
            throw new Der.Malformed("point");
        }
    }

    /** Whether two keys' curves are the same group (an {@code UNDEF} curve equals one of the same parameters). */
    boolean sameAs(Curve other) {
        return this == other || openssl.equals(UNDEF) && other.openssl.equals(UNDEF)
                && params.x9().getCurve().equals(other.params.x9().getCurve())
                && params.order().equals(other.order()) && params.g().equals(other.params.g());
    }

    @Override
    public String toString() {
        return openssl;
    }
}
