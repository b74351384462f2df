package dev.nodeshim.process;

import static dev.nodeshim.process.NodeProcess.process;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodeshim.errors.NodeError;
import dev.nodeshim.events.Listener0;
import dev.nodeshim.events.Listener1;
import dev.nodeshim.events.Listener2;
import dev.nodeshim.loop.EventLoop;
import dev.nodeshim.loop.Ref;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Signal events on {@code process}. Signals are sent to this JVM with {@code kill} (SIGWINCH, whose
 * default action is to be ignored, so a missing handler cannot end the test JVM), and to a fresh JVM
 * running {@link SignalMain} for the cases where the JVM exits. Expected outputs come from the Node
 * twins named in each test.
 */
class SignalsTest {
    @AfterEach
    void cleanUp() {
        for (String s : List.of("SIGWINCH", "SIGKILL", "SIGSTOP", "SIGQUIT")) {
            process.removeAllListeners(s);
        }
    }

    private static void kill(String signal, long pid) throws Exception {
        Process k = new ProcessBuilder("kill", "-s", signal.substring(3), Long.toString(pid)).start();
        assertEquals(0, k.waitFor());
    }

    @Test
    void listenerRunsOnTheLoopWithNameAndNumber() {
        // node: process.on('SIGWINCH', function (...a) { console.log(a, this === process) }) → [ 'SIGWINCH', 28 ] true
        List<Object> got = new ArrayList<>();
        int code = EventLoop.run(() -> {
            EventLoop loop = EventLoop.current();
            Ref hold = loop.ref(); // the listener does not hold the loop; this does, until the signal came
            process.on("SIGWINCH", (Listener2<String, Integer>) (name, number) -> {
                got.add(name);
                got.add(number);
                got.add(loop.inLoopThread());
                hold.close();
            });
            try {
                kill("SIGWINCH", process.pid());
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        assertEquals(0, code);
        assertEquals(List.of("SIGWINCH", 28, true), got);
    }

    @Test
    void onceListenerRunsForOneSignalOnly() {
        // node: once + on for the same signal, a second signal sent by the first delivery's listener
        //   → once SIGWINCH / on / on
        List<String> got = new ArrayList<>();
        EventLoop.run(() -> {
            Ref hold = EventLoop.current().ref();
            process.once("SIGWINCH", (Listener1<String>) name -> got.add("once " + name));
            process.on("SIGWINCH", (Listener1<String>) name -> {
                got.add("on");
                if (got.size() == 2) {
                    sendToSelf("SIGWINCH"); // after the first delivery, so the two cannot merge
                } else {
                    hold.close();
                }
            });
            sendToSelf("SIGWINCH");
        });
        assertEquals(List.of("once SIGWINCH", "on", "on"), got);
        assertEquals(1, process.listenerCount("SIGWINCH"));
    }

    private static void sendToSelf(String signal) {
        try {
            kill(signal, process.pid());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aSignalListenerDoesNotKeepTheLoopAlive() {
        // node -e "process.on('SIGINT', () => {}); process.on('exit', c => console.log('exit', c))" → exit 0, at once
        List<String> order = new ArrayList<>();
        int code = EventLoop.run(() -> {
            process.on("SIGWINCH", (Listener0) () -> order.add("signal"));
            process.on("exit", (Listener0) () -> order.add("exit"));
        });
        process.removeAllListeners("exit");
        assertEquals(0, code);
        assertEquals(List.of("exit"), order);
    }

    @Test
    void sigkillAndSigstopCannotBeWatched() {
        // node: try { process.on('SIGKILL', () => {}) } catch (e) { console.log(String(e), {...e}, process.listenerCount('SIGKILL')) }
        //   → Error: uv_signal_start EINVAL { errno: -22, code: 'EINVAL', syscall: 'uv_signal_start' } 0
        for (String s : List.of("SIGKILL", "SIGSTOP")) {
            NodeError e = assertThrows(NodeError.class, () -> process.on(s, (Listener0) () -> { }));
            assertEquals("uv_signal_start EINVAL", e.getMessage());
            assertEquals("Error", e.name());
            assertEquals("EINVAL", e.code());
            assertEquals(-22, e.prop("errno"));
            assertEquals("uv_signal_start", e.prop("syscall"));
            assertEquals(0, process.listenerCount(s));
        }
    }

    @Test
    void signalsTheJvmKeepsAreAClearError() {
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> process.on("SIGQUIT", (Listener0) () -> { }));
        assertTrue(e.getMessage().startsWith("process.on('SIGQUIT') is not available in a JVM"), e.getMessage());
        assertEquals(0, process.listenerCount("SIGQUIT"));
    }

    @Test
    void otherNamesAreOrdinaryEvents() {
        // node: process.on('SIGBOGUS', f) is accepted and never fires by itself
        Listener0 f = () -> { };
        process.on("SIGBOGUS", f);
        assertEquals(1, process.listenerCount("SIGBOGUS"));
        assertSame(process, process.removeListener("SIGBOGUS", f));
    }

    // --- in a fresh JVM

    private record Result(int status, List<String> out) {
    }

    private static Path location(Class<?> c) throws URISyntaxException {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    /** Starts SignalMain, waits for its "ready" line, sends the signal, and collects the rest. */
    private static Result signalChild(String signal, String mode) throws Exception {
        String classpath = location(SignalMain.class) + File.pathSeparator + location(NodeProcess.class);
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath, SignalMain.class.getName(), signal, mode).redirectErrorStream(true);
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        pb.environment().remove("JDK_JAVA_OPTIONS");
        Process child = pb.start();
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            List<String> lines = new ArrayList<>();
            String line;
            while ((line = out.readLine()) != null) {
                lines.add(line);
                if (line.equals("ready")) {
                    kill(signal, child.pid());
                }
            }
            // a guard against a hung child, not a timing assertion
            if (!child.waitFor(2, TimeUnit.MINUTES)) {
                throw new AssertionError("child JVM did not end");
            }
            return new Result(child.exitValue(), lines);
        } finally {
            child.destroyForcibly();
        }
    }

    @Test
    void sigtermWithAListenerLetsTheProgramEndNormally() throws Exception {
        // node (SignalMain's twin), kill -TERM after "ready" → ready / got SIGTERM 15 / exit 0; status 0
        Result r = signalChild("SIGTERM", "listen");
        assertEquals(List.of("ready", "got SIGTERM 15", "exit 0"), r.out());
        assertEquals(0, r.status());
    }

    @Test
    void sigtermWithoutAListenerEndsTheJvm() throws Exception {
        // node: killed by SIGTERM (a parent sees 143 in a shell); the JVM exits with 143 without 'exit'
        Result r = signalChild("SIGTERM", "none");
        assertEquals(List.of("ready"), r.out());
        assertEquals(143, r.status());
    }

    @Test
    void removingTheLastListenerRestoresTheDefault() throws Exception {
        Result r = signalChild("SIGTERM", "removed");
        assertEquals(List.of("ready"), r.out());
        assertEquals(143, r.status());
    }

    @Test
    void sigusr2Listener() throws Exception {
        // node twin with SIGUSR2 → ready / got SIGUSR2 12 / exit 0 (SIGINT is not tried: a JVM started
        // with SIGINT ignored, as from a background shell job, cannot watch it)
        assertEquals(List.of("ready", "got SIGUSR2 12", "exit 0"), signalChild("SIGUSR2", "listen").out());
    }
}
