package dev.nodeshim.crypto;

import dev.nodeshim.buffer.ArrayBuffer;
import dev.nodeshim.buffer.Buffer;
import dev.nodeshim.errors.Errors;
import dev.nodeshim.errors.NodeError;
import java.security.MessageDigest;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

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

    /** {@code crypto.hash(algorithm, data)} (Node 20.12+): the one-shot digest of a string's UTF-8 bytes, in hex. */
    public static String hash(String algorithm, String data) {
        return hash(algorithm, data, "hex");
    }

    /**
     * {@code crypto.hash(algorithm, data, outputEncoding)}: the one-shot digest of a string's UTF-8 bytes
     * ({@code ""} as the encoding is utf8, as in Node). Java divergence as {@link Hash#digest(String)}:
     * {@code "buffer"} is {@code ERR_UNKNOWN_ENCODING}; use {@code createHash(…).update(…).digest()}.
     *
     * @throws dev.nodeshim.errors.NodeError {@code Digest method x is not supported} for an unknown name;
     *         {@code ERR_INVALID_ARG_VALUE} for an unknown output encoding
     */
    public static String hash(String algorithm, String data, String outputEncoding) {
        Registry.HashSpec spec = oneShot(algorithm, data, outputEncoding);
        byte[] in = Bytes.utf8(data);
        return finishOneShot(spec, in, outputEncoding);
    }

    /** {@code crypto.hash(algorithm, buffer)}: hex. */
    public static String hash(String algorithm, Buffer data) {
        return hash(algorithm, data, "hex");
    }

    /** {@code crypto.hash(algorithm, uint8array)}: hex. */
    public static String hash(String algorithm, byte[] data) {
        return hash(algorithm, data, "hex");
    }

    /** {@code crypto.hash(algorithm, buffer[, outputEncoding])}. */
    public static String hash(String algorithm, Buffer data, String outputEncoding) {
        Registry.HashSpec spec = oneShot(algorithm, data, outputEncoding);
        return finishOneShot(spec, data.toByteArray(), outputEncoding);
    }

    /** {@code crypto.hash(algorithm, uint8array[, outputEncoding])}. */
    public static String hash(String algorithm, byte[] data, String outputEncoding) {
        Registry.HashSpec spec = oneShot(algorithm, data, outputEncoding);
        return finishOneShot(spec, data, outputEncoding);
    }

    private static Registry.HashSpec oneShot(String algorithm, Object data, String outputEncoding) {
        if (algorithm == null) {
            throw Errors.invalidArgType("algorithm", "string", null);
        }
        if (data == null) {
            throw Errors.invalidArgType("input", List.of("string", "Buffer", "TypedArray", "DataView"), null);
        }
        if (outputEncoding == null) {
            throw Errors.invalidArgType("outputEncoding", "string", null);
        }
        if (!outputEncoding.isEmpty() && dev.nodeshim.buffer.Encoding.lookup(outputEncoding) == null
                && !outputEncoding.equalsIgnoreCase("buffer")) {
            throw Errors.invalidArgValue("outputEncoding", outputEncoding);
        }
        Registry.HashSpec spec = Registry.hash(algorithm);
        if (spec == null) {
            throw Registry.legacyHash(algorithm) ? CryptoErrors.unsupported()
                    : new NodeError("Error", null, "Digest method " + algorithm + " is not supported");
        }
        return spec;
    }

    private static String finishOneShot(Registry.HashSpec spec, byte[] data, String outputEncoding) {
        HashEngine e = spec.newEngine();
        e.update(data, 0, data.length);
        byte[] digest = e.finish(spec.size());
        return Bytes.encode(digest, Bytes.outputEncoding(outputEncoding.isEmpty() ? "utf8" : outputEncoding));
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

    /**
     * {@code crypto.createHmac(algorithm, key)} with a secret {@link KeyObject}.
     *
     * @throws dev.nodeshim.errors.NodeError {@code ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE} for an asymmetric key
     */
    public static Hmac createHmac(String algorithm, KeyObject key) {
        checkHmacAlgorithm(algorithm);
        if (key == null) {
            throw Errors.invalidArgType("key", KEY_TYPES, null);
        }
        byte[] k = KeyObject.secretBytesOf(key);
        return new Hmac(hmacSpec(algorithm), k.clone());
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
    // ------------------------------------------------------------------------------------------------
    // Random

    /**
     * {@code crypto.randomBytes(size)}: {@code size} bytes from the CSPRNG.
     *
     * @throws dev.nodeshim.errors.NodeError {@code ERR_OUT_OF_RANGE} outside {@code [0, 2^31 - 1]}
     */
    public static Buffer randomBytes(long size) {
        return Buffer.wrap(Randoms.bytes(Randoms.checkSize(size)));
    }

    /** {@code crypto.randomBytes(size, callback)}: the bytes are made off the loop; the callback runs on it. */
    public static void randomBytes(long size, CryptoCallback<Buffer> callback) {
        int n = Randoms.checkSize(size);
        Jobs.requireCallback(callback);
        Jobs.run(() -> Buffer.wrap(Randoms.bytes(n)), callback);
    }

    /** The CompletableFuture twin of {@link #randomBytes(long, CryptoCallback)}; completes on the loop. */
    public static CompletableFuture<Buffer> randomBytesAsync(long size) {
        int n = Randoms.checkSize(size);
        return Jobs.future(() -> Buffer.wrap(Randoms.bytes(n)));
    }

    /** {@code crypto.randomFillSync(buffer)}: fills it all; returns it. */
    public static Buffer randomFillSync(Buffer buffer) {
        return randomFillSync(buffer, 0);
    }

    /** {@code crypto.randomFillSync(buffer, offset)}. */
    public static Buffer randomFillSync(Buffer buffer, long offset) {
        requireBuf(buffer);
        Randoms.fill(buffer, offset, null);
        return buffer;
    }

    /**
     * {@code crypto.randomFillSync(buffer, offset, size)}.
     *
     * @throws dev.nodeshim.errors.NodeError {@code ERR_OUT_OF_RANGE} for {@code offset}, {@code size}
     *         or {@code size + offset}, worded as Node's
     */
    public static Buffer randomFillSync(Buffer buffer, long offset, long size) {
        requireBuf(buffer);
        Randoms.fill(buffer, offset, size);
        return buffer;
    }

    /** {@code crypto.randomFillSync(uint8array[, offset[, size]])} on a byte array. */
    public static byte[] randomFillSync(byte[] array) {
        requireBuf(array);
        Randoms.fill(array, 0, array.length);
        return array;
    }

    /** {@code crypto.randomFillSync(uint8array, offset, size)} on a byte array. */
    public static byte[] randomFillSync(byte[] array, long offset, long size) {
        requireBuf(array);
        int n = Randoms.checkFill(array.length, offset, size);
        Randoms.fill(array, (int) offset, n);
        return array;
    }

    /** {@code crypto.randomFill(buffer, callback)}. */
    public static void randomFill(Buffer buffer, CryptoCallback<Buffer> callback) {
        requireBuf(buffer);
        Jobs.requireCallback(callback);
        Jobs.run(() -> randomFillSync(buffer), callback);
    }

    /** {@code crypto.randomFill(buffer, offset, size, callback)}; the bounds are checked before it returns. */
    public static void randomFill(Buffer buffer, long offset, long size, CryptoCallback<Buffer> callback) {
        requireBuf(buffer);
        Randoms.checkFill(buffer.length(), offset, size);
        Jobs.requireCallback(callback);
        Jobs.run(() -> randomFillSync(buffer, offset, size), callback);
    }

    /** The CompletableFuture twin of {@link #randomFill(Buffer, long, long, CryptoCallback)}. */
    public static CompletableFuture<Buffer> randomFillAsync(Buffer buffer, long offset, long size) {
        requireBuf(buffer);
        Randoms.checkFill(buffer.length(), offset, size);
        return Jobs.future(() -> randomFillSync(buffer, offset, size));
    }

    private static void requireBuf(Object buf) {
        if (buf == null) {
            throw Errors.invalidArgType("buf", List.of("ArrayBuffer", "ArrayBufferView"), null);
        }
    }

    /** {@code crypto.randomInt(max)}: uniform in {@code [0, max)}. */
    public static long randomInt(long max) {
        return randomInt(0, max);
    }

    /**
     * {@code crypto.randomInt(min, max)}: uniform in {@code [min, max)}.
     *
     * @throws dev.nodeshim.errors.NodeError {@code ERR_INVALID_ARG_TYPE} for a bound that is not a safe
     *         integer; {@code ERR_OUT_OF_RANGE} when {@code max <= min} or {@code max - min >= 2^48}
     */
    public static long randomInt(long min, long max) {
        Randoms.checkRange(min, max);
        return Randoms.nextInt(min, max);
    }

    /** {@code crypto.randomInt(max, callback)}. */
    public static void randomInt(long max, CryptoCallback<Long> callback) {
        randomInt(0, max, callback);
    }

    /** {@code crypto.randomInt(min, max, callback)}: the bounds are checked before it returns. */
    public static void randomInt(long min, long max, CryptoCallback<Long> callback) {
        Randoms.checkRange(min, max);
        Jobs.requireCallback(callback);
        Jobs.run(() -> Randoms.nextInt(min, max), callback);
    }

    /** The CompletableFuture twin of {@link #randomInt(long, long, CryptoCallback)}. */
    public static CompletableFuture<Long> randomIntAsync(long min, long max) {
        Randoms.checkRange(min, max);
        return Jobs.future(() -> Randoms.nextInt(min, max));
    }

    /** {@code crypto.randomUUID()}: a random RFC 4122 version 4 UUID, lowercase. */
    public static String randomUUID() {
        return UUID.randomUUID().toString();
    }

    /**
     * {@code crypto.getRandomValues(typedArray)}: fills and returns it.
     *
     * @throws dev.nodeshim.errors.NodeError {@code QuotaExceededError} above 65,536 bytes;
     *         {@code TypeMismatchError} for null
     */
    public static byte[] getRandomValues(byte[] array) {
        if (array == null) {
            throw Randoms.typeMismatch();
        }
        Randoms.checkQuota(array.length);
        Randoms.RANDOM.nextBytes(array);
        return array;
    }

    /** {@code crypto.getRandomValues(buffer)}. */
    public static Buffer getRandomValues(Buffer buffer) {
        if (buffer == null) {
            throw Randoms.typeMismatch();
        }
        Randoms.checkQuota(buffer.length());
        Randoms.fill(buffer.buffer().array(), buffer.byteOffset(), buffer.length());
        return buffer;
    }

    /** {@code crypto.getRandomValues(int16array)}. */
    public static short[] getRandomValues(short[] array) {
        if (array == null) {
            throw Randoms.typeMismatch();
        }
        Randoms.checkQuota(2L * array.length);
        for (int i = 0; i < array.length; i++) {
            array[i] = (short) Randoms.RANDOM.nextInt();
        }
        return array;
    }

    /** {@code crypto.getRandomValues(int32array)}. */
    public static int[] getRandomValues(int[] array) {
        if (array == null) {
            throw Randoms.typeMismatch();
        }
        Randoms.checkQuota(4L * array.length);
        for (int i = 0; i < array.length; i++) {
            array[i] = Randoms.RANDOM.nextInt();
        }
        return array;
    }

    /** {@code crypto.getRandomValues(bigInt64array)}. */
    public static long[] getRandomValues(long[] array) {
        if (array == null) {
            throw Randoms.typeMismatch();
        }
        Randoms.checkQuota(8L * array.length);
        for (int i = 0; i < array.length; i++) {
            array[i] = Randoms.RANDOM.nextLong();
        }
        return array;
    }

    /**
     * {@code crypto.timingSafeEqual(a, b)}: whether the bytes are equal, in time that depends only on
     * the length (the JDK's {@link MessageDigest#isEqual}, constant-time since JDK 6u17).
     *
     * @throws dev.nodeshim.errors.NodeError {@code ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH} for different
     *         lengths; {@code ERR_INVALID_ARG_TYPE} for null
     */
    public static boolean timingSafeEqual(byte[] a, byte[] b) {
        if (a == null) {
            throw notBuffer("buf1");
        }
        if (b == null) {
            throw notBuffer("buf2");
        }
        if (a.length != b.length) {
            throw CryptoErrors.range("ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH", "Input buffers must have the same byte length");
        }
        return MessageDigest.isEqual(a, b);
    }

    /** {@code crypto.timingSafeEqual(a, b)} on buffers. */
    public static boolean timingSafeEqual(Buffer a, Buffer b) {
        if (a == null) {
            throw notBuffer("buf1");
        }
        if (b == null) {
            throw notBuffer("buf2");
        }
        return timingSafeEqual(a.toByteArray(), b.toByteArray());
    }

    private static NodeError notBuffer(String name) {
        return CryptoErrors.type("ERR_INVALID_ARG_TYPE",
                "The \"" + name + "\" argument must be an instance of ArrayBuffer, Buffer, TypedArray, or DataView.");
    }
    // ------------------------------------------------------------------------------------------------
    // Key derivation

    /**
     * {@code crypto.pbkdf2Sync(password, salt, iterations, keylen, digest)}. {@code password} and
     * {@code salt} are a String (UTF-8), {@code byte[]} or {@link Buffer}.
     *
     * @throws dev.nodeshim.errors.NodeError Node's: {@code ERR_INVALID_ARG_TYPE}, {@code ERR_OUT_OF_RANGE}
     *         (iterations in [1, 2^31 - 1], keylen in [0, 2^31 - 1]), {@code Invalid digest: x}
     */
    public static Buffer pbkdf2Sync(Object password, Object salt, long iterations, long keylen, String digest) {
        return Kdf.Pbkdf2.of(password, salt, iterations, keylen, digest).derive();
    }

    /** {@code crypto.pbkdf2(…, callback)}: validated now, derived on a helper thread, called back on the loop. */
    public static void pbkdf2(Object password, Object salt, long iterations, long keylen, String digest,
            CryptoCallback<Buffer> callback) {
        Jobs.requireCallback(callback);
        Kdf.Pbkdf2 call = Kdf.Pbkdf2.of(password, salt, iterations, keylen, digest);
        Jobs.run(call::derive, callback);
    }

    /** The CompletableFuture twin of {@code pbkdf2}; completes on the loop. */
    public static CompletableFuture<Buffer> pbkdf2Async(Object password, Object salt, long iterations, long keylen,
            String digest) {
        Kdf.Pbkdf2 call = Kdf.Pbkdf2.of(password, salt, iterations, keylen, digest);
        return Jobs.future(call::derive);
    }

    /** {@code crypto.scryptSync(password, salt, keylen)} with Node's defaults (N 16384, r 8, p 1). */
    public static Buffer scryptSync(Object password, Object salt, long keylen) {
        return scryptSync(password, salt, keylen, ScryptOptions.defaults());
    }

    /**
     * {@code crypto.scryptSync(password, salt, keylen, options)}.
     *
     * @throws dev.nodeshim.errors.NodeError {@code ERR_CRYPTO_INVALID_SCRYPT_PARAMS} ({@code Invalid
     *         scrypt params}, with OpenSSL's {@code memory limit exceeded} when the memory needed,
     *         {@code 128 * r * (N + p + 2)} bytes, exceeds maxmem); {@code ERR_CRYPTO_SCRYPT_INVALID_PARAMETER}
     *         for a parameter given under both names; {@code ERR_OUT_OF_RANGE}
     */
    public static Buffer scryptSync(Object password, Object salt, long keylen, ScryptOptions options) {
        return Kdf.Scrypt.of(password, salt, keylen, options).derive();
    }

    /** {@code crypto.scrypt(password, salt, keylen, callback)}. */
    public static void scrypt(Object password, Object salt, long keylen, CryptoCallback<Buffer> callback) {
        scrypt(password, salt, keylen, ScryptOptions.defaults(), callback);
    }

    /** {@code crypto.scrypt(password, salt, keylen, options, callback)}. */
    public static void scrypt(Object password, Object salt, long keylen, ScryptOptions options,
            CryptoCallback<Buffer> callback) {
        Jobs.requireCallback(callback);
        Kdf.Scrypt call = Kdf.Scrypt.of(password, salt, keylen, options);
        Jobs.run(call::derive, callback);
    }

    /** The CompletableFuture twin of {@code scrypt}; completes on the loop. */
    public static CompletableFuture<Buffer> scryptAsync(Object password, Object salt, long keylen,
            ScryptOptions options) {
        Kdf.Scrypt call = Kdf.Scrypt.of(password, salt, keylen, options);
        return Jobs.future(call::derive);
    }

    /**
     * {@code crypto.hkdfSync(digest, ikm, salt, info, keylen)}: an ArrayBuffer, as Node's.
     * {@code ikm}, {@code salt} and {@code info} are a String (UTF-8), {@code byte[]} or {@link Buffer}.
     *
     * @throws dev.nodeshim.errors.NodeError {@code ERR_CRYPTO_INVALID_KEYLEN} above 255 hash lengths;
     *         {@code ERR_OUT_OF_RANGE} for info above 1024 bytes; {@code Invalid digest: x}
     */
    public static ArrayBuffer hkdfSync(String digest, Object ikm, Object salt, Object info, long keylen) {
        return ArrayBuffer.wrap(Kdf.Hkdf.of(digest, ikm, salt, info, keylen).derive());
    }

    /** {@code crypto.hkdf(digest, ikm, salt, info, keylen, callback)}. */
    public static void hkdf(String digest, Object ikm, Object salt, Object info, long keylen,
            CryptoCallback<ArrayBuffer> callback) {
        Kdf.Hkdf call = Kdf.Hkdf.of(digest, ikm, salt, info, keylen);
        Jobs.requireCallback(callback);
        Jobs.run(() -> ArrayBuffer.wrap(call.derive()), callback);
    }

    /** The CompletableFuture twin of {@code hkdf}; completes on the loop. */
    public static CompletableFuture<ArrayBuffer> hkdfAsync(String digest, Object ikm, Object salt, Object info,
            long keylen) {
        Kdf.Hkdf call = Kdf.Hkdf.of(digest, ikm, salt, info, keylen);
        return Jobs.future(() -> ArrayBuffer.wrap(call.derive()));
    }
    // ------------------------------------------------------------------------------------------------
    // Ciphers

    /**
     * Loads or unloads OpenSSL's legacy provider, process-wide: Node's {@code --openssl-legacy-provider}
     * (also the system property {@code nodeshim.openssl.legacyProvider=true}). While it is loaded, the
     * legacy ciphers (des, desx, bf, cast5, idea, seed, rc2, rc4) and hashes (md4, mdc2, whirlpool) work
     * as Node's do under that flag, and getCiphers()/getHashes() list them; otherwise they are refused
     * with {@code error:0308010C:digital envelope routines::unsupported}, as Node 20 refuses them.
     * These algorithms are broken or weak: use them only to read old data.
     */
    public static void setLegacyProvider(boolean loaded) {
        Registry.legacyProvider = loaded;
    }

    /** Whether the legacy provider is loaded (see {@link #setLegacyProvider}). */
    public static boolean legacyProvider() {
        return Registry.legacyProvider;
    }

    /**
     * {@code crypto.getCipherInfo(name)}: the cipher's canonical name, nid, mode and lengths, or
     * {@code null} (Node's {@code undefined}) for a name it does not know. Legacy ciphers are described
     * whether or not the legacy provider is loaded, as in Node.
     */
    public static CipherInfo getCipherInfo(String name) {
        return getCipherInfo(name, null, null);
    }

    /**
     * {@code crypto.getCipherInfo(name, {keyLength, ivLength})} (either may be null): the info with those
     * lengths, or {@code null} when the cipher does not take them.
     */
    public static CipherInfo getCipherInfo(String name, Integer keyLength, Integer ivLength) {
        if (name == null) {
            throw Errors.invalidArgType("nameOrNid", List.of("string", "number"), null);
        }
        Registry.CipherSpec spec = Registry.anyCipher(name);
        if (spec != null && (keyLength != null || ivLength != null) && Registry.cipher(name) == null) {
            // a legacy cipher is described, but testing lengths needs its implementation: Node says undefined
            return null;
        }
        CipherInfo info = spec == null ? null : CipherInfo.of(spec);
        return info == null ? null : info.test(spec, keyLength, ivLength);
    }

    /** {@code crypto.getCipherInfo(nid)}. */
    public static CipherInfo getCipherInfo(int nid) {
        CipherInfo info = CipherInfo.byNid(nid);
        return info == null ? null : getCipherInfo(info.name());
    }

    /** {@code crypto.getCiphers()}: Node 20's list (131 names), every one of which works here as in Node. */
    public static List<String> getCiphers() {
        return Registry.ciphers();
    }

    /** {@code crypto.createCipheriv(algorithm, key, iv)}. */
    public static Cipher createCipheriv(String algorithm, Object key, Object iv) {
        return createCipheriv(algorithm, key, iv, CipherOptions.defaults());
    }

    /**
     * {@code crypto.createCipheriv(algorithm, key, iv, options)}. {@code key} and {@code iv} are a
     * String (UTF-8), {@code byte[]} or {@link Buffer}; {@code iv} may be null for ECB and des3-wrap.
     *
     * @throws dev.nodeshim.errors.NodeError in Node's order: {@code ERR_INVALID_ARG_TYPE};
     *         {@code Unknown cipher} ({@code ERR_CRYPTO_UNKNOWN_CIPHER}); {@code ERR_OSSL_EVP_UNSUPPORTED}
     *         for a legacy cipher (des, bf, rc4…); {@code Invalid initialization vector};
     *         {@code Invalid key length}; {@code ERR_CRYPTO_INVALID_AUTH_TAG} (authTagLength missing for
     *         CCM/OCB, or not allowed); {@code xts duplicated keys}
     */
    public static Cipher createCipheriv(String algorithm, Object key, Object iv, CipherOptions options) {
        return new Cipher(CipherFactory.setup(algorithm, key, iv, options, true));
    }

    /** {@code crypto.createDecipheriv(algorithm, key, iv)}. */
    public static Decipher createDecipheriv(String algorithm, Object key, Object iv) {
        return createDecipheriv(algorithm, key, iv, CipherOptions.defaults());
    }

    /** {@code crypto.createDecipheriv(algorithm, key, iv, options)}: the same checks as createCipheriv. */
    public static Decipher createDecipheriv(String algorithm, Object key, Object iv, CipherOptions options) {
        return new Decipher(CipherFactory.setup(algorithm, key, iv, options, false));
    }
    // ------------------------------------------------------------------------------------------------
    // Keys (KeyObject, Keys, KeyCodec; generation in KeyGen)

    /** {@code crypto.createSecretKey(key)}: a secret KeyObject over a copy of the bytes (a String: UTF-8). */
    public static KeyObject createSecretKey(Object key) {
        return Keys.secret(key, null);
    }

    /** {@code crypto.createSecretKey(key, encoding)}: a string key in {@code encoding}. */
    public static KeyObject createSecretKey(String key, String encoding) {
        return Keys.secret(key, encoding);
    }

    /**
     * {@code crypto.createPrivateKey(key)}: {@code key} is a PEM string, bytes holding PEM, or a
     * {@link KeyInput} ({@code {key, format: 'pem'|'der'|'jwk', type: 'pkcs1'|'pkcs8'|'sec1', passphrase,
     * encoding}}). Encrypted PKCS#8 and encrypted traditional PEM need the passphrase.
     *
     * @throws dev.nodeshim.errors.NodeError Node's: {@code ERR_INVALID_ARG_TYPE}/{@code _VALUE} for bad
     *         options; OpenSSL's {@code DECODER routines::unsupported} for input no decoder takes,
     *         {@code interrupted or cancelled} (no passphrase), {@code bad decrypt} (wrong passphrase),
     *         ASN.1 errors for broken DER; JWK errors ({@code ERR_CRYPTO_INVALID_JWK}…)
     */
    public static KeyObject createPrivateKey(Object key) {
        return Keys.createPrivate(key);
    }

    /**
     * {@code crypto.createPublicKey(key)}: as {@link #createPrivateKey}, with {@code spki} and
     * {@code pkcs1} public keys and X.509 certificates; a private key (input or {@link KeyObject}) gives
     * its public half.
     */
    public static KeyObject createPublicKey(Object key) {
        return Keys.createPublic(key);
    }

    /** {@code crypto.generateKeyPairSync(type)}: ed25519, ed448, x25519, x448 need no options. */
    public static GeneratedKeyPair generateKeyPairSync(String type) {
        return KeyGen.pair(type, null).get();
    }

    /**
     * {@code crypto.generateKeyPairSync(type, options)} for rsa, rsa-pss, dsa, ec, ed25519, ed448, x25519,
     * x448, dh ({@code group}, or {@code prime} or {@code primeLength} with {@code generator}); each half
     * a {@link KeyObject}, or its export when its encoding option is given.
     *
     * @throws dev.nodeshim.errors.NodeError Node's argument errors ({@code ERR_INVALID_ARG_VALUE} for an
     *         unknown type or encoding, {@code ERR_OUT_OF_RANGE}, {@code ERR_CRYPTO_INVALID_CURVE},
     *         {@code Invalid digest: x}, {@code ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS}; for dh
     *         {@code ERR_MISSING_OPTION}, {@code ERR_INCOMPATIBLE_OPTION_PAIR}, {@code ERR_CRYPTO_UNKNOWN_DH_GROUP})
     *         and OpenSSL's generation errors ({@code key size too small}, {@code pub exponent out of range},
     *         {@code modulus too small}/{@code too large})
     */
    public static GeneratedKeyPair generateKeyPairSync(String type, KeyPairOptions options) {
        return KeyGen.pair(type, options).get();
    }

    /**
     * {@code crypto.generateKeyPair(type, options, callback)}: arguments are checked now; the keys are
     * made on a helper thread and {@code callback(err, publicKey, privateKey)} runs on the loop.
     */
    public static void generateKeyPair(String type, KeyPairOptions options, KeyPairCallback callback) {
        java.util.function.Supplier<GeneratedKeyPair> work = KeyGen.pair(type, options);
        Jobs.requireCallback(callback);
        Jobs.run(work, (err, pair) -> {
            if (err != null) {
                callback.call(err, null, null);
            } else {
                callback.call(null, pair.publicKey(), pair.privateKey());
            }
        });
    }

    /** The CompletableFuture twin of {@link #generateKeyPair}; completes on the loop. */
    public static CompletableFuture<GeneratedKeyPair> generateKeyPairAsync(String type, KeyPairOptions options) {
        return Jobs.future(KeyGen.pair(type, options));
    }

    /**
     * {@code crypto.generateKeySync(type, {length})}: a secret key of {@code length} bits — hmac: 8 to
     * 2^31 - 1 (whole bytes, rounded down); aes: 128, 192 or 256.
     */
    public static KeyObject generateKeySync(String type, long length) {
        return KeyGen.secret(type, length).get();
    }

    /** {@code crypto.generateKey(type, {length}, callback)}. */
    public static void generateKey(String type, long length, CryptoCallback<KeyObject> callback) {
        java.util.function.Supplier<KeyObject> work = KeyGen.secret(type, length);
        Jobs.requireCallback(callback);
        Jobs.run(work, callback);
    }

    /** The CompletableFuture twin of {@link #generateKey}. */
    public static CompletableFuture<KeyObject> generateKeyAsync(String type, long length) {
        return Jobs.future(KeyGen.secret(type, length));
    }
    // ------------------------------------------------------------------------------------------------
    // Sign, verify, RSA encryption (Sign, Verify, Signer, Rsa)

    /**
     * {@code crypto.createSign(algorithm)}: a streaming signer over the digest {@code algorithm}
     * ({@code 'sha256'}, {@code 'RSA-SHA256'}…).
     *
     * @throws dev.nodeshim.errors.NodeError {@code ERR_CRYPTO_INVALID_DIGEST} ({@code Invalid digest})
     */
    public static Sign createSign(String algorithm) {
        return new Sign(signDigest(algorithm));
    }

    /** {@code crypto.createVerify(algorithm)}. */
    public static Verify createVerify(String algorithm) {
        return new Verify(signDigest(algorithm));
    }

    private static Registry.HashSpec signDigest(String algorithm) {
        if (algorithm == null) {
            throw Errors.invalidArgType("algorithm", "string", null);
        }
        Registry.HashSpec spec = Registry.hash(algorithm);
        if (spec == null) {
            throw CryptoErrors.type("ERR_CRYPTO_INVALID_DIGEST", "Invalid digest");
        }
        return spec;
    }

    /**
     * {@code crypto.sign(algorithm, data, key)}: {@code algorithm} null for Ed25519/Ed448 (and the key's
     * default, sha256, for the others); {@code data} a String (UTF-8), {@code byte[]} or {@link Buffer};
     * {@code key} a {@link KeyObject}, PEM, or {@link KeyInput} with {@code padding}
     * ({@link CryptoConstants#RSA_PKCS1_PSS_PADDING}), {@code saltLength}, {@code dsaEncoding}.
     *
     * @throws dev.nodeshim.errors.NodeError Node's and OpenSSL's: {@code Invalid digest: x}, digest not
     *         allowed, padding modes, salt lengths, a digest too big for the key, x25519/x448 keys
     */
    public static Buffer sign(String algorithm, Object data, Object key) {
        return Signatures.sign(algorithm, data, key);
    }

    /** {@code crypto.verify(algorithm, data, key, signature)}: false for any signature that does not verify. */
    public static boolean verify(String algorithm, Object data, Object key, Object signature) {
        return Signatures.verify(algorithm, data, key, signature);
    }

    /**
     * {@code crypto.sign(algorithm, data, key, callback)}: the arguments, key and digest are checked now
     * (Node throws those at once); the signature is made on a helper thread and called back on the loop.
     */
    public static void sign(String algorithm, Object data, Object key, CryptoCallback<Buffer> callback) {
        java.util.function.Supplier<Buffer> work = Signatures.prepareSign(algorithm, data, key);
        Jobs.requireCallback(callback);
        Jobs.run(work, callback);
    }

    /** The CompletableFuture twin of {@link #sign(String, Object, Object, CryptoCallback)}. */
    public static CompletableFuture<Buffer> signAsync(String algorithm, Object data, Object key) {
        return Jobs.future(Signatures.prepareSign(algorithm, data, key));
    }

    /** {@code crypto.verify(algorithm, data, key, signature, callback)}. */
    public static void verify(String algorithm, Object data, Object key, Object signature,
            CryptoCallback<Boolean> callback) {
        java.util.function.Supplier<Boolean> work = Signatures.prepareVerify(algorithm, data, key, signature);
        Jobs.requireCallback(callback);
        Jobs.run(work, callback);
    }

    /** The CompletableFuture twin of {@link #verify(String, Object, Object, Object, CryptoCallback)}. */
    public static CompletableFuture<Boolean> verifyAsync(String algorithm, Object data, Object key, Object signature) {
        return Jobs.future(Signatures.prepareVerify(algorithm, data, key, signature));
    }

    /**
     * {@code crypto.publicEncrypt(key, buffer)}: RSA-OAEP by default ({@code oaepHash} sha1, {@code oaepLabel}
     * empty); {@code RSA_PKCS1_PADDING} or {@code RSA_NO_PADDING} through {@link KeyInput#padding}. The key
     * may be public or private.
     */
    public static Buffer publicEncrypt(Object key, Object buffer) {
        return Signatures.rsa(Signatures.RsaOp.PUBLIC_ENCRYPT, key, buffer);
    }

    /**
     * {@code crypto.privateDecrypt(privateKey, buffer)}: OAEP by default. As in Node 20,
     * {@code RSA_PKCS1_PADDING} is refused (CVE-2023-46809: a padding oracle).
     */
    public static Buffer privateDecrypt(Object privateKey, Object buffer) {
        return Signatures.rsa(Signatures.RsaOp.PRIVATE_DECRYPT, privateKey, buffer);
    }

    /** {@code crypto.privateEncrypt(privateKey, buffer)}: PKCS#1 v1.5 type 1 (deterministic) or no padding. */
    public static Buffer privateEncrypt(Object privateKey, Object buffer) {
        return Signatures.rsa(Signatures.RsaOp.PRIVATE_ENCRYPT, privateKey, buffer);
    }

    /** {@code crypto.publicDecrypt(key, buffer)}: removes PKCS#1 v1.5 type 1 padding (or none). */
    public static Buffer publicDecrypt(Object key, Object buffer) {
        return Signatures.rsa(Signatures.RsaOp.PUBLIC_DECRYPT, key, buffer);
    }

    // ------------------------------------------------------------------------------------------------
    // Key agreement

    /**
     * {@code crypto.createECDH(curveName)}: elliptic-curve Diffie-Hellman on a curve of
     * {@link #getCurves()} (OpenSSL's names, case-sensitive as in Node).
     *
     * @throws NodeError {@code ERR_CRYPTO_INVALID_CURVE} ({@code Invalid EC curve name})
     */
    public static ECDH createECDH(String curveName) {
        return ECDH.create(curveName);
    }

    /**
     * {@code crypto.createDiffieHellman(prime)} with a Buffer, {@code byte[]} or string (utf8) prime,
     * or {@code createDiffieHellman(primeLength)} with a number: a safe prime of that many bits is
     * generated (seconds to minutes from 1024 bits on, as in Node). Generator 2.
     *
     * @throws NodeError {@code ERR_OSSL_DH_MODULUS_TOO_SMALL} for a prime length below 512,
     *         {@code ERR_OSSL_DH_BAD_GENERATOR}, {@code ERR_INVALID_ARG_TYPE}, {@code ERR_OUT_OF_RANGE}
     */
    public static DiffieHellman createDiffieHellman(Object primeOrLength) {
        return DhArgs.create(primeOrLength);
    }

    /**
     * {@code crypto.createDiffieHellman(prime, primeEncoding)} when the second argument is a string
     * naming an encoding, else {@code createDiffieHellman(prime, generator)} (a number, Buffer,
     * {@code byte[]} or utf8 string), as Node reads its arguments by type.
     */
    public static DiffieHellman createDiffieHellman(Object prime, Object encodingOrGenerator) {
        return DhArgs.create(prime, encodingOrGenerator);
    }

    /**
     * {@code crypto.createDiffieHellman(prime, primeEncoding, generator)} or
     * {@code createDiffieHellman(prime, generator, generatorEncoding)}, by the same rule.
     */
    public static DiffieHellman createDiffieHellman(Object prime, Object a, Object b) {
        return DhArgs.create(prime, a, b);
    }

    /** {@code crypto.createDiffieHellman(prime, primeEncoding, generator, generatorEncoding)}. */
    public static DiffieHellman createDiffieHellman(Object prime, String primeEncoding, Object generator,
            String generatorEncoding) {
        return DhArgs.create(prime, primeEncoding, generator, generatorEncoding);
    }

    /**
     * {@code crypto.getDiffieHellman(groupName)}: modp1, modp2, modp5, modp14, modp15, modp16, modp17,
     * modp18 (any case), as Node 20 accepts them.
     *
     * @throws NodeError {@code ERR_CRYPTO_UNKNOWN_DH_GROUP} ({@code Unknown DH group})
     */
    public static DiffieHellmanGroup getDiffieHellman(String groupName) {
        return DhArgs.group(groupName);
    }

    /** {@code crypto.createDiffieHellmanGroup(groupName)}: the same as {@link #getDiffieHellman}. */
    public static DiffieHellmanGroup createDiffieHellmanGroup(String groupName) {
        return DhArgs.group(groupName);
    }

    /**
     * {@code crypto.diffieHellman({privateKey, publicKey})}: the shared secret of two KeyObjects of type
     * dh (same group), ec (same curve), x25519 or x448. See {@link KeyAgreement} for what is checked.
     *
     * @throws NodeError Node's: {@code ERR_INVALID_ARG_VALUE} for an option that is not a KeyObject,
     *         {@code ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE}, {@code ERR_CRYPTO_INCOMPATIBLE_KEY} for keys of
     *         different or non-agreeing types, {@code ERR_OSSL_MISMATCHING_DOMAIN_PARAMETERS}, and
     *         OpenSSL's checks of a dh peer ({@code ERR_OSSL_DH_CHECK_PUBKEY_*}, {@code ERR_OSSL_DH_INVALID_SECRET})
     *         or an X25519/X448 small-order peer ({@code ERR_OSSL_FAILED_DURING_DERIVATION})
     */
    public static Buffer diffieHellman(DiffieHellmanOptions options) {
        return KeyAgreement.derive(options);
    }

    /** {@code crypto.diffieHellman({privateKey, publicKey})} with the two keys. */
    public static Buffer diffieHellman(KeyObject privateKey, KeyObject publicKey) {
        return KeyAgreement.derive(DiffieHellmanOptions.of(privateKey, publicKey));
    }

    /** {@code crypto.getCurves()}: Node 20's 82 curve names, every one usable with {@link #createECDH}. */
    public static List<String> getCurves() {
        return EcdhCurves.NAMES;
    }
}
