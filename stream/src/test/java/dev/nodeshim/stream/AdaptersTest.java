package dev.nodeshim.stream;

import static dev.nodeshim.loop.Timers.setImmediate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodeshim.buffer.Buffer;
import dev.nodeshim.errors.NodeError;
import dev.nodeshim.loop.EventLoop;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The java.io adapters with large data: every byte arrives in order, and memory stays bounded by
 * the highWaterMarks whatever the other side's pace (the counts are checked at every step, on the
 * loop, so the bounds are exact, not timing-dependent).
 */
class AdaptersTest {
    private static final int TOTAL = 4 << 20;
    private static final int HWM = 16 * 1024;

    static byte expectedByte(long i) {
        return (byte) (i * 31 + (i >>> 11) + 7);
    }

    /** An InputStream of TOTAL deterministic bytes that counts what was taken from it. */
    static final class CountingInput extends InputStream {
        final AtomicLong produced = new AtomicLong();
        final long total;
        volatile boolean closed;

        CountingInput(long total) {
            this.total = total;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            long at = produced.get();
            if (at >= total) {
                return -1;
            }
            int n = (int) Math.min(len, total - at);
            for (int i = 0; i < n; i++) {
                b[off + i] = expectedByte(at + i);
            }
            produced.addAndGet(n);
            return n;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    void inputStreamAsReadablePullsOnlyWhatTheSlowConsumerTakes() {
        CountingInput in = new CountingInput(TOTAL);
        long[] consumed = {0};
        long[] maxAhead = {0};
        long[] maxBuffered = {0};
        boolean[] finished = {false};
        List<String> problems = new ArrayList<>();
        EventLoop.run(() -> {
            Readable src = Readable.fromInputStream(in, ReadableOptions.defaults().highWaterMark(HWM));
            Writable sink = new Writable(WritableOptions.defaults().highWaterMark(HWM).write((chunk, enc, cb) -> {
                Buffer b = (Buffer) chunk;
                for (int i = 0; i < b.length(); i++) {
                    if ((byte) b.get(i) != expectedByte(consumed[0] + i)) {
                        problems.add("byte " + (consumed[0] + i));
                        break;
                    }
                }
                consumed[0] += b.length();
                maxAhead[0] = Math.max(maxAhead[0], in.produced.get() - consumed[0]);
                maxBuffered[0] = Math.max(maxBuffered[0], src.readableLength());
                setImmediate(cb::call); // a slow consumer: one chunk per loop turn
            }));
            sink.on("finish", () -> finished[0] = true);
            src.pipe(sink);
        });
        assertEquals(List.of(), problems);
        assertTrue(finished[0]);
        assertEquals(TOTAL, consumed[0]);
        assertTrue(in.closed, "the InputStream is closed when the stream is destroyed at its end");
        // the source buffer never holds more than highWaterMark plus one read
        assertTrue(maxBuffered[0] <= 2L * HWM, "readableLength reached " + maxBuffered[0]);
        // what was read from the InputStream but not yet consumed: source buffer, one read in
        // flight, the sink's queue (highWaterMark plus one chunk) — never the whole input
        assertTrue(maxAhead[0] <= 5L * HWM, "read ahead of the consumer: " + maxAhead[0]);
    }

    @Test
    void readableAsInputStreamStaysBoundedForASlowReader() throws Exception {
        int chunk = 8 * 1024;
        AtomicLong taken = new AtomicLong();
        AtomicLong maxHeldSeenByReader = new AtomicLong();
        long[] pushed = {0};
        long[] maxAhead = {0};
        long[] maxHeld = {0};
        AtomicReference<Throwable> readerFailure = new AtomicReference<>();
        Thread[] reader = new Thread[1];
        EventLoop.run(() -> {
            Readable src = new Readable(ReadableOptions.defaults().highWaterMark(HWM).read(self -> {
                maxAhead[0] = Math.max(maxAhead[0], pushed[0] - taken.get());
                if (pushed[0] >= TOTAL) {
                    self.push(null);
                    return;
                }
                byte[] b = new byte[chunk];
                for (int i = 0; i < chunk; i++) {
                    b[i] = expectedByte(pushed[0] + i);
                }
                pushed[0] += chunk;
                self.push(b);
            }));
            ReadableInputStream is = (ReadableInputStream) src.toInputStream();
            src.on("data", (Buffer b) -> maxHeld[0] = Math.max(maxHeld[0], is.held()));
            reader[0] = new Thread(() -> {
                try (InputStream s = is) {
                    byte[] buf = new byte[1000];
                    long at = 0;
                    int n;
                    while (true) {
                        maxHeldSeenByReader.accumulateAndGet(is.held(), Math::max);
                        if ((n = s.read(buf)) < 0) {
                            break;
                        }
                        for (int i = 0; i < n; i++) {
                            if (buf[i] != expectedByte(at + i)) {
                                throw new AssertionError("byte " + (at + i));
                            }
                        }
                        at += n;
                        taken.set(at);
                    }
                } catch (Throwable e) {
                    readerFailure.set(e);
                }
            }, "slow-reader");
            reader[0].start();
        });
        reader[0].join();
        assertNull(readerFailure.get());
        assertEquals(TOTAL, taken.get());
        // produced but not yet counted by the reader: the Readable's buffer (hwm + a chunk), the
        // InputStream's hand-off queue (hwm) and the reader's own 1000-byte array
        assertTrue(maxAhead[0] <= 2L * HWM + chunk + 1000, "ahead of the reader: " + maxAhead[0]);
        assertTrue(maxHeld[0] <= HWM, "held by the InputStream: " + maxHeld[0]);
        assertTrue(maxHeldSeenByReader.get() <= HWM, "held by the InputStream: " + maxHeldSeenByReader.get());
        assertTrue(maxHeldSeenByReader.get() > 0, "the reader did find data waiting");
    }

    @Test
    void writableAsOutputStreamBlocksTheWriterAtHighWaterMark() throws Exception {
        int chunk = 10 * 1024;
        long[] written = {0};
        long[] maxQueued = {0};
        boolean[] finished = {false};
        List<String> problems = new ArrayList<>();
        AtomicReference<Throwable> writerFailure = new AtomicReference<>();
        Thread[] writer = new Thread[1];
        EventLoop.run(() -> {
            Writable[] self = new Writable[1];
            Writable w = new Writable(WritableOptions.defaults().highWaterMark(HWM).write((c, enc, cb) -> {
                Buffer b = (Buffer) c;
                maxQueued[0] = Math.max(maxQueued[0], self[0].writableLength());
                for (int i = 0; i < b.length(); i++) {
                    if ((byte) b.get(i) != expectedByte(written[0] + i)) {
                        problems.add("byte " + (written[0] + i));
                        break;
                    }
                }
                written[0] += b.length();
                setImmediate(cb::call);
            }));
            self[0] = w;
            w.on("finish", () -> finished[0] = true);
            OutputStream os = w.toOutputStream();
            writer[0] = new Thread(() -> {
                try (OutputStream out = os) {
                    byte[] buf = new byte[chunk];
                    for (long at = 0; at < TOTAL; at += chunk) {
                        int n = (int) Math.min(chunk, TOTAL - at);
                        for (int i = 0; i < n; i++) {
                            buf[i] = expectedByte(at + i);
                        }
                        out.write(buf, 0, n);
                    }
                } catch (Throwable e) {
                    writerFailure.set(e);
                }
            }, "fast-writer");
            writer[0].start();
        });
        writer[0].join();
        assertNull(writerFailure.get());
        assertEquals(List.of(), problems);
        assertEquals(TOTAL, written[0]);
        assertTrue(finished[0], "close() ended the stream and waited for 'finish'");
        assertTrue(maxQueued[0] <= HWM + chunk, "writableLength reached " + maxQueued[0]);
    }

    @Test
    void outputStreamAsWritableGetsEveryByteAndIsClosedAtTheEnd() {
        boolean[] closed = {false};
        ByteArrayOutputStream sink = new ByteArrayOutputStream() {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        List<String> events = new ArrayList<>();
        EventLoop.run(() -> {
            Readable src = Readable.fromInputStream(new CountingInput(1 << 20));
            Writable w = Writable.fromOutputStream(sink);
            w.on("finish", () -> events.add("finish"));
            w.on("close", () -> events.add("close"));
            src.pipe(w);
        });
        assertEquals(List.of("finish", "close"), events);
        assertTrue(closed[0]);
        byte[] out = sink.toByteArray();
        assertEquals(1 << 20, out.length);
        for (int i = 0; i < out.length; i++) {
            if (out[i] != expectedByte(i)) {
                throw new AssertionError("byte " + i);
            }
        }
    }

    @Test
    void helperThreadsEndWithTheirStreams() throws InterruptedException {
        EventLoop.run(() -> Readable.fromInputStream(new CountingInput(1 << 20))
                .pipe(Writable.fromOutputStream(new ByteArrayOutputStream())));
        // both streams were destroyed at their end, which shuts their helper down: each thread
        // finishes its last task and exits (join waits for that; it does not guess a delay)
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("nodeshim-stream-")) {
                t.join(30_000);
                assertTrue(!t.isAlive(), t.getName() + " still alive");
            }
        }
    }

