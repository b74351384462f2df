package dev.nodeshim.crypto;

import dev.nodeshim.buffer.Buffer;
import dev.nodeshim.buffer.Encoding;
import java.util.Arrays;

/**
 * Node's {@code Hmac}: {@code createHmac(algorithm, key).update(data).digest(encoding)} (RFC 2104
 * over any hash of {@link Crypto#getHashes()} that is not an XOF).
 *
 * <h2>Guarantees</h2>
 * <ul>
 * <li>The same algorithm, key and data give the same tag as Node 20.</li>
 * <li>A key longer than the hash's block is hashed first; a shorter one is zero-padded (RFC 2104),
 *     so keys differing only in trailing zero bytes give equal tags, as in every HMAC.</li>
 * <li>Compare tags with {@link Crypto#timingSafeEqual}, never {@code equals}: the comparison must not
 *     leak where the first difference is.</li>
 * <li>{@link #digest()} may be called more than once: the second call returns an empty result, as
 *     Node's does; {@code update} after it throws {@code ERR_CRYPTO_HASH_FINALIZED}.</li>
 * </ul>
 * Not thread-safe; the key's copy inside is not wiped (the JVM gives no such guarantee).
 */
public final class Hmac {
    private static final byte IPAD = 0x36;
    private static final byte OPAD = 0x5c;

    private final HashEngine inner;
    private final HashEngine outer;
    private boolean finalized;
    /** The Transform of {@link #stream()}, made on first call. */
    private dev.nodeshim.stream.Transform stream;

    Hmac(Registry.HashSpec spec, byte[] key) {
        int block = spec.blockSize();
        byte[] k = key;
        if (k.length > block) {
            HashEngine h = spec.newEngine();
            h.update(k, 0, k.length);
            k = h.finish(spec.size());
        }
        byte[] pad = Arrays.copyOf(k, block);
        for (int i = 0; i < block; i++) {
            pad[i] ^= IPAD;
        }
        inner = spec.newEngine();
        inner.update(pad, 0, block);
        for (int i = 0; i < block; i++) {
            pad[i] ^= IPAD ^ OPAD;
        }
        outer = spec.newEngine();
        outer.update(pad, 0, block);
        Arrays.fill(pad, (byte) 0);
        this.size = spec.size();
    }

    private final int size;

    /** {@code hmac.update(string)}: UTF-8. */
    public Hmac update(String data) {
        return update(data, null);
    }

    /** {@code hmac.update(string, inputEncoding)}; an unknown encoding is utf8, as in Node. */
    public Hmac update(String data, String inputEncoding) {
        checkOpen();
        byte[] b = Bytes.decode(data, inputEncoding, "data");
        inner.update(b, 0, b.length);
        return this;
    }

    /** {@code hmac.update(buffer)}. */
    public Hmac update(Buffer data) {
        checkOpen();
        Bytes.requireData(data, "data");
        inner.update(data.buffer().array(), data.byteOffset(), data.length());
        return this;
    }

    /**
     * Java interop: the remaining bytes of a {@link java.nio.ByteBuffer} (its position moves to its limit).
     */
    public Hmac update(java.nio.ByteBuffer data) {
        checkOpen();
        Bytes.requireData(data, "data");
        inner.update(data);
        return this;
    }

    /** {@code hmac.update(uint8array)}. */
    public Hmac update(byte[] data) {
        checkOpen();
        Bytes.requireData(data, "data");
        inner.update(data, 0, data.length);
        return this;
    }

    /** {@code hmac.digest()}: the tag; an empty Buffer when called again. */
    public Buffer digest() {
        if (finalized) {
            return Buffer.alloc(0);
        }
        finalized = true;
        byte[] h = inner.finish(size);
        outer.update(h, 0, h.length);
        return Buffer.wrap(outer.finish(size));
    }

    /**
     * {@code hmac.digest(encoding)}: the tag as a string ({@code ""} when called again). Java
     * divergence as {@link Hash#digest(String)}: {@code "buffer"} and unknown names throw
     * {@code ERR_UNKNOWN_ENCODING}; use {@link #digest()}.
     */
    public String digest(String encoding) {
        Encoding e = Bytes.outputEncoding(encoding);
        return Bytes.encode(digest().toByteArray(), e);
    }

    /**
     * This Hmac as Node's {@code Transform} stream: written chunks are {@code update}d; when the
     * writable side ends, the tag is pushed (one Buffer; {@code setEncoding("hex")} for a string) and
     * the Hmac is finalised as by {@link #digest()}. Made on first call, the same object after.
     *
     * <pre>{@code
     * input.pipe(createHmac("sha256", key).stream()).setEncoding("hex").pipe(out);
     * }</pre>
     *
     * Java divergence: in Node the Hmac is itself the Transform; here building one is deferred to
     * this call, to keep {@code createHmac(…).update(…).digest()} as cheap as before.
     */
    public dev.nodeshim.stream.Transform stream() {
        if (stream == null) {
            stream = CryptoStream.of(new CryptoStream.Ops() {
                @Override
                public Buffer update(Object chunk, String encoding) {
                    CryptoStream.feed(chunk, encoding, Hmac.this::update, Hmac.this::update, Hmac.this::update);
                    return null;
                }

                @Override
                public Buffer end() {
                    return digest();
                }
            });
        }
        return stream;
    }

    private void checkOpen() {
        if (finalized) {
            throw CryptoErrors.hashFinalized();
        }
    }
}
