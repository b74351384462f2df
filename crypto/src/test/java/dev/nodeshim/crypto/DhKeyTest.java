package dev.nodeshim.crypto;

import static dev.nodeshim.crypto.Crypto.createPrivateKey;
import static dev.nodeshim.crypto.Crypto.createPublicKey;
import static dev.nodeshim.crypto.Crypto.diffieHellman;
import static dev.nodeshim.crypto.Crypto.generateKeyPairSync;
import static dev.nodeshim.crypto.Crypto.getDiffieHellman;
import static dev.nodeshim.crypto.NodeAssert.assertNodeError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodeshim.buffer.Buffer;
import java.math.BigInteger;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * dh KeyObjects and {@code diffieHellman()}: generated keys are random, so these tests check what must
 * hold of any key (shape, agreement, export → import round trips); the bytes Node writes for fixed
 * keys, and Node's errors, are the conformance cases of {@code crypto.dhKey} and {@code crypto.diffieHellman}.
 */
class DhKeyTest {
    private static Buffer der(KeyObject k, String type) {
        return (Buffer) k.export(KeyExportOptions.der(type));
    }

    /** The numbers of a dh DER: p, g and the key value (y or x). */
    private static BigInteger[] numbers(Buffer der) throws Der.Malformed {
        Der.Reader r = Der.parse(der.toByteArray(), Der.SEQUENCE).reader();
        if (r.peekTag() == Der.INTEGER) {
            r.next(); // a PrivateKeyInfo's version
        }
        Der.Reader alg = r.next(Der.SEQUENCE).reader();
        assertEquals(Oids.DH, alg.next().oid());
        BigInteger[] pg = DhKey.parseParams(alg.next());
        Der.Tlv key = r.next();
        byte[] value = key.tag() == Der.BIT_STRING ? key.bits() : key.octets();
        return new BigInteger[] {pg[0], pg[1], Der.parse(value, Der.INTEGER).integer()};
    }

    @Test
    void aGroupPairHasTheGroupAndAgrees() throws Exception {
        GeneratedKeyPair a = generateKeyPairSync("dh", KeyPairOptions.defaults().group("modp14"));
        GeneratedKeyPair b = generateKeyPairSync("dh", KeyPairOptions.defaults().group("MODP14"));
        KeyObject priv = a.privateKeyObject();
        assertEquals("private", priv.type());
        assertEquals("dh", priv.asymmetricKeyType());
        assertEquals(Map.of(), priv.asymmetricKeyDetails().toMap());
        assertEquals("dh", a.publicKeyObject().asymmetricKeyType());

        BigInteger[] x = numbers(der(priv, "pkcs8"));
        BigInteger[] y = numbers(der(a.publicKeyObject(), "spki"));
        BigInteger p = new BigInteger(1, getDiffieHellman("modp14").getPrime().toByteArray());
        assertEquals(p, x[0]);
        assertEquals(BigInteger.TWO, x[1]);
        assertEquals(y[2], BigInteger.TWO.modPow(x[2], p));
        // OpenSSL draws 225-bit private values for this group
        assertTrue(x[2].bitLength() <= 225 && x[2].signum() > 0);

        Buffer s1 = diffieHellman(priv, b.publicKeyObject());
        Buffer s2 = diffieHellman(DiffieHellmanOptions.of(b.privateKeyObject(), a.publicKeyObject()));
        assertEquals(256, s1.length());
        assertTrue(s1.equals(s2));
        // a private key stands for its public half
        assertTrue(s1.equals(diffieHellman(b.privateKeyObject(), priv)));
    }

