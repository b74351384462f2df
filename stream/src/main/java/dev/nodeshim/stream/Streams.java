package dev.nodeshim.stream;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The stream module's functions, shaped for static import:
 * <pre>{@code
 * import static dev.nodeshim.stream.Streams.*;
 *
 * pipeline(source, transform, dest, err -> { … });       // Node's stream.pipeline
 * finished(stream, err -> { … });                        // Node's stream.finished
 * pipelineAsync(source, dest).thenRun(…);               // stream/promises pipeline
 * }</pre>
 * The {@code CompletableFuture} twins complete on the streams' event loop, like the callbacks.
 */
public final class Streams {
    private Streams() {
    }

    /**
     * Node's {@code stream.pipeline(...streams, callback)}: pipes the streams in order; on an error
     * anywhere destroys them all with it; then calls {@code callback} once, after every stream is
     * done (with {@code null} on success).
     *
     * @throws dev.nodeshim.errors.NodeError {@code ERR_MISSING_ARGS} for fewer than two streams,
     *         {@code ERR_INVALID_ARG_TYPE} for a stream of the wrong kind
     */
    public static void pipeline(List<? extends Stream> streams, Callback callback) {
        Pipeline.run(streams, callback);
    }

    /** {@code pipeline(a, b, callback)}. */
    public static void pipeline(Stream a, Stream b, Callback callback) {
        Pipeline.run(java.util.Arrays.asList(a, b), callback);
    }

    /** {@code pipeline(a, b, c, callback)}. */
    public static void pipeline(Stream a, Stream b, Stream c, Callback callback) {
        Pipeline.run(java.util.Arrays.asList(a, b, c), callback);
    }

    /** {@code pipeline(a, b, c, d, callback)}. */
    public static void pipeline(Stream a, Stream b, Stream c, Stream d, Callback callback) {
        Pipeline.run(java.util.Arrays.asList(a, b, c, d), callback);
    }

    /** {@code pipeline(a, b, c, d, e, callback)}. */
    public static void pipeline(Stream a, Stream b, Stream c, Stream d, Stream e, Callback callback) {
        Pipeline.run(java.util.Arrays.asList(a, b, c, d, e), callback);
    }

    /**
     * {@code require('stream/promises').pipeline(...streams)}: completes (on the loop) when the
     * pipeline's callback would be called; exceptionally with its error.
     */
    public static CompletableFuture<Void> pipelineAsync(Stream... streams) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        Pipeline.run(streams == null ? null : java.util.Arrays.asList(streams), err -> {
            if (err == null) {
                f.complete(null);
            } else {
                f.completeExceptionally(err);
            }
        });
        return f;
    }

    /**
     * Node's {@code stream.finished(stream, callback)}: {@code callback} once the stream is done —
     * {@code null} after {@code 'end'}/{@code 'finish'} (and {@code 'close'} when it will come), the
     * error after {@code 'error'}, {@code ERR_STREAM_PREMATURE_CLOSE} after an early {@code 'close'}.
     *
     * @return Node's cleanup function: removes the listeners {@code finished} added
     */
    public static Runnable finished(Stream stream, Callback callback) {
        if (stream == null) {
            throw dev.nodeshim.errors.Errors.invalidArgType("stream", List.of("ReadableStream", "WritableStream", "Stream"), null);
        }
        if (callback == null) {
            throw dev.nodeshim.errors.Errors.invalidArgType("callback", "function", null);
        }
        return Finished.watch(stream, stream instanceof Readable, stream instanceof WritableStream, callback);
    }

    /** {@code require('stream/promises').finished(stream)}. */
    public static CompletableFuture<Void> finishedAsync(Stream stream) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        finished(stream, err -> {
            if (err == null) {
                f.complete(null);
            } else {
                f.completeExceptionally(err);
            }
        });
        return f;
    }
}
