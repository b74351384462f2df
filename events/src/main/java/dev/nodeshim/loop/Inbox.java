package dev.nodeshim.loop;

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
 */
final class Inbox {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private ArrayDeque<Runnable> items = new ArrayDeque<>();
    private boolean woken;
    private boolean interrupted;

    void post(Runnable task) {
        lock.lock();
        try {
            items.add(task);
            changed.signal();
        } finally {
            lock.unlock();
        }
    }

    void wakeup() {
        lock.lock();
        try {
            woken = true;
            changed.signal();
        } finally {
            lock.unlock();
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
