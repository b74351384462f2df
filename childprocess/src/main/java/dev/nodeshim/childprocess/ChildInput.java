package dev.nodeshim.childprocess;

import dev.nodeshim.buffer.Buffer;
import dev.nodeshim.errors.NodeError;
import dev.nodeshim.loop.EventLoop;
import dev.nodeshim.stream.Impl;
import dev.nodeshim.stream.Writable;
import dev.nodeshim.stream.WritableOptions;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;

/**
 * A child's stdin as a {@link Writable}, writing into our end of an {@link OsPipe}.
 *
 * <p>A write is done on a pooled thread (a pipe write blocks while the child does not read) and its
 * callback runs on the loop; the stream hands out one write at a time, so order is kept and the
 * Writable's own highWaterMark is the backpressure ({@code write} returns false, {@code 'drain'}
 * follows). {@code end()} closes the pipe, which the child reads as end of file. Writing to a child
 * that has stopped reading fails with Node's {@code write EPIPE}.
 */
final class ChildInput {
    final Writable stream;
    private final EventLoop loop;
    private final Pipe.SinkChannel sink;

    ChildInput(EventLoop loop, Pipe.SinkChannel sink) {
        this.loop = loop;
        this.sink = sink;
        this.stream = stdin((chunk, encoding, cb) -> {
            ByteBuffer bytes = ByteBuffer.wrap(((Buffer) chunk).toByteArray());
            PipeReaders.start(() -> {
                NodeError failure = null;
                try {
                    while (bytes.hasRemaining()) {
                        sink.write(bytes);
                    }
                } catch (IOException e) {
                    failure = epipe();
                }
                NodeError err = failure;
                loop.execute(() -> cb.call(err));
            });
        }, this::close);
    }

    /** A child's stdin: {@code write} as given; {@code end()} and {@code destroy()} run {@code close}. */
    static Writable stdin(Impl.PlainWrite write, Runnable close) {
        return new Writable(WritableOptions.defaults()
                .write(write)
                .final_(cb -> {
                    close.run();
                    cb.call();
                })
                .destroy((self, err, cb) -> {
                    close.run();
                    cb.call(err);
                }));
    }

    /** node 20: {@code Error: write EPIPE {errno: -32, code: 'EPIPE', syscall: 'write'}}. */
    static NodeError epipe() {
        return new NodeError("Error", "EPIPE", "write EPIPE").withProp("errno", -32)
                .withProp("code", "EPIPE").withProp("syscall", "write");
    }

    private void close() {
        try {
            sink.close();
        } catch (IOException ignored) {
            // the child is gone or has the end of file already
        }
    }
}
