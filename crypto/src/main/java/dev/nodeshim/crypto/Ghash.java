package dev.nodeshim.crypto;

import org.bouncycastle.crypto.modes.gcm.GCMMultiplier;
import org.bouncycastle.crypto.modes.gcm.Tables4kGCMMultiplier;

/**
 * GCM's GHASH over a key H, fed in pieces of any size: {@link #update} buffers a partial block,
 * {@link #pad()} ends a section (AAD, then ciphertext) with zero padding. The field multiplication is
 * BouncyCastle's 4 KiB-table multiplier (the JDK's GHASH intrinsic is reachable only through its whole
 * GCM cipher, whose buffering differs from OpenSSL's, see {@link GcmEngine}).
 */
final class Ghash {
    private final GCMMultiplier mul = new Tables4kGCMMultiplier();
    private final byte[] x = new byte[16];
    private int partial;

    Ghash(byte[] h) {
        mul.init(h);
    }

    void update(byte[] in, int off, int len) {
        int i = 0;
        while (i < len) {
            if (partial == 0 && len - i >= 16) {
                for (int k = 0; k < 16; k++) {
                    x[k] ^= in[off + i + k];
                }
                mul.multiplyH(x);
                i += 16;
            } else {
                x[partial++] ^= in[off + i++];
                if (partial == 16) {
                    mul.multiplyH(x);
                    partial = 0;
                }
            }
        }
    }

    void pad() {
        if (partial != 0) {
            mul.multiplyH(x);
            partial = 0;
        }
    }

    /** Pads, hashes the 128-bit length block of the AAD and ciphertext bit lengths, returns the hash. */
    byte[] finish(long aadBytes, long textBytes) {
        pad();
        byte[] lengths = new byte[16];
        putLong(lengths, 0, aadBytes * 8);
        putLong(lengths, 8, textBytes * 8);
        update(lengths, 0, 16);
        return x.clone();
    }

    static void putLong(byte[] b, int off, long v) {
        for (int i = 7; i >= 0; i--) {
            b[off + i] = (byte) v;
            v >>>= 8;
        }
    }
}
