package dev.nodeshim.stream;

import static dev.nodeshim.loop.Timers.setImmediate;
import static dev.nodeshim.process.NodeProcess.process;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nodeshim.errors.NodeError;
import dev.nodeshim.loop.EventLoop;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Differential test against node: 2,000 random small programs (a Readable fed by sync, nextTick and
 * setImmediate pushes; a 'data', 'readable', pipe or pipeline consumer; a Writable calling back in
 * each of those ways; pause, resume, read, unpipe, end and destroy at random turns of the loop),
 * generated and run by generators/random-programs.js. This interpreter runs each program the same
 * way and must print node's trace exactly.
 */
class RandomProgramsTest {

    @Test
    void everyProgramPrintsNodesTrace() throws IOException {
        assertEquals(2000, replay("/random-programs.jsonl"));
    }

    /** The second set (3,000 programs) adds object mode, _writev, a Transform with its own pace and flush, failing writes,
     *  unshift, cork/uncork, destroy with an error, 'readable' plus 'data', and finished(). */
    @Test
    void everyProgramOfTheWiderSetPrintsNodesTrace() throws IOException {
        assertEquals(3000, replay("/random-programs-2.jsonl"));
    }

    /** The third set adds two pipe destinations, a Duplex echoing into its readable side, setEncoding
     *  and removing the 'data' listener mid-stream. */
    @Test
    void everyProgramOfTheThirdSetPrintsNodesTrace() throws IOException {
        assertEquals(2000, replay("/random-programs-3.jsonl"));
    }

    /** The fourth set adds construct and final (synchronous, later, failing), end callbacks, writes after
     *  end, autoDestroy and emitClose switched off, and Readable.from as the source. */
    @Test
    void everyProgramOfTheFourthSetPrintsNodesTrace() throws IOException {
        assertEquals(2000, replay("/random-programs-4.jsonl"));
    }


    private static Impl.Construct construct(Trace t, String mode, String name) {
        return (self, cb) -> {
            t.log(name, "_construct", mode);
            switch (mode) {
                case "sync" -> cb.call();
                case "imm" -> setImmediate(() -> {
                    t.log(name, "constructed");
                    cb.call();
                });
                default -> cb.call(NodeError.of(name + " construct failed"));
            }
        };
    }

    private static int replay(String resource) throws IOException {
        return replay(resource, java.util.Set.of());
    }

