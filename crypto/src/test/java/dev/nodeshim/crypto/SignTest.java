package dev.nodeshim.crypto;

import static dev.nodeshim.crypto.NodeAssert.assertNodeError;
import static dev.nodeshim.crypto.NodeAssert.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodeshim.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** sign/verify and RSA encryption against Node's signatures and ciphertexts in keys.tsv. */
class SignTest {
    private static final byte[] DATA = "nodeshim signs this".getBytes(StandardCharsets.UTF_8);

    static Stream<String> signingKeys() {
        return KeyFixtures.KEYS.keySet().stream().filter(k -> KeyFixtures.KEYS.get(k).containsKey("signature"));
    }

    private static KeyObject priv(String name) {
        return Crypto.createPrivateKey(KeyFixtures.text(KeyFixtures.get(name, "private.pem.pkcs8")));
    }

    private static KeyObject pub(String name) {
        return Crypto.createPublicKey(KeyFixtures.text(KeyFixtures.get(name, "public.pem.spki")));
    }

    private static String alg(KeyObject k) {
        return k.asymmetricKeyType().startsWith("ed") ? null : "sha256";
    }

    @ParameterizedTest
    @MethodSource("signingKeys")
    void verifiesNodesSignaturesAndMakesOnesThatVerify(String name) {
        KeyObject priv = priv(name);
        KeyObject pub = pub(name);
        String alg = alg(priv);
        byte[] nodeSig = hex(KeyFixtures.get(name, "signature"));
        assertTrue(Crypto.verify(alg, DATA, pub, nodeSig));
        assertTrue(Crypto.verify(alg, DATA, priv, nodeSig));
        byte[] tampered = nodeSig.clone();
        tampered[tampered.length / 2] ^= 4;
        assertFalse(Crypto.verify(alg, DATA, pub, tampered));
        assertFalse(Crypto.verify(alg, "other data", pub, nodeSig));
        Buffer ours = Crypto.sign(alg, DATA, priv);
        assertTrue(Crypto.verify(alg, DATA, pub, ours));
        String t = priv.asymmetricKeyType();
        if (t.equals("rsa") || t.startsWith("ed")) {
            assertArrayEquals(nodeSig, ours.toByteArray(), "deterministic scheme gives Node's bytes");
        }
        if (KeyFixtures.KEYS.get(name).containsKey("signature.pss")) {
            KeyInput pss = KeyInput.of(pub).padding(CryptoConstants.RSA_PKCS1_PSS_PADDING);
            assertTrue(Crypto.verify(alg, DATA, pss, hex(KeyFixtures.get(name, "signature.pss"))));
            Buffer mine = Crypto.sign(alg, DATA, KeyInput.of(priv).padding(CryptoConstants.RSA_PKCS1_PSS_PADDING));
            assertTrue(Crypto.verify(alg, DATA, pss, mine));
        }
        if (KeyFixtures.KEYS.get(name).containsKey("signature.p1363")) {
            KeyInput p1363 = KeyInput.of(pub).dsaEncoding("ieee-p1363");
            assertTrue(Crypto.verify(alg, DATA, p1363, hex(KeyFixtures.get(name, "signature.p1363"))));
            Buffer mine = Crypto.sign(alg, DATA, KeyInput.of(priv).dsaEncoding("ieee-p1363"));
            assertTrue(Crypto.verify(alg, DATA, p1363, mine));
            assertFalse(Crypto.verify(alg, DATA, pub, mine), "a p1363 signature is not DER");
        }
        if (alg != null) {
            Sign s = Crypto.createSign("SHA256");
            s.update("nodeshim ").update(Buffer.from("signs this"));
            Buffer streamed = s.sign(priv);
            Verify v = Crypto.createVerify("RSA-SHA256");
            v.update(DATA);
            assertTrue(v.verify(pub, streamed));
            assertNodeError("Error", "ERR_CRYPTO_INVALID_STATE", "Not initialised", () -> s.update("x"));
        }
    }

    @Test
    void callbackFormsRunOffTheLoopAndCallBackOnIt() {
        KeyObject priv = priv("ed25519");
        java.util.concurrent.atomic.AtomicReference<Object[]> got = new java.util.concurrent.atomic.AtomicReference<>();
        dev.nodeshim.loop.EventLoop.run(() -> {
            Thread loop = Thread.currentThread();
            Crypto.sign(null, DATA, priv, (err, sig) -> {
                assertEquals(loop, Thread.currentThread());
                Crypto.verify(null, DATA, Crypto.createPublicKey(priv), sig, (err2, ok) -> got.set(new Object[] {err, sig, err2, ok}));
            });
        });
        assertEquals(null, got.get()[0]);
        assertArrayEquals(hex(KeyFixtures.get("ed25519", "signature")), ((Buffer) got.get()[1]).toByteArray());
        assertEquals(true, got.get()[3]);
        assertNodeError("TypeError", "ERR_CRYPTO_INVALID_DIGEST", "Invalid digest: nope",
                () -> Crypto.sign("nope", DATA, priv("rsa"), (err, sig) -> { }));
    }

