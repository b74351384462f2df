package dev.nodeshim.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nodeshim.loop.EventLoop;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Replays a Node trace script in Java: {@code log(a, b, c)} prints like the scripts'
 * {@code (...a) => console.log(a.join(' '))} (null prints as nothing, as join prints undefined),
 * and {@link #assertMatches} compares the lines with the script's {@code .out}, recorded from node.
 */
final class Trace {
    private final List<String> lines = new ArrayList<>();

    void log(Object... parts) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(js(parts[i]));
        }
        lines.add(sb.toString());
    }

    List<String> lines() {
        return lines;
    }

    /** JavaScript's String(v) as Array.prototype.join uses it. */
    static String js(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) {
            return Long.toString(d.longValue());
        }
        return v.toString();
    }

    /** JSON.stringify of a string (enough for the traces: quotes, backslashes, control characters). */
    static String json(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /** JSON.stringify of the Java stand-ins the scripts use: Map (in order), List, String, Number, Boolean. */
    static String jsonValue(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof String s) {
            return json(s);
        }
        if (v instanceof java.util.Map<?, ?> m) {
            StringBuilder sb = new StringBuilder("{");
            for (var e : m.entrySet()) {
                if (sb.length() > 1) {
                    sb.append(',');
                }
                sb.append(json(String.valueOf(e.getKey()))).append(':').append(jsonValue(e.getValue()));
            }
            return sb.append('}').toString();
        }
        if (v instanceof java.util.List<?> l) {
            StringBuilder sb = new StringBuilder("[");
            for (Object o : l) {
                if (sb.length() > 1) {
                    sb.append(',');
                }
                sb.append(jsonValue(o));
            }
            return sb.append(']').toString();
        }
        return js(v);
    }

    /** Runs {@code script} as {@code node script.js} runs (a fresh loop) and returns its trace. */
    static List<String> run(Consumer<Trace> script) {
        Trace t = new Trace();
        int code = EventLoop.run(() -> script.accept(t));
        assertEquals(0, code, "exit code; trace so far: " + t.lines);
        return t.lines;
    }

    static List<String> expected(String name) {
        try (InputStream in = Trace.class.getResourceAsStream("/node/" + name + ".out")) {
            if (in == null) {
                throw new IllegalArgumentException("no recorded output for " + name);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<String> out = new ArrayList<>(List.of(text.split("\n", -1)));
            if (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
                out.remove(out.size() - 1);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code script} and asserts its trace equals node's output for {@code name}.js, line for line. */
    static void assertMatches(String name, Consumer<Trace> script) {
        List<String> expected = expected(name);
        List<String> actual = run(script);
        assertEquals(String.join("\n", expected), String.join("\n", actual), name + ".js");
    }
}
