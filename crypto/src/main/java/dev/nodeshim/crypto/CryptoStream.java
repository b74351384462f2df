package dev.nodeshim.crypto;

import dev.nodeshim.buffer.Buffer;
import dev.nodeshim.stream.Transform;
import dev.nodeshim.stream.TransformCallback;

/**
 * The {@link Transform} face of a {@link Hash}, {@link Hmac}, {@link Cipher} or {@link Decipher}
 * (their {@code stream()}): each written chunk goes to the object's {@code update}, and the end of
 * input to its {@code digest}/{@code final}, as Node's crypto objects do as streams.
 *
 * <ul>
 * <li>Hash and Hmac push nothing per chunk and the digest (a Buffer) when the writable side ends;
 *     Cipher and Decipher push what each update() returns, then what final() returns.</li>
 * <li>An error of update() or final() (a bad padding, a failed tag, a state error) destroys the stream
 *     with it: {@code 'error'} then {@code 'close'}, no {@code 'end'}, as in Node.</li>
 * <li>The stream and the object are one: update() between writes feeds the same state.</li>
 * </ul>
 *
 * <p>Why an adapter and not {@code Hash extends Transform}: building a Transform (an EventEmitter with
 * both stream states) costs about as much as a whole small hash, and {@code createHash(…).update(…)
 * .digest(…)} is the hot path; so the Transform is made the first time {@code stream()} is called,
 * and this class (with the stream module) loads only then.
 */
final class CryptoStream extends Transform {
    /** What a crypto object does for the stream. */
    interface Ops {
        /** update() with a written chunk (a Buffer, a String in {@code encoding}, or a byte[]); the output or null. */
        Buffer update(Object chunk, String encoding);

        /** The end of input: the digest or final() output. */
        Buffer end();
    }

    private final Ops ops;

    private CryptoStream(Ops ops) {
        this.ops = ops;
    }

    static Transform of(Ops ops) {
        return new CryptoStream(ops);
    }

    /**
     * Feeds a written chunk (a Buffer, a {@code byte[]} or a String in {@code encoding}) to the matching
     * update; shared by every crypto stream, these Transforms and Sign/Verify's Writable.
     */
    static void feed(Object chunk, String encoding, java.util.function.Consumer<Buffer> buffer,
            java.util.function.Consumer<byte[]> bytes, java.util.function.BiConsumer<String, String> string) {
        if (chunk instanceof Buffer b) {
            buffer.accept(b);
        } else if (chunk instanceof byte[] a) {
            bytes.accept(a);
        } else {
            string.accept((String) chunk, encoding);
        }
    }

    @Override
    protected void _transform(Object chunk, String encoding, TransformCallback callback) {
        Buffer out;
        try {
            out = ops.update(chunk, encoding);
        } catch (RuntimeException e) {
            callback.call(e);
            return;
        }
        callback.call(null, out);
    }

    @Override
    protected void _flush(TransformCallback callback) {
        Buffer out;
        try {
            out = ops.end();
        } catch (RuntimeException e) {
            callback.call(e);
            return;
        }
        callback.call(null, out);
    }

    /** The {@code Ops} of a cipher or decipher: the same for both directions. */
    static Ops cipher(CipherBase c) {
        return new Ops() {
            @Override
            public Buffer update(Object chunk, String encoding) {
                byte[] out;
                if (chunk instanceof Buffer b) {
                    out = c.updateBytes(b.buffer().array(), b.byteOffset(), b.length());
                } else if (chunk instanceof byte[] a) {
                    out = c.updateBytes(a, 0, a.length);
                } else {
                    byte[] in = c.input((String) chunk, encoding);
                    out = c.updateBytes(in, 0, in.length);
                }
                return Buffer.wrap(out);
            }

            @Override
            public Buffer end() {
                return Buffer.wrap(c.finalBytes());
            }
        };
    }
}
