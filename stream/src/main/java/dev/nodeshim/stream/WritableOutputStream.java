package dev.nodeshim.stream;

import dev.nodeshim.buffer.Buffer;
import dev.nodeshim.events.Listener;
import dev.nodeshim.events.Listener0;
import dev.nodeshim.loop.EventLoop;
import dev.nodeshim.loop.Ref;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * A blocking {@link OutputStream} view of a {@link WritableStream}, for Java code on another thread
 * ({@link Streams#toOutputStream}).
 *
 * <h2>Backpressure</h2>
 * {@code write(bytes)} copies the bytes into a Buffer, posts {@code writable.write(buf)} to the loop
 * and returns as soon as that write returned true; when it returned false, it blocks until 'drain'.
 * So the writable's queue never holds more than highWaterMark plus one chunk, however fast the
 * producing thread is. {@code close()} posts {@code end()} and waits for 'finish'. After the stream
 * failed or was destroyed, writes throw {@code IOException} (its cause is the stream's error). The
 * view holds a {@link Ref} on the loop until it is closed.
 */
final class WritableOutputStream extends OutputStream {
    private final Stream stream;
    private final WritableStream writable;
    private final EventLoop loop = EventLoop.current();
    private final Ref ref;
    // loop-thread state
    private Throwable failure;
    private boolean done;
    private CompletableFuture<Void> drainWaiter;
    private boolean closed;

    WritableOutputStream(WritableStream writable) {
        this.writable = writable;
        this.stream = (Stream) writable;
        this.ref = loop.ref();
        stream.on("drain", Listener.of((Listener0) () -> release(null)));
        EndOfStream.eos(stream, EndOfStream.WRITABLE_ONLY, err -> {
            done = true;
            failure = err;
            release(err != null ? err : StreamErrors.destroyed("write"));
        });
    }

    private void release(Throwable err) {
        CompletableFuture<Void> w = drainWaiter;
        if (w != null) {
            drainWaiter = null;
            if (err != null) {
                w.completeExceptionally(err);
            } else {
                w.complete(null);
            }
        }
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        if (closed) {
            throw new IOException("stream closed");
        }
        if (len == 0) {
            return;
        }
        Buffer chunk = Buffer.from(java.util.Arrays.copyOfRange(b, off, off + len));
        CompletableFuture<Void> f = new CompletableFuture<>();
        loop.execute(() -> {
            if (done || stream.destroyed()) {
                f.completeExceptionally(failure != null ? failure : StreamErrors.destroyed("write"));
                return;
            }
            try {
                if (writable.write(chunk)) {
                    f.complete(null);
                } else if (stream.errored() != null || stream.destroyed()) {
                    f.completeExceptionally(stream.errored() != null ? stream.errored()
                            : StreamErrors.destroyed("write"));
                } else {
                    drainWaiter = f; // released by 'drain', or by the end of the stream
                }
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
        });
        await(f);
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        CompletableFuture<Void> f = new CompletableFuture<>();
        loop.execute(() -> {
            if (done) {
                if (failure != null) {
                    f.completeExceptionally(failure);
                } else {
                    f.complete(null);
                }
                return;
            }
            writable.end(err -> {
                if (err != null) {
                    f.completeExceptionally(err);
                } else {
                    f.complete(null);
                }
            });
        });
        try {
            await(f);
        } finally {
            ref.close();
        }
    }

    private static void await(CompletableFuture<Void> f) throws IOException {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while waiting for the stream");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new IOException(cause.getMessage(), cause);
        }
    }
}
