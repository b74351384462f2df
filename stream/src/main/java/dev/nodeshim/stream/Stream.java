package dev.nodeshim.stream;

import dev.nodeshim.events.EventEmitter;
import dev.nodeshim.events.Listener0;
import dev.nodeshim.events.Listener1;
import dev.nodeshim.events.Symbol;
import dev.nodeshim.loop.EventLoop;

/**
 * Node's {@code Stream}: the base of {@link Readable}, {@link Writable}, {@link Duplex} and
 * {@link Transform}, holding what they share, Node's {@code destroy} machinery
 * ({@code lib/internal/streams/destroy.js}).
 *
 * <h2>destroy, 'error' and 'close'</h2>
 * {@link #destroy(Throwable)} marks the stream destroyed at once, calls {@code _destroy(err, cb)}, and
 * when {@code cb} is called emits, on the next tick, {@code 'error'} (if there was an error and none
 * was emitted yet) and then {@code 'close'} (unless {@code emitClose} is false), in one tick. A stream
 * still being constructed (see {@code construct} in the options) defers {@code _destroy} until the
 * construct callback has been called.
 *
 * <h2>Threads</h2>
 * A stream belongs to the event loop it is used on, like every Node object: call it from that loop's
 * thread only. Deferred work is scheduled with {@code EventLoop.current().nextTick}. To reach a stream
 * from another thread, post to its loop ({@code loop.execute(...)}), or use the blocking adapters of
 * {@link Streams}.
 */
public abstract class Stream extends EventEmitter {
    static final Symbol K_CONSTRUCT = new Symbol("kConstruct");
    static final Symbol K_DESTROY = new Symbol("kDestroy");

    final Opts opts;
    ReadableState rs;
    WritableState ws;

    Stream(Opts opts) {
        this.opts = opts;
    }

    static void nextTick(Runnable task) {
        EventLoop.current().nextTick(task);
    }

    // ------------------------------------------------------------------ destroy

    /** {@code stream.destroy()}. */
    public Stream destroy() {
        return destroy(null, null);
    }

    /** {@code stream.destroy(err)}: 'error' (when {@code err} is not null) then 'close', on the next tick. */
    public Stream destroy(Throwable err) {
        return destroy(err, null);
    }

    /**
     * Node's undocumented {@code destroy(err, cb)}: {@code cb} is called with the error once
     * {@code _destroy} completes (and at once, with {@code null}, when already destroyed).
     */
    public Stream destroy(Throwable err, Callback cb) {
        ReadableState r = rs;
        WritableState w = ws;
        // Writable.prototype.destroy (also Duplex's): fail the pending write callbacks on the next tick.
        if (w != null && !w.destroyed && (w.buffered != null || w.onFinished != null)) {
            nextTick(w::errorBuffer);
        }
        if ((w != null && w.destroyed) || (r != null && r.destroyed)) {
            if (cb != null) {
                cb.call(null);
            }
            return this;
        }
        checkError(err);
        if (w != null) {
            w.destroyed = true;
        }
        if (r != null) {
            r.destroyed = true;
        }
        StreamState s = w != null ? w : r;
        if (!s.constructed) {
            once(K_DESTROY, (Listener1<Throwable>) er -> runDestroy(aggregate(er, err), cb));
        } else {
            runDestroy(err, cb);
        }
        return this;
    }

    /**
     * Releases the stream's resources, then calls {@code cb} with the error to report (or
     * {@code null}). Default: the {@code destroy} option if given, else {@code cb.call(err)}.
     */
    protected void _destroy(Throwable err, Callback cb) {
        if (opts.destroy != null) {
            opts.destroy.destroy(err, cb);
        } else {
            cb.call(err);
        }
    }

    private void runDestroy(Throwable err, Callback cb) {
        boolean[] called = {false};
        Callback onDestroy = e -> {
            if (called[0]) {
                return;
            }
            called[0] = true;
            checkError(e);
            if (ws != null) {
                ws.closed = true;
            }
            if (rs != null) {
                rs.closed = true;
            }
            if (cb != null) {
                cb.call(e);
            }
            if (e != null) {
                nextTick(() -> {
                    emitErrorNT(e);
                    emitCloseNT();
                });
            } else {
                nextTick(this::emitCloseNT);
            }
        };
        try {
            _destroy(err, onDestroy);
        } catch (RuntimeException | Error e) {
            onDestroy.call(e);
        }
    }

    private void checkError(Throwable err) {
        if (err != null) {
            if (ws != null && ws.errored == null) {
                ws.errored = err;
            }
            if (rs != null && rs.errored == null) {
                rs.errored = err;
            }
        }
    }

    /**
     * Node's {@code aggregateTwoErrors(inner, outer)}: the outer error, carrying the inner one as a
     * suppressed exception (where Node builds an {@code AggregateError}).
     */
    static Throwable aggregate(Throwable inner, Throwable outer) {
        if (inner != null && outer != null && inner != outer) {
            outer.addSuppressed(inner);
            return outer;
        }
        return inner != null ? inner : outer;
    }

