package dev.nodeshim.crypto;

/**
 * XTS-AES (IEEE 1619) as OpenSSL runs it: every update() is one whole data unit under the same tweak
 * (the IV), of 16 bytes to 16 MiB, with ciphertext stealing for a partial last block; anything else is
 * {@code Trying to add data in unsupported state}. The key is two AES keys, data then tweak.
 */
final class XtsEngine extends CipherEngine {
    /** OpenSSL's limit: 2^20 blocks per data unit. */
    static final int MAX_UNIT = 16 << 20;

    private final BlockFn data;
    private final BlockFn tweak;
    private final byte[] iv;
    private final boolean encrypt;

    XtsEngine(BlockFn data, BlockFn tweak, byte[] iv, boolean encrypt) {
        this.data = data;
        this.tweak = tweak;
        this.iv = iv.clone();
        this.encrypt = encrypt;
    }

    @Override
    byte[] update(byte[] in, int off, int len) {
        if (len < 16 || len > MAX_UNIT) {
            throw unsupportedState();
        }
        byte[] t = tweak.encryptBlock(iv);
        byte[] out = new byte[len];
        int full = len / 16;
        int r = len % 16;
        int plain = r == 0 ? full : full - 1;
        for (int j = 0; j < plain; j++) {
            block(in, off + 16 * j, out, 16 * j, t);
            mulAlpha(t);
        }
        if (r != 0) {
            int last = 16 * (full - 1);
            byte[] tNext = t.clone();
            mulAlpha(tNext);
            byte[] cc = new byte[16];
            // the last full block uses the later tweak when decrypting (the steal is undone in reverse)
            block(in, off + last, cc, 0, encrypt ? t : tNext);
            byte[] pp = new byte[16];
            System.arraycopy(in, off + last + 16, pp, 0, r);
            System.arraycopy(cc, r, pp, r, 16 - r);
            System.arraycopy(cc, 0, out, last + 16, r);
            block(pp, 0, out, last, encrypt ? tNext : t);
        }
        return out;
    }

    private void block(byte[] in, int inOff, byte[] out, int outOff, byte[] t) {
        byte[] x = new byte[16];
        xor(in, inOff, t, 0, x, 0, 16);
        if (encrypt) {
            data.encrypt(x, 0, 16, x, 0);
        } else {
            data.decrypt(x, 0, 16, x, 0);
        }
        xor(x, 0, t, 0, out, outOff, 16);
    }

    /** Multiplies the tweak by the primitive element of GF(2^128), little-endian as IEEE 1619 says. */
    private static void mulAlpha(byte[] t) {
        int carry = (t[15] & 0x80) != 0 ? 0x87 : 0;
        for (int i = 15; i > 0; i--) {
            t[i] = (byte) ((t[i] << 1) | ((t[i - 1] & 0xff) >>> 7));
        }
        t[0] = (byte) ((t[0] << 1) ^ carry);
    }

    @Override
    byte[] doFinal() {
        return Bytes.EMPTY;
    }
}
