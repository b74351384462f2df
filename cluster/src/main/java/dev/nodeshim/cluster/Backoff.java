package dev.nodeshim.cluster;

/**
 * The restart policy of one supervised slot, PM2's exponential backoff: after an unexpected exit, the
 * delay before the restart is {@code initial × factor^n} capped at {@code max}, where {@code n} counts
 * the restarts since the slot was last stable; a worker that was up at least {@code stableAfter}
 * resets {@code n} to 0 (so its exit waits only {@code initial}). When {@code n} has reached
 * {@code maxRestarts}, the slot is in a crash loop and is not restarted.
 *
 * <p>PM2's docs say the delay "resets to 0 ms" once the app is stable; we restart a stable worker's
 * slot after the initial delay, which keeps a worker that crashes every 31 s from restarting in a
 * tight loop, and is otherwise the same.
 */
final class Backoff {
    private final SupervisorOptions o;
    private int restarts;

    Backoff(SupervisorOptions o) {
        this.o = o;
    }

    /**
     * An unexpected exit after {@code uptimeMs}: the delay before the restart, or -1 when the crash
     * loop limit is reached.
     */
    long onExit(long uptimeMs) {
        if (uptimeMs >= o.stableAfterMs) {
            restarts = 0;
        }
        if (restarts >= o.maxRestarts) {
            return -1;
        }
        double d = o.initialDelayMs * Math.pow(o.factor, restarts);
        restarts++;
        return (long) Math.min(o.maxDelayMs, d);
    }

    /** Restarts since the slot was last stable. */
    int restarts() {
        return restarts;
    }
}
