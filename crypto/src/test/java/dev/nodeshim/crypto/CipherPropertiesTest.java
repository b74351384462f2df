package dev.nodeshim.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.nodeshim.buffer.Buffer;
import java.io.ByteArrayOutputStream;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Properties of the streaming modes: how the input is cut into update() calls never changes the
 * concatenated output or the tag, and decryption inverts encryption.
 */
class CipherPropertiesTest {
    @Provide
    Arbitrary<String> streamable() {
        return Arbitraries.of(List.of("aes-128-cbc", "aes-256-ecb", "aes-192-ctr", "aes-128-cfb", "aes-128-cfb8",
                "aes-128-cfb1", "aes-256-ofb", "aes-128-gcm", "aes-256-ocb", "aria-128-cbc", "camellia-256-ctr",
                "sm4-cfb", "des-ede3-cbc", "des-ede-cfb", "chacha20", "chacha20-poly1305", "aria-192-gcm"));
    }

    private static byte[] bytes(int n, int seed) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 13 + seed);
        }
        return b;
    }

    private static CipherOptions options(String name) {
        return name.contains("ocb") || name.contains("ccm") ? CipherOptions.defaults().authTagLength(16)
                : CipherOptions.defaults();
    }

    private static byte[] iv(String name) {
        if (name.contains("ecb")) {
            return null;
        }
        int n = name.contains("gcm") || name.contains("ocb") || name.equals("chacha20-poly1305") ? 12
                : name.startsWith("des") ? 8 : 16;
        return bytes(n, 5);
    }

    private static byte[] key(String name) {
        int n = name.startsWith("des-ede3") ? 24 : name.startsWith("des-ede") ? 16
                : name.startsWith("chacha") || name.contains("256") ? 32 : name.contains("192") ? 24 : 16;
        return bytes(n, 9);
    }

    @Property(tries = 400)
    void chunkingNeverChangesTheOutput(@ForAll("streamable") String name, @ForAll @Size(max = 200) byte[] data,
            @ForAll @IntRange(min = 1, max = 40) int step) {
        Cipher whole = Crypto.createCipheriv(name, key(name), iv(name), options(name));
        byte[] expected = Bytes.concat(whole.update(data).toByteArray(), whole.doFinal().toByteArray());
        Cipher cut = Crypto.createCipheriv(name, key(name), iv(name), options(name));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < data.length; i += step) {
            out.writeBytes(cut.update(Buffer.from(data).subarray(i, Math.min(data.length, i + step))).toByteArray());
        }
        out.writeBytes(cut.doFinal().toByteArray());
        assertArrayEquals(expected, out.toByteArray());
        boolean aead = name.contains("gcm") || name.contains("ocb") || name.contains("poly");
        if (aead) {
            assertArrayEquals(whole.getAuthTag().toByteArray(), cut.getAuthTag().toByteArray());
        }
        Decipher d = Crypto.createDecipheriv(name, key(name), iv(name), options(name));
        if (aead) {
            d.setAuthTag(whole.getAuthTag());
        }
        ByteArrayOutputStream back = new ByteArrayOutputStream();
        for (int i = 0; i < expected.length; i += step + 1) {
            back.writeBytes(d.update(Buffer.from(expected).subarray(i, Math.min(expected.length, i + step + 1))).toByteArray());
        }
        back.writeBytes(d.doFinal().toByteArray());
        assertArrayEquals(data, back.toByteArray());
    }
}
