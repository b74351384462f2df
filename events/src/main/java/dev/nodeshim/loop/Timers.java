package dev.nodeshim.loop;

/**
 * Node's global timer functions, static-import friendly:
 * <pre>{@code
 * import static dev.nodeshim.loop.Timers.*;
 *
 * Timeout t = setTimeout(() -> System.out.println("later"), 100);
 * setImmediate(() -> clearTimeout(t));
 * }</pre>
 * Every function schedules on {@link EventLoop#current()}: the loop running on this thread, or the
 * default loop from any other thread. Node's rules: a delay below 1 or above 2147483647 becomes 1 (the
 * latter with a {@code TimeoutOverflowWarning}); a null callback is {@code ERR_INVALID_ARG_TYPE}; the
 * clear functions accept null and do nothing, as Node's accept {@code undefined}.
 */
public final class Timers {
    private Timers() {
    }

    /** {@code setTimeout(cb, delayMs)}. */
    public static Timeout setTimeout(Runnable cb, long delayMs) {
        return EventLoop.current().setTimeout(cb, delayMs, false);
    }

    /** {@code setTimeout(cb)}: Node's missing delay, which is 1 ms. */
    public static Timeout setTimeout(Runnable cb) {
        return setTimeout(cb, 1);
    }

    /** {@code setInterval(cb, delayMs)}: runs every {@code delayMs} until cleared. */
    public static Timeout setInterval(Runnable cb, long delayMs) {
        return EventLoop.current().setTimeout(cb, delayMs, true);
    }

    /** {@code setInterval(cb)}: every 1 ms. */
    public static Timeout setInterval(Runnable cb) {
        return setInterval(cb, 1);
    }

    /** {@code setImmediate(cb)}: runs in the loop's next check phase. */
    public static Immediate setImmediate(Runnable cb) {
        return EventLoop.current().setImmediate(cb);
    }

    /** {@code clearTimeout(t)}; null does nothing. */
    public static void clearTimeout(Timeout t) {
        if (t != null) {
            t.close();
        }
    }

    /** {@code clearInterval(t)}: the same as {@link #clearTimeout}, as in Node. */
    public static void clearInterval(Timeout t) {
        clearTimeout(t);
    }

    /** {@code clearImmediate(i)}; null does nothing. */
    public static void clearImmediate(Immediate i) {
        if (i != null) {
            i.loop.onLoop(() -> i.loop.immediateClear(i));
        }
    }

    /** {@code queueMicrotask(cb)}. */
    public static void queueMicrotask(Runnable cb) {
        EventLoop.current().queueMicrotask(cb);
    }
}
