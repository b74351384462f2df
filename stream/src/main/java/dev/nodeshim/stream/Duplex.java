package dev.nodeshim.stream;

import java.util.List;

/**
 * Node's {@code stream.Duplex}: a {@link Readable} and a writable side ({@link WritableStream}) in
 * one object, e.g. a socket. The two sides are independent: each has its own buffer, highWaterMark
 * and object mode; they share one life cycle (one destroy, one {@code 'error'}, one
 * {@code 'close'}).
 *
 * <ul>
 * <li>{@code allowHalfOpen} (default true): when false, the writable side is ended on the tick after
 *     the readable side's {@code 'end'}.</li>
 * <li>With autoDestroy the stream is destroyed once both sides are done: at {@code 'end'} if the
 *     writable side has finished, at {@code 'finish'} if the readable side has ended.</li>
 * </ul>
 */
public class Duplex extends Readable implements WritableStream {
    private static final ClassValue<Boolean> OVERRIDES_WRITEV = overrideCheck("_writev", List.class, Callback.class);
    private static final ClassValue<Boolean> OVERRIDES_FINAL = overrideCheck("_final", Callback.class);

    final WriteState ws;
    private final boolean allowHalfOpen;

    /** A duplex with Node's defaults; override {@link #_read} and {@link #_write}. */
    public Duplex() {
        this(DuplexOptions.defaults());
    }

    /** {@code new Duplex(options)}. */
    public Duplex(DuplexOptions options) {
        this(options == null ? Settings.EMPTY : options.s);
    }

    Duplex(Settings s) {
        super(s, true);
        this.allowHalfOpen = s.allowHalfOpen == null || s.allowHalfOpen;
        Duplex self = this;
        this.ws = new WriteState(this, s, true) {
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
                return self.hasFinal();
            }

            @Override
            Readable readableSide() {
                return self;
            }
        };
    }

    boolean hasFinal() {
        return settings.fin != null || OVERRIDES_FINAL.get(getClass());
    }

    /** Whether the writable side stays open after the readable side ended. */
    public boolean allowHalfOpen() {
        return allowHalfOpen;
    }

    // ------------------------------------------------------------------------------------------------
    // Implementation hooks (as Writable's)

    /** Node's {@code _write(chunk, encoding, callback)}; see {@link Writable#_write}. */
    protected void _write(Object chunk, String encoding, Callback callback) {
        if (settings.write != null) {
            settings.write.write(this, chunk, encoding, callback);
        } else if (ws.hasWritev()) {
            _writev(List.of(new WriteChunk(chunk, encoding)), callback);
        } else {
            throw StreamErrors.notImplemented("_write()");
        }
    }

    /** Node's {@code _writev(chunks, callback)}. Optional. */
    protected void _writev(List<WriteChunk> chunks, Callback callback) {
        if (settings.writev != null) {
            settings.writev.writev(this, chunks, callback);
        } else {
            throw StreamErrors.notImplemented("_writev()");
        }
    }

    /** Node's {@code _final(callback)}. Optional. */
    protected void _final(Callback callback) {
        if (settings.fin != null) {
            settings.fin.call(this, callback);
        } else {
            callback.call();
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Both sides

    @Override
    void afterEnd() {
        if (!allowHalfOpen && !ws.ending) {
            // Node: the writable side is ended on the tick after 'end'
            loop.nextTick(() -> end());
        }
        if (autoDestroy && ws.finished) {
            destroy();
        }
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
        super.afterConstruct();
        ws.afterConstruct();
    }

    @Override
    public Duplex destroy() {
        super.destroy();
        return this;
    }

    @Override
    public Duplex destroy(Throwable err) {
        super.destroy(err);
        return this;
    }

    // ------------------------------------------------------------------------------------------------
    // WritableStream

    @Override
    public boolean write(Object chunk, String encoding, Callback callback) {
        return ws.write(chunk, encoding, callback);
    }

    @Override
    public Duplex end(Object chunk, String encoding, Callback callback) {
        ws.end(chunk, encoding, callback);
        return this;
    }

    @Override
    public Duplex end() {
        return end(null, null, null);
    }

    @Override
    public Duplex end(Object chunk) {
        return end(chunk, null, null);
    }

    @Override
    public Duplex end(Callback callback) {
        return end(null, null, callback);
    }

    @Override
    public Duplex end(Runnable callback) {
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
    public Duplex setDefaultEncoding(String encoding) {
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
}