    void emitCloseNT() {
        if (ws != null) {
            ws.closeEmitted = true;
        }
        if (rs != null) {
            rs.closeEmitted = true;
        }
        if ((ws != null && ws.emitClose) || (rs != null && rs.emitClose)) {
            emit("close");
        }
    }

    void emitErrorNT(Throwable err) {
        if ((ws != null && ws.errorEmitted) || (rs != null && rs.errorEmitted)) {
            return;
        }
        if (ws != null) {
            ws.errorEmitted = true;
        }
        if (rs != null) {
            rs.errorEmitted = true;
        }
        emit("error", err);
    }

    /**
     * Node's {@code errorOrDestroy}: with autoDestroy (the default) {@code destroy(err)}; otherwise
     * record the error and emit it, now or ({@code sync}) on the next tick.
     */
    void errorOrDestroy(Throwable err, boolean sync) {
        if ((ws != null && ws.destroyed) || (rs != null && rs.destroyed)) {
            return;
        }
        if ((rs != null && rs.autoDestroy) || (ws != null && ws.autoDestroy)) {
            destroy(err);
        } else if (err != null) {
            checkError(err);
            if (sync) {
                nextTick(() -> emitErrorNT(err));
            } else {
                emitErrorNT(err);
            }
        }
    }

    // ------------------------------------------------------------------ construct

    /** Whether the stream has a {@code construct} step (the option, or an override of {@code _construct}). */
    boolean hasConstruct() {
        return opts.construct != null || Overrides.has(getClass(), Overrides.CONSTRUCT);
    }

    /**
     * Initialises the stream asynchronously, called on the next tick after the constructor; no
     * {@code _read}, {@code _write}, {@code _final} or {@code _destroy} runs before {@code cb} is
     * called. Default: the {@code construct} option. Only called when the option is given or this
     * method is overridden.
     */
    protected void _construct(Callback cb) {
        if (opts.construct != null) {
            opts.construct.construct(cb);
        } else {
            cb.call(null);
        }
    }

    /** Node's {@code destroyImpl.construct}: run {@code _construct} on the next tick, then {@code onConstructed}. */
    void construct(Runnable onConstructed) {
        if (rs != null) {
            rs.constructed = false;
        }
        if (ws != null) {
            ws.constructed = false;
        }
        once(K_CONSTRUCT, (Listener0) onConstructed::run);
        if (listenerCount(K_CONSTRUCT) > 1) {
            return;
        }
        nextTick(this::constructNT);
    }

    private void constructNT() {
        boolean[] called = {false};
        Callback onConstruct = err -> {
            if (called[0]) {
                errorOrDestroy(err != null ? err : StreamErrors.multipleCallback(), false);
                return;
            }
            called[0] = true;
            if (rs != null) {
                rs.constructed = true;
            }
            if (ws != null) {
                ws.constructed = true;
            }
            StreamState s = ws != null ? ws : rs;
            if (s.destroyed) {
                emit(K_DESTROY, err);
            } else if (err != null) {
                errorOrDestroy(err, true);
            } else {
                emit(K_CONSTRUCT);
            }
        };
        try {
            _construct(err -> nextTick(() -> onConstruct.call(err)));
        } catch (RuntimeException | Error e) {
            nextTick(() -> onConstruct.call(e));
        }
    }

    // ------------------------------------------------------------------ shared properties

    /** {@code stream.destroyed}: whether {@code destroy()} has been called. */
    public boolean destroyed() {
        if (rs != null && ws != null) {
            return rs.destroyed && ws.destroyed;
        }
        return rs != null ? rs.destroyed : ws.destroyed;
    }

    /** {@code stream.closed}: whether {@code _destroy} has completed ('close' is then on its way). */
    public boolean closed() {
        return rs != null ? rs.closed : ws.closed;
    }

    /** {@code stream.errored}: the error the stream was destroyed or failed with, or {@code null}. */
    public Throwable errored() {
        return rs != null ? rs.errored : ws.errored;
    }

    /** Node's {@code stream.writable} getter; false for a Readable (which has none). */
    boolean writableFlag() {
        return false;
    }

    /** Node's {@code stream.readable} getter; false for a Writable. */
    boolean readableFlag() {
        return false;
    }
    // ------------------------------------------------------------------ writable-side hooks (Writable, Duplex)

    void callWrite(Object chunk, String encoding, Callback cb) {
        throw new IllegalStateException("not writable");
    }

    void callWritev(java.util.List<Chunk> chunks, Callback cb) {
        throw new IllegalStateException("not writable");
    }

    boolean hasWritev() {
        return false;
    }

    boolean hasFinal() {
        return false;
    }

    void callFinal(Callback cb) {
        throw new IllegalStateException("not writable");
    }
}
