package dev.nodeshim.stream;

/**
 * The callback of {@code _transform} and {@code _flush}: Node's {@code callback(err, data)}. A
 * non-null {@code data} is pushed before the callback completes, as if by {@code push(data)}.
 */
@FunctionalInterface
public interface TransformCallback {
    /** Completes the transform (or flush) with {@code err}, pushing {@code data} first when it is not {@code null}. */
    void call(Throwable err, Object data);

    /** Node's {@code callback(err)} / {@code callback()}: {@code call(err, null)}. */
    default void call(Throwable err) {
        call(err, null);
    }
}
