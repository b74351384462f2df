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
        if (src.pipes.size() > 1 && !src.multiAwaitDrain) {
            // from the second pipe on, the destinations waited for are a set
            src.multiAwaitDrain = true;
            java.util.Set<Object> set = new java.util.LinkedHashSet<>();
            if (src.awaitDrainWriters != null) {
                set.add(src.awaitDrainWriters);
            }
            src.awaitDrainWriters = set;
        }
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

    @SuppressWarnings("unchecked")
    private void pauseSource() {
        if (!cleanedUp) {
            if (src.pipes.size() == 1 && src.pipes.get(0) == this) {
                src.awaitDrainWriters = dest;
                src.multiAwaitDrain = false;
            } else if (src.pipes.size() > 1 && src.pipes.contains(this)) {
                ((java.util.Set<Object>) src.awaitDrainWriters).add(dest);
            }
        }
        src.pause();
        if (onDrain == null) {
            onDrain = Listener.of(this::drained);
            dest.on("drain", onDrain);
        }
    }

    @SuppressWarnings("unchecked")
    private void drained() {
        if (src.awaitDrainWriters == dest) {
            src.awaitDrainWriters = null;
        } else if (src.multiAwaitDrain) {
            ((java.util.Set<Object>) src.awaitDrainWriters).remove(dest);
        }
        boolean noneLeft = src.awaitDrainWriters == null
                || src.multiAwaitDrain && ((java.util.Set<Object>) src.awaitDrainWriters).isEmpty();
        if (noneLeft && src.dataListening) {
            src.resume();
        }
    }

    private boolean rawNeedDrain() {
        WriteState ws = dest instanceof Writable w ? w.ws : dest instanceof Duplex d ? d.ws : null;
        return ws == null || ws.needDrain;
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
        // A source still waiting for this destination's drain would wait forever: count it
        // drained. As in node the test is loose: any waiting at all (an empty set included, once
        // there were several pipes) and the destination's raw need-drain flag, even when it ended.
        if (onDrain != null && src.awaitDrainWriters != null && rawNeedDrain()) {
            drained();
        }
    }
}
