package dev.nodeshim.crypto;

import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.engines.ARIAEngine;
import org.bouncycastle.crypto.engines.CamelliaEngine;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.params.KeyParameter;

/** A {@link BlockFn} on a BouncyCastle lightweight engine pair (ARIA, Camellia, SM4). */
final class BcBlockFn extends BlockFn {
    private final BlockCipher enc;
    private final BlockCipher dec;
    private final KeyParameter key;
    private boolean decReady;

    private BcBlockFn(BlockCipher enc, BlockCipher dec, byte[] key) {
        super(enc.getBlockSize());
        this.enc = enc;
        this.dec = dec;
        this.key = new KeyParameter(key);
        enc.init(true, this.key);
    }

    static BlockFn of(Registry.Family family, byte[] key) {
        switch (family) {
            case ARIA:
                return new BcBlockFn(new ARIAEngine(), new ARIAEngine(), key);
            case CAMELLIA:
                return new BcBlockFn(new CamelliaEngine(), new CamelliaEngine(), key);
            case SM4:
                return new BcBlockFn(new SM4Engine(), new SM4Engine(), key);
            default:
                throw new IllegalArgumentException("not a BouncyCastle family: " + family);
        }
    }

    @Override
    void encrypt(byte[] in, int inOff, int len, byte[] out, int outOff) {
        for (int i = 0; i < len; i += blockSize) {
            enc.processBlock(in, inOff + i, out, outOff + i);
        }
    }

    @Override
    void decrypt(byte[] in, int inOff, int len, byte[] out, int outOff) {
        if (!decReady) {
            dec.init(false, key);
            decReady = true;
        }
        for (int i = 0; i < len; i += blockSize) {
            dec.processBlock(in, inOff + i, out, outOff + i);
        }
    }
}
