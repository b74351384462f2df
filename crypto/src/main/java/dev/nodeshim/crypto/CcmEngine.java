package dev.nodeshim.crypto;

import java.io.ByteArrayOutputStream;

/**
 * CCM (RFC 3610, NIST SP 800-38C) as OpenSSL runs it: one update() carries the whole message (its
 * length is bound into the first MAC block), so the single update() does all the work and returns all
 * the output; a second update() is {@code Trying to add data in unsupported state}. A decryption
 * whose tag does not match returns an empty update() and fails in doFinal(), as Node's does.
 */
final class CcmEngine extends CipherEngine {
    private final BlockFn fn;
    private final byte[] nonce;
    private final boolean encrypt;
    private final int tagLength;
    private final int lengthBytes;
    private final ByteArrayOutputStream aad = new ByteArrayOutputStream();
    private long declaredLength = -1;
    private boolean updated;
    private boolean authFailed;
    private byte[] tag;
    private byte[] expected;

    CcmEngine(BlockFn fn, byte[] nonce, boolean encrypt, int tagLength) {
        this.fn = fn;
        this.nonce = nonce.clone();
        this.encrypt = encrypt;
        this.tagLength = tagLength;
        this.lengthBytes = 15 - nonce.length;
    }

    /** The longest message the nonce length allows: 2^(8L) - 1 bytes. */
    long maxMessageLength() {
        return lengthBytes >= 8 ? Long.MAX_VALUE : (1L << (8 * lengthBytes)) - 1;
    }

    @Override
    boolean aead() {
        return true;
    }

    @Override
    void aad(byte[] data, long plaintextLength) {
        aad.writeBytes(data);
        declaredLength = plaintextLength;
    }

    @Override
    byte[] update(byte[] in, int off, int len) {
        if (len > maxMessageLength()) {
            throw CryptoErrors.range("ERR_CRYPTO_INVALID_MESSAGELEN", "Invalid message length");
        }
        if (updated || (declaredLength >= 0 && declaredLength != len)) {
            // OpenSSL refuses a second message or a wrong declared length. Node throws that for an
            // encryption (whose final then fails if a message went through, else finds no tag), but
            // keeps it for final when decrypting.
            if (encrypt) {
                authFailed = updated;
                throw unsupportedState();
            }
            authFailed = true;
            return Bytes.EMPTY;
        }
        updated = true;
        byte[] text = slice(in, off, len);
        if (encrypt) {
            byte[] t = mac(text);
            byte[] out = ctr(text);
            tag = t;
            return out;
        }
        if (expected == null) {
            authFailed = true;
            return Bytes.EMPTY;
        }
        byte[] plain = ctr(text);
        byte[] t = mac(plain);
        if (!equalPrefix(t, expected, tagLength)) {
            authFailed = true;
            return Bytes.EMPTY;
        }
        return plain;
    }

    @Override
    byte[] doFinal() {
        if (encrypt) {
            if (authFailed) {
                tag = null;
                throw authFailed();
            }
            if (!updated) {
                throw CryptoErrors.openssl("ERR_OSSL_TAG_NOT_SET", "1C800077", "Provider routines", "tag not set");
            }
            return Bytes.EMPTY;
        }
        if (authFailed) {
            throw authFailed();
        }
        return Bytes.EMPTY;
    }

    /** CBC-MAC over B0, the encoded AAD and the text, encrypted with counter block 0. */
    private byte[] mac(byte[] text) {
        byte[] a = aad.toByteArray();
        byte[] x = new byte[16];
        x[0] = (byte) ((a.length > 0 ? 64 : 0) | (((tagLength - 2) / 2) << 3) | (lengthBytes - 1));
        System.arraycopy(nonce, 0, x, 1, nonce.length);
        long n = text.length;
        for (int i = 15; i > nonce.length; i--) {
            x[i] = (byte) n;
            n >>>= 8;
        }
        fn.encrypt(x, 0, 16, x, 0);
        if (a.length > 0) {
            ByteArrayOutputStream enc = new ByteArrayOutputStream();
            long al = a.length;
            if (al < 0xff00) {
                enc.write((int) (al >>> 8));
                enc.write((int) al);
            } else {
                enc.write(0xff);
                enc.write(0xfe);
                for (int s = 24; s >= 0; s -= 8) {
                    enc.write((int) (al >>> s));
                }
            }
            enc.writeBytes(a);
            absorb(x, enc.toByteArray());
        }
        absorb(x, text);
        byte[] s0 = counterBlock(0);
        fn.encrypt(s0, 0, 16, s0, 0);
        byte[] t = new byte[tagLength];
        xor(x, 0, s0, 0, t, 0, tagLength);
        return t;
    }

    private void absorb(byte[] x, byte[] data) {
        for (int i = 0; i < data.length; i += 16) {
            int n = Math.min(16, data.length - i);
            for (int k = 0; k < n; k++) {
                x[k] ^= data[i + k];
            }
            fn.encrypt(x, 0, 16, x, 0);
        }
    }

    private byte[] counterBlock(long i) {
        byte[] a = new byte[16];
        a[0] = (byte) (lengthBytes - 1);
        System.arraycopy(nonce, 0, a, 1, nonce.length);
        for (int k = 15; k > nonce.length; k--) {
            a[k] = (byte) i;
            i >>>= 8;
        }
        return a;
    }

    private byte[] ctr(byte[] text) {
        byte[] out = new byte[text.length];
        for (int i = 0, blockNo = 1; i < text.length; i += 16, blockNo++) {
            byte[] s = counterBlock(blockNo);
            fn.encrypt(s, 0, 16, s, 0);
            xor(text, i, s, 0, out, i, Math.min(16, text.length - i));
        }
        return out;
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
