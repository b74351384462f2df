package dev.nodeshim.events;

/**
 * Node's (the web's) {@code AbortController}: {@link #signal()} is handed to an operation,
 * {@link #abort()} asks it to stop. Loop-confined, like the signal.
 *
 * <pre>{@code
 * AbortController ac = new AbortController();
 * ChildProcess c = spawn("sleep", List.of("5"), SpawnOptions.defaults().signal(ac.signal()));
 * ac.abort();   // c gets 'error' (AbortError) and is killed with its killSignal
 * }</pre>
 */
public final class AbortController {
    private final AbortSignal signal = new AbortSignal();

    /** {@code controller.signal}. */
    public AbortSignal signal() {
        return signal;
    }

    /** {@code controller.abort()}: the default reason, an AbortError. A second call does nothing. */
    public void abort() {
        signal.fire(null);
    }

    /** {@code controller.abort(reason)}. */
    public void abort(Object reason) {
        signal.fire(reason);
    }
}
