package dev.nodeshim.cluster;

import static dev.nodeshim.cluster.Cluster.cluster;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodeshim.events.Listener1;
import dev.nodeshim.loop.EventLoop;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two workers serving HTTP with the JDK's HttpServer on one port, under each scheduling policy; a
 * Java HttpClient makes {@value #REQUESTS} requests one after another, each on a new connection (the
 * workers answer {@code Connection: close}), and every answer names the worker that served it.
 */
class SharedPortTest {
    private static final int REQUESTS = 40;

    @BeforeEach
    void fresh() {
        cluster.resetForTests();
    }

    @AfterEach
    void noWorkerLeft() throws Exception {
        assertNothingLeft();
    }

    /**
     * After a cluster test: no worker process and no thread of a shared port (acceptor, relay,
     * descriptor handoff: they end with their ports) is left.
     */
    static void assertNothingLeft() throws Exception {
        cluster.resetForTests();
        assertEquals(List.of(), ProcessHandle.current().children().map(ProcessHandle::pid).toList());
        for (Thread th : Thread.getAllStackTraces().keySet()) {
            if (th.getName().startsWith("nodeshim-cluster-rr-") || th.getName().startsWith("nodeshim-cluster-relay-")) {
                th.join(10_000);
                org.junit.jupiter.api.Assertions.assertFalse(th.isAlive(), th.getName() + " still alive");
            }
        }
    }

    /** Served-by counts per worker id, and the ports the workers said they listen on. */
    record Run(Map<String, Integer> servedBy, List<Integer> ports) {}

    private static Run run(int policy) {
        return run(policy, 1);
    }

    private static Run run(int policy, int firstWeight) {
        return run(policy, firstWeight, ClusterWorkers.Http.class);
    }

    /** Forks two workers running {@code exec} (a server answering its worker's id), loads them, ends them. */
    static Run run(int policy, int firstWeight, Class<?> exec) {
        return run(policy, firstWeight, exec, null);
    }

