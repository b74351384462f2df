package dev.nodeshim.loop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Selector;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The loop's one door from other threads: a multi-producer queue of completions that the loop thread
 * takes in its poll phase, blocking until something is posted, a wake-up is requested or a timeout
 * (the next timer) expires.
 *
 * <p>A lock and a condition, not a lock-free queue: a post costs one uncontended lock in the common
 * case, the loop takes everything posted so far in one batch, and the timed wait needs the lock anyway.
 * A {@link #wakeup()} with nothing posted (e.g. the last {@link Ref} released) is remembered, so it is
 * never lost between the loop's check and its wait.
 *
 * <p>Once the loop watches channels ({@link EventLoop#watch}) it waits in its {@link Selector} instead
 * of on the condition ({@link #awaitIo}); a post then wakes the selector, but only while the loop is
 * actually in {@code select} (a post to a busy loop costs no system call).
 */
final class Inbox {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private ArrayDeque<Runnable> items = new ArrayDeque<>();
    private boolean woken;
    private boolean interrupted;
    /** The loop's selector once it watches a channel (set on the loop thread, read under the lock). */
    private Selector selector;
    /** The loop thread is in (or about to enter) {@code select}: posts must wake the selector. */
    private boolean selecting;

    void post(Runnable task) {
        Selector wake;
        lock.lock();
        try {
            items.add(task);
            wake = selecting ? selector : null;
            changed.signal();
        } finally {
            lock.unlock();
        }
        if (wake != null) {
            wake.wakeup();
        }
    }

    void wakeup() {
        Selector wake;
        lock.lock();
        try {
            woken = true;
            wake = selecting ? selector : null;
            changed.signal();
        } finally {
            lock.unlock();
        }
        if (wake != null) {
            wake.wakeup();
        }
    }

    /** The selector the loop waits in from now on (loop thread). */
    void useSelector(Selector s) {
        lock.lock();
        try {
            selector = s;
        } finally {
            lock.unlock();
        }
    }

    /** The loop's selector, or null while it watches no channel (loop thread). */
    Selector selector() {
        return selector;
    }

    /**
     * With a selector: waits up to {@code timeoutNanos} (negative: without limit, zero: not at all) in
     * {@code select} until a channel is ready, something is posted or a wake-up is requested; the
     * caller then handles the selected keys and {@link #take}s the posts with no wait.
     */
    void awaitIo(long timeoutNanos) {
        lock.lock();
        boolean idle;
        try {
            idle = items.isEmpty() && !woken && timeoutNanos != 0;
            selecting = idle;
        } finally {
            lock.unlock();
        }
        try {
            if (!idle) {
                selector.selectNow();
            } else if (timeoutNanos < 0) {
                selector.select();
            } else {
                // select(0) would wait forever: a positive timeout waits at least a millisecond
                selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(timeoutNanos + 999_999)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the event loop's selector failed", e);
        } finally {
            // The loop is not interruptible (Node's is not either): the flag comes back after run
            boolean wasInterrupted = Thread.interrupted();
            lock.lock();
            try {
                selecting = false;
                interrupted |= wasInterrupted;
            } finally {
                lock.unlock();
            }
        }
    }

    boolean isEmpty() {
        lock.lock();
        try {
            return items.isEmpty();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Takes everything posted so far, first waiting up to {@code timeoutNanos} (negative: without limit,
     * zero: not at all) while nothing is posted and no wake-up is pending.
     */
    ArrayDeque<Runnable> take(long timeoutNanos) {
        lock.lock();
        try {
            long left = timeoutNanos;
            while (items.isEmpty() && !woken && left != 0) {
                if (left < 0) {
                    try {
                        changed.await();
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                } else {
                    try {
                        left = changed.awaitNanos(left);
                    } catch (InterruptedException e) {
                        // The loop is not interruptible (Node's is not either); the caller of
                        // EventLoop.run gets the flag back when run returns.
                        interrupted = true;
                    }
                    if (left < 0) {
                        left = 0;
                    }
                }
            }
            woken = false;
            ArrayDeque<Runnable> batch = items;
            items = new ArrayDeque<>();
            return batch;
        } finally {
            lock.unlock();
        }
    }

    /** Whether a wait swallowed an interrupt since the last call (loop thread only). */
    boolean consumeInterrupt() {
        lock.lock();
        try {
            boolean was = interrupted;
            interrupted = false;
            return was;
        } finally {
            lock.unlock();
        }
    }

    static long millisToNanos(long ms) {
        return TimeUnit.MILLISECONDS.toNanos(ms);
    }
}
