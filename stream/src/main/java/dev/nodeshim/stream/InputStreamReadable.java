package dev.nodeshim.stream;

import dev.nodeshim.buffer.Buffer;
import dev.nodeshim.loop.Ref;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@link Readable#fromInputStream}: an {@link InputStream} as a Readable.
 *
 * <h2>Reading ahead, within bounds</h2>
 * A helper thread runs blocking {@code in.read(highWaterMark bytes)} calls and posts each result to
 * the loop, where it is pushed. It reads only while the stream wants data and never gets far ahead:
 * <pre>
 *   loop: _read ──► wanted = true, start the reader if it is idle
 *         push(chunk) returned false ──► wanted = false
 *   reader: while wanted and outstanding &lt; highWaterMark: read, outstanding += n, post the push
 *   loop, running a posted push: outstanding -= n
 * </pre>
 * So the bytes in memory are at most the Readable's buffer (highWaterMark plus one chunk) and the
 * posted chunks (under highWaterMark plus one chunk), whatever the consumer's pace; and reads overlap
 * with the consumer's work instead of waiting for each round trip. A reader that finds nothing to do
 * stops; it checks once more after stopping, so a {@code _read} that came in meanwhile is not lost.
 * While the reader runs, the loop is kept alive ({@link Ref}).
 */
final class InputStreamReadable extends Readable {
    private final InputStream in;
    private final Helper helper = new Helper("nodeshim-stream-inputstream");
    private final int chunkSize;
    private final long limit;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicLong outstanding = new AtomicLong();
    private volatile boolean wanted;
    private volatile boolean stopped;

    InputStreamReadable(InputStream in, ReadableOptions options) {
        super(options == null ? Settings.EMPTY : options.s, false);
        if (in == null) {
            throw dev.nodeshim.errors.Errors.invalidArgType("in", "InputStream", null);
        }
        this.in = in;
        this.chunkSize = (int) Math.max(1, Math.min(highWaterMark, 1 << 20));
        this.limit = Math.max(1, highWaterMark);
    }

    @Override
    protected void _read(int size) {
        wanted = true;
        startReader();
    }

    private void startReader() {
        if (!stopped && wanted && outstanding.get() < limit && running.compareAndSet(false, true)) {
            Ref ref = loop.ref();
            helper.run(() -> {
                try {
                    readWhileWanted();
                } finally {
                    ref.close();
                }
            });
        }
    }

    /** The reader thread's loop; never touches the stream, only posts to its loop. */
    private void readWhileWanted() {
        while (true) {
            while (!stopped && wanted && outstanding.get() < limit) {
                byte[] bytes = new byte[chunkSize];
                int n;
                try {
                    n = in.read(bytes, 0, chunkSize);
                } catch (IOException e) {
                    stopped = true;
                    loop.execute(() -> {
                        if (!destroyed) {
                            destroy(e);
                        }
                    });
                    return;
                }
                if (n < 0) {
                    stopped = true;
                    loop.execute(() -> {
                        if (!destroyed) {
                            push(null);
                        }
                    });
                    return;
                }
                if (n == 0) {
                    continue;
                }
                outstanding.addAndGet(n);
                Buffer chunk = Buffer.wrap(bytes, 0, n);
                loop.execute(() -> {
                    outstanding.addAndGet(-n);
                    if (destroyed) {
                        return;
                    }
                    if (!push(chunk)) {
                        wanted = false;
                    }
                    startReader(); // it may have stopped at the outstanding limit
                });
            }
            running.set(false);
            // a _read (or a drained post) may have come between the last check and now
            if (stopped || !wanted || outstanding.get() >= limit || !running.compareAndSet(false, true)) {
                return;
            }
        }
    }

    @Override
    protected void _destroy(Throwable err, Callback callback) {
        stopped = true;
        helper.shutdown();
        try {
            in.close();
        } catch (IOException e) {
            callback.call(err != null ? err : e);
            return;
        }
        callback.call(err);
    }
}
