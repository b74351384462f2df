package dev.nodeshim.crypto;

import dev.nodeshim.buffer.Buffer;

/**
 * Node's {@code Sign}: {@code createSign(algorithm)}, {@code update(data)}… (or writes to its
 * {@link #stream()}), then {@code sign(privateKey[, outputEncoding])} — RSA (PKCS#1 v1.5 or PSS), ECDSA
 * and DSA over the digest {@code algorithm} names. EdDSA keys cannot sign a stream: use {@link Crypto#sign}.
 *
 * <h2>Guarantees</h2>
 * RSA PKCS#1 v1.5 signatures are Node's bytes; PSS, ECDSA and DSA signatures are randomised (salt,
 * nonce) and verify wherever Node's do. {@code sign} ends the object: later calls throw
 * {@code ERR_CRYPTO_INVALID_STATE} ({@code Not initialised}), as Node's do. Not thread-safe.
 */
public final class Sign {
    private final Registry.HashSpec hash;
    private HashEngine engine;
    /** The Writable of {@link #stream()}, made on first call. */
    private dev.nodeshim.stream.Writable stream;

    Sign(Registry.HashSpec hash) {
        this.hash = hash;
        this.engine = hash.newEngine();
    }

    private HashEngine open() {
        if (engine == null) {
            throw Signatures.notInitialised();
        }
        return engine;
    }

    /** {@code sign.update(string)}: UTF-8. */
    public Sign update(String data) {
        return update(data, null);
    }

    /** {@code sign.update(string, inputEncoding)}. */
    public Sign update(String data, String inputEncoding) {
        HashEngine e = open();
        byte[] b = Bytes.decode(data, inputEncoding, "data");
        e.update(b, 0, b.length);
        return this;
    }

    public Sign update(Buffer data) {
        HashEngine e = open();
        Bytes.requireData(data, "data");
        e.update(data.buffer().array(), data.byteOffset(), data.length());
        return this;
    }

    public Sign update(byte[] data) {
        HashEngine e = open();
        Bytes.requireData(data, "data");
        e.update(data, 0, data.length);
        return this;
    }

    /**
     * This Sign as Node's {@code Writable}: {@code write(chunk)} is {@code update(chunk)}; after
     * {@code end()} (or its {@code 'finish'}), {@link #sign(Object)} signs everything written.
     *
     * <pre>{@code
     * Sign s = createSign("sha256");
     * Writable w = s.stream();
     * input.pipe(w).on("finish", () -> System.out.println(s.sign(key, "hex")));
     * }</pre>
     *
     * Java divergence: in Node the Sign is itself the Writable; building one costs more than a small
     * {@code createSign().update()}, so it is made only when this is called (the same object each time).
     */
    public dev.nodeshim.stream.Writable stream() {
        if (stream == null) {
            stream = SignStream.of((chunk, enc) -> CryptoStream.feed(chunk, enc, this::update, this::update, this::update));
        }
        return stream;
    }

    /**
     * {@code sign.sign(privateKey)}: a {@link KeyObject}, a PEM string or bytes, or a {@link KeyInput}
     * with {@code padding}, {@code saltLength}, {@code dsaEncoding}, {@code passphrase}.
     *
     * @throws dev.nodeshim.errors.NodeError Node's: {@code ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE} for a public
     *         key, {@code ERR_CRYPTO_UNSUPPORTED_OPERATION} for an EdDSA key, OpenSSL's padding and digest
     *         errors, {@code ERR_CRYPTO_INVALID_STATE} after sign
     */
    public Buffer sign(Object privateKey) {
        HashEngine e = open();
        Signatures.Call call = Signatures.privateCall(privateKey);
        if (call.key() instanceof OkpKey) {
            throw Signatures.unsupportedOperation();
        }
        engine = null;
        byte[] h = e.finish(hash.size());
        return Buffer.wrap(Signer.sign(call.key(), hash, h, call.options()));
    }

    /** {@code sign.sign(privateKey, outputEncoding)}. */
    public String sign(Object privateKey, String outputEncoding) {
        return Bytes.encode(Bytes.of(sign(privateKey)), Bytes.outputEncoding(outputEncoding));
    }
}
