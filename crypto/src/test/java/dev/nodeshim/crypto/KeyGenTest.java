package dev.nodeshim.crypto;

import static dev.nodeshim.crypto.NodeAssert.assertNodeError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodeshim.buffer.Buffer;
import dev.nodeshim.loop.EventLoop;
import java.math.BigInteger;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** generateKeyPair(Sync) and generateKey(Sync): Node's details, encodings and errors (expected values from node). */
class KeyGenTest {
    @Test
    void everyTypeMakesAWorkingPair() {
        String[][] cases = {
            {"rsa", "{\"modulusLength\":1024,\"publicExponent\":\"65537\"}"},
            {"rsa-pss", "{\"modulusLength\":1024,\"publicExponent\":\"65537\",\"hashAlgorithm\":\"sha384\",\"mgf1HashAlgorithm\":\"sha384\",\"saltLength\":48}"},
            {"dsa", "{\"modulusLength\":1024,\"divisorLength\":224}"},
            {"ec", "{\"namedCurve\":\"secp384r1\"}"},
            {"ed25519", "{}"}, {"ed448", "{}"}, {"x25519", "{}"}, {"x448", "{}"},
        };
        for (String[] c : cases) {
            KeyPairOptions o = KeyPairOptions.defaults().modulusLength(1024).namedCurve("P-384");
            if (c[0].equals("rsa-pss")) {
                o = o.hashAlgorithm("sha384");
            }
            GeneratedKeyPair kp = Crypto.generateKeyPairSync(c[0], o);
            KeyObject priv = kp.privateKeyObject();
            Map<String, Object> details = priv.asymmetricKeyDetails().toMap();
            details.replaceAll((k, v) -> v instanceof BigInteger ? v.toString() : v);
            assertEquals(c[1], KeyFixtures.toJson(details), c[0]);
            assertEquals(c[0], kp.publicKeyObject().asymmetricKeyType());
            assertTrue(kp.publicKeyObject().equals(Crypto.createPublicKey(priv)));
            // the pkcs8 export reads back as the same key
            Object pem = priv.export(KeyExportOptions.pem("pkcs8"));
            assertTrue(priv.equals(Crypto.createPrivateKey(pem)), c[0]);
        }
    }

    @Test
    void encodingsReturnExports() {
        GeneratedKeyPair kp = Crypto.generateKeyPairSync("ec", KeyPairOptions.defaults().namedCurve("prime256v1")
                .publicKeyEncoding(KeyExportOptions.pem("spki"))
                .privateKeyEncoding(KeyExportOptions.der("sec1")));
        assertTrue(kp.publicKeyPem().startsWith("-----BEGIN PUBLIC KEY-----\n"));
        Buffer der = kp.privateKeyDer();
        KeyObject priv = Crypto.createPrivateKey(KeyInput.of(der).format("der").type("sec1"));
        assertTrue(Crypto.createPublicKey(kp.publicKeyPem()).equals(Crypto.createPublicKey(priv)));
        GeneratedKeyPair jwk = Crypto.generateKeyPairSync("ed25519",
                KeyPairOptions.defaults().privateKeyEncoding(KeyExportOptions.jwk()));
        assertEquals("Ed25519", jwk.privateKeyJwk().get("crv"));
        // x25519 private keys are stored clamped, as OpenSSL makes them
        byte[] x = Crypto.generateKeyPairSync("x25519").privateKeyObject().export(KeyExportOptions.der("pkcs8"))
                instanceof Buffer b ? b.toByteArray() : null;
        assertEquals(0, x[x.length - 32] & 7);
        assertEquals(64, x[x.length - 1] & 0xc0);
    }

