package dev.nodeshim.stream;

import dev.nodeshim.events.Listener;
import dev.nodeshim.events.Listener0;
import dev.nodeshim.loop.EventLoop;
import dev.nodeshim.loop.Ref;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * A blocking iterator over a {@link Readable}'s chunks for a thread other than the stream's loop: the
 * Java form of {@code for await (const chunk of readable)} (Node's {@code createAsyncIterator}).
 *
 * <pre>{@code
 * // on the loop:
 * StreamIterator chunks = readable.iterator();
 * worker.submit(() -> {                        // another thread
 *     try (chunks) {
 *         while (chunks.hasNext()) handle(chunks.next());
 *     }
 * });
 * }</pre>
 *
 * <p>Each {@link #hasNext()} with no chunk in hand posts one {@code read()} to the loop and blocks
 * until a chunk, the end (false) or the stream's error (thrown, unchecked as it was emitted). Like
 * Node's iterator it listens to 'readable', so the stream is in paused mode and only the stream's own
 * buffer is read ahead. {@link #close()} before the end destroys the stream, as leaving a
 * {@code for await} early does. The iterator holds a {@link Ref} on the loop from creation until the
 * end, the error or {@code close()}, so the loop waits for its consumer.
 */
public final class StreamIterator implements Iterator<Object>, AutoCloseable {
    private static final Object END = new Object();

    private final Readable stream;
    private final EventLoop loop;
    private final Ref ref;
    // loop-thread state
    private CompletableFuture<Object> waiter;
    private Throwable error;
    private boolean done;
    private final Listener onReadable = Listener.of((Listener0) this::wake);
    // consumer-thread state
    private Object next;
    private boolean finished;

    StreamIterator(Readable stream) {
        this.stream = stream;
        this.loop = EventLoop.current();
        this.ref = loop.ref();
        stream.on("readable", onReadable);
        EndOfStream.eos(stream, EndOfStream.READABLE_ONLY, err -> {
            error = err;
            done = true;
            wake();
        });
    }

    /** Loop thread: answer the waiting consumer if the stream has something to say. */
    private void pull(CompletableFuture<Object> f) {
        Object chunk = stream.destroyed() ? null : stream.read();
        if (chunk != null) {
            f.complete(chunk);
        } else if (error != null) {
            f.completeExceptionally(error);
        } else if (done) {
            f.complete(END);
        } else {
            waiter = f;
        }
    }

    private void wake() {
        CompletableFuture<Object> w = waiter;
        if (w != null) {
            waiter = null;
            pull(w);
        }
    }

    @Override
    public boolean hasNext() {
        if (next != null) {
            return true;
        }
        if (finished) {
            return false;
        }
        CompletableFuture<Object> f = new CompletableFuture<>();
        loop.execute(() -> pull(f));
        Object got;
        try {
            got = f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a chunk", e);
        } catch (ExecutionException e) {
            finish();
            throw sneaky(e.getCause());
        }
        if (got == END) {
            finish();
            return false;
        }
        next = got;
        return true;
    }

    @Override
    public Object next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Object n = next;
        next = null;
        return n;
    }

    private void finish() {
        if (!finished) {
            finished = true;
            ref.close();
        }
    }

    /** Stops iterating; before the end this destroys the stream (on its loop). */
    @Override
    public void close() {
        if (!finished) {
            loop.execute(() -> {
                stream.removeListener("readable", onReadable);
                if (!done) {
                    stream.destroy();
                }
            });
            finish();
        }
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> RuntimeException sneaky(Throwable t) throws T {
        throw (T) t;
    }
}
