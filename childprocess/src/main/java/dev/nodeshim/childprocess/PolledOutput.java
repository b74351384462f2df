package dev.nodeshim.childprocess;

import dev.nodeshim.buffer.Buffer;
import dev.nodeshim.loop.EventLoop;
import dev.nodeshim.stream.Readable;
import dev.nodeshim.stream.ReadableOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Pipe;
import java.nio.channels.SelectionKey;
import java.util.Arrays;

/**
 * A child's stdout or stderr as a {@link Readable} that the loop reads itself, as libuv reads a Node
 * child's pipe: the loop watches the pipe in its poll phase ({@link EventLoop#watch}), and when it is
 * readable reads straight into the array that becomes the chunk ({@link NativeSpawn#readNow}: one copy
 * per byte), no thread in between. Used when the native library is there ({@link ChildOutput}, with a
 * reader thread, otherwise).
 *
 * <p>Backpressure is Node's socket's: reading starts with the first {@code _read} (at once, as a socket
 * reads before anyone asks), goes on while pushes return true — up to {@value #READS_PER_TURN} reads a
 * turn, libuv's count — and stops, the pipe no longer watched, when a push returns false; the next
 * {@code _read} starts it again. A paused stream therefore holds at most one read past its
 * highWaterMark, the pipe fills and the child blocks in its write. End of file (every writer,
 * grandchildren included, has closed the pipe) pushes the end. Destroying the stream closes the pipe.
 */
final class PolledOutput {
    private static final int READ_SIZE = ReadBuffers.SIZE;
    private static final int READS_PER_TURN = 32;

    final Readable stream;
    private final EventLoop loop;
    private final Pipe.SourceChannel source;
    private final int fd;
    private SelectionKey key;
    private boolean done;
    /** The array the next read goes into (kept when a small read was copied out). */
    private byte[] into;

    PolledOutput(EventLoop loop, Pipe.SourceChannel source, int fd) {
        this.loop = loop;
        this.source = source;
        this.fd = fd;
        this.stream = new Readable(ReadableOptions.defaults()
                .read((self, size) -> want())
                .destroy((self, err, cb) -> {
                    close();
                    cb.call(err);
                }));
        want(); // like a Node socket, it reads at once, up to its highWaterMark, before anyone asks
    }

    /** The stream asks for data ({@code _read}): the loop watches the pipe (again). */
    private void want() {
        if (done) {
            return;
        }
        if (!loop.inLoopThread()) {
            loop.execute(this::want); // a child started off the loop thread: watching is the loop's job
            return;
        }
        if (key == null) {
            try {
                key = loop.watch(source, SelectionKey.OP_READ, ready -> onReadable());
            } catch (IOException e) {
                throw new UncheckedIOException("could not watch the child's pipe", e);
            }
        } else if (key.isValid()) {
            key.interestOps(SelectionKey.OP_READ);
        }
    }

    /** Loop thread, poll phase: reads and pushes until the pipe is empty or the stream has enough. */
    private void onReadable() {
        for (int turn = 0; turn < READS_PER_TURN && !done; turn++) {
            if (into == null) {
                into = new byte[READ_SIZE];
            }
            int n = NativeSpawn.readNow(fd, into);
            if (n == -NativeSpawn.EAGAIN) {
                return;
            }
            if (n <= 0) {
                close(); // end of file, or the pipe failed: no more data either way
                stream.push(null);
                return;
            }
            Buffer chunk;
            if (n < READ_SIZE / 4) {
                chunk = Buffer.wrap(Arrays.copyOf(into, n)); // small: the big array is read into again
            } else {
                chunk = Buffer.wrap(into, 0, n);
                into = null;
            }
            if (!stream.push(chunk)) {
                if (key.isValid() && !done) {
                    key.interestOps(0); // until the next _read (want())
                }
                return;
            }
            if (n < READ_SIZE) {
                return; // the pipe is empty now: wait for the selector
            }
        }
    }

    private void close() {
        if (done) {
            return;
        }
        done = true;
        if (key != null) {
            key.cancel();
        }
        try {
            source.close();
        } catch (IOException ignored) {
            // nothing more will be read either way
        }
    }
}
