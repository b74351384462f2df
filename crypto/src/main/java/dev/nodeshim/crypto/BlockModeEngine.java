package dev.nodeshim.crypto;

/**
 * ECB and CBC with OpenSSL's buffering and PKCS#7 padding: update returns every complete block,
 * except that a padded decryption keeps a last complete block back (it may be the padding);
 * {@link #doFinal} pads (encrypting) or checks and strips the padding (decrypting).
 */
final class BlockModeEngine extends CipherEngine {
    private final BlockFn fn;
    private final boolean cbc;
    private final boolean encrypt;
    private final int bs;
    private final byte[] chain;
    /** The JDK's CBC for AES, DES and 3DES (whole blocks only), or null: then CBC is chained here. */
    private final javax.crypto.Cipher jcaCbc;
    private final byte[] buf;
    private int bufLen;
    private boolean padding = true;

    BlockModeEngine(BlockFn fn, boolean cbc, byte[] iv, boolean encrypt) {
        this.fn = fn;
        this.cbc = cbc;
        this.encrypt = encrypt;
        this.bs = fn.blockSize;
        this.chain = cbc ? iv.clone() : null;
        this.jcaCbc = cbc && fn instanceof BlockFn.Jca ? ((BlockFn.Jca) fn).cbc(iv, encrypt) : null;
        this.buf = new byte[bs];
    }

    @Override
    void setAutoPadding(boolean padding) {
        this.padding = padding;
    }

    @Override
    byte[] update(byte[] in, int off, int len) {
        int total = bufLen + len;
        int emit = total / bs * bs;
        if (!encrypt && padding && emit == total && emit > 0) {
            emit -= bs;
        }
        if (emit == 0) {
            System.arraycopy(in, off, buf, bufLen, len);
            bufLen += len;
            return Bytes.EMPTY;
        }
        byte[] out = new byte[emit];
        int fromInput = emit - bufLen;
        if (jcaCbc != null) {
            // the JDK's CBC reads the input where it is; only a block begun in buf is assembled in out
            int head = 0;
            if (bufLen > 0) {
                System.arraycopy(buf, 0, out, 0, bufLen);
                System.arraycopy(in, off, out, bufLen, bs - bufLen);
                jca(out, 0, out, 0, bs);
                head = bs;
            }
            jca(in, off + head - bufLen, out, head, emit - head);
        } else {
            System.arraycopy(buf, 0, out, 0, bufLen);
            System.arraycopy(in, off, out, bufLen, fromInput);
            process(out, emit);
        }
        int rest = len - fromInput;
        System.arraycopy(in, off + fromInput, buf, 0, rest);
        bufLen = rest;
        return out;
    }

    /** Whole blocks through the JDK's CBC, in {@link JdkPieces} (its intrinsic runs only once compiled). */
    private void jca(byte[] in, int inOff, byte[] out, int outOff, int len) {
        JdkPieces.update(jcaCbc, in, inOff, len, out, outOff);
    }

    private void process(byte[] data, int len) {
        if (jcaCbc != null) {
            jca(data, 0, data, 0, len);
            return;
        }
        if (!cbc) {
            if (encrypt) {
                fn.encrypt(data, 0, len, data, 0);
            } else {
                fn.decrypt(data, 0, len, data, 0);
            }
            return;
        }
        if (encrypt) {
            for (int i = 0; i < len; i += bs) {
                xor(data, i, chain, 0, data, i, bs);
                fn.encrypt(data, i, bs, data, i);
                System.arraycopy(data, i, chain, 0, bs);
            }
        } else {
            byte[] cipherText = slice(data, 0, len);
            fn.decrypt(data, 0, len, data, 0);
            xor(data, 0, chain, 0, data, 0, bs);
            for (int i = bs; i < len; i += bs) {
                xor(data, i, cipherText, i - bs, data, i, bs);
            }
            System.arraycopy(cipherText, len - bs, chain, 0, bs);
        }
    }

    @Override
    byte[] doFinal() {
        if (encrypt) {
            if (!padding) {
                if (bufLen != 0) {
                    throw wrongFinalBlockLength();
                }
                return Bytes.EMPTY;
            }
            byte[] block = new byte[bs];
            System.arraycopy(buf, 0, block, 0, bufLen);
            int n = bs - bufLen;
            for (int i = bufLen; i < bs; i++) {
                block[i] = (byte) n;
            }
            bufLen = 0;
            process(block, bs);
            return block;
        }
        if (!padding) {
            if (bufLen != 0) {
                throw wrongFinalBlockLength();
            }
            return Bytes.EMPTY;
        }
        if (bufLen != bs) {
            throw wrongFinalBlockLength();
        }
        byte[] block = buf.clone();
        bufLen = 0;
        process(block, bs);
        int n = block[bs - 1] & 0xff;
        if (n == 0 || n > bs) {
            throw badDecrypt();
        }
        int bad = 0;
        for (int i = bs - n; i < bs; i++) {
            bad |= (block[i] & 0xff) ^ n;
        }
        if (bad != 0) {
            throw badDecrypt();
        }
        return slice(block, 0, bs - n);
    }
}
