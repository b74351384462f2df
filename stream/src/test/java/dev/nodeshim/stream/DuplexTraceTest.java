package dev.nodeshim.stream;

import static dev.nodeshim.stream.Streams.finished;
import static dev.nodeshim.stream.Streams.pipeline;

import dev.nodeshim.buffer.Buffer;
import dev.nodeshim.errors.NodeError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Duplex, Transform, pipeline and finished scripts of src/test/resources/node, replayed. */
class DuplexTraceTest {

    @Test
    void duplexHalfOpen() {
        Trace.assertMatches("duplex-half-open", t -> {
            Duplex d = new Duplex(DuplexOptions.defaults().allowHalfOpen(false)
                    .read(self -> {
                        self.push("r");
                        self.push(null);
                    })
                    .write((c, e, cb) -> {
                        t.log("_write", c);
                        cb.call();
                    })
                    .final_(cb -> {
                        t.log("_final");
                        cb.call();
                    }));
            for (String ev : new String[] {"end", "prefinish", "finish", "close"}) {
                d.on(ev, () -> t.log(ev));
            }
            d.on("data", (Buffer c) -> t.log("data", c));
            d.write("w");
        });
    }

    @Test
    void transform() {
        Trace.assertMatches("transform", t -> {
            Transform tr = new Transform(TransformOptions.defaults()
                    .transform((chunk, enc, cb) -> {
                        t.log("_transform", chunk);
                        cb.call(null, chunk.toString().toUpperCase());
                    })
                    .flush((self, cb) -> {
                        t.log("_flush");
                        self.push("!");
                        cb.call();
                    }));
            for (String ev : new String[] {"prefinish", "finish", "end", "close"}) {
                tr.on(ev, () -> t.log(ev));
            }
            tr.on("data", (Buffer c) -> t.log("data", c));
            t.log("w", tr.write("ab", () -> t.log("cb ab")));
            t.log("w", tr.write("cd", () -> t.log("cb cd")));
            tr.end();
            t.log("sync-end");
        });
    }

    @Test
    void pipelineOk() {
        Trace.assertMatches("pipeline-ok", t -> {
            Readable src = Readable.from(List.of("a", "b"));
            PassThrough pt = new PassThrough();
            List<String> out = new ArrayList<>();
            Writable dest = new Writable(WritableOptions.defaults().write((c, e, cb) -> {
                out.add(c.toString());
                cb.call();
            }));
            for (Map.Entry<String, Stream> e : List.of(Map.entry("src", (Stream) src), Map.entry("pt", (Stream) pt),
                    Map.entry("dest", (Stream) dest))) {
                e.getValue().on("close", () -> t.log(e.getKey(), "close"));
                e.getValue().on("error", (Throwable err) -> t.log(e.getKey(), "error", err.getMessage()));
            }
            dest.on("finish", () -> t.log("dest finish"));
            pipeline(src, pt, dest, err -> t.log("cb", err == null ? "undefined" : err, String.join("", out)));
        });
    }

    @Test
    void pipelineError() {
        Trace.assertMatches("pipeline-error", t -> {
            Readable src = new Readable(ReadableOptions.defaults().read(self -> { }));
            Transform tr = new Transform(TransformOptions.defaults().transform((c, e, cb) -> cb.call(NodeError.of("bad chunk"))));
            Writable dest = new Writable(WritableOptions.defaults().write((c, e, cb) -> cb.call()));
            for (Map.Entry<String, Stream> e : List.of(Map.entry("src", (Stream) src), Map.entry("t", (Stream) tr),
                    Map.entry("dest", (Stream) dest))) {
                Stream s = e.getValue();
                s.on("close", () -> t.log(e.getKey(), "close", "destroyed=" + s.destroyed()));
                s.on("error", (Throwable err) -> t.log(e.getKey(), "error",
                        err instanceof NodeError ne && ne.code() != null ? ne.code() : err.getMessage()));
            }
            pipeline(src, tr, dest, err -> t.log("cb", err.getMessage()));
            src.push("x");
        });
    }

    @Test
    void finishedPremature() {
        Trace.assertMatches("finished-premature", t -> {
            Readable r = new Readable(ReadableOptions.defaults().read(self -> { }));
            r.on("close", () -> t.log("close"));
            finished(r, err -> t.log("finished", ((NodeError) err).code(), err.getMessage()));
            r.destroy();
            Writable w = new Writable(WritableOptions.defaults().write((c, e, cb) -> cb.call()));
            w.on("finish", () -> t.log("w finish"));
            w.on("close", () -> t.log("w close"));
            finished(w, err -> t.log("w finished", err));
            w.end("x");
        });
    }
}
