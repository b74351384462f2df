package dev.nodeshim.stream;

import static dev.nodeshim.loop.Timers.setImmediate;
import static dev.nodeshim.process.NodeProcess.process;

import dev.nodeshim.buffer.Buffer;
import dev.nodeshim.errors.NodeError;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The Writable and pipe scripts of src/test/resources/node, replayed; traces must equal node's. */
class WritableTraceTest {

    @Test
    void writableSync() {
        Trace.assertMatches("writable-sync", t -> {
            Writable w = new Writable(WritableOptions.defaults().highWaterMark(3)
                    .write((chunk, enc, cb) -> {
                        t.log("_write", chunk, enc);
                        cb.call();
                    })
                    .final_(cb -> {
                        t.log("_final");
                        cb.call();
                    }));
            for (String ev : new String[] {"drain", "prefinish", "finish", "close"}) {
                w.on(ev, () -> t.log(ev));
            }
            t.log("write1", w.write("ab", () -> t.log("cb1")), "len=" + w.writableLength());
            t.log("write2", w.write("cd", () -> t.log("cb2")), "len=" + w.writableLength());
            t.log("write3", w.write("e"));
            w.end("f", () -> t.log("end-cb"));
            t.log("ended=" + w.writableEnded(), "finished=" + w.writableFinished());
            process.nextTick(() -> t.log("tick1"));
        });
    }

    @Test
    void writableAsync() {
        Trace.assertMatches("writable-async", t -> {
            Writable w = new Writable(WritableOptions.defaults().highWaterMark(4).write((chunk, enc, cb) -> {
                t.log("_write", chunk);
                setImmediate(() -> {
                    t.log("done", chunk);
                    cb.call();
                });
            }));
            for (String ev : new String[] {"drain", "finish", "close"}) {
                w.on(ev, () -> t.log(ev, "len=" + w.writableLength()));
            }
            t.log("w1", w.write("aa", () -> t.log("cb aa")), "len=" + w.writableLength(), "needDrain=" + w.writableNeedDrain());
            t.log("w2", w.write("bb", () -> t.log("cb bb")), "len=" + w.writableLength(), "needDrain=" + w.writableNeedDrain());
            t.log("w3", w.write("c", () -> t.log("cb c")), "len=" + w.writableLength());
            w.once("drain", () -> {
                t.log("drain-once");
                w.end(() -> t.log("end-cb"));
            });
        });
    }

    @Test
    void corkWritev() {
        Trace.assertMatches("cork-writev", t -> {
            Writable w = new Writable(WritableOptions.defaults()
                    .write((c, e, cb) -> {
                        t.log("_write", c);
                        cb.call();
                    })
                    .writev((chunks, cb) -> {
                        t.log("_writev", chunks.stream().map(c -> c.chunk() + "/" + c.encoding()).collect(Collectors.joining(",")));
                        cb.call();
                    }));
            w.on("finish", () -> t.log("finish"));
            w.cork();
            w.write("a", () -> t.log("cb a"));
            w.write("b", () -> t.log("cb b"));
            t.log("corked=" + w.writableCorked(), "len=" + w.writableLength());
            process.nextTick(() -> {
                w.uncork();
                t.log("uncorked");
                w.end();
            });
        });
    }

    @Test
    void writeAfterEnd() {
        Trace.assertMatches("write-after-end", t -> {
            Writable w = new Writable(WritableOptions.defaults().write((c, e, cb) -> cb.call()));
            w.on("error", (NodeError e) -> t.log("error", e.code(), e.getMessage()));
            w.on("finish", () -> t.log("finish"));
            w.on("close", () -> t.log("close", "errored=" + (w.errored() == null ? null : ((NodeError) w.errored()).code())));
            w.end();
            t.log("write", w.write("x", e -> t.log("cb", e == null ? null : ((NodeError) e).code())));
            t.log("destroyed=" + w.destroyed());
        });
    }

    @Test
    void construct() {
        Trace.assertMatches("construct", t -> {
            Writable w = new Writable(WritableOptions.defaults()
                    .construct(cb -> {
                        t.log("_construct");
                        setImmediate(() -> {
                            t.log("constructed");
                            cb.call();
                        });
                    })
                    .write((c, e, cb) -> {
                        t.log("_write", c);
                        cb.call();
                    }));
            w.on("finish", () -> t.log("finish"));
            w.on("close", () -> t.log("close"));
            t.log("write", w.write("a"));
            w.end();
            t.log("sync-end");
        });
    }

    @Test
    void pipeBackpressure() {
        Trace.assertMatches("pipe-backpressure", t -> {
            int[] i = {0};
            Readable src = new Readable(ReadableOptions.defaults().highWaterMark(2).read(self -> {
                i[0]++;
                t.log("_read", i[0]);
                self.push(i[0] <= 4 ? "c" + i[0] : null);
            }));
            Writable dest = new Writable(WritableOptions.defaults().highWaterMark(3).write((chunk, enc, cb) -> {
                t.log("_write", chunk);
                setImmediate(cb::call);
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

    static String str(Object chunk) {
        return chunk instanceof Buffer b ? b.toString() : String.valueOf(chunk);
    }
}
