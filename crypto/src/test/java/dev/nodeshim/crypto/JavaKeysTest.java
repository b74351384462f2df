package dev.nodeshim.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** KeyObject to and from java.security keys; signatures cross between the JDK and nodeshim. */
class JavaKeysTest {
    static java.util.stream.Stream<String> keys() {
        return KeyFixtures.KEYS.keySet().stream();
    }

    @ParameterizedTest
    @MethodSource("keys")
    void roundTripsThroughJavaKeys(String name) {
        KeyObject priv = Crypto.createPrivateKey(KeyFixtures.text(KeyFixtures.get(name, "private.pem.pkcs8")));
        assertTrue(priv.equals(KeyObject.from(priv.toPrivateKey())), name);
        assertTrue(Crypto.createPublicKey(priv).equals(KeyObject.from(priv.toPublicKey())), name);
        assertEquals(2, java.util.List.of(priv.toKeyPair().getPublic(), priv.toKeyPair().getPrivate()).size());
    }

    @Test
    void signaturesCrossBetweenTheJdkAndNodeshim() throws Exception {
        byte[] data = "cross".getBytes(StandardCharsets.UTF_8);
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp384r1"));
        java.security.KeyPair kp = g.generateKeyPair();
        Signature s = Signature.getInstance("SHA384withECDSA");
        s.initSign(kp.getPrivate());
        s.update(data);
        assertTrue(Crypto.verify("sha384", data, KeyObject.from(kp.getPublic()), s.sign()));
        byte[] ours = Crypto.sign("sha384", data, KeyObject.from(kp.getPrivate())).toByteArray();
        s.initVerify(kp.getPublic());
        s.update(data);
        assertTrue(s.verify(ours));
        KeyObject ed = Crypto.generateKeyPairSync("ed25519").privateKeyObject();
        Signature e = Signature.getInstance("Ed25519");
        e.initSign(ed.toPrivateKey());
        e.update(data);
        assertArrayEquals(e.sign(), Crypto.sign(null, data, ed).toByteArray(), "Ed25519 is deterministic");
        KeyObject secret = Crypto.createSecretKey(new byte[] {1, 2, 3});
        assertArrayEquals(new byte[] {1, 2, 3}, secret.toSecretKey("HmacSHA256").getEncoded());
        assertTrue(secret.equals(KeyObject.from(secret.toSecretKey("AES"))));
    }
}
