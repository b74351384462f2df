package dev.nodeshim.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nodeshim.buffer.Buffer;
import dev.nodeshim.childprocess.ChildProcesses;
import dev.nodeshim.childprocess.SpawnOptions;
import dev.nodeshim.childprocess.SpawnSyncOptions;
import dev.nodeshim.childprocess.SpawnSyncResult;
import dev.nodeshim.errors.NodeError;
import dev.nodeshim.errors.Undefined;
import dev.nodeshim.loop.EventLoop;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code childprocess.*} probes of CONFORMANCE.md: {@code spawnSync}, {@code execFileSync},
 * {@code exec} and {@code execFile}, each performed for real against real processes.
 *
 * <p>Options map onto {@link SpawnSyncOptions} / {@link SpawnOptions} withers of the same name:
 * {@code timeout} (milliseconds) becomes a {@link Duration}, {@code killSignal} a name or a number,
 * {@code shell} {@code true} or a path, {@code env} a {@code Map}; {@code input} is a chunk (a string,
 * {@code $hex} bytes, or a string with an encoding, made into a {@link Buffer}). An option this class
 * does not know makes the case {@link Inexpressible}.
 */
final class ChildProcessProbes {
    private ChildProcessProbes() {
    }

    static void register(ProbeRegistry r) {
        r.register("childprocess.spawnSync", ChildProcessProbes::spawnSync);
        r.register("childprocess.execFileSync", ChildProcessProbes::execFileSync);
        r.register("childprocess.exec", in -> async(in, true));
        r.register("childprocess.execFile", in -> async(in, false));
        r.register("childprocess.events", ChildProcessProbes::events);
        r.register("childprocess.stdio", ChildProcessProbes::stdio);
    }

    // ---------------------------------------------------------------------------- spawn's stdio array

