package dev.nodeshim.process;

import static dev.nodeshim.process.NodeProcess.process;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nodeshim.errors.NodeError;
import dev.nodeshim.events.Listener1;
import dev.nodeshim.events.Listener2;
import dev.nodeshim.loop.EventLoop;
import dev.nodeshim.loop.Timers;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.RecordComponent;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code process}, checked against what node 20 does for the same script (quoted next to each
 * expectation). {@code process} is one object per JVM: every test removes the listeners it added,
 * restores System.err, argv and the exit hook, and unsets exitCode.
 */
class NodeProcessTest {
    /** The hint the default writer adds after the first warning it writes (once per JVM). */
    private static final String HINT =
            "(Use `java -Dnodeshim.traceWarnings=true ...` to show where the warning was created)";

    private final List<String> log = new ArrayList<>();
    private final List<Object[]> added = new ArrayList<>();
    private List<String> savedArgv;
    private IntConsumer savedExitHook;
    private PrintStream savedErr;
    private ByteArrayOutputStream err;

    @BeforeEach
    void save() {
        savedArgv = List.copyOf(process.argv());
        savedExitHook = NodeProcess.exitHook;
        savedErr = System.err;
    }

    @AfterEach
    void restore() {
        for (Object[] eventAndListener : added) {
            process.off(eventAndListener[0], eventAndListener[1]);
        }
        process.setArgs(savedArgv.subList(2, savedArgv.size()));
        NodeProcess.exitHook = savedExitHook;
        System.setErr(savedErr);
        process.exitCode(null);
    }

    private <A> void listen(String event, Listener1<A> listener) {
        process.on(event, listener);
        added.add(new Object[] {event, listener});
    }

    private <A, B> void listen(String event, Listener2<A, B> listener) {
        process.on(event, listener);
        added.add(new Object[] {event, listener});
    }

