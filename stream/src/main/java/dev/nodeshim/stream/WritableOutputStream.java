package dev.nodeshim.stream;

import dev.nodeshim.buffer.Buffer;
import dev.nodeshim.events.Listener;
import dev.nodeshim.loop.EventLoop;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@link Writable#toOutputStream()}: a Writable, living on its loop, fed by a blocking producer on
 * another thread.
 *
 * <p>Each {@code write} hands one chunk to the loop and waits until the loop has called
 * {@code stream.write(chunk)}; if that returned false, the next {@code write} waits for
 * {@code 'drain'}. So the stream's queue ({@code writableLength}) never exceeds highWaterMark plus
 * one chunk, whatever the producer's pace. {@code close()} calls {@code end()} and waits for its
 * callback ({@code 'finish'}). An {@code 'error'} of the stream makes the waiting or the next call
 * throw an {@link IOException} carrying it. Until {@code close()} completes (or the stream fails)
 * the OutputStream keeps the loop alive, like an open handle in Node: close it.
 */
final class WritableOutputStream extends OutputStream {
    private final Stream stream;
    private final WritableStream writable;
    private final EventLoop loop;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private boolean accepted;
    private boolean mustDrain;
    private boolean ended;
    private boolean finished;
    private Throwable failure;

    /** Keeps the loop alive until close() completes or the stream fails, as an open handle in Node. */
    private final dev.nodeshim.loop.Ref alive;

    WritableOutputStream(Stream stream, WriteState ws) {
        this.stream = stream;
        this.writable = (WritableStream) stream;
        this.loop = stream.loop;
        this.alive = loop.ref();
        Runnable attach = () -> {
            stream.on("drain", Listener.of(() -> update(() -> mustDrain = false)));
            stream.on("error", Listener.of((Throwable err) -> update(() -> failure = err)));
            stream.on("close", Listener.of(() -> update(() -> {
                if (!finished && failure == null) {
                    failure = new IOException("stream closed before finish");
                }
            })));
        };
        if (loop.inLoopThread()) {
            attach.run();
        } else {
            loop.execute(attach);
        }
    }

    private void update(Runnable change) {
        boolean done;
        lock.lock();
        try {
            change.run();
            changed.signalAll();
            done = finished || failure != null;
        } finally {
            lock.unlock();
        }
        if (done) {
            alive.close();
        }
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return;
        }
        requireOffLoop();
        Buffer chunk = Buffer.from(java.util.Arrays.copyOfRange(b, off, off + len));
        lock.lock();
        try {
            awaitWhile(() -> mustDrain && failure == null);
            check();
            if (ended) {
                throw new IOException("Stream closed");
            }
            accepted = false;
        } finally {
            lock.unlock();
        }
        loop.execute(() -> {
            boolean ok;
            try {
                ok = !stream.destroyed() && writable.write(chunk);
            } catch (RuntimeException e) {
                update(() -> failure = e);
                return;
            }
            update(() -> {
                accepted = true;
                if (!ok) {
                    mustDrain = !stream.destroyed();
                }
            });
        });
        lock.lock();
        try {
            awaitWhile(() -> !accepted && failure == null);
            check();
        } finally {
            lock.unlock();
        }
    }

    /** Ends the stream and waits for {@code 'finish'}; throws if the stream failed. */
    @Override
    public void close() throws IOException {
        requireOffLoop();
        lock.lock();
        try {
            if (ended) {
                return;
            }
            ended = true;
        } finally {
            lock.unlock();
        }
        loop.execute(() -> {
            if (stream.destroyed()) {
                update(() -> {
                    if (failure == null) {
                        failure = new IOException("stream destroyed");
                    }
                });
                return;
            }
            writable.end(err -> update(() -> {
                if (err != null && failure == null) {
                    failure = err;
                }
                finished = err == null;
            }));
        });
        lock.lock();
        try {
            awaitWhile(() -> !finished && failure == null);
            check();
        } finally {
            lock.unlock();
        }
    }

    private void requireOffLoop() {
        if (loop.inLoopThread()) {
            throw new IllegalStateException("toOutputStream() used on the stream's own loop thread would block it forever");
        }
    }

    private void check() throws IOException {
        if (failure != null) {
            throw failure instanceof IOException io ? io : new IOException(failure.toString(), failure);
        }
    }

    private void awaitWhile(java.util.function.BooleanSupplier condition) throws IOException {
        try {
            while (condition.getAsBoolean()) {
                changed.await();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException();
        }
    }
}
