package dev.nodeshim.crypto;

/**
 * The engine as it was before the speed-ups of issue 5, kept as the reference the fast paths are
 * checked against byte for byte ({@code FastPathTest}).
 *
 * <p>The modes that turn a block cipher into a stream cipher — CTR, OFB, CFB (full-block feedback),
 * CFB8 and CFB1 — with output for every input byte at once, as OpenSSL gives it. CTR increments the
 * whole 128-bit (or 64-bit) counter big-endian, as OpenSSL's CTR does. Encryption and decryption
 * differ only for CFB, whose feedback is the ciphertext.
 */
final class ReferenceStreamModeEngine extends CipherEngine {
    enum Kind {
        CTR, OFB, CFB, CFB8, CFB1
    }

    private static final int CTR_BATCH = 64;

    private final BlockFn fn;
    private final Kind kind;
    private final boolean encrypt;
    private final int bs;
    private final byte[] reg;
    private byte[] ks;
    private int pos;

    ReferenceStreamModeEngine(BlockFn fn, Kind kind, byte[] iv, boolean encrypt) {
        this.fn = fn;
        this.kind = kind;
        this.encrypt = encrypt;
        this.bs = fn.blockSize;
        this.reg = iv.clone();
        this.ks = new byte[bs];
        this.pos = bs;
    }

    @Override
    byte[] update(byte[] in, int off, int len) {
        byte[] out = new byte[len];
        switch (kind) {
            case CTR:
                ctr(in, off, len, out);
                break;
            case OFB:
                for (int i = 0; i < len; i++) {
                    if (pos == bs) {
                        fn.encrypt(reg, 0, bs, reg, 0);
                        pos = 0;
                    }
                    out[i] = (byte) (in[off + i] ^ reg[pos++]);
                }
                break;
            case CFB:
                for (int i = 0; i < len; i++) {
                    if (pos == bs) {
                        fn.encrypt(reg, 0, bs, ks, 0);
                        pos = 0;
                    }
                    byte x = in[off + i];
                    byte y = (byte) (x ^ ks[pos]);
                    out[i] = y;
                    reg[pos++] = encrypt ? y : x;
                }
                break;
            case CFB8:
                for (int i = 0; i < len; i++) {
                    fn.encrypt(reg, 0, bs, ks, 0);
                    byte x = in[off + i];
                    byte y = (byte) (x ^ ks[0]);
                    out[i] = y;
                    System.arraycopy(reg, 1, reg, 0, bs - 1);
                    reg[bs - 1] = encrypt ? y : x;
                }
                break;
            case CFB1:
                for (int i = 0; i < len; i++) {
                    int x = in[off + i] & 0xff;
                    int y = 0;
                    for (int bit = 7; bit >= 0; bit--) {
                        fn.encrypt(reg, 0, bs, ks, 0);
                        int inBit = (x >>> bit) & 1;
                        int outBit = inBit ^ ((ks[0] & 0xff) >>> 7);
                        y |= outBit << bit;
                        shiftLeftOneBit(reg, encrypt ? outBit : inBit);
                    }
                    out[i] = (byte) y;
                }
                break;
            default:
                throw new IllegalStateException();
        }
        return out;
    }

    private void ctr(byte[] in, int off, int len, byte[] out) {
        int i = 0;
        while (i < len && pos < bs) {
            out[i] = (byte) (in[off + i] ^ ks[pos++]);
            i++;
        }
        while (i < len) {
            int blocks = Math.min(CTR_BATCH, (len - i + bs - 1) / bs);
            byte[] counters = new byte[blocks * bs];
            for (int b = 0; b < blocks; b++) {
                System.arraycopy(reg, 0, counters, b * bs, bs);
                increment(reg);
            }
            fn.encrypt(counters, 0, counters.length, counters, 0);
            int n = Math.min(len - i, counters.length);
            xor(in, off + i, counters, 0, out, i, n);
            i += n;
            if (n % bs != 0 || n < counters.length) {
                // keep the unused tail of the last block for the next update
                int last = n / bs * bs;
                System.arraycopy(counters, last, ks, 0, bs);
                pos = n - last;
                if (pos == 0) {
                    pos = bs;
                }
            }
        }
    }

    private static void increment(byte[] counter) {
        for (int k = counter.length - 1; k >= 0; k--) {
            if (++counter[k] != 0) {
                return;
            }
        }
    }

    private static void shiftLeftOneBit(byte[] reg, int in) {
        for (int k = 0; k < reg.length - 1; k++) {
            reg[k] = (byte) ((reg[k] << 1) | ((reg[k + 1] & 0xff) >>> 7));
        }
        reg[reg.length - 1] = (byte) ((reg[reg.length - 1] << 1) | in);
    }

    @Override
    byte[] doFinal() {
        return Bytes.EMPTY;
    }
}