    /**
     * spawn with a {@code stdio} array; write {@code writes[fd]} to each stream from fd 3 on and end it,
     * end stdin; the events (with {@code disconnect}), what {@code child.stdio()} holds ({@code null},
     * {@code "stream"}, {@code "duplex"} for a readable and writable stream from fd 3 on) and the text
     * read from every readable stream by fd. A spawn that throws is the case's outcome.
     */
    private static Object stdio(JsonNode in) {
        List<Object> events = new ArrayList<>();
        List<Object> kinds = new ArrayList<>();
        Map<String, Object> data = new LinkedHashMap<>();
        SpawnOptions o = options(in.get("options"));
        RuntimeException[] thrown = {null};
        EventLoop.run(() -> {
            dev.nodeshim.childprocess.ChildProcess c;
            try {
                c = ChildProcesses.spawn(in.get("command").asText(), args(in), o);
            } catch (RuntimeException e) {
                thrown[0] = e;
                return;
            }
            List<Object> stdio = c.stdio();
            for (int fd = 0; fd < stdio.size(); fd++) {
                Object s = stdio.get(fd);
                kinds.add(s == null ? null : fd >= 3 && s instanceof dev.nodeshim.stream.Duplex d && d.readable()
                        && d.writable() ? "duplex" : "stream");
            }
            c.on("spawn", () -> events.add(List.of("spawn")));
            c.on("exit", (Integer code, String signal) -> events.add(java.util.Arrays.asList("exit", code, signal)));
            c.on("error", (NodeError e) -> events.add(java.util.Arrays.asList("error", e.code(), e.prop("syscall"), e.prop("path"))));
            c.on("disconnect", () -> events.add(List.of("disconnect")));
            c.on("close", (Integer code, String signal) -> events.add(java.util.Arrays.asList("close", code, signal)));
            for (int fd = 1; fd < stdio.size(); fd++) {
                if (stdio.get(fd) instanceof dev.nodeshim.stream.Readable r) {
                    String key = Integer.toString(fd);
                    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
                    data.put(key, new ArrayList<>());
                    r.on("data", (Buffer b) -> bytes.writeBytes(BufferProbes.bytes(b)));
                    r.on("end", () -> data.put(key, Buffer.from(bytes.toByteArray()).toString()));
                }
            }
            JsonNode writes = in.get("writes");
            for (int fd = 3; fd < stdio.size(); fd++) {
                if (stdio.get(fd) instanceof dev.nodeshim.stream.Duplex d) {
                    JsonNode chunks = writes == null ? null : writes.get(Integer.toString(fd));
                    if (chunks != null) {
                        for (JsonNode chunk : chunks) {
                            Object v = CryptoProbes.chunkValue(chunk);
                            d.write(v instanceof byte[] b ? Buffer.from(b) : v);
                        }
                    }
                    d.end();
                }
            }
            if (c.stdin() != null) {
                c.stdin().end();
            }
        });
        if (thrown[0] != null) {
            throw thrown[0];
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("events", events);
        result.put("stdio", kinds);
        result.put("data", data);
        return result;
    }

    // ---------------------------------------------------------------------------- spawn's events

    /** spawn, write the stdin chunks and end stdin; the events in order and both outputs as text. */
    private static Object events(JsonNode in) {
        List<Object> events = new ArrayList<>();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        SpawnOptions o = options(in.get("options"));
        EventLoop.run(() -> {
            dev.nodeshim.childprocess.ChildProcess c = ChildProcesses.spawn(in.get("command").asText(), args(in), o);
            c.on("spawn", () -> events.add(List.of("spawn")));
            c.on("exit", (Integer code, String signal) -> events.add(java.util.Arrays.asList("exit", code, signal)));
            c.on("error", (NodeError e) -> events.add(java.util.Arrays.asList("error", e.code(), e.prop("syscall"), e.prop("path"))));
            c.on("close", (Integer code, String signal) -> events.add(java.util.Arrays.asList("close", code, signal)));
            if (c.stdout() != null) {
                c.stdout().on("data", (Buffer b) -> out.writeBytes(BufferProbes.bytes(b)));
                c.stderr().on("data", (Buffer b) -> err.writeBytes(BufferProbes.bytes(b)));
            }
            JsonNode stdin = in.get("stdin");
            if (stdin != null && c.stdin() != null) {
                c.stdin().on("error", (Throwable e) -> { }); // a child that does not read: EPIPE is not the case's subject
                for (JsonNode chunk : stdin) {
                    Object v = CryptoProbes.chunkValue(chunk);
                    c.stdin().write(v instanceof byte[] bytes ? Buffer.from(bytes) : v);
                }
                c.stdin().end();
            }
        });
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("events", events);
        result.put("stdout", Buffer.from(out.toByteArray()).toString());
        result.put("stderr", Buffer.from(err.toByteArray()).toString());
        return result;
    }

    // ---------------------------------------------------------------------------- the Sync forms

    private static Object spawnSync(JsonNode in) {
        SpawnSyncResult r = ChildProcesses.spawnSync(in.get("command").asText(), args(in), syncOptions(in.get("options")));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", r.status());
        out.put("signal", r.signal());
        out.put("stdout", output(r.stdout()));
        out.put("stderr", output(r.stderr()));
        NodeError e = r.error();
        if (e == null) {
            out.put("error", null);
        } else {
            Map<String, Object> error = new LinkedHashMap<>();
            for (String k : List.of("code", "errno", "syscall", "path", "spawnargs")) {
                error.put(k, k.equals("code") ? e.code() : e.props().getOrDefault(k, Undefined.INSTANCE));
            }
            out.put("error", error);
        }
        return out;
    }

    private static Object execFileSync(JsonNode in) {
        try {
            return output(ChildProcesses.execFileSync(in.get("file").asText(), args(in),
                    syncOptions(in.get("options")).stdio("pipe")));
        } catch (NodeError e) {
            // the thrown error's stdout/stderr are Buffers or Strings like the result
            NodeError copy = e;
            for (String k : List.of("stdout", "stderr")) {
                if (e.props().containsKey(k)) {
                    copy = copy.withProp(k, output(e.prop(k)));
                }
            }
            throw copy;
        }
    }

    private static SpawnSyncOptions syncOptions(JsonNode options) {
        SpawnSyncOptions o = SpawnSyncOptions.defaults();
        if (options == null) {
            return o;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = options.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            JsonNode v = f.getValue();
            o = switch (f.getKey()) {
                case "input" -> {
                    Object chunk = CryptoProbes.chunkValue(v);
                    yield chunk instanceof String s ? o.input(s)
                            : chunk instanceof byte[] b ? o.input(b) : o.input((Buffer) chunk);
                }
                case "encoding" -> o.encoding(v.asText());
                case "cwd" -> o.cwd(v.asText());
                case "env" -> o.env(env(v));
                case "shell" -> v.isBoolean() ? o.shell(v.booleanValue()) : o.shell(v.asText());
                case "timeout" -> o.timeout(Duration.ofMillis(v.longValue()));
                case "killSignal" -> v.isNumber() ? o.killSignal(v.intValue()) : o.killSignal(v.asText());
                case "maxBuffer" -> o.maxBuffer(v.longValue());
                case "stdio" -> v.isTextual() ? o.stdio(v.asText()) : o.stdio(stdioEntries(v));
                default -> throw new Inexpressible("spawnSync option " + f.getKey());
            };
        }
        return o;
    }

    // ---------------------------------------------------------------------------- exec, execFile

    /** Runs exec or execFile inside a fresh loop and returns what the callback was given. */
    private static Object async(JsonNode in, boolean shellCommand) {
        SpawnOptions o = options(in.get("options"));
        Map<String, Object> out = new LinkedHashMap<>();
        EventLoop.run(() -> {
            dev.nodeshim.childprocess.ExecCallback done = (err, stdout, stderr) -> {
                if (err == null) {
                    out.put("error", null);
                } else {
                    Map<String, Object> error = new LinkedHashMap<>();
                    error.put("message", err.getMessage());
                    error.put("code", err.props().containsKey("code") ? err.prop("code")
                            : err.code() != null ? err.code() : Undefined.INSTANCE);
                    for (String k : List.of("killed", "signal", "cmd")) {
                        error.put(k, err.props().getOrDefault(k, Undefined.INSTANCE));
                    }
                    out.put("error", error);
                }
                out.put("stdout", output(stdout));
                out.put("stderr", output(stderr));
            };
            if (shellCommand) {
                ChildProcesses.exec(in.get("command").asText(), o, done);
            } else {
                ChildProcesses.execFile(in.get("file").asText(), args(in), o, done);
            }
        });
        if (out.isEmpty()) {
            throw new IllegalStateException("the callback was never called");
        }
        return out;
    }

    private static SpawnOptions options(JsonNode options) {
        SpawnOptions o = SpawnOptions.defaults();
        if (options == null) {
            return o;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = options.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            JsonNode v = f.getValue();
            o = switch (f.getKey()) {
                case "encoding" -> o.encoding(v.asText());
                case "cwd" -> o.cwd(v.asText());
                case "env" -> o.env(env(v));
                case "shell" -> v.isBoolean() ? o.shell(v.booleanValue()) : o.shell(v.asText());
                case "timeout" -> o.timeout(Duration.ofMillis(v.longValue()));
                case "killSignal" -> v.isNumber() ? o.killSignal(v.intValue()) : o.killSignal(v.asText());
                case "maxBuffer" -> o.maxBuffer(v.longValue());
                case "stdio" -> v.isTextual() ? o.stdio(v.asText()) : o.stdio(stdioEntries(v));
                default -> throw new Inexpressible("exec option " + f.getKey());
            };
        }
        return o;
    }

    /** A {@code stdio} array as Java values: strings, Integers, null, Boolean, and maps/lists for {} and []. */
    private static List<Object> stdioEntries(JsonNode v) {
        List<Object> entries = new ArrayList<>();
        for (JsonNode e : v) {
            entries.add(e.isNull() ? null : e.isTextual() ? e.asText() : e.isIntegralNumber() ? (Object) e.intValue()
                    : e.isBoolean() ? (Object) e.booleanValue() : e.isArray() ? List.of() : e.isObject() ? Map.of()
                    : e.asText());
        }
        return entries;
    }

    // ---------------------------------------------------------------------------- shared

    private static List<String> args(JsonNode in) {
        List<String> args = new ArrayList<>();
        JsonNode a = in.get("args");
        if (a != null) {
            a.forEach(x -> args.add(x.asText()));
        }
        return args;
    }

    private static Map<String, String> env(JsonNode v) {
        Map<String, String> env = new LinkedHashMap<>();
        v.fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        return env;
    }

    /** A Buffer result as its bytes (value JSON {@code $hex}); Strings and null as they are. */
    private static Object output(Object v) {
        if (v instanceof Buffer b) {
            return BufferProbes.bytes(b);
        }
        return v;
    }
}
