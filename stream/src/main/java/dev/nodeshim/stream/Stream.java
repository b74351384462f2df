package dev.nodeshim.stream;

import dev.nodeshim.events.EventEmitter;
import dev.nodeshim.loop.EventLoop;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * What every stream has, readable or writable: the event loop it lives on, and its life cycle —
 * construction, destruction, the one {@code 'error'} and the one {@code 'close'}.
 *
 * <h2>Life cycle (Node 20's rules)</h2>
 * <pre>
 *   new ─► [_construct(cb) on the next tick] ─► constructed ─► … ─► destroy(err) ─► _destroy(err, cb)
 *                                                                       │
 *                     cb(err) ─► closed; next tick: 'error' (if err, once ever), then 'close'
 * </pre>
 * <ul>
 * <li>{@code destroy} is idempotent: a second call changes nothing (its callback is just called).</li>
 * <li>{@code destroy} before construction finishes waits for it, then destroys.</li>
 * <li>{@code 'error'} is emitted at most once per stream, and {@code 'close'} once, after it
 *     (unless {@code emitClose} is false). After {@code 'error'} or {@code 'close'} no {@code 'data'}
 *     and no {@code 'end'} are emitted.</li>
 * <li>An error found by the stream itself (a bad push, a failed write) destroys it when
 *     {@code autoDestroy} is on (the default); otherwise it is only emitted.</li>
 * </ul>
 *
 * <h2>Threads</h2>
 * A stream belongs to the {@link EventLoop} current when it was made ({@link EventLoop#current()})
 * and, like every Node object, must only be used on that loop's thread. Its asynchronous steps (the
 * ticks after which {@code 'end'}, {@code 'finish'}, {@code 'close'}, {@code 'resume'} … are
 * emitted) are the loop's {@code nextTick}s, queued exactly where Node queues them, so the order of
 * events against your own {@code process.nextTick}, {@code setImmediate} and timers is Node's. To
 * reach a stream from another thread, post to its loop ({@link #loop()}{@code .execute(…)}), or use
 * the {@code java.io} adapters, which do that for you.
 */
public abstract class Stream extends EventEmitter {
    private static final ClassValue<Boolean> OVERRIDES_CONSTRUCT = overrideCheck("_construct", Callback.class);

    final EventLoop loop;
    final Settings settings;
    final boolean autoDestroy;
    final boolean emitClose;

    boolean destroyed;
    boolean closed;
    boolean closeEmitted;
    boolean errorEmitted;
    boolean constructed = true;
    Throwable errored;
    /** A destroy asked for while construction was running; it runs when construction ends. */
    private Runnable pendingDestroy;

    Stream(Settings s) {
        this.loop = EventLoop.current();
        this.settings = s;
        this.autoDestroy = s.autoDestroy == null || s.autoDestroy;
        this.emitClose = s.emitClose == null || s.emitClose;
        if (s.construct != null || OVERRIDES_CONSTRUCT.get(getClass())) {
            constructed = false;
            // Node runs _construct on the next tick, once the constructor (ours and the subclass's) is done.
            loop.nextTick(this::startConstruct);
        }
    }

    /** The event loop this stream lives on. */
    public EventLoop loop() {
        return loop;
    }

    // ------------------------------------------------------------------------------------------------
    // Properties

    /** Whether {@link #destroy} was called. */
    public boolean destroyed() {
        return destroyed;
    }

    /** Whether the stream is closed: its {@code _destroy} completed ({@code 'close'} may still be queued). */
    public boolean closed() {
        return closed;
    }

    /** The error the stream was destroyed or failed with, or {@code null}. */
    public Throwable errored() {
        return errored;
    }

    // ------------------------------------------------------------------------------------------------
    // Destroy

    /** {@code stream.destroy()}: closes the stream; {@code 'close'} follows on the next tick. */
    public Stream destroy() {
        return destroy(null, null);
    }

    /** {@code stream.destroy(err)}: closes the stream; {@code 'error'} then {@code 'close'} follow on the next tick. */
    public Stream destroy(Throwable err) {
        return destroy(err, null);
    }

    /**
     * {@code stream._destroy}-driven destroy with a callback that receives the error {@code _destroy}
     * completed with (Node's internal {@code destroy(err, cb)}). A second call only calls {@code cb}.
     */
    public Stream destroy(Throwable err, Callback cb) {
        if (destroyed) {
            // a second destroy changes nothing, not even errored (an end(cb) after it never calls back)
            if (cb != null) {
                cb.call();
            }
            return this;
        }
        if (err != null && errored == null) {
            errored = err;
        }
        destroyed = true;
        onDestroyStarted();
        if (!constructed) {
            pendingDestroy = () -> runDestroy(err, cb);
        } else {
            runDestroy(err, cb);
        }
        return this;
    }

    /** Side-specific bookkeeping when destroy begins (a Writable fails its buffered writes). */
    void onDestroyStarted() {
    }

    private void runDestroy(Throwable err, Callback cb) {
        boolean[] called = {false};
        Callback done = er -> {
            if (called[0]) {
                return;
            }
            called[0] = true;
            if (er != null && errored == null) {
                errored = er;
            }
            closed = true;
            onClosed();
            if (cb != null) {
                cb.call(er);
            }
            if (er != null) {
                loop.nextTick(() -> {
                    emitErrorOnce(er);
                    emitCloseOnce();
                    afterErrorEmitted();
                });
            } else {
                loop.nextTick(this::emitCloseOnce);
            }
        };
        try {
            _destroy(err, done);
        } catch (RuntimeException | Error e) {
            done.call(e);
        }
    }

    /** Side-specific bookkeeping once closed. */
    void onClosed() {
    }

    /**
     * Node's {@code _destroy(err, callback)}: release resources, then call {@code callback} (with
     * {@code err} to report it, with {@code null} to swallow it). The default calls the
     * {@code destroy} option, or {@code callback.call(err)}.
     */
    protected void _destroy(Throwable err, Callback callback) {
        if (settings.destroy != null) {
            settings.destroy.destroy(this, err, callback);
        } else {
            callback.call(err);
        }
    }

    final void emitErrorOnce(Throwable err) {
        if (errorEmitted) {
            return;
        }
        errorEmitted = true;
        emit("error", err);
    }

    final void emitCloseOnce() {
        closeEmitted = true;
        if (emitClose) {
            emit("close");
        }
    }

    /**
     * An error the stream found itself (Node's errorOrDestroy): destroys it when autoDestroy is on;
     * otherwise records it and emits {@code 'error'} (on the next tick when {@code sync}).
     */
    final void errorOrDestroy(Throwable err, boolean sync) {
        if (destroyed) {
            return;
        }
        if (autoDestroy) {
            destroy(err);
            return;
        }
        if (errored == null) {
            errored = err;
        }
        if (sync) {
            loop.nextTick(() -> {
                emitErrorOnce(err);
                afterErrorEmitted();
            });
        } else {
            emitErrorOnce(err);
            afterErrorEmitted();
        }
    }

    /**
     * Runs after an {@code 'error'} (and the {@code 'close'} that follows it in the same tick) was
     * emitted: a Writable then calls the {@code end} callbacks that arrived while the error was
     * pending, with that error (Node calls them right after those events).
     */
    void afterErrorEmitted() {
    }

    // ------------------------------------------------------------------------------------------------
    // Construct

    /**
     * Node's {@code _construct(callback)}: asynchronous initialisation, run on the tick after the
     * constructor. Until {@code callback} is called, {@code _read}, {@code _write}, {@code _final}
     * and {@code _destroy} wait. Overriding it (or giving the {@code construct} option) turns it on.
     */
    protected void _construct(Callback callback) {
        if (settings.construct != null) {
            settings.construct.construct(this, callback);
        } else {
            callback.call();
        }
    }

    private void startConstruct() {
        boolean[] called = {false};
        Callback done = err -> {
            if (called[0]) {
                errorOrDestroy(err != null ? err : StreamErrors.multipleCallback(), false);
                return;
            }
            called[0] = true;
            // Observed in node: construction ends a tick after the callback. Until then the stream
            // still counts as under construction (no _read, writes are buffered, a destroy waits);
            // then a failure destroys it with the error, or the waiting reads and writes go on.
            loop.nextTick(() -> {
                constructed = true;
                if (pendingDestroy != null) {
                    Runnable d = pendingDestroy;
                    pendingDestroy = null;
                    d.run();
                } else if (err != null) {
                    errorOrDestroy(err, true);
                } else {
                    afterConstruct();
                }
            });
        };
        try {
            _construct(done);
        } catch (RuntimeException | Error e) {
            done.call(e);
        }
    }

    /** Resumes what waited for construction (reads, buffered writes, finishing). */
    abstract void afterConstruct();

    // ------------------------------------------------------------------------------------------------
    // Helpers

    private static final java.util.Set<Class<?>> BUILT_IN = java.util.Set.of(
            Stream.class, Readable.class, Writable.class, Duplex.class, Transform.class, PassThrough.class);

    /** Whether {@code c} (a subclass) declares its own {@code name(params)} below the stream classes. */
    static ClassValue<Boolean> overrideCheck(String name, Class<?>... params) {
        return new ClassValue<>() {
            @Override
            protected Boolean computeValue(Class<?> type) {
                for (Class<?> c = type; c != null && !BUILT_IN.contains(c); c = c.getSuperclass()) {
                    try {
                        Method m = c.getDeclaredMethod(name, params);
                        if (m != null) {
                            return true;
                        }
                    } catch (NoSuchMethodException e) {
                        // look further up
                    }
                }
                return false;
            }
        };
    }

    static <T> List<T> copy(List<T> list) {
        return new ArrayList<>(list);
    }
}
