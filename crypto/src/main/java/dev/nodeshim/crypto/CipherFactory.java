package dev.nodeshim.crypto;

import dev.nodeshim.errors.Errors;
import dev.nodeshim.errors.NodeError;
import java.util.Arrays;

/**
 * createCipheriv/createDecipheriv's checks, in Node's order (types of cipher, key and IV; the name;
 * the IV length; the tag length; the key length; XTS's distinct keys), and the choice of engine for a
 * {@link Registry.CipherSpec}.
 */
final class CipherFactory {
    private CipherFactory() {
    }

    static CipherBase.Setup setup(String algorithm, Object key, Object iv, CipherOptions options, boolean encrypt) {
        if (algorithm == null) {
            throw Errors.invalidArgType("cipher", "string", null);
        }
        byte[] k = CipherBase.keyBytes(key);
        byte[] v = CipherBase.ivBytes(iv);
        Registry.CipherSpec spec = Registry.cipher(algorithm);
        if (spec == null) {
            throw Registry.legacyCipher(algorithm) ? CryptoErrors.unsupported() : CryptoErrors.unknownCipher();
        }
        if (!spec.validIv(v == null ? 0 : v.length) || (v == null && spec.ivLength() != 0)) {
            throw CryptoErrors.invalidIv();
        }
        // Node checks the tag length (AEAD modes) before the key length
        int tagLength = tagLength(algorithm, spec, options == null ? -1 : options.authTagLength(), encrypt);
        if (spec.variableKey() ? k.length == 0 : k.length != spec.keyLength()) {
            throw CryptoErrors.invalidKeyLength();
        }
        if (spec.mode() == Registry.Mode.XTS && encrypt) {
            int half = k.length / 2;
            if (Arrays.equals(k, 0, half, k, half, k.length)) {
                throw CryptoErrors.openssl("ERR_OSSL_XTS_DUPLICATED_KEYS", "1C800095", "Provider routines",
                        "xts duplicated keys");
            }
        }
        return new CipherBase.Setup(spec, engine(spec, k, v == null ? Bytes.EMPTY : v, encrypt, tagLength), tagLength);
    }

    private static NodeError invalidTag(int n) {
        return CryptoErrors.type("ERR_CRYPTO_INVALID_AUTH_TAG", "Invalid authentication tag length: " + n);
    }

    static boolean validGcmTag(int n) {
        return n == 4 || n == 8 || (n >= 12 && n <= 16);
    }

    private static int tagLength(String name, Registry.CipherSpec spec, int given, boolean encrypt) {
        switch (spec.mode()) {
            case GCM:
                if (given >= 0 && !validGcmTag(given)) {
                    throw invalidTag(given);
                }
                return given >= 0 ? given : encrypt ? 16 : -1;
            case CCM:
                if (given < 0) {
                    throw CryptoErrors.type("ERR_CRYPTO_INVALID_AUTH_TAG", "authTagLength required for " + name);
                }
                if (given < 4 || given > 16 || given % 2 != 0) {
                    throw invalidTag(given);
                }
                return given;
            case OCB:
                if (given < 0) {
                    throw CryptoErrors.type("ERR_CRYPTO_INVALID_AUTH_TAG", "authTagLength required for " + name);
                }
                if (given > 16) {
                    throw invalidTag(given);
                }
                return given;
            case CHACHA20_POLY1305:
                if (given == 0 || given > 16) {
                    throw invalidTag(given);
                }
                return given > 0 ? given : 16;
            default:
                return -1;
        }
    }

    /**
     * Whether AES-GCM encryption takes the JDK's own GCM ({@link JdkGcmEncryptEngine}): measured here at
     * 6 GB/s on JDK 17 and 11 GB/s on JDK 25 once compiled, fed in {@link JdkPieces} (where
     * {@link GcmEngine} does 1 GB/s). {@code -Dnodeshim.crypto.jdkGcm=true|false} overrides the choice.
     */
    static final boolean JDK_GCM = Boolean.parseBoolean(System.getProperty("nodeshim.crypto.jdkGcm", "true"));

