package dev.nodeshim.loop;

import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * Node's two per-callback queues: the {@code process.nextTick} queue and the microtask queue
 * ({@code queueMicrotask}, promise reactions). Loop thread only.
 *
 * <p>{@link #drain} mirrors Node's {@code processTicksAndRejections}: run every queued tick, ticks
 * queued by ticks included; then run every microtask, microtasks queued by microtasks included; repeat
 * while ticks were queued by the microtasks. So a tick always runs before a microtask queued earlier,
 * and {@code queueMicrotask(() -> { nextTick(a); queueMicrotask(b); })} runs {@code b} before {@code a}.
 *
 * <p>A callback that throws stops the drain: the error goes to the loop's uncaught-exception handler
 * and the callbacks still queued wait for the next drain, which (as in Node) comes after the next
 * callback that completes normally.
 */
final class TickQueue {
    private final ArrayDeque<Runnable> ticks = new ArrayDeque<>();
    private final ArrayDeque<Runnable> microtasks = new ArrayDeque<>();

    void nextTick(Runnable cb) {
        ticks.add(cb);
    }

    void queueMicrotask(Runnable cb) {
        microtasks.add(cb);
    }

    boolean isEmpty() {
        return ticks.isEmpty() && microtasks.isEmpty();
    }

    /** Runs the queues dry; returns false if a callback threw (reported to {@code uncaught}). */
    boolean drain(Consumer<Throwable> uncaught, java.util.function.BooleanSupplier stopped) {
        do {
            Runnable cb;
            while ((cb = ticks.poll()) != null) {
                if (!runOne(cb, uncaught) || stopped.getAsBoolean()) {
                    return false;
                }
            }
            while ((cb = microtasks.poll()) != null) {
                // V8 reports a throwing microtask and goes on with the next one.
                if (!runOne(cb, uncaught) && stopped.getAsBoolean()) {
                    return false;
                }
            }
        } while (!ticks.isEmpty());
        return true;
    }

    private static boolean runOne(Runnable cb, Consumer<Throwable> uncaught) {
        try {
            cb.run();
            return true;
        } catch (Throwable e) {
            uncaught.accept(e);
            return false;
        }
    }

    void clear() {
        ticks.clear();
        microtasks.clear();
    }
}
