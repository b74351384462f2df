package dev.nodeshim.stream;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Node's {@code stream} module functions, static-import friendly
 * ({@code import static dev.nodeshim.stream.Streams.*;}): {@link #pipeline}, {@link #finished}, the
 * default high water marks, and the adapters between streams and {@code java.io}.
 *
 * <p>Every callback form has a {@link CompletableFuture} twin (Node's {@code stream/promises}); the
 * future completes on the stream's loop thread.
 */
public final class Streams {
    private Streams() {
    }

    // ------------------------------------------------------------------ pipeline

    /** {@code pipeline(source, destination, callback)}. @return {@code destination} */
    public static <W extends Stream & WritableStream> W pipeline(Readable source, W destination, Callback callback) {
        Pipeline.run(List.of(source, destination), callback);
        return destination;
    }

    /** {@code pipeline(source, transform, destination, callback)}. @return {@code destination} */
    public static <W extends Stream & WritableStream> W pipeline(Readable source, Duplex transform, W destination,
            Callback callback) {
        Pipeline.run(List.of(source, transform, destination), callback);
        return destination;
    }

    /**
     * {@code pipeline(...streams, callback)}: the first stream must be readable, the others writable,
     * each but the last also readable.
     *
     * @return the last stream
     * @throws dev.nodeshim.errors.NodeError {@code ERR_MISSING_ARGS} with fewer than two streams
     */
    public static Stream pipeline(List<? extends Stream> streams, Callback callback) {
        return Pipeline.run(streams, callback);
    }

    /** {@code await stream.promises.pipeline(...streams)}: completes (on the loop) when the pipeline does. */
    public static CompletableFuture<Void> pipeline(Stream... streams) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        Pipeline.run(Arrays.asList(streams), err -> complete(f, err));
        return f;
    }

    // ------------------------------------------------------------------ finished

    /**
     * {@code finished(stream, callback)}: {@code callback} once the stream is done, with its error,
     * {@code ERR_STREAM_PREMATURE_CLOSE} when it closed before 'end'/'finish', or {@code null}.
     *
     * @return a cleanup that removes the listeners added (Node's return value)
     */
    public static Runnable finished(Stream stream, Callback callback) {
        return finished(stream, FinishedOptions.defaults(), callback);
    }

    /** {@code finished(stream, options, callback)}. */
    public static Runnable finished(Stream stream, FinishedOptions options, Callback callback) {
        if (callback == null) {
            throw dev.nodeshim.errors.Errors.invalidArgType("callback", "function", null);
        }
        if (stream == null) {
            throw dev.nodeshim.errors.Errors.invalidArgType("stream",
                    List.of("ReadableStream", "WritableStream", "Stream"), null);
        }
        return EndOfStream.eos(stream, options, callback);
    }

    /** {@code await stream.promises.finished(stream)}. */
    public static CompletableFuture<Void> finished(Stream stream) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        finished(stream, err -> complete(f, err));
        return f;
    }

    private static void complete(CompletableFuture<Void> f, Throwable err) {
        if (err != null) {
            f.completeExceptionally(err);
        } else {
            f.complete(null);
        }
    }

    // ------------------------------------------------------------------ high water marks

    /** {@code stream.getDefaultHighWaterMark(objectMode)}: 16384, or 16 in object mode (Node 20). */
    public static int getDefaultHighWaterMark(boolean objectMode) {
        return HighWaterMarks.get(objectMode);
    }

    /** {@code stream.setDefaultHighWaterMark(objectMode, value)} (process-wide). */
    public static void setDefaultHighWaterMark(boolean objectMode, int value) {
        HighWaterMarks.set(objectMode, value);
    }
    // ------------------------------------------------------------------ java.io adapters

    /**
     * A Readable fed by {@code in}, read on a helper thread only while the Readable's buffer is below
     * highWaterMark (real backpressure: a slow consumer stops the reads). EOF ends the stream; an
     * {@code IOException} destroys it with that error; the end or destroy closes {@code in}. Create it
     * on the loop thread.
     */
    public static Readable fromInputStream(java.io.InputStream in) {
        return fromInputStream(in, ReadableOptions.defaults());
    }

    /** {@link #fromInputStream(java.io.InputStream)} with options (highWaterMark = the most read at once). */
    public static Readable fromInputStream(java.io.InputStream in, ReadableOptions options) {
        return new InputStreamReadable(java.util.Objects.requireNonNull(in, "in"), options);
    }

    /**
     * A blocking InputStream over {@code readable}'s data, for another thread; {@code read} waits for
     * data, returns -1 at 'end', throws an {@code IOException} carrying the stream's error. Closing it
     * early destroys the stream. It keeps the loop alive until its end or close. Create it on the loop
     * thread.
     */
    public static java.io.InputStream toInputStream(Readable readable) {
        return new ReadableInputStream(readable);
    }

    /**
     * A Writable that writes to {@code out} on a helper thread, one chunk at a time; {@code write()}
     * returns false once highWaterMark bytes wait for a slow {@code out}. {@code end()} flushes and
     * closes {@code out}. Create it on the loop thread.
     */
    public static Writable fromOutputStream(java.io.OutputStream out) {
        return fromOutputStream(out, WritableOptions.defaults());
    }

    /** {@link #fromOutputStream(java.io.OutputStream)} with options. */
    public static Writable fromOutputStream(java.io.OutputStream out, WritableOptions options) {
        return new OutputStreamWritable(java.util.Objects.requireNonNull(out, "out"), options);
    }

    /**
     * A blocking OutputStream into {@code writable}, for another thread: {@code write} blocks while the
     * writable's queue is at highWaterMark (until 'drain'); {@code close()} ends the writable and waits
     * for 'finish'. It keeps the loop alive until closed. Create it on the loop thread.
     */
    public static java.io.OutputStream toOutputStream(WritableStream writable) {
        return new WritableOutputStream(writable);
    }
}
