package dev.nodeshim.stream;

import static dev.nodeshim.loop.Timers.setImmediate;
import static dev.nodeshim.process.NodeProcess.process;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * finish-timing.js: exactly when 'finish' follows the last write (a callback-less synchronous
 * write settles at once, a write with a callback a tick later, an asynchronous one on the tick
 * after its completion) and when 'drain' follows an uncork. Found by the random programs.
 */
class FinishTimingTest {
    record Step(String name, Consumer<Runnable> delay, BiConsumer<Writable, String> body) {
    }

    @Test
    void finishTiming() {
        Trace.assertMatches("finish-timing", t -> {
            Consumer<Runnable> now = Runnable::run;
            Consumer<Runnable> imm = r -> setImmediate(r);
            Consumer<Runnable> tick = r -> process.nextTick(r);
            List<Step> steps = List.of(
                    new Step("A", now, (w, n) -> {
                        w.write("a");
                        w.end();
                    }),
                    new Step("B", now, (w, n) -> {
                        w.write("a", () -> t.log(n, "cb"));
                        w.end();
                    }),
                    new Step("C", now, (w, n) -> w.end("a", () -> t.log(n, "end cb"))),
                    new Step("D", now, (w, n) -> {
                        w.write("a", () -> t.log(n, "cb"));
                        w.write("b");
                        w.end();
                    }),
                    new Step("E", now, (w, n) -> {
                        w.write("a");
                        w.write("b");
                        w.write("c", () -> t.log(n, "cb"));
                        w.end();
                    }),
                    new Step("F", imm, (w, n) -> {
                        w.write("a");
                        w.end();
                    }),
                    new Step("G", imm, (w, n) -> {
                        w.write("a", () -> t.log(n, "cb"));
                        w.end();
                    }),
                    new Step("H", tick, (w, n) -> w.write("a")),
                    new Step("I", now, (w, n) -> {
                        w.cork();
                        t.log(n, w.write("a"), w.write("b"), w.write("c"));
                        t.log(n, "uncork(");
                        w.uncork();
                        t.log(n, ")uncork");
                    }));
            int[] i = {0};
            Runnable[] next = new Runnable[1];
            next[0] = () -> {
                if (i[0] == steps.size()) {
                    return;
                }
                Step s = steps.get(i[0]++);
                String n = s.name();
                Writable[] self = new Writable[1];
                Writable w = new Writable(WritableOptions.defaults().highWaterMark(2).write((c, e, cb) -> {
                    t.log(n, "_write", c);
                    s.delay().accept(() -> {
                        t.log(n, "cb(");
                        cb.call();
                        t.log(n, ")cb", "finished", self[0].writableFinished());
                        process.nextTick(() -> t.log(n, "tick after cb"));
                    });
                }));
                self[0] = w;
                w.on("finish", () -> t.log(n, "finish"));
                w.on("drain", () -> t.log(n, "drain"));
                s.body().accept(w, n);
                process.nextTick(() -> t.log(n, "tick A"));
                setImmediate(() -> setImmediate(next[0]));
            };
            next[0].run();
        });
    }
}
