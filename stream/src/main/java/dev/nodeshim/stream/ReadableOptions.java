package dev.nodeshim.stream;

/**
 * Options of a {@link Readable}: {@code ReadableOptions.defaults().highWaterMark(1024).objectMode(true)}.
 *
 * <p>An immutable value: every wither returns a new value, so one value can be shared and extended.
 */
public final class ReadableOptions {
    final Opts o;

    private ReadableOptions(Opts o) {
        this.o = o;
    }

    static ReadableOptions wrap(Opts o) {
        return new ReadableOptions(o);
    }

    /** Node's defaults. */
    public static ReadableOptions defaults() {
        return new ReadableOptions(new Opts());
    }

    /** Node's {@code highWaterMark}: bytes (or objects in object mode) to buffer before pushing back; default 16384 (16 in object mode). Validated when the stream is made. */
    public ReadableOptions highWaterMark(int value) {
        Opts c = o.copy();
        c.highWaterMark = value;
        return new ReadableOptions(c);
    }

    /** The highWaterMark set, or {@code null} for the default. */
    public Integer highWaterMark() {
        return o.highWaterMark;
    }

    /** {@code objectMode}: chunks are any non-null objects, each counting 1 (default false). */
    public ReadableOptions objectMode(boolean value) {
        Opts c = o.copy();
        c.objectMode = value;
        return new ReadableOptions(c);
    }

    /** The objectMode set. */
    public boolean objectMode() {
        return Boolean.TRUE.equals(o.objectMode);
    }

    /** {@code emitClose}: emit 'close' after destroy (default true). */
    public ReadableOptions emitClose(boolean value) {
        Opts c = o.copy();
        c.emitClose = value;
        return new ReadableOptions(c);
    }

    /** The emitClose set. */
    public boolean emitClose() {
        return o.emitClose;
    }

    /** {@code autoDestroy}: destroy after 'end'/'finish' (default true). */
    public ReadableOptions autoDestroy(boolean value) {
        Opts c = o.copy();
        c.autoDestroy = value;
        return new ReadableOptions(c);
    }

    /** The autoDestroy set. */
    public boolean autoDestroy() {
        return o.autoDestroy;
    }

    /** {@code destroy(err, cb)}: Node's {@code _destroy}. */
    public ReadableOptions destroy(Functions.DestroyFn value) {
        Opts c = o.copy();
        c.destroy = value;
        return new ReadableOptions(c);
    }

    /** {@code construct(cb)}: Node's {@code _construct}. */
    public ReadableOptions construct(Functions.ConstructFn value) {
        Opts c = o.copy();
        c.construct = value;
        return new ReadableOptions(c);
    }

    /** {@code encoding}: decode data to strings, as {@code setEncoding} (default none). */
    public ReadableOptions encoding(String value) {
        Opts c = o.copy();
        c.encoding = value;
        return new ReadableOptions(c);
    }

    /** The encoding set. */
    public String encoding() {
        return o.encoding;
    }

    /** {@code read(size)}: Node's {@code _read}. */
    public ReadableOptions read(Functions.ReadFn value) {
        Opts c = o.copy();
        c.read = value;
        return new ReadableOptions(c);
    }

}
