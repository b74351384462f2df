package dev.nodeshim.stream;

import dev.nodeshim.events.Listener;
import dev.nodeshim.events.Listener0;
import java.util.Objects;

/**
 * Node's {@code stream.Transform}: a {@link Duplex} whose output is computed from its input.
 *
 * <pre>{@code
 * Transform upper = new Transform(TransformOptions.defaults()
 *     .transform((self, chunk, enc, cb) -> cb.call(null, chunk.toString().toUpperCase())));
 * }</pre>
 *
 * <p>Rules kept from Node: the write callback of a chunk is held while the readable side is at or
 * above its highWaterMark (so a transform nobody reads from pushes back on its writer) and released by
 * the next {@code _read}; at {@code end()} the {@code flush} function runs, then {@code push(null)};
 * 'finish' comes before 'end'. A readable highWaterMark of 0 makes the writable one 0 too unless it
 * is set.
 */
public class Transform extends Duplex {
    private Callback pendingCallback;
    private final boolean customFinal;

    /** A Transform whose {@link #_transform} must be overridden. */
    public Transform() {
        this(TransformOptions.defaults());
    }

    /** {@code new Transform(options)}. */
    public Transform(TransformOptions options) {
        super(zeroHighWaterMark(Objects.requireNonNull(options, "options").o));
        // _read is ours and needs no sync guard.
        rs.sync = false;
        customFinal = opts.finalFn != null || Overrides.has(getClass(), Overrides.FINAL);
        on("prefinish", Listener.of((Listener0) () -> {
            // Node: if (this._final !== final) final.call(this)
            if (customFinal) {
                transformFinal(null);
            }
        }));
    }

    private static Opts zeroHighWaterMark(Opts o) {
        Integer r = o.highWaterMark != null ? o.highWaterMark : o.readableHighWaterMark;
        if (r != null && r == 0) {
            Opts c = o.copy();
            c.highWaterMark = null;
            c.readableHighWaterMark = 0;
            c.writableHighWaterMark = o.writableHighWaterMark == null ? 0 : o.writableHighWaterMark;
            return c;
        }
        return o;
    }

    /**
     * Transforms one chunk: push output with {@link #push(Object)} or pass it to the callback. Default:
     * the {@code transform} option, else {@code ERR_METHOD_NOT_IMPLEMENTED}.
     */
    protected void _transform(Object chunk, String encoding, TransformCallback callback) {
        if (opts.transform != null) {
            opts.transform.transform(this, chunk, encoding, callback);
        } else {
            throw StreamErrors.methodNotImplemented("_transform()");
        }
    }

    /** Pushes the last output before 'end'; used only when overridden or given as the {@code flush} option. */
    protected void _flush(TransformCallback callback) {
        opts.flush.flush(this, callback);
    }

    private boolean hasFlush() {
        return opts.flush != null || Overrides.has(getClass(), Overrides.FLUSH);
    }

    @Override
    boolean hasFinal() {
        return true;
    }

    /** Node's Transform {@code _final}: the {@code final} option when given, else flush then push(null). */
    @Override
    protected void _final(Callback callback) {
        if (opts.finalFn != null) {
            opts.finalFn.call(callback);
        } else {
            transformFinal(callback);
        }
    }

    private void transformFinal(Callback cb) {
        if (hasFlush() && !destroyed()) {
            _flush((er, data) -> {
                if (er != null) {
                    if (cb != null) {
                        cb.call(er);
                    } else {
                        destroy(er);
                    }
                    return;
                }
                if (data != null) {
                    push(data);
                }
                push(null);
                if (cb != null) {
                    cb.call(null);
                }
            });
        } else {
            push(null);
            if (cb != null) {
                cb.call(null);
            }
        }
    }

    @Override
    protected void _write(Object chunk, String encoding, Callback callback) {
        ReadableState r = rs;
        WritableState w = ws;
        int length = r.length;
        _transform(chunk, encoding, (err, val) -> {
            if (err != null) {
                callback.call(err);
                return;
            }
            if (val != null) {
                push(val);
            }
            if (r.ended) {
                nextTick(() -> callback.call(null));
            } else if (w.ended || length == r.length || r.length < r.highWaterMark) {
                callback.call(null);
            } else {
                // Readable side full: hold the write until the consumer reads.
                pendingCallback = callback;
            }
        });
    }

    @Override
    protected void _read(int size) {
        if (pendingCallback != null) {
            Callback cb = pendingCallback;
            pendingCallback = null;
            cb.call(null);
        }
    }
}
