package dev.nodeshim.stream;

import static dev.nodeshim.loop.Timers.setImmediate;
import static dev.nodeshim.stream.Streams.finished;
import static dev.nodeshim.stream.Streams.finishedAsync;
import static dev.nodeshim.stream.Streams.pipeline;
import static dev.nodeshim.stream.Streams.pipelineAsync;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodeshim.buffer.Buffer;
import dev.nodeshim.errors.NodeError;
import dev.nodeshim.loop.EventLoop;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The Java side of the API: subclassing, the CompletableFuture twins, argument errors. */
class ApiTest {

    /** cork-writev.js again, with a subclass overriding _write and _writev instead of options. */
    static final class Batching extends Writable {
        private final Trace t;

        Batching(Trace t) {
            this.t = t;
        }

        @Override
        protected void _write(Object chunk, String encoding, Callback callback) {
            t.log("_write", chunk);
            callback.call();
        }

        @Override
        protected void _writev(List<WriteChunk> chunks, Callback callback) {
            t.log("_writev", chunks.stream().map(c -> c.chunk() + "/" + c.encoding()).collect(Collectors.joining(",")));
            callback.call();
        }
    }

    @Test
    void subclassedWritableReplaysCorkWritev() {
        Trace.assertMatches("cork-writev", t -> {
            Writable w = new Batching(t);
            w.on("finish", () -> t.log("finish"));
            w.cork();
            w.write("a", () -> t.log("cb a"));
            w.write("b", () -> t.log("cb b"));
            t.log("corked=" + w.writableCorked(), "len=" + w.writableLength());
            dev.nodeshim.process.NodeProcess.process.nextTick(() -> {
                w.uncork();
                t.log("uncorked");
                w.end();
            });
        });
    }

    /** transform.js again, with a subclass overriding _transform and _flush. */
    static final class Upper extends Transform {
        private final Trace t;

        Upper(Trace t) {
            this.t = t;
        }

        @Override
        protected void _transform(Object chunk, String encoding, TransformCallback callback) {
            t.log("_transform", chunk);
            callback.call(null, chunk.toString().toUpperCase());
        }

        @Override
        protected void _flush(TransformCallback callback) {
            t.log("_flush");
            push("!");
            callback.call();
        }
    }

    @Test
    void subclassedTransformReplaysTransform() {
        Trace.assertMatches("transform", t -> {
            Transform tr = new Upper(t);
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

    /** readable-sync-push.js again, with a subclass overriding _read. */
    static final class ABC extends Readable {
        private final Trace t;

        ABC(Trace t) {
            this.t = t;
        }

        @Override
        protected void _read(int size) {
            t.log("_read");
            push("a");
            push("b");
            push(null);
        }
    }

    @Test
    void subclassedReadableReplaysSyncPush() {
        Trace.assertMatches("readable-sync-push", t -> {
            Readable r = new ABC(t);
            r.on("data", (Buffer c) -> t.log("data", c, "flowing=" + r.readableFlowing()));
            r.on("end", () -> t.log("end", "ended=" + r.readableEnded()));
            r.on("close", () -> t.log("close", "destroyed=" + r.destroyed()));
            r.on("resume", () -> t.log("resume"));
            t.log("sync-end", "flowing=" + r.readableFlowing());
            dev.nodeshim.process.NodeProcess.process.nextTick(() -> t.log("tick1"));
            setImmediate(() -> t.log("immediate"));
        });
    }

    @Test
    void pipelineAsyncCompletesOnTheLoopAfterEveryClose() throws Exception {
        List<String> events = new ArrayList<>();
        CompletableFuture<?>[] f = new CompletableFuture<?>[1];
        Thread[] completedOn = new Thread[1];
        Thread[] loopThread = new Thread[1];
        EventLoop.run(() -> {
            loopThread[0] = Thread.currentThread();
            Readable src = Readable.from(List.of("a", "b"));
            Writable dest = new Writable(WritableOptions.defaults().write((c, e, cb) -> {
                events.add("write " + c);
                cb.call();
            }));
            src.on("close", () -> events.add("src close"));
            dest.on("close", () -> events.add("dest close"));
            f[0] = pipelineAsync(src, dest).whenComplete((v, err) -> {
                completedOn[0] = Thread.currentThread();
                events.add("done");
            });
        });
        assertNull(f[0].get());
        assertSame(loopThread[0], completedOn[0]);
        // the order node recorded for the same shape in pipeline-ok.js: dest close, src close, callback
        assertEquals(List.of("write a", "write b", "dest close", "src close", "done"), events);
    }

    @Test
    void pipelineAsyncFailsWithTheFirstError() {
        NodeError bad = NodeError.of("bad");
        CompletableFuture<?>[] f = new CompletableFuture<?>[1];
        EventLoop.run(() -> {
            Readable src = new Readable(ReadableOptions.defaults().read(s -> { }));
            Writable dest = new Writable(WritableOptions.defaults().write((c, e, cb) -> cb.call(bad)));
            f[0] = pipelineAsync(src, dest);
            src.push("x");
        });
        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, () -> f[0].get());
        assertSame(bad, e.getCause());
    }

    @Test
    void finishedAsyncCompletesOrFails() throws Exception {
        CompletableFuture<?>[] ok = new CompletableFuture<?>[1];
        CompletableFuture<?>[] premature = new CompletableFuture<?>[1];
        EventLoop.run(() -> {
            Writable w = new Writable(WritableOptions.defaults().write((c, e, cb) -> cb.call()));
            ok[0] = finishedAsync(w);
            w.end("x");
            Readable r = new Readable(ReadableOptions.defaults().read(s -> { }));
            premature[0] = finishedAsync(r);
            r.destroy();
        });
        assertNull(ok[0].get());
        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, () -> premature[0].get());
        assertEquals("ERR_STREAM_PREMATURE_CLOSE", ((NodeError) e.getCause()).code());
    }

    private static void tryIt(Trace t, String name, Runnable f) {
        try {
            f.run();
            t.log(name, "ok");
        } catch (NodeError e) {
            t.log(name, e.name(), e.code(), e.getMessage());
        }
    }

    @Test
    void argumentErrors() {
        Trace.assertMatches("api-errors", t -> {
            tryIt(t, "pipeline one stream", () -> pipeline(List.of(new Readable(ReadableOptions.defaults().read(s -> { }))), err -> { }));
            tryIt(t, "pipeline no callback", () -> pipeline(new Readable(ReadableOptions.defaults().read(s -> { })), new Writable(), null));
            tryIt(t, "finished null stream", () -> finished(null, err -> { }));
            tryIt(t, "finished no callback", () -> finished(new Readable(ReadableOptions.defaults().read(s -> { })), null));
            tryIt(t, "pipe to null", () -> new Readable(ReadableOptions.defaults().read(s -> { })).pipe((Writable) null));
        });
    }

    @Test
    void writableStreamIsWhatPipeAndPipelineAccept() {
        List<String> got = new ArrayList<>();
        EventLoop.run(() -> {
            Readable src = Readable.from(List.of("x", "y"));
            Duplex upper = new Transform(TransformOptions.defaults()
                    .transform((c, e, cb) -> cb.call(null, c.toString().toUpperCase())));
            WritableStream asWritable = upper;   // Node's `upper instanceof Writable`
            assertTrue(asWritable.writable());
            Writable sink = new Writable(WritableOptions.defaults().write((c, e, cb) -> {
                got.add(c.toString());
                cb.call();
            }));
            src.pipe(upper).pipe(sink);           // pipe returns its destination, typed
        });
        assertEquals(List.of("X", "Y"), got);
    }
}
