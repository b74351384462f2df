package dev.nodeshim.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.security.GeneralSecurityException;
import java.util.Random;
import javax.crypto.Cipher;
import javax.crypto.spec.ChaCha20ParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Our {@link ChaCha20} key stream against the JDK's own ChaCha20 cipher (RFC 8439, an independent
 * implementation) at the lengths where the block and run logic can go wrong — 0, 1, a block less
 * one, a block, a block and one, a run of {@value ChaCha20#LANES} blocks and its neighbours, several
 * MiB — over any cut into calls.
 */
class ChaCha20Test {
    private static final int RUN = 64 * ChaCha20.LANES;

    /** The JDK's ChaCha20 over {@code data}, from block {@code counter}: the reference. */
    private static byte[] jdk(byte[] key, byte[] nonce12, int counter, byte[] data) {
        try {
            Cipher c = Cipher.getInstance("ChaCha20");
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "ChaCha20"), new ChaCha20ParameterSpec(nonce12, counter));
            return c.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    /** OpenSSL's 16-byte IV: the 32-bit block counter (little-endian), then the 12-byte nonce. */
    private static byte[] iv(int counter, byte[] nonce12) {
        byte[] iv = new byte[16];
        for (int i = 0; i < 4; i++) {
            iv[i] = (byte) (counter >>> (8 * i));
        }
        System.arraycopy(nonce12, 0, iv, 4, 12);
        return iv;
    }

    /** {@code data} through a fresh ChaCha20 in pieces of up to {@code maxPiece} bytes (0: at once). */
    private static byte[] ours(byte[] key, byte[] iv, byte[] data, Random rnd, int maxPiece) {
        ChaCha20 c = new ChaCha20(key, iv);
        byte[] out = new byte[data.length];
        if (maxPiece == 0) {
            c.xor(data, 0, out, 0, data.length);
            return out;
        }
        for (int off = 0; off < data.length; ) {
            int n = Math.min(data.length - off, rnd.nextInt(maxPiece + 1));
            c.xor(data, off, out, off, n);
            off += n;
        }
        return out;
    }

    @Test
    void edgeLengthsAgainstTheJdk() {
        Random rnd = new Random(21);
        byte[] key = new byte[32];
        byte[] nonce = new byte[12];
        for (int len : new int[] {0, 1, 63, 64, 65, 127, 128, 129, RUN - 1, RUN, RUN + 1, RUN + 64, 2 * RUN - 65}) {
            rnd.nextBytes(key);
            rnd.nextBytes(nonce);
            byte[] data = new byte[len];
            rnd.nextBytes(data);
            int counter = rnd.nextInt(1000);
            byte[] want = jdk(key, nonce, counter, data);
            for (int maxPiece : new int[] {0, 1, 65, RUN + 3}) {
                assertArrayEquals(want, ours(key, iv(counter, nonce), data, rnd, maxPiece),
                        len + " bytes in pieces of up to " + maxPiece);
            }
        }
    }

    @Test
    void severalMebibytesInOddPieces() {
        Random rnd = new Random(22);
        byte[] key = new byte[32];
        byte[] nonce = new byte[12];
        rnd.nextBytes(key);
        rnd.nextBytes(nonce);
        byte[] data = new byte[3 * 1024 * 1024 + 7];
        rnd.nextBytes(data);
        byte[] want = jdk(key, nonce, 1, data);
        assertArrayEquals(want, ours(key, iv(1, nonce), data, rnd, 0));
        assertArrayEquals(want, ours(key, iv(1, nonce), data, rnd, 4099));
        assertArrayEquals(want, ours(key, iv(1, nonce), data, rnd, 1024 * 1024 + 3));
    }

    @Property(tries = 100)
    void anyChunkingGivesTheJdksStream(@ForAll @IntRange(max = 40_000) int len,
            @ForAll @IntRange(max = 20_000) int maxPiece, @ForAll long seed) {
        Random rnd = new Random(seed);
        byte[] key = new byte[32];
        byte[] nonce = new byte[12];
        rnd.nextBytes(key);
        rnd.nextBytes(nonce);
        byte[] data = new byte[len];
        rnd.nextBytes(data);
        int counter = rnd.nextInt(1 << 20);
        assertArrayEquals(jdk(key, nonce, counter, data), ours(key, iv(counter, nonce), data, rnd, maxPiece));
    }
}
