package dev.nodeshim.stream;

/**
 * Options of a {@link Writable}: {@code WritableOptions.defaults().highWaterMark(1024).write((chunk, enc, cb) -> …)}.
 *
 * <p>An immutable value: every wither returns a new value, so one value can be shared and extended.
 */
public final class WritableOptions {
    final Opts o;

    private WritableOptions(Opts o) {
        this.o = o;
    }

    /** Node's defaults. */
    public static WritableOptions defaults() {
        return new WritableOptions(new Opts());
    }

    /** Node's {@code highWaterMark}: bytes (or objects in object mode) to buffer before pushing back; default 16384 (16 in object mode). Validated when the stream is made. */
    public WritableOptions highWaterMark(int value) {
        Opts c = o.copy();
        c.highWaterMark = value;
        return new WritableOptions(c);
    }

    /** The highWaterMark set, or {@code null} for the default. */
    public Integer highWaterMark() {
        return o.highWaterMark;
    }

    /** {@code objectMode}: chunks are any non-null objects, each counting 1 (default false). */
    public WritableOptions objectMode(boolean value) {
        Opts c = o.copy();
        c.objectMode = value;
        return new WritableOptions(c);
    }

    /** The objectMode set. */
    public boolean objectMode() {
        return Boolean.TRUE.equals(o.objectMode);
    }

    /** {@code emitClose}: emit 'close' after destroy (default true). */
    public WritableOptions emitClose(boolean value) {
        Opts c = o.copy();
        c.emitClose = value;
        return new WritableOptions(c);
    }

    /** The emitClose set. */
    public boolean emitClose() {
        return o.emitClose;
    }

    /** {@code autoDestroy}: destroy after 'end'/'finish' (default true). */
    public WritableOptions autoDestroy(boolean value) {
        Opts c = o.copy();
        c.autoDestroy = value;
        return new WritableOptions(c);
    }

    /** The autoDestroy set. */
    public boolean autoDestroy() {
        return o.autoDestroy;
    }

    /** {@code destroy(err, cb)}: Node's {@code _destroy}. */
    public WritableOptions destroy(Functions.DestroyFn value) {
        Opts c = o.copy();
        c.destroy = value;
        return new WritableOptions(c);
    }

    /** {@code construct(cb)}: Node's {@code _construct}. */
    public WritableOptions construct(Functions.ConstructFn value) {
        Opts c = o.copy();
        c.construct = value;
        return new WritableOptions(c);
    }

    /** {@code decodeStrings}: turn string chunks into Buffers before {@code _write} (default true). */
    public WritableOptions decodeStrings(boolean value) {
        Opts c = o.copy();
        c.decodeStrings = value;
        return new WritableOptions(c);
    }

    /** The decodeStrings set. */
    public boolean decodeStrings() {
        return o.decodeStrings;
    }

    /** {@code defaultEncoding}: the encoding of string chunks written without one (default utf8). */
    public WritableOptions defaultEncoding(String value) {
        Opts c = o.copy();
        c.defaultEncoding = value;
        return new WritableOptions(c);
    }

    /** The defaultEncoding set. */
    public String defaultEncoding() {
        return o.defaultEncoding;
    }

    /** {@code write(chunk, encoding, cb)}: Node's {@code _write}. */
    public WritableOptions write(Functions.WriteFn value) {
        Opts c = o.copy();
        c.write = value;
        return new WritableOptions(c);
    }

    /** {@code writev(chunks, cb)}: Node's {@code _writev}. */
    public WritableOptions writev(Functions.WritevFn value) {
        Opts c = o.copy();
        c.writev = value;
        return new WritableOptions(c);
    }

    /** {@code final(cb)}: Node's {@code _final} ({@code final} is a Java keyword). */
    public WritableOptions final_(Functions.FinalFn value) {
        Opts c = o.copy();
        c.finalFn = value;
        return new WritableOptions(c);
    }

}
