package dev.nodeshim.stream;

import dev.nodeshim.buffer.Buffer;
import dev.nodeshim.loop.EventLoop;
import dev.nodeshim.loop.Ref;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;

/**
 * A {@link Writable} that writes to a blocking {@link OutputStream} on a helper thread
 * ({@link Streams#fromOutputStream}).
 *
 * <p>Each {@code _write} runs {@code out.write} on the helper and calls back on the loop when it
 * returns. Writable runs one {@code _write} at a time and queues the rest, so a slow OutputStream makes
 * {@code write()} return false once highWaterMark bytes are queued: backpressure reaches the producer.
 * At {@code end()} the OutputStream is flushed and closed ({@code _final}); destroy closes it too. Each
 * pending blocking call holds a {@link Ref} on the loop.
 */
final class OutputStreamWritable extends Writable {
    private final OutputStream out;
    private final EventLoop loop = EventLoop.current();
    private final ExecutorService helper = Helpers.newThread("writer");
    private boolean closed;

    OutputStreamWritable(OutputStream out, WritableOptions options) {
        super(options);
        this.out = out;
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private void onHelper(IoAction action, Callback cb) {
        Ref ref = loop.ref();
        helper.execute(() -> {
            Throwable error = null;
            try {
                action.run();
            } catch (IOException | RuntimeException e) {
                error = e;
            }
            Throwable e = error;
            loop.execute(() -> {
                ref.close();
                cb.call(e);
            });
        });
    }

    @Override
    protected void _write(Object chunk, String encoding, Callback callback) {
        byte[] bytes = chunk instanceof Buffer b ? b.toByteArray()
                : chunk instanceof String s ? Buffer.from(s, encoding).toByteArray()
                : chunk.toString().getBytes(StandardCharsets.UTF_8);
        onHelper(() -> out.write(bytes), callback);
    }

    @Override
    protected void _final(Callback callback) {
        closed = true;
        onHelper(() -> {
            try (OutputStream o = out) {
                o.flush();
            }
        }, callback);
    }

    @Override
    protected void _destroy(Throwable err, Callback cb) {
        if (closed) {
            helper.shutdown();
            cb.call(err);
            return;
        }
        closed = true;
        onHelper(out::close, e -> {
            helper.shutdown();
            cb.call(err != null ? err : e);
        });
    }
}
