package dev.nodeshim.stream;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Options of {@code new Transform(options)}, an immutable value: each method returns a copy.
 *
 * <pre>{@code
 * TransformOptions.defaults().transform((chunk, enc, cb) -> cb.call(null, chunk.toString().toUpperCase()))
 * }</pre>
 * Besides {@code transform} and {@code flush}, a Transform takes every {@link DuplexOptions} option.
 */
public final class TransformOptions {
    private static final TransformOptions DEFAULTS = new TransformOptions(Settings.EMPTY);
    final Settings s;

    private TransformOptions(Settings s) {
        this.s = s;
    }

    /** Node's defaults. */
    public static TransformOptions defaults() {
        return DEFAULTS;
    }

    private TransformOptions with(Consumer<Settings> change) {
        return new TransformOptions(s.with(change));
    }

    /** Both sides' highWaterMark (bytes, or objects in object mode). */
    public TransformOptions highWaterMark(long n) {
        return with(c -> c.highWaterMark = n);
    }

    /** The readable side's highWaterMark, used when highWaterMark is not given (as in Node, highWaterMark wins). */
    public TransformOptions readableHighWaterMark(long n) {
        return with(c -> c.readableHighWaterMark = n);
    }

    /** The writable side's highWaterMark, used when highWaterMark is not given (as in Node, highWaterMark wins). */
    public TransformOptions writableHighWaterMark(long n) {
        return with(c -> c.writableHighWaterMark = n);
    }

    /** Object mode on both sides. */
    public TransformOptions objectMode(boolean on) {
        return with(c -> c.objectMode = on);
    }

    /** Object mode on the readable side. */
    public TransformOptions readableObjectMode(boolean on) {
        return with(c -> c.readableObjectMode = on);
    }

    /** Object mode on the writable side. */
    public TransformOptions writableObjectMode(boolean on) {
        return with(c -> c.writableObjectMode = on);
    }

    /** The readable side's encoding, as {@code setEncoding}. */
    public TransformOptions encoding(String encoding) {
        return with(c -> c.encoding = encoding);
    }

    /** The encoding of strings written without one (default utf8). */
    public TransformOptions defaultEncoding(String encoding) {
        return with(c -> c.defaultEncoding = encoding);
    }

    /** Whether written strings become Buffers (default true). */
    public TransformOptions decodeStrings(boolean on) {
        return with(c -> c.decodeStrings = on);
    }

    /** Whether {@code 'close'} is emitted after destroy (default true). */
    public TransformOptions emitClose(boolean on) {
        return with(c -> c.emitClose = on);
    }

    /** Whether the stream destroys itself once both sides are done (default true). */
    public TransformOptions autoDestroy(boolean on) {
        return with(c -> c.autoDestroy = on);
    }

    /** When false, the writable side is ended after the readable side's {@code 'end'} (default true). */
    public TransformOptions allowHalfOpen(boolean on) {
        return with(c -> c.allowHalfOpen = on);
    }

    /** Node's {@code transform(chunk, encoding, callback)}. */
    public TransformOptions transform(Impl.PlainTransform fn) {
        Settings.requireFunction(fn, "options.transform");
        return with(c -> c.transform = (self, chunk, enc, cb) -> fn.transform(chunk, enc, cb));
    }

    /** Node's {@code transform(chunk, encoding, callback)} with {@code this}. */
    public TransformOptions transform(Impl.TransformFn fn) {
        Settings.requireFunction(fn, "options.transform");
        return with(c -> c.transform = fn);
    }

    /** Node's {@code flush(callback)}. */
    public TransformOptions flush(Consumer<TransformCallback> fn) {
        Settings.requireFunction(fn, "options.flush");
        return with(c -> c.flush = (self, cb) -> fn.accept(cb));
    }

    /** Node's {@code flush(callback)} with {@code this}. */
    public TransformOptions flush(Impl.Flush fn) {
        Settings.requireFunction(fn, "options.flush");
        return with(c -> c.flush = fn);
    }

    /** Node's {@code read(size)} with {@code this}. */
    public TransformOptions read(Impl.Read fn) {
        Settings.requireFunction(fn, "options.read");
        return with(c -> c.read = fn);
    }

    /** Node's {@code read()} with {@code this}. */
    public TransformOptions read(Consumer<Readable> fn) {
        Settings.requireFunction(fn, "options.read");
        return with(c -> c.read = (self, size) -> fn.accept(self));
    }

    /** Node's {@code write(chunk, encoding, callback)}. */
    public TransformOptions write(Impl.PlainWrite fn) {
        Settings.requireFunction(fn, "options.write");
        return with(c -> c.write = (self, chunk, enc, cb) -> fn.write(chunk, enc, cb));
    }

    /** Node's {@code write(chunk, encoding, callback)} with {@code this}. */
    public TransformOptions write(Impl.Write fn) {
        Settings.requireFunction(fn, "options.write");
        return with(c -> c.write = fn);
    }

    /** Node's {@code writev(chunks, callback)}. */
    public TransformOptions writev(BiConsumer<List<WriteChunk>, Callback> fn) {
        Settings.requireFunction(fn, "options.writev");
        return with(c -> c.writev = (self, chunks, cb) -> fn.accept(chunks, cb));
    }

    /** Node's {@code writev(chunks, callback)} with {@code this}. */
    public TransformOptions writev(Impl.Writev fn) {
        Settings.requireFunction(fn, "options.writev");
        return with(c -> c.writev = fn);
    }

    /** Node's {@code final(callback)} ({@code final} is a Java keyword). */
    public TransformOptions final_(Consumer<Callback> fn) {
        Settings.requireFunction(fn, "options.final");
        return with(c -> c.fin = (self, cb) -> fn.accept(cb));
    }

    /** Node's {@code final(callback)} with {@code this}. */
    public TransformOptions final_(Impl.Final fn) {
        Settings.requireFunction(fn, "options.final");
        return with(c -> c.fin = fn);
    }

    /** Node's {@code destroy(err, callback)}. */
    public TransformOptions destroy(BiConsumer<Throwable, Callback> fn) {
        Settings.requireFunction(fn, "options.destroy");
        return with(c -> c.destroy = (self, err, cb) -> fn.accept(err, cb));
    }

    /** Node's {@code destroy(err, callback)} with {@code this}. */
    public TransformOptions destroy(Impl.Destroy fn) {
        Settings.requireFunction(fn, "options.destroy");
        return with(c -> c.destroy = fn);
    }

    /** Node's {@code construct(callback)}. */
    public TransformOptions construct(Consumer<Callback> fn) {
        Settings.requireFunction(fn, "options.construct");
        return with(c -> c.construct = (self, cb) -> fn.accept(cb));
    }

    /** Node's {@code construct(callback)} with {@code this}. */
    public TransformOptions construct(Impl.Construct fn) {
        Settings.requireFunction(fn, "options.construct");
        return with(c -> c.construct = fn);
    }
}
