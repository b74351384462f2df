package dev.nodeshim.stream;

import java.util.List;
import java.util.Objects;

/**
 * Node's {@code stream.Writable}, with Node 20's algorithm ({@code lib/internal/streams/writable.js})
 * and therefore its event order.
 *
 * <pre>{@code
 * Writable sink = new Writable(WritableOptions.defaults().write((chunk, encoding, cb) -> {
 *     System.out.println(chunk);
 *     cb.call(null);                          // done with this chunk
 * }));
 * boolean more = sink.write("hello");         // false at highWaterMark: wait for 'drain'
 * sink.end(err -> System.out.println("finished"));
 * }</pre>
 * Or subclass it and override {@link #_write}, and optionally {@link #_writev} and {@link #_final}.
 *
 * <h2>Rules kept from Node</h2>
 * <ul>
 * <li>Only one {@code _write} runs at a time; later writes queue (and go to {@code _writev} in one
 *     batch when it is implemented). {@code write} returns false once the queued length reaches
 *     {@code highWaterMark}; 'drain' is emitted when the queue has emptied.</li>
 * <li>A {@code _write} that calls back synchronously has its write callback called on the next tick;
 *     an asynchronous one, at once. Calling back twice is {@code ERR_MULTIPLE_CALLBACK}.</li>
 * <li>{@code write(null)} throws {@code ERR_STREAM_NULL_VALUES}; a chunk that is not a string,
 *     Buffer or byte[] (outside object mode) throws {@code ERR_INVALID_ARG_TYPE}; writing after
 *     {@code end()} reports {@code ERR_STREAM_WRITE_AFTER_END} (to the callback on the next tick and
 *     as 'error'), after destroy {@code ERR_STREAM_DESTROYED}.</li>
 * <li>After {@code end()}: {@code _final}, 'prefinish', then 'finish' on a later tick, then (with
 *     autoDestroy) 'close' one tick after 'finish'.</li>
 * </ul>
 * Chunks reach {@code _write} as {@code Buffer} with encoding {@code "buffer"}, unless
 * {@code decodeStrings(false)} (strings stay strings, with their encoding) or object mode.
 */
public non-sealed class Writable extends Stream implements WritableStream {

    /** A Writable whose {@link #_write} must be overridden ({@code new Writable()}). */
    public Writable() {
        this(WritableOptions.defaults());
    }

    /** {@code new Writable(options)}. */
    public Writable(WritableOptions options) {
        super(Objects.requireNonNull(options, "options").o);
        ws = new WritableState(opts, this, false);
        if (hasConstruct()) {
            construct(ws::onConstructed);
        }
    }

    /**
     * Consumes one chunk, then calls {@code callback} (with an error to fail the stream). Default:
     * the {@code write} option; else, when {@code _writev} exists, a batch of one; else
     * {@code ERR_METHOD_NOT_IMPLEMENTED}.
     */
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

    /** Called once after {@code end()} when all writes completed, before 'finish'; used only when overridden or given. */
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
    public Writable end() {
        ws.end(null, null, null);
        return this;
    }

    @Override
    public Writable end(Callback cb) {
        ws.end(null, null, cb);
        return this;
    }

    @Override
    public Writable end(Object chunk) {
        ws.end(chunk, null, null);
        return this;
    }

    @Override
    public Writable end(Object chunk, Callback cb) {
        ws.end(chunk, null, cb);
        return this;
    }

    @Override
    public Writable end(Object chunk, String encoding) {
        ws.end(chunk, encoding, null);
        return this;
    }

    @Override
    public Writable end(Object chunk, String encoding, Callback cb) {
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
    public Writable setDefaultEncoding(String encoding) {
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
