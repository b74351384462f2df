package dev.nodeshim.stream;

import dev.nodeshim.events.Listener;

/**
 * Node's {@code stream.Transform}: a {@link Duplex} whose output is computed from its input.
 *
 * <pre>{@code
 * Transform upper = new Transform(TransformOptions.defaults()
 *         .transform((chunk, enc, cb) -> cb.call(null, chunk.toString().toUpperCase())));
 * }</pre>
 *
 * <h2>Node's rules</h2>
 * <ul>
 * <li>Each written chunk goes to {@link #_transform}; its callback's data (if not null) is pushed.
 *     The next chunk is transformed at once while the readable buffer is under highWaterMark (or
 *     the push went straight to a {@code 'data'} listener); otherwise it waits until the consumer
 *     reads — that is the backpressure from the readable side to the writable side.</li>
 * <li>{@code end()} runs {@link #_flush} synchronously as the writable side's final step; its data
 *     is pushed, then the readable side ends ({@code push(null)}); {@code 'prefinish'} follows, then
 *     {@code 'end'} and {@code 'finish'} on later ticks.</li>
 * <li>A push from inside {@code _transform} reaches a flowing consumer synchronously (Node switches
 *     off the readable side's "inside _read" buffering for transforms).</li>
 * <li>An error passed to a callback destroys the stream with it.</li>
 * </ul>
 */
public class Transform extends Duplex {
    private static final ClassValue<Boolean> OVERRIDES_FINAL = overrideCheck("_final", Callback.class);

    /** The writable side's callback, held while the readable side is full. */
    private Callback pending;

    /** A transform with Node's defaults; override {@link #_transform}. */
    public Transform() {
        this(TransformOptions.defaults());
    }

    /** {@code new Transform(options)}. */
    public Transform(TransformOptions options) {
        this(options == null ? Settings.EMPTY : options.s);
    }

    Transform(Settings s) {
        super(s);
        sync = false;
        // Node registers this listener too (it shows in eventNames()): with a user _final, flushing
        // happens at 'prefinish' instead of as the final step.
        on("prefinish", Listener.of(() -> {
            if (OVERRIDES_FINAL.get(getClass()) || settings.fin != null) {
                flushAndEnd(null);
            }
        }));
    }

    @Override
    boolean hasFinal() {
        return true;
    }

    /**
     * Node's {@code _transform(chunk, encoding, callback)}: call {@code callback.call(err, data)} once
     * the chunk is handled; {@link #push} may be called any number of times before. The default calls
     * the {@code transform} option, or throws {@code ERR_METHOD_NOT_IMPLEMENTED}.
     */
    protected void _transform(Object chunk, String encoding, TransformCallback callback) {
        if (settings.transform != null) {
            settings.transform.transform(this, chunk, encoding, callback);
            return;
        }
        throw StreamErrors.notImplemented("_transform()");
    }

    /**
     * Node's {@code _flush(callback)}: push what is left after the last chunk, then call
     * {@code callback} (data given to it is pushed). The default calls the {@code flush} option, if
     * any.
     */
    protected void _flush(TransformCallback callback) {
        if (settings.flush != null) {
            settings.flush.flush(this, callback);
        } else {
            callback.call();
        }
    }

    @Override
    protected void _write(Object chunk, String encoding, Callback callback) {
        long before = length;
        _transform(chunk, encoding, (err, data) -> {
            if (err != null) {
                callback.call(err);
                return;
            }
            if (data != null) {
                push(data);
            }
            if (ws.ended || before == length || length < highWaterMark) {
                callback.call();
            } else {
                pending = callback;
            }
        });
    }

    @Override
    protected void _read(int size) {
        if (pending != null) {
            Callback cb = pending;
            pending = null;
            cb.call();
        }
    }

    @Override
    protected void _final(Callback callback) {
        if (settings.fin != null) {
            settings.fin.call(this, callback);
            return;
        }
        flushAndEnd(callback);
    }

    private void flushAndEnd(Callback callback) {
        if (!destroyed) {
            _flush((err, data) -> {
                if (err != null) {
                    if (callback != null) {
                        callback.call(err);
                    } else {
                        destroy(err);
                    }
                    return;
                }
                if (data != null) {
                    push(data);
                }
                push(null);
                if (callback != null) {
                    callback.call();
                }
            });
        } else {
            push(null);
            if (callback != null) {
                callback.call();
            }
        }
    }
}
