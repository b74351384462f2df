package dev.nodeshim.loop;

import static dev.nodeshim.loop.Timers.clearImmediate;
import static dev.nodeshim.loop.Timers.clearInterval;
import static dev.nodeshim.loop.Timers.clearTimeout;
import static dev.nodeshim.loop.Timers.queueMicrotask;
import static dev.nodeshim.loop.Timers.setImmediate;
import static dev.nodeshim.loop.Timers.setInterval;
import static dev.nodeshim.loop.Timers.setTimeout;
import static dev.nodeshim.process.NodeProcess.process;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodeshim.errors.NodeError;
import dev.nodeshim.events.Listener1;
import dev.nodeshim.events.Listener2;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * Orders asserted here are the ones real Node 20 prints for the same script (each test names the
 * script); only orders Node guarantees are asserted, and nothing waits on time.
 */
class EventLoopTest {
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void cleanProcess() {
        for (String event : List.of("exit", "beforeExit", "uncaughtException", "uncaughtExceptionMonitor")) {
            process.removeAllListeners(event);
        }
        process.exitCode(null);
    }

    private Runnable log(String label) {
        return () -> log.add(label);
    }

    @Test
    void nextTickQueueDrainsBeforeMicrotasks() {
        // queueMicrotask(() => { nextTick(A); queueMicrotask(B) });
        // nextTick(() => { t1; nextTick(t3); queueMicrotask(m2) }); nextTick(t2)   → t1 t2 t3 m2 B A
        EventLoop.run(() -> {
            EventLoop loop = EventLoop.current();
            queueMicrotask(() -> {
                loop.nextTick(log("A"));
                queueMicrotask(log("B"));
            });
            loop.nextTick(() -> {
                log.add("t1");
                loop.nextTick(log("t3"));
                queueMicrotask(log("m2"));
            });
            loop.nextTick(log("t2"));
        });
        assertEquals(List.of("t1", "t2", "t3", "m2", "B", "A"), log);
    }

    @Test
    void nestedNextTicksDrainBeforeTheNextTimer() {
        EventLoop.run(() -> {
            setTimeout(() -> {
                log.add("T1");
                process.nextTick(() -> {
                    log.add("t1");
                    process.nextTick(() -> {
                        log.add("t2");
                        queueMicrotask(() -> {
                            log.add("m");
                            process.nextTick(log("t3"));
                        });
                    });
                });
            }, 1);
            setTimeout(log("T2"), 1);
        });
        assertEquals(List.of("T1", "t1", "t2", "m", "t3", "T2"), log);
    }

    @RepeatedTest(5)
    void inAnIoCallbackSetImmediateRunsBeforeSetTimeoutZero() throws Exception {
        // fs.stat(__filename, () => { setTimeout(T, 0); setImmediate(I); })  → I T
        EventLoop.run(() -> {
            EventLoop loop = EventLoop.current();
            Ref pending = loop.ref();
            new Thread(() -> loop.execute(() -> {
                setTimeout(log("T"), 0);
                setImmediate(log("I"));
                pending.close();
            })).start();
        });
        assertEquals(List.of("I", "T"), log);
    }

    @Test
    void inATimerCallbackSetImmediateRunsBeforeANewTimer() {
        // setTimeout(() => { T1; setTimeout(T2, 1); setImmediate(I) }, 1)  → T1 I T2
        EventLoop.run(() -> setTimeout(() -> {
            log.add("T1");
            setTimeout(log("T2"), 1);
            setImmediate(log("I"));
        }, 1));
        assertEquals(List.of("T1", "I", "T2"), log);
    }

    @Test
    void equalDelayTimersFireInInsertionOrder() {
        List<String> expected = new ArrayList<>();
        EventLoop.run(() -> {
            for (int i = 0; i < 20; i++) {
                setTimeout(log("T" + i), 5);
                expected.add("T" + i);
            }
        });
        assertEquals(expected, log);
    }

