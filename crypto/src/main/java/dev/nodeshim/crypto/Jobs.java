package dev.nodeshim.crypto;

import dev.nodeshim.errors.NodeError;
import dev.nodeshim.loop.EventLoop;
import dev.nodeshim.loop.Ref;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs the work of an asynchronous crypto call (pbkdf2, scrypt, randomBytes…) on a helper thread and
 * its callback on the event loop, as Node runs such work on libuv's thread pool.
 *
 * <p>Algorithm: on the calling (loop) thread, take a {@link Ref} on {@link EventLoop#current()} so
 * the loop waits for the result; hand the work to a pool of 4 daemon threads (libuv's default pool
 * size); the worker computes, then posts one completion to the loop, which releases the Ref and calls
 * back. The work touches only its own inputs (copied on the calling thread when the caller could
 * change them) and, for randomFill, the caller's buffer, which Node also fills from another thread;
 * the post to the loop orders that write before the callback's reads.
 *
 * <p>Rejected: {@code ForkJoinPool.commonPool()} (shared with every parallel stream of the program,
 * so a long scrypt could stall them, and its size follows the core count, not Node's 4).
 */
final class Jobs {
    private static final AtomicInteger THREADS = new AtomicInteger();

    private static final class Pool {
        static final ExecutorService POOL = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "nodeshim-crypto-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    private Jobs() {
    }

    /** Runs {@code work} off the loop; calls {@code callback} on the loop with its result or error. */
    static <T> void run(Supplier<T> work, CryptoCallback<? super T> callback) {
        EventLoop loop = EventLoop.current();
        Ref ref = loop.ref();
        Pool.POOL.execute(() -> {
            T value = null;
            NodeError error = null;
            try {
                value = work.get();
            } catch (NodeError e) {
                error = e;
            } catch (RuntimeException | OutOfMemoryError e) {
                error = new NodeError("Error", null, String.valueOf(e.getMessage()), e);
            }
            T v = value;
            NodeError err = error;
            loop.execute(() -> {
                ref.close();
                callback.call(err, v);
            });
        });
    }

    /** The CompletableFuture twin: completes on the loop thread. */
    static <T> CompletableFuture<T> future(Supplier<T> work) {
        CompletableFuture<T> f = new CompletableFuture<>();
        run(work, (err, v) -> {
            if (err != null) {
                f.completeExceptionally(err);
            } else {
                f.complete(v);
            }
        });
        return f;
    }

    /** Node's validation of a callback argument. */
    static void requireCallback(Object callback) {
        if (callback == null) {
            throw dev.nodeshim.errors.Errors.invalidArgType("callback", "function", null);
        }
    }
}
