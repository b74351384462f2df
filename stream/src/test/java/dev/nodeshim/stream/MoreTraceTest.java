package dev.nodeshim.stream;

import static dev.nodeshim.loop.Timers.setImmediate;
import static dev.nodeshim.process.NodeProcess.process;
import static dev.nodeshim.stream.Streams.pipeline;

import dev.nodeshim.buffer.Buffer;
import dev.nodeshim.errors.NodeError;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Our own trace scripts (recorded with node 20), replayed step by step. */
class MoreTraceTest {
    static String show(Object x) {
        return x == null ? "null" : x.toString();
    }

    static String code(Throwable e) {
        return e instanceof NodeError n ? n.code() : null;
    }

    static Map<String, Object> obj(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void readSizing() {
        Trace.assertMatches("read-sizing", t -> {
            int[] reads = {0};
            Readable r = new Readable(ReadableOptions.defaults().highWaterMark(4).read((self, size) -> {
                reads[0]++;
                t.log("_read", size);
            }));
            r.push("abc");
            r.push("defg");
            t.log("len", r.readableLength(), "reads", reads[0]);
            t.log("read(2)", show(r.read(2)), "len", r.readableLength());
            t.log("read(4)", show(r.read(4)), "len", r.readableLength());
            t.log("read(5)", show(r.read(5)), "len", r.readableLength(), "hwm", r.readableHighWaterMark());
            t.log("read(0)", show(r.read(0)), "len", r.readableLength());
            t.log("read(9)", show(r.read(9)), "hwm", r.readableHighWaterMark());
            r.on("readable", () -> t.log("readable", "len", r.readableLength()));
            r.on("end", () -> t.log("end"));
            process.nextTick(() -> {
                r.push("hijklmnopq");
                t.log("pushed", "len", r.readableLength());
                t.log("read()", show(r.read()), "len", r.readableLength());
                r.push("z");
                r.push(null);
                t.log("read(5) after eof", show(r.read(5)), "len", r.readableLength());
                t.log("read() after eof", show(r.read()));
            });
        });
    }

    @Test
    void objectMode() {
        Trace.assertMatches("object-mode", t -> {
            Readable r = new Readable(ReadableOptions.defaults().objectMode(true).highWaterMark(2).read(self -> { }));
            t.log("hwm", r.readableHighWaterMark(), "push", r.push(obj("n", 1)), r.push("two"), r.push(3), "len", r.readableLength());
            t.log("read", Trace.jsonValue(r.read()), Trace.jsonValue(r.read(5)), "len", r.readableLength());
            Writable w = new Writable(WritableOptions.defaults().objectMode(true).highWaterMark(2).write((o, enc, cb) -> {
                t.log("_write", Trace.jsonValue(o), enc);
                setImmediate(cb::call);
            }));
            t.log("w", w.write(obj("a", 1)), w.write(List.of(1, 2)), w.write(0), "len", w.writableLength());
            try {
                w.write(null);
            } catch (NodeError e) {
                t.log("throws", e.code());
            }
            Transform tr = new Transform(TransformOptions.defaults().readableObjectMode(true)
                    .transform((c, e, cb) -> cb.call(null, obj("len", ((Buffer) c).length()))));
            tr.on("data", (Object o) -> t.log("t data", Trace.jsonValue(o)));
            tr.end("hello");
            t.log("t modes", tr.readableObjectMode(), tr.writableObjectMode(), tr.readableHighWaterMark(), tr.writableHighWaterMark());
            w.on("finish", () -> t.log("w finish"));
            w.end();
        });
    }

    @Test
    void unpipe() {
        Trace.assertMatches("unpipe", t -> {
            Readable src = new Readable(ReadableOptions.defaults().read(self -> { }));
            Function<String, Writable> mk = n -> new Writable(WritableOptions.defaults().write((c, e, cb) -> {
                t.log(n, "write", c);
                cb.call();
            }));
            Writable a = mk.apply("a");
            Writable b = mk.apply("b");
            for (Map.Entry<String, Writable> e : List.of(Map.entry("a", a), Map.entry("b", b))) {
                String n = e.getKey();
                Writable d = e.getValue();
                d.on("pipe", (Object s) -> t.log(n, "pipe", s == src));
                d.on("unpipe", (Object s) -> t.log(n, "unpipe", s == src));
                d.on("finish", () -> t.log(n, "finish"));
            }
            src.on("pause", () -> t.log("pause", src.readableFlowing()));
            src.on("resume", () -> t.log("resume"));
            src.pipe(a);
            src.pipe(b);
            src.push("1");
            setImmediate(() -> {
                src.unpipe(a);
                t.log("unpiped a", "flowing", src.readableFlowing(), "listeners", src.listenerCount("data"), a.listenerCount("unpipe"));
                src.push("2");
                setImmediate(() -> {
                    src.unpipe(b);
                    t.log("unpiped b", "flowing", src.readableFlowing());
                    src.push("3");
                    t.log("len", src.readableLength());
                    src.unpipe(b);
                    src.unpipe();
                    setImmediate(() -> {
                        t.log("still", src.readableLength());
                        src.pipe(a);
                        src.push(null);
                    });
                });
            });
        });
    }

    @Test
    void pipeMulti() {
        Trace.assertMatches("pipe-multi", t -> {
            int[] i = {0};
            Readable src = new Readable(ReadableOptions.defaults().highWaterMark(2).read(self -> {
                i[0]++;
                self.push(i[0] <= 5 ? "x" + i[0] : null);
            }));
            Writable fast = new Writable(WritableOptions.defaults().highWaterMark(2).write((c, e, cb) -> {
                t.log("fast", c);
                cb.call();
            }));
            Writable slow = new Writable(WritableOptions.defaults().highWaterMark(2).write((c, e, cb) -> {
                t.log("slow", c);
                setImmediate(cb::call);
            }));
            src.on("pause", () -> t.log("pause"));
            src.on("resume", () -> t.log("resume"));
            slow.on("drain", () -> t.log("slow drain"));
            fast.on("drain", () -> t.log("fast drain"));
            src.on("end", () -> t.log("end"));
            fast.on("finish", () -> t.log("fast finish"));
            slow.on("finish", () -> t.log("slow finish"));
            src.pipe(fast);
            src.pipe(slow);
        });
    }

    @Test
    void writevBatch() {
        Trace.assertMatches("writev-batch", t -> {
            Writable w = new Writable(WritableOptions.defaults().highWaterMark(5).decodeStrings(false)
                    .write((c, e, cb) -> {
                        t.log("_write", c, e);
                        setImmediate(cb::call);
                    })
                    .writev((chunks, cb) -> {
                        t.log("_writev", chunks.stream().map(c -> c.chunk() + ":" + c.encoding()).collect(Collectors.joining(" ")));
                        setImmediate(cb::call);
                    }));
            w.on("drain", () -> t.log("drain", w.writableLength()));
            w.on("finish", () -> t.log("finish"));
            t.log(w.write("a"), w.write("bb", "utf8", e -> t.log("cb bb")), w.write("636363", "hex"), w.write("d", e -> t.log("cb d")));
            t.log("len", w.writableLength(), "needDrain", w.writableNeedDrain());
            setImmediate(() -> {
                w.cork();
                w.write("e");
                w.write("f");
                w.cork();
                w.uncork();
                t.log("still corked", w.writableCorked());
                w.end("g", () -> t.log("end cb"));
                t.log("corked after end", w.writableCorked());
            });
        });
    }

    @Test
    void destroyDuringWrite() {
        Trace.assertMatches("destroy-during-write", t -> {
            Callback[] pending = {null};
            Writable w = new Writable(WritableOptions.defaults().write((c, e, cb) -> {
                t.log("_write", c);
                pending[0] = cb;
            }));
            w.on("error", (Throwable e) -> t.log("error", e.getMessage()));
            w.on("close", () -> t.log("close", w.writableLength()));
            w.on("finish", () -> t.log("finish"));
            w.write("a", e -> t.log("cb a", code(e)));
            w.write("b", e -> t.log("cb b", code(e)));
            w.end(e -> t.log("end cb", code(e)));
            t.log("len", w.writableLength());
            w.destroy();
            t.log("destroyed", w.destroyed(), "len", w.writableLength());
            setImmediate(() -> {
                t.log("late cb");
                pending[0].call();
                t.log("after late", w.writableLength());
                w.write("c", e -> t.log("cb c", code(e)));
            });
        });
    }

    @Test
    void errorOnce() {
        Trace.assertMatches("error-once", t -> {
            Readable r = new Readable(ReadableOptions.defaults().read(self -> { }));
            r.on("error", (Throwable e) -> t.log("r error", e.getMessage()));
            r.on("close", () -> t.log("r close", r.errored().getMessage()));
            r.destroy(NodeError.of("first"));
            r.destroy(NodeError.of("second"));
            r.push("late");
            Writable w = new Writable(WritableOptions.defaults().write((c, e, cb) -> cb.call(NodeError.of("write failed"))));
            w.on("error", (Throwable e) -> t.log("w error", e.getMessage()));
            w.on("close", () -> t.log("w close", w.errored().getMessage()));
            w.write("x", e -> t.log("cb x", e.getMessage()));
            w.write("y", e -> t.log("cb y", e.getMessage()));
            w.destroy(NodeError.of("later"));
            Writable w2 = new Writable(WritableOptions.defaults().autoDestroy(false).write((c, e, cb) -> cb.call(NodeError.of("no auto"))));
            w2.on("error", (Throwable e) -> t.log("w2 error", e.getMessage(), "destroyed", w2.destroyed()));
            w2.write("1");
            w2.write("2", e -> t.log("w2 cb 2", e == null ? null : e.getMessage()));
            setImmediate(() -> t.log("w2", "destroyed", w2.destroyed(), "errored", w2.errored().getMessage(), "writable", w2.writable()));
        });
    }

    @Test
    void autoDestroy() {
        Trace.assertMatches("auto-destroy", t -> {
            Readable r = new Readable(ReadableOptions.defaults().autoDestroy(false).read(self -> {
                self.push("a");
                self.push(null);
            }));
            r.on("data", (Object d) -> { });
            r.on("end", () -> {
                t.log("r end");
                setImmediate(() -> {
                    t.log("r destroyed", r.destroyed());
                    r.destroy();
                });
            });
            r.on("close", () -> t.log("r close"));
            Writable w = new Writable(WritableOptions.defaults().emitClose(false).write((c, e, cb) -> cb.call()));
            w.on("finish", () -> t.log("w finish"));
            w.on("close", () -> t.log("w close (never)"));
            w.end("x", () -> {
                t.log("w end cb");
                process.nextTick(() -> t.log("w destroyed", w.destroyed(), "closed", w.closed()));
            });
            Readable r2 = new Readable(ReadableOptions.defaults().emitClose(false).read(self -> { }));
            r2.on("close", () -> t.log("r2 close (never)"));
            r2.destroy();
            process.nextTick(() -> t.log("r2 destroyed", r2.destroyed(), "closed", r2.closed()));
        });
    }

    @Test
    void flushError() {
        Trace.assertMatches("flush-error", t -> {
            Transform tr = new Transform(TransformOptions.defaults()
                    .transform((c, e, cb) -> cb.call(null, c))
                    .flush(cb -> {
                        t.log("_flush");
                        cb.call(NodeError.of("flush failed"));
                    }));
            for (String ev : new String[] {"prefinish", "finish", "end", "close"}) {
                tr.on(ev, () -> t.log(ev));
            }
            tr.on("error", (Throwable e) -> t.log("error", e.getMessage()));
            tr.on("data", (Buffer c) -> t.log("data", c));
            tr.write("a");
            tr.end(e -> t.log("end cb", e == null ? null : e.getMessage()));
            Transform t2 = new Transform(TransformOptions.defaults().transform((c, e, cb) -> {
                if (c.toString().equals("bad")) {
                    cb.call(NodeError.of("bad input"));
                } else {
                    cb.call(null, c);
                }
            }));
            t2.on("error", (Throwable e) -> t.log("t2 error", e.getMessage()));
            t2.on("close", () -> t.log("t2 close"));
            t2.on("data", (Buffer c) -> t.log("t2 data", c));
            t2.write("ok");
            t2.write("bad", e -> t.log("t2 cb", e.getMessage()));
            t2.write("never", e -> t.log("t2 cb never", code(e)));
        });
    }

    /** A generator: yields "1".."n", throwing at failAt, logging each yield (Node's function*). */
    static Iterator<String> numbers(Trace t, int n, int failAt) {
        return new Iterator<>() {
            int i = 1;

            @Override
            public boolean hasNext() {
                if (i == failAt) {
                    throw new RuntimeException("gen failed at " + i);
                }
                return i <= n;
            }

            @Override
            public String next() {
                t.log("gen", i);
                return String.valueOf(i++);
            }
        };
    }

    @Test
    void pipelineGenerator() {
        Trace.assertMatches("pipeline-generator", t -> {
            run(t, "A", 0, () -> run(t, "B", 3, null));
        });
    }

    private static void run(Trace t, String name, int failAt, Runnable next) {
        Readable src = Readable.from(numbers(t, 4, failAt));
        Transform dbl = new Transform(TransformOptions.defaults()
                .transform((c, e, cb) -> cb.call(null, String.valueOf(Integer.parseInt(c.toString()) * 2))));
        List<String> got = new ArrayList<>();
        Writable sink = new Writable(WritableOptions.defaults().write((c, e, cb) -> {
            got.add(c.toString());
            cb.call();
        }));
        for (Map.Entry<String, Stream> e : List.of(Map.entry("src", (Stream) src), Map.entry("double", (Stream) dbl),
                Map.entry("sink", (Stream) sink))) {
            e.getValue().on("close", () -> t.log(name, e.getKey(), "close"));
            e.getValue().on("error", (Throwable err) -> t.log(name, e.getKey(), "error", err.getMessage()));
        }
        pipeline(src, dbl, sink, err -> {
            t.log(name, "done", err != null ? err.getMessage() : "ok", String.join(",", got));
            if (next != null) {
                next.run();
            }
        });
    }
}
