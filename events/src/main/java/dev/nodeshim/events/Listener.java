package dev.nodeshim.events;

import java.util.Objects;

/**
 * A listener as a value you can keep, so that removing it later removes exactly what was added.
 *
 * <p><b>Java pitfall.</b> {@code emitter.off("data", this::onData)} removes nothing: every
 * evaluation of a method reference (or lambda expression) may create a new object, and emitters
 * compare listeners by identity, as Node compares functions. Keep the object instead:
 * <pre>{@code
 * Listener onData = Listener.of((Buffer chunk) -> handle(chunk));
 * emitter.on("data", onData);
 * emitter.off("data", onData);      // removes it
 * }</pre>
 * A lambda stored in a variable works the same way ({@code Listener1<Buffer> f = …; on(…, f); off(…, f)}).
 *
 * <p>{@link #ofArgs(ArgsListener)} receives all arguments as an array; {@link #async(AsyncListener)} is a
 * listener whose returned {@code CompletionStage} is watched by emitters with
 * {@code captureRejections}.
 */
public final class Listener extends Handler {
    private static final int ARGS = -1;
    private static final int ASYNC = -2;

    private final Object identity;
    private final Object fn;
    private final int arity;

    private Listener(Object identity, Object fn, int arity) {
        this.identity = identity == null ? this : identity;
        this.fn = fn;
        this.arity = arity;
    }

    /** A handle for a listener of no arguments. */
    public static Listener of(Listener0 fn) {
        return new Listener(null, check(fn), 0);
    }

    /** A handle for a listener of one argument. */
    public static <A> Listener of(Listener1<A> fn) {
        return new Listener(null, check(fn), 1);
    }

    /** A handle for a listener of two arguments. */
    public static <A, B> Listener of(Listener2<A, B> fn) {
        return new Listener(null, check(fn), 2);
    }

    /** A handle for a listener of three arguments. */
    public static <A, B, C> Listener of(Listener3<A, B, C> fn) {
        return new Listener(null, check(fn), 3);
    }

    /** A handle for a listener of four arguments. */
    public static <A, B, C, D> Listener of(Listener4<A, B, C, D> fn) {
        return new Listener(null, check(fn), 4);
    }

    /** A handle for a listener that receives every argument as one array. */
    public static Listener ofArgs(ArgsListener fn) {
        return new Listener(null, check(fn), ARGS);
    }

    /** A handle for an asynchronous listener (see {@link EventEmitter} on {@code captureRejections}). */
    public static Listener async(AsyncListener fn) {
        return new Listener(null, check(fn), ASYNC);
    }

    /** Wraps a raw callback registered directly with {@code on(event, lambda)}: its identity is the lambda. */
    static Listener wrap(Object fn, int arity) {
        return new Listener(check(fn), fn, arity);
    }

    private static <T> T check(T fn) {
        if (fn == null) {
            throw dev.nodeshim.errors.Errors.invalidArgType("listener", "function", null);
        }
        return fn;
    }

    /** The callback this handle calls. */
    public Object callback() {
        return fn;
    }

    @Override
    Object raw() {
        return identity;
    }

    @Override
    Object original() {
        return null;
    }

    private static Object at(Object[] args, int i) {
        return i < args.length ? args[i] : null;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    Object invoke(EventEmitter target, Object[] args) {
        switch (arity) {
            case 0 -> ((Listener0) fn).call();
            case 1 -> ((Listener1) fn).call(at(args, 0));
            case 2 -> ((Listener2) fn).call(at(args, 0), at(args, 1));
            case 3 -> ((Listener3) fn).call(at(args, 0), at(args, 1), at(args, 2));
            case 4 -> ((Listener4) fn).call(at(args, 0), at(args, 1), at(args, 2), at(args, 3));
            case ARGS -> ((ArgsListener) fn).call(args.clone());
            case ASYNC -> {
                return ((AsyncListener) fn).call(args.clone());
            }
            default -> throw new IllegalStateException("arity " + arity);
        }
        return null;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    Object invoke0(EventEmitter target) {
        if (arity == 0) {
            ((Listener0) fn).call();
            return null;
        }
        return invoke(target, NO_ARGS);
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    Object invoke1(EventEmitter target, Object a) {
        switch (arity) {
            case 1 -> ((Listener1) fn).call(a);
            case 0 -> ((Listener0) fn).call();
            case 2 -> ((Listener2) fn).call(a, null);
            default -> {
                return invoke(target, new Object[] {a});
            }
        }
        return null;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    Object invoke2(EventEmitter target, Object a, Object b) {
        switch (arity) {
            case 2 -> ((Listener2) fn).call(a, b);
            case 1 -> ((Listener1) fn).call(a);
            case 0 -> ((Listener0) fn).call();
            default -> {
                return invoke(target, new Object[] {a, b});
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "Listener[" + Objects.toString(fn) + "]";
    }
}
