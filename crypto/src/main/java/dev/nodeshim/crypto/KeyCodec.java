package dev.nodeshim.crypto;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * Reads keys from their encodings: SubjectPublicKeyInfo, PKCS#8 (plain and encrypted), PKCS#1, SEC 1,
 * PEM around any of them, and JWK. Every reader turns malformed input into OpenSSL's error as Node
 * surfaces it ({@code error:1E08010C:DECODER routines::unsupported} when no decoder takes the input,
 * ASN.1 errors for structures that start right and break later).
 */
final class KeyCodec {
    private KeyCodec() {
    }

    // ------------------------------------------------------------------------------------------------
    // DER structures

    static KeyData spki(byte[] der) throws Der.Malformed {
        Der.Reader r = Der.parse(der, Der.SEQUENCE).reader();
        Der.Reader alg = r.next(Der.SEQUENCE).reader();
        byte[] key = r.next().bits();
        r.end();
        String oid = alg.next().oid();
        Der.Tlv params = alg.more() ? alg.next() : null;
        switch (oid) {
            case Oids.RSA:
                return RsaKey.parsePkcs1Public(false, null, key);
            case Oids.RSA_PSS:
                return RsaKey.parsePkcs1Public(true, pss(params), key);
            case Oids.DSA: {
                if (params == null) {
                    throw new Der.Malformed("dsa params");
                }
                BigInteger[] pqg = DsaKey.parseParams(params);
                return new DsaKey(pqg[0], pqg[1], pqg[2], Der.parse(key, Der.INTEGER).integer(), null);
            }
            case Oids.EC: {
                byte[][] explicit = {null};
                if (params == null) {
                    throw KeyErrors.decoderUnsupported();
                }
                Curve c = EcKey.curveOf(params, explicit);
                if (c == null) {
                    throw new Der.Malformed("ec parameters"); // an OID no curve has: OpenSSL's decode error
                }
                c.decode(key);
                return new EcKey(c, key, null, explicit[0]);
            }
            case Oids.DH:
                return DhKey.parsePublic(params, key);
            default: {
                OkpKey.Kind k = OkpKey.Kind.byOid(oid);
                if (k == null) {
                    throw KeyErrors.decoderUnsupported();
                }
                if (key.length != k.publicSize) {
                    throw new Der.Malformed("okp");
                }
                return new OkpKey(k, key, null);
            }
        }
    }

    private static RsaKey.Pss pss(Der.Tlv params) throws Der.Malformed {
        if (params == null || params.tag() == Der.NULL) {
            return null;
        }
        return RsaKey.Pss.decode(params);
    }

    static KeyData pkcs8(byte[] der) throws Der.Malformed {
        Der.Reader r = Der.parse(der, Der.SEQUENCE).reader();
        int version = r.next().smallInt();
        if (version > 1) {
            throw new Der.Malformed("version");
        }
        Der.Reader alg = r.next(Der.SEQUENCE).reader();
        byte[] key = r.next().octets();
        String oid = alg.next().oid();
        Der.Tlv params = alg.more() ? alg.next() : null;
        switch (oid) {
            case Oids.RSA:
                return RsaKey.parsePkcs1Private(false, null, key);
            case Oids.RSA_PSS:
                return RsaKey.parsePkcs1Private(true, pss(params), key);
            case Oids.DSA: {
                if (params == null) {
                    throw new Der.Malformed("dsa params");
                }
                BigInteger[] pqg = DsaKey.parseParams(params);
                BigInteger x = Der.parse(key, Der.INTEGER).integer();
                return new DsaKey(pqg[0], pqg[1], pqg[2], pqg[2].modPow(x, pqg[0]), x);
            }
            case Oids.EC: {
                byte[][] explicit = {null};
                if (params == null) {
                    throw KeyErrors.decoderUnsupported();
                }
                Curve c = EcKey.curveOf(params, explicit);
                if (c == null) {
                    throw new Der.Malformed("ec parameters"); // an OID no curve has: OpenSSL's decode error
                }
                return EcKey.parseSec1(c, explicit[0], key);
            }
            case Oids.DH:
                return DhKey.parsePrivate(params, key);
            default: {
                OkpKey.Kind k = OkpKey.Kind.byOid(oid);
                if (k == null) {
                    throw KeyErrors.decoderUnsupported();
                }
                byte[] raw = Der.parse(key, Der.OCTET_STRING).octets();
                if (raw.length != k.privateSize) {
                    throw new Der.Malformed("okp");
                }
                return OkpKey.ofPrivate(k, raw);
            }
        }
    }

