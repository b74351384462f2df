package dev.nodeshim.stream;

import dev.nodeshim.buffer.Buffer;
import dev.nodeshim.loop.EventLoop;
import dev.nodeshim.loop.Ref;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.ExecutorService;

/**
 * A {@link Readable} fed by a blocking {@link InputStream} ({@link Streams#fromInputStream}).
 *
 * <h2>Algorithm</h2>
 * Each {@code _read(size)} hands one {@code in.read(new byte[size])} to a helper thread; the helper
 * posts the result to the loop, which pushes it (or {@code null} at EOF, or destroys the stream with
 * the {@code IOException}). At most one read is in flight, and Readable calls {@code _read} only while
 * its buffer is below highWaterMark, so while the consumer is slow <b>nothing is read</b>: the
 * InputStream's producer is pushed back on (a pipe fills and the child process blocks), the heap does
 * not fill. While a read is in flight the loop is kept alive by a {@link Ref}; when none is, an idle
 * stream does not keep the loop alive, as in Node a paused stream with no pending I/O does not.
 *
 * <p>Destroying the stream (and so its end, with autoDestroy) closes the InputStream on the loop
 * thread, which also unblocks a pending read on pipes and sockets; a result posted after that is
 * dropped.
 */
final class InputStreamReadable extends Readable {
    private final InputStream in;
    private final EventLoop loop = EventLoop.current();
    private final ExecutorService helper = Helpers.newThread("reader");
    private boolean inFlight;

    InputStreamReadable(InputStream in, ReadableOptions options) {
        super(options);
        this.in = in;
    }

    @Override
    protected void _read(int size) {
        if (inFlight) {
            return;
        }
        inFlight = true;
        Ref ref = loop.ref();
        int n = Math.max(1, size);
        helper.execute(() -> {
            byte[] bytes = new byte[n];
            int got;
            try {
                got = in.read(bytes, 0, n);
            } catch (IOException | RuntimeException e) {
                loop.execute(() -> {
                    ref.close();
                    inFlight = false;
                    if (!destroyed()) {
                        destroy(e);
                    }
                });
                return;
            }
            loop.execute(() -> {
                ref.close();
                inFlight = false;
                if (destroyed()) {
                    return;
                }
                push(got < 0 ? null : Buffer.wrap(bytes, 0, got));
            });
        });
    }

    @Override
    protected void _destroy(Throwable err, Callback cb) {
        Throwable error = err;
        try {
            in.close();
        } catch (IOException e) {
            error = error != null ? error : e;
        }
        helper.shutdown();
        cb.call(error);
    }
}
