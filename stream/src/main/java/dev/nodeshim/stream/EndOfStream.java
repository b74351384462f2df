package dev.nodeshim.stream;

import dev.nodeshim.events.Listener;
import dev.nodeshim.events.Listener0;
import dev.nodeshim.events.Listener1;

/**
 * Node's {@code end-of-stream} ({@code stream.finished}): calls back once when a stream is done, with
 * the stream's error, {@code ERR_STREAM_PREMATURE_CLOSE} when it closed before 'end'/'finish', or
 * {@code null}. For streams that will emit 'close' (autoDestroy and emitClose, the defaults) it
 * waits for 'close' rather than 'end'/'finish', so the callback comes after 'close'. A stream already
 * done is reported on the next tick.
 */
final class EndOfStream {
    static final FinishedOptions READABLE_ONLY = FinishedOptions.defaults().writable(false);
    static final FinishedOptions WRITABLE_ONLY = FinishedOptions.defaults().readable(false);

    private EndOfStream() {
    }

    /** @return a cleanup that removes every listener added (and mutes the callback) */
    static Runnable eos(Stream stream, FinishedOptions options, Callback callback) {
        Callback[] cb = {null};
        cb[0] = err -> {
            Callback c = cb[0];
            cb[0] = e -> { };
            if (c != null) {
                callback.call(err);
            }
        };
        Callback once = err -> cb[0].call(err);
        ReadableState rState = stream.rs;
        WritableState wState = stream.ws;
        boolean readable = options.readable != null ? options.readable : isReadableNodeStream(stream);
        boolean writable = options.writable != null ? options.writable : isWritableNodeStream(stream);

        boolean[] willEmitClose = {willEmitClose(stream)
                && isReadableNodeStream(stream) == readable && isWritableNodeStream(stream) == writable};
        boolean[] writableFinished = {Boolean.TRUE.equals(isWritableFinished(stream, false))};
        boolean[] readableFinished = {Boolean.TRUE.equals(isReadableFinished(stream, false))};

        Listener onfinish = Listener.of((Listener0) () -> {
            writableFinished[0] = true;
            // Destroyed here means userland does something different: do not trust willEmitClose.
            if (stream.destroyed()) {
                willEmitClose[0] = false;
            }
            if (willEmitClose[0] && (!stream.readableFlag() || readable)) {
                return;
            }
            if (!readable || readableFinished[0]) {
                once.call(null);
            }
        });
        Listener onend = Listener.of((Listener0) () -> {
            readableFinished[0] = true;
            if (stream.destroyed()) {
                willEmitClose[0] = false;
            }
            if (willEmitClose[0] && (!stream.writableFlag() || writable)) {
                return;
            }
            if (!writable || writableFinished[0]) {
                once.call(null);
            }
        });
        Listener onerror = Listener.of((Listener1<Throwable>) once::call);
        Runnable closeLogic = () -> {
            Throwable errored = erroredOf(stream);
            if (errored != null) {
                once.call(errored);
                return;
            }
            if (readable && !readableFinished[0] && isReadableNodeStream(stream)) {
                if (!Boolean.TRUE.equals(isReadableFinished(stream, false))) {
                    once.call(StreamErrors.prematureClose());
                    return;
                }
            }
            if (writable && !writableFinished[0]) {
                if (!Boolean.TRUE.equals(isWritableFinished(stream, false))) {
                    once.call(StreamErrors.prematureClose());
                    return;
                }
            }
            once.call(null);
        };
        Listener onclose = Listener.of((Listener0) closeLogic::run);
        Runnable onclosed = () -> once.call(erroredOf(stream));

        stream.on("end", onend);
        stream.on("finish", onfinish);
        if (options.error) {
            stream.on("error", onerror);
        }
        stream.on("close", onclose);

        boolean closed = (wState != null && wState.closed) || (rState != null && rState.closed);
        if (closed) {
            Stream.nextTick(closeLogic);
        } else if ((wState != null && wState.errorEmitted) || (rState != null && rState.errorEmitted)) {
            if (!willEmitClose[0]) {
                Stream.nextTick(onclosed);
            }
        } else if (!readable
                && (!willEmitClose[0] || Boolean.TRUE.equals(isReadable(stream)))
                && (writableFinished[0] || Boolean.FALSE.equals(isWritable(stream)))
                && (wState == null || wState.pendingcb == 0)) {
            Stream.nextTick(onclosed);
        } else if (!writable
                && (!willEmitClose[0] || Boolean.TRUE.equals(isWritable(stream)))
                && (readableFinished[0] || Boolean.FALSE.equals(isReadable(stream)))) {
            Stream.nextTick(onclosed);
        }

        return () -> {
            cb[0] = e -> { };
            stream.removeListener("finish", onfinish);
            stream.removeListener("end", onend);
            stream.removeListener("error", onerror);
            stream.removeListener("close", onclose);
        };
    }

    // ------------------------------------------------------------------ Node's streams/utils.js

    static Throwable erroredOf(Stream s) {
        if (s.ws != null && s.ws.errored != null) {
            return s.ws.errored;
        }
        return s.rs != null ? s.rs.errored : null;
    }

    static boolean isReadableNodeStream(Stream s) {
        return s.rs != null && (s.ws == null || !s.rs.readableDisabled);
    }

    static boolean isWritableNodeStream(Stream s) {
        return s.ws != null && (s.rs == null || !s.ws.writableDisabled);
    }

    static boolean willEmitClose(Stream s) {
        StreamState state = s.ws != null ? s.ws : s.rs;
        return state.autoDestroy && state.emitClose && !state.closed;
    }

    static boolean isDestroyed(Stream s) {
        StreamState state = s.ws != null ? s.ws : s.rs;
        return s.destroyed() || state.destroyed;
    }

    static Boolean isReadableFinished(Stream s, boolean strict) {
        if (!isReadableNodeStream(s)) {
            return null;
        }
        ReadableState r = s.rs;
        if (r.errored != null) {
            return false;
        }
        return r.endEmitted || (!strict && r.ended && r.length == 0);
    }

    static Boolean isWritableFinished(Stream s, boolean strict) {
        if (!isWritableNodeStream(s)) {
            return null;
        }
        WritableState w = s.ws;
        if (w.finished) {
            return true;
        }
        if (w.errored != null) {
            return false;
        }
        return !strict && w.ended && w.length == 0;
    }

    static Boolean isReadable(Stream s) {
        if (s.rs == null) {
            return null;
        }
        if (isDestroyed(s)) {
            return false;
        }
        return isReadableNodeStream(s) && s.readableFlag() && !Boolean.TRUE.equals(isReadableFinished(s, true));
    }

    static Boolean isWritable(Stream s) {
        if (s.ws == null) {
            return null;
        }
        if (isDestroyed(s)) {
            return false;
        }
        return isWritableNodeStream(s) && s.writableFlag() && !isWritableEnded(s);
    }

    private static boolean isWritableEnded(Stream s) {
        WritableState w = s.ws;
        if (w.ending) {
            return true;
        }
        return w.errored == null && w.ended;
    }

    static boolean isFinished(Stream s) {
        if (isDestroyed(s)) {
            return true;
        }
        if (Boolean.TRUE.equals(isReadable(s))) {
            return false;
        }
        return !Boolean.TRUE.equals(isWritable(s));
    }
}
