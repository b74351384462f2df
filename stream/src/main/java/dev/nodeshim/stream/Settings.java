package dev.nodeshim.stream;

import java.util.function.Consumer;

/**
 * The fields behind every options class: one mutable bag, copied on each wither, so the public
 * options stay immutable values. A {@code null} field means "not given": the stream then uses
 * Node's default, which may depend on other fields (objectMode's highWaterMark is 16, not 16384).
 */
final class Settings implements Cloneable {
    static final Settings EMPTY = new Settings();

    Long highWaterMark;
    Long readableHighWaterMark;
    Long writableHighWaterMark;
    Boolean objectMode;
    Boolean readableObjectMode;
    Boolean writableObjectMode;
    String encoding;
    String defaultEncoding;
    Boolean decodeStrings;
    Boolean emitClose;
    Boolean autoDestroy;
    Boolean allowHalfOpen;

    Impl.Read read;
    Impl.Write write;
    Impl.Writev writev;
    Impl.Final fin;
    Impl.Destroy destroy;
    Impl.Construct construct;
    Impl.TransformFn transform;
    Impl.Flush flush;

    Settings with(Consumer<Settings> change) {
        try {
            Settings copy = (Settings) clone();
            change.accept(copy);
            return copy;
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }

    static Object requireFunction(Object fn, String name) {
        if (fn == null) {
            throw dev.nodeshim.errors.Errors.invalidArgType(name, "function", null);
        }
        return fn;
    }
}
