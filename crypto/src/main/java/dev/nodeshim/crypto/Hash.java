package dev.nodeshim.crypto;

import dev.nodeshim.buffer.Buffer;
import dev.nodeshim.buffer.Encoding;

/**
 * Node's {@code Hash}: {@code createHash(algorithm).update(data).digest(encoding)}.
 *
 * <h2>Guarantees</h2>
 * <ul>
 * <li>The same algorithm name and the same bytes give the same digest as Node 20 with OpenSSL 3, for
 *     every name of {@link Crypto#getHashes()} and every alias Node accepts (case-insensitive).</li>
 * <li>{@link #update} only buffers what the algorithm needs; {@link #digest()} may be called once.
 *     After it, {@code update}, {@code digest} and {@code copy} throw {@code ERR_CRYPTO_HASH_FINALIZED}
 *     ({@code Digest already called}).</li>
 * <li>{@link #copy()} is independent of this hash: updating either changes only itself.</li>
 * <li>No guarantee of secrecy: a hash is not a MAC; use {@link Hmac} to authenticate.</li>
 * </ul>
 * A {@code Hash} is not thread-safe (Node's objects are loop-confined; use one per thread). Its
 * {@code Transform} stream face is {@link #stream()}.
 */
public final class Hash {
    private final Registry.HashSpec spec;
    private final int outputLength;
    private final HashEngine engine;
    private boolean finalized;
    /**
     * The digest once the engine has finished (by {@link #digest()} or by the stream's end). Node
     * keeps it too: the stream's end pushes it even after digest(), and a digest() after the stream's
     * end returns it; update() between the two is ignored, as in Node.
     */
    private byte[] result;
    /** The Transform of {@link #stream()}, made on first call. */
    private dev.nodeshim.stream.Transform stream;

    Hash(Registry.HashSpec spec, int outputLength, HashEngine engine) {
        this.spec = spec;
        this.outputLength = outputLength;
        this.engine = engine;
    }

    /** Creates the hash for {@code createHash}: validates the output length against the algorithm. */
    static Hash create(Registry.HashSpec spec, HashOptions options) {
        return new Hash(spec, outputLength(spec, options), spec.newEngine());
    }

    private static int outputLength(Registry.HashSpec spec, HashOptions options) {
        long n = options == null ? -1 : options.outputLength();
        if (n < 0) {
            return spec.size();
        }
        if (!spec.xof()) {
            if (n != spec.size()) {
                throw CryptoErrors.notXof();
            }
            return spec.size();
        }
        if (n > Integer.MAX_VALUE - 8) {
            // Node would try to make a buffer this large; a Java array cannot be.
            throw CryptoErrors.range("ERR_OUT_OF_RANGE", "The value of \"options.outputLength\" is out of range. "
                    + "It must be <= " + (Integer.MAX_VALUE - 8) + " in nodeshim. Received " + n);
        }
        return (int) n;
    }

    /** {@code hash.update(string)}: the string's UTF-8 bytes. */
    public Hash update(String data) {
        return update(data, null);
    }

    /**
     * {@code hash.update(string, inputEncoding)}: the string's bytes in that encoding; an encoding Node
     * does not know is utf8, as in Node.
     *
     * @throws dev.nodeshim.errors.NodeError {@code ERR_CRYPTO_HASH_FINALIZED}; {@code ERR_INVALID_ARG_TYPE}
     *         for null; {@code ERR_INVALID_ARG_VALUE} for hex of odd length
     */
    public Hash update(String data, String inputEncoding) {
        if (result != null) {
            return afterEnd();
        }
        byte[] b = Bytes.decode(data, inputEncoding, "data");
        engine.update(b, 0, b.length);
        return this;
    }

    /** {@code hash.update(buffer)}. */
    public Hash update(Buffer data) {
        if (result != null) {
            return afterEnd();
        }
        Bytes.requireData(data, "data");
        engine.update(data.buffer().array(), data.byteOffset(), data.length());
        return this;
    }