    /** OpenSSL's traditional DSA private key: SEQUENCE {0, p, q, g, y, x}. */
    static KeyData dsaTraditional(byte[] der) throws Der.Malformed {
        Der.Reader r = Der.parse(der, Der.SEQUENCE).reader();
        if (r.next().smallInt() != 0) {
            throw new Der.Malformed("version");
        }
        BigInteger[] v = new BigInteger[5];
        for (int i = 0; i < 5; i++) {
            v[i] = r.next().integer();
        }
        r.end();
        return new DsaKey(v[0], v[1], v[2], v[3], v[4]);
    }

    /** Runs a DER reader; a malformed structure becomes OpenSSL's ASN.1 error. */
    static KeyData read(DerReader reader, byte[] der, boolean isPublic) {
        try {
            return reader.read(der);
        } catch (Der.Malformed e) {
            throw asn1Error(e, der, isPublic);
        }
    }

    interface DerReader {
        KeyData read(byte[] der) throws Der.Malformed;
    }

    private static dev.nodeshim.errors.NodeError asn1Error(Der.Malformed e, byte[] der, boolean isPublic) {
        if (der.length == 0) {
            return KeyErrors.decoderUnsupported();
        }
        if (der.length == 0 || (der[0] & 0xff) != Der.SEQUENCE) {
            return der.length >= 2 && (der[1] & 0xff) > der.length - 2
                    ? (isPublic ? KeyErrors.asn1TooLong() : KeyErrors.asn1NotEnoughData())
                    : KeyErrors.asn1WrongTag();
        }
        String m = e.getMessage();
        if (m.equals("too long") || m.equals("short") || m.equals("length")) {
            return isPublic ? KeyErrors.asn1TooLong() : KeyErrors.asn1NotEnoughData();
        }
        if (EcKey.isCurveError(e)) {
            return KeyErrors.decodeError();
        }
        return KeyErrors.decoderUnsupported();
    }

    // ------------------------------------------------------------------------------------------------
    // PEM

    /**
     * The key in a PEM text. {@code wantPrivate}: only private-key labels are accepted; otherwise
     * public ones too (a private key's public half is then what the caller keeps).
     */
    static KeyData pem(String text, byte[] passphrase, boolean wantPrivate) {
        // OpenSSL's PEM reader passes over blocks whose label the decoder does not take
        Pem pem = Pem.decode(text, label -> PRIVATE_LABELS.contains(label)
                || (!wantPrivate && PUBLIC_LABELS.contains(label)));
        if (pem == null) {
            throw KeyErrors.decoderUnsupported();
        }
        try {
            return pemBody(pem, passphrase, wantPrivate);
        } catch (dev.nodeshim.errors.NodeError e) {
            // a body whose DER is cut short: no decoder takes it
            if ("ERR_OSSL_ASN1_NOT_ENOUGH_DATA".equals(e.code()) || "ERR_OSSL_ASN1_TOO_LONG".equals(e.code())) {
                throw KeyErrors.decoderUnsupported();
            }
            throw e;
        }
    }

    private static final java.util.Set<String> PRIVATE_LABELS = java.util.Set.of("PRIVATE KEY",
            "ENCRYPTED PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY", "DSA PRIVATE KEY");
    private static final java.util.Set<String> PUBLIC_LABELS = java.util.Set.of("PUBLIC KEY", "RSA PUBLIC KEY",
            "CERTIFICATE");

    private static KeyData pemBody(Pem pem, byte[] passphrase, boolean wantPrivate) {
        byte[] der = pem.der();
        switch (pem.label()) {
            case "PRIVATE KEY":
                return read(KeyCodec::pkcs8, der, false);
            case "ENCRYPTED PRIVATE KEY": {
                byte[] plain;
                try {
                    plain = KeyCrypt.decryptPkcs8(der, passphrase);
                } catch (Der.Malformed e) {
                    throw asn1Error(e, der, false);
                }
                return read(KeyCodec::pkcs8, plain, false);
            }
            case "RSA PRIVATE KEY":
                return read(d -> RsaKey.parsePkcs1Private(false, null, d), traditional(pem, passphrase), false);
            case "EC PRIVATE KEY":
                return read(d -> EcKey.parseSec1(null, d), traditional(pem, passphrase), false);
            case "DSA PRIVATE KEY":
                return read(KeyCodec::dsaTraditional, traditional(pem, passphrase), false);
            case "PUBLIC KEY":
                if (!wantPrivate) {
                    return read(KeyCodec::spki, der, true);
                }
                break;
            case "RSA PUBLIC KEY":
                if (!wantPrivate) {
                    return read(d -> RsaKey.parsePkcs1Public(false, null, d), der, true);
                }
                break;
            case "CERTIFICATE":
                if (!wantPrivate) {
                    return read(KeyCodec::certificate, der, true);
                }
                break;
            default:
                break;
        }
        throw KeyErrors.decoderUnsupported();
    }

