package dev.nodeshim.events;

import dev.nodeshim.loop.EventLoop;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The iterator of {@link Events#on}: Node's async iterator of events, for Java consumers.
 *
 * <p>Events are queued from the moment it is created, so none is missed. It ends when closed,
 * when one of its close events is emitted, or after an {@code 'error'} event, which
 * {@link #next()} rethrows once the events queued before it are consumed (Node's order).
 *
 * <p>Two ways to consume:
 * <ul>
 * <li>{@link #nextAsync()} — a future per event, for code on the event loop (never block the loop).</li>
 * <li>{@code for (Object[] args : iterator)} — blocking, for a thread of your own while the emitter
 *     lives on its loop. Calling {@code hasNext()} on the emitting thread with nothing queued would
 *     wait forever, so it throws {@link IllegalStateException} instead.</li>
 * </ul>
 * Close it (try-with-resources) to remove its listeners; from another thread the removal is
 * posted to the loop the iterator was created on.
 */
public final class EventIterator implements Iterator<Object[]>, Iterable<Object[]>, AutoCloseable {
    private final EventEmitter emitter;
    private final Object type;
    private final Object[] closeEvents;
    private final Thread owner;
    private final EventLoop loop;
    private final Listener onEvent;
    private final Listener onError;
    private final Listener onClose;
    private final AbortSignal signal;
    private final Runnable onAbort;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<Object[]> queue = new ArrayDeque<>();
    private final ArrayDeque<CompletableFuture<Optional<Object[]>>> waiting = new ArrayDeque<>();
    private Throwable error;
    private boolean finished;

    EventIterator(EventEmitter emitter, Object type, Object[] closeEvents) {
        this(emitter, type, null, closeEvents);
    }

    /** With a signal: its abort ends the iteration with an AbortError, after the events already queued. */
    EventIterator(EventEmitter emitter, Object type, AbortSignal signal, Object[] closeEvents) {
        this.emitter = emitter;
        this.signal = signal;
        this.onAbort = signal == null ? null
                : () -> fail(dev.nodeshim.errors.Errors.abortError(signal.reason()));
        this.type = type;
        this.closeEvents = closeEvents == null ? new Object[0] : closeEvents.clone();
        this.owner = Thread.currentThread();
        EventLoop current = EventLoop.current();
        this.loop = current.inLoopThread() ? current : null;
        this.onEvent = Listener.ofArgs(this::push);
        this.onError = Listener.ofArgs((Object[] args) -> fail(args.length > 0 ? args[0] : null));
        this.onClose = Listener.of(this::close);
        emitter.on(type, onEvent);
        if (!"error".equals(type)) {
            emitter.on("error", onError);
        }
        for (Object c : this.closeEvents) {
            emitter.on(c, onClose);
        }
        if (signal != null) {
            signal.addEventListener("abort", onAbort);
        }
    }

    private void push(Object[] args) {
        CompletableFuture<Optional<Object[]>> taker;
        lock.lock();
        try {
            taker = waiting.poll();
            if (taker == null) {
                queue.add(args);
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
        if (taker != null) {
            taker.complete(Optional.of(args));
        }
    }

    private void fail(Object err) {
        Throwable t = err instanceof Throwable th ? th : dev.nodeshim.errors.Errors.unhandledError(err);
        CompletableFuture<Optional<Object[]>> taker;
        lock.lock();
        try {
            taker = waiting.poll();
            if (taker == null) {
                error = t;
            }
        } finally {
            lock.unlock();
        }
        if (taker != null) {
            taker.completeExceptionally(t);
        }
        close();
    }

    /** The next event's arguments, or an empty optional when the iteration has ended; fails with an {@code 'error'}. */
    public CompletableFuture<Optional<Object[]>> nextAsync() {
        lock.lock();
        try {
            Object[] args = queue.poll();
            if (args != null) {
                return CompletableFuture.completedFuture(Optional.of(args));
            }
            if (error != null) {
                Throwable t = error;
                error = null;
                return CompletableFuture.failedFuture(t);
            }
            if (finished) {
                return CompletableFuture.completedFuture(Optional.empty());
            }
            CompletableFuture<Optional<Object[]>> f = new CompletableFuture<>();
            waiting.add(f);
            return f;
        } finally {
            lock.unlock();
        }
    }

    /** Blocks until an event is queued or the iteration ends. */
    @Override
    public boolean hasNext() {
        lock.lock();
        try {
            while (queue.isEmpty() && error == null && !finished) {
                if (Thread.currentThread() == owner || (loop != null && loop.inLoopThread())) {
                    throw new IllegalStateException(
                            "EventIterator.hasNext() would block the thread that emits; use nextAsync()");
                }
                changed.awaitUninterruptibly();
            }
            return !queue.isEmpty() || error != null;
        } finally {
            lock.unlock();
        }
    }

    /** The next event's arguments (blocking); rethrows an {@code 'error'} event's error. */
    @Override
    public Object[] next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        lock.lock();
        try {
            Object[] args = queue.poll();
            if (args != null) {
                return args;
            }
            Throwable t = error;
            error = null;
            throw EventIterator.<RuntimeException>sneaky(t);
        } finally {
            lock.unlock();
        }
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T sneaky(Throwable t) throws T {
        throw (T) t;
    }

    @Override
    public Iterator<Object[]> iterator() {
        return this;
    }

    /** Ends the iteration and removes its listeners; pending {@link #nextAsync()} futures complete empty. */
    @Override
    public void close() {
        ArrayDeque<CompletableFuture<Optional<Object[]>>> takers;
        lock.lock();
        try {
            if (finished) {
                return;
            }
            finished = true;
            takers = new ArrayDeque<>(waiting);
            waiting.clear();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        Runnable detach = () -> {
            if (signal != null) {
                signal.removeEventListener("abort", onAbort);
            }
            emitter.removeListener(type, onEvent);
            emitter.removeListener("error", onError);
            for (Object c : closeEvents) {
                emitter.removeListener(c, onClose);
            }
        };
        if (Thread.currentThread() == owner || loop == null || loop.inLoopThread()) {
            detach.run();
        } else {
            loop.execute(detach);
        }
        for (CompletableFuture<Optional<Object[]>> f : takers) {
            f.complete(Optional.empty());
        }
    }
}
