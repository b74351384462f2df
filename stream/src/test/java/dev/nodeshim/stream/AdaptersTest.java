package dev.nodeshim.stream;

import static dev.nodeshim.loop.Timers.setImmediate;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodeshim.buffer.Buffer;
import dev.nodeshim.loop.EventLoop;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The java.io adapters, and that backpressure is real end to end: every bound below is on bytes
 * (what a fast producer got ahead of a slow consumer), never on time.
 */
class AdaptersTest {

    /** An endless InputStream that fills every read completely and counts what it handed out. */
    static final class EndlessInput extends InputStream {
        final AtomicLong produced = new AtomicLong();
        final AtomicBoolean closed = new AtomicBoolean();

        @Override
        public int read() {
            produced.incrementAndGet();
            return 'x';
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (closed.get()) {
                throw new IOException("closed");
            }
            java.util.Arrays.fill(b, off, off + len, (byte) 'x');
            produced.addAndGet(len);
            return len;
        }

        @Override
        public void close() {
            closed.set(true);
        }
    }

    @Test
    void inputStreamReadableStopsReadingWhileTheConsumerIsSlow() {
        int hwmR = 1024;
        int hwmW = 1024;
        long limit = 256 * 1024;
        // The readable buffers < hwmR before a read of at most hwmR; the writable queues until hwmW,
        // one chunk (<= hwmR) at a time; one read may be in flight: the producer's lead is bounded so.
        long bound = 3L * hwmR + hwmW;
        EndlessInput in = new EndlessInput();
        AtomicLong consumed = new AtomicLong();
        AtomicLong maxLead = new AtomicLong();
        AtomicReference<Throwable> finished = new AtomicReference<>();
        EventLoop.run(() -> {
            Readable src = Streams.fromInputStream(in, ReadableOptions.defaults().highWaterMark(hwmR));
            Writable slow = new Writable(WritableOptions.defaults().highWaterMark(hwmW).write((chunk, enc, cb) -> {
                long lead = in.produced.get() - consumed.get();
                maxLead.accumulateAndGet(lead, Math::max);
                if (consumed.addAndGet(((Buffer) chunk).length()) >= limit) {
                    src.destroy();
                }
                setImmediate(() -> cb.call(null)); // a slow consumer: one chunk per loop iteration
            }));
            Streams.finished(src, finished::set);
            src.pipe(slow);
        });
        assertTrue(consumed.get() >= limit, "consumed " + consumed);
        assertTrue(maxLead.get() <= bound, "producer ran ahead by " + maxLead + " bytes (bound " + bound + ")");
        assertTrue(in.produced.get() <= consumed.get() + bound, "read " + in.produced + " for " + consumed);
        assertTrue(in.closed.get(), "destroy closes the InputStream");
        assertEquals("ERR_STREAM_PREMATURE_CLOSE", ((dev.nodeshim.errors.NodeError) finished.get()).code());
    }

    @Test
    void aStalledConsumerStopsTheReaderAndTheLoopGoesIdle() {
        // Nobody ever calls the write callback: the loop must go idle (run returns) with a bounded read.
        EndlessInput in = new EndlessInput();
        int hwm = 4096;
        EventLoop.run(() -> {
            Readable src = Streams.fromInputStream(in, ReadableOptions.defaults().highWaterMark(hwm));
            src.pipe(new Writable(WritableOptions.defaults().highWaterMark(hwm).write((c, e, cb) -> { })));
        });
        assertTrue(in.produced.get() >= hwm, "it did read: " + in.produced);
        assertTrue(in.produced.get() <= 4L * hwm, "read " + in.produced + " into a stalled pipe");
    }

