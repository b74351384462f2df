package dev.nodeshim.stream;

import static dev.nodeshim.loop.Timers.setImmediate;
import static dev.nodeshim.process.NodeProcess.process;

import dev.nodeshim.buffer.Buffer;
import dev.nodeshim.errors.NodeError;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Readable scripts of src/test/resources/node, replayed step by step; traces must equal node's. */
class ReadableTraceTest {

    @Test
    void readableSyncPush() {
        Trace.assertMatches("readable-sync-push", t -> {
            Readable[] self = new Readable[1];
            Readable r = new Readable(ReadableOptions.defaults().read(s -> {
                t.log("_read");
                s.push("a");
                s.push("b");
                s.push(null);
            }));
            self[0] = r;
            r.on("data", (Buffer c) -> t.log("data", c, "flowing=" + r.readableFlowing()));
            r.on("end", () -> t.log("end", "ended=" + r.readableEnded()));
            r.on("close", () -> t.log("close", "destroyed=" + r.destroyed()));
            r.on("resume", () -> t.log("resume"));
            t.log("sync-end", "flowing=" + r.readableFlowing());
            process.nextTick(() -> t.log("tick1"));
            setImmediate(() -> t.log("immediate"));
        });
    }

    @Test
    void readableAsyncPush() {
        Trace.assertMatches("readable-async-push", t -> {
            int[] n = {0};
            Readable r = new Readable(ReadableOptions.defaults().highWaterMark(4).read((self, size) -> {
                t.log("_read", size);
                setImmediate(() -> {
                    n[0]++;
                    t.log("push", n[0], self.push(n[0] < 3 ? "xx" + n[0] : null));
                });
            }));
            r.on("data", (Buffer c) -> t.log("data", c, "len=" + r.readableLength()));
            r.on("end", () -> t.log("end"));
            r.on("close", () -> t.log("close"));
        });
    }

    @Test
    void readablePaused() {
        Trace.assertMatches("readable-paused", t -> {
            Readable r = new Readable(ReadableOptions.defaults().read(self -> { }));
            r.push("hello");
            r.push("world");
            t.log("length", r.readableLength(), "flowing=" + r.readableFlowing());
            r.on("readable", () -> {
                Buffer chunk;
                t.log("readable", "len=" + r.readableLength());
                while ((chunk = r.read(3)) != null) {
                    t.log("read", chunk);
                }
                t.log("after-loop", "len=" + r.readableLength());
            });
            r.on("end", () -> t.log("end"));
            r.on("close", () -> t.log("close"));
            setImmediate(() -> {
                t.log("push-null");
                r.push(null);
            });
            t.log("flowing=" + r.readableFlowing(), "paused=" + r.isPaused());
        });
    }

    @Test
    void setEncoding() {
        Trace.assertMatches("set-encoding", t -> {
            Buffer bytes = Buffer.from("h€llo 😀", "utf8");
            Readable r = new Readable(ReadableOptions.defaults().read(self -> { }));
            r.setEncoding("utf8");
            r.on("data", (Object s) -> t.log("data", Trace.json((String) s), s instanceof String ? "string" : "object"));
            r.on("end", () -> t.log("end", r.readableEncoding()));
            for (int i = 0; i < bytes.length(); i++) {
                r.push(bytes.subarray(i, i + 1));
            }
            r.push(Buffer.from(new int[] {0xe2, 0x82}));
            r.push(null);
        });
    }

    @Test
    void fromIterable() {
        Trace.assertMatches("from-iterable", t -> {
            Iterator<String> gen = new Iterator<>() {
                private final Iterator<String> xs = List.of("a", "b", "c").iterator();

                @Override
                public boolean hasNext() {
                    return xs.hasNext();
                }

                @Override
                public String next() {
                    String x = xs.next();
                    t.log("yield", x);
                    return x;
                }
            };
            Readable r = Readable.from(gen);
            t.log("objectMode=" + r.readableObjectMode(), "hwm=" + r.readableHighWaterMark());
            r.on("data", (String x) -> t.log("data", x));
            r.on("end", () -> t.log("end"));
            r.on("close", () -> t.log("close"));
        });
    }

    @Test
    void pushAfterEof() {
        Trace.assertMatches("push-after-eof", t -> {
            Readable r = new Readable(ReadableOptions.defaults().read(self -> { }));
            r.on("error", (NodeError e) -> t.log("error", e.name(), e.code(), e.getMessage()));
            r.on("close", () -> t.log("close"));
            r.push(null);
            t.log("push", r.push("x"));
            Readable r2 = new Readable(ReadableOptions.defaults().read(self -> { }));
            r2.on("error", (NodeError e) -> t.log("error2", e.name(), e.code(), e.getMessage()));
            t.log("push2", r2.push(5));
            Readable r3 = new Readable(ReadableOptions.defaults().objectMode(true).read(self -> { }));
            r3.on("data", (Object o) -> t.log("obj", o instanceof Map ? "{\"a\":1}" : o));
            r3.push(Map.of("a", 1));
            r3.push(7);
        });
    }

    @Test
    void destroyError() {
        Trace.assertMatches("destroy-error", t -> {
            Readable r = new Readable(ReadableOptions.defaults().read(self -> { }).destroy((err, cb) -> {
                t.log("_destroy", err.getMessage());
                cb.call(err);
            }));
            r.push("a");
            r.on("data", (Buffer c) -> t.log("data", c));
            r.on("end", () -> t.log("end"));
            r.on("error", (Throwable e) -> t.log("error", e.getMessage(), "destroyed=" + r.destroyed(), "closed=" + r.closed()));
            r.on("close", () -> t.log("close", "errored=" + r.errored().getMessage()));
            r.destroy(NodeError.of("boom"));
            t.log("destroyed=" + r.destroyed(), "closed=" + r.closed(), "readable=" + r.readable());
            r.destroy(NodeError.of("again"));
            process.nextTick(() -> t.log("tick1"));
        });
    }
}
