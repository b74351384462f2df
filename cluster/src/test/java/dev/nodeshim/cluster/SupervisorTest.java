package dev.nodeshim.cluster;

import static dev.nodeshim.cluster.Cluster.cluster;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodeshim.events.Listener1;
import dev.nodeshim.loop.EventLoop;
import dev.nodeshim.loop.Timers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Supervision with real worker JVMs and an injected clock and scheduler (restarts run on the next
 * immediate, whatever their delay; the clock stands still, so every exit is unstable): a crashing
 * slot is restarted with growing delays until the crash-loop limit; workers the primary kills or
 * disconnects are not replaced.
 */
@ExtendWith(FreshCluster.class)
class SupervisorTest {

    /** The operator's view: pid, state, uptime from the primary; memory from the worker over IPC; CPU. */
    @Test
    void statusReportsMemoryFromTheWorker() {
        List<Supervisor.WorkerStatus> status = new ArrayList<>();
        long[] pid = {0};
        AtomicLong clock = new AtomicLong(5_000);
        EventLoop.run(() -> {
            cluster.setupPrimary(ClusterSettings.of().exec(ClusterWorkers.Exits.class));
            Supervisor sup = Supervisor.of(SupervisorOptions.defaults().clock(clock::get));
            Worker w = sup.fork(Map.of("MODE", "idle"));
            pid[0] = w.process().pid();
            // the cluster's 'online' (after the supervisor's own listener), not the worker's (before it)
            cluster.once("online", (Listener1<Worker>) x -> {
                clock.addAndGet(1234);
                sup.status().thenAccept(s -> {
                    status.addAll(s);
                    sup.close();
                    cluster.disconnect();
                });
            });
        });
        assertEquals(1, status.size());
        Supervisor.WorkerStatus s = status.get(0);
        assertEquals(new Supervisor.SlotStatus(0, 1, pid[0], "online", 0, 1234), s.slot());
        assertTrue(s.rss() > 16 << 20, "a JVM's RSS: " + s.rss());
        assertTrue(s.heapUsed() > 0 && s.heapUsed() <= s.heapTotal(), s.toString());
        assertTrue(s.cpuMs() != null && s.cpuMs() > 0, s.toString());
    }

    /**
     * PM2's max_memory_restart: a check (run by the test through the injected scheduler) finds the worker
     * over a limit of 1 byte, and its slot is reloaded: the replacement listens, the old one exits 0.
     */
    @Test
    void overTheMemoryLimitTheSlotIsReloaded() {
        List<String> t = new ArrayList<>();
        List<Runnable> pending = new ArrayList<>();
        EventLoop.run(() -> {
            cluster.setupPrimary(ClusterSettings.of().exec(ClusterWorkers.Http.class));
            Supervisor sup = Supervisor.of(SupervisorOptions.defaults().maxMemory(1)
                    .scheduler((task, delayMs) -> {
                        pending.add(task);
                        return () -> pending.remove(task);
                    }));
            cluster.on("exit", (Worker w, Integer c, String s) -> t.add("exit " + w.id() + " " + c + " " + s));
            sup.on("memory", (Worker w, Long rss) -> t.add("memory " + w.id() + " over: " + (rss > 1)));
            sup.on("reload", (Worker fresh, Worker old) -> {
                t.add("reload " + old.id() + " -> " + fresh.id());
                old.once("exit", () -> {
                    sup.close();
                    t.add("pending after close " + pending.size());
                    cluster.disconnect();
                });
            });
            cluster.once("listening", (Worker w, ListeningAddress a) -> {
                t.add("checks pending " + pending.size());
                pending.remove(0).run(); // the check PM2 runs every 30 s
            });
            sup.fork();
        });
        assertEquals(List.of("checks pending 1", "memory 1 over: true", "reload 1 -> 2", "pending after close 0",
                "exit 1 0 null", "exit 2 0 null"), t);
    }

