package dev.nodeshim.stream;

import java.util.List;
import java.util.Objects;

/**
 * Node's {@code stream.Duplex}: a {@link Readable} that is also a {@link WritableStream}, the two
 * sides independent (a socket, a child's stdio pair). The readable side follows {@link Readable}'s
 * rules, the writable side {@link Writable}'s; {@code destroy} and 'close' are shared.
 *
 * <pre>{@code
 * Duplex d = new Duplex(DuplexOptions.defaults()
 *     .read((self, size) -> {})
 *     .write((chunk, enc, cb) -> cb.call(null)));
 * }</pre>
 *
 * <p>With {@code allowHalfOpen(false)} the writable side is ended on the tick after 'end'. With
 * autoDestroy the stream is destroyed when both 'end' and 'finish' happened. Options apply to both
 * sides; {@code readableObjectMode}, {@code writableHighWaterMark}, … to one.
 */
public non-sealed class Duplex extends Readable implements WritableStream {
    private final boolean allowHalfOpen;

    /** A Duplex whose {@code _read} and {@code _write} must be overridden. */
    public Duplex() {
        this(DuplexOptions.defaults().o);
    }

    /** {@code new Duplex(options)}. */
    public Duplex(DuplexOptions options) {
        this(Objects.requireNonNull(options, "options").o);
    }

    Duplex(Opts o) {
        super(o, true);
        ws = new WritableState(o, this, true);
        allowHalfOpen = o.allowHalfOpen;
        if (!o.readable) {
            rs.readableDisabled = true;
            rs.ended = true;
            rs.endEmitted = true;
        }
        if (!o.writable) {
            ws.writableDisabled = true;
            ws.ending = true;
            ws.ended = true;
            ws.finished = true;
        }
        if (hasConstruct()) {
            construct(() -> {
                onReadableConstructed();
                ws.onConstructed();
            });
        }
    }

    /** {@code duplex.allowHalfOpen}. */
    public boolean allowHalfOpen() {
        return allowHalfOpen;
    }

    @Override
    void endWritableNT() {
        if (writableFlag() && !ws.ending && !destroyed()) {
            end();
        }
    }

    /** Consumes one chunk (see {@link Writable#_write}). Default: the {@code write} option. */
    protected void _write(Object chunk, String encoding, Callback callback) {
        if (opts.write != null) {
            opts.write.write(chunk, encoding, callback);
        } else if (hasWritev()) {
            _writev(List.of(new Chunk(chunk, encoding)), callback);
        } else {
            throw StreamErrors.methodNotImplemented("_write()");
        }
    }

    /** Consumes every queued chunk at once; used only when overridden or given as the {@code writev} option. */
    protected void _writev(List<Chunk> chunks, Callback callback) {
        opts.writev.writev(chunks, callback);
    }

    /** Called once after {@code end()} when all writes completed; used only when overridden or given. */
    protected void _final(Callback callback) {
        opts.finalFn.call(callback);
    }

    @Override
    void callWrite(Object chunk, String encoding, Callback cb) {
        _write(chunk, encoding, cb);
    }

    @Override
    void callWritev(List<Chunk> chunks, Callback cb) {
        _writev(chunks, cb);
    }

    @Override
    boolean hasWritev() {
        return opts.writev != null || Overrides.has(getClass(), Overrides.WRITEV);
    }

    @Override
    boolean hasFinal() {
        return opts.finalFn != null || Overrides.has(getClass(), Overrides.FINAL);
    }

    @Override
    void callFinal(Callback cb) {
        _final(cb);
    }

    @Override
    boolean writableFlag() {
        return ws.writableFlag();
    }

    // ------------------------------------------------------------------ WritableStream

    @Override
    public boolean write(Object chunk) {
        return ws.write(chunk, null, null) == Boolean.TRUE;
    }

    @Override
    public boolean write(Object chunk, String encoding) {
        return ws.write(chunk, encoding, null) == Boolean.TRUE;
    }

    @Override
    public boolean write(Object chunk, Callback cb) {
        return ws.write(chunk, null, cb) == Boolean.TRUE;
    }

    @Override
    public boolean write(Object chunk, String encoding, Callback cb) {
        return ws.write(chunk, encoding, cb) == Boolean.TRUE;
    }

    @Override
    public Duplex end() {
        ws.end(null, null, null);
        return this;
    }

    @Override
    public Duplex end(Callback cb) {
        ws.end(null, null, cb);
        return this;
    }

    @Override
    public Duplex end(Object chunk) {
        ws.end(chunk, null, null);
        return this;
    }

    @Override
    public Duplex end(Object chunk, Callback cb) {
        ws.end(chunk, null, cb);
        return this;
    }

    @Override
    public Duplex end(Object chunk, String encoding) {
        ws.end(chunk, encoding, null);
        return this;
    }

    @Override
    public Duplex end(Object chunk, String encoding, Callback cb) {
        ws.end(chunk, encoding, cb);
        return this;
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
        return ws.writableFlag();
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
    public int writableLength() {
        return ws.length;
    }

    @Override
    public int writableHighWaterMark() {
        return ws.highWaterMark;
    }

    @Override
    public boolean writableNeedDrain() {
        return ws.needDrainFlag();
    }

    @Override
    public int writableCorked() {
        return ws.corked;
    }

    @Override
    public boolean writableObjectMode() {
        return ws.objectMode;
    }

    @Override
    public boolean writableAborted() {
        return ws.aborted();
    }
}
