package dev.nodeshim.stream;

import dev.nodeshim.errors.Errors;
import dev.nodeshim.events.Listener;
import dev.nodeshim.events.Listener0;
import dev.nodeshim.events.Listener1;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Node's {@code pipeline} for Node streams ({@code lib/internal/streams/pipeline.js}): pipes each
 * stream into the next, and when any of them fails or closes early destroys all of them and calls back
 * once with the first real error (a premature close is kept only until a real error replaces it). The
 * callback always comes on a tick of its own, after the streams' 'close' events it waited for.
 */
final class Pipeline {
    private final Callback callback;
    private final ArrayDeque<Consumer<Throwable>> destroys = new ArrayDeque<>();
    private final List<Runnable> lastStreamCleanup = new ArrayList<>();
    private Throwable error;
    private int finishCount;
    private boolean called;

    private Pipeline(Callback callback) {
        this.callback = callback;
    }

    static Stream run(List<? extends Stream> streams, Callback callback) {
        if (streams == null || streams.size() < 2) {
            throw Errors.missingArgs("streams");
        }
        if (callback == null) {
            throw Errors.invalidArgType("streams[stream.length - 1]", "function", null);
        }
        return new Pipeline(callback).start(streams);
    }

    private void finish(Throwable err) {
        finishImpl(err, --finishCount == 0);
    }

    private void finishImpl(Throwable err, boolean fin) {
        if (err != null && (error == null || isPrematureClose(error))) {
            error = err;
        }
        if (error == null && !fin) {
            return;
        }
        while (!destroys.isEmpty()) {
            destroys.poll().accept(error);
        }
        if (fin && !called) {
            called = true;
            if (error == null) {
                lastStreamCleanup.forEach(Runnable::run);
            }
            Throwable e = error;
            Stream.nextTick(() -> callback.call(e));
        }
    }

    private static boolean isPrematureClose(Throwable t) {
        return t instanceof dev.nodeshim.errors.NodeError n && "ERR_STREAM_PREMATURE_CLOSE".equals(n.code());
    }

    private Stream start(List<? extends Stream> streams) {
        Stream ret = null;
        for (int i = 0; i < streams.size(); i++) {
            Stream stream = streams.get(i);
            if (stream == null) {
                throw Errors.invalidArgType("val", List.of("Readable", "Iterable", "AsyncIterable",
                        "ReadableStream", "TransformStream"), null);
            }
            boolean reading = i < streams.size() - 1;
            boolean writing = i > 0;
            boolean isLastStream = i == streams.size() - 1;
            // end is always true here: the Java API has no {end: false} for pipeline.
            destroyer(stream, reading, writing, isLastStream);
            Listener onError = Listener.of((Listener1<Throwable>) err -> {
                if (err != null && !isAbort(err) && !isPrematureClose(err)) {
                    finish(err);
                }
            });
            stream.on("error", onError);
            if (Boolean.TRUE.equals(EndOfStream.isReadable(stream)) && isLastStream) {
                lastStreamCleanup.add(() -> stream.removeListener("error", onError));
            }
            if (i == 0) {
                if (!EndOfStream.isReadableNodeStream(stream)) {
                    throw Errors.invalidArgType("source", List.of("Readable", "Iterable", "AsyncIterable"), stream);
                }
                ret = stream;
            } else {
                if (!EndOfStream.isReadableNodeStream(ret)) {
                    throw Errors.invalidArgType("val", List.of("Readable", "Iterable", "AsyncIterable",
                            "ReadableStream", "TransformStream"), ret);
                }
                if (!(stream instanceof WritableStream)) {
                    throw StreamErrors.cannotPipe();
                }
                finishCount += 2;
                Runnable cleanup = pipe((Readable) ret, stream);
                if (Boolean.TRUE.equals(EndOfStream.isReadable(stream)) && isLastStream) {
                    lastStreamCleanup.add(cleanup);
                }
                ret = stream;
            }
        }
        return ret;
    }

    private static boolean isAbort(Throwable t) {
        return t instanceof dev.nodeshim.errors.NodeError n && "AbortError".equals(n.name());
    }

    private void destroyer(Stream stream, boolean reading, boolean writing, boolean isLastStream) {
        boolean[] finished = {false};
        stream.on("close", Listener.of((Listener0) () -> finished[0] = true));
        Runnable cleanup = EndOfStream.eos(stream, FinishedOptions.defaults().readable(reading).writable(writing),
                err -> finished[0] = err == null);
        destroys.add(err -> {
            if (finished[0]) {
                return;
            }
            finished[0] = true;
            destroy(stream, err != null ? err : StreamErrors.destroyed("pipe"));
        });
        if (Boolean.TRUE.equals(EndOfStream.isReadable(stream)) && isLastStream) {
            lastStreamCleanup.add(cleanup);
        }
    }

    /** Node's {@code destroyImpl.destroyer}: destroy with the error, or an AbortError if unfinished. */
    static void destroy(Stream stream, Throwable err) {
        if (EndOfStream.isDestroyed(stream)) {
            return;
        }
        if (err == null && !EndOfStream.isFinished(stream)) {
            err = StreamErrors.abortError();
        }
        stream.destroy(err);
    }

    private Runnable pipe(Readable src, Stream dst) {
        boolean[] ended = {false};
        dst.on("close", Listener.of((Listener0) () -> {
            if (!ended[0]) {
                finish(StreamErrors.prematureClose());
            }
        }));
        src.pipe((WritableStream) dst, false);
        Runnable endFn = () -> {
            ended[0] = true;
            ((WritableStream) dst).end();
        };
        if (Boolean.TRUE.equals(EndOfStream.isReadableFinished(src, true))) {
            Stream.nextTick(endFn);
        } else {
            src.once("end", Listener.of((Listener0) endFn::run));
        }
        EndOfStream.eos(src, EndOfStream.READABLE_ONLY, err -> {
            ReadableState rState = src.rs;
            if (err != null && isPrematureClose(err) && rState.ended && rState.errored == null
                    && !rState.errorEmitted) {
                src.once("end", Listener.of((Listener0) () -> finish(null)));
                src.once("error", Listener.of((Listener1<Throwable>) this::finish));
            } else {
                finish(err);
            }
        });
        return EndOfStream.eos(dst, EndOfStream.WRITABLE_ONLY, this::finish);
    }
}
