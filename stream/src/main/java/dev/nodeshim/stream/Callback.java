package dev.nodeshim.stream;

/**
 * Node's error-first callback {@code (err) => …}: {@code err} is {@code null} on success.
 *
 * <p>Used for write callbacks, {@code end} callbacks, {@code _write}/{@code _final}/{@code _destroy}
 * completions, {@code finished} and {@code pipeline}. Where Node calls {@code cb()} with no argument,
 * nodeshim calls {@code cb.call(null)}.
 */
@FunctionalInterface
public interface Callback {
    /** Called once with the error, or {@code null} when there was none. */
    void call(Throwable err);
}
