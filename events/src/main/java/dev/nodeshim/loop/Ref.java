package dev.nodeshim.loop;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A reason for an {@link EventLoop} to stay alive: a live child process, an open IPC channel, a
 * listening server. While at least one {@code Ref} is held, the loop keeps waiting for completions
 * posted with {@link EventLoop#execute} instead of finishing (Node's ref'd libuv handle).
 *
 * <p>Usable from any thread. {@link #unref()} and {@link #close()} are the same operation and are
 * idempotent; {@link #ref()} takes the reference again. Releasing the last reference wakes a loop that
 * is waiting, so it can finish.
 */
public final class Ref implements AutoCloseable {
    private final EventLoop loop;
    private final AtomicBoolean held = new AtomicBoolean(true);

    Ref(EventLoop loop) {
        this.loop = loop;
    }

    /** Takes the reference again after {@link #unref()}; a no-op while held. Returns this. */
    public Ref ref() {
        if (held.compareAndSet(false, true)) {
            loop.acquireRef();
        }
        return this;
    }

    /** Releases the reference; a no-op when already released. Returns this. */
    public Ref unref() {
        if (held.compareAndSet(true, false)) {
            loop.releaseRef();
        }
        return this;
    }

    /** Whether this reference is held. */
    public boolean hasRef() {
        return held.get();
    }

    /** {@link #unref()}: the handle is done (try-with-resources friendly). */
    @Override
    public void close() {
        unref();
    }
}