    @Test
    void immediatesQueuedDuringTheCheckPhaseWaitForTheNextIteration() {
        // setImmediate(() => { A; setImmediate(C) }); setImmediate(B)  → A B C
        EventLoop.run(() -> {
            setImmediate(() -> {
                log.add("A");
                setImmediate(log("C"));
            });
            setImmediate(log("B"));
        });
        assertEquals(List.of("A", "B", "C"), log);
    }

    @Test
    void intervalRepeatsUntilClearedInsideItsCallback() {
        int[] runs = new int[1];
        EventLoop.run(() -> {
            AtomicReference<Timeout> handle = new AtomicReference<>();
            handle.set(setInterval(() -> {
                runs[0]++;
                if (runs[0] == 3) {
                    clearInterval(handle.get());
                }
            }, 1));
        });
        assertEquals(3, runs[0]);
    }

    @Test
    void clearedTimersAndImmediatesNeverRun() {
        EventLoop.run(() -> {
            // A long delay: with 1 ms a slow main callback lets the timer fire before the immediate (Node too).
            Timeout t = setTimeout(log("T"), 60_000);
            Immediate i = setImmediate(log("I"));
            setImmediate(() -> clearTimeout(t));
            clearImmediate(i);
            clearTimeout(null);
            clearInterval(null);
            clearImmediate(null);
        });
        assertEquals(List.of(), log);
    }

    @Test
    void unrefdTimerDoesNotKeepTheLoopAlive() {
        Timeout[] t = new Timeout[1];
        int code = EventLoop.run(() -> t[0] = setTimeout(log("never"), 600_000).unref());
        assertEquals(0, code);
        assertEquals(List.of(), log);
        assertFalse(t[0].hasRef());
    }

    @Test
    void unrefdTimerStillFiresWhileTheLoopIsAlive() {
        EventLoop.run(() -> {
            boolean[] fired = new boolean[1];
            setTimeout(() -> fired[0] = true, 1).unref();
            AtomicReference<Timeout> keep = new AtomicReference<>();
            keep.set(setInterval(() -> {
                if (fired[0]) {
                    log.add("seen");
                    clearInterval(keep.get());
                }
            }, 1));
        });
        assertEquals(List.of("seen"), log);
    }

    @Test
    void refreshRearmsAFiredTimeoutButNotAClearedOne() {
        EventLoop.run(() -> {
            AtomicReference<Timeout> t = new AtomicReference<>();
            t.set(setTimeout(() -> {
                log.add("T");
                if (log.size() == 1) {
                    setImmediate(() -> t.get().refresh());
                }
            }, 1));
            Timeout cleared = setTimeout(log("cleared"), 1);
            clearTimeout(cleared);
            cleared.refresh();
        });
        assertEquals(List.of("T", "T"), log);
    }

    @Test
    void refFlagsFollowNode() {
        EventLoop.run(() -> {
            Timeout t = setTimeout(() -> { }, 1);
            assertTrue(t.hasRef());
            assertSame(t, t.unref());
            assertFalse(t.hasRef());
            assertSame(t, t.ref());
            Timeout c = setTimeout(() -> { }, 1);
            clearTimeout(c);
            assertTrue(c.hasRef()); // Node keeps the flag after clearTimeout
            Immediate i = setImmediate(() -> { });
            assertTrue(i.hasRef());
            Immediate j = setImmediate(() -> { });
            clearImmediate(j);
            assertFalse(j.hasRef());
            j.ref();
            assertFalse(j.hasRef());
            setImmediate(() -> assertFalse(i.hasRef()));
        });
    }

