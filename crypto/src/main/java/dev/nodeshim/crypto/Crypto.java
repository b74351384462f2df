package dev.nodeshim.crypto;

import dev.nodeshim.buffer.Buffer;
import dev.nodeshim.errors.Errors;
import java.util.List;

/**
 * Node's {@code crypto} module: static methods with Node's names, for
 * {@code import static dev.nodeshim.crypto.Crypto.*;}.
 *
 * <pre>{@code
 * createHash("sha256").update("hello").digest("hex");
 * createHmac("sha256", "secret").update(data).digest();
 * }</pre>
 *
 * Which code runs for each algorithm is decided in one place, {@link Registry}: the JDK's JCA where
 * HotSpot has intrinsics, BouncyCastle (a private provider instance, loaded only when needed)
 * otherwise. What exists and what is missing: {@code crypto/README.md}.
 */
public final class Crypto {
    private static final List<String> KEY_TYPES = List.of(
            "string", "ArrayBuffer", "Buffer", "TypedArray", "DataView", "KeyObject", "CryptoKey");

    private Crypto() {
    }

    // ------------------------------------------------------------------------------------------------
    // Hashes and HMAC

    /** {@code crypto.getHashes()}: Node 20's list, every name of which works here. */
    public static List<String> getHashes() {
        return Registry.hashes();
    }

    /** {@code crypto.createHash(algorithm)}. */
    public static Hash createHash(String algorithm) {
        return createHash(algorithm, HashOptions.defaults());
    }

    /**
     * {@code crypto.createHash(algorithm, options)}.
     *
     * @throws dev.nodeshim.errors.NodeError {@code Digest method not supported} for an unknown name;
     *         {@code ERR_OSSL_EVP_UNSUPPORTED} for a legacy one (md4, whirlpool…);
     *         {@code ERR_OSSL_EVP_NOT_XOF_OR_INVALID_LENGTH} for an output length a non-XOF cannot give
     */
    public static Hash createHash(String algorithm, HashOptions options) {
        if (algorithm == null) {
            throw Errors.invalidArgType("algorithm", "string", null);
        }
        return Hash.create(hashSpec(algorithm), options);
    }

    private static Registry.HashSpec hashSpec(String algorithm) {
        Registry.HashSpec spec = Registry.hash(algorithm);
        if (spec == null) {
            throw Registry.legacyHash(algorithm) ? CryptoErrors.unsupported() : CryptoErrors.digestNotSupported();
        }
        return spec;
    }

    /** {@code crypto.createHmac(algorithm, key)} with a string key (its UTF-8 bytes). */
    public static Hmac createHmac(String algorithm, String key) {
        checkHmacAlgorithm(algorithm);
        if (key == null) {
            throw Errors.invalidArgType("key", KEY_TYPES, null);
        }
        return new Hmac(hmacSpec(algorithm), Bytes.utf8(key));
    }

    /** {@code crypto.createHmac(algorithm, key)} with a Buffer key. */
    public static Hmac createHmac(String algorithm, Buffer key) {
        checkHmacAlgorithm(algorithm);
        if (key == null) {
            throw Errors.invalidArgType("key", KEY_TYPES, null);
        }
        return new Hmac(hmacSpec(algorithm), key.toByteArray());
    }

    /**
     * {@code crypto.createHmac(algorithm, key)} with a byte-array key (copied).
     *
     * @throws dev.nodeshim.errors.NodeError {@code ERR_CRYPTO_INVALID_DIGEST} ({@code Invalid digest: x})
     *         for an unknown name; {@code ERR_OSSL_EVP_UNSUPPORTED} for a legacy one; OpenSSL's empty
     *         error ({@code error:00000000:lib(0)::reason(0)}) for an XOF
     */
    public static Hmac createHmac(String algorithm, byte[] key) {
        checkHmacAlgorithm(algorithm);
        if (key == null) {
            throw Errors.invalidArgType("key", KEY_TYPES, null);
        }
        return new Hmac(hmacSpec(algorithm), key.clone());
    }

    private static void checkHmacAlgorithm(String algorithm) {
        if (algorithm == null) {
            throw Errors.invalidArgType("hmac", "string", null);
        }
    }

    /** The hash for an HMAC (or a KDF's digest): {@code Invalid digest: x} when unknown. */
    static Registry.HashSpec hmacSpec(String algorithm) {
        Registry.HashSpec spec = Registry.hash(algorithm);
        if (spec == null) {
            throw Registry.legacyHash(algorithm) ? CryptoErrors.unsupported() : CryptoErrors.invalidDigest(algorithm);
        }
        if (spec.xof()) {
            throw CryptoErrors.emptyOpensslError();
        }
        return spec;
    }
}
