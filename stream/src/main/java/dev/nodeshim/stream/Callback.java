package dev.nodeshim.stream;

/**
 * Node's error-first completion callback, {@code (err) => …}: called with {@code null} on success.
 *
 * <p>Used both ways: the {@code callback} handed to your {@code _write}, {@code _final},
 * {@code _construct} and {@code _destroy} (call it exactly once: {@code cb.call()} or
 * {@code cb.call(err)}), and the callbacks you give to {@code write}, {@code end}, {@code finished}
 * and {@code pipeline}.
 */
@FunctionalInterface
public interface Callback {
    /** Completes with {@code err}, or successfully when {@code err} is {@code null}. */
    void call(Throwable err);

    /** Completes successfully: Node's {@code callback()}. */
    default void call() {
        call(null);
    }
}
