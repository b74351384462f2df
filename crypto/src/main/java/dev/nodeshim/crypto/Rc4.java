package dev.nodeshim.crypto;

/** RC4 (legacy provider only): the key schedule over a key of any length, then the byte stream. */
final class Rc4 extends CipherEngine {
    private final int[] s = new int[256];
    private int i;
    private int j;

    Rc4(byte[] key) {
        for (int k = 0; k < 256; k++) {
            s[k] = k;
        }
        for (int k = 0, m = 0; k < 256; k++) {
            m = (m + s[k] + (key[k % key.length] & 0xff)) & 0xff;
            int t = s[k];
            s[k] = s[m];
            s[m] = t;
        }
    }

    @Override
    byte[] update(byte[] in, int off, int len) {
        byte[] out = new byte[len];
        for (int k = 0; k < len; k++) {
            i = (i + 1) & 0xff;
            j = (j + s[i]) & 0xff;
            int t = s[i];
            s[i] = s[j];
            s[j] = t;
            out[k] = (byte) (in[off + k] ^ s[(s[i] + s[j]) & 0xff]);
        }
        return out;
    }

    @Override
    byte[] doFinal() {
        return Bytes.EMPTY;
    }
}
