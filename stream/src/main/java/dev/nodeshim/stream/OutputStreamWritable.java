package dev.nodeshim.stream;

import dev.nodeshim.buffer.Buffer;
import dev.nodeshim.loop.Ref;
import java.io.IOException;
import java.io.OutputStream;

/**
 * {@link Writable#fromOutputStream}: an {@link OutputStream} as a Writable. Each {@code _write}
 * runs the blocking {@code out.write} on the helper thread and completes its callback on the loop
 * afterwards; the Writable's queue does the rest (write returns false at highWaterMark,
 * {@code 'drain'} once the OutputStream caught up). {@code _final} flushes and closes {@code out}
 * ({@code System.out} and {@code System.err} are only flushed, as Node never closes stdout).
 */
final class OutputStreamWritable extends Writable {
    private final OutputStream out;
    private final Helper helper = new Helper("nodeshim-stream-outputstream");

    OutputStreamWritable(OutputStream out, WritableOptions options) {
        super(options);
        if (out == null) {
            throw dev.nodeshim.errors.Errors.invalidArgType("out", "OutputStream", null);
        }
        this.out = out;
    }

    @Override
    protected void _write(Object chunk, String encoding, Callback callback) {
        Buffer b = chunk instanceof Buffer buf ? buf : Buffer.from(chunk.toString(), encoding);
        blocking(() -> b.writeTo(out), callback);
    }

    @Override
    protected void _final(Callback callback) {
        blocking(() -> {
            out.flush();
            if (!isStdio()) {
                out.close();
            }
        }, callback);
    }

    /** As Node never ends process.stdout/stderr, System.out and System.err are flushed, not closed. */
    private boolean isStdio() {
        return out == System.out || out == System.err;
    }

    @Override
    protected void _destroy(Throwable err, Callback callback) {
        helper.shutdown();
        if (!writableFinished() && !isStdio()) {
            try {
                out.close();
            } catch (IOException e) {
                callback.call(err != null ? err : e);
                return;
            }
        }
        callback.call(err);
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private void blocking(IoAction action, Callback callback) {
        Ref ref = loop.ref();
        helper.run(() -> {
            IOException failure = null;
            try {
                action.run();
            } catch (IOException e) {
                failure = e;
            }
            IOException error = failure;
            loop.execute(() -> {
                ref.close();
                callback.call(error);
            });
        });
    }
}
