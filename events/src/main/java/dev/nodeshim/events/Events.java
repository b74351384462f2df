package dev.nodeshim.events;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The module-level functions of Node's {@code events}: static-import friendly
 * ({@code import static dev.nodeshim.events.Events.*;}).
 */
public final class Events {
    /** Node's {@code events.errorMonitor}. */
    public static final Symbol errorMonitor = EventEmitter.errorMonitor;

    private Events() {
    }

    /**
     * Node's {@code events.once(emitter, name)}: a future completed with the arguments of the next
     * {@code name} event, or failed with the argument of an {@code 'error'} event emitted first
     * (unless {@code name} is {@code 'error'} itself). Both listeners are removed when either fires.
     * The future completes on the thread that emits, synchronously inside {@code emit}.
     */
    public static CompletableFuture<Object[]> once(EventEmitter emitter, Object name) {
        return once(emitter, name, null);
    }

    /**
     * Node's {@code events.once(emitter, name, {signal})}: as {@link #once(EventEmitter, Object)}, and
     * failed with an {@code AbortError} ({@code ABORT_ERR}, the signal's reason as {@code cause}) when
     * the signal aborts first — then both listeners are removed; a signal already aborted fails it at
     * once without adding any (node 20). A {@code null} signal is no signal.
     */
    public static CompletableFuture<Object[]> once(EventEmitter emitter, Object name, AbortSignal signal) {
        requireEmitter(emitter);
        CompletableFuture<Object[]> result = new CompletableFuture<>();
        if (signal != null && signal.aborted()) {
            result.completeExceptionally(dev.nodeshim.errors.Errors.abortError(signal.reason()));
            return result;
        }
        Object type = EventEmitter.key(name);
        boolean watchErrors = !"error".equals(type);
        Listener[] errorListener = new Listener[1];
        Listener resolver = Listener.ofArgs((Object[] args) -> {
            if (errorListener[0] != null) {
                emitter.removeListener("error", errorListener[0]);
            }
            result.complete(args);
        });
        if (watchErrors) {
            errorListener[0] = Listener.ofArgs((Object[] args) -> {
                emitter.removeListener(type, resolver);
                Object err = args.length > 0 ? args[0] : null;
                result.completeExceptionally(err instanceof Throwable t ? t
                        : dev.nodeshim.errors.Errors.unhandledError(err));
            });
        }
        emitter.once(type, resolver);
        if (watchErrors) {
            emitter.once("error", errorListener[0]);
        }
        if (signal != null) {
            Runnable onAbort = () -> {
                emitter.removeListener(type, resolver);
                if (errorListener[0] != null) {
                    emitter.removeListener("error", errorListener[0]);
                }
                result.completeExceptionally(dev.nodeshim.errors.Errors.abortError(signal.reason()));
            };
            signal.addEventListener("abort", onAbort);
            result.whenComplete((args, err) -> signal.removeEventListener("abort", onAbort));
        }
        return result;
    }

    /**
     * Node's {@code events.on(emitter, name)}: every later {@code name} event as an iterator of
     * argument arrays, ending with the {@code 'error'} it fails with, or when one of
     * {@code closeEvents} is emitted or the iterator is closed. See {@link EventIterator}.
     */
    public static EventIterator on(EventEmitter emitter, Object name, Object... closeEvents) {
        requireEmitter(emitter);
        return new EventIterator(emitter, EventEmitter.key(name), closeEvents);
    }

    /**
     * Node's {@code events.on(emitter, name, {signal})}: as {@link #on(EventEmitter, Object, Object...)};
     * when the signal aborts, the events already received are still given out, then the iteration
     * fails with an {@code AbortError} ({@code ABORT_ERR}, the reason as {@code cause}) and its
     * listeners are removed. A signal already aborted throws that error at once (node 20).
     */
    public static EventIterator on(EventEmitter emitter, Object name, AbortSignal signal, Object... closeEvents) {
        requireEmitter(emitter);
        if (signal != null && signal.aborted()) {
            throw dev.nodeshim.errors.Errors.abortError(signal.reason());
        }
        return new EventIterator(emitter, EventEmitter.key(name), signal, closeEvents);
    }

    /** Node's {@code events.listenerCount(emitter, name)} (deprecated in Node, kept for ports). */
    public static int listenerCount(EventEmitter emitter, Object name) {
        requireEmitter(emitter);
        return emitter.listenerCount(name);
    }

    /** Node's {@code events.getEventListeners(emitter, name)}: a copy of the listeners. */
    public static List<Object> getEventListeners(EventEmitter emitter, Object name) {
        requireEmitter(emitter);
        return emitter.listeners(name);
    }

    /** Node's {@code events.getMaxListeners(emitter)}. */
    public static double getMaxListeners(EventEmitter emitter) {
        requireEmitter(emitter);
        return emitter.getMaxListeners();
    }

    /**
     * Node's {@code events.setMaxListeners(n, ...emitters)}: sets the limit on each emitter, or
     * {@link EventEmitter#defaultMaxListeners()} when none is given.
     */
    public static void setMaxListeners(double n, EventEmitter... emitters) {
        EventEmitter.validateMax(n, "setMaxListeners");
        if (emitters == null || emitters.length == 0) {
            EventEmitter.setDefaultMaxListeners(n);
            return;
        }
        for (EventEmitter e : emitters) {
            requireEmitter(e).setMaxListeners(n);
        }
    }

    /** Node's {@code EventEmitter.defaultMaxListeners}. */
    public static double defaultMaxListeners() {
        return EventEmitter.defaultMaxListeners();
    }

    private static EventEmitter requireEmitter(EventEmitter emitter) {
        if (emitter == null) {
            throw dev.nodeshim.errors.Errors.invalidArgType("emitter", "EventEmitter", null);
        }
        return emitter;
    }
}