    private static byte[] traditional(Pem pem, byte[] passphrase) {
        return pem.dekInfo() == null ? pem.der() : KeyCrypt.decryptPem(pem.dekInfo(), pem.der(), passphrase);
    }

    /** The subject public key of an X.509 certificate (tbsCertificate's seventh field, after the version). */
    static KeyData certificate(byte[] der) throws Der.Malformed {
        Der.Reader cert = Der.parse(der, Der.SEQUENCE).reader();
        Der.Reader tbs = cert.next(Der.SEQUENCE).reader();
        if (tbs.peekTag() == 0xa0) {
            tbs.next();
        }
        for (int i = 0; i < 5; i++) {
            tbs.next();
        }
        return spki(tbs.next(Der.SEQUENCE).encoded());
    }

    /**
     * A DER private key of the given {@code type}, read as OpenSSL's decoders read it for Node: pkcs8 is
     * a PrivateKeyInfo or a PBES2 EncryptedPrivateKeyInfo (anything else: {@code wrong tag}); pkcs1 and
     * sec1 also take a PrivateKeyInfo of their own family (anything else: {@code unsupported}).
     */
    static KeyData derPrivate(byte[] der, String type, byte[] passphrase) {
        switch (type) {
            case "pkcs8": {
                if (isPbes2(der)) {
                    if (passphrase == null) {
                        // Node's own check for an encrypted DER key (a PEM one reaches OpenSSL's prompt)
                        throw new dev.nodeshim.errors.NodeError("TypeError", "ERR_MISSING_PASSPHRASE",
                                "Passphrase required for encrypted key");
                    }
                    try {
                        return read(KeyCodec::pkcs8, KeyCrypt.decryptPkcs8(der, passphrase), false);
                    } catch (Der.Malformed e) {
                        throw asn1Error(e, der, false);
                    }
                }
                try {
                    return pkcs8(der);
                } catch (Der.Malformed e) {
                    throw structureError(e, false);
                }
            }
            case "pkcs1":
                try {
                    return RsaKey.parsePkcs1Private(false, null, der);
                } catch (Der.Malformed e) {
                    return ownFamilyPkcs8(der, "rsa");
                }
            case "sec1":
                try {
                    return EcKey.parseSec1(null, der);
                } catch (Der.Malformed e) {
                    return ownFamilyPkcs8(der, "ec");
                }
            default:
                throw new IllegalArgumentException(type);
        }
    }

    private static KeyData ownFamilyPkcs8(byte[] der, String family) {
        try {
            KeyData k = pkcs8(der);
            if (k.type().equals(family)) {
                return k;
            }
        } catch (Der.Malformed e) {
            // not a PrivateKeyInfo either
        }
        throw KeyErrors.decoderUnsupported();
    }

    /** A structure that starts as DER but is not the one asked for: a length error, or {@code wrong tag}. */
    private static dev.nodeshim.errors.NodeError structureError(Der.Malformed e, boolean isPublic) {
        String m = e.getMessage();
        if (EcKey.isCurveError(e)) {
            return KeyErrors.decodeError();
        }
        if (m.equals("too long") || m.equals("short") || m.equals("length")) {
            return isPublic ? KeyErrors.asn1TooLong() : KeyErrors.asn1NotEnoughData();
        }
        return KeyErrors.asn1WrongTag();
    }

    /** Whether a DER is an EncryptedPrivateKeyInfo under PBES2 (SEQUENCE { SEQUENCE { pbes2 OID … } … }). */
    private static boolean isPbes2(byte[] der) {
        try {
            Der.Reader r = Der.parse(der, Der.SEQUENCE).reader();
            if (r.peekTag() != Der.SEQUENCE) {
                return false;
            }
            Der.Reader alg = r.next().reader();
            return alg.peekTag() == Der.OID && alg.next().oid().equals(Oids.PBES2);
        } catch (Der.Malformed e) {
            return false;
        }
    }

