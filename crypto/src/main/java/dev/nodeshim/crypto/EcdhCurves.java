package dev.nodeshim.crypto;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.field.PolynomialExtensionField;
import org.bouncycastle.util.encoders.Hex;

/**
 * The curves of {@code createECDH} and {@code getCurves()}: the 82 names OpenSSL 3 lists (case
 * sensitive, as Node takes them), each resolved on first use to BouncyCastle's parameters — its
 * optimised curve classes where it has them (the {@code secp*}, {@code sect*} and brainpool curves),
 * its tables for the X9.62 ones, and for the 15 curves BouncyCastle has no name for (the WTLS curves,
 * Oakley EC2N, SM2, c2pnb176v1) the explicit parameters OpenSSL prints, kept in
 * {@code ec-curves.tsv}.
 *
 * <p>Each curve also has a "loose" twin: the same field and equation with no order or cofactor. A
 * peer's public key is decoded on it, because OpenSSL accepts any point on the curve (it does not
 * check that a point on a curve with a cofactor lies in the prime-order subgroup), where
 * BouncyCastle's own decoder would refuse such points.
 */
final class EcdhCurves {
    private EcdhCurves() {
    }

    /** Node 20's {@code crypto.getCurves()}, in its order. */
    static final List<String> NAMES = List.of("Oakley-EC2N-3", "Oakley-EC2N-4", "SM2", "brainpoolP160r1",
            "brainpoolP160t1", "brainpoolP192r1", "brainpoolP192t1", "brainpoolP224r1", "brainpoolP224t1",
            "brainpoolP256r1", "brainpoolP256t1", "brainpoolP320r1", "brainpoolP320t1", "brainpoolP384r1",
            "brainpoolP384t1", "brainpoolP512r1", "brainpoolP512t1", "c2pnb163v1", "c2pnb163v2", "c2pnb163v3",
            "c2pnb176v1", "c2pnb208w1", "c2pnb272w1", "c2pnb304w1", "c2pnb368w1", "c2tnb191v1", "c2tnb191v2",
            "c2tnb191v3", "c2tnb239v1", "c2tnb239v2", "c2tnb239v3", "c2tnb359v1", "c2tnb431r1", "prime192v1",
            "prime192v2", "prime192v3", "prime239v1", "prime239v2", "prime239v3", "prime256v1", "secp112r1",
            "secp112r2", "secp128r1", "secp128r2", "secp160k1", "secp160r1", "secp160r2", "secp192k1",
            "secp224k1", "secp224r1", "secp256k1", "secp384r1", "secp521r1", "sect113r1", "sect113r2",
            "sect131r1", "sect131r2", "sect163k1", "sect163r1", "sect163r2", "sect193r1", "sect193r2",
            "sect233k1", "sect233r1", "sect239k1", "sect283k1", "sect283r1", "sect409k1", "sect409r1",
            "sect571k1", "sect571r1", "wap-wsg-idm-ecid-wtls1", "wap-wsg-idm-ecid-wtls10",
            "wap-wsg-idm-ecid-wtls11", "wap-wsg-idm-ecid-wtls12", "wap-wsg-idm-ecid-wtls3",
            "wap-wsg-idm-ecid-wtls4", "wap-wsg-idm-ecid-wtls5", "wap-wsg-idm-ecid-wtls6",
            "wap-wsg-idm-ecid-wtls7", "wap-wsg-idm-ecid-wtls8", "wap-wsg-idm-ecid-wtls9");

    /** A resolved curve: its parameters, the loose twin for decoding, sizes. */
    record Params(String name, X9ECParameters x9, ECCurve loose, ECPoint g, int fieldBytes) {
        BigInteger order() {
            return x9.getN();
        }
    }

    private static final Map<String, Params> CACHE = new ConcurrentHashMap<>();
    private static volatile Map<String, String> explicit;

    /** The curve named exactly {@code name} (Node's names are case-sensitive here), or null. */
    static Params get(String name) {
        if (!NAMES.contains(name)) {
            return null;
        }
        return CACHE.computeIfAbsent(name, EcdhCurves::resolve);
    }

    private static Params resolve(String name) {
        X9ECParameters x9 = CustomNamedCurves.getByName(name);
        if (x9 == null) {
            // X9.62's names (prime256v1…) for curves BouncyCastle has optimised under another name
            ASN1ObjectIdentifier oid = ECNamedCurveTable.getOID(name);
            if (oid != null) {
                x9 = CustomNamedCurves.getByOID(oid);
            }
        }
        if (x9 == null) {
            x9 = ECNamedCurveTable.getByName(name);
        }
        if (x9 == null) {
            String hex = explicit().get(name);
            if (hex == null) {
                throw new IllegalStateException("no parameters for curve " + name);
            }
            x9 = X9ECParameters.getInstance(Hex.decode(hex));
        }
        ECCurve c = x9.getCurve();
        ECCurve loose = loose(c);
        ECPoint g;
        try {
            g = x9.getG();
        } catch (IllegalArgumentException e) {
            // Oakley-EC2N-4's base point is not of the order its parameters give: BouncyCastle refuses
            // it on the full curve, OpenSSL takes it; it is only a point on the curve to us.
            g = loose.decodePoint(x9.getBaseEntry().getPointEncoding());
        }
        return new Params(name, x9, loose, g, (c.getFieldSize() + 7) / 8);
    }

    /** The same curve without order and cofactor, so that decoding checks only the curve equation. */
    static ECCurve loose(ECCurve c) {
        BigInteger a = c.getA().toBigInteger();
        BigInteger b = c.getB().toBigInteger();
        if (ECAlgorithms.isFpCurve(c)) {
            return new ECCurve.Fp(c.getField().getCharacteristic(), a, b, null, null);
        }
        int[] e = ((PolynomialExtensionField) c.getField()).getMinimalPolynomial().getExponentsPresent();
        // e = {0, k1, m} (trinomial) or {0, k1, k2, k3, m} (pentanomial)
        if (e.length == 3) {
            return new ECCurve.F2m(e[2], e[1], a, b, null, null);
        }
        return new ECCurve.F2m(e[4], e[1], e[2], e[3], a, b, null, null);
    }

    private static Map<String, String> explicit() {
        Map<String, String> m = explicit;
        if (m != null) {
            return m;
        }
        m = new HashMap<>();
        try (InputStream in = EcdhCurves.class.getResourceAsStream("ec-curves.tsv");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (!line.isEmpty() && line.charAt(0) != '#') {
                    int tab = line.indexOf('\t');
                    m.put(line.substring(0, tab), line.substring(tab + 1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        explicit = m;
        return m;
    }
}