    @Test
    void rsaEncryptionInteroperatesWithNode() {
        KeyObject priv = priv("rsa");
        KeyObject pub = pub("rsa");
        byte[] oaep = hex(KeyFixtures.get("rsa", "oaep"));
        assertArrayEquals(DATA, Crypto.privateDecrypt(KeyInput.of(priv).oaepHash("sha256").oaepLabel("label"), oaep)
                .toByteArray());
        assertNodeError("Error", "ERR_OSSL_RSA_OAEP_DECODING_ERROR", "error:02000079:rsa routines::oaep decoding error",
                () -> Crypto.privateDecrypt(priv, oaep));
        assertArrayEquals(hex(KeyFixtures.get("rsa", "privenc")), Crypto.privateEncrypt(priv, DATA).toByteArray());
        assertArrayEquals(DATA, Crypto.publicDecrypt(pub, hex(KeyFixtures.get("rsa", "privenc"))).toByteArray());
        Buffer ct = Crypto.publicEncrypt(pub, DATA);
        assertArrayEquals(DATA, Crypto.privateDecrypt(priv, ct).toByteArray());
        assertNodeError("TypeError", "ERR_INVALID_ARG_VALUE", "RSA_PKCS1_PADDING is no longer supported for private "
                + "decryption, this can be reverted with --security-revert=CVE-2023-46809",
                () -> Crypto.privateDecrypt(KeyInput.of(priv).padding(CryptoConstants.RSA_PKCS1_PADDING),
                        hex(KeyFixtures.get("rsa", "pkcs1enc"))));
        assertNodeError("Error", "ERR_OSSL_RSA_DATA_TOO_LARGE_FOR_KEY_SIZE",
                "error:0200006E:rsa routines::data too large for key size", () -> Crypto.publicEncrypt(pub, new byte[100]));
        assertNodeError("Error", "ERR_OSSL_OPERATION_NOT_SUPPORTED_FOR_THIS_KEYTYPE",
                "error:1C8000B2:Provider routines::operation not supported for this keytype",
                () -> Crypto.publicEncrypt(pub("rsa-pss"), new byte[1]));
        assertNodeError("Error", "ERR_OSSL_EVP_OPERATION_NOT_SUPPORTED_FOR_THIS_KEYTYPE",
                "error:03000096:digital envelope routines::operation not supported for this keytype",
                () -> Crypto.publicEncrypt(pub("ed25519"), new byte[1]));
        assertNodeError("Error", "ERR_OSSL_RSA_DATA_TOO_SMALL_FOR_KEY_SIZE",
                "error:0200007A:rsa routines::data too small for key size",
                () -> Crypto.publicEncrypt(KeyInput.of(pub).padding(CryptoConstants.RSA_NO_PADDING), new byte[3]));
    }

    @Test
    void nodeErrors() {
        KeyObject rsa = priv("rsa");
        assertNodeError("TypeError", "ERR_CRYPTO_INVALID_DIGEST", "Invalid digest: foo", () -> Crypto.sign("foo", DATA, rsa));
        assertNodeError("Error", "ERR_OSSL_DIGEST_NOT_ALLOWED", "error:1C8000AE:Provider routines::digest not allowed",
                () -> Crypto.sign("shake256", DATA, rsa));
        assertNodeError("TypeError", "ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE", "Invalid key object type public, expected private.",
                () -> Crypto.sign("sha256", DATA, pub("rsa")));
        assertNodeError("Error", "ERR_OSSL_INVALID_DIGEST", "error:1C80007A:Provider routines::invalid digest",
                () -> Crypto.sign("sha256", DATA, priv("ed25519")));
        assertNodeError("Error", "ERR_OSSL_EVP_OPERATION_NOT_SUPPORTED_FOR_THIS_KEYTYPE",
                "error:03000096:digital envelope routines::operation not supported for this keytype",
                () -> Crypto.sign(null, DATA, priv("x25519")));
        assertNodeError("Error", "ERR_OSSL_ILLEGAL_OR_UNSUPPORTED_PADDING_MODE",
                "error:1C8000A5:Provider routines::illegal or unsupported padding mode",
                () -> Crypto.sign("sha256", DATA, KeyInput.of(rsa).padding(99)));
        assertNodeError("Error", "ERR_OSSL_INVALID_SALT_LENGTH", "error:1C800070:Provider routines::invalid salt length",
                () -> Crypto.sign("sha256", DATA, KeyInput.of(rsa).padding(6).saltLength(-4)));
        assertNodeError("Error", "ERR_OSSL_RSA_DATA_TOO_LARGE_FOR_KEY_SIZE",
                "error:0200006E:rsa routines::data too large for key size",
                () -> Crypto.sign("sha256", DATA, KeyInput.of(rsa).padding(6).saltLength(200)));
        assertNodeError("TypeError", "ERR_INVALID_ARG_VALUE", "The property 'options.dsaEncoding' is invalid. Received 'foo'",
                () -> Crypto.sign("sha256", DATA, KeyInput.of(priv("ec-prime256v1")).dsaEncoding("foo")));
        assertNodeError("Error", "ERR_OSSL_DIGEST_NOT_ALLOWED", "error:1C8000AE:Provider routines::digest not allowed",
                () -> Crypto.sign("sha1", DATA, priv("rsa-pss")));
        assertNodeError("Error", "ERR_OSSL_PSS_SALTLEN_TOO_SMALL", "error:1C8000AC:Provider routines::pss saltlen too small",
                () -> Crypto.sign("sha256", DATA, KeyInput.of(priv("rsa-pss")).saltLength(10)));
        assertNodeError("TypeError", "ERR_CRYPTO_INVALID_DIGEST", "Invalid digest", () -> Crypto.createSign("foo"));
        assertNodeError("Error", "ERR_CRYPTO_UNSUPPORTED_OPERATION", "Unsupported crypto operation",
                () -> Crypto.createSign("sha256").update("x").sign(priv("ed25519")));
        assertFalse(Crypto.verify("sha256", DATA, pub("rsa"), new byte[3]));
        assertFalse(Crypto.verify("sha256", DATA, KeyInput.of(pub("ec-prime256v1")).dsaEncoding("ieee-p1363"), new byte[63]));
        assertEquals(128, Crypto.sign(null, DATA, rsa).length());
    }
}
