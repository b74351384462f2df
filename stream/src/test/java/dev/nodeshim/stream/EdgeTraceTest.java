package dev.nodeshim.stream;

import static dev.nodeshim.loop.Timers.setImmediate;
import static dev.nodeshim.process.NodeProcess.process;
import static dev.nodeshim.stream.Streams.finished;
import static dev.nodeshim.stream.Streams.pipeline;

import dev.nodeshim.buffer.Buffer;
import dev.nodeshim.errors.NodeError;
import dev.nodeshim.events.Listener;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** More node-recorded scripts: listener rules, duplex sides, pipeline failures, finished, construct. */
class EdgeTraceTest {
    static void watch(Trace t, String name, Stream s) {
        s.on("close", () -> t.log(name, "close"));
        s.on("error", (Throwable e) -> t.log(name, "error",
                e instanceof NodeError n && n.code() != null ? n.code() : e.getMessage()));
    }

    static Readable mk() {
        return new Readable(ReadableOptions.defaults().read(self -> { }));
    }

    @Test
    void listeners() {
        Trace.assertMatches("listeners", t -> {
            Readable a = mk();
            a.once("data", (Buffer c) -> t.log("a once data", c, a.readableFlowing()));
            t.log("a flowing", a.readableFlowing());
            a.push("1");
            a.push("2");
            Readable b = mk();
            b.prependListener("data", (Buffer c) -> t.log("b data", c));
            t.log("b flowing", b.readableFlowing());
            b.push("x");
            Readable c = mk();
            Listener onReadable = Listener.of(() -> t.log("c readable", c.readableLength()));
            c.on("readable", onReadable);
            c.on("data", (Buffer d) -> t.log("c data", d));
            t.log("c flowing", c.readableFlowing(), c.isPaused());
            c.push("y");
            setImmediate(() -> {
                t.log("a", a.readableFlowing(), a.readableLength(), "b", b.readableFlowing(), b.readableLength());
                c.removeListener("readable", onReadable);
                t.log("c flowing after remove", c.readableFlowing());
                process.nextTick(() -> {
                    t.log("c flowing next tick", c.readableFlowing());
                    c.push("z");
                    setImmediate(() -> {
                        Readable d = mk();
                        Listener onData = Listener.of((Buffer x) -> t.log("d data", x));
                        d.on("data", onData);
                        d.push("p");
                        setImmediate(() -> {
                            d.removeListener("data", onData);
                            t.log("d flowing", d.readableFlowing());
                            d.push("q");
                            t.log("d len", d.readableLength());
                            d.pause();
                            t.log("d paused", d.isPaused(), d.readableFlowing());
                            d.resume();
                            d.pause();
                            t.log("d resume+pause", d.readableFlowing());
                            process.nextTick(() -> t.log("d after tick", d.readableFlowing(), d.readableLength()));
                        });
                    });
                });
            });
        });
    }

    @Test
    void duplexBoth() {
        Trace.assertMatches("duplex-both", t -> {
            Duplex[] self = new Duplex[1];
            Duplex d = new Duplex(DuplexOptions.defaults()
                    .read(s -> {
                        s.push("r1");
                        s.push(null);
                    })
                    .write((c, e, cb) -> {
                        t.log("_write", c);
                        setImmediate(cb::call);
                    })
                    .final_(cb -> {
                        t.log("_final");
                        cb.call();
                    }));
            self[0] = d;
            for (String ev : new String[] {"end", "prefinish", "finish", "close"}) {
                d.on(ev, () -> t.log(ev, "rEnded", d.readableEnded(), "wFinished", d.writableFinished()));
            }
            d.on("data", (Buffer c) -> t.log("data", c));
            d.write("w1");
            setImmediate(() -> setImmediate(() -> {
                t.log("ending writable");
                d.end("w2");
            }));
            Duplex d2 = new Duplex(DuplexOptions.defaults().readableObjectMode(true).read(s -> { })
                    .write((s, c, e, cb) -> {
                        ((Duplex) s).push(Map.of("got", c.toString()));
                        cb.call();
                    }));
            d2.on("data", (Object o) -> t.log("d2 data", Trace.jsonValue(o)));
            d2.on("close", () -> t.log("d2 close"));
            d2.write("hi");
            d2.end();
            setImmediate(() -> {
                t.log("d2 writableFinished", d2.writableFinished(), "destroyed", d2.destroyed());
                d2.push(null);
            });
        });
    }

