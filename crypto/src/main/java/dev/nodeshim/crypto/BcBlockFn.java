package dev.nodeshim.crypto;

import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.CipherParameters;
import org.bouncycastle.crypto.engines.ARIAEngine;
import org.bouncycastle.crypto.engines.BlowfishEngine;
import org.bouncycastle.crypto.engines.CAST5Engine;
import org.bouncycastle.crypto.engines.IDEAEngine;
import org.bouncycastle.crypto.engines.RC2Engine;
import org.bouncycastle.crypto.engines.SEEDEngine;
import org.bouncycastle.crypto.engines.CamelliaEngine;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.RC2Parameters;

/**
 * A {@link BlockFn} on a BouncyCastle lightweight engine pair: ARIA, Camellia, SM4, and the legacy
 * provider's Blowfish, CAST5, IDEA, SEED and RC2.
 */
final class BcBlockFn extends BlockFn {
    private final BlockCipher enc;
    private final BlockCipher dec;
    private final CipherParameters key;
    private boolean decReady;

    private BcBlockFn(BlockCipher enc, BlockCipher dec, byte[] key) {
        this(enc, dec, new KeyParameter(key));
    }

    private BcBlockFn(BlockCipher enc, BlockCipher dec, CipherParameters key) {
        super(enc.getBlockSize());
        this.enc = enc;
        this.dec = dec;
        this.key = key;
        enc.init(true, key);
    }

    /** Two engines keyed already (init would refuse the key). */
    private BcBlockFn(BlockCipher enc, BlockCipher dec) {
        super(enc.getBlockSize());
        this.enc = enc;
        this.dec = dec;
        this.key = null;
        this.decReady = true;
    }

    /** RC2 with OpenSSL's effective key bits (128 for rc2-cbc whatever the key length, 40 for rc2-40…). */
    static BlockFn rc2(byte[] key, int bits) {
        RC2Parameters p = new RC2Parameters(key, bits);
        return new BcBlockFn(new RC2Engine(), new RC2Engine(), p);
    }

    static BlockFn of(Registry.Family family, byte[] key) {
        switch (family) {
            case ARIA:
                return new BcBlockFn(new ARIAEngine(), new ARIAEngine(), key);
            case CAMELLIA:
                return new BcBlockFn(new CamelliaEngine(), new CamelliaEngine(), key);
            case SM4:
                return new BcBlockFn(new SM4Engine(), new SM4Engine(), key);
            case CAST5:
                return new BcBlockFn(new CAST5Engine(), new CAST5Engine(), key);
            case IDEA:
                return new BcBlockFn(new IDEAEngine(), new IDEAEngine(), key);
            case SEED:
                return new BcBlockFn(new SEEDEngine(), new SEEDEngine(), key);
            case BF:
                return blowfish(key);
            default:
                throw new IllegalArgumentException("not a BouncyCastle family: " + family);
        }
    }

    /** Blowfish with OpenSSL's key lengths (any, cycled over the subkeys, at most 72 bytes used). */
    private static BlockFn blowfish(byte[] key) {
        if (key.length >= 4 && key.length <= 56) {
            return new BcBlockFn(new BlowfishEngine(), new BlowfishEngine(), key);
        }
        return new Blowfish(key);
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
