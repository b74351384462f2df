package dev.nodeshim.stream;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Options of {@code new Duplex(options)}, an immutable value: each method returns a copy. Holds the
 * options of both sides ({@link ReadableOptions}, {@link WritableOptions}) and {@code allowHalfOpen}.
 * As in Node, {@code highWaterMark} wins over {@code readableHighWaterMark}/{@code writableHighWaterMark},
 * and a side is in object mode when {@code objectMode} or that side's object mode is set.
 */
public final class DuplexOptions {
    private static final DuplexOptions DEFAULTS = new DuplexOptions(Settings.EMPTY);
    final Settings s;

    private DuplexOptions(Settings s) {
        this.s = s;
    }

    /** Node's defaults. */
    public static DuplexOptions defaults() {
        return DEFAULTS;
    }

    private DuplexOptions with(Consumer<Settings> change) {
        return new DuplexOptions(s.with(change));
    }

    /** Both sides' highWaterMark (bytes, or objects in object mode). */
    public DuplexOptions highWaterMark(long n) {
        return with(c -> c.highWaterMark = n);
    }

    /** The readable side's highWaterMark, used when highWaterMark is not given (as in Node, highWaterMark wins). */
    public DuplexOptions readableHighWaterMark(long n) {
        return with(c -> c.readableHighWaterMark = n);
    }

    /** The writable side's highWaterMark, used when highWaterMark is not given (as in Node, highWaterMark wins). */
    public DuplexOptions writableHighWaterMark(long n) {
        return with(c -> c.writableHighWaterMark = n);
    }

    /** Object mode on both sides. */
    public DuplexOptions objectMode(boolean on) {
        return with(c -> c.objectMode = on);
    }

    /** Object mode on the readable side. */
    public DuplexOptions readableObjectMode(boolean on) {
        return with(c -> c.readableObjectMode = on);
    }

    /** Object mode on the writable side. */
    public DuplexOptions writableObjectMode(boolean on) {
        return with(c -> c.writableObjectMode = on);
    }

    /** The readable side's encoding, as {@code setEncoding}. */
    public DuplexOptions encoding(String encoding) {
        return with(c -> c.encoding = encoding);
    }

    /** The encoding of strings written without one (default utf8). */
    public DuplexOptions defaultEncoding(String encoding) {
        return with(c -> c.defaultEncoding = encoding);
    }

    /** Whether written strings become Buffers (default true). */
    public DuplexOptions decodeStrings(boolean on) {
        return with(c -> c.decodeStrings = on);
    }

    /** Whether {@code 'close'} is emitted after destroy (default true). */
    public DuplexOptions emitClose(boolean on) {
        return with(c -> c.emitClose = on);
    }

    /** Whether the stream destroys itself once both sides are done (default true). */
    public DuplexOptions autoDestroy(boolean on) {
        return with(c -> c.autoDestroy = on);
    }

    /** When false, the writable side is ended after the readable side's {@code 'end'} (default true). */
    public DuplexOptions allowHalfOpen(boolean on) {
        return with(c -> c.allowHalfOpen = on);
    }

    /** Node's {@code read(size)} with {@code this}. */
    public DuplexOptions read(Impl.Read fn) {
        Settings.requireFunction(fn, "options.read");
        return with(c -> c.read = fn);
    }

    /** Node's {@code read()} with {@code this}. */
    public DuplexOptions read(Consumer<Readable> fn) {
        Settings.requireFunction(fn, "options.read");
        return with(c -> c.read = (self, size) -> fn.accept(self));
    }

    /** Node's {@code write(chunk, encoding, callback)}. */
    public DuplexOptions write(Impl.PlainWrite fn) {
        Settings.requireFunction(fn, "options.write");
        return with(c -> c.write = (self, chunk, enc, cb) -> fn.write(chunk, enc, cb));
    }

    /** Node's {@code write(chunk, encoding, callback)} with {@code this}. */
    public DuplexOptions write(Impl.Write fn) {
        Settings.requireFunction(fn, "options.write");
        return with(c -> c.write = fn);
    }

    /** Node's {@code writev(chunks, callback)}. */
    public DuplexOptions writev(BiConsumer<List<WriteChunk>, Callback> fn) {
        Settings.requireFunction(fn, "options.writev");
        return with(c -> c.writev = (self, chunks, cb) -> fn.accept(chunks, cb));
    }

    /** Node's {@code writev(chunks, callback)} with {@code this}. */
    public DuplexOptions writev(Impl.Writev fn) {
        Settings.requireFunction(fn, "options.writev");
        return with(c -> c.writev = fn);
    }

    /** Node's {@code final(callback)} ({@code final} is a Java keyword). */
    public DuplexOptions final_(Consumer<Callback> fn) {
        Settings.requireFunction(fn, "options.final");
        return with(c -> c.fin = (self, cb) -> fn.accept(cb));
    }

    /** Node's {@code final(callback)} with {@code this}. */
    public DuplexOptions final_(Impl.Final fn) {
        Settings.requireFunction(fn, "options.final");
        return with(c -> c.fin = fn);
    }

    /** Node's {@code destroy(err, callback)}. */
    public DuplexOptions destroy(BiConsumer<Throwable, Callback> fn) {
        Settings.requireFunction(fn, "options.destroy");
        return with(c -> c.destroy = (self, err, cb) -> fn.accept(err, cb));
    }

    /** Node's {@code destroy(err, callback)} with {@code this}. */
    public DuplexOptions destroy(Impl.Destroy fn) {
        Settings.requireFunction(fn, "options.destroy");
        return with(c -> c.destroy = fn);
    }

    /** Node's {@code construct(callback)}. */
    public DuplexOptions construct(Consumer<Callback> fn) {
        Settings.requireFunction(fn, "options.construct");
        return with(c -> c.construct = (self, cb) -> fn.accept(cb));
    }

    /** Node's {@code construct(callback)} with {@code this}. */
    public DuplexOptions construct(Impl.Construct fn) {
        Settings.requireFunction(fn, "options.construct");
        return with(c -> c.construct = fn);
    }
}