    @Test
    void pipelineFailures() {
        Trace.assertMatches("pipeline-failures", t -> {
            Readable src = mk();
            PassThrough pt = new PassThrough();
            Writable dest = new Writable(WritableOptions.defaults().write((c, e, cb) -> {
                t.log("dest write", c);
                cb.call(NodeError.of("disk full"));
            }));
            watch(t, "src", src);
            watch(t, "pt", pt);
            watch(t, "dest", dest);
            pipeline(src, pt, dest, err -> {
                t.log("cb1", err.getMessage(), src.destroyed(), pt.destroyed(), dest.destroyed());
                Readable src2 = mk();
                Writable dest2 = new Writable(WritableOptions.defaults().write((c, e, cb) -> cb.call()));
                watch(t, "src2", src2);
                watch(t, "dest2", dest2);
                pipeline(src2, dest2, err2 -> t.log("cb2", ((NodeError) err2).code(), err2.getMessage()));
                src2.push("a");
                setImmediate(() -> src2.destroy());
            });
            src.push("a");
        });
    }

    @Test
    void finishedCases() {
        Trace.assertMatches("finished-cases", t -> {
            Readable ended = new Readable(ReadableOptions.defaults().read(s -> s.push(null)));
            ended.resume();
            ended.on("close", () -> {
                t.log("ended closed");
                finished(ended, err -> t.log("finished on closed", err));
            });
            Writable noClose = new Writable(WritableOptions.defaults().emitClose(false).write((c, e, cb) -> cb.call()));
            noClose.end("x");
            noClose.on("finish", () -> process.nextTick(() -> finished(noClose, err -> t.log("finished on finished no-close", err))));
            Writable failing = new Writable(WritableOptions.defaults().write((c, e, cb) -> cb.call(NodeError.of("nope"))));
            failing.on("error", () -> t.log("failing error listener"));
            finished(failing, err -> t.log("finished error", err.getMessage()));
            failing.write("x");
            Readable watched = mk();
            Runnable cleanup = finished(watched, err -> t.log("never called"));
            t.log("listeners", watched.listenerCount("end"), watched.listenerCount("close"), watched.listenerCount("error"));
            cleanup.run();
            t.log("after cleanup", watched.listenerCount("end"), watched.listenerCount("close"), watched.listenerCount("error"));
            watched.destroy();
            Duplex duplex = new Duplex(DuplexOptions.defaults().read(s -> { }).write((c, e, cb) -> cb.call()));
            finished(duplex, err -> t.log("duplex finished", err != null ? ((NodeError) err).code() : "ok"));
            duplex.end();
            duplex.on("finish", () -> {
                t.log("duplex finish");
                duplex.push(null);
                duplex.resume();
            });
            duplex.on("end", () -> t.log("duplex end"));
            duplex.on("close", () -> t.log("duplex close"));
        });
    }