    @Test
    void crashLoopThenKilledAndDisconnectedStayDown() {
        List<String> t = new ArrayList<>();
        List<Long> delays = new ArrayList<>();
        AtomicLong clock = new AtomicLong(1_000_000);
        List<Supervisor.SlotStatus> status = new ArrayList<>();
        EventLoop.run(() -> {
            cluster.setupPrimary(ClusterSettings.of().exec(ClusterWorkers.Exits.class));
            cluster.on("exit", (Worker w, Integer c, String s) -> t.add("exit " + w.id() + " " + c + " " + s));
            Supervisor sup = Supervisor.of(SupervisorOptions.defaults().maxRestarts(2).clock(clock::get)
                    .scheduler((task, delayMs) -> {
                        delays.add(delayMs);
                        var i = Timers.setImmediate(task);
                        return () -> Timers.clearImmediate(i);
                    }));
            sup.on("restart", (Worker fresh, Worker dead, Long delay) ->
                    t.add("restart " + dead.id() + " -> " + fresh.id() + " after " + delay));
            Runnable idleOnes = () -> {
                Worker k = sup.fork(Map.of("MODE", "idle"));
                k.once("online", () -> k.kill());
                k.once("exit", () -> {
                    Worker d = sup.fork(Map.of("MODE", "idle"));
                    d.once("online", d::disconnect);
                    // the worker's 'exit' precedes the cluster's, which the supervisor handles: look a tick later
                    d.once("exit", () -> dev.nodeshim.process.NodeProcess.process.nextTick(() -> {
                        status.addAll(sup.slots());
                        sup.close();
                    }));
                });
            };
            sup.on("errored", (Worker last, Integer restarts) -> {
                t.add("errored " + last.id() + " after " + restarts);
                idleOnes.run();
            });
            sup.fork(Map.of("MODE", "exit3"));
        });
        assertEquals(List.of("exit 1 3 null", "restart 1 -> 2 after 100", "exit 2 3 null", "restart 2 -> 3 after 150",
                "exit 3 3 null", "errored 3 after 2", "exit 4 null SIGTERM", "exit 5 0 null"), t);
        assertEquals(List.of(100L, 150L), delays);
        assertEquals(List.of("errored", "stopped", "stopped"), status.stream().map(Supervisor.SlotStatus::state).toList());
        assertEquals(List.of(3, 4, 5), status.stream().map(Supervisor.SlotStatus::workerId).toList());
        assertEquals(List.of(2, 0, 0), status.stream().map(Supervisor.SlotStatus::restarts).toList());
    }

    /**
     * PM2's wait_ready: the replacement's 'listening' is not enough; the slot changes hands only at its
     * "ready" message (sent here when the test says "go", after the replacement has listened).
     */
    @Test
    void waitReadyReloadsAtTheReadyMessage() {
        List<String> t = new ArrayList<>();
        Throwable[] failed = {null};
        EventLoop.run(() -> {
            cluster.setupPrimary(ClusterSettings.of().exec(ClusterWorkers.Ready.class));
            Supervisor sup = Supervisor.of(SupervisorOptions.defaults().waitReady(true));
            Worker first = sup.fork();
            sup.on("reload", (Worker fresh, Worker old) -> t.add("reload " + fresh.id() + " for " + old.id()));
            first.once("listening", (Listener1<ListeningAddress>) a -> {
                cluster.on("listening", (Worker w, ListeningAddress b) -> {
                    if (w != first) { // the cluster's own 'listening' for the first worker comes after its worker's
                        t.add("listening " + w.id());
                        w.send("go");
                    }
                });
                cluster.on("message", (Worker w, Object m) -> {
                    if (w != first) {
                        t.add("message " + w.id() + " " + m);
                    }
                });
                sup.reload().whenComplete((v, e) -> {
                    failed[0] = e;
                    t.add("reloaded, slot worker " + sup.slots().get(0).workerId());
                    sup.close();
                    cluster.disconnect();
                });
            });
        });
        assertEquals(null, failed[0]);
        assertEquals(List.of("listening 2", "message 2 ready", "reload 2 for 1", "reloaded, slot worker 2"), t);
    }

    /** A replacement that listens but never sends "ready" times out; the old worker keeps its slot. */
    @Test
    void waitReadyTimesOutWithoutTheMessage() {
        List<String> t = new ArrayList<>();
        EventLoop.run(() -> {
            cluster.setupPrimary(ClusterSettings.of().exec(ClusterWorkers.Ready.class));
            Supervisor sup = Supervisor.of(SupervisorOptions.defaults().waitReady(true));
            Worker first = sup.fork(Map.of("MODE", "never"));
            first.once("listening", (Listener1<ListeningAddress>) a -> {
                cluster.on("listening", (Worker w, ListeningAddress b) -> {
                    if (w != first) { // the cluster's own 'listening' for the first worker comes after its worker's
                        t.add("listening " + w.id());
                        w.send("go");
                    }
                });
                sup.reload(java.time.Duration.ofSeconds(3)).whenComplete((v, e) -> {
                    t.add(e.getClass().getSimpleName() + ": " + e.getMessage());
                    t.add("slot worker " + sup.slots().get(0).workerId() + ", first connected " + first.isConnected());
                    sup.close();
                    cluster.disconnect();
                });
            });
        });
        assertEquals(3, t.size(), t.toString());
        assertEquals("listening 2", t.get(0));
        assertTrue(t.get(1).startsWith("TimeoutException: replacement ") && t.get(1).endsWith(" did not send 'ready' within 3000 ms"),
                t.get(1));
        assertEquals("slot worker 1, first connected true", t.get(2));
    }
}