    private static int replay(String resource, java.util.Set<Integer> knownDivergent) throws IOException {
        ObjectMapper json = new ObjectMapper();
        java.util.Set<Integer> divergent = new java.util.TreeSet<>();
        List<String> failures = new ArrayList<>();
        int count = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                RandomProgramsTest.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isEmpty()) {
                    continue;
                }
                count++;
                JsonNode c = json.readTree(line);
                List<String> expected = new ArrayList<>();
                c.get("trace").forEach(x -> expected.add(x.asText()));
                List<String> actual = run(c.get("program"));
                if (!expected.equals(actual)) {
                    divergent.add(count);
                    if (!knownDivergent.contains(count)) {
                        failures.add("line " + count + ": " + c.get("program") + "\n" + firstDifference(expected, actual));
                    }
                }
            }
        }
        assertEquals(new java.util.TreeSet<>(knownDivergent), divergent, "lines that differ from node");
        assertTrue(failures.isEmpty(), failures.size() + " programs differ; first:\n" + (failures.isEmpty() ? "" : failures.get(0)));
        return count;
    }

    private static String firstDifference(List<String> expected, List<String> actual) {
        int i = 0;
        while (i < expected.size() && i < actual.size() && expected.get(i).equals(actual.get(i))) {
            i++;
        }
        int from = Math.max(0, i - 3);
        return "node: " + expected.subList(from, Math.min(expected.size(), i + 4))
                + "\nours: " + actual.subList(from, Math.min(actual.size(), i + 4));
    }

    private static void later(String mode, Runnable fn) {
        switch (mode) {
            case "sync" -> fn.run();
            case "tick" -> process.nextTick(fn);
            default -> setImmediate(fn);
        }
    }

    private static String text(Object chunk) {
        return chunk == null ? "null" : chunk.toString();
    }

    private static Object codeOrMessage(Throwable e) {
        return e instanceof NodeError n && n.code() != null ? n.code() : e.getMessage();
    }

    static List<String> run(JsonNode p) {
        List<String> result = new ArrayList<>();
        EventLoop.run(() -> {
            Trace t = new Trace();
            int[] step = {0};
            JsonNode source = p.get("source");
            boolean objectMode = p.path("objectMode").asBoolean(false);
            int failWrite = p.path("failWrite").asInt(-1);
            String consumer = p.has("consumer2") ? p.get("consumer2").asText() : p.get("consumer").asText();
            String rConstruct = p.path("rConstruct").asText("none");
            String wConstruct = p.path("wConstruct").asText("none");
            String wFinal = p.path("wFinal").asText("none");
            ReadableOptions ropts = ReadableOptions.defaults().autoDestroy(p.path("rAutoDestroy").asBoolean(true))
                    .emitClose(p.path("rEmitClose").asBoolean(true));
            if (!rConstruct.equals("none") && !p.path("fromArray").asBoolean(false)) {
                ropts = ropts.construct(construct(t, rConstruct, "r"));
            }
            Readable r;
            if (p.path("fromArray").asBoolean(false)) {
                List<String> all = new ArrayList<>();
                p.get("source").forEach(s -> s.get("chunks").forEach(c -> all.add(c.asText())));
                r = Readable.from(all, ropts.objectMode(true).highWaterMark(p.get("rhwm").asLong()));
            } else {
            r = new Readable(ropts.objectMode(objectMode).highWaterMark(p.get("rhwm").asLong()).read((self, size) -> {
                JsonNode s = step[0] < source.size() ? source.get(step[0]) : null;
                step[0]++;
                t.log("_read", size, s != null ? s.get("mode").asText() : "none");
                if (s == null) {
                    return;
                }
                later(s.get("mode").asText(), () -> {
                    for (JsonNode c : s.get("chunks")) {
                        t.log("push", c.asText(), self.push(c.asText()), "len", self.readableLength());
                    }
                    if (s.get("end").asBoolean()) {
                        t.log("push null", self.push(null));
                    }
                });
            }));
            }
            if (!p.get("encoding").isNull() && !p.path("fromArray").asBoolean(false)) {
                r.setEncoding(p.get("encoding").asText());
            }
            int[] writes = {0};
            JsonNode writeModes = p.get("writeModes");
            Writable[] wref = new Writable[1];
            WritableOptions wopts = WritableOptions.defaults().objectMode(objectMode).highWaterMark(p.get("whwm").asLong())
                    .autoDestroy(p.path("wAutoDestroy").asBoolean(true)).emitClose(p.path("wEmitClose").asBoolean(true))
                    .write((c, e, cb) -> {
                        int k = writes[0]++;
                        String mode = writeModes.get(k % writeModes.size()).asText();
                        t.log("_write", c, mode, "wlen", wref[0].writableLength());
                        later(mode, () -> cb.call(k == failWrite ? NodeError.of("wfail") : null));
                    });
            if (p.path("writev").asBoolean(false)) {
                wopts = wopts.writev((chunks, cb) -> {
                    int k = writes[0]++;
                    String mode = writeModes.get(k % writeModes.size()).asText();
                    t.log("_writev", chunks.stream().map(x -> x.chunk().toString()).collect(java.util.stream.Collectors.joining(",")),
                            mode, "wlen", wref[0].writableLength());
                    later(mode, () -> cb.call(k == failWrite ? NodeError.of("wfail") : null));
                });
            }
            if (!wConstruct.equals("none")) {
                wopts = wopts.construct(construct(t, wConstruct, "w"));
            }
            if (!wFinal.equals("none")) {
                wopts = wopts.final_(cb -> {
                    t.log("w _final", wFinal);
                    switch (wFinal) {
                        case "sync" -> cb.call();
                        case "imm" -> setImmediate(() -> {
                            t.log("w final done");
                            cb.call();
                        });
                        default -> cb.call(NodeError.of("final failed"));
                    }
                });
            }
            Writable w = new Writable(wopts);
            wref[0] = w;
            for (String ev : new String[] {"end", "close", "pause", "resume"}) {
                r.on(ev, () -> t.log("r", ev, "flowing", r.readableFlowing(), "len", r.readableLength()));
            }
            r.on("error", (Throwable e) -> t.log("r error", codeOrMessage(e)));
            for (String ev : new String[] {"drain", "finish", "close", "pipe", "unpipe"}) {
                w.on(ev, () -> t.log("w", ev, "wlen", w.writableLength()));
            }
            w.on("error", (Throwable e) -> t.log("w error", codeOrMessage(e)));
            int[] reads = {0};
            JsonNode readSizes = p.get("readSizes");
            Stream[] extra = new Stream[2]; // the second pipe destination, the duplex
            Runnable onReadable = () -> {
                t.log("readable", "len", r.readableLength());
                for (int i = 0; i < 10; i++) {
                    int n = readSizes.get(reads[0]++ % readSizes.size()).asInt();
                    Object c = n < 0 ? r.read() : r.read(n);
                    t.log("read", n, text(c), "len", r.readableLength());
                    if (c == null) {
                        break;
                    }
                }
            };
            switch (consumer) {
                case "data" -> r.on("data", (Object c) -> t.log("data", c, "len", r.readableLength()));
                case "readable" -> r.on("readable", onReadable::run);
                case "both" -> {
                    r.on("readable", onReadable::run);
                    r.on("data", (Object c) -> t.log("data", c, "len", r.readableLength()));
                }
                case "finished" -> {
                    Streams.finished(r, err -> t.log("finished r", err != null ? codeOrMessage(err) : "ok"));
                    Streams.finished(w, err -> t.log("finished w", err != null ? codeOrMessage(err) : "ok"));
                    r.pipe(w);
                }
                case "pipe" -> r.pipe(w);
                case "twoPipes" -> {
                    int[] writes2 = {0};
                    JsonNode w2Modes = p.get("w2Modes");
                    Writable[] w2ref = new Writable[1];
                    Writable w2 = new Writable(WritableOptions.defaults().highWaterMark(p.get("w2hwm").asLong()).objectMode(objectMode)
                            .write((c, e, cb) -> {
                                String mode = w2Modes.get(writes2[0]++ % w2Modes.size()).asText();
                                t.log("_write2", c, mode, "w2len", w2ref[0].writableLength());
                                later(mode, cb::call);
                            }));
                    w2ref[0] = w2;
                    extra[0] = w2;
                    for (String ev : new String[] {"drain", "finish", "close", "unpipe"}) {
                        w2.on(ev, () -> t.log("w2", ev, "w2len", w2.writableLength()));
                    }
                    r.pipe(w);
                    r.pipe(w2);
                }
                case "duplex" -> {
                    Duplex[] dref = new Duplex[1];
                    Duplex d = new Duplex(DuplexOptions.defaults().allowHalfOpen(p.get("halfOpen").asBoolean())
                            .objectMode(objectMode).highWaterMark(p.get("whwm").asLong())
                            .read(self -> t.log("d _read"))
                            .write((c, e, cb) -> {
                                t.log("d _write", c, "push", dref[0].push("E" + c));
                                cb.call();
                            })
                            .final_(cb -> {
                                t.log("d _final");
                                dref[0].push(null);
                                cb.call();
                            }));
                    dref[0] = d;
                    extra[1] = d;
                    for (String ev : new String[] {"end", "finish", "close", "prefinish"}) {
                        d.on(ev, () -> t.log("d", ev));
                    }
                    d.on("data", (Object c) -> t.log("d data", c));
                    r.pipe(d);
                }
                default -> {
                    if (!p.has("transformMode")) {
                        PassThrough pt = new PassThrough(TransformOptions.defaults().highWaterMark(p.get("rhwm").asLong()));
                        pt.on("close", () -> t.log("t close"));
                        Streams.pipeline(r, pt, w, err -> t.log("pipeline", err != null ? codeOrMessage(err) : "ok"));
                    } else {
                        String tmode = p.get("transformMode").asText();
                        int[] tcalls = {0};
                        Transform[] tref = new Transform[1];
                        TransformOptions topts = TransformOptions.defaults().highWaterMark(p.get("rhwm").asLong()).objectMode(objectMode)
                                .transform((c, e, cb) -> {
                                    t.log("_transform", c, tmode, "tlen", tref[0].readableLength());
                                    later(tmode, () -> cb.call(null, c.toString().toUpperCase() + tcalls[0]++));
                                });
                        if (p.path("flush").asBoolean(false)) {
                            topts = topts.flush(cb -> {
                                t.log("_flush");
                                cb.call(null, "FLUSHED");
                            });
                        }
                        Transform tr = new Transform(topts);
                        tref[0] = tr;
                        tr.on("close", () -> t.log("t close"));
                        tr.on("end", () -> t.log("t end"));
                        Streams.pipeline(r, tr, w, err -> t.log("pipeline", err != null ? codeOrMessage(err) : "ok"));
                    }
                }
            }
            int[] tick = {0};
            Runnable[] drive = new Runnable[1];
            drive[0] = () -> {
                t.log("--", tick[0]);
                for (JsonNode iv : p.get("interventions")) {
                    if (iv.get("at").asInt() != tick[0]) {
                        continue;
                    }
                    String op = iv.get("op").asText();
                    t.log("op", op);
                    switch (op) {
                        case "pause" -> r.pause();
                        case "resume" -> r.resume();
                        case "destroy" -> r.destroy();
                        case "unpipe" -> r.unpipe();
                        case "destroyW" -> w.destroy();
                        case "endW" -> w.end();
                        case "read" -> t.log("op read", text(r.read()));
                        case "writeW" -> t.log("op write", w.write("W" + tick[0],
                                e -> t.log("op write cb", e != null ? codeOrMessage(e) : "ok")));
                        case "unshift" -> t.log("op unshift", r.unshift("U" + tick[0]), "len", r.readableLength());
                        case "corkW" -> w.cork();
                        case "uncorkW" -> w.uncork();
                        case "destroyErr" -> r.destroy(NodeError.of("boom"));
                        case "destroyWErr" -> w.destroy(NodeError.of("wboom"));
                        case "setEncoding" -> {
                            if (!objectMode) {
                                r.setEncoding("utf8");
                                t.log("op encoding", r.readableLength());
                            }
                        }
                        case "removeData" -> {
                            r.removeAllListeners("data");
                            t.log("op removed data", r.readableFlowing());
                        }
                        case "unpipeW2" -> {
                            if (extra[0] != null) {
                                r.unpipe(extra[0]);
                            }
                        }
                        case "endWcb" -> w.end(e -> t.log("op end cb", e != null ? codeOrMessage(e) : "ok"));
                        case "writeAfterEnd" -> {
                            w.end();
                            t.log("op write after end", w.write("late", e -> t.log("op late cb", e != null ? codeOrMessage(e) : "ok")));
                        }
                        case "endD" -> {
                            if (extra[1] != null) {
                                ((Duplex) extra[1]).end();
                            }
                        }
                        default -> throw new IllegalArgumentException(op);
                    }
                }
                if (++tick[0] < 10) {
                    setImmediate(drive[0]);
                } else {
                    setImmediate(() -> result.addAll(t.lines()));
                }
            };
            setImmediate(drive[0]);
        });
        return result;
    }
}
