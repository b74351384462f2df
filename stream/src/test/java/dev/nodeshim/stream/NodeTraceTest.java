package dev.nodeshim.stream;

import static dev.nodeshim.loop.Timers.setImmediate;
import static dev.nodeshim.stream.Trace.assertMatchesNode;

import dev.nodeshim.buffer.Buffer;
import dev.nodeshim.errors.NodeError;
import dev.nodeshim.events.Listener0;
import dev.nodeshim.loop.EventLoop;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Each test is the Java port of {@code src/test/resources/node/NAME.js}; its event trace must equal,
 * line for line, what {@code node NAME.js} printed ({@code NAME.out}).
 */
class NodeTraceTest {

    private static void nextTick(Runnable r) {
        EventLoop.current().nextTick(r);
    }

    private static String code(Throwable e) {
        return e instanceof NodeError n ? n.code() : null;
    }

    @Test
    void readableSyncPush() {
        assertMatchesNode("readable-sync-push", t -> {
            Readable[] r = new Readable[1];
            r[0] = new Readable(ReadableOptions.defaults().read((self, size) -> {
                t.log("_read");
                self.push("a");
                self.push("b");
                self.push(null);
            }));
            r[0].on("data", (Buffer c) -> t.log("data", c, "flowing=" + r[0].readableFlowing()));
            r[0].on("end", () -> t.log("end", "ended=" + r[0].readableEnded()));
            r[0].on("close", () -> t.log("close", "destroyed=" + r[0].destroyed()));
            r[0].on("resume", () -> t.log("resume"));
            t.log("sync-end", "flowing=" + r[0].readableFlowing());
            nextTick(() -> t.log("tick1"));
            setImmediate(() -> t.log("immediate"));
        });
    }