    @Test
    void exportsReadBackToEqualKeys() {
        GeneratedKeyPair a = generateKeyPairSync("dh", KeyPairOptions.defaults().group("modp5"));
        KeyObject priv = a.privateKeyObject();
        KeyObject pub = a.publicKeyObject();
        String pem = (String) priv.export(KeyExportOptions.pem("pkcs8"));
        assertTrue(pem.startsWith("-----BEGIN PRIVATE KEY-----\n"));
        KeyObject back = createPrivateKey(pem);
        assertTrue(back.equals(priv));
        assertEquals(pem, back.export(KeyExportOptions.pem("pkcs8")));
        KeyObject fromDer = createPrivateKey(KeyInput.of(der(priv, "pkcs8")).format("der").type("pkcs8"));
        assertTrue(fromDer.equals(priv));
        KeyObject pubBack = createPublicKey(KeyInput.of(der(pub, "spki")).format("der").type("spki"));
        assertTrue(pubBack.equals(pub));
        assertTrue(createPublicKey(priv).equals(pub));
        assertTrue(createPublicKey((String) pub.export(KeyExportOptions.pem("spki"))).equals(pub));
        assertFalse(pub.equals(priv));
        // another key of the group is another key
        assertFalse(generateKeyPairSync("dh", KeyPairOptions.defaults().group("modp5")).publicKeyObject().equals(pub));
        assertNodeError("Error", "ERR_CRYPTO_JWK_UNSUPPORTED_KEY_TYPE", "Unsupported JWK Key Type.",
                () -> priv.export(KeyExportOptions.jwk()));
        assertNodeError("Error", "ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS",
                "The selected key encoding sec1 can only be used for EC keys.", () -> priv.export(KeyExportOptions.pem("sec1")));
    }

    @Test
    void aGeneratedPrimeIsSafeWithOpenSslsCongruence() throws Exception {
        for (long g : new long[] {2, 5, 3}) {
            GeneratedKeyPair a = generateKeyPairSync("dh", KeyPairOptions.defaults().primeLength(512).generator(g));
            BigInteger[] n = numbers(der(a.privateKeyObject(), "pkcs8"));
            BigInteger p = n[0];
            assertEquals(512, p.bitLength());
            assertTrue(p.isProbablePrime(64) && p.shiftRight(1).isProbablePrime(64));
            assertEquals(BigInteger.valueOf(g), n[1]);
            int expected = g == 2 ? 23 : g == 5 ? 59 : 11;
            int modulus = g == 2 ? 24 : g == 5 ? 60 : 12;
            assertEquals(expected, p.mod(BigInteger.valueOf(modulus)).intValue());
            assertTrue(n[2].bitLength() <= 510);
            // a second pair on the same prime agrees with the first
            GeneratedKeyPair b = generateKeyPairSync("dh",
                    KeyPairOptions.defaults().prime(p.toByteArray()).generator(g));
            assertTrue(diffieHellman(a.privateKeyObject(), b.publicKeyObject())
                    .equals(diffieHellman(b.privateKeyObject(), a.publicKeyObject())));
        }
    }

    @Test
    void encodingsAreApplied() {
        GeneratedKeyPair a = generateKeyPairSync("dh", KeyPairOptions.defaults().group("modp1")
                .publicKeyEncoding(KeyExportOptions.pem("spki")).privateKeyEncoding(KeyExportOptions.der("pkcs8")));
        assertTrue(((String) a.publicKey()).startsWith("-----BEGIN PUBLIC KEY-----\n"));
        KeyObject priv = createPrivateKey(KeyInput.of(a.privateKey()).format("der").type("pkcs8"));
        assertTrue(createPublicKey(priv).equals(createPublicKey((String) a.publicKey())));
    }

    @Test
    void optionErrorsAsNodes() {
        assertNodeError("TypeError", "ERR_INVALID_ARG_TYPE", "The \"options\" argument must be of type object. Received undefined",
                () -> generateKeyPairSync("dh"));
        assertNodeError("TypeError", "ERR_MISSING_OPTION",
                "At least one of the group, prime, or primeLength options is required",
                () -> generateKeyPairSync("dh", KeyPairOptions.defaults().generator(2)));
        assertNodeError("TypeError", "ERR_INCOMPATIBLE_OPTION_PAIR",
                "Option \"group\" cannot be used in combination with option \"primeLength\"",
                () -> generateKeyPairSync("dh", KeyPairOptions.defaults().group("modp1").primeLength(512)));
        assertNodeError("Error", "ERR_CRYPTO_UNKNOWN_DH_GROUP", "Unknown DH group",
                () -> generateKeyPairSync("dh", KeyPairOptions.defaults().group("modp3")));
        assertNodeError("Error", null, "error:0280007E:Diffie-Hellman routines::modulus too small",
                () -> generateKeyPairSync("dh", KeyPairOptions.defaults().primeLength(511)));
        assertNodeError("TypeError", "ERR_INVALID_ARG_TYPE",
                "The \"options.prime\" property must be an instance of Buffer, TypedArray, or DataView. Received type string ('abc')",
                () -> generateKeyPairSync("dh", KeyPairOptions.defaults().prime("abc")));
        // the encodings are checked first
        assertNodeError("Error", "ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS",
                "The selected key encoding sec1 can only be used for EC keys.",
                () -> generateKeyPairSync("dh", KeyPairOptions.defaults().privateKeyEncoding(KeyExportOptions.pem("sec1"))));
    }

