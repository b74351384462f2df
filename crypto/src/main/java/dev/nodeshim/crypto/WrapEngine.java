package dev.nodeshim.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Key wrapping as OpenSSL runs it: every update() wraps or unwraps one whole key on its own.
 * <ul>
 * <li>KW (RFC 3394, {@code aes*-wrap}): 16 bytes or more, a multiple of 8; the IV is the integrity
 *     check value (A6A6A6A6A6A6A6A6 by the RFC).</li>
 * <li>KWP (RFC 5649, {@code id-aes*-wrap-pad}): any length; the 4-byte IV prefixes the length.</li>
 * <li>3DES (RFC 3217, {@code des3-wrap}): a multiple of 8; a random IV, so wrapping is not
 *     deterministic.</li>
 * </ul>
 * Any other length, and an unwrap whose integrity check fails, is {@code Trying to add data in
 * unsupported state}; empty input gives empty output.
 */
final class WrapEngine extends CipherEngine {
    enum Kind {
        KW, KWP, DES3
    }

    private static final byte[] DES3_IV2 = {0x4a, (byte) 0xdd, (byte) 0xa2, 0x2c, 0x79, (byte) 0xe8, 0x21, 0x05};

    private final BlockFn fn;
    private final Kind kind;
    private final byte[] iv;
    private final boolean encrypt;

    WrapEngine(BlockFn fn, Kind kind, byte[] iv, boolean encrypt) {
        this.fn = fn;
        this.kind = kind;
        this.iv = iv == null ? null : iv.clone();
        this.encrypt = encrypt;
    }

    @Override
    byte[] update(byte[] in, int off, int len) {
        if (len == 0) {
            return Bytes.EMPTY;
        }
        byte[] data = slice(in, off, len);
        byte[] out;
        switch (kind) {
            case KW:
                if (len % 8 != 0 || len < (encrypt ? 16 : 24)) {
                    throw unsupportedState();
                }
                out = encrypt ? wrap(iv, data) : unwrap(data, iv);
                break;
            case KWP:
                out = encrypt ? wrapPad(data) : unwrapPad(data);
                break;
            default:
                if (len % 8 != 0 || (!encrypt && len < 24)) {
                    throw unsupportedState();
                }
                out = encrypt ? des3Wrap(data) : des3Unwrap(data);
        }
        if (out == null) {
            throw unsupportedState();
        }
        return out;
    }

    @Override
    byte[] doFinal() {
        return Bytes.EMPTY;
    }

    /** RFC 3394's W: six passes over the 64-bit registers. */
    private byte[] wrap(byte[] a0, byte[] p) {
        int n = p.length / 8;
        byte[] out = new byte[p.length + 8];
        System.arraycopy(a0, 0, out, 0, 8);
        System.arraycopy(p, 0, out, 8, p.length);
        byte[] b = new byte[16];
        for (int j = 0; j < 6; j++) {
            for (int i = 1; i <= n; i++) {
                System.arraycopy(out, 0, b, 0, 8);
                System.arraycopy(out, 8 * i, b, 8, 8);
                fn.encrypt(b, 0, 16, b, 0);
                long t = (long) n * j + i;
                for (int k = 7; k >= 0; k--) {
                    b[k] ^= (byte) t;
                    t >>>= 8;
                }
                System.arraycopy(b, 0, out, 0, 8);
                System.arraycopy(b, 8, out, 8 * i, 8);
            }
        }
        return out;
    }

    /** RFC 3394's W^-1; returns A and the registers, or null when A is not the expected value (when given). */
    private byte[] unwrapRaw(byte[] c, byte[] aOut) {
        int n = c.length / 8 - 1;
        byte[] a = slice(c, 0, 8);
        byte[] r = slice(c, 8, c.length - 8);
        byte[] b = new byte[16];
        for (int j = 5; j >= 0; j--) {
            for (int i = n; i >= 1; i--) {
                long t = (long) n * j + i;
                for (int k = 7; k >= 0; k--) {
                    a[k] ^= (byte) t;
                    t >>>= 8;
                }
                System.arraycopy(a, 0, b, 0, 8);
                System.arraycopy(r, 8 * (i - 1), b, 8, 8);
                fn.decrypt(b, 0, 16, b, 0);
                System.arraycopy(b, 0, a, 0, 8);
                System.arraycopy(b, 8, r, 8 * (i - 1), 8);
            }
        }
        System.arraycopy(a, 0, aOut, 0, 8);
        return r;
    }

