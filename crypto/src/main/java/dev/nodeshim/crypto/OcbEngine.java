package dev.nodeshim.crypto;

import java.util.ArrayList;
import java.util.List;

/**
 * OCB (RFC 7253, OCB3) with OpenSSL's chunking: update() returns every complete block, both ways (the
 * tag is set apart, so a decryption holds nothing back), doFinal() the partial last block. Tags of 1 to
 * 16 bytes; the tag length is part of the nonce block, so a short tag is not a prefix of a long one.
 * Associated data is hashed separately and may come before, between or after the updates.
 */
final class OcbEngine extends CipherEngine {
    private final BlockFn fn;
    private final boolean encrypt;
    private final int tagLength;
    private final byte[] lStar;
    private final byte[] lDollar;
    private final List<byte[]> l = new ArrayList<>();
    private final byte[] offset;
    private final byte[] checksum = new byte[16];
    private final byte[] buf = new byte[16];
    private int bufLen;
    private long blockIndex;
    // the associated data's running hash
    private final byte[] aadSum = new byte[16];
    private final byte[] aadOffset = new byte[16];
    private final byte[] aadBuf = new byte[16];
    private int aadBufLen;
    private long aadIndex;
    private byte[] tag;
    private byte[] expected;

    OcbEngine(BlockFn fn, byte[] nonce, boolean encrypt, int tagLength) {
        this.fn = fn;
        this.encrypt = encrypt;
        this.tagLength = tagLength;
        lStar = fn.encryptBlock(new byte[16]);
        lDollar = dbl(lStar);
        l.add(dbl(lDollar));
        byte[] n = new byte[16];
        n[0] = (byte) (((tagLength * 8) % 128) << 1);
        n[15 - nonce.length] |= 1;
        System.arraycopy(nonce, 0, n, 16 - nonce.length, nonce.length);
        int bottom = n[15] & 0x3f;
        n[15] &= (byte) 0xc0;
        byte[] ktop = fn.encryptBlock(n);
        byte[] stretch = new byte[24];
        System.arraycopy(ktop, 0, stretch, 0, 16);
        for (int i = 0; i < 8; i++) {
            stretch[16 + i] = (byte) (ktop[i] ^ ktop[i + 1]);
        }
        offset = new byte[16];
        int byteShift = bottom / 8;
        int bitShift = bottom % 8;
        for (int i = 0; i < 16; i++) {
            int hi = stretch[i + byteShift] & 0xff;
            int lo = stretch[i + byteShift + 1] & 0xff;
            offset[i] = (byte) (bitShift == 0 ? hi : (hi << bitShift) | (lo >>> (8 - bitShift)));
        }
    }

    private static byte[] dbl(byte[] s) {
        byte[] r = new byte[16];
        int carry = (s[0] & 0x80) != 0 ? 1 : 0;
        for (int i = 0; i < 15; i++) {
            r[i] = (byte) ((s[i] << 1) | ((s[i + 1] & 0xff) >>> 7));
        }
        r[15] = (byte) ((s[15] << 1) ^ (carry * 0x87));
        return r;
    }

    private byte[] lOf(long i) {
        int ntz = Long.numberOfTrailingZeros(i);
        while (l.size() <= ntz) {
            l.add(dbl(l.get(l.size() - 1)));
        }
        return l.get(ntz);
    }

    @Override
    boolean aead() {
        return true;
    }

    @Override
    boolean aadAfterUpdate() {
        return true;
    }

    @Override
    void aad(byte[] a, long plaintextLength) {
        for (byte b : a) {
            aadBuf[aadBufLen++] = b;
            if (aadBufLen == 16) {
                aadIndex++;
                xor(aadOffset, 0, lOf(aadIndex), 0, aadOffset, 0, 16);
                byte[] in = new byte[16];
                xor(aadBuf, 0, aadOffset, 0, in, 0, 16);
                fn.encrypt(in, 0, 16, in, 0);
                xor(aadSum, 0, in, 0, aadSum, 0, 16);
                aadBufLen = 0;
            }
        }
    }

    private byte[] aadHash() {
        byte[] sum = aadSum.clone();
        if (aadBufLen > 0) {
            byte[] off = aadOffset.clone();
            xor(off, 0, lStar, 0, off, 0, 16);
            byte[] in = new byte[16];
            System.arraycopy(aadBuf, 0, in, 0, aadBufLen);
            in[aadBufLen] = (byte) 0x80;
            xor(in, 0, off, 0, in, 0, 16);
            fn.encrypt(in, 0, 16, in, 0);
            xor(sum, 0, in, 0, sum, 0, 16);
        }
        return sum;
    }

    @Override
    byte[] update(byte[] in, int off, int len) {
        int total = bufLen + len;
        int emit = total / 16 * 16;
        byte[] out = new byte[emit];
        int o = 0;
        int i = 0;
        while (o < emit) {
            int take = 16 - bufLen;
            System.arraycopy(in, off + i, buf, bufLen, take);
            i += take;
            bufLen = 0;
            processBlock(buf, out, o);
            o += 16;
        }
        System.arraycopy(in, off + i, buf, bufLen, len - i);
        bufLen += len - i;
        return out;
    }

    private void processBlock(byte[] block, byte[] out, int outOff) {
        blockIndex++;
        xor(offset, 0, lOf(blockIndex), 0, offset, 0, 16);
        byte[] t = new byte[16];
        xor(block, 0, offset, 0, t, 0, 16);
        if (encrypt) {
            xor(checksum, 0, block, 0, checksum, 0, 16);
            fn.encrypt(t, 0, 16, t, 0);
        } else {
            fn.decrypt(t, 0, 16, t, 0);
        }
        xor(t, 0, offset, 0, out, outOff, 16);
        if (!encrypt) {
            xor(checksum, 0, out, outOff, checksum, 0, 16);
        }
    }

    @Override
    byte[] doFinal() {
        byte[] out = new byte[bufLen];
        if (bufLen > 0) {
            xor(offset, 0, lStar, 0, offset, 0, 16);
            byte[] pad = fn.encryptBlock(offset);
            xor(buf, 0, pad, 0, out, 0, bufLen);
            byte[] plain = encrypt ? buf : out;
            byte[] p = new byte[16];
            System.arraycopy(plain, 0, p, 0, bufLen);
            p[bufLen] = (byte) 0x80;
            xor(checksum, 0, p, 0, checksum, 0, 16);
            bufLen = 0;
        }
        byte[] t = new byte[16];
        xor(checksum, 0, offset, 0, t, 0, 16);
        xor(t, 0, lDollar, 0, t, 0, 16);
        fn.encrypt(t, 0, 16, t, 0);
        xor(t, 0, aadHash(), 0, t, 0, 16);
        if (encrypt) {
            tag = slice(t, 0, tagLength);
            return out;
        }
        if (expected == null || !equalPrefix(t, expected, expected.length)) {
            throw authFailed();
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
