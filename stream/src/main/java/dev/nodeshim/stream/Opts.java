package dev.nodeshim.stream;

/** Every option of every stream kind, as one mutable bag that the public option values copy-on-write. */
final class Opts implements Cloneable {
    Integer highWaterMark;
    Integer readableHighWaterMark;
    Integer writableHighWaterMark;
    /** null when not set (Readable.from defaults it to true). */
    Boolean objectMode;
    boolean readableObjectMode;
    boolean writableObjectMode;
    String encoding;
    String defaultEncoding;
    boolean decodeStrings = true;
    boolean emitClose = true;
    boolean autoDestroy = true;
    boolean allowHalfOpen = true;
    boolean readable = true;
    boolean writable = true;
    Functions.ReadFn read;
    Functions.WriteFn write;
    Functions.WritevFn writev;
    Functions.FinalFn finalFn;
    Functions.DestroyFn destroy;
    Functions.ConstructFn construct;
    Functions.TransformFn transform;
    Functions.FlushFn flush;

    Opts copy() {
        try {
            return (Opts) clone();
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }
}
