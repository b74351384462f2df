package dev.nodeshim.crypto;

/**
 * The engine as it was before the speed-ups of issue 5, kept as the reference the fast paths are
 * checked against byte for byte ({@code FastPathTest}).
 *
 * <p>GCM (NIST SP 800-38D) with OpenSSL's chunking: every byte of update() is encrypted or decrypted at
 * once (CTR with a 32-bit counter from J0 + 1) while GHASH absorbs the ciphertext; {@link #doFinal}
 * computes the tag, or (decrypting) compares it in constant time with the one set, failing with
 * {@code Unsupported state or unable to authenticate data}. A decryption's update() output is not yet
 * authenticated, as in Node: nothing may be trusted before doFinal() returned.
 *
 * <p>The JDK's own AES/GCM cannot serve here: it holds back partial blocks while encrypting and all
 * plaintext while decrypting. Its GHASH intrinsic is the faster path a later version may take for
 * one-shot calls (JDK 25 reaches 6 GB/s); this engine takes AES from {@link BlockFn}.
 */
final class ReferenceGcmEngine extends CipherEngine {
    private static final int BATCH = 64;

    private final BlockFn fn;
    private final boolean encrypt;
    private final int tagLength;
    private final byte[] j0;
    private final byte[] counter;
    private final Ghash ghash;
    private byte[] ks = new byte[16];
    private int pos = 16;
    private long aadLen;
    private long textLen;
    private boolean textStarted;
    private byte[] tag;
    private byte[] expected;

    ReferenceGcmEngine(BlockFn fn, byte[] iv, boolean encrypt, int tagLength) {
        this.fn = fn;
        this.encrypt = encrypt;
        this.tagLength = tagLength;
        byte[] h = fn.encryptBlock(new byte[16]);
        this.ghash = new Ghash(h);
        if (iv.length == 12) {
            j0 = new byte[16];
            System.arraycopy(iv, 0, j0, 0, 12);
            j0[15] = 1;
        } else {
            Ghash g = new Ghash(h);
            g.update(iv, 0, iv.length);
            j0 = g.finish(0, iv.length);
        }
        counter = j0.clone();
        inc32(counter);
    }

    @Override
    boolean aead() {
        return true;
    }

    @Override
    boolean textStarted() {
        return textStarted;
    }

    @Override
    void aad(byte[] aad, long plaintextLength) {
        ghash.update(aad, 0, aad.length);
        aadLen += aad.length;
    }

    @Override
    byte[] update(byte[] in, int off, int len) {
        if (!textStarted && len > 0) {
            ghash.pad();
            textStarted = true;
        }
        byte[] out = new byte[len];
        if (!encrypt) {
            ghash.update(in, off, len);
        }
        int i = 0;
        while (i < len && pos < 16) {
            out[i] = (byte) (in[off + i] ^ ks[pos++]);
            i++;
        }
        while (i < len) {
            int blocks = Math.min(BATCH, (len - i + 15) / 16);
            byte[] stream = new byte[blocks * 16];
            for (int b = 0; b < blocks; b++) {
                System.arraycopy(counter, 0, stream, b * 16, 16);
                inc32(counter);
            }
            fn.encrypt(stream, 0, stream.length, stream, 0);
            int n = Math.min(len - i, stream.length);
            xor(in, off + i, stream, 0, out, i, n);
            i += n;
            if (n < stream.length) {
                int last = n / 16 * 16;
                System.arraycopy(stream, last, ks, 0, 16);
                pos = n - last;
            }
        }
        if (encrypt) {
            ghash.update(out, 0, len);
        }
        textLen += len;
        return out;
    }

    private static void inc32(byte[] c) {
        for (int k = 15; k >= 12; k--) {
            if (++c[k] != 0) {
                return;
            }
        }
    }

    @Override
    byte[] doFinal() {
        byte[] s = ghash.finish(aadLen, textLen);
        byte[] full = fn.encryptBlock(j0);
        xor(full, 0, s, 0, full, 0, 16);
        if (encrypt) {
            tag = slice(full, 0, tagLength);
            return Bytes.EMPTY;
        }
        if (expected == null || !equalPrefix(full, expected, expected.length)) {
            throw authFailed();
        }
        return Bytes.EMPTY;
    }

    @Override
    boolean hasTag() {
        return tag != null;
    }

    @Override
    byte[] tag() {
        return tag.clone();
    }

    @Override
    void setTag(byte[] tag) {
        expected = tag.clone();
    }
}
