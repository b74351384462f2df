package dev.nodeshim.childprocess;

import dev.nodeshim.buffer.Buffer;
import dev.nodeshim.loop.EventLoop;
import dev.nodeshim.stream.Readable;
import dev.nodeshim.stream.ReadableOptions;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.util.Arrays;
import java.util.concurrent.Semaphore;

/**
 * A child's stdout or stderr as a {@link Readable}, fed from our end of an {@link OsPipe}.
 *
 * <p>Backpressure is Node's: a pooled reader thread reads (one read of up to 64 KiB, like libuv's) only
 * when the stream asks for data through {@code _read}; the chunk is pushed on the loop. While the
 * stream's buffer is at its highWaterMark nothing is read, the pipe fills and the child blocks in its
 * write — a child whose output nobody consumes waits, as under Node. End of file (every writer,
 * grandchildren included, has closed the pipe) pushes the end. Destroying the stream closes the pipe,
 * which also ends a blocked read.
 */
final class ChildOutput {
    private static final int READ_SIZE = 64 * 1024;

    final Readable stream;
    private final EventLoop loop;
    private final Pipe.SourceChannel source;
    /** Reads the stream asked for and the reader has not started yet (0 or 1). */
    private final Semaphore demand = new Semaphore(0);
    /** Loop thread: a read was asked for and its chunk has not been pushed yet. */
    private boolean requested;
    private volatile boolean finished;

    ChildOutput(EventLoop loop, Pipe.SourceChannel source) {
        this.loop = loop;
        this.source = source;
        this.stream = new Readable(ReadableOptions.defaults()
                .read((self, size) -> want())
                .destroy((self, err, cb) -> {
                    stop();
                    cb.call(err);
                }));
        PipeReaders.start(this::readLoop);
        want(); // like a Node socket, it reads at once, up to its highWaterMark, before anyone asks
    }

    private void want() {
        if (!requested) {
            requested = true;
            demand.release();
        }
    }

    private void readLoop() {
        ByteBuffer buf = ByteBuffer.allocate(READ_SIZE);
        try {
            while (true) {
                demand.acquireUninterruptibly();
                if (finished) {
                    return;
                }
                buf.clear();
                int n = source.read(buf);
                if (n < 0) {
                    loop.execute(() -> stream.push(null));
                    return;
                }
                // A large read is handed over as it is (no copy) and the next read gets a fresh array;
                // a small one is copied out, so short outputs and the end-of-file read allocate little.
                Buffer chunk;
                if (n >= READ_SIZE / 2) {
                    chunk = Buffer.wrap(buf.array(), 0, n);
                    buf = ByteBuffer.allocate(READ_SIZE);
                } else {
                    chunk = Buffer.wrap(Arrays.copyOf(buf.array(), n));
                }
                loop.execute(() -> {
                    requested = false;
                    stream.push(chunk);
                });
            }
        } catch (IOException closedOrBroken) {
            // destroyed (the channel was closed under the read) or the pipe failed: no more data
            if (!finished) {
                loop.execute(() -> stream.push(null));
            }
        } finally {
            close();
        }
    }

    /** Ends the reader: called when the stream is destroyed. */
    private void stop() {
        finished = true;
        demand.release();
        close();
    }

    private void close() {
        try {
            source.close();
        } catch (IOException ignored) {
            // nothing more will be read either way
        }
    }
}
