package dev.nodeshim.cluster;

import dev.nodeshim.loop.Timeout;
import dev.nodeshim.loop.Timers;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Options of a {@link Supervisor}: an immutable value, each wither returns a copy. Defaults are PM2's
 * exponential backoff ({@code --exp-backoff-restart-delay=100}): the first restart after 100 ms, each
 * further one ×1.5, at most 15 s; a worker that stayed up 30 s counts as stable and starts the series
 * again; and PM2's crash-loop limit of 16 unstable restarts in a row ({@code max_restarts}), after which
 * the slot is given up ({@code 'errored'}).
 *
 * <p>The clock and the scheduler are injectable so that tests do not sleep: {@link #clock} gives
 * milliseconds (default {@code System.nanoTime()/1e6}), {@link #scheduler} runs a restart after a delay
 * (default the loop's {@code setTimeout}).
 */
public final class SupervisorOptions {
    /** Runs {@code task} after {@code delayMs} on the loop; the returned handle cancels it. */
    @FunctionalInterface
    public interface Scheduler {
        Runnable schedule(Runnable task, long delayMs);

        /** The same for a periodic check that must not keep the loop alive by itself (default: as schedule). */
        default Runnable scheduleUnref(Runnable task, long delayMs) {
            return schedule(task, delayMs);
        }
    }

    private static final Scheduler TIMERS = new Scheduler() {
        @Override
        public Runnable schedule(Runnable task, long delayMs) {
            Timeout t = Timers.setTimeout(task, delayMs);
            return () -> Timers.clearTimeout(t);
        }

        @Override
        public Runnable scheduleUnref(Runnable task, long delayMs) {
            Timeout t = Timers.setTimeout(task, delayMs).unref();
            return () -> Timers.clearTimeout(t);
        }
    };
    private static final SupervisorOptions DEFAULTS = new SupervisorOptions(100, 1.5, 15_000, 30_000, 16,
            () -> System.nanoTime() / 1_000_000, TIMERS, 0, 30_000, false);

    final long initialDelayMs;
    final double factor;
    final long maxDelayMs;
    final long stableAfterMs;
    final int maxRestarts;
    final LongSupplier clock;
    final Scheduler scheduler;
    /** 0: no limit. */
    final long maxMemory;
    final long memoryCheckMs;
    /** PM2's {@code wait_ready}: a reload's replacement counts when it sends {@code "ready"}, not when it listens. */
    final boolean waitReady;

    private SupervisorOptions(long initialDelayMs, double factor, long maxDelayMs, long stableAfterMs, int maxRestarts,
            LongSupplier clock, Scheduler scheduler, long maxMemory, long memoryCheckMs, boolean waitReady) {
        this.initialDelayMs = initialDelayMs;
        this.factor = factor;
        this.maxDelayMs = maxDelayMs;
        this.stableAfterMs = stableAfterMs;
        this.maxRestarts = maxRestarts;
        this.clock = clock;
        this.scheduler = scheduler;
        this.maxMemory = maxMemory;
        this.memoryCheckMs = memoryCheckMs;
        this.waitReady = waitReady;
    }

    /** PM2's defaults (above). */
    public static SupervisorOptions defaults() {
        return DEFAULTS;
    }

    /** The delay before the first restart of a series. */
    public SupervisorOptions initialDelay(Duration d) {
        return new SupervisorOptions(nonNegative(d), factor, maxDelayMs, stableAfterMs, maxRestarts, clock, scheduler,
                maxMemory, memoryCheckMs, waitReady);
    }

    /** The factor applied to the delay at each further restart (at least 1). */
    public SupervisorOptions factor(double f) {
        if (!(f >= 1)) {
            throw new IllegalArgumentException("factor must be >= 1: " + f);
        }
        return new SupervisorOptions(initialDelayMs, f, maxDelayMs, stableAfterMs, maxRestarts, clock, scheduler,
                maxMemory, memoryCheckMs, waitReady);
    }

    /** The longest delay. */
    public SupervisorOptions maxDelay(Duration d) {
        return new SupervisorOptions(initialDelayMs, factor, nonNegative(d), stableAfterMs, maxRestarts, clock, scheduler,
                maxMemory, memoryCheckMs, waitReady);
    }

    /** The uptime after which a worker's exit starts a new series (delay and count reset). */
    public SupervisorOptions stableAfter(Duration d) {
        return new SupervisorOptions(initialDelayMs, factor, maxDelayMs, nonNegative(d), maxRestarts, clock, scheduler,
                maxMemory, memoryCheckMs, waitReady);
    }

    /** Unstable restarts in a row after which the slot is given up. */
    public SupervisorOptions maxRestarts(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("maxRestarts must be >= 0: " + n);
        }
        return new SupervisorOptions(initialDelayMs, factor, maxDelayMs, stableAfterMs, n, clock, scheduler,
                maxMemory, memoryCheckMs, waitReady);
    }

    /** The clock, in milliseconds (any origin). */
    public SupervisorOptions clock(LongSupplier millis) {
        return new SupervisorOptions(initialDelayMs, factor, maxDelayMs, stableAfterMs, maxRestarts,
                java.util.Objects.requireNonNull(millis, "clock"), scheduler, maxMemory, memoryCheckMs, waitReady);
    }

    /** How a restart is delayed. */
    public SupervisorOptions scheduler(Scheduler s) {
        return new SupervisorOptions(initialDelayMs, factor, maxDelayMs, stableAfterMs, maxRestarts, clock,
                java.util.Objects.requireNonNull(s, "scheduler"), maxMemory, memoryCheckMs, waitReady);
    }

    /**
     * PM2's {@code max_memory_restart}: a worker whose RSS (as it reports it) is above {@code bytes} at a
     * check is replaced by a rolling reload of its slot, without dropping a request. 0 (the default)
     * means no limit.
     */
    public SupervisorOptions maxMemory(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("maxMemory must be >= 0: " + bytes);
        }
        return new SupervisorOptions(initialDelayMs, factor, maxDelayMs, stableAfterMs, maxRestarts, clock, scheduler,
                bytes, memoryCheckMs, waitReady);
    }

    /** How often {@link #maxMemory} is checked: every 30 s by default, as PM2's worker does. */
    public SupervisorOptions memoryCheckInterval(Duration d) {
        return new SupervisorOptions(initialDelayMs, factor, maxDelayMs, stableAfterMs, maxRestarts, clock, scheduler,
                maxMemory, Math.max(1, nonNegative(d)), waitReady);
    }

    /**
     * PM2's {@code wait_ready}: during a reload, a replacement takes its slot when it sends the message
     * {@code "ready"} ({@code process.send("ready")}) rather than when it listens — for a worker that
     * has more to do after binding (warming a cache, connecting to a database), or that serves no port.
     * The reload's timeout then runs until that message. Off by default.
     */
    public SupervisorOptions waitReady(boolean on) {
        return new SupervisorOptions(initialDelayMs, factor, maxDelayMs, stableAfterMs, maxRestarts, clock, scheduler,
                maxMemory, memoryCheckMs, on);
    }

    private static long nonNegative(Duration d) {
        if (d == null || d.isNegative()) {
            throw new IllegalArgumentException("a delay must be >= 0: " + d);
        }
        return d.toMillis();
    }
}