    @Test
    void anIoExceptionOfTheInputStreamIsTheReadablesError() {
        IOException boom = new IOException("disk on fire");
        InputStream failing = new InputStream() {
            int calls;

            @Override
            public int read() throws IOException {
                throw boom;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (calls++ == 0) {
                    b[off] = 'x';
                    return 1;
                }
                throw boom;
            }
        };
        List<Object> events = new ArrayList<>();
        EventLoop.run(() -> {
            Readable r = Readable.fromInputStream(failing);
            r.on("data", (Buffer b) -> events.add("data " + b));
            r.on("end", () -> events.add("end"));
            r.on("error", (Throwable e) -> events.add(e));
            r.on("close", () -> events.add("close"));
        });
        assertEquals(List.of("data x", boom, "close"), events);
    }

    @Test
    void aFailedReadableMakesTheInputStreamThrowWithTheCause() throws Exception {
        AtomicReference<Throwable> got = new AtomicReference<>();
        Thread[] reader = new Thread[1];
        EventLoop.run(() -> {
            Readable r = new Readable(ReadableOptions.defaults().read(self -> { }));
            r.on("error", (Throwable e) -> { });
            InputStream is = r.toInputStream();
            r.push("abc");
            reader[0] = new Thread(() -> {
                try {
                    byte[] b = new byte[10];
                    int n = is.read(b);
                    got.set(new AssertionError("read " + n));
                    is.read(b);
                } catch (IOException e) {
                    got.set(e);
                }
            });
            // the first read gets "abc"; then the stream fails
            r.once("data", (Buffer b) -> { });
            setImmediate(() -> r.destroy(NodeError.of("source failed")));
            reader[0].start();
        });
        reader[0].join();
        Throwable e = got.get();
        assertInstanceOf(IOException.class, e, String.valueOf(e));
        assertEquals("source failed", e.getCause().getMessage());
    }