    /**
     * Java interop: the remaining bytes of a {@link java.nio.ByteBuffer} (its position moves to its limit).
     */
    public Hash update(java.nio.ByteBuffer data) {
        if (result != null) {
            return afterEnd();
        }
        Bytes.requireData(data, "data");
        engine.update(data);
        return this;
    }

    /** {@code hash.update(uint8array)}. */
    public Hash update(byte[] data) {
        if (result != null) {
            return afterEnd();
        }
        Bytes.requireData(data, "data");
        engine.update(data, 0, data.length);
        return this;
    }

    /** {@code hash.digest()}: the digest as a new Buffer. */
    public Buffer digest() {
        checkOpen();
        finalized = true;
        if (result == null) {
            result = engine.finish(outputLength);
            // the stream's end may push it later: hand out a copy when there is a stream
            return Buffer.wrap(stream == null ? result : result.clone());
        }
        return Buffer.wrap(result.clone());
    }

    /** update() once the engine has finished: Node's error after digest(), ignored after the stream's end. */
    private Hash afterEnd() {
        checkOpen();
        return this;
    }

    /**
     * This Hash as Node's {@code Transform} stream: written chunks are {@code update}d; when the
     * writable side ends, the digest is pushed (one Buffer; {@code setEncoding("hex")} for a string).
     * Made on first call, the same object after. As in Node, the stream's end does not finalise the
     * Hash: one {@link #digest()} after it returns the same digest.
     *
     * <pre>{@code
     * input.pipe(createHash("sha256").stream()).setEncoding("hex").pipe(out);
     * }</pre>
     *
     * Java divergence: in Node the Hash is itself the Transform; building one costs about as much as a
     * small hash, so it is made only when this is called and {@code createHash(…).update(…).digest()}
     * stays as cheap as before.
     */
    public dev.nodeshim.stream.Transform stream() {
        if (stream == null) {
            stream = CryptoStream.of(new CryptoStream.Ops() {
                @Override
                public Buffer update(Object chunk, String encoding) {
                    CryptoStream.feed(chunk, encoding, Hash.this::update, Hash.this::update, Hash.this::update);
                    return null;
                }

                @Override
                public Buffer end() {
                    if (result == null) {
                        result = engine.finish(outputLength);
                    }
                    return Buffer.wrap(result.clone());
                }
            });
        }
        return stream;
    }

    /**
     * {@code hash.digest(encoding)}: the digest as a string in a buffer encoding (hex, base64,
     * base64url, latin1/binary, utf8, utf16le/ucs2, ascii; any case).
     *
     * <p>Java divergence: for {@code "buffer"} or a name that is no string encoding Node returns a
     * Buffer; a method returning a String cannot, so this throws {@code ERR_UNKNOWN_ENCODING} (and does
     * not finalise the hash). Call {@link #digest()} for the bytes.
     */
    public String digest(String encoding) {
        checkOpen();
        Encoding e = Bytes.outputEncoding(encoding);
        return Bytes.encode(digest().toByteArray(), e);
    }

    /** {@code hash.copy()}: a new Hash in this one's state, with the algorithm's default output length. */
    public Hash copy() {
        return copy(HashOptions.defaults());
    }

    /** {@code hash.copy(options)}: a new Hash in this one's state, with {@code options.outputLength}. */
    public Hash copy(HashOptions options) {
        checkOpen();
        if (result != null) {
            // After the stream's end Node copies the finished OpenSSL context (a digest of nothing
            // meaningful); here that is the finalised error.
            throw CryptoErrors.hashFinalized();
        }
        return new Hash(spec, outputLength(spec, options), engine.copy());
    }

    /** Node's canonical name of the algorithm ({@code sha256} for {@code RSA-SHA256}). Java addition. */
    public String algorithm() {
        return spec.name();
    }

    private void checkOpen() {
        if (finalized) {
            throw CryptoErrors.hashFinalized();
        }
    }
}