    @Test
    void beforeExitMayScheduleMoreWorkAndExitListenersSetTheCode() {
        // d.js: beforeExit 0 0, more, beforeExit 3 1, more, beforeExit 3 2, exit 3; exit status 9
        int[] n = new int[1];
        process.on("beforeExit", (Listener1<Integer>) code -> {
            log.add("beforeExit " + code + " " + n[0]);
            if (n[0]++ < 2) {
                setTimeout(log("more"), 1);
            }
            process.exitCode(3);
        });
        process.on("exit", (Listener1<Integer>) code -> {
            log.add("exit " + code);
            process.exitCode(9);
        });
        int code = EventLoop.run(() -> { });
        assertEquals(List.of("beforeExit 0 0", "more", "beforeExit 3 1", "more", "beforeExit 3 2", "exit 3"), log);
        assertEquals(9, code);
    }

    @Test
    void uncaughtExceptionWithoutListenerStopsTheLoopWithExitCode1() {
        process.on("beforeExit", (Listener1<Integer>) c -> log.add("beforeExit"));
        process.on("exit", (Listener1<Integer>) c -> log.add("exit " + c + " " + process.exitCode()));
        int code = EventLoop.run(() -> {
            setTimeout(() -> {
                throw new IllegalStateException("boom");
            }, 1);
            setTimeout(log("never"), 1);
        });
        assertEquals(1, code);
        assertEquals(List.of("exit 1 1"), log);
    }

    @Test
    void uncaughtExceptionListenerKeepsTheLoopGoing() {
        // h.js: an immediate throws; the next immediate runs before the ticks left behind
        process.on("uncaughtExceptionMonitor", (Listener2<Throwable, String>) (e, origin) -> log.add("monitor"));
        process.on("uncaughtException", (Listener2<Throwable, String>) (e, origin) ->
                log.add("caught " + e.getMessage() + " " + origin));
        int code = EventLoop.run(() -> {
            setImmediate(() -> {
                process.nextTick(log("tick after throw"));
                throw new IllegalStateException("boom");
            });
            setImmediate(log("imm2"));
        });
        assertEquals(0, code);
        assertEquals(List.of("monitor", "caught boom uncaughtException", "imm2", "tick after throw"), log);
    }

    @Test
    void anExceptionInTheUncaughtExceptionListenerExitsWith7WithoutExit() {
        process.on("uncaughtException", (Listener1<Throwable>) e -> {
            throw new IllegalStateException("in handler");
        });
        process.on("exit", (Listener1<Integer>) c -> log.add("exit"));
        int code = EventLoop.run(() -> {
            throw new IllegalStateException("boom");
        });
        assertEquals(7, code);
        assertEquals(List.of(), log);
    }

    @Test
    void anExceptionInAnExitListenerExitsWith1() {
        process.on("exit", (Listener1<Integer>) c -> {
            throw new IllegalStateException("in exit");
        });
        assertEquals(1, EventLoop.run(() -> { }));
    }

    @Test
    void executePostsFromOtherThreadsRunInPostOrderOnTheLoopThread() {
        List<Thread> threads = Collections.synchronizedList(new ArrayList<>());
        List<String> expected = new ArrayList<>();
        EventLoop.run(() -> {
            EventLoop loop = EventLoop.current();
            Ref ref = loop.ref();
            Thread self = Thread.currentThread();
            new Thread(() -> {
                for (int i = 0; i < 100; i++) {
                    int n = i;
                    loop.execute(() -> {
                        log.add("p" + n);
                        threads.add(Thread.currentThread());
                        assertTrue(loop.inLoopThread());
                        if (n == 99) {
                            ref.close();
                        }
                    });
                }
            }).start();
            assertSame(self, Thread.currentThread());
        });
        for (int i = 0; i < 100; i++) {
            expected.add("p" + i);
        }
        assertEquals(expected, log);
        assertTrue(threads.stream().allMatch(t -> t == Thread.currentThread()));
    }

