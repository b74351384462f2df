package dev.nodeshim.stream;

import static dev.nodeshim.process.NodeProcess.process;

import dev.nodeshim.errors.NodeError;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** errors.js: the stream module's error codes, names and messages, char for char as node 20 prints them. */
class ErrorsTraceTest {
    private static void tryIt(Trace t, String name, Runnable f) {
        try {
            f.run();
            t.log(name, "ok");
        } catch (NodeError e) {
            t.log(name, e.name(), e.code(), e.getMessage());
        }
    }

    private static Writable noop() {
        return new Writable(WritableOptions.defaults().write((c, e, cb) -> { }));
    }

    private static void log(Trace t, String what, Throwable e) {
        NodeError n = (NodeError) e;
        t.log(what, n.name(), n.code(), n.getMessage());
    }

    @Test
    void errors() {
        Trace.assertMatches("errors", t -> {
            tryIt(t, "write null", () -> noop().write(null));
            tryIt(t, "write number", () -> noop().write(5));
            tryIt(t, "write object", () -> noop().write(Map.of()));
            tryIt(t, "write bool", () -> noop().write(true));
            tryIt(t, "write bad enc", () -> noop().write("a", "nope"));
            tryIt(t, "setDefaultEncoding", () -> new Writable().setDefaultEncoding("nope"));
            tryIt(t, "no _write", () -> new Writable().write("a"));
            tryIt(t, "hwm -1", () -> new Readable(ReadableOptions.defaults().highWaterMark(-1)));
            tryIt(t, "whwm -2", () -> new Duplex(DuplexOptions.defaults().writableHighWaterMark(-2)));
            tryIt(t, "rhwm -3", () -> new Duplex(DuplexOptions.defaults().readableHighWaterMark(-3)));
            tryIt(t, "read too big", () -> new Readable(ReadableOptions.defaults().read(s -> { })).read((1L << 30) + 1));
            tryIt(t, "read 1GiB", () -> new Readable(ReadableOptions.defaults().read(s -> { })).read(1L << 30));
            tryIt(t, "setEncoding", () -> new Readable().setEncoding("nope"));
            tryIt(t, "encoding option", () -> new Readable(ReadableOptions.defaults().encoding("nope")));
            tryIt(t, "no _transform", () -> new Transform().write("x"));
            Readable r = new Readable();
            r.on("error", (Throwable e) -> log(t, "no _read", e));
            r.read();
            Writable w = new Writable(WritableOptions.defaults().write((c, e, cb) -> {
                cb.call();
                cb.call();
            }));
            w.on("error", (Throwable e) -> log(t, "double cb", e));
            w.write("x");
            Writable w2 = new Writable(WritableOptions.defaults().write((c, e, cb) -> cb.call()));
            w2.on("error", (NodeError e) -> t.log("w2", e.code()));
            w2.destroy();
            w2.write("x", e -> log(t, "write destroyed", e));
            w2.end(e -> log(t, "end destroyed", e));
            Writable w3 = new Writable(WritableOptions.defaults().write((c, e, cb) -> cb.call()));
            w3.end();
            w3.on("finish", () -> w3.end(e -> log(t, "end finished", e)));
            Readable r3 = new Readable(ReadableOptions.defaults().read(s -> { }));
            r3.on("error", (Throwable e) -> log(t, "unshift", e));
            r3.on("end", () -> process.nextTick(() -> r3.unshift("x")));
            Readable r4 = new Readable(ReadableOptions.defaults().autoDestroy(false).read(s -> { }));
            r4.on("error", (Throwable e) -> log(t, "unshift after end", e));
            r4.on("end", () -> process.nextTick(() -> t.log("unshift ret", r4.unshift("x"))));
            r4.resume();
            r4.push(null);
        });
    }
}
