package dev.nodeshim.crypto;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * GHASH for AES-GCM through the JDK's own GHASH, which HotSpot runs on carry-less multiply
 * instructions (2.4 GB/s on JDK 17 and 4 GB/s on JDK 25 here, against 0.15 GB/s for the table
 * {@link Ghash}). That GHASH is reachable only inside the JDK's AES/GCM cipher, whose update() timing
 * differs from OpenSSL's (see {@link GcmEngine}); so the text is never given to it as text, only as
 * AAD of an empty message, which makes the JDK's tag a GMAC of exactly our bytes.
 *
 * <h2>From the JDK's tag back to our hash</h2>
 * Our GHASH input is a run of blocks Y (AAD and text, each zero-padded) and then the length block L.
 * It is cut into chunks of up to {@value #CHUNK} bytes; a chunk X of n blocks is given to a fresh
 * {@code AES/GCM} encryption (IV' from a private counter) as its only AAD, and the tag it returns is
 * {@code E(J0') ⊕ (P·H ⊕ L'·H)}, where P is GHASH's state after X (GHASH = Horner's rule in H) and
 * L' the JDK's own length block (8·16n bits of AAD, no text). E(J0') is one AES block, L'·H one
 * multiplication, so {@code Q = P·H} is known. Chunks combine as polynomials do: the state after
 * chunks A then B is {@code P_A·H^nB ⊕ P_B}, hence {@code acc = acc·H^n ⊕ Q} per chunk keeps
 * {@code acc = P·H} for everything so far, and the hash is {@code (P ⊕ L)·H = acc ⊕ L·H}. Memory stays
 * one chunk whatever the message length; the few whole multiplications per chunk are bit-serial.
 */
final class JdkGhash implements GhashFn {
    static final int CHUNK = 64 * 1024;

    private final SecretKey key;
    private final BlockFn aes;
    private final long hHi;
    private final long hLo;
    private final byte[] pending = new byte[CHUNK];
    private int pendingLen;
    private long accHi;
    private long accLo;
    private long[] hChunk;
    private Cipher gcm;
    private long ivCounter;

    JdkGhash(SecretKey key, BlockFn aes, byte[] h) {
        this.key = key;
        this.aes = aes;
        this.hHi = Counters.getLong(h, 0);
        this.hLo = Counters.getLong(h, 8);
    }

    @Override
    public void update(byte[] in, int off, int len) {
        while (len > 0) {
            if (pendingLen == 0 && len >= CHUNK) {
                // whole chunks go to the JDK from where they are
                fold(in, off, CHUNK);
                off += CHUNK;
                len -= CHUNK;
                continue;
            }
            int n = Math.min(len, CHUNK - pendingLen);
            System.arraycopy(in, off, pending, pendingLen, n);
            pendingLen += n;
            off += n;
            len -= n;
            if (pendingLen == CHUNK) {
                flush();
            }
        }
    }

    @Override
    public void pad() {
        int r = pendingLen & 15;
        if (r != 0) {
            java.util.Arrays.fill(pending, pendingLen, pendingLen + 16 - r, (byte) 0);
            pendingLen += 16 - r;
            if (pendingLen == CHUNK) {
                flush();
            }
        }
    }

    @Override
    public byte[] finish(long aadBytes, long textBytes) {
        pad();
        if (pendingLen > 0) {
            flush();
        }
        long[] lh = mul(aadBytes * 8, textBytes * 8, hHi, hLo);
        byte[] out = new byte[16];
        Counters.putLong(out, 0, accHi ^ lh[0]);
        Counters.putLong(out, 8, accLo ^ lh[1]);
        return out;
    }

    private void flush() {
        fold(pending, 0, pendingLen);
        pendingLen = 0;
    }

    /** Hashes {@code n} bytes (whole blocks) through the JDK and folds them into acc. */
    private void fold(byte[] src, int off, int n) {
        byte[] iv = new byte[12];
        Counters.putLong(iv, 4, ++ivCounter);
        byte[] tag;
        try {
            if (gcm == null) {
                gcm = Cipher.getInstance("AES/GCM/NoPadding");
            }
            gcm.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            gcm.updateAAD(src, off, n);
            tag = gcm.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JVM's AES/GCM failed", e);
        }
        byte[] j0 = new byte[16];
        System.arraycopy(iv, 0, j0, 0, 12);
        j0[15] = 1;
        byte[] e = aes.encryptBlock(j0);
        long[] lh = mul((long) n * 8, 0, hHi, hLo); // L'·H: the JDK's length block is (AAD bits, 0)
        long qHi = Counters.getLong(tag, 0) ^ Counters.getLong(e, 0) ^ lh[0];
        long qLo = Counters.getLong(tag, 8) ^ Counters.getLong(e, 8) ^ lh[1];
        if (accHi != 0 || accLo != 0) {
            long[] hn = n == CHUNK ? chunkPower() : power(n / 16);
            long[] a = mul(accHi, accLo, hn[0], hn[1]);
            qHi ^= a[0];
            qLo ^= a[1];
        }
        accHi = qHi;
        accLo = qLo;
    }

    private long[] chunkPower() {
        if (hChunk == null) {
            hChunk = power(CHUNK / 16);
        }
        return hChunk;
    }

    /** H^e by squaring and multiplying (e ≥ 1). */
    private long[] power(int e) {
        long[] result = {hHi, hLo};
        for (int bit = 30 - Integer.numberOfLeadingZeros(e); bit >= 0; bit--) {
            result = mul(result[0], result[1], result[0], result[1]);
            if ((e & (1 << bit)) != 0) {
                result = mul(result[0], result[1], hHi, hLo);
            }
        }
        return result;
    }

    /**
     * X·Y in GCM's field, bit-serially as SP 800-38D defines it (bit 0 is the most significant bit of
     * the first byte; multiplying by x is a right shift, reduced by R = 0xE1 || 0^120).
     */
    static long[] mul(long xHi, long xLo, long yHi, long yLo) {
        long zHi = 0;
        long zLo = 0;
        long vHi = yHi;
        long vLo = yLo;
        for (int i = 0; i < 128; i++) {
            long bit = i < 64 ? (xHi >>> (63 - i)) & 1 : (xLo >>> (127 - i)) & 1;
            long mask = -bit;
            zHi ^= vHi & mask;
            zLo ^= vLo & mask;
            long carry = -(vLo & 1);
            vLo = (vLo >>> 1) | (vHi << 63);
            vHi = (vHi >>> 1) ^ (0xE100000000000000L & carry);
        }
        return new long[] {zHi, zLo};
    }
}