    @Test
    void transformBackpressure() {
        Trace.assertMatches("transform-backpressure", t -> {
            Transform tr = new Transform(TransformOptions.defaults().readableHighWaterMark(2).writableHighWaterMark(2)
                    .transform((c, e, cb) -> {
                        t.log("_transform", c);
                        cb.call(null, c.toString() + c.toString());
                    }));
            for (int i = 1; i <= 4; i++) {
                t.log("write", i, tr.write(String.valueOf(i)), "w", tr.writableLength(), "r", tr.readableLength());
            }
            tr.on("drain", () -> t.log("drain"));
            setImmediate(() -> {
                t.log("read", tr.read().toString(), "w", tr.writableLength(), "r", tr.readableLength());
                setImmediate(() -> {
                    Object c;
                    while ((c = tr.read()) != null) {
                        t.log("read", c);
                    }
                    t.log("after", "w", tr.writableLength(), "r", tr.readableLength());
                    setImmediate(() -> {
                        t.log("last", String.valueOf((Object) tr.read()), "w", tr.writableLength());
                        tr.end();
                        tr.on("end", () -> t.log("end"));
                        tr.resume();
                    });
                });
            });
        });
    }

    @Test
    void pipeEndFalse() {
        Trace.assertMatches("pipe-end-false", t -> {
            Readable src = mk();
            Writable dest = new Writable(WritableOptions.defaults().write((c, e, cb) -> {
                t.log("write", c);
                cb.call();
            }));
            dest.on("unpipe", () -> t.log("unpipe"));
            dest.on("finish", () -> t.log("finish"));
            src.pipe(dest, false);
            src.push("a");
            src.push(null);
            src.on("end", () -> {
                t.log("src end", "dest ended", dest.writableEnded());
                setImmediate(() -> {
                    dest.write("own");
                    dest.end();
                });
            });
            Readable r = mk();
            r.push(Buffer.from(new int[] {0xe2, 0x82}));
            r.push(Buffer.from(new int[] {0xac, 0x41}));
            r.setEncoding("utf8");
            t.log("after setEncoding", r.readableLength(), Trace.json(r.read()));
            r.unshift("Z");
            t.log("unshift", r.readableLength(), Trace.json(r.read(1)));
            r.push(Buffer.from("hello"));
            t.log("read(2)", Trace.json(r.read(2)), r.readableLength());
            PassThrough p = new PassThrough();
            p.end("late");
            p.on("end", () -> {
                t.log("p end");
                Writable sink = new Writable(WritableOptions.defaults().write((c, e, cb) -> {
                    t.log("sink", c);
                    cb.call();
                }));
                sink.on("finish", () -> t.log("sink finish"));
                p.pipe(sink);
            });
            p.resume();
        });
    }

    @Test
    void constructDestroy() {
        Trace.assertMatches("construct-destroy", t -> {
            Readable r = new Readable(ReadableOptions.defaults()
                    .construct(cb -> {
                        t.log("r construct");
                        setImmediate(() -> {
                            t.log("r constructed");
                            cb.call();
                        });
                    })
                    .read(s -> {
                        t.log("r _read");
                        s.push("x");
                        s.push(null);
                    }));
            r.on("data", (Buffer c) -> t.log("r data", c));
            r.on("end", () -> t.log("r end"));
            r.on("close", () -> t.log("r close"));
            Writable w = new Writable(WritableOptions.defaults()
                    .construct(cb -> {
                        t.log("w construct");
                        setImmediate(() -> {
                            t.log("w constructed");
                            cb.call();
                        });
                    })
                    .write((c, e, cb) -> {
                        t.log("w _write");
                        cb.call();
                    })
                    .destroy((err, cb) -> {
                        t.log("w _destroy", err == null ? null : err.getMessage());
                        cb.call(err);
                    }));
            w.on("close", () -> t.log("w close"));
            w.on("error", (Throwable e) -> t.log("w error", e.getMessage()));
            w.write("a", e -> t.log("w cb", e instanceof NodeError n ? n.code() : null));
            w.destroy(NodeError.of("early"));
            t.log("w destroyed", w.destroyed());
            Writable f = new Writable(WritableOptions.defaults().construct(cb -> cb.call(NodeError.of("cannot open")))
                    .write((c, e, cb) -> cb.call()));
            f.on("error", (Throwable e) -> t.log("f error", e.getMessage()));
            f.on("close", () -> t.log("f close"));
            f.write("z", e -> t.log("f cb", e == null ? null : e.getMessage()));
        });
    }
}