    /**
     * Whether AES-CTR takes the JDK's own CTR ({@link JdkCtrEngine}): 13 GB/s on JDK 17 and 25 once
     * compiled, fed in {@link JdkPieces} (where {@link StreamModeEngine} does 1.8).
     * {@code -Dnodeshim.crypto.jdkCtr} overrides the choice.
     */
    static final boolean JDK_CTR = Boolean.parseBoolean(System.getProperty("nodeshim.crypto.jdkCtr", "true"));

    /**
     * chacha20-poly1305 encryption through the JDK's own cipher ({@link JdkChaChaPolyEngine}): from
     * JDK 20 on, where HotSpot has ChaCha20 and Poly1305 intrinsics; before, the JDK's is plain Java and
     * slower than {@link ChaChaPolyEngine} (vectorised lanes, two-block {@link Poly1305Mac}). Decryption
     * is always {@link ChaChaPolyEngine}, on the JDK's raw ChaCha20 key stream under the same switch.
     * {@code -Dnodeshim.crypto.jdkChaCha} overrides the choice.
     */
    static final boolean JDK_CHACHA = Boolean.parseBoolean(
            System.getProperty("nodeshim.crypto.jdkChaCha", String.valueOf(Registry.JDK_FEATURE >= 20)));

    private static CipherEngine engine(Registry.CipherSpec spec, byte[] key, byte[] iv, boolean encrypt, int tagLength) {
        switch (spec.mode()) {
            case STREAM:
                return spec.family() == Registry.Family.RC4 ? new Rc4(key) : new ChaCha20.Engine(key, iv);
            case CHACHA20_POLY1305:
                return encrypt && JDK_CHACHA ? new JdkChaChaPolyEngine(key, iv, tagLength)
                        : new ChaChaPolyEngine(key, iv, encrypt, tagLength, JDK_CHACHA);
            case CBC_HMAC:
                return new CipherEngine.Unsupported();
            case XTS: {
                int half = key.length / 2;
                return new XtsEngine(BlockFn.of(spec.family(), Arrays.copyOf(key, half)),
                        BlockFn.of(spec.family(), Arrays.copyOfRange(key, half, key.length)), iv, encrypt);
            }
            default:
                break;
        }
        BlockFn fn = BlockFn.of(spec, key);
        switch (spec.mode()) {
            case ECB:
                return new BlockModeEngine(fn, false, iv, encrypt);
            case CBC:
                return new BlockModeEngine(fn, true, iv, encrypt);
            case CTR:
                if (JDK_CTR && fn instanceof BlockFn.Jca && ((BlockFn.Jca) fn).aesKey() != null) {
                    return new JdkCtrEngine(((BlockFn.Jca) fn).aesKey(), iv);
                }
                return new StreamModeEngine(fn, StreamModeEngine.Kind.CTR, iv, encrypt);
            case OFB:
                return new StreamModeEngine(fn, StreamModeEngine.Kind.OFB, iv, encrypt);
            case CFB:
                return new StreamModeEngine(fn, StreamModeEngine.Kind.CFB, iv, encrypt);
            case CFB8:
                return new StreamModeEngine(fn, StreamModeEngine.Kind.CFB8, iv, encrypt);
            case CFB1:
                return new StreamModeEngine(fn, StreamModeEngine.Kind.CFB1, iv, encrypt);
            case GCM:
                if (encrypt && iv.length == 12 && JDK_GCM && fn instanceof BlockFn.Jca
                        && ((BlockFn.Jca) fn).aesKey() != null) {
                    return new JdkGcmEncryptEngine(fn, ((BlockFn.Jca) fn).aesKey(), iv, tagLength);
                }
                return new GcmEngine(fn, iv, encrypt, tagLength);
            case CCM:
                return new CcmEngine(fn, iv, encrypt, tagLength);
            case OCB:
                return tagLength == 0 ? new CipherEngine.TaglessOcb() : new OcbEngine(fn, iv, encrypt, tagLength);
            case KW:
                return new WrapEngine(fn, WrapEngine.Kind.KW, iv, encrypt);
            case KWP:
                return new WrapEngine(fn, WrapEngine.Kind.KWP, iv, encrypt);
            case DES3_WRAP:
                return new WrapEngine(fn, WrapEngine.Kind.DES3, iv, encrypt);
            default:
                throw new IllegalStateException("no engine for " + spec);
        }
    }
}
