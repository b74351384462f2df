package dev.nodeshim.crypto;

import java.util.Arrays;

/**
 * MDC-2 (ISO/IEC 10118-2) with DES, as OpenSSL computes it: two DES lines keyed by the two halves of
 * the state (first byte forced to 0x4?/0x2?), each block encrypted under both and fed forward, the right
 * halves swapped; a partial last block is zero-padded, an empty message leaves the initial state
 * ({@code 5252…2525}). Legacy provider only.
 */
final class Mdc2 implements HashEngine {
    private byte[] h = filled(0x52);
    private byte[] hh = filled(0x25);
    private final byte[] buf = new byte[8];
    private int partial;

    private static byte[] filled(int v) {
        byte[] b = new byte[8];
        Arrays.fill(b, (byte) v);
        return b;
    }

    @Override
    public void update(byte[] a, int off, int len) {
        for (int i = 0; i < len; i++) {
            buf[partial++] = a[off + i];
            if (partial == 8) {
                block(buf);
                partial = 0;
            }
        }
    }

    private void block(byte[] in) {
        byte[] k1 = h.clone();
        byte[] k2 = hh.clone();
        k1[0] = (byte) ((k1[0] & 0x9f) | 0x40);
        k2[0] = (byte) ((k2[0] & 0x9f) | 0x20);
        byte[] e1 = new byte[8];
        byte[] e2 = new byte[8];
        // DES ignores the parity bits OpenSSL sets on these keys
        BlockFn.of(Registry.Family.DES, k1).encrypt(in, 0, 8, e1, 0);
        BlockFn.of(Registry.Family.DES, k2).encrypt(in, 0, 8, e2, 0);
        for (int i = 0; i < 8; i++) {
            e1[i] ^= in[i];
            e2[i] ^= in[i];
        }
        h = new byte[8];
        hh = new byte[8];
        System.arraycopy(e1, 0, h, 0, 4);
        System.arraycopy(e2, 4, h, 4, 4);
        System.arraycopy(e2, 0, hh, 0, 4);
        System.arraycopy(e1, 4, hh, 4, 4);
    }

    @Override
    public byte[] finish(int length) {
        if (partial > 0) {
            Arrays.fill(buf, partial, 8, (byte) 0);
            block(buf);
            partial = 0;
        }
        return Bytes.concat(h, hh);
    }

    @Override
    public HashEngine copy() {
        Mdc2 c = new Mdc2();
        c.h = h.clone();
        c.hh = hh.clone();
        System.arraycopy(buf, 0, c.buf, 0, 8);
        c.partial = partial;
        return c;
    }
}
