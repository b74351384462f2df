package dev.nodeshim.stream;

import dev.nodeshim.buffer.Buffer;
import dev.nodeshim.loop.Ref;
import java.io.IOException;
import java.io.InputStream;

/**
 * {@link Readable#fromInputStream}: an {@link InputStream} as a Readable.
 *
 * <p>Backpressure comes from the Readable's own rule: {@code _read} is called only while the buffer
 * is under highWaterMark. Each {@code _read} starts one blocking {@code in.read(up to
 * highWaterMark bytes)} on the helper thread; its result is pushed on the loop, and the Readable
 * asks again only if it still wants data. So at most highWaterMark bytes wait in the buffer plus
 * one chunk being read. While a read is in flight the loop is kept alive ({@link Ref}).
 */
final class InputStreamReadable extends Readable {
    private final InputStream in;
    private final Helper helper = new Helper("nodeshim-stream-inputstream");
    private boolean inFlight;

    InputStreamReadable(InputStream in, ReadableOptions options) {
        super(options == null ? Settings.EMPTY : options.s, false);
        if (in == null) {
            throw dev.nodeshim.errors.Errors.invalidArgType("in", "InputStream", null);
        }
        this.in = in;
    }

    @Override
    protected void _read(int size) {
        if (inFlight) {
            return;
        }
        inFlight = true;
        int want = Math.max(1, size);
        Ref ref = loop.ref();
        helper.run(() -> {
            byte[] bytes = new byte[want];
            int n;
            IOException failure = null;
            try {
                n = in.read(bytes, 0, want);
            } catch (IOException e) {
                n = -1;
                failure = e;
            }
            int got = n;
            IOException error = failure;
            loop.execute(() -> {
                inFlight = false;
                ref.close();
                if (destroyed) {
                    return;
                }
                if (error != null) {
                    destroy(error);
                } else if (got < 0) {
                    push(null);
                } else {
                    push(Buffer.wrap(bytes, 0, got));
                }
            });
        });
    }

    @Override
    protected void _destroy(Throwable err, Callback callback) {
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
