package dev.nodeshim.crypto;

/**
 * The ChaCha20 block function (RFC 8439) as a key stream, from a 16-byte OpenSSL IV: words 12-15 of
 * the state are the IV read little-endian, and words 12-13 count blocks as one 64-bit counter (OpenSSL
 * carries the 32-bit block counter into the next word; for chacha20-poly1305 that word is nonce and
 * the carry never happens within the 256 GiB a key and nonce may encrypt).
 */
final class ChaCha20 {
    private final int[] state = new int[16];
    private final int[] work = new int[16];
    private final byte[] block = new byte[64];
    private int pos = 64;

    ChaCha20(byte[] key, byte[] iv16) {
        state[0] = 0x61707865;
        state[1] = 0x3320646e;
        state[2] = 0x79622d32;
        state[3] = 0x6b206574;
        for (int i = 0; i < 8; i++) {
            state[4 + i] = le(key, 4 * i);
        }
        for (int i = 0; i < 4; i++) {
            state[12 + i] = le(iv16, 4 * i);
        }
    }

    private static int le(byte[] b, int off) {
        return (b[off] & 0xff) | (b[off + 1] & 0xff) << 8 | (b[off + 2] & 0xff) << 16 | (b[off + 3] & 0xff) << 24;
    }

    /** XORs the next {@code len} key stream bytes into {@code in}, writing {@code out}. */
    void xor(byte[] in, int inOff, byte[] out, int outOff, int len) {
        for (int i = 0; i < len; i++) {
            if (pos == 64) {
                nextBlock();
            }
            out[outOff + i] = (byte) (in[inOff + i] ^ block[pos++]);
        }
    }

    /** The next {@code n} key stream bytes. */
    byte[] stream(int n) {
        byte[] z = new byte[n];
        xor(z, 0, z, 0, n);
        return z;
    }

    private void nextBlock() {
        System.arraycopy(state, 0, work, 0, 16);
        for (int r = 0; r < 10; r++) {
            quarter(0, 4, 8, 12);
            quarter(1, 5, 9, 13);
            quarter(2, 6, 10, 14);
            quarter(3, 7, 11, 15);
            quarter(0, 5, 10, 15);
            quarter(1, 6, 11, 12);
            quarter(2, 7, 8, 13);
            quarter(3, 4, 9, 14);
        }
        for (int i = 0; i < 16; i++) {
            int v = work[i] + state[i];
            block[4 * i] = (byte) v;
            block[4 * i + 1] = (byte) (v >>> 8);
            block[4 * i + 2] = (byte) (v >>> 16);
            block[4 * i + 3] = (byte) (v >>> 24);
        }
        if (++state[12] == 0) {
            ++state[13];
        }
        pos = 0;
    }

    private void quarter(int a, int b, int c, int d) {
        int[] x = work;
        x[a] += x[b];
        x[d] = Integer.rotateLeft(x[d] ^ x[a], 16);
        x[c] += x[d];
        x[b] = Integer.rotateLeft(x[b] ^ x[c], 12);
        x[a] += x[b];
        x[d] = Integer.rotateLeft(x[d] ^ x[a], 8);
        x[c] += x[d];
        x[b] = Integer.rotateLeft(x[b] ^ x[c], 7);
    }

    /** The chacha20 cipher: a stream, update() output at once. */
    static final class Engine extends CipherEngine {
        private final ChaCha20 core;

        Engine(byte[] key, byte[] iv) {
            core = new ChaCha20(key, iv);
        }

        @Override
        byte[] update(byte[] in, int off, int len) {
            byte[] out = new byte[len];
            core.xor(in, off, out, 0, len);
            return out;
        }

        @Override
        byte[] doFinal() {
            return Bytes.EMPTY;
        }
    }
}
