package dev.nodeshim.stream;

import java.io.OutputStream;
import java.util.List;

/**
 * Node's {@code stream.Writable}: a destination for chunks, with a queue bounded by highWaterMark.
 *
 * <pre>{@code
 * Writable w = new Writable(WritableOptions.defaults()
 *         .write((chunk, encoding, cb) -> { System.out.print(chunk); cb.call(); }));
 * if (!w.write("hello")) w.once("drain", () -> …);   // backpressure: wait for 'drain'
 * w.end("bye", () -> System.out.println("finished"));
 * }</pre>
 *
 * Implement it with the {@code write} option or by overriding {@link #_write} (and optionally
 * {@link #_writev}, {@link #_final}, {@link #_destroy}, {@link #_construct}). Events, in Node's
 * order: {@code 'drain'}, {@code 'pipe'}/{@code 'unpipe'}, {@code 'prefinish'}, {@code 'finish'},
 * {@code 'error'} (at most once), {@code 'close'} (last). The queue's rules are described in
 * Node's stream docs and implemented by a package-private state machine shared with {@link Duplex}.
 *
 * <p>{@code write} throws (synchronously, as Node does) for a null chunk
 * ({@code ERR_STREAM_NULL_VALUES}), a chunk that is not a String, Buffer or {@code byte[]} outside
 * object mode ({@code ERR_INVALID_ARG_TYPE}) and an unknown encoding ({@code ERR_UNKNOWN_ENCODING});
 * writing after {@code end()} or destroy is reported through the callback and {@code 'error'}
 * ({@code ERR_STREAM_WRITE_AFTER_END}, {@code ERR_STREAM_DESTROYED}).
 */
public class Writable extends Stream implements WritableStream {
    private static final ClassValue<Boolean> OVERRIDES_WRITEV = overrideCheck("_writev", List.class, Callback.class);
    private static final ClassValue<Boolean> OVERRIDES_FINAL = overrideCheck("_final", Callback.class);

    final WriteState ws;

    /** A writable with Node's defaults; override {@link #_write}. */
    public Writable() {
        this(WritableOptions.defaults());
    }

    /** {@code new Writable(options)}. */
    public Writable(WritableOptions options) {
        super(options == null ? Settings.EMPTY : options.s);
        Writable self = this;
        this.ws = new WriteState(this, settings, false) {
            @Override
            void write0(Object chunk, String encoding, Callback cb) {
                self._write(chunk, encoding, cb);
            }

            @Override
            void writev0(List<WriteChunk> chunks, Callback cb) {
                self._writev(chunks, cb);
            }

            @Override
            boolean hasWritev() {
                return settings.writev != null || OVERRIDES_WRITEV.get(self.getClass());
            }

            @Override
            void final0(Callback cb) {
                self._final(cb);
            }

            @Override
            boolean hasFinal() {
                return settings.fin != null || OVERRIDES_FINAL.get(self.getClass());
            }

            @Override
            Readable readableSide() {
                return null;
            }
        };
    }

    /**
     * A writable that writes to {@code out} on a helper thread, one chunk at a time; a chunk's
     * callback runs (on the loop) once {@code out.write} returned, so {@code write()} returns false
     * and {@code 'drain'} follows exactly as the OutputStream's pace dictates. {@code end()} flushes
     * and closes {@code out}; destroy closes it. {@code System.out} and {@code System.err} are
     * flushed but never closed (Node does not close stdout either).
     */
    public static Writable fromOutputStream(OutputStream out) {
        return new OutputStreamWritable(out, WritableOptions.defaults());
    }

    /** {@link #fromOutputStream(OutputStream)} with options. */
    public static Writable fromOutputStream(OutputStream out, WritableOptions options) {
        return new OutputStreamWritable(out, options);
    }

    /**
     * This stream as a blocking {@link OutputStream} for code on other threads: each {@code write}
     * is posted to the loop and blocks while the stream's queue is at highWaterMark (until
     * {@code 'drain'}), so the queue never holds more than highWaterMark plus one chunk.
     * {@code close()} ends the stream and waits for {@code 'finish'}; an error of the stream becomes
     * an {@link java.io.IOException}.
     */
    public OutputStream toOutputStream() {
        return new WritableOutputStream(this, ws);
    }

    // ------------------------------------------------------------------------------------------------
    // Implementation hooks

    /**
     * Node's {@code _write(chunk, encoding, callback)}: handle one chunk, then call
     * {@code callback} (with an error to fail the stream). The default calls the {@code write}
     * option, else {@link #_writev} with one chunk if it is implemented, else throws
     * {@code ERR_METHOD_NOT_IMPLEMENTED}.
     */
    protected void _write(Object chunk, String encoding, Callback callback) {
        if (settings.write != null) {
            settings.write.write(this, chunk, encoding, callback);
        } else if (ws.hasWritev()) {
            _writev(List.of(new WriteChunk(chunk, encoding)), callback);
        } else {
            throw StreamErrors.notImplemented("_write()");
        }
    }

    /** Node's {@code _writev(chunks, callback)}: several buffered chunks at once. Optional. */
    protected void _writev(List<WriteChunk> chunks, Callback callback) {
        if (settings.writev != null) {
            settings.writev.writev(this, chunks, callback);
        } else {
            throw StreamErrors.notImplemented("_writev()");
        }
    }

    /** Node's {@code _final(callback)}: runs after the last write, before {@code 'finish'}. Optional. */
    protected void _final(Callback callback) {
        if (settings.fin != null) {
            settings.fin.call(this, callback);
        } else {
            callback.call();
        }
    }

    // ------------------------------------------------------------------------------------------------
    // WritableStream

    @Override
    public boolean write(Object chunk, String encoding, Callback callback) {
        return ws.write(chunk, encoding, callback);
    }

    @Override
    public Writable end(Object chunk, String encoding, Callback callback) {
        ws.end(chunk, encoding, callback);
        return this;
    }

    @Override
    public Writable end() {
        return end(null, null, null);
    }

    @Override
    public Writable end(Object chunk) {
        return end(chunk, null, null);
    }

    @Override
    public Writable end(Callback callback) {
        return end(null, null, callback);
    }

    @Override
    public Writable end(Runnable callback) {
        return end(null, null, callback == null ? null : err -> callback.run());
    }

    @Override
    public void cork() {
        ws.cork();
    }

    @Override
    public void uncork() {
        ws.uncork();
    }

    @Override
    public Writable setDefaultEncoding(String encoding) {
        ws.setDefaultEncoding(encoding);
        return this;
    }

    @Override
    public boolean writable() {
        return ws.writable();
    }

    @Override
    public boolean writableEnded() {
        return ws.ending;
    }

    @Override
    public boolean writableFinished() {
        return ws.finished;
    }

    @Override
    public long writableHighWaterMark() {
        return ws.highWaterMark;
    }

    @Override
    public long writableLength() {
        return ws.length;
    }

    @Override
    public boolean writableObjectMode() {
        return ws.objectMode;
    }

    @Override
    public int writableCorked() {
        return ws.corked;
    }

    @Override
    public boolean writableNeedDrain() {
        return ws.needDrainNow();
    }

    @Override
    public Writable destroy() {
        super.destroy();
        return this;
    }

    @Override
    public Writable destroy(Throwable err) {
        super.destroy(err);
        return this;
    }

    @Override
    void onDestroyStarted() {
        ws.onDestroyStarted();
    }

    @Override
    void afterErrorEmitted() {
        ws.afterErrorEmitted();
    }

    @Override
    void afterConstruct() {
        ws.afterConstruct();
    }
}
