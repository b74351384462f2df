package dev.nodeshim.childprocess;

import static dev.nodeshim.childprocess.ChildProcesses.exec;
import static dev.nodeshim.childprocess.ChildProcesses.execFile;
import static dev.nodeshim.childprocess.ChildProcesses.execFileAsync;
import static dev.nodeshim.childprocess.ChildProcesses.spawn;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nodeshim.buffer.Buffer;
import dev.nodeshim.errors.NodeError;
import dev.nodeshim.loop.EventLoop;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** Expected traces are what node 20 printed for the same calls. EventLoop.run returns when all is done. */
class SpawnAsyncTest {

    private static List<List<Object>> trace(ChildProcess c, List<Thread> threads) {
        List<List<Object>> ev = new ArrayList<>();
        c.on("spawn", () -> { ev.add(List.of("spawn")); threads.add(Thread.currentThread()); });
        c.on("exit", (Integer a, String b) -> { ev.add(Arrays.asList("exit", a, b)); threads.add(Thread.currentThread()); });
        c.on("close", (Integer a, String b) -> { ev.add(Arrays.asList("close", a, b)); threads.add(Thread.currentThread()); });
        c.on("error", (NodeError e) -> ev.add(Arrays.asList("error", e.getMessage(), e.code(), e.prop("errno"),
                e.prop("syscall"), e.prop("path"), e.prop("spawnargs"))));
        return ev;
    }

    @Test
    void exitThenCloseOnTheLoopThread() {
        // node: [["spawn"],["exit",3,null],["close",3,null]]
        List<Thread> threads = new ArrayList<>();
        Object[] box = new Object[2];
        EventLoop.run(() -> {
            box[1] = Thread.currentThread();
            ChildProcess c = spawn("sh", List.of("-c", "printf ignored; exit 3"));
            box[0] = trace(c, threads);
            assertEquals(List.of("sh", "-c", "printf ignored; exit 3"), c.spawnargs());
            assertEquals("sh", c.spawnfile());
            assertNull(c.exitCode());
        });
        assertEquals(List.of(List.of("spawn"), Arrays.asList("exit", 3, null), Arrays.asList("close", 3, null)), box[0]);
        assertEquals(3, threads.size());
        threads.forEach(t -> assertSame(box[1], t));
    }