    /** Sends System.err to a buffer until the test ends. */
    private void captureStderr() {
        err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static int run(Runnable main) {
        return EventLoop.run(main);
    }

    // ------------------------------------------------------------------------------------------------
    // argv, execPath, env

    @Test
    void runSetsArgvAfterExecPathAndMain() {
        List<List<String>> seen = new ArrayList<>();
        // node script.js a 'b c' → process.argv is [execPath, script, 'a', 'b c']
        assertEquals(0, EventLoop.run(new String[] {"a", "b c"}, () -> seen.add(List.copyOf(process.argv()))));
        List<String> argv = seen.get(0);
        assertEquals(List.of(process.execPath(), savedArgv.get(1), "a", "b c"), argv);
        // node script.js → [execPath, script]
        EventLoop.run((String[]) null, () -> seen.add(List.copyOf(process.argv())));
        assertEquals(List.of(process.execPath(), savedArgv.get(1)), seen.get(1));
    }

    @Test
    void setArgsCopiesAndArgvIsMutableLikeNodesArray() {
        List<String> args = new ArrayList<>(List.of("x"));
        process.setArgs(args);
        args.add("not seen");
        assertEquals(List.of("x"), process.argv().subList(2, process.argv().size()));
        // node -e 'process.argv.push("y"); console.log(process.argv.at(-1))' → y
        process.argv().add("y");
        assertEquals("y", process.argv().get(process.argv().size() - 1));
        assertEquals(process.execPath(), process.argv().get(0));
    }

    @Test
    void execPathIsTheAbsolutePathOfAnExecutable() {
        // node -p 'path.isAbsolute(process.execPath) && process.argv[0] === process.execPath' → true
        Path exec = Path.of(process.execPath());
        assertTrue(exec.isAbsolute(), exec::toString);
        assertTrue(Files.isExecutable(exec), exec::toString);
    }

    @Test
    void envIsAMutableCopyOfTheEnvironment() {
        Map<String, String> env = process.env();
        assertSame(env, process.env());
        for (Map.Entry<String, String> e : System.getenv().entrySet()) {
            assertEquals(e.getValue(), env.get(e.getKey()), e.getKey());
        }
        String key = "NODESHIM_PROCESS_TEST_" + process.pid();
        assertNull(System.getenv(key));
        try {
            // node -e 'process.env.K = "v"; console.log(process.env.K)' → v
            env.put(key, "v");
            assertEquals("v", process.env().get(key));
            assertNull(System.getenv(key), "the JVM's environment is not changed");
        } finally {
            env.remove(key);
        }
        assertFalse(process.env().containsKey(key));
    }

    // ------------------------------------------------------------------------------------------------
    // pid, ppid, platform, arch, cwd

    @Test
    void pidAndPpid() {
        assertEquals(ProcessHandle.current().pid(), process.pid());
        long parent = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(0L);
        assertEquals(parent, process.ppid());
        assertTrue(process.ppid() > 0, "a JVM started by surefire has a parent");
        assertTrue(process.ppid() != process.pid());
    }

    @Test
    void platformUsesNodesNames() {
        String os = System.getProperty("os.name");
        assumeTrue(os.startsWith("Linux"), os);
        // node -p process.platform → linux
        assertEquals("linux", process.platform());
    }

    @Test
    void archUsesNodesNames() {
        String arch = System.getProperty("os.arch");
        // node -p process.arch on this amd64 machine → x64 (the JVM calls it amd64)
        String expected = switch (arch) {
            case "amd64", "x86_64" -> "x64";
            case "aarch64" -> "arm64";
            case "x86", "i386" -> "ia32";
            default -> null;
        };
        assumeTrue(expected != null, arch);
        assertEquals(expected, process.arch());
    }

    @Test
    void cwdIsTheAbsoluteWorkingDirectory() {
        assertEquals(System.getProperty("user.dir"), process.cwd());
        assertEquals(Path.of("").toAbsolutePath().toString(), process.cwd());
        assertTrue(Path.of(process.cwd()).isAbsolute());
    }

    // ------------------------------------------------------------------------------------------------
    // uptime, hrtime

    @Test
    void uptimeIsPositiveAndNeverGoesBack() {
        double first = process.uptime();
        assertTrue(first > 0, () -> "uptime " + first);
        double previous = first;
        for (int i = 0; i < 1000; i++) {
            double now = process.uptime();
            assertTrue(now >= previous, () -> now + " after " + first);
            previous = now;
        }
    }

    private static BigInteger nanos(long[] hrtime) {
        return BigInteger.valueOf(hrtime[0]).multiply(BigInteger.valueOf(1_000_000_000L))
                .add(BigInteger.valueOf(hrtime[1]));
    }

    private static void assertShape(long[] t) {
        // node -p 'process.hrtime()' → [ seconds, nanoseconds ], both integers, nanoseconds < 1e9
        assertEquals(2, t.length);
        assertTrue(t[0] >= 0, () -> Arrays.toString(t));
        assertTrue(t[1] >= 0 && t[1] < 1_000_000_000L, () -> Arrays.toString(t));
    }

    @Test
    void hrtimeIsSecondsAndNanosOfAMonotonicClock() {
        long[] previous = process.hrtime();
        assertShape(previous);
        for (int i = 0; i < 1000; i++) {
            long[] now = process.hrtime();
            assertShape(now);
            assertTrue(nanos(now).compareTo(nanos(previous)) >= 0,
                    Arrays.toString(now) + " after " + Arrays.toString(previous));
            previous = now;
        }
    }

    @Test
    void hrtimeBigintIsTheSameClockInNanoseconds() {
        // node -p 'typeof process.hrtime.bigint()' → bigint
        BigInteger before = process.hrtimeBigint();
        long[] t = process.hrtime();
        BigInteger after = process.hrtimeBigint();
        assertTrue(before.signum() > 0);
        assertTrue(before.compareTo(nanos(t)) <= 0, before + " > " + nanos(t));
        assertTrue(nanos(t).compareTo(after) <= 0, nanos(t) + " > " + after);
    }

    @Test
    void hrtimeOfPrevIsTheDifferenceWithBorrow() {
        // prev's nanoseconds exceed the current ones (but in the odd nanosecond), which forces a borrow
        // from the seconds; the clock counts from the JVM's start, so prev may even be in the future,
        // and then, as in Node, the seconds are negative and the nanoseconds still in [0, 1e9):
        // node -e 'const n = process.hrtime(); console.log(process.hrtime([n[0] + 5, 999999999]))' → [ -6, 74277814 ]
        long[] prev = {1, 999_999_999L};
        BigInteger prevNanos = nanos(prev);
        BigInteger before = process.hrtimeBigint();
        long[] diff = process.hrtime(prev);
        BigInteger after = process.hrtimeBigint();
        assertEquals(2, diff.length);
        assertTrue(diff[1] >= 0 && diff[1] < 1_000_000_000L, Arrays.toString(diff));
        assertTrue(before.subtract(prevNanos).compareTo(nanos(diff)) <= 0, Arrays.toString(diff));
        assertTrue(nanos(diff).compareTo(after.subtract(prevNanos)) <= 0, Arrays.toString(diff));

        long[] start = process.hrtime();
        long[] elapsed = process.hrtime(start);
        assertShape(elapsed);
    }

    @Test
    void hrtimeRejectsWhatNodeRejects() {
        // node -e 'process.hrtime(null)' → TypeError [ERR_INVALID_ARG_TYPE]
        NodeError e = assertThrows(NodeError.class, () -> process.hrtime(null));
        assertEquals("TypeError", e.name());
        assertEquals("ERR_INVALID_ARG_TYPE", e.code());
        assertEquals("The \"time\" argument must be an instance of Array. Received null", e.getMessage());
        // node -e 'process.hrtime([1])' / process.hrtime([1, 2, 3])
        NodeError one = assertThrows(NodeError.class, () -> process.hrtime(new long[] {1}));
        assertEquals("RangeError", one.name());
        assertEquals("ERR_OUT_OF_RANGE", one.code());
        assertEquals("The value of \"time\" is out of range. It must be 2. Received 1", one.getMessage());
        NodeError three = assertThrows(NodeError.class, () -> process.hrtime(new long[] {1, 2, 3}));
        assertEquals("The value of \"time\" is out of range. It must be 2. Received 3", three.getMessage());
    }

    // ------------------------------------------------------------------------------------------------
    // memoryUsage

    @Test
    void memoryUsageHasNodesKeysInNodesOrder() {
        // node -p 'Object.keys(process.memoryUsage())'
        List<String> keys = new ArrayList<>();
        for (RecordComponent c : NodeProcess.MemoryUsage.class.getRecordComponents()) {
            keys.add(c.getName());
        }
        assertEquals(List.of("rss", "heapTotal", "heapUsed", "external", "arrayBuffers"), keys);
    }

    @Test
    void memoryUsageValuesAreConsistent() {
        ByteBuffer direct = ByteBuffer.allocateDirect(1 << 20);
        try {
            NodeProcess.MemoryUsage m = process.memoryUsage();
            assertTrue(m.rss() > 0, m::toString);
            assertTrue(m.heapTotal() > 0, m::toString);
            assertTrue(m.heapUsed() > 0 && m.heapUsed() <= m.heapTotal(), m::toString);
            // a live direct buffer counts in arrayBuffers, which are part of external
            assertTrue(m.arrayBuffers() >= direct.capacity(), m::toString);
            assertTrue(m.external() >= m.arrayBuffers(), m::toString);
        } finally {
            java.lang.ref.Reference.reachabilityFence(direct);
        }
    }

    // ------------------------------------------------------------------------------------------------
    // exitCode, exit

    @Test
    void exitCodeIsUnsetUntilSetAndRunStartsWithoutOne() {
        process.exitCode(3);
        assertEquals(3, process.exitCode());
        assertSame(process, process.exitCode(null));
        assertNull(process.exitCode());
        // node -p 'process.exitCode' → undefined in a fresh process
        process.exitCode(5);
        List<Integer> seen = new ArrayList<>();
        // node -e 'process.exitCode = 4'; echo $? → 4
        assertEquals(4, run(() -> {
            seen.add(process.exitCode());
            process.exitCode(4);
        }));
        assertEquals(Arrays.asList((Integer) null), seen);
    }

    /** Replaces System.exit for the test; returns the codes exit would have ended the JVM with. */
    private List<Integer> hookExit() {
        List<Integer> codes = new ArrayList<>();
        NodeProcess.exitHook = codes::add;
        return codes;
    }

    @Test
    void exitFiresExitThenEndsWithTheCode() {
        List<Integer> codes = hookExit();
        listen("exit", (Listener1<Integer>) c -> log.add("exit " + c + " " + process.exitCode() + " " + process.exiting()));
        // node -e 'process.on("exit", c => console.log("exit", c, process.exitCode)); process.exit(3)' → exit 3 3; $? = 3
        process.exit(3);
        assertEquals(List.of("exit 3 3 true"), log);
        assertEquals(List.of(3), codes);
        assertFalse(process.exiting());
    }

    @Test
    void exitWithoutACodeUsesExitCode() {
        List<Integer> codes = hookExit();
        listen("exit", (Listener1<Integer>) c -> log.add("exit " + c));
        // node -e '…; process.exit()' → exit 0, $? = 0
        process.exit();
        // node -e '…; process.exitCode = 2; process.exit()' → exit 2, $? = 2
        process.exitCode(2);
        process.exit();
        assertEquals(List.of("exit 0", "exit 2"), log);
        assertEquals(List.of(0, 2), codes);
    }

    @Test
    void exitListenersMayChangeTheExitCode() {
        List<Integer> codes = hookExit();
        listen("exit", (Listener1<Integer>) c -> {
            log.add("exit " + c);
            process.exitCode(9);
        });
        // node -e 'process.on("exit", c => { console.log("exit", c); process.exitCode = 9 }); process.exit(3)'
        // → exit 3; $? = 9
        process.exit(3);
        assertEquals(List.of("exit 3"), log);
        assertEquals(List.of(9), codes);
    }

    @Test
    void exitInsideAnExitListenerDoesNotFireExitAgain() {
        List<Integer> codes = hookExit();
        listen("exit", (Listener1<Integer>) c -> {
            log.add("exit " + c);
            process.exit(5);
        });
        // node -e 'process.on("exit", c => { console.log("exit", c); process.exit(5) }); process.exit(3)'
        // → exit 3 (once); $? = 5
        process.exit(3);
        assertEquals(List.of("exit 3"), log);
        assertEquals(5, codes.get(0));
        assertEquals(5, process.exitCode());
    }

    @Test
    void aThrowingExitListenerKeepsTheExitCode() {
        List<Integer> codes = hookExit();
        captureStderr();
        listen("exit", (Listener1<Integer>) c -> {
            throw new IllegalStateException("inexit");
        });
        // node -e 'process.on("exit", () => { throw new Error("inexit") }); process.exit(3)'; echo $? → 3
        process.exit(3);
        // … process.exit(0) → 0
        process.exit(0);
        // … process.exit() → 1 (no exitCode)
        process.exitCode(null);
        process.exit();
        assertEquals(List.of(3, 0, 1), codes);
        assertTrue(stderr().startsWith("java.lang.IllegalStateException: inexit"), this::stderr);
    }

    @Test
    void anExitListenerThatSetsTheCodeAndThrowsExitsWithIt() {
        List<Integer> codes = hookExit();
        captureStderr();
        listen("exit", (Listener1<Integer>) c -> {
            process.exitCode(4);
            throw new IllegalStateException("inexit");
        });
        // node -e 'process.on("exit", () => { process.exitCode = 4; throw new Error("inexit") }); process.exit(3)' → 4
        process.exit(3);
        assertEquals(List.of(4), codes);
    }

    // ------------------------------------------------------------------------------------------------
    // emitWarning

    @Test
    void warningsArriveOnTheNextTickInOrder() {
        captureStderr();
        List<Throwable> warnings = new ArrayList<>();
        listen("warning", (Listener1<Throwable>) w -> {
            warnings.add(w);
            log.add("warning " + w);
        });
        // node -e 'process.on("warning", w => log.push(…)); process.emitWarning("hello"); log.push("sync");
        //   process.nextTick(() => log.push("tick after")); Promise.resolve().then(() => log.push("micro"));
        //   process.emitWarning("dep msg", "DeprecationWarning", "DEP0001"); process.emitWarning("custom", "MyWarning")'
        assertEquals(0, run(() -> {
            process.emitWarning("hello");
            log.add("sync");
            process.nextTick(() -> log.add("tick after"));
            Timers.queueMicrotask(() -> log.add("micro"));
            process.emitWarning("dep msg", "DeprecationWarning", "DEP0001");
            process.emitWarning("custom", "MyWarning");
        }));
        assertEquals(List.of("sync", "warning Warning: hello", "tick after",
                "warning DeprecationWarning: dep msg", "warning MyWarning: custom", "micro"), log);

        // w.name, w.code, w.message: Warning undefined hello / DeprecationWarning DEP0001 dep msg / MyWarning undefined custom
        ProcessWarning hello = assertInstanceOf(ProcessWarning.class, warnings.get(0));
        assertEquals("Warning", hello.name());
        assertNull(hello.code());
        assertEquals("hello", hello.getMessage());
        ProcessWarning dep = assertInstanceOf(ProcessWarning.class, warnings.get(1));
        assertEquals("DeprecationWarning", dep.name());
        assertEquals("DEP0001", dep.code());
        assertEquals("dep msg", dep.getMessage());
        // String(w) leaves the code out: DeprecationWarning: dep msg
        assertEquals("DeprecationWarning: dep msg", dep.toString());
        assertEquals("MyWarning", ((NodeError) warnings.get(2)).name());
    }

    @Test
    void anErrorIsEmittedAsItIs() {
        captureStderr();
        List<Throwable> warnings = new ArrayList<>();
        listen("warning", (Listener1<Throwable>) warnings::add);
        NodeError custom = new NodeError("FooWarning", null, "boom");
        run(() -> process.emitWarning(custom));
        assertEquals(1, warnings.size());
        assertSame(custom, warnings.get(0));
    }

    @Test
    void emitWarningRejectsWhatIsNeitherAStringNorAnError() {
        // node -e 'process.emitWarning(5)' → TypeError [ERR_INVALID_ARG_TYPE]: The "warning" argument must be
        // of type string or an instance of Error. Received type number (5)
        NodeError five = assertThrows(NodeError.class, () -> process.emitWarning(5));
        assertEquals("TypeError", five.name());
        assertEquals("ERR_INVALID_ARG_TYPE", five.code());
        assertEquals("The \"warning\" argument must be of type string or an instance of Error. "
                + "Received type number (5)", five.getMessage());
        // process.emitWarning(null) → … Received null; process.emitWarning({}) → … Received an instance of Object
        String prefix = "The \"warning\" argument must be of type string or an instance of Error. ";
        assertEquals(prefix + "Received null",
                assertThrows(NodeError.class, () -> process.emitWarning((Object) null)).getMessage());
        assertEquals(prefix + "Received null",
                assertThrows(NodeError.class, () -> process.emitWarning((String) null)).getMessage());
        assertEquals(prefix + "Received null",
                assertThrows(NodeError.class, () -> process.emitWarning((Throwable) null)).getMessage());
        assertEquals(prefix + "Received an instance of Object",
                assertThrows(NodeError.class, () -> process.emitWarning(new HashMap<>())).getMessage());
    }

    @Test
    void aStringOrErrorPassedAsObjectIsEmitted() {
        captureStderr();
        List<String> warnings = new ArrayList<>();
        listen("warning", (Listener1<Throwable>) w -> warnings.add(w.toString()));
        Object text = "as object";
        Object error = new ProcessWarning("OtherWarning", null, "err as object");
        run(() -> {
            process.emitWarning(text);
            process.emitWarning(error);
        });
        assertEquals(List.of("Warning: as object", "OtherWarning: err as object"), warnings);
    }

    /** The lines written to stderr, with the once-per-JVM hint removed from after the first line. */
    private List<String> warningLines() {
        List<String> lines = new ArrayList<>(stderr().lines().toList());
        if (lines.size() > 1 && lines.get(1).equals(HINT)) {
            lines.remove(1);
        }
        assertFalse(lines.contains(HINT), () -> "the hint comes once, after the first warning: " + stderr());
        return lines;
    }

    @Test
    void theDefaultWriterPrintsNodesLines() {
        assumeTrue(!"1".equals(System.getenv("NODE_NO_WARNINGS")), "warnings are off");
        captureStderr();
        String pid = "(node:" + process.pid() + ") ";
        // node -e 'process.emitWarning("a", "DeprecationWarning", "DEP0001"); process.emitWarning("b");
        //   process.emitWarning("c", "MyWarning", "C1"); const e = new Error("boom"); e.name = "FooWarning";
        //   process.emitWarning(e); const f = new TypeError("tt"); f.code = "X1"; process.emitWarning(f);
        //   try { Buffer.alloc(-1) } catch (r) { process.emitWarning(r) }'
        run(() -> {
            process.emitWarning("a", "DeprecationWarning", "DEP0001");
            process.emitWarning("b");
            process.emitWarning("c", "MyWarning", "C1");
            process.emitWarning(new NodeError("FooWarning", null, "boom"));
            process.emitWarning(new ProcessWarning("TypeError", "X1", "tt"));
            process.emitWarning(new NodeError("RangeError", "ERR_OUT_OF_RANGE",
                    "The value of \"size\" is out of range. It must be >= 0 && <= 4294967296. Received -1"));
        });
        assertEquals(List.of(
                pid + "[DEP0001] DeprecationWarning: a",
                pid + "Warning: b",
                pid + "[C1] MyWarning: c",
                pid + "FooWarning: boom",
                pid + "[X1] TypeError: tt",
                // String() of Node's own errors repeats the code
                pid + "[ERR_OUT_OF_RANGE] RangeError [ERR_OUT_OF_RANGE]: The value of \"size\" is out of range. "
                        + "It must be >= 0 && <= 4294967296. Received -1"), warningLines());
    }

    @Test
    void theHintIsWrittenOnce() {
        assumeTrue(!"1".equals(System.getenv("NODE_NO_WARNINGS")), "warnings are off");
        captureStderr();
        run(() -> process.emitWarning("first"));
        run(() -> process.emitWarning("second"));
        // node -e 'process.emitWarning("first"); process.emitWarning("second")': the hint follows only the first
        List<String> lines = stderr().lines().toList();
        assertFalse(lines.get(lines.size() - 1).equals(HINT), stderr());
        assertEquals("(node:" + process.pid() + ") Warning: second", lines.get(lines.size() - 1));
        assertTrue(lines.size() == 2 || lines.size() == 3 && lines.get(1).equals(HINT), stderr());
    }

    @Test
    void removingTheDefaultWriterSilencesStderrButNotTheEvent() {
        captureStderr();
        // node -p 'process.listenerCount("warning")' → 1: the stderr writer is an ordinary listener
        List<Object> writers = process.listeners("warning");
        for (Object w : writers) {
            process.off("warning", w);
        }
        try {
            List<String> seen = new ArrayList<>();
            listen("warning", (Listener1<Throwable>) w -> seen.add(w.getMessage()));
            // node -e 'process.removeAllListeners("warning"); process.on("warning", w => console.log("got", w.message));
            //   process.emitWarning("quiet", "DeprecationWarning", "DEP0002")' → got quiet, and nothing on stderr
            run(() -> process.emitWarning("quiet", "DeprecationWarning", "DEP0002"));
            assertEquals(List.of("quiet"), seen);
            assertEquals("", stderr());
        } finally {
            // back in front, in their order
            for (int i = writers.size() - 1; i >= 0; i--) {
                @SuppressWarnings("unchecked")
                Listener1<Object> w = (Listener1<Object>) writers.get(i);
                process.prependListener("warning", w);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------
    // uncaughtException

    @Test
    void uncaughtExceptionsGoToTheMonitorThenTheListener() {
        List<Throwable> errors = new ArrayList<>();
        listen("uncaughtExceptionMonitor", (Listener2<Throwable, String>) (e, origin) -> {
            errors.add(e);
            log.add("mon " + e.getMessage() + " " + origin);
        });
        listen("uncaughtException", (Listener2<Throwable, String>) (e, origin) -> {
            errors.add(e);
            log.add("handler " + e.getMessage() + " " + origin);
        });
        listen("exit", (Listener1<Integer>) c -> log.add("exit " + c));
        IllegalStateException m = new IllegalStateException("m");
        // node -e 'process.on("uncaughtExceptionMonitor", …); process.on("uncaughtException", …);
        //   setTimeout(() => { throw new Error("t") }); throw new Error("m")' → mon m, handler m, mon t, handler t; exit 0
        int code = run(() -> {
            Timers.setTimeout(() -> {
                throw new IllegalStateException("t");
            });
            throw m;
        });
        assertEquals(List.of("mon m uncaughtException", "handler m uncaughtException",
                "mon t uncaughtException", "handler t uncaughtException", "exit 0"), log);
        assertSame(m, errors.get(0));
        assertSame(m, errors.get(1));
        assertEquals(0, code);
    }

    @Test
    void withoutAListenerTheErrorIsPrintedAndTheExitCodeIsOne() {
        captureStderr();
        listen("exit", (Listener1<Integer>) c -> log.add("exit " + c + " " + process.exitCode()));
        // node -e 'process.on("exit", c => console.log("exit", c, process.exitCode)); throw new Error("boom")'
        // → stderr holds "Error: boom"; exit 1 1; $? = 1
        int code = run(() -> {
            process.nextTick(() -> log.add("tick never runs"));
            throw NodeError.of("boom");
        });
        assertEquals(1, code);
        assertEquals(List.of("exit 1 1"), log);
        assertEquals("Error: boom", stderr().lines().findFirst().orElse(""));
    }

    @Test
    void aThrowingUncaughtExceptionListenerEndsWithSeven() {
        captureStderr();
        listen("uncaughtException", (Listener1<Throwable>) e -> {
            throw new IllegalStateException("h");
        });
        listen("exit", (Listener1<Integer>) c -> log.add("exit " + c));
        // node -e 'process.on("uncaughtException", () => { throw new Error("h") });
        //   process.on("exit", c => console.log("exit", c)); throw new Error("m")' → no exit line; $? = 7
        assertEquals(7, run(() -> {
            throw new IllegalStateException("m");
        }));
        assertEquals(List.of(), log);
        assertTrue(stderr().startsWith("java.lang.IllegalStateException: h"), this::stderr);
    }

    @Test
    void beforeExitFiresWithTheExitCodeThenExit() {
        listen("beforeExit", (Listener1<Integer>) c -> log.add("beforeExit " + c));
        listen("exit", (Listener1<Integer>) c -> log.add("exit " + c));
        // node -e 'process.on("beforeExit", c => console.log("beforeExit", c)); process.on("exit", …); process.exitCode = 2'
        // → beforeExit 2, exit 2
        assertEquals(2, run(() -> process.exitCode(2)));
        assertEquals(List.of("beforeExit 2", "exit 2"), log);
    }

    @Test
    void nextTickRunsOnTheCurrentLoop() {
        run(() -> {
            process.nextTick(() -> log.add("tick"));
            log.add("sync");
        });
        assertEquals(List.of("sync", "tick"), log);
    }
}
