package dev.nodeshim.stream;

import dev.nodeshim.events.Listener;

/**
 * One {@code src.pipe(dest)} connection and the listeners it adds, so that unpiping removes exactly
 * those. Node's rules, as observed:
 * <ul>
 * <li>{@code dest} gets {@code 'pipe'} (src) synchronously; the source starts flowing (or stays
 *     paused when {@code dest} already needs a drain).</li>
 * <li>Each {@code 'data'} chunk is written; a {@code write} that returns false pauses the source
 *     and waits for that destination's {@code 'drain'} — with several destinations, for every one
 *     that returned false — and then {@code resume()}s it.</li>
 * <li>{@code 'end'} of the source ends {@code dest} (unless {@code end} is false, then it unpipes).</li>
 * <li>{@code 'close'} or {@code 'finish'} of {@code dest} unpipes; an {@code 'error'} of {@code dest}
 *     unpipes and is rethrown as unhandled when {@code dest} has no other error listener. The pipe's
 *     error listener is put first, so it unpipes before your listeners run.</li>
 * <li>Unpiping emits {@code 'unpipe'} (src) on {@code dest}; the listeners are removed then.</li>
 * </ul>
 */
final class Pipe {
    /** Node's {@code unpipeInfo}: marks that this unpipe was handled. */
    static final class UnpipeInfo {
        boolean hasUnpiped;
    }

    final Readable src;
    final Stream dest;
    private final WritableStream writable;
    private boolean cleanedUp;

    private Listener onData;
    private Listener onDrain;
    private Listener onEnd;
    private Listener onUnpipeAtEnd;
    private Listener onError;
    private Listener onClose;
    private Listener onFinish;
    private Listener onUnpipe;

    private Pipe(Readable src, Stream dest) {
        this.src = src;
        this.dest = dest;
        this.writable = (WritableStream) dest;
    }

    static <W extends Stream & WritableStream> void connect(Readable src, W dest, boolean end) {
        Pipe p = new Pipe(src, dest);
        src.pipes.add(p);
        p.attach(end);
    }

    private void attach(boolean end) {
        if (end) {
            onEnd = Listener.of(() -> writable.end());
            if (src.endEmitted) {
                src.loop.nextTick(() -> writable.end());
            } else {
                src.once("end", onEnd);
            }
        } else {
            onUnpipeAtEnd = Listener.of(() -> src.unpipe(dest));
            if (src.endEmitted) {
                src.loop.nextTick(() -> src.unpipe(dest));
            } else {
                src.once("end", onUnpipeAtEnd);
            }
        }
        onUnpipe = Listener.of((Object from, Object info) -> {
            if (from == src && info instanceof UnpipeInfo u && !u.hasUnpiped) {
                u.hasUnpiped = true;
                cleanup();
            }
        });
        dest.on("unpipe", onUnpipe);
        onData = Listener.of((Object chunk) -> {
            if (!writable.write(chunk)) {
                pauseSource();
            }
        });
        src.on("data", onData);
        onError = Listener.of((Throwable err) -> {
            src.unpipe(dest);
            dest.removeListener("error", onError);
            if (dest.listenerCount("error") == 0) {
                if (!dest.errorEmitted) {
                    dest.errorOrDestroy(err, false);
                } else {
                    dest.emit("error", err);
                }
            }
        });
        dest.prependListener("error", onError);
        onClose = Listener.of(() -> {
            dest.removeListener("finish", onFinish);
            src.unpipe(dest);
        });
        dest.once("close", onClose);
        onFinish = Listener.of(() -> {
            dest.removeListener("close", onClose);
            src.unpipe(dest);
        });
        dest.once("finish", onFinish);
        dest.emit("pipe", src);
        if (writable.writableNeedDrain()) {
            pauseSource();
        } else if (src.flowing != Boolean.TRUE) {
            src.resume();
        }
    }

    private void pauseSource() {
        if (!cleanedUp && src.pipes.contains(this) && !src.awaitDrain.contains(dest)) {
            src.awaitDrain.add(dest);
        }
        src.pause();
        if (onDrain == null) {
            onDrain = Listener.of(this::drained);
            dest.on("drain", onDrain);
        }
    }

    private void drained() {
        src.awaitDrain.remove(dest);
        if (src.awaitDrain.isEmpty() && src.listenerCount("data") > 0) {
            src.resume();
        }
    }

    private void cleanup() {
        dest.removeListener("close", onClose);
        dest.removeListener("finish", onFinish);
        if (onDrain != null) {
            dest.removeListener("drain", onDrain);
        }
        dest.removeListener("error", onError);
        dest.removeListener("unpipe", onUnpipe);
        if (onEnd != null) {
            src.removeListener("end", onEnd);
        }
        if (onUnpipeAtEnd != null) {
            src.removeListener("end", onUnpipeAtEnd);
        }
        src.removeListener("data", onData);
        cleanedUp = true;
        // a source still waiting for this destination's drain would wait forever: count it drained
        if (onDrain != null && !src.awaitDrain.isEmpty() && writable.writableNeedDrain()) {
            drained();
        }
    }
}
