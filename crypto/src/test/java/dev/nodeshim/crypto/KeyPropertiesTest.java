package dev.nodeshim.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodeshim.buffer.Buffer;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Properties over Node's fixture keys: a signature verifies exactly until one bit of it or of the data
 * changes; every export format reads back as the same key; OAEP round-trips any message that fits.
 */
class KeyPropertiesTest {
    private static final Map<String, KeyObject> PRIVATE = new java.util.HashMap<>();

    private static KeyObject priv(String name) {
        return PRIVATE.computeIfAbsent(name,
                n -> Crypto.createPrivateKey(KeyFixtures.text(KeyFixtures.get(n, "private.pem.pkcs8"))));
    }

    @Provide
    Arbitrary<String> signingKeys() {
        return Arbitraries.of(KeyFixtures.KEYS.keySet().stream()
                .filter(k -> KeyFixtures.KEYS.get(k).containsKey("signature")).toList());
    }

    @Provide
    Arbitrary<String> allKeys() {
        return Arbitraries.of(List.copyOf(KeyFixtures.KEYS.keySet()));
    }

    @Property(tries = 150)
    void aSignatureVerifiesUntilABitChanges(@ForAll("signingKeys") String name, @ForAll @Size(max = 300) byte[] data,
            @ForAll boolean p1363, @ForAll @IntRange(min = 0, max = 10_000) int where) {
        KeyObject key = priv(name);
        KeyObject pub = Crypto.createPublicKey(key);
        String alg = key.asymmetricKeyType().startsWith("ed") ? null : "sha384";
        KeyInput signer = KeyInput.of(key);
        KeyInput verifier = KeyInput.of(pub);
        if (p1363) {
            signer = signer.dsaEncoding("ieee-p1363");
            verifier = verifier.dsaEncoding("ieee-p1363");
        }
        if (key.asymmetricKeyType().equals("rsa-pss")) {
            alg = "sha256"; // the fixture's restricted key signs only with its own hash
        }
        byte[] sig = Crypto.sign(alg, data, signer).toByteArray();
        assertTrue(Crypto.verify(alg, data, verifier, sig));
        byte[] bad = sig.clone();
        bad[where % bad.length] ^= (byte) (1 << (where % 8));
        assertFalse(Crypto.verify(alg, data, verifier, bad));
        if (data.length > 0) {
            byte[] other = data.clone();
            other[where % other.length] ^= 1;
            assertFalse(Crypto.verify(alg, other, verifier, sig));
        }
    }

    @Property(tries = 100)
    void everyFormatReadsBackAsTheSameKey(@ForAll("allKeys") String name, @ForAll boolean viaPublic) {
        KeyObject key = viaPublic ? Crypto.createPublicKey(priv(name)) : priv(name);
        List<String> types = viaPublic ? List.of("spki", "pkcs1") : List.of("pkcs8", "pkcs1", "sec1");
        for (String type : types) {
            for (String format : List.of("pem", "der")) {
                Object out;
                try {
                    out = key.export(KeyExportOptions.defaults().format(format).type(type));
                } catch (dev.nodeshim.errors.NodeError e) {
                    assertEquals("ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS", e.code());
                    continue;
                }
                KeyInput in = KeyInput.of(out).format(format).type(type);
                KeyObject back = viaPublic ? Crypto.createPublicKey(in) : Crypto.createPrivateKey(in);
                assertTrue(key.equals(back), name + " " + format + " " + type);
            }
        }
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> jwk = (Map<String, Object>) key.export(KeyExportOptions.jwk());
            KeyInput in = KeyInput.jwk(jwk);
            assertTrue(key.equals(viaPublic ? Crypto.createPublicKey(in) : Crypto.createPrivateKey(in)), name + " jwk");
        } catch (dev.nodeshim.errors.NodeError e) {
            assertEquals("ERR_CRYPTO_JWK_UNSUPPORTED_KEY_TYPE", e.code());
        }
    }

    @Property(tries = 60)
    void oaepRoundTrips(@ForAll @Size(max = 62) byte[] message, @ForAll("oaepHashes") String hash,
            @ForAll @Size(max = 20) byte[] label) {
        KeyObject key = priv("rsa");
        KeyInput enc = KeyInput.of(Crypto.createPublicKey(key)).oaepHash(hash).oaepLabel(label);
        Buffer ct = Crypto.publicEncrypt(enc, message);
        assertArrayEquals(message, Crypto.privateDecrypt(KeyInput.of(key).oaepHash(hash).oaepLabel(label), ct).toByteArray());
    }

    @Provide
    Arbitrary<String> oaepHashes() {
        return Arbitraries.of("sha1", "sha256", "sha224", "md5", "sha3-256");
    }
}
