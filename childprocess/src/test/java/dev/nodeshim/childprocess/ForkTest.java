package dev.nodeshim.childprocess;

import static dev.nodeshim.childprocess.ChildProcesses.fork;
import static dev.nodeshim.process.NodeProcess.process;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodeshim.errors.NodeError;
import dev.nodeshim.events.Listener1;
import dev.nodeshim.loop.EventLoop;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * fork and its IPC channel with real child JVMs ({@link ForkChildren}). Each expected trace is what
 * node 20 printed for the same scenario: the scripts and their outputs are in
 * {@code src/test/resources/node/fork-*.js|.out}. Only the parent's side is traced (two processes'
 * output interleaves in no fixed order).
 */
class ForkTest {
    private static final int MANY = 100_000;
    private static final int BIG = 6 * 1024 * 1024;
    private static Set<Path> socketDirsBefore;

    @BeforeAll
    static void listSocketDirs() throws IOException {
        socketDirsBefore = socketDirs();
    }

    /** Every channel's threads have ended and no socket directory is left behind. */
    @AfterAll
    static void nothingLeftBehind() throws Exception {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("nodeshim-ipc-")) {
                t.join(10_000);
                assertFalse(t.isAlive(), t.getName() + " still alive");
            }
        }
        Set<Path> left = socketDirs();
        left.removeAll(socketDirsBefore);
        assertEquals(Set.of(), left);
    }

    private static Set<Path> socketDirs() throws IOException {
        Set<Path> dirs = new HashSet<>();
        for (String base : List.of(System.getProperty("java.io.tmpdir"), "/tmp")) {
            try (var s = Files.newDirectoryStream(Path.of(base), "nodeshim-ipc-*")) {
                s.forEach(dirs::add);
            }
        }
        return dirs;
    }

    private static void traceExit(ChildProcess c, List<String> trace) {
        c.on("disconnect", () -> trace.add("disconnect " + c.connected()));
        c.on("exit", (Integer code, String sig) -> trace.add("exit " + code + " " + sig));
        c.on("close", (Integer code, String sig) -> trace.add("close " + code + " " + sig));
    }

    /**
     * One child for: what it sees of itself, value mapping both ways, a big message each way, 100,000
     * messages each way in order; then the parent disconnects (fork-parent-disconnect.js).
     */
    @Test
    void messagesBothWaysThenParentDisconnects() throws IOException {
        List<String> trace = new ArrayList<>();
        List<Object> replies = new ArrayList<>();
        int[] burst = {0};
        boolean[] burstInOrder = {true};
        String big = "é".repeat(BIG / 2) + "\n\"end";
        Map<String, String> env = new LinkedHashMap<>(System.getenv());
        env.put("NODESHIM_TEST_ENV", "from-parent");
        String cwd = Path.of(System.getProperty("java.home")).toRealPath().toString();
        int code = EventLoop.run(() -> {
            ChildProcess c = fork(ForkChildren.Echo.class, List.of("a b", "ü"),
                    ForkOptions.defaults().execArgv(List.of("-Dnodeshim.test=yes", "-Xshare:auto")).env(env)
                            .cwd(cwd));
            traceExit(c, trace);
            c.on("error", (Throwable e) -> trace.add("error " + e));
            assertTrue(c.connected());
            // node: c.send(() => 1)
            Runnable fn = () -> { };
            NodeError bad = assertThrows(NodeError.class, () -> c.send(fn));
            assertEquals("TypeError [ERR_INVALID_ARG_TYPE]: The \"message\" argument must be one of type string, "
                    + "object, number, or boolean. Received function ", bad.toString());
            c.on("message", (Listener1<Object>) m -> {
                if (m instanceof Map<?, ?> map && map.containsKey("i")) {
                    burstInOrder[0] &= map.get("i").equals(burst[0]);
                    burst[0]++;
                    return;
                }
                replies.add(m);
                switch (replies.size()) {
                    case 1 -> {
                        Map<String, Object> types = new LinkedHashMap<>();
                        types.put("n", Arrays.asList(1, 2.5, -0.0, Double.NaN, 1e21, 3L, null));
                        types.put("s", "é\u2028\ud800");
                        types.put("b", true);
                        types.put("rec", new JsonMessagesTest.Point(1, 2.0, "p", List.of()));
                        c.send(types);
                    }
                    case 2 -> assertTrue(!c.send(big) || true);
                    case 3 -> {
                        for (int i = 0; i < MANY; i++) {
                            c.send(Map.of("seq", i));
                        }
                        c.send(Map.of("cmd", "count"));
                    }
                    case 4 -> c.send(Map.of("cmd", "burst", "n", MANY));
                    case 5 -> {
                        // fork-parent-disconnect.js
                        c.disconnect();
                        trace.add("connected " + c.connected());
                        process.nextTick(() -> trace.add("tick"));
                        trace.add("send " + c.send("x", e -> trace.add("callback " + e)));
                        trace.add("send " + c.send("y"));
                        c.disconnect();
                        trace.add("returned");
                    }
                    default -> trace.add("unexpected " + m);
                }
            });
            c.send(Map.of("cmd", "hello"));
        });
        assertEquals(0, code);
        Map<String, Object> hello = new LinkedHashMap<>();
        hello.put("argv", List.of(ForkChildren.Echo.class.getName(), "a b", "ü"));
        hello.put("prop", "yes");
        hello.put("cwd", cwd);
        hello.put("env", "from-parent");
        hello.put("channelEnv", null);
        hello.put("connected", true);
        assertEquals(hello, replies.get(0));
        Map<String, Object> types = new LinkedHashMap<>();
        // JSON.parse(JSON.stringify(...)) in node: [1,2.5,0,null,1e+21,3,null]
        types.put("n", Arrays.asList(1, 2.5, 0, null, 1e21, 3, null));
        types.put("s", "é\u2028\ud800");
        types.put("b", true);
        types.put("rec", Map.of("x", 1, "y", 2, "label", "p", "tags", List.of()));
        assertEquals(types, replies.get(1));
        assertEquals(big, replies.get(2), "a " + BIG + "-byte message arrives whole");
        assertEquals(Map.of("received", MANY, "inOrder", true), replies.get(3));
        assertEquals(MANY, burst[0]);
        assertTrue(burstInOrder[0]);
        assertEquals("burst-done", replies.get(4));
        assertEquals(List.of("connected false", "send false", "send false",
                "error Error [ERR_IPC_DISCONNECTED]: IPC channel is already disconnected", "returned",
                "disconnect false", "tick", "callback Error [ERR_IPC_CHANNEL_CLOSED]: Channel closed",
                "error Error [ERR_IPC_CHANNEL_CLOSED]: Channel closed", "exit 0 null"), trace);
    }

    /** fork-child-disconnect.js: the child's process.disconnect() reaches the parent; late sends fail. */
    @Test
    void childDisconnectsThenSendsFail() {
        List<String> trace = new ArrayList<>();
        EventLoop.run(() -> {
            ChildProcess c = fork(ForkChildren.Echo.class);
            c.on("message", (Listener1<Object>) m -> {
                trace.add("message " + JsonMessages.stringify(m));
                c.send("bye");
            });
            c.on("disconnect", () -> {
                trace.add("disconnect " + c.connected());
                trace.add("send " + c.send("late", e -> trace.add("callback " + e)));
                c.on("error", (Throwable e) -> trace.add("error " + e));
                trace.add("send " + c.send("late2"));
            });
            c.on("exit", (Integer code, String sig) -> trace.add("exit " + code + " " + sig));
            c.on("close", (Integer code, String sig) -> trace.add("close " + code + " " + sig));
            c.send(Map.of("hello", List.of(1, 2.5, "x")));
        });
        assertEquals(List.of("message {\"hello\":[1,2.5,\"x\"]}", "disconnect false", "send false", "send false",
                "callback Error [ERR_IPC_CHANNEL_CLOSED]: Channel closed",
                "error Error [ERR_IPC_CHANNEL_CLOSED]: Channel closed", "exit 0 null", "close 0 null"), trace);
    }

    /** fork-child-side.js: the child's process.send callback, process.disconnect() and what follows. */
    @Test
    void childSideSendAndDisconnect() throws Exception {
        Path traceFile = Files.createTempFile("nodeshim-child-side", ".txt");
        try {
            List<String> parent = new ArrayList<>();
            EventLoop.run(() -> {
                ChildProcess c = fork(ForkChildren.ChildSide.class, List.of(traceFile.toString()));
                traceExit(c, parent);
                c.send(Map.of("go", true));
            });
            assertEquals(List.of("disconnect false", "exit 0 null", "close 0 null"), parent);
            // node prints the same lines; its "send callback " is a null error, as here
            assertEquals(List.of("connected true", "message {\"go\":true}", "send callback null", "connected false",
                    "send false", "send false", "error Error [ERR_IPC_DISCONNECTED]: IPC channel is already disconnected",
                    "returned", "disconnect false", "tick", "callback Error [ERR_IPC_CHANNEL_CLOSED]: Channel closed",
                    "error Error [ERR_IPC_CHANNEL_CLOSED]: Channel closed", "exit 0"), Files.readAllLines(traceFile));
        } finally {
            Files.deleteIfExists(traceFile);
        }
    }

    /** fork-kill.js: killing a connected child gives disconnect, exit, close. */
    @Test
    void killedChildDisconnectsBeforeExit() {
        List<String> trace = new ArrayList<>();
        EventLoop.run(() -> {
            ChildProcess c = fork(ForkChildren.Echo.class);
            c.on("message", (Listener1<Object>) m -> {
                trace.add("message " + m);
                trace.add("kill " + c.kill());
            });
            traceExit(c, trace);
            c.send("up?");
        });
        assertEquals(List.of("message up?", "kill true", "disconnect false", "exit null SIGTERM",
                "close null SIGTERM"), trace);
    }

    /** fork-send-once.js: a child without listeners delivers its message and ends. */
    @Test
    void childWithoutListenersEndsAfterItsWrite() {
        List<String> trace = new ArrayList<>();
        EventLoop.run(() -> {
            ChildProcess c = fork(ForkChildren.SendOnce.class);
            c.on("spawn", () -> trace.add("spawn"));
            c.on("message", (Listener1<Object>) m -> trace.add("message " + m));
            traceExit(c, trace);
            trace.add("connected " + c.connected());
        });
        assertEquals(List.of("connected true", "spawn", "message hi", "disconnect false", "exit 0 null",
                "close 0 null"), trace);
    }

    /**
     * fork-throwing-callback.js and fork-throwing-listener.js: with an uncaughtException listener, a
     * throwing send callback or 'message' listener does not stop the next ones.
     */
    @Test
    void throwingCallbacksAndListenersDoNotStopTheNextOnes() {
        List<String> trace = new ArrayList<>();
        Listener1<Throwable> uncaught = e -> trace.add("uncaught " + e.getMessage());
        process.on("uncaughtException", uncaught);
        try {
            EventLoop.run(() -> {
                ChildProcess c = fork(ForkChildren.Echo.class);
                c.send(1, e -> {
                    trace.add("callback 1");
                    throw new IllegalStateException("boom");
                });
                c.send(2, e -> trace.add("callback 2"));
                c.send(3, e -> {
                    trace.add("callback 3");
                    c.send(Map.of("cmd", "burst", "n", 4));
                });
                c.on("message", (Listener1<Object>) m -> {
                    if (m instanceof Map<?, ?> map) {
                        trace.add("message " + map.get("i"));
                        if (map.get("i").equals(1)) {
                            throw new IllegalStateException("boom 2");
                        }
                    } else if ("burst-done".equals(m)) {
                        c.disconnect();
                    }
                });
            });
        } finally {
            process.off("uncaughtException", uncaught);
        }
        assertEquals(List.of("callback 1", "uncaught boom", "callback 2", "callback 3", "message 0", "message 1",
                "uncaught boom 2", "message 2", "message 3"), trace);
    }

    /** fork-timeout.js: timeout kills with killSignal; killed is true. */
    @Test
    void timeoutKillsWithKillSignal() {
        List<String> trace = new ArrayList<>();
        EventLoop.run(() -> {
            ChildProcess c = fork(ForkChildren.Echo.class, List.of(),
                    ForkOptions.defaults().timeout(java.time.Duration.ofMillis(200)).killSignal("SIGINT"));
            c.on("disconnect", () -> trace.add("disconnect " + c.connected()));
            c.on("exit", (Integer code, String sig) -> trace.add("exit " + code + " " + sig + " killed " + c.killed()));
            c.on("close", (Integer code, String sig) -> trace.add("close " + code + " " + sig));
        });
        assertEquals(List.of("disconnect false", "exit null SIGINT killed true", "close null SIGINT"), trace);
        // node: fork('x', [], {timeout: -1}) and {killSignal: 'SIGNOPE'}
        NodeError e = assertThrows(NodeError.class, () -> ForkOptions.defaults().timeout(java.time.Duration.ofMillis(-1)));
        assertEquals("RangeError [ERR_OUT_OF_RANGE]: The value of \"timeout\" is out of range. It must be an unsigned "
                + "integer. Received -1", e.toString());
        // node: spawn('true', [], {timeout: -1}) says the same
        NodeError spawnError = assertThrows(NodeError.class,
                () -> SpawnOptions.defaults().timeout(java.time.Duration.ofMillis(-1)));
        assertEquals(e.toString(), spawnError.toString());
        e = assertThrows(NodeError.class, () -> ForkOptions.defaults().killSignal("SIGNOPE"));
        assertEquals("TypeError [ERR_UNKNOWN_SIGNAL]: Unknown signal: SIGNOPE", e.toString());
    }

    /**
     * fork-missing-main.js: a missing main class ends the child with 1; with {@code silent} its report
     * comes through {@code child.stderr()} (node: stdio pipes beside the channel), stdout is empty.
     */
    @Test
    void missingMainClassExitsWithOne() {
        List<String> trace = new ArrayList<>();
        StringBuilder err = new StringBuilder();
        StringBuilder out = new StringBuilder();
        EventLoop.run(() -> {
            ChildProcess c = fork("dev.nodeshim.NoSuchMain", List.of(), ForkOptions.defaults().silent(true));
            c.stderr().on("data", (dev.nodeshim.buffer.Buffer b) -> err.append(b.toString()));
            c.stdout().on("data", (dev.nodeshim.buffer.Buffer b) -> out.append(b.toString()));
            c.on("spawn", () -> trace.add("spawn"));
            c.on("error", (Throwable e) -> trace.add("error " + e));
            traceExit(c, trace);
        });
        assertEquals(List.of("spawn", "disconnect false", "exit 1 null", "close 1 null"), trace);
        assertTrue(err.toString().contains("dev.nodeshim.NoSuchMain"), err.toString());
        assertEquals("", out.toString());
    }

    /** fork-child-unref.js: the child's process.channel().unref() lets it end despite its listener. */
    @Test
    void childChannelUnrefLetsTheChildEnd() {
        List<String> trace = new ArrayList<>();
        EventLoop.run(() -> {
            ChildProcess c = fork(ForkChildren.UnrefChannel.class);
            c.on("message", (Listener1<Object>) m -> trace.add("message " + m));
            traceExit(c, trace);
        });
        assertEquals(List.of("message bye", "disconnect false", "exit 0 null", "close 0 null"), trace);
    }

    /**
     * A child ends when its parent dies: the test forks a middle JVM that forks a grandchild, kills the
     * middle with SIGKILL (it cannot clean up), and the grandchild's channel closes: it emits
     * 'disconnect' and, with nothing else to do, exits.
     */
    @Test
    void grandchildExitsWhenItsParentIsKilled() throws Exception {
        Path marker = Files.createTempFile("nodeshim-orphan", ".txt");
        Files.delete(marker);
        long[] grandchild = {0};
        List<String> trace = new ArrayList<>();
        try {
            EventLoop.run(() -> {
                ChildProcess middle = fork(ForkChildren.Middle.class, List.of(marker.toString()));
                middle.on("message", (Listener1<Object>) m -> {
                    grandchild[0] = ((Number) ((Map<?, ?>) m).get("grandchild")).longValue();
                    middle.kill("SIGKILL");
                });
                traceExit(middle, trace);
            });
            assertEquals(List.of("disconnect false", "exit null SIGKILL", "close null SIGKILL"), trace);
            assertTrue(grandchild[0] > 0);
            Optional<ProcessHandle> h = ProcessHandle.of(grandchild[0]);
            if (h.isPresent()) {
                // Waits for the end (a bound, not a synchronisation sleep): it must come on its own.
                h.get().onExit().get(60, TimeUnit.SECONDS);
            }
            assertFalse(ProcessHandle.of(grandchild[0]).map(ProcessHandle::isAlive).orElse(false));
            assertEquals("disconnect", Files.readString(marker));
        } finally {
            ProcessHandle.of(grandchild[0]).ifPresent(ProcessHandle::destroyForcibly);
            Files.deleteIfExists(marker);
        }
    }

    /** fork-unref.js: with the process and the channel unref'd, the parent's loop ends, the child lives. */
    @Test
    void unrefOfProcessAndChannelLetsTheLoopEnd() throws Exception {
        ChildProcess[] child = new ChildProcess[1];
        List<String> trace = new ArrayList<>();
        try {
            EventLoop.run(() -> {
                ChildProcess c = fork(ForkChildren.Echo.class);
                child[0] = c;
                c.unref();
                c.channel().unref();
                traceExit(c, trace);
            });
            assertNull(child[0].exitCode());
            assertTrue(child[0].connected());
            assertTrue(ProcessHandle.of(child[0].pid()).map(ProcessHandle::isAlive).orElse(false));
            assertEquals(List.of(), trace);
        } finally {
            ProcessHandle.of(child[0].pid()).ifPresent(h -> {
                h.destroyForcibly();
                h.onExit().join();
            });
        }
    }

    @Test
    void optionsAndMisuseGetNodesErrors() {
        // node: fork('x', [], {serialization: 'xml'})
        NodeError e = assertThrows(NodeError.class, () -> ForkOptions.defaults().serialization("xml"));
        assertEquals("TypeError [ERR_INVALID_ARG_VALUE]: The property 'options.serialization' must be one of: "
                + "undefined, 'json', 'advanced'. Received 'xml'", e.toString());
        assertEquals(IpcSerialization.ADVANCED, ForkOptions.defaults().serialization("advanced").options.serialization);
        assertNotNull(ForkOptions.defaults().serialization("json"));
        List<String> trace = new ArrayList<>();
        EventLoop.run(() -> {
            // node: spawn('true').send is undefined; .connected is false; .channel is undefined
            ChildProcess plain = ChildProcesses.spawn("true", List.of());
            assertFalse(plain.connected());
            assertNull(plain.channel());
            NodeError te = assertThrows(NodeError.class, () -> plain.send(1));
            assertEquals("TypeError: subprocess.send is not a function", te.toString());
            // a java executable that does not exist: spawn's ENOENT, as node's fork with a bad execPath
            ChildProcess c = fork(ForkChildren.SendOnce.class, List.of(),
                    ForkOptions.defaults().execPath("/nonexistent/java"));
            c.on("error", (NodeError err) -> trace.add("error " + err.getMessage()));
            c.on("close", (Integer code, String sig) -> trace.add("close " + code + " " + sig));
        });
        assertEquals(List.of("error spawn /nonexistent/java ENOENT", "close -2 null"), trace);
    }
}
