package dev.nodeshim.stream;

/**
 * The writable side of a stream: what Node's {@code instanceof Writable} accepts, that is a
 * {@link Writable} or a {@link Duplex} (and so a {@link Transform} or {@link PassThrough}). Java has
 * single inheritance, so Duplex extends Readable and both implement this interface; pass it where Node
 * code passes "a writable" ({@link Readable#pipe}, {@link Streams#pipeline}).
 *
 * <p>Every implementation is a {@link Stream} (an EventEmitter): 'drain', 'finish', 'close', 'error',
 * 'pipe', 'unpipe' are emitted on it.
 */
public sealed interface WritableStream permits Writable, Duplex {

    /** {@code writable.write(chunk)}. @return false once {@code writableLength} reaches highWaterMark: wait for 'drain' */
    boolean write(Object chunk);

    /** {@code writable.write(string, encoding)}. */
    boolean write(Object chunk, String encoding);

    /** {@code writable.write(chunk, cb)}: {@code cb} is called when the chunk is handled (or failed). */
    boolean write(Object chunk, Callback cb);

    /** {@code writable.write(chunk, encoding, cb)}. */
    boolean write(Object chunk, String encoding, Callback cb);

    /** {@code writable.end()}: no more writes; 'finish' follows once everything is written. */
    WritableStream end();

    /** {@code writable.end(cb)}: {@code cb} gets 'finish' (null) or the error. */
    WritableStream end(Callback cb);

    /** {@code writable.end(chunk)}: writes a last chunk, then ends. */
    WritableStream end(Object chunk);

    /** {@code writable.end(chunk, cb)}. */
    WritableStream end(Object chunk, Callback cb);

    /** {@code writable.end(string, encoding)}. */
    WritableStream end(Object chunk, String encoding);

    /** {@code writable.end(string, encoding, cb)}. */
    WritableStream end(Object chunk, String encoding, Callback cb);

    /** {@code writable.cork()}: buffers writes until {@link #uncork()} (or {@code end()}). */
    void cork();

    /** {@code writable.uncork()}. */
    void uncork();

    /** {@code writable.setDefaultEncoding(enc)}. */
    WritableStream setDefaultEncoding(String encoding);

    /** {@code writable.writable}: true until end(), an error or destroy. */
    boolean writable();

    /** {@code writable.writableEnded}: whether {@code end()} has been called. */
    boolean writableEnded();

    /** {@code writable.writableFinished}: whether 'finish' has been emitted. */
    boolean writableFinished();

    /** {@code writable.writableLength}: bytes (or objects) queued, including the one being written. */
    int writableLength();

    /** {@code writable.writableHighWaterMark}. */
    int writableHighWaterMark();

    /** {@code writable.writableNeedDrain}: a write returned false and 'drain' has not come yet. */
    boolean writableNeedDrain();

    /** {@code writable.writableCorked}: how many {@code uncork()} calls are needed. */
    int writableCorked();

    /** {@code writable.writableObjectMode}. */
    boolean writableObjectMode();

    /** {@code writable.writableAborted}: destroyed or errored before 'finish'. */
    boolean writableAborted();

    /** {@code stream.destroy()}. */
    Stream destroy();

    /** {@code stream.destroy(err)}. */
    Stream destroy(Throwable err);

    /** {@code stream.destroyed}. */
    boolean destroyed();
}
