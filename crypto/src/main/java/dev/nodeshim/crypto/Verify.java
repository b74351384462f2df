package dev.nodeshim.crypto;

import dev.nodeshim.buffer.Buffer;

/**
 * Node's {@code Verify}: {@code createVerify(algorithm)}, {@code update(data)}… (or writes to its
 * {@link #stream()}), then
 * {@code verify(publicKey, signature[, signatureEncoding])}.
 *
 * <h2>Guarantees</h2>
 * True exactly when Node's verify is true: a malformed or wrong-length signature is false, not an
 * error; a private key verifies with its public half. {@code verify} ends the object
 * ({@code ERR_CRYPTO_INVALID_STATE} after it). Not thread-safe.
 */
public final class Verify {
    private final Registry.HashSpec hash;
    private HashEngine engine;
    /** The Writable of {@link #stream()}, made on first call. */
    private dev.nodeshim.stream.Writable stream;

    Verify(Registry.HashSpec hash) {
        this.hash = hash;
        this.engine = hash.newEngine();
    }

    private HashEngine open() {
        if (engine == null) {
            throw Signatures.notInitialised();
        }
        return engine;
    }

    public Verify update(String data) {
        return update(data, null);
    }

    public Verify update(String data, String inputEncoding) {
        HashEngine e = open();
        byte[] b = Bytes.decode(data, inputEncoding, "data");
        e.update(b, 0, b.length);
        return this;
    }

    public Verify update(Buffer data) {
        HashEngine e = open();
        Bytes.requireData(data, "data");
        e.update(data.buffer().array(), data.byteOffset(), data.length());
        return this;
    }

    public Verify update(byte[] data) {
        HashEngine e = open();
        Bytes.requireData(data, "data");
        e.update(data, 0, data.length);
        return this;
    }

    /**
     * This Verify as Node's {@code Writable}: {@code write(chunk)} is {@code update(chunk)}; after
     * {@code end()} (or its {@code 'finish'}), {@link #verify(Object, Buffer)} checks everything written.
     * Made on first call (see {@link Sign#stream()}).
     */
    public dev.nodeshim.stream.Writable stream() {
        if (stream == null) {
            stream = SignStream.of((chunk, enc) -> CryptoStream.feed(chunk, enc, this::update, this::update, this::update));
        }
        return stream;
    }

    /** {@code verify.verify(publicKey, signature)}; the key as {@link Sign#sign(Object)} takes it, public or private. */
    public boolean verify(Object publicKey, Buffer signature) {
        Bytes.requireData(signature, "signature");
        return verify(publicKey, signature.toByteArray());
    }

    public boolean verify(Object publicKey, byte[] signature) {
        HashEngine e = open();
        Bytes.requireData(signature, "signature");
        Signatures.Call call = Signatures.publicCall(publicKey);
        if (call.key() instanceof OkpKey) {
            throw Signatures.unsupportedOperation();
        }
        engine = null;
        return Signer.verify(call.key(), hash, e.finish(hash.size()), signature, call.options());
    }

    /** {@code verify.verify(publicKey, signature, signatureEncoding)}. */
    public boolean verify(Object publicKey, String signature, String signatureEncoding) {
        return verify(publicKey, Bytes.decode(signature, signatureEncoding, "signature"));
    }
}