    @Test
    void defaultLoopStartsItsThreadForWorkAndEndsItWhenDone() throws Exception {
        assertNotSame(EventLoop.current());
        CompletableFuture<Thread> ran = new CompletableFuture<>();
        CountDownLatch order = new CountDownLatch(1);
        Timeout t = setTimeout(() -> {
            log.add("T");
            process.nextTick(() -> {
                log.add("tick");
                ran.complete(Thread.currentThread());
            });
        }, 1);
        assertNotNull(t);
        order.countDown();
        Thread loopThread = ran.get(10, TimeUnit.SECONDS);
        assertTrue(loopThread.isDaemon());
        loopThread.join(10_000);
        assertFalse(loopThread.isAlive());
        assertNull(EventLoop.defaultLoopThread());
        assertFalse(EventLoop.defaultLoopHoldsJvm());
        assertEquals(List.of("T", "tick"), log);
    }

    private static void assertNotSame(EventLoop loop) {
        assertFalse(loop.inLoopThread());
    }

    @Test
    void callbacksMustNotBeNull() {
        String msg = "The \"callback\" argument must be of type function. Received null";
        for (Runnable call : List.<Runnable>of(() -> setTimeout(null, 1), () -> setTimeout(null),
                () -> setInterval(null, 1), () -> setImmediate(null), () -> queueMicrotask(null),
                () -> process.nextTick(null))) {
            NodeError e = assertThrows(NodeError.class, call::run);
            assertEquals("ERR_INVALID_ARG_TYPE", e.code());
            assertEquals("TypeError", e.name());
            assertEquals(msg, e.getMessage());
        }
    }

    @Test
    void delaysOutOfRangeBecomeOneAndOverflowWarns() {
        List<Throwable> warnings = new ArrayList<>();
        Listener1<Throwable> onWarning = warnings::add;
        process.on("warning", onWarning);
        try {
            EventLoop.run(() -> {
                setTimeout(log("big"), 2147483648L);
                setTimeout(log("negative"), -5);
            });
        } finally {
            process.off("warning", onWarning);
        }
        assertEquals(List.of("big", "negative"), log);
        assertEquals(1, warnings.size());
        NodeError w = (NodeError) warnings.get(0);
        assertEquals("TimeoutOverflowWarning", w.name());
        assertEquals("2147483648 does not fit into a 32-bit signed integer.\nTimeout duration was set to 1.",
                w.getMessage());
    }

    @Test
    void loopEndsWhenTheFirstTimersPhaseRunsTheLastTimer() {
        // The main callback outlasts the timer's delay, so the first timers phase runs it and nothing is
        // left alive: the poll phase must not wait (libuv's backend timeout is 0 then).
        EventLoop.run(() -> {
            setTimeout(log("T"), 1);
            long until = System.nanoTime() + 3_000_000;
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
        });
        assertEquals(List.of("T"), log);
    }

    @Test
    void aThrowingExitListenerExitsWithTheExitCodeOrOne() {
        // node -e 'process.on("exit", () => { throw new Error("x") })' → 1; with process.exitCode = 4 → 4
        Listener1<Integer> thrower = code -> {
            throw new IllegalStateException("x");
        };
        PrintStream err = System.err;
        System.setErr(new PrintStream(new ByteArrayOutputStream()));
        process.on("exit", thrower);
        try {
            assertEquals(1, EventLoop.run(() -> { }));
            assertEquals(4, EventLoop.run(() -> process.exitCode(4)));
        } finally {
            process.off("exit", thrower);
            System.setErr(err);
        }
    }

    @Test
    void runDoesNotNest() {
        EventLoop.run(() -> assertThrows(IllegalStateException.class, () -> EventLoop.run(() -> { })));
    }

    @Test
    void beforeNextRunRunsOnTheNextLoopBeforeMainOnce() {
        List<String> t = new ArrayList<>();
        EventLoop.beforeNextRun(() -> {
            t.add("before " + EventLoop.current().inLoopThread());
            process.nextTick(() -> t.add("tick of before"));
        });
        EventLoop.run(() -> t.add("main"));
        EventLoop.run(() -> t.add("second main"));
        // one callback: the ticks wait for main, as a preloaded module's do in node
        assertEquals(List.of("before true", "main", "tick of before", "second main"), t);
        assertThrows(NodeError.class, () -> EventLoop.beforeNextRun(null));
    }
}
