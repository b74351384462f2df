package dev.nodeshim.crypto;

import static dev.nodeshim.crypto.NodeAssert.assertNodeError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodeshim.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * EC keys on every curve of {@code getCurves()}: ECDSA signs and verifies in both encodings, both
 * sides of {@code diffieHellman} agree, every export reads back as the same key in the same parameter
 * encoding. (Node's own keys, signatures and bytes on every curve are the conformance cases
 * {@code keys-curves.jsonl}; ECDSA signatures are random, so here our signatures are checked by our
 * verifier, which those cases check against Node's signatures.) Expected names and errors observed
 * with Node 20.
 */
class EcCurvesTest {
    private static final byte[] DATA = "nodeshim signs on every curve".getBytes(StandardCharsets.UTF_8);

    /** The WTLS curves Node 20 names after their SEC twin when it reads them as explicit parameters. */
    private static final Map<String, String> WTLS_TWINS = Map.of("wap-wsg-idm-ecid-wtls3", "sect163k1",
            "wap-wsg-idm-ecid-wtls4", "sect113r1", "wap-wsg-idm-ecid-wtls5", "c2pnb163v1",
            "wap-wsg-idm-ecid-wtls6", "secp112r1", "wap-wsg-idm-ecid-wtls7", "secp160r2",
            "wap-wsg-idm-ecid-wtls10", "sect233k1", "wap-wsg-idm-ecid-wtls11", "sect233r1",
            "wap-wsg-idm-ecid-wtls12", "secp224r1");

    static Stream<String> curves() {
        return Crypto.getCurves().stream();
    }

    private static boolean oakley(String curve) {
        return curve.startsWith("Oakley-");
    }

    private static byte[] bytes(Object o) {
        return ((Buffer) o).toByteArray();
    }

    @ParameterizedTest
    @MethodSource("curves")
    void signsAndVerifiesInBothEncodings(String curve) {
        GeneratedKeyPair kp = Crypto.generateKeyPairSync("ec", KeyPairOptions.defaults().namedCurve(curve));
        assertEquals(curve, kp.privateKeyObject().asymmetricKeyDetails().namedCurve());
        if (oakley(curve)) {
            // OpenSSL makes keys on the Oakley curves but cannot sign with them
            assertNodeError("Error", "ERR_OSSL_EC_BN_LIB", "error:08080003:elliptic curve routines::BN lib",
                    () -> Crypto.sign("sha256", DATA, kp.privateKeyObject()));
            assertFalse(Crypto.verify("sha256", DATA, kp.publicKeyObject(), new byte[] {0x30, 6, 2, 1, 1, 2, 1, 1}));
            return;
        }
        Curve c = Curve.byName(curve);
        for (String encoding : List.of("der", "ieee-p1363")) {
            byte[] sig = bytes(Crypto.sign("sha256", DATA, KeyInput.of(kp.privateKeyObject()).dsaEncoding(encoding)));
            if (encoding.equals("ieee-p1363")) {
                assertEquals(2 * c.orderSize, sig.length, curve);
            }
            KeyInput pub = KeyInput.of(kp.publicKeyObject()).dsaEncoding(encoding);
            assertTrue(Crypto.verify("sha256", DATA, pub, sig), curve + " " + encoding);
            assertFalse(Crypto.verify("sha256", "other".getBytes(StandardCharsets.UTF_8), pub, sig), curve);
            byte[] tampered = sig.clone();
            tampered[tampered.length - 1] ^= 1;
            assertFalse(Crypto.verify("sha256", DATA, pub, tampered), curve + " " + encoding);
        }
    }

    @ParameterizedTest
    @MethodSource("curves")
    void bothSidesOfDiffieHellmanAgree(String curve) {
        KeyPairOptions o = KeyPairOptions.defaults().namedCurve(curve);
        GeneratedKeyPair a = Crypto.generateKeyPairSync("ec", o);
        GeneratedKeyPair b = Crypto.generateKeyPairSync("ec", o.paramEncoding("explicit"));
        byte[] ab = bytes(Crypto.diffieHellman(a.privateKeyObject(), b.publicKeyObject()));
        byte[] ba = bytes(Crypto.diffieHellman(b.privateKeyObject(), a.publicKeyObject()));
        assertArrayEquals(ab, ba, curve);
        assertEquals(Curve.byName(curve).size, ab.length, curve);
        // the same as createECDH's secret for the same private key and peer
        EcKey mine = (EcKey) a.privateKeyObject().data();
        ECDH ecdh = Crypto.createECDH(curve).setPrivateKey(Der.unsigned(mine.d, Curve.byName(curve).orderSize));
        assertArrayEquals(ab, bytes(ecdh.computeSecret(((EcKey) b.publicKeyObject().data()).point)), curve);
    }

    @ParameterizedTest
    @MethodSource("curves")
    void exportsReadBackInTheirParameterEncoding(String curve) {
        for (String encoding : List.of("named", "explicit")) {
            GeneratedKeyPair kp = Crypto.generateKeyPairSync("ec",
                    KeyPairOptions.defaults().namedCurve(curve).paramEncoding(encoding));
            KeyObject priv = kp.privateKeyObject();
            if (oakley(curve) && encoding.equals("named")) {
                // no OID: only the explicit encoding can write these keys
                assertNodeError("Error", "ERR_OSSL_MISSING_OID", "error:1C8000D1:Provider routines::missing OID",
                        () -> priv.export(KeyExportOptions.der("pkcs8")));
                assertNodeError("Error", "ERR_OSSL_EC_MISSING_OID",
                        "error:080000A7:elliptic curve routines::missing OID",
                        () -> priv.export(KeyExportOptions.der("sec1")));
                continue;
            }
            byte[] spki = bytes(kp.publicKeyObject().export(KeyExportOptions.der("spki")));
            // OpenSSL names explicit parameters after the first curve that has them: a WTLS twin read
            // back is its SEC curve, and SEC 1 then writes that curve's parameters (seed included)
            String named = encoding.equals("explicit") ? WTLS_TWINS.getOrDefault(curve, curve) : curve;
            for (String type : List.of("pkcs8", "sec1")) {
                byte[] der = bytes(priv.export(KeyExportOptions.der(type)));
                KeyObject back = Crypto.createPrivateKey(KeyInput.of(der).format("der").type(type));
                // a key named after a twin is another group to equals(), as in Node
                assertEquals(named.equals(curve), back.equals(priv), curve + " " + encoding + " " + type);
                assertEquals(named, back.asymmetricKeyDetails().namedCurve());
                if (named.equals(curve) || type.equals("pkcs8")) {
                    assertArrayEquals(der, bytes(back.export(KeyExportOptions.der(type))), curve + " " + type);
                }
                assertArrayEquals(spki, bytes(Crypto.createPublicKey(back).export(KeyExportOptions.der("spki"))));
            }
            KeyObject pub = Crypto.createPublicKey(KeyInput.of(spki).format("der").type("spki"));
            assertEquals(named.equals(curve), pub.equals(kp.publicKeyObject()), curve + " " + encoding);
            // the explicit encoding carries ECParameters (a SEQUENCE) where the named one has the OID
            Curve c = Curve.byName(curve);
            if (encoding.equals("explicit")) {
                assertTrue(contains(spki, c.explicitParameters()), curve);
            } else {
                assertTrue(contains(spki, c.namedParameters()), curve);
            }
            if (c.jwk == null) {
                assertNodeError("Error", "ERR_CRYPTO_JWK_UNSUPPORTED_CURVE",
                        "Unsupported JWK EC curve: " + named + ".", () -> pub.export(KeyExportOptions.jwk()));
            }
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    @Test
    void namesAreOpenSslsAndNistsCaseSensitive() {
        String[][] nist = {{"P-192", "prime192v1"}, {"P-224", "secp224r1"}, {"P-256", "prime256v1"},
            {"P-384", "secp384r1"}, {"P-521", "secp521r1"}, {"B-163", "sect163r2"}, {"K-163", "sect163k1"},
            {"B-233", "sect233r1"}, {"K-233", "sect233k1"}, {"B-283", "sect283r1"}, {"K-283", "sect283k1"},
            {"B-409", "sect409r1"}, {"K-409", "sect409k1"}, {"B-571", "sect571r1"}, {"K-571", "sect571k1"}};
        for (String[] n : nist) {
            assertEquals(n[1], Crypto.generateKeyPairSync("ec", KeyPairOptions.defaults().namedCurve(n[0]))
                    .publicKeyObject().asymmetricKeyDetails().namedCurve());
        }
        for (String bad : List.of("p-256", "PRIME256V1", "secp256r1", "secp192r1", "sm2", "brainpoolp256r1", "", "K-256")) {
            assertNodeError("TypeError", "ERR_CRYPTO_INVALID_CURVE", "Invalid EC curve name",
                    () -> Crypto.generateKeyPairSync("ec", KeyPairOptions.defaults().namedCurve(bad)));
        }
    }

    @ParameterizedTest
    @MethodSource("curves")
    void javaKeysCarryEveryCurve(String curve) {
        if (oakley(curve)) {
            return; // no OID and BouncyCastle's KeyFactory takes no explicit parameters it cannot check
        }
        for (String encoding : List.of("named", "explicit")) {
            GeneratedKeyPair kp = Crypto.generateKeyPairSync("ec",
                    KeyPairOptions.defaults().namedCurve(curve).paramEncoding(encoding));
            // the same numbers on the same curve (BouncyCastle may write explicit parameters back named)
            EcKey priv = (EcKey) KeyObject.from(kp.privateKeyObject().toPrivateKey()).data();
            EcKey pub = (EcKey) KeyObject.from(kp.publicKeyObject().toPublicKey()).data();
            EcKey mine = (EcKey) kp.privateKeyObject().data();
            assertEquals(mine.d, priv.d, curve + " " + encoding);
            // a curve BouncyCastle cannot name travels as explicit parameters, so a WTLS twin comes back as its SEC curve
            String named = encoding.equals("explicit") || !mine.curve.bouncyCastleNames()
                    ? WTLS_TWINS.getOrDefault(curve, curve) : curve;
            assertEquals(named, priv.curve.openssl, encoding);
            assertEquals(named, pub.curve.openssl, encoding);
            assertArrayEquals(mine.point, pub.point, curve + " " + encoding);
        }
    }

    @Test
    void anExplicitKeyEqualsItsNamedSelf() {
        // observed with Node 20: equals() compares the key, not its parameter encoding
        GeneratedKeyPair kp = Crypto.generateKeyPairSync("ec",
                KeyPairOptions.defaults().namedCurve("brainpoolP320r1").paramEncoding("explicit"));
        EcKey k = (EcKey) kp.privateKeyObject().data();
        KeyObject named = KeyObject.of(new EcKey(k.curve, k.point, k.d));
        assertTrue(kp.privateKeyObject().equals(named));
        assertTrue(named.equals(kp.privateKeyObject()));
        assertTrue(Crypto.createPublicKey(named).equals(kp.publicKeyObject()));
        assertFalse(named.equals(kp.publicKeyObject()));
    }

    @Test
    void keysOnDifferentCurvesDoNotAgree() {
        KeyObject a = Crypto.generateKeyPairSync("ec", KeyPairOptions.defaults().namedCurve("brainpoolP256r1"))
                .privateKeyObject();
        KeyObject b = Crypto.generateKeyPairSync("ec", KeyPairOptions.defaults().namedCurve("brainpoolP256t1"))
                .publicKeyObject();
        assertNodeError("Error", "ERR_OSSL_MISMATCHING_DOMAIN_PARAMETERS",
                "error:1C8000CB:Provider routines::mismatching domain parameters", () -> Crypto.diffieHellman(a, b));
        assertNotEquals(a.asymmetricKeyDetails(), b.asymmetricKeyDetails());
    }
}
