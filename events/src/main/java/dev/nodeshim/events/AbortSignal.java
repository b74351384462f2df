package dev.nodeshim.events;

import dev.nodeshim.errors.NodeError;
import dev.nodeshim.loop.Timeout;
import dev.nodeshim.loop.Timers;
import java.util.ArrayList;
import java.util.List;

/**
 * Node's (the web's) {@code AbortSignal}: whether an operation was asked to stop, and why. Made by an
 * {@link AbortController}, or by {@link #abort(Object)} / {@link #timeout(long)}; APIs that take a
 * signal ({@code spawn}, {@code exec}, {@code fork} …) stop their work when it aborts.
 *
 * <p>Like every nodeshim object it belongs to the loop thread: abort and listen there. Listeners run
 * synchronously, in the order they were added, when the signal aborts (once: a signal aborts only
 * once; a listener added afterwards never runs — check {@link #aborted()} first, as in Node).
 *
 * <p>The default reasons are Node's {@code DOMException}s, here {@link NodeError}s with the same name,
 * message and numeric {@code code} prop: {@code AbortError: This operation was aborted} (code 20) and
 * {@code TimeoutError: The operation was aborted due to timeout} (code 23).
 */
public final class AbortSignal {
    private final List<Runnable> listeners = new ArrayList<>();
    private boolean aborted;
    private Object reason;

    AbortSignal() {
    }

    /** {@code AbortSignal.abort([reason])}: a signal that is already aborted. */
    public static AbortSignal abort() {
        return abort(null);
    }

    /** {@code AbortSignal.abort(reason)}; a {@code null} reason is the default AbortError. */
    public static AbortSignal abort(Object reason) {
        AbortSignal s = new AbortSignal();
        s.fire(reason);
        return s;
    }

    /**
     * {@code AbortSignal.timeout(ms)}: aborts with a TimeoutError after {@code ms}; its timer is unref'd,
     * as Node's, so it never keeps the loop alive.
     */
    public static AbortSignal timeout(long ms) {
        AbortSignal s = new AbortSignal();
        Timeout t = Timers.setTimeout(() -> s.fire(domException("TimeoutError",
                "The operation was aborted due to timeout", 23)), ms);
        t.unref();
        return s;
    }

    /** {@code signal.aborted}. */
    public boolean aborted() {
        return aborted;
    }

    /** {@code signal.reason}: {@code null} (Node: undefined) until aborted. */
    public Object reason() {
        return reason;
    }

    /** {@code signal.throwIfAborted()}: throws the reason (a non-exception reason wrapped, see below). */
    public void throwIfAborted() {
        if (aborted) {
            throw asThrowable(reason);
        }
    }

    /** {@code signal.addEventListener('abort', listener)}. Other event types are refused. */
    public void addEventListener(String type, Runnable listener) {
        requireAbort(type);
        if (listener == null) {
            throw dev.nodeshim.errors.Errors.invalidArgType("listener", "function", null);
        }
        listeners.add(listener);
    }

    /** {@code signal.removeEventListener('abort', listener)}: the same object that was added. */
    public void removeEventListener(String type, Runnable listener) {
        requireAbort(type);
        listeners.remove(listener);
    }

    private static void requireAbort(String type) {
        if (!"abort".equals(type)) {
            throw new IllegalArgumentException("an AbortSignal has only the 'abort' event, not " + type);
        }
    }

    /** Aborts (once) and runs the listeners. */
    void fire(Object why) {
        if (aborted) {
            return;
        }
        aborted = true;
        reason = why != null ? why : domException("AbortError", "This operation was aborted", 20);
        for (Runnable l : List.copyOf(listeners)) {
            l.run();
        }
        listeners.clear();
    }

    private static NodeError domException(String name, String message, int code) {
        return new NodeError(name, null, message).withProp("code", code);
    }

    /**
     * A reason to throw: itself when it is a {@link RuntimeException}; otherwise a NodeError
     * {@code AbortError} carrying it as {@code cause} (Java can throw only Throwables; Node throws the
     * value itself).
     */
    static RuntimeException asThrowable(Object reason) {
        if (reason instanceof RuntimeException r) {
            return r;
        }
        return dev.nodeshim.errors.Errors.abortError(reason);
    }
}
