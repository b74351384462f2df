package dev.nodeshim.stream;

import dev.nodeshim.events.Listener;

/**
 * {@link Streams#finished}: tells once when a stream is done — ended, finished, errored or closed
 * too early — with Node's rules:
 * <ul>
 * <li>An {@code 'error'} completes it with that error, at once.</li>
 * <li>A stream that will emit {@code 'close'} (autoDestroy and emitClose on) completes at
 *     {@code 'close'}, after {@code 'end'}/{@code 'finish'}; otherwise at {@code 'end'} (readable),
 *     {@code 'finish'} (writable), or both for a duplex.</li>
 * <li>{@code 'close'} before the watched sides are done completes it with
 *     {@code ERR_STREAM_PREMATURE_CLOSE} ({@code Premature close}).</li>
 * <li>A stream already closed (or already done, for one that will not emit close) completes on the
 *     next tick.</li>
 * <li>The callback runs at most once; the returned cleanup removes the listeners.</li>
 * </ul>
 */
final class Finished {
    private Finished() {
    }

    static Runnable watch(Stream stream, boolean readable, boolean writable, Callback callback) {
        Readable r = stream instanceof Readable rr ? rr : null;
        WriteState w = stream instanceof Writable ww ? ww.ws : stream instanceof Duplex d ? d.ws : null;
        boolean isReadableStream = r != null;
        boolean isWritableStream = w != null;
        boolean sidesMatch = isReadableStream == readable && isWritableStream == writable;
        // read at each event, as node does: a stream already closed (destroyed, its 'close' still to
        // come) no longer counts as one that will emit close, so 'finish' then completes at once
        java.util.function.BooleanSupplier willEmitClose =
                () -> stream.autoDestroy && stream.emitClose && !stream.closed && sidesMatch;
        boolean[] done = {false};
        boolean[] readableDone = {r != null && readableFinished(r, true)};
        boolean[] writableDone = {w != null && writableFinished(w, stream, true)};
        Callback once = err -> {
            if (!done[0]) {
                done[0] = true;
                callback.call(err);
            }
        };
        Listener onFinish = Listener.of(() -> {
            writableDone[0] = true;
            if (willEmitClose.getAsBoolean() && (r == null || !r.readable() || readable)) {
                return;
            }
            if (!readable || readableDone[0]) {
                once.call(null);
            }
        });
        Listener onEnd = Listener.of(() -> {
            readableDone[0] = true;
            if (willEmitClose.getAsBoolean() && (w == null || !w.writable() || writable)) {
                return;
            }
            if (!writable || writableDone[0]) {
                once.call(null);
            }
        });
        Listener onError = Listener.of((Throwable err) -> once.call(err));
        Runnable onClose = () -> {
            if (readable && !readableDone[0] && r != null && !readableFinished(r, false)) {
                once.call(StreamErrors.prematureClose());
                return;
            }
            if (writable && !writableDone[0] && w != null && !writableFinished(w, stream, false)) {
                once.call(StreamErrors.prematureClose());
                return;
            }
            once.call(null);
        };
        Listener onCloseListener = Listener.of(onClose::run);
        if (w != null) {
            stream.on("finish", onFinish);
        }
        if (r != null) {
            stream.on("end", onEnd);
        }
        stream.on("error", onError);
        stream.on("close", onCloseListener);

        if (stream.closed) {
            stream.loop.nextTick(onClose);
        } else if (stream.errorEmitted) {
            if (!willEmitClose.getAsBoolean()) {
                stream.loop.nextTick(onClose);
            }
        } else if (!readable && (!willEmitClose.getAsBoolean() || r == null || r.readable())
                && (writableDone[0] || w == null || !w.writable())) {
            stream.loop.nextTick(onClose);
        } else if (!writable && (!willEmitClose.getAsBoolean() || w == null || w.writable())
                && (readableDone[0] || r == null || !r.readable())) {
            stream.loop.nextTick(onClose);
        }
        return () -> {
            stream.removeListener("finish", onFinish);
            stream.removeListener("end", onEnd);
            stream.removeListener("error", onError);
            stream.removeListener("close", onCloseListener);
        };
    }

    private static boolean readableFinished(Readable r, boolean strict) {
        if (r.errored != null) {
            return false;
        }
        return r.endEmitted || (!strict && r.ended && r.length == 0);
    }

    private static boolean writableFinished(WriteState w, Stream s, boolean strict) {
        if (s.errored != null) {
            return false;
        }
        return w.finished || (!strict && w.ended && w.length == 0);
    }
}
