package dev.nodeshim.stream;

import java.util.List;

/**
 * The shapes of the implementation functions that Node's simplified construction takes
 * ({@code new Readable({ read() {…} })}). Where Node's function uses {@code this}, the Java
 * function receives the stream as its first parameter; each option also has a form without it.
 *
 * <pre>{@code
 * new Readable(ReadableOptions.defaults().read(self -> self.push("x")));
 * new Writable(WritableOptions.defaults().write((chunk, encoding, cb) -> { out.add(chunk); cb.call(); }));
 * new Transform(TransformOptions.defaults().transform((chunk, enc, cb) -> cb.call(null, chunk)));
 * }</pre>
 */
public final class Impl {
    private Impl() {
    }

    /** {@code read(size)} with {@code this}. */
    @FunctionalInterface
    public interface Read {
        void read(Readable self, int size);
    }

    /** {@code write(chunk, encoding, callback)} with {@code this}. */
    @FunctionalInterface
    public interface Write {
        void write(Stream self, Object chunk, String encoding, Callback callback);
    }

    /** {@code write(chunk, encoding, callback)}. */
    @FunctionalInterface
    public interface PlainWrite {
        void write(Object chunk, String encoding, Callback callback);
    }

    /** {@code writev(chunks, callback)} with {@code this}. */
    @FunctionalInterface
    public interface Writev {
        void writev(Stream self, List<WriteChunk> chunks, Callback callback);
    }

    /** {@code final(callback)} with {@code this}. */
    @FunctionalInterface
    public interface Final {
        void call(Stream self, Callback callback);
    }

    /** {@code destroy(err, callback)} with {@code this}. */
    @FunctionalInterface
    public interface Destroy {
        void destroy(Stream self, Throwable err, Callback callback);
    }

    /** {@code construct(callback)} with {@code this}. */
    @FunctionalInterface
    public interface Construct {
        void construct(Stream self, Callback callback);
    }

    /** {@code transform(chunk, encoding, callback)} with {@code this}. */
    @FunctionalInterface
    public interface TransformFn {
        void transform(Transform self, Object chunk, String encoding, TransformCallback callback);
    }

    /** {@code transform(chunk, encoding, callback)}. */
    @FunctionalInterface
    public interface PlainTransform {
        void transform(Object chunk, String encoding, TransformCallback callback);
    }

    /** {@code flush(callback)} with {@code this}. */
    @FunctionalInterface
    public interface Flush {
        void flush(Transform self, TransformCallback callback);
    }
}
