package dev.nodeshim.stream;

import java.util.List;

/**
 * The implementation functions a stream can be given in its options, Node's
 * {@code new Readable({read(size) {…}})} and friends. Functions that push data receive the stream
 * first (Node's {@code this}); in Java a lambda cannot name the object it is being passed to.
 */
public final class Functions {
    private Functions() {
    }

    /** {@code read(size)}: produce data with {@code stream.push(…)}, now or later. */
    @FunctionalInterface
    public interface ReadFn {
        void read(Readable stream, int size);
    }

    /** {@code write(chunk, encoding, callback)}: consume one chunk, then call {@code callback}. */
    @FunctionalInterface
    public interface WriteFn {
        void write(Object chunk, String encoding, Callback callback);
    }

    /** {@code writev(chunks, callback)}: consume every buffered chunk at once. */
    @FunctionalInterface
    public interface WritevFn {
        void writev(List<Chunk> chunks, Callback callback);
    }

    /** {@code final(callback)}: called once after {@code end()} when every write completed. */
    @FunctionalInterface
    public interface FinalFn {
        void call(Callback callback);
    }

    /** {@code destroy(err, callback)}: release resources, then call {@code callback(err)}. */
    @FunctionalInterface
    public interface DestroyFn {
        void destroy(Throwable err, Callback callback);
    }

    /** {@code construct(callback)}: asynchronous initialisation, called on the next tick. */
    @FunctionalInterface
    public interface ConstructFn {
        void construct(Callback callback);
    }

    /** {@code transform(chunk, encoding, callback)}: push zero or more chunks, then call {@code callback}. */
    @FunctionalInterface
    public interface TransformFn {
        void transform(Transform stream, Object chunk, String encoding, TransformCallback callback);
    }

    /** {@code flush(callback)}: push the last data before 'end'. */
    @FunctionalInterface
    public interface FlushFn {
        void flush(Transform stream, TransformCallback callback);
    }
}
