package dev.nodeshim.childprocess;

import dev.nodeshim.buffer.Buffer;
import dev.nodeshim.errors.NodeError;
import dev.nodeshim.loop.EventLoop;
import dev.nodeshim.stream.Callback;
import dev.nodeshim.stream.Writable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.nio.channels.SelectionKey;

/**
 * A child's stdin as a {@link Writable} that the loop writes itself, as libuv writes a Node child's
 * pipe: each chunk is written at once with a non-blocking write; what the pipe does not take is written
 * when the loop sees the pipe writable again ({@link EventLoop#watch}), and the chunk's callback comes
 * after its last byte. The stream hands out one chunk at a time, so order is kept and the Writable's
 * highWaterMark is the backpressure ({@code write} returns false, {@code 'drain'} follows).
 * {@code end()} closes the pipe, which the child reads as end of file. Writing to a child that has
 * stopped reading fails with Node's {@code write EPIPE}. Used when the loop can watch the pipe (the
 * native library is there); {@link ChildInput}, with a pooled thread, otherwise.
 */
final class PolledInput {
    final Writable stream;
    private final EventLoop loop;
    private final Pipe.SinkChannel sink;
    private SelectionKey key;
    /** The chunk being written and its callback, while the pipe is full. */
    private ByteBuffer pending;
    private Callback pendingCallback;

    PolledInput(EventLoop loop, Pipe.SinkChannel sink) {
        this.loop = loop;
        this.sink = sink;
        this.stream = ChildInput.stdin((chunk, encoding, cb) -> write(ByteBuffer.wrap(((Buffer) chunk).toByteArray()), cb),
                this::close);
    }

    private void write(ByteBuffer bytes, Callback cb) {
        if (!loop.inLoopThread()) {
            loop.execute(() -> write(bytes, cb)); // a child started off the loop thread
            return;
        }
        try {
            if (key == null) {
                key = loop.watch(sink, 0, ready -> writable());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not watch the child's stdin", e);
        }
        pending = bytes;
        pendingCallback = cb;
        writable();
    }

    /** Loop thread: writes what the pipe takes of the pending chunk; its callback once it is all written. */
    private void writable() {
        if (pending == null) {
            return;
        }
        NodeError failure = null;
        try {
            sink.write(pending);
            if (pending.hasRemaining()) {
                key.interestOps(SelectionKey.OP_WRITE);
                return;
            }
        } catch (IOException e) {
            failure = ChildInput.epipe();
        }
        if (key.isValid()) {
            key.interestOps(0);
        }
        Callback cb = pendingCallback;
        pending = null;
        pendingCallback = null;
        cb.call(failure);
    }

    private void close() {
        if (key != null) {
            key.cancel();
        }
        pending = null;
        try {
            sink.close();
        } catch (IOException ignored) {
            // the child is gone or has the end of file already
        }
    }
}
