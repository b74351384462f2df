package dev.nodeshim.stream;

/**
 * Options of a {@link Transform}: a Duplex's options plus {@code transform} and {@code flush}.
 *
 * <p>An immutable value: every wither returns a new value, so one value can be shared and extended.
 */
public final class TransformOptions {
    final Opts o;

    private TransformOptions(Opts o) {
        this.o = o;
    }

    /** Node's defaults. */
    public static TransformOptions defaults() {
        return new TransformOptions(new Opts());
    }

    /** Node's {@code highWaterMark}: bytes (or objects in object mode) to buffer before pushing back; default 16384 (16 in object mode). Validated when the stream is made. */
    public TransformOptions highWaterMark(int value) {
        Opts c = o.copy();
        c.highWaterMark = value;
        return new TransformOptions(c);
    }

    /** The highWaterMark set, or {@code null} for the default. */
    public Integer highWaterMark() {
        return o.highWaterMark;
    }

    /** {@code objectMode}: chunks are any non-null objects, each counting 1 (default false). */
    public TransformOptions objectMode(boolean value) {
        Opts c = o.copy();
        c.objectMode = value;
        return new TransformOptions(c);
    }

    /** The objectMode set. */
    public boolean objectMode() {
        return Boolean.TRUE.equals(o.objectMode);
    }

    /** {@code emitClose}: emit 'close' after destroy (default true). */
    public TransformOptions emitClose(boolean value) {
        Opts c = o.copy();
        c.emitClose = value;
        return new TransformOptions(c);
    }

    /** The emitClose set. */
    public boolean emitClose() {
        return o.emitClose;
    }

    /** {@code autoDestroy}: destroy after 'end'/'finish' (default true). */
    public TransformOptions autoDestroy(boolean value) {
        Opts c = o.copy();
        c.autoDestroy = value;
        return new TransformOptions(c);
    }

    /** The autoDestroy set. */
    public boolean autoDestroy() {
        return o.autoDestroy;
    }

    /** {@code destroy(err, cb)}: Node's {@code _destroy}. */
    public TransformOptions destroy(Functions.DestroyFn value) {
        Opts c = o.copy();
        c.destroy = value;
        return new TransformOptions(c);
    }

    /** {@code construct(cb)}: Node's {@code _construct}. */
    public TransformOptions construct(Functions.ConstructFn value) {
        Opts c = o.copy();
        c.construct = value;
        return new TransformOptions(c);
    }

    /** {@code encoding}: decode data to strings, as {@code setEncoding} (default none). */
    public TransformOptions encoding(String value) {
        Opts c = o.copy();
        c.encoding = value;
        return new TransformOptions(c);
    }

    /** The encoding set. */
    public String encoding() {
        return o.encoding;
    }

    /** {@code read(size)}: Node's {@code _read}. */
    public TransformOptions read(Functions.ReadFn value) {
        Opts c = o.copy();
        c.read = value;
        return new TransformOptions(c);
    }

    /** {@code decodeStrings}: turn string chunks into Buffers before {@code _write} (default true). */
    public TransformOptions decodeStrings(boolean value) {
        Opts c = o.copy();
        c.decodeStrings = value;
        return new TransformOptions(c);
    }

    /** The decodeStrings set. */
    public boolean decodeStrings() {
        return o.decodeStrings;
    }

    /** {@code defaultEncoding}: the encoding of string chunks written without one (default utf8). */
    public TransformOptions defaultEncoding(String value) {
        Opts c = o.copy();
        c.defaultEncoding = value;
        return new TransformOptions(c);
    }

    /** The defaultEncoding set. */
    public String defaultEncoding() {
        return o.defaultEncoding;
    }

    /** {@code write(chunk, encoding, cb)}: Node's {@code _write}. */
    public TransformOptions write(Functions.WriteFn value) {
        Opts c = o.copy();
        c.write = value;
        return new TransformOptions(c);
    }

    /** {@code writev(chunks, cb)}: Node's {@code _writev}. */
    public TransformOptions writev(Functions.WritevFn value) {
        Opts c = o.copy();
        c.writev = value;
        return new TransformOptions(c);
    }

    /** {@code final(cb)}: Node's {@code _final} ({@code final} is a Java keyword). */
    public TransformOptions final_(Functions.FinalFn value) {
        Opts c = o.copy();
        c.finalFn = value;
        return new TransformOptions(c);
    }

    /** {@code allowHalfOpen}: when false, the writable side ends when the readable side ends (default true). */
    public TransformOptions allowHalfOpen(boolean value) {
        Opts c = o.copy();
        c.allowHalfOpen = value;
        return new TransformOptions(c);
    }

    /** The allowHalfOpen set. */
    public boolean allowHalfOpen() {
        return o.allowHalfOpen;
    }

    /** {@code readable}: false makes a Duplex whose readable side has already ended (default true). */
    public TransformOptions readable(boolean value) {
        Opts c = o.copy();
        c.readable = value;
        return new TransformOptions(c);
    }

    /** The readable set. */
    public boolean readable() {
        return o.readable;
    }

    /** {@code writable}: false makes a Duplex whose writable side has already finished (default true). */
    public TransformOptions writable(boolean value) {
        Opts c = o.copy();
        c.writable = value;
        return new TransformOptions(c);
    }

    /** The writable set. */
    public boolean writable() {
        return o.writable;
    }

    /** {@code readableObjectMode}: object mode for the readable side only. */
    public TransformOptions readableObjectMode(boolean value) {
        Opts c = o.copy();
        c.readableObjectMode = value;
        return new TransformOptions(c);
    }

    /** The readableObjectMode set. */
    public boolean readableObjectMode() {
        return o.readableObjectMode;
    }

    /** {@code writableObjectMode}: object mode for the writable side only. */
    public TransformOptions writableObjectMode(boolean value) {
        Opts c = o.copy();
        c.writableObjectMode = value;
        return new TransformOptions(c);
    }

    /** The writableObjectMode set. */
    public boolean writableObjectMode() {
        return o.writableObjectMode;
    }

    /** {@code readableHighWaterMark}: used when {@code highWaterMark} is not set. */
    public TransformOptions readableHighWaterMark(int value) {
        Opts c = o.copy();
        c.readableHighWaterMark = value;
        return new TransformOptions(c);
    }

    /** The readableHighWaterMark set, or {@code null} for the default. */
    public Integer readableHighWaterMark() {
        return o.readableHighWaterMark;
    }

    /** {@code writableHighWaterMark}: used when {@code highWaterMark} is not set. */
    public TransformOptions writableHighWaterMark(int value) {
        Opts c = o.copy();
        c.writableHighWaterMark = value;
        return new TransformOptions(c);
    }

    /** The writableHighWaterMark set, or {@code null} for the default. */
    public Integer writableHighWaterMark() {
        return o.writableHighWaterMark;
    }

    /** {@code transform(chunk, encoding, cb)}: Node's {@code _transform}. */
    public TransformOptions transform(Functions.TransformFn value) {
        Opts c = o.copy();
        c.transform = value;
        return new TransformOptions(c);
    }

    /** {@code flush(cb)}: Node's {@code _flush}. */
    public TransformOptions flush(Functions.FlushFn value) {
        Opts c = o.copy();
        c.flush = value;
        return new TransformOptions(c);
    }

}