    /**
     * A DER key for createPublicKey: spki (anything else: {@code wrong tag}); pkcs1 an RSAPublicKey, or a
     * private key of any form pkcs1 takes; pkcs8 and sec1 as {@link #derPrivate}.
     */
    static KeyData derPublic(byte[] der, String type, byte[] passphrase) {
        switch (type) {
            case "spki":
                try {
                    return spki(der);
                } catch (Der.Malformed e) {
                    throw structureError(e, true);
                }
            case "pkcs1":
                try {
                    return RsaKey.parsePkcs1Public(false, null, der);
                } catch (Der.Malformed e) {
                    try {
                        return RsaKey.parsePkcs1Private(false, null, der);
                    } catch (Der.Malformed e2) {
                        if (firstInnerTag(der) == Der.SEQUENCE) {
                            throw KeyErrors.asn1WrongTag();
                        }
                        return ownFamilyPkcs8(der, "rsa");
                    }
                }
            default:
                return derPrivate(der, type, passphrase);
        }
    }

    private static int firstInnerTag(byte[] der) {
        try {
            return Der.parse(der, Der.SEQUENCE).reader().peekTag();
        } catch (Der.Malformed e) {
            return -1;
        }
    }

    // ------------------------------------------------------------------------------------------------
    // JWK

    /** A key from JWK members; {@code wantPrivate} requires the private members. */
    static KeyData jwk(Map<?, ?> jwk, boolean wantPrivate) {
        Object kty = jwk.get("kty");
        if (!"RSA".equals(kty) && !"EC".equals(kty) && !"OKP".equals(kty)) {
            throw KeyErrors.propertyOneOf("key.kty", List.of("RSA", "EC", "OKP"),
                    kty == null ? dev.nodeshim.errors.Undefined.INSTANCE : kty);
        }
        switch ((String) kty) {
            case "RSA": {
                BigInteger n = Jwk.number(jwk, "n");
                BigInteger e = Jwk.number(jwk, "e");
                if (!wantPrivate) {
                    return RsaKey.publicKey(false, null, n, e);
                }
                return new RsaKey(false, null, n, e, Jwk.number(jwk, "d"), Jwk.number(jwk, "p"), Jwk.number(jwk, "q"),
                        Jwk.number(jwk, "dp"), Jwk.number(jwk, "dq"), Jwk.number(jwk, "qi"));
            }
            case "EC": {
                Object crv = jwk.get("crv");
                if (!(crv instanceof String c)) {
                    throw dev.nodeshim.errors.Errors.invalidArgType("key.crv", "string",
                            crv == null ? dev.nodeshim.errors.Undefined.INSTANCE : crv);
                }
                Curve curve = Curve.byJwk(c);
                if (curve == null) {
                    throw KeyErrors.propertyOneOf("key.crv", List.of("P-256", "secp256k1", "P-384", "P-521"), c);
                }
                byte[] x = Jwk.bytes(jwk, "x");
                byte[] y = Jwk.bytes(jwk, "y");
                byte[] d = wantPrivate ? Jwk.bytes(jwk, "d") : null;
                byte[] point;
                try {
                    point = curve.point(new BigInteger(1, x), new BigInteger(1, y)).getEncoded(false);
                } catch (Der.Malformed | RuntimeException e) {
                    throw new dev.nodeshim.errors.NodeError("TypeError", "ERR_CRYPTO_INVALID_JWK", "Invalid JWK EC key");
                }
                return new EcKey(curve, point, d == null ? null : new BigInteger(1, d));
            }
            default: {
                Object crv = jwk.get("crv");
                if (!(crv instanceof String)) {
                    throw dev.nodeshim.errors.Errors.invalidArgType("key.crv", "string",
                            crv == null ? dev.nodeshim.errors.Undefined.INSTANCE : crv);
                }
                OkpKey.Kind k = OkpKey.Kind.byCrv((String) crv);
                if (k == null) {
                    throw KeyErrors.propertyOneOf("key.crv", List.of("Ed25519", "Ed448", "X25519", "X448"),
                            crv == null ? dev.nodeshim.errors.Undefined.INSTANCE : crv);
                }
                byte[] x = Jwk.bytes(jwk, "x");
                if (x.length != k.publicSize) {
                    throw KeyErrors.invalidJwk();
                }
                if (!wantPrivate) {
                    return new OkpKey(k, x, null);
                }
                byte[] d = Jwk.bytes(jwk, "d");
                if (d.length != k.privateSize) {
                    throw KeyErrors.invalidJwk();
                }
                return new OkpKey(k, x, d);
            }
        }
    }
}