    @Test
    void nodeErrors() {
        assertNodeError("TypeError", "ERR_INVALID_ARG_VALUE", "The argument 'type' must be a supported key type. Received 'foo'",
                () -> Crypto.generateKeyPairSync("foo"));
        assertNodeError("TypeError", "ERR_INVALID_ARG_TYPE", "The \"options\" argument must be of type object. Received undefined",
                () -> Crypto.generateKeyPairSync("rsa"));
        assertNodeError("TypeError", "ERR_INVALID_ARG_TYPE",
                "The \"options.modulusLength\" property must be of type number. Received undefined",
                () -> Crypto.generateKeyPairSync("rsa", KeyPairOptions.defaults()));
        assertNodeError("RangeError", "ERR_OUT_OF_RANGE",
                "The value of \"options.modulusLength\" is out of range. It must be >= 0 && <= 4294967295. Received -1",
                () -> Crypto.generateKeyPairSync("rsa", KeyPairOptions.defaults().modulusLength(-1)));
        assertNodeError("Error", null, "error:1C8000AB:Provider routines::key size too small",
                () -> Crypto.generateKeyPairSync("rsa", KeyPairOptions.defaults().modulusLength(256)));
        assertNodeError("Error", null, "error:020000B2:rsa routines::pub exponent out of range",
                () -> Crypto.generateKeyPairSync("rsa", KeyPairOptions.defaults().modulusLength(512).publicExponent(4)));
        assertNodeError("TypeError", "ERR_CRYPTO_INVALID_DIGEST", "Invalid digest: foo",
                () -> Crypto.generateKeyPairSync("rsa-pss", KeyPairOptions.defaults().modulusLength(512).hashAlgorithm("foo")));
        assertNodeError("TypeError", "ERR_CRYPTO_INVALID_CURVE", "Invalid EC curve name",
                () -> Crypto.generateKeyPairSync("ec", KeyPairOptions.defaults().namedCurve("foo")));
        assertNodeError("TypeError", "ERR_INVALID_ARG_VALUE",
                "The property 'options.publicKeyEncoding.type' is invalid. Received 'pkcs8'",
                () -> Crypto.generateKeyPairSync("rsa", KeyPairOptions.defaults().modulusLength(512)
                        .publicKeyEncoding(KeyExportOptions.pem("pkcs8"))));
        assertNodeError("Error", "ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS",
                "The selected key encoding pkcs1 can only be used for RSA keys.",
                () -> Crypto.generateKeyPairSync("ed25519", KeyPairOptions.defaults()
                        .publicKeyEncoding(KeyExportOptions.pem("pkcs1"))));
        assertNodeError("TypeError", "ERR_INVALID_ARG_VALUE",
                "The property 'options.privateKeyEncoding.passphrase' is invalid. Received undefined",
                () -> Crypto.generateKeyPairSync("rsa", KeyPairOptions.defaults().modulusLength(512)
                        .privateKeyEncoding(KeyExportOptions.pem("pkcs8").cipher("aes-128-cbc"))));
        assertNodeError("RangeError", "ERR_OUT_OF_RANGE",
                "The value of \"options.length\" is out of range. It must be >= 8 && <= 2147483647. Received 7",
                () -> Crypto.generateKeySync("hmac", 7));
        assertNodeError("TypeError", "ERR_INVALID_ARG_VALUE",
                "The property 'options.length' must be one of: 128, 192, 256. Received 100",
                () -> Crypto.generateKeySync("aes", 100));
    }

    @Test
    void secretKeys() {
        assertEquals(12, Crypto.generateKeySync("hmac", 100).symmetricKeySize());
        assertEquals(32, Crypto.generateKeySync("aes", 256).symmetricKeySize());
    }

    @Test
    void asynchronousFormsCallBackOnTheLoop() {
        AtomicReference<Object[]> got = new AtomicReference<>();
        AtomicReference<KeyObject> secret = new AtomicReference<>();
        EventLoop.run(() -> {
            Thread loop = Thread.currentThread();
            Crypto.generateKeyPair("ed25519", null, (err, pub, priv) -> {
                assertEquals(loop, Thread.currentThread());
                got.set(new Object[] {err, pub, priv});
            });
            Crypto.generateKey("aes", 128, (err, key) -> secret.set(key));
        });
        assertNull(got.get()[0]);
        assertEquals("public", ((KeyObject) got.get()[1]).type());
        assertEquals("private", ((KeyObject) got.get()[2]).type());
        assertNotNull(secret.get());
        assertEquals(16, secret.get().symmetricKeySize());
    }
}
