package dev.nodeshim.crypto;

import javax.crypto.Cipher;
import javax.crypto.ShortBufferException;

/**
 * How the JDK's own ciphers are fed: at most {@link #SIZE} bytes per {@code update} call, whatever the
 * caller's length.
 *
 * <p>HotSpot runs its AES-CBC, AES-CTR, AES-GCM and ChaCha20 intrinsics only from C2-compiled callers, and a
 * method is compiled after enough calls. Given 1 MiB per call, the JDK's cipher is called so seldom
 * that it stays interpreted for seconds, or for good: measured here with 1 MiB messages, AES-CTR ran
 * at 0.4 GB/s for 10 s on JDK 17 and AES-GCM at 0.04 GB/s for 12 s on JDK 25; in 16–64 KiB pieces
 * they reached 13 and 11 GB/s within 1–3 s (CBC encryption on JDK 17: 0.4 → 1.1 GB/s, its serial
 * limit). A piece costs one call, nothing at this size.
 */
final class JdkPieces {
    static final int SIZE = 16 * 1024;

    private JdkPieces() {
    }

    /**
     * {@code len} bytes through a JDK cipher whose update() returns every byte at once (CTR, and
     * ChaCha20-Poly1305 encryption), a piece at a time, into a new array.
     */
    static byte[] update(Cipher cipher, byte[] in, int off, int len) {
        byte[] out = new byte[len];
        update(cipher, in, off, len, out, 0);
        return out;
    }

    /**
     * The same into {@code out} from {@code outOff} (in place too); also for CBC given whole blocks
     * ({@link #SIZE} is a multiple of every block size, so each piece is whole blocks).
     */
    static void update(Cipher cipher, byte[] in, int off, int len, byte[] out, int outOff) {
        try {
            for (int done = 0; done < len; ) {
                int n = Math.min(len - done, SIZE);
                if (cipher.update(in, off + done, n, out, outOff + done) != n) {
                    throw new IllegalStateException("the JVM's " + cipher.getAlgorithm() + " held bytes back");
                }
                done += n;
            }
        } catch (ShortBufferException e) {
            throw new IllegalStateException(e);
        }
    }
}
