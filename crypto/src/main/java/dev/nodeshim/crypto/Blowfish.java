package dev.nodeshim.crypto;

import java.lang.reflect.Field;
import org.bouncycastle.crypto.engines.BlowfishEngine;

/**
 * Blowfish for the key lengths BouncyCastle's engine refuses but OpenSSL takes (1 to 3 bytes, 57 to
 * 72): the same algorithm (Schneier, 1993), with the key cycled over the 18 subkeys whatever its
 * length. The initial subkeys and S-boxes (the hexadecimal digits of pi) are read from BouncyCastle's
 * engine rather than written out again. Legacy provider only; {@link BcBlockFn} uses BouncyCastle's own
 * engine for 4 to 56-byte keys.
 */
final class Blowfish extends BlockFn {
    private static final int ROUNDS = 16;
    private final int[] p;
    private final int[][] s = new int[4][];

    Blowfish(byte[] key) {
        super(8);
        p = table("KP");
        for (int i = 0; i < 4; i++) {
            s[i] = table("KS" + i);
        }
        for (int i = 0, k = 0; i < ROUNDS + 2; i++) {
            int w = 0;
            for (int b = 0; b < 4; b++) {
                w = (w << 8) | (key[k] & 0xff);
                k = (k + 1) % key.length;
            }
            p[i] ^= w;
        }
        int[] lr = {0, 0};
        for (int i = 0; i < ROUNDS + 2; i += 2) {
            encrypt(lr);
            p[i] = lr[0];
            p[i + 1] = lr[1];
        }
        for (int[] box : s) {
            for (int i = 0; i < 256; i += 2) {
                encrypt(lr);
                box[i] = lr[0];
                box[i + 1] = lr[1];
            }
        }
    }

    private static int[] table(String name) {
        try {
            Field f = BlowfishEngine.class.getDeclaredField(name);
            f.setAccessible(true);
            return ((int[]) f.get(null)).clone();
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("BouncyCastle's Blowfish tables are not readable", e);
        }
    }

    private int f(int x) {
        return ((s[0][x >>> 24] + s[1][(x >>> 16) & 0xff]) ^ s[2][(x >>> 8) & 0xff]) + s[3][x & 0xff];
    }

    private void encrypt(int[] lr) {
        int l = lr[0];
        int r = lr[1];
        for (int i = 0; i < ROUNDS; i += 2) {
            l ^= p[i];
            r ^= f(l) ^ p[i + 1];
            l ^= f(r);
        }
        // the last round's swap is undone: the output is (r, l) whitened with the last two subkeys
        lr[0] = r ^ p[ROUNDS + 1];
        lr[1] = l ^ p[ROUNDS];
    }

    private void decrypt(int[] lr) {
        int l = lr[0];
        int r = lr[1];
        for (int i = ROUNDS + 1; i > 1; i -= 2) {
            l ^= p[i];
            r ^= f(l) ^ p[i - 1];
            l ^= f(r);
        }
        lr[0] = r ^ p[0];
        lr[1] = l ^ p[1];
    }

    private void run(byte[] in, int inOff, int len, byte[] out, int outOff, boolean enc) {
        int[] lr = new int[2];
        for (int i = 0; i < len; i += 8) {
            long v = Ghash.getLong(in, inOff + i);
            lr[0] = (int) (v >>> 32);
            lr[1] = (int) v;
            if (enc) {
                encrypt(lr);
            } else {
                decrypt(lr);
            }
            Ghash.putLong(out, outOff + i, ((long) lr[0] << 32) | (lr[1] & 0xffffffffL));
        }
    }

    @Override
    void encrypt(byte[] in, int inOff, int len, byte[] out, int outOff) {
        run(in, inOff, len, out, outOff, true);
    }

    @Override
    void decrypt(byte[] in, int inOff, int len, byte[] out, int outOff) {
        run(in, inOff, len, out, outOff, false);
    }
}
