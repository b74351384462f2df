package dev.nodeshim.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.nio.channels.SelectionKey;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link EventLoop#watch}: the loop itself waits for a channel and calls back on its thread. */
class WatchTest {

    @Test
    void readsArriveOnTheLoopThreadInOrderUntilEndOfFile() throws Exception {
        Pipe pipe = Pipe.open();
        StringBuilder got = new StringBuilder();
        List<String> trace = new ArrayList<>();
        Thread writer = new Thread(() -> {
            try (Pipe.SinkChannel sink = pipe.sink()) {
                for (int i = 0; i < 100; i++) {
                    sink.write(ByteBuffer.wrap((i + ",").getBytes(StandardCharsets.US_ASCII)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        EventLoop.run(() -> {
            EventLoop loop = EventLoop.current();
            Ref ref = loop.ref(); // watching alone does not keep the loop alive
            ByteBuffer buf = ByteBuffer.allocate(64);
            try {
                loop.watch(pipe.source(), SelectionKey.OP_READ, ready -> {
                    if (!loop.inLoopThread()) {
                        trace.add("off the loop thread");
                    }
                    try {
                        buf.clear();
                        int n = pipe.source().read(buf);
                        if (n < 0) {
                            pipe.source().close(); // also cancels the key
                            trace.add("eof");
                            ref.close();
                            return;
                        }
                        got.append(new String(buf.array(), 0, n, StandardCharsets.US_ASCII));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            writer.start();
        });
        writer.join();
        StringBuilder want = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            want.append(i).append(',');
        }
        assertEquals(want.toString(), got.toString());
        assertEquals(List.of("eof"), trace);
    }

    @Test
    void postsFromOtherThreadsWakeALoopWaitingInItsSelector() throws Exception {
        Pipe pipe = Pipe.open();
        List<String> trace = new ArrayList<>();
        try {
            EventLoop.run(() -> {
                EventLoop loop = EventLoop.current();
                Ref ref = loop.ref();
                try {
                    loop.watch(pipe.source(), SelectionKey.OP_READ, ready -> trace.add("never ready"));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                // the loop now waits in select with nothing ready: only the post can wake it
                new Thread(() -> loop.execute(() -> {
                    trace.add("posted " + loop.inLoopThread());
                    ref.close();
                })).start();
            });
        } finally {
            pipe.source().close();
            pipe.sink().close();
        }
        assertEquals(List.of("posted true"), trace);
    }

    @Test
    void watchIsForTheLoopThreadOnlyWhileItRuns() throws Exception {
        Pipe pipe = Pipe.open();
        try {
            EventLoop[] loop = new EventLoop[1];
            Throwable[] offThread = new Throwable[1];
            EventLoop.run(() -> {
                loop[0] = EventLoop.current();
                Thread other = new Thread(() -> offThread[0] = assertThrows(IllegalStateException.class,
                        () -> loop[0].watch(pipe.source(), SelectionKey.OP_READ, ready -> { })));
                other.start();
                try {
                    other.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            assertTrue(offThread[0].getMessage().contains("loop's thread"), String.valueOf(offThread[0]));
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> loop[0].watch(pipe.source(), SelectionKey.OP_READ, ready -> { }));
            assertTrue(e.getMessage().contains("while it runs"));
        } finally {
            pipe.source().close();
            pipe.sink().close();
        }
    }
}