    /**
     * As {@link #run(int, int, Class)}, but the second worker runs {@code secondExec} and is forked only
     * once the first listens (so the first is the port's first worker), when {@code secondExec} is given.
     */
    static Run run(int policy, int firstWeight, Class<?> exec, Class<?> secondExec) {
        Map<String, Integer> servedBy = new TreeMap<>();
        List<Integer> ports = new ArrayList<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        int code = EventLoop.run(() -> {
            cluster.schedulingPolicy(policy);
            cluster.setupPrimary(ClusterSettings.of().exec(exec));
            cluster.fork().weight(firstWeight);
            if (secondExec == null) {
                cluster.fork();
            }
            EventLoop loop = EventLoop.current();
            cluster.on("listening", (Worker w, ListeningAddress a) -> {
                ports.add(a.port());
                if (ports.size() < 2) {
                    if (secondExec != null) {
                        cluster.setupPrimary(ClusterSettings.of().exec(secondExec));
                        cluster.fork();
                    }
                    return;
                }
                // Both listen: load from a plain thread (the client blocks), then disconnect on the loop.
                Thread client = new Thread(() -> {
                    try {
                        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                        HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + a.port() + "/")).build();
                        for (int i = 0; i < REQUESTS; i++) {
                            String body = http.send(req, HttpResponse.BodyHandlers.ofString()).body();
                            synchronized (servedBy) {
                                servedBy.merge(body, 1, Integer::sum);
                            }
                        }
                    } catch (Throwable e) {
                        failure.set(e);
                    } finally {
                        loop.execute(() -> cluster.disconnect());
                    }
                }, "test-http-client");
                client.start();
            });
            cluster.on("exit", (Worker w, Integer c, String s) -> {
                if (c == null || c != 0) {
                    failure.compareAndSet(null, new AssertionError(w + " exited with " + c + " " + s));
                }
            });
        });
        assertEquals(0, code);
        if (failure.get() != null) {
            throw new AssertionError(failure.get());
        }
        synchronized (servedBy) {
            return new Run(Map.copyOf(servedBy), ports);
        }
    }

    /**
     * SCHED_NONE: both workers bind the port themselves (SO_REUSEPORT) — the same port, chosen by the
     * first since they asked for 0 — and the kernel spreads connections by a hash of each connection's
     * addresses. Its spread is not ours to assert; that both served is (all 40 connections hashing
     * to one of two sockets has odds 2 in 2^40).
     */
    @Test
    void schedNoneServesFromBothWorkers() {
        Run r = run(Cluster.SCHED_NONE);
        assertEquals(2, r.ports().size());
        assertEquals(r.ports().get(0), r.ports().get(1), "one shared port");
        assertEquals(REQUESTS, r.servedBy().values().stream().mapToInt(Integer::intValue).sum());
        assertEquals(2, r.servedBy().size(), "both workers served: " + r.servedBy());
    }

    /**
     * SCHED_RR: the primary accepts and hands connections out in turn. Both workers listen before the
     * first request and the requests are sequential, so strict round robin gives each worker exactly
     * half: the tolerance is 0 (one for an odd count). A worker skipped because its port refused (it
     * was going away) would show here.
     */
    @Test
    void schedRrSpreadsConnectionsEvenly() {
        Run r = run(Cluster.SCHED_RR);
        assertEquals(2, r.ports().size());
        assertEquals(r.ports().get(0), r.ports().get(1), "one public port");
        assertEquals(Map.of("1", REQUESTS / 2, "2", REQUESTS / 2), r.servedBy());
    }

    /**
     * cluster-eaddrinuse.js: a worker's listen on a port another socket holds fails as node 20's does,
     * under both policies (under SCHED_RR the primary's bind fails, under SCHED_NONE the worker's).
     */
    @Test
    void portInUseIsNodesBindError() throws Exception {
        try (java.net.ServerSocket blocker = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            int port = blocker.getLocalPort();
            List<String> reports = new ArrayList<>();
            for (int policy : List.of(Cluster.SCHED_RR, Cluster.SCHED_NONE)) {
                cluster.resetForTests();
                EventLoop.run(() -> {
                    cluster.schedulingPolicy(policy);
                    cluster.setupPrimary(ClusterSettings.of().exec(ClusterWorkers.Http.class));
                    Worker w = cluster.fork(Map.of("PORT", Integer.toString(port)));
                    w.on("message", (Listener1<Object>) m -> {
                        reports.add(NodeOut.json(m).replace(Integer.toString(port), "PORT"));
                        w.kill();
                    });
                });
            }
            assertEquals(NodeOut.lines("cluster-eaddrinuse.out"), reports);
        }
    }

    /**
     * SCHED_RR with weights 3 and 1 (nginx's smooth weighted round robin): every 4 sequential connections
     * go 3 to the first worker and 1 to the second, so 40 split exactly 30/10.
     */
    @Test
    void schedRrFollowsWeights() {
        Run r = run(Cluster.SCHED_RR, 3);
        assertEquals(Map.of("1", REQUESTS * 3 / 4, "2", REQUESTS / 4), r.servedBy());
    }

    /**
     * SCHED_NONE, port 0: whichever of two workers asks first chooses the port for both, the other
     * waits; here one of them dies while binding. Whichever asked first, the other still gets to listen
     * (when the dying one chose, the waiting one is promoted to choose; which order happens is up to
     * the processes, so this covers that path only on some runs).
     */
    @Test
    void schedNoneSurvivesTheChoosingWorkerDying() {
        List<String> t = new ArrayList<>();
        EventLoop.run(() -> {
            cluster.schedulingPolicy(Cluster.SCHED_NONE);
            cluster.setupPrimary(ClusterSettings.of().exec(ClusterWorkers.DiesInBind.class));
            Worker dying = cluster.fork();
            cluster.setupPrimary(ClusterSettings.of().exec(ClusterWorkers.Http.class));
            Worker good = cluster.fork();
            cluster.on("listening", (Worker w, ListeningAddress a) -> {
                t.add("listening " + (w == good) + " " + (a.port() > 0));
                good.disconnect();
            });
            dying.on("exit", (Integer c, String s) -> t.add("dying exit " + c));
        });
        assertEquals(List.of("dying exit 1", "listening true true"), t.stream().sorted().toList());
    }

    /** Sanity of the helper outside a cluster: listen binds directly in a primary. */
    @Test
    void listenInThePrimaryBindsDirectly() throws Exception {
        com.sun.net.httpserver.HttpServer s = ClusterWorkers.http();
        try {
            java.net.InetSocketAddress a = cluster.listen(ClusterServer.of(s, java.time.Duration.ZERO), 0, "127.0.0.1").get();
            assertTrue(a.getPort() > 0);
            assertEquals(a, s.getAddress());
        } finally {
            s.stop(0);
        }
    }
}
