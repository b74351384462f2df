package dev.nodeshim.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nodeshim.errors.NodeError;
import dev.nodeshim.loop.EventLoop;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * An event trace recorded by a Java port of a Node script, compared with what the script printed under
 * {@code node} (the {@code .out} file beside {@code src/test/resources/node/NAME.js}; regenerate with
 * {@code for f in *.js; do node "$f" > "${f%.js}.out"; done}).
 */
final class Trace {
    final List<String> lines = new ArrayList<>();

    /** {@code console.log(a.join(' '))} as the scripts' {@code log} does. */
    void log(Object... parts) {
        lines.add(Arrays.stream(parts).map(Trace::js).collect(Collectors.joining(" ")));
    }

    /** JavaScript's String(x) for the values the scripts print; null prints as "" (Node's undefined joined). */
    static String js(Object x) {
        if (x == null) {
            return "";
        }
        if (x instanceof NodeError e) {
            return e.toString();
        }
        return x.toString();
    }

    static void assertMatchesNode(String name, Consumer<Trace> script) {
        Trace t = new Trace();
        int code = EventLoop.run(() -> script.accept(t));
        assertEquals(0, code, "exit code");
        String actual = t.lines.stream().map(String::stripTrailing).collect(Collectors.joining("\n"));
        assertEquals(expected(name), actual, "trace of " + name + ".js");
    }

    static String expected(String name) {
        try (InputStream in = Trace.class.getResourceAsStream("/node/" + name + ".out")) {
            if (in == null) {
                throw new IllegalStateException("no node/" + name + ".out");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.lines().map(String::stripTrailing).collect(Collectors.joining("\n")).stripTrailing();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
