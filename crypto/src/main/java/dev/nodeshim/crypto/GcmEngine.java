package dev.nodeshim.crypto;

import javax.crypto.spec.SecretKeySpec;

/**
 * GCM (NIST SP 800-38D) with OpenSSL's chunking: every byte of update() is encrypted or decrypted at
 * once (CTR with a 32-bit counter from J0 + 1) while GHASH absorbs the ciphertext; {@link #doFinal}
 * computes the tag, or (decrypting) compares it in constant time with the one set, failing with
 * {@code Unsupported state or unable to authenticate data}. A decryption's update() output is not yet
 * authenticated, as in Node: nothing may be trusted before doFinal() returned.
 *
 * <p>The JDK's own AES/GCM cannot serve as the cipher: it holds back partial blocks while encrypting
 * and all plaintext while decrypting. So the keystream is AES (from {@link BlockFn}) over batches of
 * counter blocks, one JCA ECB call per 16 KiB (AES-NI), and GHASH for AES is the JDK's intrinsified
 * one reached through {@link JdkGhash}; other block ciphers (ARIA) take the table {@link Ghash}.
 */
final class GcmEngine extends CipherEngine {
    /** Bytes of keystream per block-function call. */
    private static final int BATCH_BYTES = 16 * 1024;

    private final BlockFn fn;
    private final boolean encrypt;
    private final int tagLength;
    private final byte[] j0;
    private final byte[] counter;
    private final GhashFn ghash;
    private byte[] ks = new byte[16];
    private int pos = 16;
    private long aadLen;
    private long textLen;
    private boolean textStarted;
    private byte[] tag;
    private byte[] expected;

    GcmEngine(BlockFn fn, byte[] iv, boolean encrypt, int tagLength) {
        this.fn = fn;
        this.encrypt = encrypt;
        this.tagLength = tagLength;
        byte[] h = fn.encryptBlock(new byte[16]);
        SecretKeySpec aesKey = fn instanceof BlockFn.Jca ? ((BlockFn.Jca) fn).aesKey() : null;
        this.ghash = aesKey != null ? new JdkGhash(aesKey, fn, h) : new Ghash(h);
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
        int whole = (len - i) & ~15;
        long hi = Counters.getLong(counter, 0);
        int mid = (int) (Counters.getLong(counter, 8) >>> 32);
        while (whole > 0) {
            // counters straight into out, encrypted in place in batches, then XORed
            int n = Math.min(whole, BATCH_BYTES);
            int ctr = (int) Counters.getLong(counter, 8);
            Counters.fill32(out, i, n / 16, hi, mid, ctr);
            Counters.putLong(counter, 8, ((long) mid << 32) | ((ctr + n / 16) & 0xFFFFFFFFL));
            fn.encrypt(out, i, n, out, i);
            Counters.xorInto(out, i, in, off + i, n);
            i += n;
            whole -= n;
        }
        if (i < len) {
            // a partial last block: keep the rest of its keystream for the next update
            fn.encrypt(counter, 0, 16, ks, 0);
            inc32(counter);
            pos = 0;
            while (i < len) {
                out[i] = (byte) (in[off + i] ^ ks[pos++]);
                i++;
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
