package dev.nodeshim.crypto;

import static dev.nodeshim.crypto.NodeAssert.assertNodeError;
import static dev.nodeshim.crypto.NodeAssert.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodeshim.buffer.Buffer;
import dev.nodeshim.errors.NodeError;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** KeyObject against keys.tsv: Node's exports of its own keys, byte for byte, and Node's errors. */
class KeyObjectTest {
    static Stream<String> keys() {
        return KeyFixtures.KEYS.keySet().stream();
    }

    private static String describe(Object v) {
        if (v instanceof Buffer b) {
            return b.toString("hex");
        }
        if (v instanceof String s) {
            return "b64:" + java.util.Base64.getEncoder().encodeToString(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) v;
        return "json:" + java.util.Base64.getEncoder().encodeToString(
                KeyFixtures.toJson(m).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String run(java.util.function.Supplier<Object> f) {
        try {
            return describe(f.get());
        } catch (NodeError e) {
            return "!" + e.name() + "|" + e.code() + "|" + e.getMessage();
        }
    }

    @ParameterizedTest
    @MethodSource("keys")
    void exportsEveryFormatAsNodeDoes(String name) {
        KeyObject priv = Crypto.createPrivateKey(KeyFixtures.text(KeyFixtures.get(name, "private.pem.pkcs8")));
        KeyObject pub = Crypto.createPublicKey(KeyFixtures.text(KeyFixtures.get(name, "public.pem.spki")));
        assertEquals("private", priv.type());
        assertEquals("public", pub.type());
        assertEquals(KeyFixtures.text(KeyFixtures.get(name, "type")), priv.asymmetricKeyType());
        assertEquals(KeyFixtures.text(KeyFixtures.get(name, "details")),
                KeyFixtures.toJson(stringify(priv.asymmetricKeyDetails().toMap())));
        assertNull(priv.symmetricKeySize());
        for (String format : new String[] {"pem", "der"}) {
            for (String type : new String[] {"pkcs1", "pkcs8", "sec1"}) {
                String field = "private." + format + "." + type;
                assertEquals(KeyFixtures.get(name, field),
                        run(() -> priv.export(KeyExportOptions.defaults().format(format).type(type))), field);
            }
            for (String type : new String[] {"pkcs1", "spki"}) {
                String field = "public." + format + "." + type;
                assertEquals(KeyFixtures.get(name, field),
                        run(() -> pub.export(KeyExportOptions.defaults().format(format).type(type))), field);
            }
        }
        assertEquals(KeyFixtures.get(name, "private.jwk"), run(() -> priv.export(KeyExportOptions.jwk())));
        assertEquals(KeyFixtures.get(name, "public.jwk"), run(() -> pub.export(KeyExportOptions.jwk())));
        assertTrue(pub.equals(Crypto.createPublicKey(priv)));
        assertFalse(priv.equals(pub));
    }

    private static Map<String, Object> stringify(Map<String, Object> m) {
        m.replaceAll((k, v) -> v instanceof java.math.BigInteger ? v.toString() : v);
        return m;
    }

    @ParameterizedTest
    @MethodSource("keys")
    void readsEveryFormNodeWrites(String name) {
        KeyObject priv = Crypto.createPrivateKey(KeyFixtures.text(KeyFixtures.get(name, "private.pem.pkcs8")));
        KeyObject pub = Crypto.createPublicKey(priv);
        for (String type : new String[] {"pkcs1", "pkcs8", "sec1"}) {
            String pem = KeyFixtures.get(name, "private.pem." + type);
            if (!KeyFixtures.isError(pem)) {
                assertTrue(priv.equals(Crypto.createPrivateKey(KeyFixtures.text(pem))), type);
                byte[] der = hex(KeyFixtures.get(name, "private.der." + type));
                assertTrue(priv.equals(Crypto.createPrivateKey(KeyInput.of(der).format("der").type(type))), type);
                assertTrue(pub.equals(Crypto.createPublicKey(KeyInput.of(der).format("der").type(type))), type);
            }
        }
        for (String type : new String[] {"pkcs1", "spki"}) {
            String pem = KeyFixtures.get(name, "public.pem." + type);
            if (!KeyFixtures.isError(pem)) {
                assertTrue(pub.equals(Crypto.createPublicKey(KeyFixtures.text(pem))), type);
                byte[] der = hex(KeyFixtures.get(name, "public.der." + type));
                assertTrue(pub.equals(Crypto.createPublicKey(KeyInput.of(Buffer.from(der)).format("der").type(type))));
            }
        }
        String jwk = KeyFixtures.get(name, "private.jwk");
        if (!KeyFixtures.isError(jwk)) {
            Map<String, Object> m = KeyFixtures.json(KeyFixtures.text(jwk));
            assertTrue(priv.equals(Crypto.createPrivateKey(KeyInput.of(m).format("jwk"))));
            assertTrue(pub.equals(Crypto.createPublicKey(KeyInput.of(m).format("jwk"))));
        }
        for (String enc : new String[] {"encrypted.pkcs8", "encrypted.pkcs1", "encrypted.sec1"}) {
            String pem = KeyFixtures.get(name, enc);
            if (!KeyFixtures.isError(pem)) {
                String text = KeyFixtures.text(pem);
                assertTrue(priv.equals(Crypto.createPrivateKey(KeyInput.of(text).passphrase("top secret"))), enc);
                assertNodeError("Error", "ERR_OSSL_CRYPTO_INTERRUPTED_OR_CANCELLED",
                        "error:07880109:common libcrypto routines::interrupted or cancelled",
                        () -> Crypto.createPrivateKey(text));
                NodeError e = org.junit.jupiter.api.Assertions.assertThrows(NodeError.class,
                        () -> Crypto.createPrivateKey(KeyInput.of(text).passphrase("wrong")));
                assertTrue(e.getMessage().startsWith("error:"), e.getMessage());
            }
        }
        byte[] der = hex(KeyFixtures.get(name, "encrypted.der"));
        assertTrue(priv.equals(Crypto.createPrivateKey(KeyInput.of(der).format("der").type("pkcs8")
                .passphrase("top secret".getBytes(java.nio.charset.StandardCharsets.UTF_8)))));
    }

    @ParameterizedTest
    @MethodSource("keys")
    void encryptedExportsRoundTrip(String name) {
        KeyObject priv = Crypto.createPrivateKey(KeyFixtures.text(KeyFixtures.get(name, "private.pem.pkcs8")));
        for (String cipher : new String[] {"aes-128-cbc", "aes-256-cbc", "des-ede3-cbc", "aes-192-ofb", "camellia-256-cbc"}) {
            String pem = (String) priv.export(KeyExportOptions.pem("pkcs8").cipher(cipher).passphrase("pw"));
            assertTrue(pem.startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----\n"));
            assertTrue(priv.equals(Crypto.createPrivateKey(KeyInput.of(pem).passphrase("pw"))), cipher);
        }
        if (priv.asymmetricKeyType().equals("rsa") || priv.asymmetricKeyType().equals("ec")) {
            String type = priv.asymmetricKeyType().equals("rsa") ? "pkcs1" : "sec1";
            String pem = (String) priv.export(KeyExportOptions.pem(type).cipher("aes-256-cbc").passphrase("pw"));
            assertTrue(pem.contains("\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-256-CBC,"));
            assertTrue(priv.equals(Crypto.createPrivateKey(KeyInput.of(pem).passphrase("pw"))));
        }
    }

    @Test
    void secretKeys() {
        KeyObject k = Crypto.createSecretKey(new byte[] {1, 2, 3});
        assertEquals("secret", k.type());
        assertEquals(3, k.symmetricKeySize());
        assertNull(k.asymmetricKeyType());
        assertNull(k.asymmetricKeyDetails());
        assertEquals("010203", k.export().toString("hex"));
        assertEquals(Map.of("kty", "oct", "k", "AQID"), k.export(KeyExportOptions.jwk()));
        assertEquals("ab", Crypto.createSecretKey("ab", "hex").export().toString("hex"));
        assertTrue(k.equals(Crypto.createSecretKey(Buffer.from(new byte[] {1, 2, 3}))));
        assertNotEquals(k, Crypto.createSecretKey(new byte[] {1, 2}));
        assertNodeError("TypeError", "ERR_INVALID_ARG_VALUE",
                "The property 'options.format' must be one of: undefined, 'buffer', 'jwk'. Received 'pem'",
                () -> k.export(KeyExportOptions.pem("pkcs8")));
        assertEquals("SecretKeyObject", k.toString());
    }

    @Test
    void secretKeyObjectsKeyHmacCiphersAndHkdf() {
        KeyObject s = Crypto.createSecretKey(Buffer.alloc(16, 1.0));
        // expected values printed by node
        assertEquals("328d2c61a0fe7988090bdf6eaea0f3a5cdef3cff0a24254d133487cc7ed987fc",
                Crypto.createHmac("sha256", s).update("x").digest("hex"));
        assertEquals("68434d37d7f69f0e03b75bb15bc94b6c", Crypto.createCipheriv("aes-128-ecb", s, null).doFinal().toString("hex"));
        assertEquals("674afb7bb14f69c5", hex(Crypto.hkdfSync("sha256", s, "", "", 8).array()));
        KeyObject ed = Crypto.createPrivateKey(KeyFixtures.text(KeyFixtures.get("ed25519", "private.pem.pkcs8")));
        assertNodeError("TypeError", "ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE", "Invalid key object type private, expected secret.",
                () -> Crypto.createHmac("sha256", ed));
        assertNodeError("TypeError", "ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE", "Invalid key object type public, expected secret.",
                () -> Crypto.createCipheriv("aes-128-ecb", Crypto.createPublicKey(ed), null));
    }

    @Test
    void publicKeyOfAnX509Certificate() throws java.io.IOException {
        // cert.pem: made by `openssl req -x509 -newkey ec …`; the expected SPKI printed by node
        String cert = String.join("\n", NodeAssert.resourceLines("cert.pem")) + "\n";
        assertEquals("-----BEGIN PUBLIC KEY-----\n"
                + "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEhMpARzMqmBUuTG47Dfb6o3154Fug\n"
                + "V7vxthO6IcGvDufuazzQr1Ja2HDdws/y6TKIPtAjY+thD5u3FDJFXsESgg==\n"
                + "-----END PUBLIC KEY-----\n", Crypto.createPublicKey(cert).export(KeyExportOptions.pem("spki")));
        assertNodeError("Error", "ERR_OSSL_UNSUPPORTED", "error:1E08010C:DECODER routines::unsupported",
                () -> Crypto.createPrivateKey(cert));
    }

    @Test
    void nodeErrorsForBadInput() {
        String pkcs8 = KeyFixtures.text(KeyFixtures.get("rsa", "private.pem.pkcs8"));
        String spki = KeyFixtures.text(KeyFixtures.get("rsa", "public.pem.spki"));
        KeyObject priv = Crypto.createPrivateKey(pkcs8);
        assertNodeError("Error", "ERR_OSSL_UNSUPPORTED", "error:1E08010C:DECODER routines::unsupported",
                () -> Crypto.createPrivateKey("garbage"));
        assertNodeError("Error", "ERR_OSSL_UNSUPPORTED", "error:1E08010C:DECODER routines::unsupported",
                () -> Crypto.createPrivateKey(spki));
        assertNodeError("TypeError", "ERR_INVALID_ARG_TYPE", "The \"key\" argument must be of type string or an "
                + "instance of ArrayBuffer, Buffer, TypedArray, or DataView. Received type number (5)",
                () -> Crypto.createPrivateKey(5));
        assertNodeError("TypeError", "ERR_INVALID_ARG_VALUE", "The property 'options.type' is invalid. Received undefined",
                () -> Crypto.createPublicKey(KeyInput.of(new byte[] {48, 0}).format("der")));
        assertNodeError("TypeError", "ERR_INVALID_ARG_VALUE", "The property 'options.format' is invalid. Received 'xyz'",
                () -> Crypto.createPrivateKey(KeyInput.of(pkcs8).format("xyz")));
        assertNodeError("TypeError", "ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE", "Invalid key object type public, expected private.",
                () -> Crypto.createPublicKey(Crypto.createPublicKey(spki)));
        assertNodeError("TypeError", "ERR_INVALID_ARG_VALUE",
                "The property 'key.kty' must be one of: 'RSA', 'EC', 'OKP'. Received 'foo'",
                () -> Crypto.createPrivateKey(KeyInput.of(Map.of("kty", "foo")).format("jwk")));
        assertNodeError("TypeError", "ERR_INVALID_ARG_VALUE", "The property 'options.type' is invalid. Received 'spki'",
                () -> priv.export(KeyExportOptions.pem("spki")));
        assertNodeError("TypeError", "ERR_INVALID_ARG_VALUE", "The property 'options.passphrase' is invalid. Received undefined",
                () -> priv.export(KeyExportOptions.pem("pkcs8").cipher("aes-256-cbc")));
        assertNodeError("TypeError", "ERR_INVALID_ARG_VALUE", "The property 'options.cipher' is invalid. Received undefined",
                () -> priv.export(KeyExportOptions.pem("pkcs8").passphrase("x")));
        assertNodeError("Error", "ERR_CRYPTO_UNKNOWN_CIPHER", "Unknown cipher",
                () -> priv.export(KeyExportOptions.pem("pkcs8").cipher("nope").passphrase("x")));
        assertNodeError("Error", "ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS",
                "The selected key encoding pkcs1 does not support encryption.",
                () -> priv.export(KeyExportOptions.der("pkcs1").cipher("aes-128-cbc").passphrase("x")));
        assertNodeError("TypeError", "ERR_INVALID_ARG_TYPE",
                "The \"options\" argument must be of type object. Received undefined", () -> priv.export());
    }
}
