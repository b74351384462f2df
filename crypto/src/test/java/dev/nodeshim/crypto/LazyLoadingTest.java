package dev.nodeshim.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodeshim.buffer.Buffer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * BouncyCastle stays unloaded until an algorithm needs it, and its provider never joins the JVM's
 * global list (RSA keys, signatures and OAEP included): checked in a fresh JVM ({@code -verbose:class} lists every class it loads), since this
 * test JVM has long loaded everything.
 */
class LazyLoadingTest {
    /** Run in the child JVM: JDK-backed algorithms, a marker line, then one that needs BouncyCastle. */
    public static final class Main {
        public static void main(String[] args) {
            Crypto.createHash("sha256").update("x").digest("hex");
            Crypto.createHmac("sha512", "k").update("x").digest();
            Cipher g = Crypto.createCipheriv("aes-256-gcm", new byte[32], new byte[12]);
            g.update("x");
            g.doFinal();
            Crypto.createCipheriv("aes-128-cbc", new byte[16], new byte[16]).doFinal();
            Crypto.createCipheriv("des-ede3-cbc", new byte[24], new byte[8]).doFinal();
            Crypto.pbkdf2Sync("pw", "salt", 2, 32, "sha256");
            Crypto.randomBytes(8);
            // RSA keys: reading, exporting, signing, verifying, OAEP, generating
            KeyObject rsa = Crypto.createPrivateKey(KeyFixtures.text(KeyFixtures.get("rsa", "private.pem.pkcs8")));
            rsa.export(KeyExportOptions.jwk());
            Buffer sig = Crypto.sign("sha256", new byte[] {1}, rsa);
            Crypto.verify("sha256", new byte[] {1}, Crypto.createPublicKey(rsa), sig);
            Crypto.sign("sha256", new byte[] {1}, KeyInput.of(rsa).padding(CryptoConstants.RSA_PKCS1_PSS_PADDING));
            Crypto.privateDecrypt(rsa, Crypto.publicEncrypt(rsa, new byte[] {1}));
            Crypto.generateKeyPairSync("rsa", KeyPairOptions.defaults().modulusLength(512));
            // Sign and Verify make their Writable only in stream()
            Buffer streamSig = Crypto.createSign("sha256").update("x").sign(rsa);
            Crypto.createVerify("sha256").update("x").verify(rsa, streamSig);
            System.out.println("MARK jdk-only done, provider created: " + BouncyCastle.created());
            Crypto.createHash("ripemd160").digest();
            System.out.println("MARK provider created: " + BouncyCastle.created() + ", global: "
                    + (java.security.Security.getProvider("BC") != null));
        }
    }

    @Test
    void bouncyCastleLoadsOnlyWhenAnAlgorithmNeedsIt() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-verbose:class", "-cp", System.getProperty("java.class.path"),
                Main.class.getName())).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        int mark = out.indexOf("MARK jdk-only done");
        assertTrue(mark > 0, out);
        String before = out.substring(0, mark);
        assertFalse(before.contains("org.bouncycastle"), "a BouncyCastle class loaded for a JDK-backed algorithm");
        // Hash, Hmac, the ciphers, Sign and Verify make their stream only in stream(): no stream class loads before
        assertFalse(before.contains("dev.nodeshim.stream."), "a stream class loaded without stream()");
        assertTrue(out.contains("MARK jdk-only done, provider created: false"));
        assertTrue(out.substring(mark).contains("org.bouncycastle.jce.provider.BouncyCastleProvider"));
        assertTrue(out.contains("MARK provider created: true, global: false"), out.substring(mark, Math.min(out.length(), mark + 300)));
    }
}
