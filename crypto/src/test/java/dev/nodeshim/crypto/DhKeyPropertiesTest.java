package dev.nodeshim.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodeshim.buffer.Buffer;
import dev.nodeshim.errors.NodeError;
import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * {@code diffieHellman()} on dh KeyObjects against {@link DiffieHellman#computeSecret}, whose bytes and
 * errors the {@code crypto.dh} conformance cases hold to Node's: for any private value and any peer
 * value from 2 to p-2 on a group, the one-shot gives the same secret, or refuses exactly when
 * computeSecret does (and a key read back from its export agrees too).
 */
class DhKeyPropertiesTest {
    private static final BigInteger P = new BigInteger(1, Crypto.getDiffieHellman("modp2").getPrime().toByteArray());

    private static KeyObject privateKey(BigInteger g, BigInteger x) {
        byte[] der = Der.seq(Der.integer(0), Der.seq(Der.oid(Oids.DH), Der.seq(Der.integer(P), Der.integer(g))),
                Der.octets(Der.integer(x)));
        return Crypto.createPrivateKey(KeyInput.of(der).format("der").type("pkcs8"));
    }

    private static KeyObject publicKey(BigInteger g, BigInteger y) {
        byte[] der = Der.seq(Der.seq(Der.oid(Oids.DH), Der.seq(Der.integer(P), Der.integer(g))),
                Der.bits(Der.integer(y)));
        return Crypto.createPublicKey(KeyInput.of(der).format("der").type("spki"));
    }

    @Property(tries = 60)
    void theOneShotIsComputeSecret(@ForAll @Size(min = 1, max = 140) byte[] privateValue,
            @ForAll @Size(min = 1, max = 130) byte[] peerValue, @ForAll @IntRange(min = 2, max = 7) int generator) {
        BigInteger x = new BigInteger(1, privateValue);
        // a peer in 2 … p-2: outside it the one-shot refuses it up front (OpenSSL's DH_check_pub_key)
        // while computeSecret looks only at the result (the conformance cases show both)
        BigInteger y = new BigInteger(1, peerValue).mod(P.subtract(BigInteger.valueOf(3))).add(BigInteger.TWO);
        peerValue = y.toByteArray();
        BigInteger g = BigInteger.valueOf(generator);
        DiffieHellman dh = Crypto.createDiffieHellman(P.toByteArray(), generator).setPrivateKey(privateValue);
        String expected;
        try {
            expected = dh.computeSecret(peerValue).toString("hex");
        } catch (NodeError e) {
            expected = null;
        }
        String actual;
        try {
            actual = Crypto.diffieHellman(privateKey(g, x), publicKey(g, y)).toString("hex");
        } catch (NodeError e) {
            actual = null;
            // the one-shot's own words for what computeSecret calls a bad key
            assertTrue(e.code().startsWith("ERR_OSSL_DH_"), e.code());
        }
        assertEquals(expected, actual);
        if (actual != null) {
            KeyObject back = Crypto.createPrivateKey((String) privateKey(g, x).export(KeyExportOptions.pem("pkcs8")));
            Buffer again = Crypto.diffieHellman(back, publicKey(g, y));
            assertEquals(actual, again.toString("hex"));
        }
    }
}