    @Test
    void readableAsyncPush() {
        assertMatchesNode("readable-async-push", t -> {
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
        assertMatchesNode("readable-paused", t -> {
            Readable r = new Readable(ReadableOptions.defaults().read((self, size) -> { }));
            r.push("hello");
            r.push("world");
            t.log("length", r.readableLength(), "flowing=" + r.readableFlowing());
            r.on("readable", () -> {
                t.log("readable", "len=" + r.readableLength());
                Object chunk;
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
    void writableSync() {
        assertMatchesNode("writable-sync", t -> {
            Writable w = new Writable(WritableOptions.defaults().highWaterMark(3)
                    .write((chunk, enc, cb) -> {
                        t.log("_write", chunk, enc);
                        cb.call(null);
                    })
                    .final_(cb -> {
                        t.log("_final");
                        cb.call(null);
                    }));
            for (String ev : List.of("drain", "prefinish", "finish", "close")) {
                w.on(ev, () -> t.log(ev));
            }
            t.log("write1", w.write("ab", e -> t.log("cb1")), "len=" + w.writableLength());
            t.log("write2", w.write("cd", e -> t.log("cb2")), "len=" + w.writableLength());
            t.log("write3", w.write("e"));
            w.end("f", e -> t.log("end-cb"));
            t.log("ended=" + w.writableEnded(), "finished=" + w.writableFinished());
            nextTick(() -> t.log("tick1"));
        });
    }

    @Test
    void writableAsync() {
        assertMatchesNode("writable-async", t -> {
            Writable w = new Writable(WritableOptions.defaults().highWaterMark(4).write((chunk, enc, cb) -> {
                t.log("_write", chunk);
                setImmediate(() -> {
                    t.log("done", chunk);
                    cb.call(null);
                });
            }));
            for (String ev : List.of("drain", "finish", "close")) {
                w.on(ev, () -> t.log(ev, "len=" + w.writableLength()));
            }
            t.log("w1", w.write("aa", e -> t.log("cb aa")), "len=" + w.writableLength(),
                    "needDrain=" + w.writableNeedDrain());
            t.log("w2", w.write("bb", e -> t.log("cb bb")), "len=" + w.writableLength(),
                    "needDrain=" + w.writableNeedDrain());
            t.log("w3", w.write("c", e -> t.log("cb c")), "len=" + w.writableLength());
            w.once("drain", () -> {
                t.log("drain-once");
                w.end(e -> t.log("end-cb"));
            });
        });
    }

    @Test
    void writeAfterEnd() {
        assertMatchesNode("write-after-end", t -> {
            Writable w = new Writable(WritableOptions.defaults().write((c, e, cb) -> cb.call(null)));
            w.on("error", (NodeError e) -> t.log("error", e.code(), e.getMessage()));
            w.on("finish", () -> t.log("finish"));
            w.on("close", () -> t.log("close", "errored=" + code(w.errored())));
            w.end();
            t.log("write", w.write("x", e -> t.log("cb", code(e))));
            t.log("destroyed=" + w.destroyed());
        });
    }

    @Test
    void destroyError() {
        assertMatchesNode("destroy-error", t -> {
            Readable r = new Readable(ReadableOptions.defaults().read((s, n) -> { }).destroy((err, cb) -> {
                t.log("_destroy", err.getMessage());
                cb.call(err);
            }));
            r.push("a");
            r.on("data", (Buffer c) -> t.log("data", c));
            r.on("end", () -> t.log("end"));
            r.on("error", (Throwable e) -> t.log("error", e.getMessage(), "destroyed=" + r.destroyed(),
                    "closed=" + r.closed()));
            r.on("close", () -> t.log("close", "errored=" + r.errored().getMessage()));
            r.destroy(NodeError.of("boom"));
            t.log("destroyed=" + r.destroyed(), "closed=" + r.closed(), "readable=" + r.readable());
            r.destroy(NodeError.of("again"));
            nextTick(() -> t.log("tick1"));
        });
    }

    @Test
    void transform() {
        assertMatchesNode("transform", t -> {
            Transform tr = new Transform(TransformOptions.defaults()
                    .transform((self, chunk, enc, cb) -> {
                        t.log("_transform", chunk);
                        cb.call(null, chunk.toString().toUpperCase());
                    })
                    .flush((self, cb) -> {
                        t.log("_flush");
                        self.push("!");
                        cb.call(null);
                    }));
            for (String ev : List.of("prefinish", "finish", "end", "close")) {
                tr.on(ev, () -> t.log(ev));
            }
            tr.on("data", (Buffer c) -> t.log("data", c));
            t.log("w", tr.write("ab", e -> t.log("cb ab")));
            t.log("w", tr.write("cd", e -> t.log("cb cd")));
            tr.end();
            t.log("sync-end");
        });
    }

    @Test
    void pipeBackpressure() {
        assertMatchesNode("pipe-backpressure", t -> {
            int[] i = {0};
            Readable src = new Readable(ReadableOptions.defaults().highWaterMark(2).read((self, size) -> {
                i[0]++;
                t.log("_read", i[0]);
                self.push(i[0] <= 4 ? "c" + i[0] : null);
            }));
            Writable dest = new Writable(WritableOptions.defaults().highWaterMark(3).write((chunk, enc, cb) -> {
                t.log("_write", chunk);
                setImmediate(() -> cb.call(null));
            }));
            src.on("pause", () -> t.log("pause"));
            src.on("resume", () -> t.log("resume"));
            src.on("end", () -> t.log("src end"));
            src.on("close", () -> t.log("src close"));
            dest.on("drain", () -> t.log("drain"));
            dest.on("pipe", () -> t.log("pipe"));
            dest.on("unpipe", () -> t.log("unpipe"));
            dest.on("finish", () -> t.log("finish"));
            dest.on("close", () -> t.log("dest close"));
            t.log("ret", src.pipe(dest) == dest);
        });
    }

    @Test
    void pipelineOk() {
        assertMatchesNode("pipeline-ok", t -> {
            Readable src = Readable.from(List.of("a", "b"));
            PassThrough pt = new PassThrough();
            List<String> out = new ArrayList<>();
            Writable dest = new Writable(WritableOptions.defaults().write((c, e, cb) -> {
                out.add(c.toString());
                cb.call(null);
            }));
            for (var entry : List.of(List.of("src", src), List.of("pt", pt), List.of("dest", dest))) {
                String n = (String) entry.get(0);
                Stream s = (Stream) entry.get(1);
                s.on("close", () -> t.log(n, "close"));
                s.on("error", (Throwable e) -> t.log(n, "error", e.getMessage()));
            }
            dest.on("finish", () -> t.log("dest finish"));
            Streams.pipeline(src, pt, dest, err -> t.log("cb", err == null ? "undefined" : err, String.join("", out)));
        });
    }

    @Test
    void pipelineError() {
        assertMatchesNode("pipeline-error", t -> {
            Readable src = new Readable(ReadableOptions.defaults().read((s, n) -> { }));
            Transform tr = new Transform(TransformOptions.defaults()
                    .transform((self, c, e, cb) -> cb.call(NodeError.of("bad chunk"))));
            Writable dest = new Writable(WritableOptions.defaults().write((c, e, cb) -> cb.call(null)));
            for (var entry : List.of(List.of("src", src), List.of("t", tr), List.of("dest", dest))) {
                String n = (String) entry.get(0);
                Stream s = (Stream) entry.get(1);
                s.on("close", () -> t.log(n, "close", "destroyed=" + s.destroyed()));
                s.on("error", (Throwable e) -> t.log(n, "error", code(e) != null ? code(e) : e.getMessage()));
            }
            Streams.pipeline(src, tr, dest, err -> t.log("cb", err.getMessage()));
            src.push("x");
        });
    }

    @Test
    void finishedPremature() {
        assertMatchesNode("finished-premature", t -> {
            Readable r = new Readable(ReadableOptions.defaults().read((s, n) -> { }));
            r.on("close", () -> t.log("close"));
            Streams.finished(r, err -> t.log("finished", code(err), err.getMessage()));
            r.destroy();
            Writable w = new Writable(WritableOptions.defaults().write((c, e, cb) -> cb.call(null)));
            w.on("finish", () -> t.log("w finish"));
            w.on("close", () -> t.log("w close"));
            Streams.finished(w, err -> t.log("w finished", err));
            w.end("x");
        });
    }

    @Test
    void fromIterable() {
        assertMatchesNode("from-iterable", t -> {
            java.util.Iterator<String> gen = new java.util.Iterator<>() {
                private final java.util.Iterator<String> it = List.of("a", "b", "c").iterator();

                @Override
                public boolean hasNext() {
                    return it.hasNext();
                }

                @Override
                public String next() {
                    String x = it.next();
                    t.log("yield", x);
                    return x;
                }
            };
            Readable r = Readable.from(gen);
            t.log("objectMode=" + r.readableObjectMode(), "hwm=" + r.readableHighWaterMark());
            r.on("data", (Object x) -> t.log("data", x));
            r.on("end", () -> t.log("end"));
            r.on("close", () -> t.log("close"));
        });
    }

    @Test
    void duplexHalfOpen() {
        assertMatchesNode("duplex-half-open", t -> {
            Duplex d = new Duplex(DuplexOptions.defaults().allowHalfOpen(false)
                    .read((self, n) -> {
                        self.push("r");
                        self.push(null);
                    })
                    .write((c, e, cb) -> {
                        t.log("_write", c);
                        cb.call(null);
                    })
                    .final_(cb -> {
                        t.log("_final");
                        cb.call(null);
                    }));
            for (String ev : List.of("end", "prefinish", "finish", "close")) {
                d.on(ev, () -> t.log(ev));
            }
            d.on("data", (Buffer c) -> t.log("data", c));
            d.write("w");
        });
    }

    @Test
    void corkWritev() {
        assertMatchesNode("cork-writev", t -> {
            Writable w = new Writable(WritableOptions.defaults()
                    .write((c, e, cb) -> {
                        t.log("_write", c);
                        cb.call(null);
                    })
                    .writev((chunks, cb) -> {
                        t.log("_writev", chunks.stream().map(c -> c.chunk() + "/" + c.encoding())
                                .collect(Collectors.joining(",")));
                        cb.call(null);
                    }));
            w.on("finish", () -> t.log("finish"));
            w.cork();
            w.write("a", e -> t.log("cb a"));
            w.write("b", e -> t.log("cb b"));
            t.log("corked=" + w.writableCorked(), "len=" + w.writableLength());
            nextTick(() -> {
                w.uncork();
                t.log("uncorked");
                w.end();
            });
        });
    }

    @Test
    void setEncoding() {
        assertMatchesNode("set-encoding", t -> {
            Buffer bytes = Buffer.from("h€llo 😀", "utf8");
            Readable r = new Readable(ReadableOptions.defaults().read((s, n) -> { }));
            r.setEncoding("utf8");
            r.on("data", (Object s) -> t.log("data", jsonString((String) s), s instanceof String ? "string" : "?"));
            r.on("end", () -> t.log("end", r.readableEncoding()));
            for (int i = 0; i < bytes.length(); i++) {
                r.push(bytes.subarray(i, i + 1));
            }
            r.push(Buffer.from(new int[] {0xe2, 0x82}));
            r.push(null);
        });
    }

    private static String jsonString(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Test
    void construct() {
        assertMatchesNode("construct", t -> {
            Writable w = new Writable(WritableOptions.defaults()
                    .construct(cb -> {
                        t.log("_construct");
                        setImmediate(() -> {
                            t.log("constructed");
                            cb.call(null);
                        });
                    })
                    .write((c, e, cb) -> {
                        t.log("_write", c);
                        cb.call(null);
                    }));
            w.on("finish", () -> t.log("finish"));
            w.on("close", () -> t.log("close"));
            t.log("write", w.write("a"));
            w.end();
            t.log("sync-end");
        });
    }

    @Test
    void pushAfterEof() {
        assertMatchesNode("push-after-eof", t -> {
            Readable r = new Readable(ReadableOptions.defaults().read((s, n) -> { }));
            r.on("error", (NodeError e) -> t.log("error", e.name(), e.code(), e.getMessage()));
            r.on("close", () -> t.log("close"));
            r.push(null);
            t.log("push", r.push("x"));
            Readable r2 = new Readable(ReadableOptions.defaults().read((s, n) -> { }));
            r2.on("error", (NodeError e) -> t.log("error2", e.name(), e.code(), e.getMessage()));
            t.log("push2", r2.push(5));
            Readable r3 = new Readable(ReadableOptions.defaults().objectMode(true).read((s, n) -> { }));
            r3.on("data", (Object o) -> t.log("obj", o instanceof java.util.Map ? "{\"a\":1}" : o));
            r3.push(java.util.Map.of("a", 1));
            r3.push(7);
        });
    }

    @SuppressWarnings("unused")
    private static Listener0 nop() {
        return () -> { };
    }
}