    @Test
    void inputStreamReadableDeliversEverythingThenEnds() {
        byte[] data = new byte[100_000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31);
        }
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        List<String> events = new ArrayList<>();
        EventLoop.run(() -> {
            Readable r = Streams.fromInputStream(new ByteArrayInputStream(data));
            r.on("data", (Buffer b) -> got.writeBytes(b.toByteArray()));
            r.on("end", () -> events.add("end"));
            r.on("close", () -> events.add("close"));
        });
        assertArrayEquals(data, got.toByteArray());
        assertEquals(List.of("end", "close"), events);
    }

    @Test
    void anIOExceptionDestroysTheReadableWithIt() {
        IOException boom = new IOException("disk on fire");
        AtomicReference<Throwable> error = new AtomicReference<>();
        List<String> events = new ArrayList<>();
        EventLoop.run(() -> {
            Readable r = Streams.fromInputStream(new InputStream() {
                @Override
                public int read() throws IOException {
                    throw boom;
                }
            });
            r.on("error", (Throwable e) -> {
                events.add("error");
                error.set(e);
            });
            r.on("close", () -> events.add("close"));
            r.resume();
        });
        assertEquals(boom, error.get());
        assertEquals(List.of("error", "close"), events);
    }

    @Test
    void inputStreamViewReadsOnlyAsFastAsItsConsumer() throws Exception {
        int hwm = 1024;
        int chunk = 100;
        long limit = 64 * 1024;
        AtomicLong produced = new AtomicLong();
        AtomicLong maxLead = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicLong consumed = new AtomicLong();
        Thread[] consumer = new Thread[1];
        EventLoop.run(() -> {
            Readable fast = new Readable(ReadableOptions.defaults().highWaterMark(hwm).read((self, size) -> {
                // Pushes synchronously for as long as push() says there is room.
                while (true) {
                    produced.addAndGet(chunk);
                    if (!self.push(Buffer.alloc(chunk, 'y'))) {
                        break;
                    }
                }
            }));
            InputStream in = Streams.toInputStream(fast);
            consumer[0] = new Thread(() -> {
                byte[] small = new byte[7];
                try (in) {
                    while (consumed.get() < limit) {
                        int n = in.read(small);
                        consumed.addAndGet(n);
                        maxLead.accumulateAndGet(produced.get() - consumed.get(), Math::max);
                    }
                } catch (Throwable t) {
                    failure.set(t);
                }
            }, "slow-consumer");
            consumer[0].start();
        });
        consumer[0].join();
        assertNull(failure.get());
        // Paused-mode read() hands over the whole buffer (< hwm + chunk), which the InputStream holds
        // while the stream refills to the same level; one more chunk is counted before its push.
        long bound = 2L * hwm + 3L * chunk;
        assertTrue(maxLead.get() <= bound, "producer ran ahead by " + maxLead + " (bound " + bound + ")");
    }

    @Test
    void inputStreamViewSeesEndAndErrors() throws Exception {
        AtomicReference<String> text = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread[] t = new Thread[2];
        EventLoop.run(() -> {
            Readable ok = Readable.from(List.of("héllo ", "wörld"), ReadableOptions.defaults().objectMode(false));
            InputStream in1 = Streams.toInputStream(ok);
            t[0] = new Thread(() -> {
                try (in1) {
                    text.set(new String(in1.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                } catch (IOException e) {
                    failure.set(e);
                }
            });
            Readable bad = new Readable(ReadableOptions.defaults().read((self, n) ->
                    setImmediate(() -> self.destroy(dev.nodeshim.errors.NodeError.of("kaput")))));
            InputStream in2 = Streams.toInputStream(bad);
            t[1] = new Thread(() -> {
                try (in2) {
                    in2.read();
                } catch (IOException e) {
                    failure.set(e);
                }
            });
            t[0].start();
            t[1].start();
        });
        t[0].join();
        t[1].join();
        assertEquals("héllo wörld", text.get());
        assertInstanceOf(IOException.class, failure.get());
        assertEquals("kaput", failure.get().getCause().getMessage());
    }

    @Test
    void outputStreamViewBlocksTheProducerAtHighWaterMark() throws Exception {
        int hwm = 1000;
        int chunk = 100;
        long total = 50_000;
        AtomicLong produced = new AtomicLong();
        AtomicLong consumed = new AtomicLong();
        AtomicLong maxQueued = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<String> events = new ArrayList<>();
        Thread[] producer = new Thread[1];
        EventLoop.run(() -> {
            Writable slow = new Writable(WritableOptions.defaults().highWaterMark(hwm).write((c, e, cb) -> {
                maxQueued.accumulateAndGet(produced.get() - consumed.get(), Math::max);
                consumed.addAndGet(((Buffer) c).length());
                setImmediate(() -> cb.call(null));
            }));
            slow.on("finish", () -> events.add("finish"));
            OutputStream out = Streams.toOutputStream(slow);
            producer[0] = new Thread(() -> {
                byte[] bytes = new byte[chunk];
                try (out) {
                    for (long i = 0; i < total; i += chunk) {
                        produced.addAndGet(chunk); // counted before the write that may block
                        out.write(bytes);
                    }
                } catch (Throwable t) {
                    failure.set(t);
                }
            }, "fast-producer");
            producer[0].start();
        });
        producer[0].join();
        assertNull(failure.get());
        assertEquals(total, consumed.get());
        assertEquals(List.of("finish"), events);
        // queued < hwm when a write is accepted, plus the chunk just written and the one being counted
        assertTrue(maxQueued.get() <= hwm + 2L * chunk, "queued up to " + maxQueued);
    }

    @Test
    void outputStreamViewThrowsOnceTheStreamIsDestroyed() throws Exception {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread[] producer = new Thread[1];
        EventLoop.run(() -> {
            Writable w = new Writable(WritableOptions.defaults().write((c, e, cb) ->
                    cb.call(dev.nodeshim.errors.NodeError.of("no space"))));
            OutputStream out = Streams.toOutputStream(w);
            producer[0] = new Thread(() -> {
                try {
                    for (int i = 0; i < 1000; i++) {
                        out.write('z');
                    }
                } catch (IOException e) {
                    failure.set(e);
                } finally {
                    try {
                        out.close();
                    } catch (IOException ignored) {
                        // the same error again
                    }
                }
            });
            producer[0].start();
        });
        producer[0].join();
        assertInstanceOf(IOException.class, failure.get());
        assertEquals("no space", failure.get().getCause().getMessage());
    }

    @Test
    void outputStreamWritableWritesFlushesAndCloses() {
        AtomicBoolean closed = new AtomicBoolean();
        ByteArrayOutputStream sink = new ByteArrayOutputStream() {
            @Override
            public void close() {
                closed.set(true);
            }
        };
        AtomicReference<Throwable> result = new AtomicReference<>(new AssertionError("no callback"));
        EventLoop.run(() -> {
            Writable w = Streams.fromOutputStream(sink);
            Streams.pipeline(Readable.from(List.of("one ", "two ", "three"), ReadableOptions.defaults()), w,
                    result::set);
        });
        assertNull(result.get());
        assertEquals("one two three", sink.toString());
        assertTrue(closed.get());
    }

    @Test
    void outputStreamWritableReportsIOExceptions() {
        IOException full = new IOException("full");
        AtomicReference<Throwable> result = new AtomicReference<>();
        EventLoop.run(() -> {
            Writable w = Streams.fromOutputStream(new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    throw full;
                }
            });
            w.on("error", (Throwable e) -> result.set(e));
            assertFalse(w.destroyed());
            w.write("x");
        });
        assertEquals(full, result.get());
    }

    @Test
    void iteratorYieldsChunksToAnotherThread() throws Exception {
        List<Object> got = new ArrayList<>();
        Thread[] t = new Thread[1];
        EventLoop.run(() -> {
            StreamIterator it = Readable.from(List.of(1, 2, 3)).iterator();
            t[0] = new Thread(() -> {
                try (it) {
                    it.forEachRemaining(got::add);
                }
            });
            t[0].start();
        });
        t[0].join();
        assertEquals(List.of(1, 2, 3), got);
    }
}