    @Test
    void theCallbackFormReportsAGenerationErrorAndThrowsAnOptionError() {
        java.util.List<String> got = new java.util.ArrayList<>();
        dev.nodeshim.loop.EventLoop.run(() -> {
            Crypto.generateKeyPair("dh", KeyPairOptions.defaults().primeLength(100),
                    (err, pub, priv) -> got.add(err.getMessage() + " " + pub + " " + priv));
            Crypto.generateKeyPair("dh", KeyPairOptions.defaults().group("modp2"),
                    (err, pub, priv) -> got.add(err + " " + ((KeyObject) priv).asymmetricKeyType()));
        });
        // both jobs run on the worker pool, as in Node: which callback comes first is not fixed
        java.util.Collections.sort(got);
        assertEquals(java.util.List.of("error:0280007E:Diffie-Hellman routines::modulus too small null null",
                "null dh"), got);
        // Node throws an unknown group at once, not through the callback
        assertNodeError("Error", "ERR_CRYPTO_UNKNOWN_DH_GROUP", "Unknown DH group",
                () -> Crypto.generateKeyPair("dh", KeyPairOptions.defaults().group("nope"), (e, a, b) -> { }));
    }

    @Test
    void javaKeysRoundTrip() {
        GeneratedKeyPair a = generateKeyPairSync("dh", KeyPairOptions.defaults().group("modp14"));
        java.security.KeyPair jca = a.privateKeyObject().toKeyPair();
        assertEquals("DH", jca.getPublic().getAlgorithm());
        assertTrue(KeyObject.from(jca.getPrivate()).equals(a.privateKeyObject()));
        assertTrue(KeyObject.from(jca.getPublic()).equals(a.publicKeyObject()));
    }

    @Test
    void theJacobiSymbolIsEulersCriterionOnSafePrimes() {
        java.util.Random rnd = new java.util.Random(5);
        for (String g : new String[] {"modp1", "modp14"}) {
            BigInteger p = new BigInteger(1, getDiffieHellman(g).getPrime().toByteArray());
            BigInteger q = p.shiftRight(1);
            for (int i = 0; i < 200; i++) {
                BigInteger y = i < 4 ? BigInteger.valueOf(new long[] {2, 3, 4, 5}[i])
                        : i < 6 ? p.subtract(BigInteger.valueOf(i - 2)) : new BigInteger(p.bitLength() - 1, rnd).add(BigInteger.TWO);
                BigInteger euler = y.modPow(q, p);
                int expected = euler.equals(BigInteger.ONE) ? 1 : euler.equals(p.subtract(BigInteger.ONE)) ? -1 : 0;
                assertEquals(expected, KeyAgreement.jacobi(y, p), g + " " + y);
            }
        }
        assertEquals(0, KeyAgreement.jacobi(BigInteger.valueOf(21), BigInteger.valueOf(7)));
        assertEquals(-1, KeyAgreement.jacobi(BigInteger.valueOf(2), BigInteger.valueOf(11)));
        assertEquals(1, KeyAgreement.jacobi(BigInteger.valueOf(5), BigInteger.valueOf(11)));
    }