    @Test
    void aFailingWritableMakesTheOutputStreamThrow() throws Exception {
        AtomicReference<Throwable> got = new AtomicReference<>();
        NodeError bad = NodeError.of("sink failed");
        Thread[] writer = new Thread[1];
        EventLoop.run(() -> {
            Writable w = new Writable(WritableOptions.defaults().write((c, e, cb) -> setImmediate(() -> cb.call(bad))));
            w.on("error", (Throwable e) -> { });
            OutputStream os = w.toOutputStream();
            writer[0] = new Thread(() -> {
                try {
                    for (int i = 0; i < 100; i++) {
                        os.write(new byte[64 * 1024]);
                    }
                    os.close();
                } catch (IOException e) {
                    got.set(e);
                }
            });
            writer[0].start();
        });
        writer[0].join();
        assertInstanceOf(IOException.class, got.get());
        assertSame(bad, got.get().getCause());
    }

    @Test
    void adaptersRefuseToBlockTheirOwnLoop() {
        List<Throwable> errors = new ArrayList<>();
        EventLoop.run(() -> {
            Readable r = new Readable(ReadableOptions.defaults().read(self -> self.push(null)));
            InputStream is = r.toInputStream();
            errors.add(assertThrows(IllegalStateException.class, () -> is.read(new byte[1])));
            ((ReadableInputStream) is).close();
            Writable w = new Writable(WritableOptions.defaults().write((c, e, cb) -> cb.call()));
            OutputStream os = w.toOutputStream();
            errors.add(assertThrows(IllegalStateException.class, () -> os.write(1)));
            w.destroy();
        });
        assertEquals(2, errors.size());
    }
}
