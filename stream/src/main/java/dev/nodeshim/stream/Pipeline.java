package dev.nodeshim.stream;

import dev.nodeshim.errors.Errors;
import java.util.List;

/**
 * {@link Streams#pipeline}: pipes each stream into the next and reports once, when the whole chain
 * is done.
 * <ul>
 * <li>Each stream is watched with {@link Finished} (the first as readable only, the last as
 *     writable only). When every one is done, the callback runs on the next tick, with
 *     {@code null} on success.</li>
 * <li>The first real error (a premature close is replaced by a real error found later) destroys
 *     every stream not yet done with that error — so each one emits {@code 'error'} and
 *     {@code 'close'} — and becomes the callback's error.</li>
 * <li>A destination that closes before its source ended is a premature close; a source that
 *     closes after {@code push(null)} but before {@code 'end'} is not (node then waits for an
 *     {@code 'end'} that never comes: the callback is not called).</li>
 * </ul>
 */
final class Pipeline {
    private final List<Stream> streams;
    private final Callback callback;
    private final boolean[] done;
    private final boolean[] settled;
    private int remaining;
    private Throwable error;
    private boolean reported;

    private Pipeline(List<Stream> streams, Callback callback) {
        this.streams = streams;
        this.callback = callback;
        this.done = new boolean[streams.size()];
        this.settled = new boolean[streams.size()];
        this.remaining = streams.size();
    }

    static void run(List<? extends Stream> streams, Callback callback) {
        if (callback == null) {
            // node takes the last argument as the callback and names it so
            throw Errors.invalidArgType("streams[stream.length - 1]", "function", null);
        }
        if (streams == null || streams.size() < 2) {
            throw Errors.missingArgs("streams");
        }
        int last = streams.size() - 1;
        for (int i = 0; i <= last; i++) {
            Stream s = streams.get(i);
            if (s == null) {
                throw Errors.invalidArgType("streams[" + i + "]", List.of("Readable", "Writable"), null);
            }
            if (i < last && !(s instanceof Readable)) {
                throw Errors.invalidArgType("streams[" + i + "]", "Readable", s);
            }
            if (i > 0 && !(s instanceof WritableStream)) {
                throw Errors.invalidArgType("streams[" + i + "]", "Writable", s);
            }
        }
        new Pipeline(List.copyOf(streams), callback).start();
    }

    private void start() {
        int last = streams.size() - 1;
        for (int i = 0; i <= last; i++) {
            int index = i;
            Stream s = streams.get(i);
            boolean reading = i < last;
            Finished.watch(s, reading, i > 0, err -> {
                if (reading && isPrematureClose(err) && s instanceof Readable r
                        && r.ended && r.errored == null && !r.errorEmitted) {
                    // node: a source closed after push(null) but before 'end' is not a failure yet;
                    // the pipeline waits for that 'end' (or an 'error'), which a destroyed stream never
                    // emits, so it stays pending and the other streams live on
                    r.once("end", () -> onDone(index, null));
                    r.once("error", (Throwable e) -> onDone(index, e));
                    return;
                }
                onDone(index, err);
            });
            // node also keeps an 'error' listener on every stream: an error that comes after the
            // stream was done (a source destroyed with an error after its 'end') still fails the rest
            s.on("error", (Throwable e) -> {
                if (!isPrematureClose(e)) {
                    fail(e);
                    maybeReport();
                }
            });
        }
        for (int i = 1; i <= last; i++) {
            pipe((Readable) streams.get(i - 1), streams.get(i));
        }
    }

    /**
     * Pipes without pipe's own ending, then ends {@code dest} after the source's 'end': as in node,
     * the source unpipes at its 'end' (pipe's end-false rule) before {@code dest} is ended, so
     * {@code 'unpipe'} comes before the destination's {@code 'finish'}. A {@code dest} that closes
     * before its source ended fails the whole pipeline with a premature close, even when it had
     * finished by itself (someone else ended it).
     */
    @SuppressWarnings("unchecked")
    private <W extends Stream & WritableStream> void pipe(Readable src, Stream dest) {
        boolean[] ended = {false};
        dest.on("close", () -> {
            if (!ended[0]) {
                fail(StreamErrors.prematureClose());
            }
        });
        src.pipe((W) dest, false);
        WritableStream w = (WritableStream) dest;
        Runnable endDest = () -> {
            ended[0] = true;
            w.end();
        };
        if (src.endEmitted) {
            src.loop.nextTick(endDest);
        } else {
            src.once("end", endDest::run);
        }
    }

    private void onDone(int index, Throwable err) {
        done[index] = err == null;
        settled[index] = true;
        remaining--;
        fail(err);
        maybeReport();
    }

    private void maybeReport() {
        if ((remaining == 0 || error != null && allButSourceSettled()) && !reported) {
            reported = true;
            Throwable result = error;
            streams.get(0).loop.nextTick(() -> callback.call(result));
        }
    }

    /** Records the pipeline's error (a real one wins over a premature close) and destroys the streams not yet done. */
    /**
     * Observed in node: after an error the callback does not wait for the source to close (one whose
     * close takes a microtask closes after it), nor for a stream still under construction.
     */
    private boolean allButSourceSettled() {
        for (int i = 1; i < settled.length; i++) {
            if (!settled[i] && streams.get(i).constructed) {
                return false;
            }
        }
        return true;
    }

    private void fail(Throwable err) {
        if (err != null && (error == null || isPrematureClose(error) && !isPrematureClose(err))) {
            error = err;
        }
        if (error != null) {
            for (int i = 0; i < streams.size(); i++) {
                if (!done[i]) {
                    done[i] = true;
                    streams.get(i).destroy(error);
                }
            }
        }
    }

    private static boolean isPrematureClose(Throwable t) {
        return t instanceof dev.nodeshim.errors.NodeError e && "ERR_STREAM_PREMATURE_CLOSE".equals(e.code());
    }
}