    @Test
    void anEncryptedExportReadsBackWithItsPassphrase() {
        KeyObject priv = generateKeyPairSync("dh", KeyPairOptions.defaults().group("modp2")).privateKeyObject();
        String pem = (String) priv.export(KeyExportOptions.pem("pkcs8").cipher("aes-256-cbc").passphrase("pw"));
        assertTrue(pem.startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----\n"));
        assertTrue(createPrivateKey(KeyInput.of(pem).passphrase("pw")).equals(priv));
    }

    @Test
    void everyAgreeingTypeAgreesBothWays() {
        String[][] types = {{"ec", "prime256v1"}, {"ec", "secp384r1"}, {"ec", "secp521r1"}, {"ec", "secp256k1"},
            {"ec", "secp224r1"}, {"x25519", null}, {"x448", null}};
        int[] sizes = {32, 48, 66, 32, 28, 32, 56};
        for (int i = 0; i < types.length; i++) {
            KeyPairOptions o = types[i][1] == null ? KeyPairOptions.defaults() : KeyPairOptions.defaults().namedCurve(types[i][1]);
            GeneratedKeyPair a = generateKeyPairSync(types[i][0], o);
            GeneratedKeyPair b = generateKeyPairSync(types[i][0], o);
            Buffer s = diffieHellman(a.privateKeyObject(), b.publicKeyObject());
            assertEquals(sizes[i], s.length());
            assertTrue(s.equals(diffieHellman(b.privateKeyObject(), a.publicKeyObject())));
            assertNotEquals(Buffer.alloc(sizes[i]).toString("hex"), s.toString("hex"));
        }
    }

    @Test
    void errorsInNodesOrder() {
        GeneratedKeyPair x = generateKeyPairSync("x25519");
        GeneratedKeyPair ed = generateKeyPairSync("ed25519");
        GeneratedKeyPair p256 = generateKeyPairSync("ec", KeyPairOptions.defaults().namedCurve("P-256"));
        GeneratedKeyPair p384 = generateKeyPairSync("ec", KeyPairOptions.defaults().namedCurve("P-384"));
        assertNodeError("TypeError", "ERR_INVALID_ARG_TYPE", "The \"options\" argument must be of type object. Received undefined",
                () -> diffieHellman(null));
        assertNodeError("TypeError", "ERR_INVALID_ARG_VALUE", "The property 'options.privateKey' is invalid. Received undefined",
                () -> diffieHellman(DiffieHellmanOptions.defaults()));
        assertNodeError("TypeError", "ERR_INVALID_ARG_VALUE", "The property 'options.publicKey' is invalid. Received 'x'",
                () -> diffieHellman(DiffieHellmanOptions.of(x.publicKeyObject(), "x")));
        assertNodeError("TypeError", "ERR_INVALID_ARG_VALUE", "The property 'options.publicKey' is invalid. Received null",
                () -> diffieHellman(DiffieHellmanOptions.defaults().privateKey(x.privateKeyObject()).publicKey(null)));
        assertNodeError("TypeError", "ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE", "Invalid key object type public, expected private.",
                () -> diffieHellman(x.publicKeyObject(), x.publicKeyObject()));
        assertNodeError("TypeError", "ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE",
                "Invalid key object type secret, expected private or public.",
                () -> diffieHellman(x.privateKeyObject(), Crypto.createSecretKey(new byte[16])));
        assertNodeError("Error", "ERR_CRYPTO_INCOMPATIBLE_KEY", "Incompatible key types for Diffie-Hellman: ed25519 and ed25519",
                () -> diffieHellman(ed.privateKeyObject(), ed.publicKeyObject()));
        assertNodeError("Error", "ERR_CRYPTO_INCOMPATIBLE_KEY", "Incompatible key types for Diffie-Hellman: x25519 and ec",
                () -> diffieHellman(x.privateKeyObject(), p256.publicKeyObject()));
        assertNodeError("Error", "ERR_OSSL_MISMATCHING_DOMAIN_PARAMETERS",
                "error:1C8000CB:Provider routines::mismatching domain parameters",
                () -> diffieHellman(p256.privateKeyObject(), p384.publicKeyObject()));
        KeyObject zero = createPublicKey(KeyInput.of(Buffer.from("302a300506032b656e032100" + "00".repeat(32), "hex"))
                .format("der").type("spki"));
        assertNodeError("Error", "ERR_OSSL_FAILED_DURING_DERIVATION",
                "error:1C8000A4:Provider routines::failed during derivation",
                () -> diffieHellman(x.privateKeyObject(), zero));
    }
}
