package dev.nodeshim.stream;

import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Options of {@code new Readable(options)}, an immutable value: each method returns a copy.
 *
 * <pre>{@code
 * ReadableOptions.defaults().highWaterMark(4).read(self -> self.push("x"))
 * }</pre>
 * Defaults are Node 20's: highWaterMark 16384 bytes (16 objects in object mode), no encoding
 * (chunks are Buffers), emitClose and autoDestroy true.
 */
public final class ReadableOptions {
    private static final ReadableOptions DEFAULTS = new ReadableOptions(Settings.EMPTY);
    final Settings s;

    private ReadableOptions(Settings s) {
        this.s = s;
    }

    /** Node's defaults. */
    public static ReadableOptions defaults() {
        return DEFAULTS;
    }

    private ReadableOptions with(Consumer<Settings> change) {
        return new ReadableOptions(s.with(change));
    }

    /** Bytes (or objects) to buffer before {@code push} returns false; a non-negative integer. */
    public ReadableOptions highWaterMark(long n) {
        return with(c -> c.highWaterMark = n);
    }

    /** Chunks are any objects, each counting 1 towards highWaterMark. */
    public ReadableOptions objectMode(boolean on) {
        return with(c -> c.objectMode = on);
    }

    /** As if {@code setEncoding(encoding)} were called: chunks are Strings. */
    public ReadableOptions encoding(String encoding) {
        return with(c -> c.encoding = encoding);
    }

    /** Whether {@code 'close'} is emitted after destroy (default true). */
    public ReadableOptions emitClose(boolean on) {
        return with(c -> c.emitClose = on);
    }

    /** Whether the stream destroys itself after {@code 'end'} (default true). */
    public ReadableOptions autoDestroy(boolean on) {
        return with(c -> c.autoDestroy = on);
    }

    /** Node's {@code read(size)} with {@code this}: {@code (self, size) -> self.push(…)}. */
    public ReadableOptions read(Impl.Read fn) {
        Settings.requireFunction(fn, "options.read");
        return with(c -> c.read = fn);
    }

    /** Node's {@code read()} with {@code this}: {@code self -> self.push(…)}. */
    public ReadableOptions read(Consumer<Readable> fn) {
        Settings.requireFunction(fn, "options.read");
        return with(c -> c.read = (self, size) -> fn.accept(self));
    }

    /** Node's {@code destroy(err, callback)} with {@code this}. */
    public ReadableOptions destroy(Impl.Destroy fn) {
        Settings.requireFunction(fn, "options.destroy");
        return with(c -> c.destroy = fn);
    }

    /** Node's {@code destroy(err, callback)}. */
    public ReadableOptions destroy(BiConsumer<Throwable, Callback> fn) {
        Settings.requireFunction(fn, "options.destroy");
        return with(c -> c.destroy = (self, err, cb) -> fn.accept(err, cb));
    }

    /** Node's {@code construct(callback)} with {@code this}. */
    public ReadableOptions construct(Impl.Construct fn) {
        Settings.requireFunction(fn, "options.construct");
        return with(c -> c.construct = fn);
    }

    /** Node's {@code construct(callback)}. */
    public ReadableOptions construct(Consumer<Callback> fn) {
        Settings.requireFunction(fn, "options.construct");
        return with(c -> c.construct = (self, cb) -> fn.accept(cb));
    }
}