    /**
     * The common ForkJoinPool's every worker parked (as a program's blocking task would): the child's
     * exit still arrives. With {@code Process.onExit()} it did not on JDK 25, whose CompletableFuture
     * runs that stage on the common pool even with one worker.
     */
    @Test
    void exitArrivesWhileTheCommonPoolIsBusy() {
        int workers = java.util.concurrent.ForkJoinPool.getCommonPoolParallelism();
        java.util.concurrent.CountDownLatch parked = new java.util.concurrent.CountDownLatch(workers);
        java.util.concurrent.atomic.AtomicBoolean release = new java.util.concurrent.atomic.AtomicBoolean();
        List<Thread> busy = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int i = 0; i < workers; i++) {
            java.util.concurrent.ForkJoinPool.commonPool().execute(() -> {
                busy.add(Thread.currentThread());
                parked.countDown();
                while (!release.get()) {
                    java.util.concurrent.locks.LockSupport.park(); // no managedBlock: the pool adds no spare
                }
            });
        }
        try {
            parked.await();
            List<Object> codes = new ArrayList<>();
            EventLoop.run(() -> spawn("sh", List.of("-c", "exit 4")).on("exit", (Integer c, String s) -> codes.add(c)));
            assertEquals(List.of(4), codes);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        } finally {
            release.set(true);
            busy.forEach(java.util.concurrent.locks.LockSupport::unpark);
        }
    }

    @Test
    void missingProgramErrorsThenClosesWithMinus2() {
        // node: [["error","spawn nope ENOENT","ENOENT",-2,"spawn nope","nope",["x"]],["close",-2,null]] -2 null false
        Object[] box = new Object[2];
        EventLoop.run(() -> {
            ChildProcess c = spawn("nope-nodeshim-missing", List.of("x"));
            box[0] = trace(c, new ArrayList<>());
            box[1] = c;
            assertNull(c.pid());
        });
        assertEquals(List.of(
                Arrays.asList("error", "spawn nope-nodeshim-missing ENOENT", "ENOENT", -2, "spawn nope-nodeshim-missing",
                        "nope-nodeshim-missing", List.of("x")),
                Arrays.asList("close", -2, null)), box[0]);
        ChildProcess c = (ChildProcess) box[1];
        assertEquals(-2, c.exitCode());
        assertFalse(c.killed());
    }

    @Test
    void killReportsTheSignal() {
        // node: kill ret true true; [["spawn"],["exit",null,"SIGTERM"],["close",null,"SIGTERM"]] null SIGTERM true
        for (Object sig : List.of("SIGTERM", "SIGKILL", "SIGINT", 10)) {
            Object[] box = new Object[3];
            EventLoop.run(() -> {
                ChildProcess c = spawn("sleep", List.of("30"));
                box[0] = trace(c, new ArrayList<>());
                box[1] = c;
                c.on("spawn", () -> box[2] = c.kill(sig));
            });
            String name = sig instanceof Integer n ? Signals.name(n) : (String) sig;
            assertEquals(List.of(List.of("spawn"), Arrays.asList("exit", null, name), Arrays.asList("close", null, name)),
                    box[0]);
            ChildProcess c = (ChildProcess) box[1];
            assertEquals(true, box[2]);
            assertTrue(c.killed());
            assertEquals(name, c.signalCode());
            assertFalse(c.kill(), "kill after exit returns false");
        }
    }

    @Test
    void exitWith143AndDeathBySigtermAreToldApart() {
        // node: exit 143 → ["exit",143,null] ["close",143,null]; kill $$ → ["exit",null,"SIGTERM"] ...
        assumeTrue(NativeSpawn.AVAILABLE, "exact statuses need the native library");
        for (String script : List.of("exit 143", "kill $$", "exit 137", "kill -9 $$")) {
            Object[] box = new Object[1];
            EventLoop.run(() -> box[0] = trace(spawn("sh", List.of("-c", script)), new ArrayList<>()));
            Integer code = script.startsWith("exit") ? Integer.valueOf(script.substring(5)) : null;
            String signal = script.startsWith("exit") ? null : script.contains("-9") ? "SIGKILL" : "SIGTERM";
            assertEquals(List.of(List.of("spawn"), Arrays.asList("exit", code, signal), Arrays.asList("close", code, signal)),
                    box[0], script);
        }
    }

    @Test
    void killZeroProbesAndBadSignalsThrow() {
        // node: kill(0) → true, killed true; kill('SIGFOO') and kill(99) → ERR_UNKNOWN_SIGNAL; after exit kill() → false
        List<Object> got = new ArrayList<>();
        EventLoop.run(() -> {
            ChildProcess c = spawn("sleep", List.of("30"));
            got.add(c.kill(0));
            got.add(c.killed());
            got.add(org.junit.jupiter.api.Assertions.assertThrows(NodeError.class, () -> c.kill("SIGFOO")).toString());
            got.add(org.junit.jupiter.api.Assertions.assertThrows(NodeError.class, () -> c.kill(99)).getMessage());
            got.add(c.kill("SIGKILL"));
            c.on("exit", (Integer a, String b) -> {
                got.add(b);
                got.add(c.kill());
                got.add(c.kill(0));
            });
        });
        assertEquals(Arrays.asList(true, true, "TypeError [ERR_UNKNOWN_SIGNAL]: Unknown signal: SIGFOO",
                "Unknown signal: 99", true, "SIGKILL", false, false), got);
    }

    @Test
    void execCallbackShapes() {
        List<Object[]> got = new ArrayList<>();
        EventLoop.run(() -> {
            exec("printf out; printf err >&2; exit 2", (e, o, s) -> got.add(new Object[] {"fail", e, o, s}));
            exec("printf ok", (e, o, s) -> got.add(new Object[] {"ok", e, o, s}));
            exec("kill $$", (e, o, s) -> got.add(new Object[] {"kill", e, o, s}));
            exec("exec sleep 30", SpawnOptions.defaults().timeout(Duration.ofMillis(100)),
                    (e, o, s) -> got.add(new Object[] {"timeout", e, o, s}));
            execFile("nope-nodeshim-missing", List.of("a"), (e, o, s) -> got.add(new Object[] {"enoent", e, o, s}));
            exec("head -c 2000000 /dev/zero", (e, o, s) -> got.add(new Object[] {"maxbuf", e, o, s}));
            execFile("printf", List.of("x"), SpawnOptions.defaults().encoding("buffer"),
                    (e, o, s) -> got.add(new Object[] {"buf", e, o, s}));
        });
        assertEquals(7, got.size());
        for (Object[] g : got) {
            NodeError e = (NodeError) g[1];
            switch ((String) g[0]) {
                case "fail" -> {
                    // node: "Command failed: printf out; printf err >&2; exit 2\nerr" [code killed signal cmd] 2 false null
                    assertEquals("Command failed: printf out; printf err >&2; exit 2\nerr", e.getMessage());
                    assertEquals(List.of("code", "killed", "signal", "cmd"), List.copyOf(e.props().keySet()));
                    assertEquals(2, e.prop("code"));
                    assertEquals(false, e.prop("killed"));
                    assertNull(e.prop("signal"));
                    assertEquals("printf out; printf err >&2; exit 2", e.prop("cmd"));
                    assertEquals("out", g[2]);
                    assertEquals("err", g[3]);
                }
                case "ok" -> {
                    assertNull(e);
                    assertEquals("ok", g[2]);
                    assertEquals("", g[3]);
                }
                case "kill" -> {
                    // node: "Command failed: kill $$\n" null false SIGTERM
                    assertEquals("Command failed: kill $$\n", e.getMessage());
                    assertNull(e.prop("code"));
                    assertEquals(false, e.prop("killed"));
                    assertEquals("SIGTERM", e.prop("signal"));
                }
                case "timeout" -> {
                    // node: "Command failed: sleep 5\n" null true SIGTERM
                    assertEquals("Command failed: exec sleep 30\n", e.getMessage());
                    assertNull(e.prop("code"));
                    assertEquals(true, e.prop("killed"));
                    assertEquals("SIGTERM", e.prop("signal"));
                }
                case "enoent" -> {
                    // node: "spawn nope ENOENT" [errno code syscall path spawnargs cmd] ENOENT -2 "nope a" "" ""
                    assertEquals("spawn nope-nodeshim-missing ENOENT", e.getMessage());
                    assertEquals(List.of("errno", "code", "syscall", "path", "spawnargs", "cmd"),
                            List.copyOf(e.props().keySet()));
                    assertEquals("nope-nodeshim-missing a", e.prop("cmd"));
                    assertEquals("", g[2]);
                    assertEquals("", g[3]);
                }
                case "maxbuf" -> {
                    // node: RangeError [ERR_CHILD_PROCESS_STDIO_MAXBUFFER]: stdout maxBuffer length exceeded, 1048576
                    assertEquals("RangeError [ERR_CHILD_PROCESS_STDIO_MAXBUFFER]: stdout maxBuffer length exceeded",
                            e.toString());
                    assertEquals(1048576, ((String) g[2]).length());
                }
                case "buf" -> {
                    assertNull(e);
                    assertArrayEquals("x".getBytes(), ((Buffer) g[2]).toByteArray());
                    assertEquals(0, ((Buffer) g[3]).length());
                }
                default -> throw new AssertionError(g[0]);
            }
        }
    }

    @Test
    void execFileMaxBufferBoundary() {
        // node: maxBuffer 5 → (null, "12345"); 4 → RangeError ..., "1234"
        List<Object[]> got = new ArrayList<>();
        EventLoop.run(() -> {
            for (int m : new int[] {4, 5}) {
                execFile("printf", List.of("12345"), SpawnOptions.defaults().maxBuffer(m),
                        (e, o, s) -> got.add(new Object[] {m, e == null ? null : e.toString(), o}));
            }
        });
        got.sort((a, b) -> Integer.compare((int) a[0], (int) b[0]));
        assertEquals("RangeError [ERR_CHILD_PROCESS_STDIO_MAXBUFFER]: stdout maxBuffer length exceeded", got.get(0)[1]);
        assertEquals("1234", got.get(0)[2]);
        assertNull(got.get(1)[1]);
        assertEquals("12345", got.get(1)[2]);
    }

    @Test
    void execFileArgumentsArriveByteExactAndFutureTwinCompletes() throws Exception {
        List<String> nasty = List.of("a b", "'q'", "\"dq\"", "$(echo no)", "`echo no`", "l1\nl2", "héllo ✓ 😀", "*", "");
        List<String> args = new ArrayList<>(List.of("%s|"));
        args.addAll(nasty);
        List<CompletableFuture<ExecResult>> fs = new ArrayList<>();
        EventLoop.run(() -> {
            fs.add(execFileAsync("printf", args, null));
            fs.add(execFileAsync("sh", List.of("-c", "exit 5"), null));
        });
        assertTrue(fs.get(0).isDone() && fs.get(1).isDone(), "run returns when all work is done");
        assertEquals(String.join("|", nasty) + "|", fs.get(0).get().stdout());
        ExecutionException x = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, fs.get(1)::get);
        NodeError e = (NodeError) x.getCause();
        assertEquals("Command failed: sh -c exit 5\n", e.getMessage());
        assertEquals(5, e.prop("code"));
        assertEquals("", e.prop("stdout"));
    }
}
