package dev.nodeshim.childprocess;

import dev.nodeshim.buffer.Buffer;
import dev.nodeshim.errors.NodeError;
import dev.nodeshim.loop.EventLoop;
import dev.nodeshim.stream.Callback;
import dev.nodeshim.stream.Duplex;
import dev.nodeshim.stream.DuplexOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.Arrays;

/**
 * {@code child.stdio[n]} for a {@code 'pipe'} entry from fd 3 on: our end of a {@link SocketPair} as a
 * {@link Duplex}, readable and writable, as node 20 gives a {@code net.Socket} there (observed:
 * {@code readable true, writable true, allowHalfOpen false}). The loop reads and writes the socket
 * itself in its poll phase, with one watch for both directions, as {@link PolledOutput} and
 * {@link PolledInput} do for the standard streams.
 *
 * <p>What node 20 does and this class does too (checked with {@code sh -c '…>&3'}): the child's end
 * of file ends the readable side, and without {@code allowHalfOpen} the writable side is then ended
 * ({@code 'end'}, {@code 'finish'}, {@code 'close'}); {@code end()} shuts our sending half down, so a
 * child reading fd 3 sees end of file and can still answer ({@code cat <&3 >&3} echoes); a child that
 * closes the socket with our bytes unread makes the next read fail with
 * {@code Error: read ECONNRESET}; a write to a child that has gone fails with {@code write EPIPE}.
 */
final class PolledSocket {
    private static final int READ_SIZE = ReadBuffers.SIZE;
    private static final int READS_PER_TURN = 32;
    private static final int ECONNRESET = 104;

    final Duplex stream;
    private final EventLoop loop;
    private final SocketChannel socket;
    private SelectionKey key;
    /** The readable side wants data (between a {@code _read} and a push that returned false). */
    private boolean reading;
    private boolean readDone;
    private boolean closed;
    /** The chunk being written and its callback, while the socket is full. */
    private ByteBuffer pending;
    private Callback pendingCallback;
    private byte[] into;

    PolledSocket(EventLoop loop, SocketChannel socket) {
        this.loop = loop;
        this.socket = socket;
        try {
            socket.configureBlocking(false); // no write may block the loop, even before the first watch
        } catch (IOException e) {
            throw new UncheckedIOException("could not make the child's socket non-blocking", e);
        }
        this.stream = new Duplex(DuplexOptions.defaults()
                .allowHalfOpen(false)
                .read((self, size) -> want())
                .write((chunk, encoding, cb) -> write(ByteBuffer.wrap(((Buffer) chunk).toByteArray()), cb))
                .final_(cb -> shutdownOutput(cb))
                .destroy((self, err, cb) -> {
                    close();
                    cb.call(err);
                }));
        want(); // a socket reads at once, before anyone asks
    }

    private boolean onLoopThread(Runnable again) {
        if (loop.inLoopThread()) {
            return true;
        }
        loop.execute(again); // a child started off the loop thread: the socket is the loop's
        return false;
    }

    /** The loop watches the socket for what is wanted: reading while {@link #reading}, writing while {@link #pending}. */
    private void updateInterest() {
        if (closed) {
            return;
        }
        int ops = (reading && !readDone ? SelectionKey.OP_READ : 0) | (pending != null ? SelectionKey.OP_WRITE : 0);
        try {
            if (key == null) {
                if (ops == 0) {
                    return;
                }
                key = loop.watch(socket, ops, ready -> onReady(ready));
            } else if (key.isValid()) {
                key.interestOps(ops);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not watch the child's socket", e);
        }
    }

    private void onReady(int ready) {
        if ((ready & SelectionKey.OP_WRITE) != 0) {
            writable();
        }
        if ((ready & SelectionKey.OP_READ) != 0 && reading) {
            readable();
        }
        updateInterest();
    }

    // ------------------------------------------------------------------------------------------------
    // reading

    private void want() {
        if (readDone || closed || !onLoopThread(this::want)) {
            return;
        }
        reading = true;
        updateInterest();
    }

    private void readable() {
        for (int turn = 0; turn < READS_PER_TURN && !readDone && !closed; turn++) {
            if (into == null) {
                into = new byte[READ_SIZE];
            }
            int n;
            try {
                n = socket.read(ByteBuffer.wrap(into));
            } catch (IOException e) {
                readDone = true;
                stream.destroy(readError(e));
                return;
            }
            if (n == 0) {
                return; // empty after all
            }
            if (n < 0) {
                readDone = true;
                reading = false;
                stream.push(null); // the child's end of file ('end'; then the writable side ends too)
                return;
            }
            Buffer chunk;
            if (n < READ_SIZE / 4) {
                chunk = Buffer.wrap(Arrays.copyOf(into, n));
            } else {
                chunk = Buffer.wrap(into, 0, n);
                into = null;
            }
            if (!stream.push(chunk)) {
                reading = false; // until the next _read
                return;
            }
            if (n < READ_SIZE) {
                return;
            }
        }
    }

    /** node 20: {@code Error: read ECONNRESET {errno: -104, code: 'ECONNRESET', syscall: 'read'}}. */
    private static NodeError readError(IOException e) {
        String m = String.valueOf(e.getMessage());
        if (m.contains("reset")) {
            return new NodeError("Error", "ECONNRESET", "read ECONNRESET").withProp("errno", -ECONNRESET)
                    .withProp("code", "ECONNRESET").withProp("syscall", "read");
        }
        return new NodeError("Error", "EIO", "read EIO").withProp("errno", -5).withProp("code", "EIO")
                .withProp("syscall", "read");
    }

    // ------------------------------------------------------------------------------------------------
    // writing

    private void write(ByteBuffer bytes, Callback cb) {
        if (!onLoopThread(() -> write(bytes, cb))) {
            return;
        }
        pending = bytes;
        pendingCallback = cb;
        writable();
        updateInterest();
    }

    /** Writes what the socket takes of the pending chunk; its callback once it is all written. */
    private void writable() {
        if (pending == null) {
            return;
        }
        NodeError failure = null;
        try {
            socket.write(pending);
            if (pending.hasRemaining()) {
                return; // the loop calls again when the socket is writable
            }
        } catch (IOException e) {
            failure = ChildInput.epipe();
        }
        Callback cb = pendingCallback;
        pending = null;
        pendingCallback = null;
        cb.call(failure);
    }

    /** {@code end()}: our sending half is shut down; the child reads end of file and may still write. */
    private void shutdownOutput(Callback cb) {
        if (!onLoopThread(() -> shutdownOutput(cb))) {
            return;
        }
        try {
            if (!closed) {
                socket.shutdownOutput();
            }
        } catch (IOException ignored) {
            // the child is gone: nothing waits for our end of file
        }
        cb.call();
    }

    private void close() {
        if (closed) {
            return;
        }
        closed = true;
        pending = null;
        if (key != null) {
            key.cancel();
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // only releases the descriptor
        }
    }
}