    private byte[] unwrap(byte[] c, byte[] expectedA) {
        byte[] a = new byte[8];
        byte[] r = unwrapRaw(c, a);
        return MessageDigest.isEqual(a, expectedA) ? r : null;
    }

    private byte[] wrapPad(byte[] p) {
        byte[] aiv = new byte[8];
        System.arraycopy(iv, 0, aiv, 0, 4);
        int mli = p.length;
        aiv[4] = (byte) (mli >>> 24);
        aiv[5] = (byte) (mli >>> 16);
        aiv[6] = (byte) (mli >>> 8);
        aiv[7] = (byte) mli;
        byte[] padded = new byte[(p.length + 7) / 8 * 8];
        System.arraycopy(p, 0, padded, 0, p.length);
        if (padded.length == 8) {
            byte[] b = new byte[16];
            System.arraycopy(aiv, 0, b, 0, 8);
            System.arraycopy(padded, 0, b, 8, 8);
            fn.encrypt(b, 0, 16, b, 0);
            return b;
        }
        return wrap(aiv, padded);
    }

    private byte[] unwrapPad(byte[] c) {
        if (c.length % 8 != 0 || c.length < 16) {
            return null;
        }
        byte[] a = new byte[8];
        byte[] r;
        if (c.length == 16) {
            byte[] b = c.clone();
            fn.decrypt(b, 0, 16, b, 0);
            System.arraycopy(b, 0, a, 0, 8);
            r = slice(b, 8, 8);
        } else {
            r = unwrapRaw(c, a);
        }
        for (int i = 0; i < 4; i++) {
            if (a[i] != iv[i]) {
                return null;
            }
        }
        long mli = ((a[4] & 0xffL) << 24) | ((a[5] & 0xff) << 16) | ((a[6] & 0xff) << 8) | (a[7] & 0xff);
        if (mli <= r.length - 8 || mli > r.length) {
            return null;
        }
        for (int i = (int) mli; i < r.length; i++) {
            if (r[i] != 0) {
                return null;
            }
        }
        return slice(r, 0, (int) mli);
    }

    private static byte[] sha1Icv(byte[] cek) {
        try {
            return slice(MessageDigest.getInstance("SHA-1").digest(cek), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] cbc(byte[] iv0, byte[] data, boolean enc) {
        byte[] chain = iv0.clone();
        byte[] out = new byte[data.length];
        for (int i = 0; i < data.length; i += 8) {
            if (enc) {
                xor(data, i, chain, 0, out, i, 8);
                fn.encrypt(out, i, 8, out, i);
                System.arraycopy(out, i, chain, 0, 8);
            } else {
                fn.decrypt(data, i, 8, out, i);
                xor(out, i, chain, 0, out, i, 8);
                System.arraycopy(data, i, chain, 0, 8);
            }
        }
        return out;
    }

    private static byte[] reverse(byte[] a) {
        byte[] r = new byte[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[a.length - 1 - i];
        }
        return r;
    }

    private byte[] des3Wrap(byte[] cek) {
        byte[] wkcks = Bytes.concat(cek, sha1Icv(cek));
        byte[] iv1 = Randoms.bytes(8);
        byte[] temp2 = Bytes.concat(iv1, cbc(iv1, wkcks, true));
        return cbc(DES3_IV2, reverse(temp2), true);
    }

    private byte[] des3Unwrap(byte[] c) {
        byte[] temp2 = reverse(cbc(DES3_IV2, c, false));
        byte[] iv1 = slice(temp2, 0, 8);
        byte[] wkcks = cbc(iv1, slice(temp2, 8, temp2.length - 8), false);
        byte[] cek = slice(wkcks, 0, wkcks.length - 8);
        byte[] icv = slice(wkcks, wkcks.length - 8, 8);
        return MessageDigest.isEqual(icv, sha1Icv(cek)) ? cek : null;
    }
}
