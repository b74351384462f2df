package dev.nodeshim.crypto;

import java.util.Arrays;

/**
 * The block buffering BLAKE2b and BLAKE2s share (RFC 7693): whole blocks are compressed straight from
 * the caller's array, while a cut block and the last whole one — which must wait for the final flag,
 * since any block may turn out to be the last — wait in {@link #buf}. Subclasses keep the state and
 * the unrolled compression. Not thread-safe.
 */
abstract class Blake2Blocks implements HashEngine {
    /** The block size in bytes: 128 for BLAKE2b, 64 for BLAKE2s. */
    private final int block;
    final byte[] buf;
    int bufLen;

    Blake2Blocks(int block) {
        this.block = block;
        this.buf = new byte[block];
    }

    /** Adds {@code n} bytes to the byte counter. */
    abstract void count(int n);

    /** Compresses the block at {@code b[off]}; {@code last} sets the final flag. */
    abstract void compress(byte[] b, int off, boolean last);

    @Override
    public final void update(byte[] a, int off, int len) {
        if (len <= 0) {
            return;
        }
        if (bufLen > 0) {
            int n = Math.min(block - bufLen, len);
            System.arraycopy(a, off, buf, bufLen, n);
            bufLen += n;
            off += n;
            len -= n;
            if (len == 0) {
                return; // a full buffer may be the last block: it waits for more input or the end
            }
            count(block);
            compress(buf, 0, false);
            bufLen = 0;
        }
        // whole blocks in place, keeping at least one byte back so the last block is seen by finish()
        while (len > block) {
            count(block);
            compress(a, off, false);
            off += block;
            len -= block;
        }
        System.arraycopy(a, off, buf, 0, len);
        bufLen = len;
    }

    /** Compresses what waits in {@link #buf} as the last block, zero-padded; the state is then the digest. */
    final void compressLast() {
        count(bufLen);
        Arrays.fill(buf, bufLen, block, (byte) 0);
        compress(buf, 0, true);
    }

    /** Copies the buffered bytes into {@code c}, a fresh engine of the same kind ({@link #copy()}). */
    final void copyBufferTo(Blake2Blocks c) {
        System.arraycopy(buf, 0, c.buf, 0, bufLen);
        c.bufLen = bufLen;
    }
}
