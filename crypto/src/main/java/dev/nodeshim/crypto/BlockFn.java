package dev.nodeshim.crypto;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * A raw block cipher under one key: encrypts or decrypts whole blocks, nothing else. Every mode of
 * this package is built on it, so a family (AES, ARIA, Camellia, SM4, 3DES) plugs into every mode
 * the same way.
 *
 * <p>AES and 3DES are the JDK's (JCA {@code AES/ECB/NoPadding}, HotSpot's AES intrinsics work on
 * it); ARIA, Camellia and SM4 are BouncyCastle's lightweight engines ({@link BcBlockFn}). Not thread-safe.
 */
abstract class BlockFn {
    final int blockSize;

    BlockFn(int blockSize) {
        this.blockSize = blockSize;
    }

    /** Encrypts {@code len} bytes (whole blocks) of {@code in} into {@code out} (which may be {@code in}). */
    abstract void encrypt(byte[] in, int inOff, int len, byte[] out, int outOff);

    /** Decrypts whole blocks. */
    abstract void decrypt(byte[] in, int inOff, int len, byte[] out, int outOff);

    /** One block, into a new array. */
    final byte[] encryptBlock(byte[] block) {
        byte[] out = new byte[blockSize];
        encrypt(block, 0, blockSize, out, 0);
        return out;
    }

    /** The block function of a cipher under {@code key} (RC2 also needs the cipher's effective key bits). */
    static BlockFn of(Registry.CipherSpec spec, byte[] key) {
        if (spec.family() == Registry.Family.RC2) {
            return BcBlockFn.rc2(Legacy.effectiveKey(spec.family(), key), spec.effectiveBits());
        }
        return of(spec.family(), spec.variableKey() ? Legacy.effectiveKey(spec.family(), key) : key);
    }

    /** The block function of a family under {@code key} (already of the family's length). */
    static BlockFn of(Registry.Family family, byte[] key) {
        switch (family) {
            case DES:
                return new Jca("DES", key, 8);
            case DESX:
                return new Desx(key);
            case AES:
                return new Jca("AES", key, 16);
            case DES_EDE:
                return new Jca("DESede", desEde3Key(key), 8);
            case ARIA:
            case CAMELLIA:
            case SM4:
            case BF:
            case CAST5:
            case IDEA:
            case SEED:
                // in a class of its own, so that verifying this method loads no BouncyCastle class
                return BcBlockFn.of(family, key);
            default:
                throw new IllegalArgumentException("no block cipher for " + family);
        }
    }

    /** Two-key 3DES (K1 K2) is three-key 3DES with K3 = K1. */
    private static byte[] desEde3Key(byte[] key) {
        if (key.length == 24) {
            return key;
        }
        byte[] k = new byte[24];
        System.arraycopy(key, 0, k, 0, 16);
        System.arraycopy(key, 0, k, 16, 8);
        return k;
    }

    /**
     * DESX (legacy): DES under the first 8 key bytes, whitened with the next 8 before and the last 8
     * after, as OpenSSL's desx-cbc lays out its 24-byte key.
     */
    static final class Desx extends BlockFn {
        private final BlockFn des;
        private final byte[] in;
        private final byte[] out;

        Desx(byte[] key) {
            super(8);
            des = new Jca("DES", java.util.Arrays.copyOf(key, 8), 8);
            in = java.util.Arrays.copyOfRange(key, 8, 16);
            out = java.util.Arrays.copyOfRange(key, 16, 24);
        }

        @Override
        void encrypt(byte[] src, int srcOff, int len, byte[] dst, int dstOff) {
            byte[] t = new byte[len];
            for (int i = 0; i < len; i++) {
                t[i] = (byte) (src[srcOff + i] ^ in[i & 7]);
            }
            des.encrypt(t, 0, len, t, 0);
            for (int i = 0; i < len; i++) {
                dst[dstOff + i] = (byte) (t[i] ^ out[i & 7]);
            }
        }

        @Override
        void decrypt(byte[] src, int srcOff, int len, byte[] dst, int dstOff) {
            byte[] t = new byte[len];
            for (int i = 0; i < len; i++) {
                t[i] = (byte) (src[srcOff + i] ^ out[i & 7]);
            }
            des.decrypt(t, 0, len, t, 0);
            for (int i = 0; i < len; i++) {
                dst[dstOff + i] = (byte) (t[i] ^ in[i & 7]);
            }
        }
    }

    /** A JCA ECB cipher; the decrypting instance is made on first use (CTR, CFB, OFB, GCM never need it). */
    static final class Jca extends BlockFn {
        private final SecretKeySpec key;
        private final String algorithm;
        private final Cipher enc;
        private Cipher dec;

        Jca(String algorithm, byte[] key, int blockSize) {
            super(blockSize);
            this.algorithm = algorithm;
            this.key = new SecretKeySpec(key, algorithm);
            this.enc = init(Cipher.ENCRYPT_MODE);
        }

        /** The AES key, for the JDK's own AES modes ({@link JdkGhash}); null for DES and 3DES. */
        SecretKeySpec aesKey() {
            return algorithm.equals("AES") ? key : null;
        }

        /**
         * The JDK's CBC under this key from {@code iv}, fed whole blocks only (so its buffering never
         * shows): HotSpot's CBC intrinsics chain inside one call instead of one call per block.
         */
        Cipher cbc(byte[] iv, boolean encrypt) {
            try {
                Cipher c = Cipher.getInstance(algorithm + "/CBC/NoPadding");
                c.init(encrypt ? Cipher.ENCRYPT_MODE : Cipher.DECRYPT_MODE, key,
                        new javax.crypto.spec.IvParameterSpec(iv));
                return c;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("the JVM lacks " + algorithm + "/CBC/NoPadding", e);
            }
        }

        private Cipher init(int mode) {
            try {
                Cipher c = Cipher.getInstance(algorithm + "/ECB/NoPadding");
                c.init(mode, key);
                return c;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("the JVM lacks " + algorithm + "/ECB/NoPadding", e);
            }
        }

        @Override
        void encrypt(byte[] in, int inOff, int len, byte[] out, int outOff) {
            run(enc, in, inOff, len, out, outOff);
        }

        @Override
        void decrypt(byte[] in, int inOff, int len, byte[] out, int outOff) {
            if (dec == null) {
                dec = init(Cipher.DECRYPT_MODE);
            }
            run(dec, in, inOff, len, out, outOff);
        }

        private static void run(Cipher c, byte[] in, int inOff, int len, byte[] out, int outOff) {
            try {
                c.update(in, inOff, len, out, outOff);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
