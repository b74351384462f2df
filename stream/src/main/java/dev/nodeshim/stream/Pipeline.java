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
 * </ul>
 */
final class Pipeline {
    private final List<Stream> streams;
    private final Callback callback;
    private final boolean[] done;
    private int remaining;
    private Throwable error;
    private boolean reported;

    private Pipeline(List<Stream> streams, Callback callback) {
        this.streams = streams;
        this.callback = callback;
        this.done = new boolean[streams.size()];
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
            Finished.watch(streams.get(i), i < last, i > 0, err -> onDone(index, err));
        }
        for (int i = 1; i <= last; i++) {
            pipe((Readable) streams.get(i - 1), streams.get(i));
        }
    }

    @SuppressWarnings("unchecked")
    private static <W extends Stream & WritableStream> void pipe(Readable src, Stream dest) {
        src.pipe((W) dest);
    }

    private void onDone(int index, Throwable err) {
        done[index] = err == null;
        remaining--;
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
        if (remaining == 0 && !reported) {
            reported = true;
            Throwable result = error;
            streams.get(0).loop.nextTick(() -> callback.call(result));
        }
    }

    private static boolean isPrematureClose(Throwable t) {
        return t instanceof dev.nodeshim.errors.NodeError e && "ERR_STREAM_PREMATURE_CLOSE".equals(e.code());
    }
}
