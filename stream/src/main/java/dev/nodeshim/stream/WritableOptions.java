package dev.nodeshim.stream;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Options of {@code new Writable(options)}, an immutable value: each method returns a copy.
 *
 * <pre>{@code
 * WritableOptions.defaults().highWaterMark(3).write((chunk, encoding, cb) -> { sink.add(chunk); cb.call(); })
 * }</pre>
 * Defaults are Node 20's: highWaterMark 16384 bytes (16 objects in object mode), decodeStrings true
 * (strings reach {@code _write} as Buffers), defaultEncoding utf8, emitClose and autoDestroy true.
 * Node's {@code final} option is {@link #final_} ({@code final} is a Java keyword).
 */
public final class WritableOptions {
    private static final WritableOptions DEFAULTS = new WritableOptions(Settings.EMPTY);
    final Settings s;

    private WritableOptions(Settings s) {
        this.s = s;
    }

    /** Node's defaults. */
    public static WritableOptions defaults() {
        return DEFAULTS;
    }

    private WritableOptions with(Consumer<Settings> change) {
        return new WritableOptions(s.with(change));
    }

    /** Bytes (or objects) buffered before {@code write} returns false; a non-negative integer. */
    public WritableOptions highWaterMark(long n) {
        return with(c -> c.highWaterMark = n);
    }

    /** Chunks are any objects (except null), each counting 1 towards highWaterMark. */
    public WritableOptions objectMode(boolean on) {
        return with(c -> c.objectMode = on);
    }

    /** Whether strings are turned into Buffers before {@code _write} (default true). */
    public WritableOptions decodeStrings(boolean on) {
        return with(c -> c.decodeStrings = on);
    }

    /** The encoding of strings written without one (default utf8). */
    public WritableOptions defaultEncoding(String encoding) {
        return with(c -> c.defaultEncoding = encoding);
    }

    /** Whether {@code 'close'} is emitted after destroy (default true). */
    public WritableOptions emitClose(boolean on) {
        return with(c -> c.emitClose = on);
    }

    /** Whether the stream destroys itself after {@code 'finish'} (default true). */
    public WritableOptions autoDestroy(boolean on) {
        return with(c -> c.autoDestroy = on);
    }

    /** Node's {@code write(chunk, encoding, callback)}. */
    public WritableOptions write(Impl.PlainWrite fn) {
        Settings.requireFunction(fn, "options.write");
        return with(c -> c.write = (self, chunk, enc, cb) -> fn.write(chunk, enc, cb));
    }

    /** Node's {@code write(chunk, encoding, callback)} with {@code this}. */
    public WritableOptions write(Impl.Write fn) {
        Settings.requireFunction(fn, "options.write");
        return with(c -> c.write = fn);
    }

    /** Node's {@code writev(chunks, callback)}. */
    public WritableOptions writev(BiConsumer<List<WriteChunk>, Callback> fn) {
        Settings.requireFunction(fn, "options.writev");
        return with(c -> c.writev = (self, chunks, cb) -> fn.accept(chunks, cb));
    }

    /** Node's {@code writev(chunks, callback)} with {@code this}. */
    public WritableOptions writev(Impl.Writev fn) {
        Settings.requireFunction(fn, "options.writev");
        return with(c -> c.writev = fn);
    }

    /** Node's {@code final(callback)}. */
    public WritableOptions final_(Consumer<Callback> fn) {
        Settings.requireFunction(fn, "options.final");
        return with(c -> c.fin = (self, cb) -> fn.accept(cb));
    }

    /** Node's {@code final(callback)} with {@code this}. */
    public WritableOptions final_(Impl.Final fn) {
        Settings.requireFunction(fn, "options.final");
        return with(c -> c.fin = fn);
    }

    /** Node's {@code destroy(err, callback)}. */
    public WritableOptions destroy(BiConsumer<Throwable, Callback> fn) {
        Settings.requireFunction(fn, "options.destroy");
        return with(c -> c.destroy = (self, err, cb) -> fn.accept(err, cb));
    }

    /** Node's {@code destroy(err, callback)} with {@code this}. */
    public WritableOptions destroy(Impl.Destroy fn) {
        Settings.requireFunction(fn, "options.destroy");
        return with(c -> c.destroy = fn);
    }

    /** Node's {@code construct(callback)}. */
    public WritableOptions construct(Consumer<Callback> fn) {
        Settings.requireFunction(fn, "options.construct");
        return with(c -> c.construct = (self, cb) -> fn.accept(cb));
    }

    /** Node's {@code construct(callback)} with {@code this}. */
    public WritableOptions construct(Impl.Construct fn) {
        Settings.requireFunction(fn, "options.construct");
        return with(c -> c.construct = fn);
    }
}
