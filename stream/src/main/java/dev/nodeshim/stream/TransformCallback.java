package dev.nodeshim.stream;

/**
 * The callback of {@code _transform} and {@code _flush}: Node's {@code callback(err, data)}. A
 * non-null {@code data} is pushed to the readable side before the callback completes, as if
 * {@code push(data)} had been called first.
 */
@FunctionalInterface
public interface TransformCallback {
    /** {@code callback(err, data)}. */
    void call(Throwable err, Object data);

    /** {@code callback()}: this chunk is done, nothing more to push. */
    default void call() {
        call(null, null);
    }

    /** {@code callback(err)}. */
    default void call(Throwable err) {
        call(err, null);
    }
}
