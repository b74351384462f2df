package dev.nodeshim.stream;

import dev.nodeshim.events.Listener;
import dev.nodeshim.events.Listener0;
import dev.nodeshim.events.Listener1;
import dev.nodeshim.events.Listener2;
import java.util.Set;

/**
 * One {@code src.pipe(dest)}: the listeners Node's {@code Readable.prototype.pipe} installs, and
 * their removal. Rules kept from Node: a {@code false} from {@code dest.write} pauses the source
 * until that dest's 'drain' (with several dests, until all of them drained); dest 'error', 'close'
 * or 'finish' unpipe; the pipe's own 'error' listener is prepended so it runs before the user's; a
 * dest error with no other listener is rethrown by re-emitting it.
 */
final class Pipe {
    /** Node's {@code unpipeInfo} ({@code {hasUnpiped: false}}) passed with 'unpipe'. */
    static final class UnpipeInfo {
        boolean hasUnpiped;
    }

    private final Readable src;
    private final Stream dest;
    private final boolean doEnd;
    private final ReadableState state;
    private boolean cleanedUp;
    private Listener ondrain;

    private final Listener onunpipe = Listener.of((Listener2<Object, Object>) this::onunpipe);
    private final Listener onend = Listener.of((Listener0) this::onend);
    private final Listener unpipe = Listener.of((Listener0) this::unpipe);
    private final Listener ondata = Listener.of((Listener1<Object>) this::ondata);
    private final Listener onerror = Listener.of((Listener1<Throwable>) this::onerror);
    private final Listener onclose = Listener.of((Listener0) this::onclose);
    private final Listener onfinish = Listener.of((Listener0) this::onfinish);

    Pipe(Readable src, Stream dest, boolean end) {
        this.src = src;
        this.dest = dest;
        this.doEnd = end;
        this.state = src.rs;
    }

    void start() {
        src.addPipe(dest);
        Listener endFn = doEnd ? onend : unpipe;
        if (state.endEmitted) {
            Stream.nextTick(() -> invoke(endFn));
        } else {
            src.once("end", endFn);
        }
        dest.on("unpipe", onunpipe);
        src.on("data", ondata);
        // Our error handler runs before userland ones.
        dest.prependListener("error", onerror);
        dest.once("close", onclose);
        dest.once("finish", onfinish);
        dest.emit("pipe", src);
        WritableState w = dest.ws;
        if (w != null && w.needDrainFlag()) {
            pause();
        } else if (state.flowing != Boolean.TRUE) {
            src.resume();
        }
    }

    private void invoke(Listener l) {
        if (l == onend) {
            onend();
        } else {
            unpipe();
        }
    }

    private void onunpipe(Object readable, Object info) {
        if (readable == src && info instanceof UnpipeInfo u && !u.hasUnpiped) {
            u.hasUnpiped = true;
            cleanup();
        }
    }

    private void onend() {
        ((WritableStream) dest).end();
    }

    private void cleanup() {
        dest.removeListener("close", onclose);
        dest.removeListener("finish", onfinish);
        if (ondrain != null) {
            dest.removeListener("drain", ondrain);
        }
        dest.removeListener("error", onerror);
        dest.removeListener("unpipe", onunpipe);
        src.removeListener("end", onend);
        src.removeListener("end", unpipe);
        src.removeListener("data", ondata);
        cleanedUp = true;
        // If the source waits for a drain from this dest, it would never flow again: drain now.
        if (ondrain != null && state.awaitDrainWriters != null && (dest.ws == null || dest.ws.needDrain)) {
            drained();
        }
    }

    private void pause() {
        // The user may have unpiped during dest.write(): only pause for a dest still piped to.
        if (!cleanedUp) {
            if (state.pipes.size() == 1 && state.pipes.get(0) == dest) {
                state.awaitDrainWriters = dest;
                state.multiAwaitDrain = false;
            } else if (state.pipes.size() > 1 && state.pipes.contains(dest)) {
                @SuppressWarnings("unchecked")
                Set<Object> set = (Set<Object>) state.awaitDrainWriters;
                set.add(dest);
            }
            src.pause();
        }
        if (ondrain == null) {
            ondrain = Listener.of((Listener0) this::drained);
            dest.on("drain", ondrain);
        }
    }

    private void drained() {
        if (state.awaitDrainWriters == dest) {
            state.awaitDrainWriters = null;
        } else if (state.multiAwaitDrain) {
            ((Set<?>) state.awaitDrainWriters).remove(dest);
        }
        if ((state.awaitDrainWriters == null
                || (state.awaitDrainWriters instanceof Set<?> s && s.isEmpty()))
                && state.dataListening) {
            src.resume();
        }
    }

    private void ondata(Object chunk) {
        boolean ret = ((WritableStream) dest).write(chunk);
        if (!ret) {
            pause();
        }
    }

    private void onerror(Throwable er) {
        unpipe();
        dest.removeListener("error", onerror);
        if (dest.listenerCount("error") == 0) {
            StreamState s = dest.ws != null ? dest.ws : dest.rs;
            if (s != null && !s.errorEmitted) {
                // The user emitted 'error' directly on the stream.
                dest.errorOrDestroy(er, false);
            } else {
                dest.emit("error", er);
            }
        }
    }

    private void onclose() {
        dest.removeListener("finish", onfinish);
        unpipe();
    }

    private void onfinish() {
        dest.removeListener("close", onclose);
        unpipe();
    }

    private void unpipe() {
        src.unpipe((WritableStream) dest);
    }
}
