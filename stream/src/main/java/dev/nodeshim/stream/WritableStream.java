package dev.nodeshim.stream;

/**
 * Everything writable — {@link Writable}, {@link Duplex}, {@link Transform}, {@link PassThrough} —
 * as one type: what Node means by {@code stream instanceof Writable}. Java has no multiple
 * inheritance, so a Duplex is a {@link Readable} that also implements this interface; write a
 * parameter that accepts any writable stream as {@code WritableStream dest} (or, when you need its
 * events too, {@code <W extends Stream & WritableStream>}).
 *
 * <p>The overloads mirror Node's optional arguments: {@code write(chunk[, encoding][, callback])},
 * {@code end([chunk[, encoding]][, callback])}. A callback is a {@link Callback} ({@code err -> …})
 * or a {@link Runnable} ({@code () -> …}).
 */
public interface WritableStream {
    /**
     * Node's {@code writable.write(chunk, encoding, callback)}.
     *
     * @param chunk    a String, a {@link dev.nodeshim.buffer.Buffer} or a {@code byte[]} (any non-null
     *                 object in object mode)
     * @param encoding the encoding of a String chunk, {@code null} for the default encoding
     * @param callback called once the chunk is handled (or with the error), may be {@code null}
     * @return false when the buffered length reached highWaterMark: wait for {@code 'drain'}
     * @throws dev.nodeshim.errors.NodeError {@code ERR_STREAM_NULL_VALUES} for null,
     *         {@code ERR_INVALID_ARG_TYPE} for a chunk of another type, {@code ERR_UNKNOWN_ENCODING}
     */
    boolean write(Object chunk, String encoding, Callback callback);

    /** Node's {@code writable.end(chunk, encoding, callback)}; {@code chunk} null writes nothing. */
    WritableStream end(Object chunk, String encoding, Callback callback);

    /** Buffers every write until {@link #uncork()} (calls nest). */
    void cork();

    /** Undoes one {@link #cork()}; the last one hands the buffered writes over ({@code _writev} when there is one). */
    void uncork();

    /** Sets the encoding used for String chunks written without one. */
    WritableStream setDefaultEncoding(String encoding);

    /** True while {@code write} is safe: not destroyed, errored, ending or ended. */
    boolean writable();

    /** Whether {@code end()} was called. */
    boolean writableEnded();

    /** Whether {@code 'finish'} is about to be or was emitted (all data flushed). */
    boolean writableFinished();

    /** The highWaterMark given at construction. */
    long writableHighWaterMark();

    /** Bytes (or objects) queued, including the one being written. */
    long writableLength();

    /** Whether the writable side is in object mode. */
    boolean writableObjectMode();

    /** How many {@code uncork()} calls are needed to uncork. */
    int writableCorked();

    /** Whether a {@code write} returned false and {@code 'drain'} has not been emitted yet. */
    boolean writableNeedDrain();

    /** Whether the stream was destroyed. */
    boolean destroyed();

    // ------------------------------------------------------------------------------------------------
    // Node's optional arguments

    default boolean write(Object chunk) {
        return write(chunk, null, null);
    }

    default boolean write(Object chunk, String encoding) {
        return write(chunk, encoding, null);
    }

    default boolean write(Object chunk, Callback callback) {
        return write(chunk, null, callback);
    }

    default boolean write(Object chunk, Runnable callback) {
        return write(chunk, null, callback == null ? null : err -> callback.run());
    }

    default WritableStream end() {
        return end(null, null, null);
    }

    default WritableStream end(Object chunk) {
        return end(chunk, null, null);
    }

    default WritableStream end(Object chunk, String encoding) {
        return end(chunk, encoding, null);
    }

    default WritableStream end(Callback callback) {
        return end(null, null, callback);
    }

    default WritableStream end(Runnable callback) {
        return end(null, null, callback == null ? null : err -> callback.run());
    }

    default WritableStream end(Object chunk, Callback callback) {
        return end(chunk, null, callback);
    }

    default WritableStream end(Object chunk, Runnable callback) {
        return end(chunk, null, callback == null ? null : err -> callback.run());
    }
}
