package dev.nodeshim.stream;

import dev.nodeshim.buffer.Buffer;
import dev.nodeshim.events.Listener;
import dev.nodeshim.loop.EventLoop;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@link Readable#toInputStream()}: a Readable, living on its loop, read by a blocking consumer on
 * another thread.
 *
 * <h2>Hand-off</h2>
 * <pre>
 *   loop thread                                    consumer thread
 *   'readable' / pull ─► while held &lt; hwm:          read(): wait while nothing is held
 *                          chunk = stream.read()          take bytes; if held fell under hwm
 *                          held += chunk                  and the loop stopped pulling: post pull
 * </pre>
 * The loop side takes data out of the Readable only while the bytes held here are under the
 * stream's highWaterMark, and never more than fits under it; then it stops, the Readable's buffer
 * fills, and its {@code _read} is no longer called — the producer is slowed down. So at most
 * highWaterMark (here) plus highWaterMark and one chunk (in the Readable) are in memory. The consumer never touches the stream: it posts
 * to the loop. {@code 'end'} is end of file; {@code 'error'} (or a close before {@code 'end'})
 * makes {@code read} throw an {@link IOException} carrying the cause. Until one of those (or
 * {@link #close()}), the InputStream keeps the loop alive, like an open handle in Node.
 */
final class ReadableInputStream extends InputStream {
    private final Readable stream;
    private final EventLoop loop;
    private final long limit;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<byte[]> chunks = new ArrayDeque<>();
    private int headOffset;
    private long held;
    private boolean eof;
    private Throwable failure;
    private boolean closed;
    /** Loop side stopped pulling because {@code held} reached the limit (guarded by lock). */
    private boolean stalled;

    /** Keeps the loop alive while a reader may still come for data, as an open handle does in Node. */
    private final dev.nodeshim.loop.Ref alive;

    ReadableInputStream(Readable stream) {
        this.stream = stream;
        this.loop = stream.loop;
        this.alive = loop.ref();
        this.limit = Math.max(1, stream.objectMode ? Readable.DEFAULT_HWM : stream.highWaterMark);
        onLoop(this::attach);
    }

    private void onLoop(Runnable r) {
        if (loop.inLoopThread()) {
            r.run();
        } else {
            loop.execute(r);
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Loop side

    private void attach() {
        stream.on("readable", Listener.of(this::pull));
        stream.on("end", Listener.of(() -> finish(null, true)));
        stream.on("error", Listener.of((Throwable err) -> finish(err, false)));
        stream.on("close", Listener.of(() -> finish(new IOException("stream closed before its end"), false)));
    }

    private void pull() {
        while (true) {
            long room;
            lock.lock();
            try {
                if (closed) {
                    return;
                }
                if (held >= limit) {
                    stalled = true;
                    return;
                }
                stalled = false;
                room = limit - held;
            } finally {
                lock.unlock();
            }
            // Take no more than fits, so the hand-off queue never holds more than the limit. A plain
            // read() could return more than was buffered: it may call _read, which may push.
            Object chunk;
            long buffered = stream.readableLength();
            if (stream.objectMode) {
                chunk = stream.read();
            } else if (buffered == 0) {
                stream.read(0); // lets _read run (or 'end' come)
                if (stream.readableLength() == 0) {
                    return; // 'readable' will come again
                }
                continue;
            } else {
                chunk = stream.read(Math.min(room, buffered));
            }
            if (chunk == null) {
                return; // 'readable' will come again
            }
            byte[] bytes = toBytes(chunk);
            lock.lock();
            try {
                if (bytes.length > 0) {
                    chunks.addLast(bytes);
                    held += bytes.length;
                    changed.signalAll();
                }
            } finally {
                lock.unlock();
            }
        }
    }

    private byte[] toBytes(Object chunk) {
        if (chunk instanceof Buffer b) {
            return b.toByteArray();
        }
        if (chunk instanceof String s) {
            String enc = stream.readableEncoding();
            return Buffer.from(s, enc == null ? "utf8" : enc).toByteArray();
        }
        if (chunk instanceof byte[] a) {
            return a.clone();
        }
        return Buffer.from(String.valueOf(chunk)).toByteArray();
    }

    private void finish(Throwable err, boolean atEnd) {
        lock.lock();
        try {
            if (eof || failure != null) {
                return;
            }
            if (atEnd) {
                eof = true;
            } else {
                failure = err;
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        alive.close();
    }

    // ------------------------------------------------------------------------------------------------
    // Consumer side

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        if (loop.inLoopThread()) {
            throw new IllegalStateException("toInputStream() read on the stream's own loop thread would block it forever");
        }
        if (len == 0) {
            return 0;
        }
        boolean repull;
        int n = 0;
        lock.lock();
        try {
            while (chunks.isEmpty() && !eof && failure == null && !closed) {
                changed.await();
            }
            if (closed) {
                throw new IOException("Stream closed");
            }
            if (chunks.isEmpty()) {
                if (eof) {
                    return -1;
                }
                throw new IOException(failure.toString(), failure);
            }
            while (n < len && !chunks.isEmpty()) {
                byte[] head = chunks.peekFirst();
                int take = Math.min(len - n, head.length - headOffset);
                System.arraycopy(head, headOffset, b, off + n, take);
                n += take;
                headOffset += take;
                if (headOffset == head.length) {
                    chunks.pollFirst();
                    headOffset = 0;
                }
            }
            held -= n;
            repull = stalled && held < limit;
            if (repull) {
                stalled = false;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException();
        } finally {
            lock.unlock();
        }
        if (repull) {
            loop.execute(this::pull);
        }
        return n;
    }

    @Override
    public int available() {
        lock.lock();
        try {
            return (int) Math.min(Integer.MAX_VALUE, held);
        } finally {
            lock.unlock();
        }
    }

    /** Destroys the stream (on its loop) and fails any blocked read. */
    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            chunks.clear();
            held = 0;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        onLoop(() -> stream.destroy());
        alive.close();
    }

    /** Bytes held here, waiting for the consumer (for tests of the memory bound). */
    long held() {
        lock.lock();
        try {
            return held;
        } finally {
            lock.unlock();
        }
    }
}
