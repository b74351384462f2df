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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A supervised 2-worker cluster under a steady load (one HttpClient making requests one after
 * another, each on a new connection, for the whole test). SCHED_RR: a worker killed with SIGKILL fails
 * at most the one request in flight and is replaced; a rolling reload fails none and leaves only new
 * workers. SCHED_NONE: a rolling reload fails none either.
 * Phases move on counts of answered requests, never on time.
 */
class UnderLoadTest {
    private static final int PER_PHASE = 30;

    @BeforeEach
    void fresh() {
        cluster.resetForTests();
    }

    @AfterEach
    void noWorkerLeft() throws InterruptedException {
        cluster.resetForTests();
        assertEquals(List.of(), ProcessHandle.current().children().map(ProcessHandle::pid).toList());
        // the shared ports' acceptor and relay threads end with their ports
        for (Thread th : Thread.getAllStackTraces().keySet()) {
            if (th.getName().startsWith("nodeshim-cluster-rr-") || th.getName().startsWith("nodeshim-cluster-relay-")) {
                th.join(10_000);
                org.junit.jupiter.api.Assertions.assertFalse(th.isAlive(), th.getName() + " still alive");
            }
        }
    }

    @Test
    void killNineThenReload() {
        // phase 0: warm-up, 1: after the kill until the replacement served, 2: reload until new workers served
        AtomicInteger phase = new AtomicInteger();
        java.util.concurrent.atomic.AtomicBoolean reloaded = new java.util.concurrent.atomic.AtomicBoolean();
        int[] failures = new int[3];
        Map<String, Integer> servedAfterReload = new TreeMap<>();
        List<String> t = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        AtomicReference<Throwable> unexpected = new AtomicReference<>();
        int code = EventLoop.run(() -> {
            EventLoop loop = EventLoop.current();
            cluster.setupPrimary(ClusterSettings.of().exec(ClusterWorkers.Http.class));
            Supervisor sup = Supervisor.of(SupervisorOptions.defaults());
            List<Worker> first = List.of(sup.fork(), sup.fork());
            int[] listening = {0};
            AtomicInteger okInPhase = new AtomicInteger();
            String[] replacementId = {null};
            Runnable[] onOk = {null};
            cluster.on("exit", (Worker w, Integer c, String s) -> t.add("exit " + w.id() + " " + c + " " + s));
            sup.on("restart", (Worker fresh, Worker dead, Long delay) -> {
                t.add("restart " + dead.id() + " -> " + fresh.id());
                replacementId[0] = Integer.toString(fresh.id());
            });
            sup.on("reload", (Worker fresh, Worker old) -> t.add("reload " + old.id() + " -> " + fresh.id()));
            cluster.on("listening", (Worker w, ListeningAddress a) -> {
                if (++listening[0] != 2) {
                    return;
                }
                String url = "http://127.0.0.1:" + a.port() + "/";
                Thread client = new Thread(() -> {
                    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                    HttpRequest req = HttpRequest.newBuilder(URI.create(url)).build();
                    while (phase.get() < 3) {
                        int p = phase.get();
                        boolean sentAfterReload = reloaded.get();
                        String body;
                        try {
                            body = http.send(req, HttpResponse.BodyHandlers.ofString()).body();
                        } catch (java.io.IOException e) {
                            failures[p]++;
                            synchronized (errors) {
                                errors.add(p + ": " + e);
                            }
                            continue;
                        } catch (InterruptedException e) {
                            unexpected.set(e);
                            return;
                        }
                        String served = body;
                        // The loop answers whether to go on: the test's own shutdown never meets a request.
                        java.util.concurrent.CompletableFuture<Boolean> goOn = new java.util.concurrent.CompletableFuture<>();
                        loop.execute(() -> {
                            if (sentAfterReload) {
                                // sent once the reload had completed, when the old workers had exited
                                servedAfterReload.merge(served, 1, Integer::sum);
                            }
                            if (phase.get() == 1 && served.equals(replacementId[0])) {
                                // the replacement serves: on to the reload
                                phase.set(2);
                                okInPhase.set(0);
                                sup.reload().whenComplete((v, e) -> {
                                    if (e != null) {
                                        unexpected.set(e);
                                    }
                                    t.add("reloaded");
                                    reloaded.set(true); // from now on only new workers may answer
                                    onOk[0] = () -> {
                                        if (okInPhase.incrementAndGet() == PER_PHASE) {
                                            phase.set(3);
                                            sup.close();
                                        }
                                    };
                                });
                            }
                            onOk[0].run();
                            goOn.complete(phase.get() < 3);
                        });
                        if (!goOn.join()) {
                            break;
                        }
                    }
                    loop.execute(() -> cluster.disconnect());
                }, "test-load");
                onOk[0] = () -> {
                    if (phase.get() == 0 && okInPhase.incrementAndGet() == PER_PHASE) {
                        phase.set(1);
                        okInPhase.set(0);
                        // a crash (not the primary's kill()), racing the client's next request
                        loop.execute(() -> first.get(0).process().kill("SIGKILL"));
                    }
                };
                client.start();
            });
        });
        assertEquals(0, code);
        if (unexpected.get() != null) {
            throw new AssertionError(unexpected.get());
        }
        assertEquals(0, failures[0], "before the kill");
        assertTrue(failures[1] <= 1, "only the request in flight on the killed worker may fail: " + failures[1]);
        assertEquals(0, failures[2], "reload: " + errors + " " + t);
        assertEquals(List.of("exit 1 null SIGKILL", "restart 1 -> 3", "reload 3 -> 4", "exit 3 0 null",
                "reload 2 -> 5", "exit 2 0 null", "reloaded", "exit 4 0 null", "exit 5 0 null"),
                sortLastExits(t));
        assertEquals(java.util.Set.of("4", "5"), servedAfterReload.keySet(), "only the new workers serve");
    }

    /**
     * SCHED_NONE: both workers hold a socket of their own on the shared port (SO_REUSEPORT) and the
     * kernel spreads connections over the sockets. {@code reload()} replaces both under the same steady
     * load of new connections; no request may fail, and afterwards only the new workers answer. The
     * drain is the worker's own: its server closes its listening socket first (from then on the kernel
     * sends new connections to the other sockets on the port), then lets the exchanges in flight finish
     * (the worker's HttpServer has a grace of 1 s: with none, {@code stop(0)} cut a response in flight
     * once in 20 runs), then the worker exits. Linux resets a connection that sits in the closing
     * socket's accept queue, handshaken but not yet accepted (cluster/README.md); none did in 46
     * worker stops under this load (23 runs), so the test keeps the strict 0.
     */
    @Test
    void reloadUnderSchedNone() {
        AtomicInteger phase = new AtomicInteger(); // 0: warm-up, 1: reloading, 2: after, 3: done
        int[] failures = new int[4];
        Map<String, Integer> servedAfter = new TreeMap<>();
        List<String> t = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        AtomicReference<Throwable> unexpected = new AtomicReference<>();
        int code = EventLoop.run(() -> {
            EventLoop loop = EventLoop.current();
            cluster.schedulingPolicy(Cluster.SCHED_NONE);
            cluster.setupPrimary(ClusterSettings.of().exec(ClusterWorkers.Http.class));
            Supervisor sup = Supervisor.of(SupervisorOptions.defaults());
            sup.fork();
            sup.fork();
            int[] listening = {0};
            int[] ok = {0};
            cluster.on("exit", (Worker w, Integer c, String s) -> t.add("exit " + w.id() + " " + c + " " + s));
            sup.on("reload", (Worker fresh, Worker old) -> t.add("reload " + old.id() + " -> " + fresh.id()));
            cluster.on("listening", (Worker w, ListeningAddress a) -> {
                if (++listening[0] != 2) {
                    return;
                }
                String url = "http://127.0.0.1:" + a.port() + "/";
                Thread client = new Thread(() -> {
                    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                    HttpRequest req = HttpRequest.newBuilder(URI.create(url)).build();
                    while (true) {
                        int p = phase.get();
                        String body;
                        try {
                            body = http.send(req, HttpResponse.BodyHandlers.ofString()).body();
                        } catch (java.io.IOException e) {
                            failures[p]++;
                            synchronized (errors) {
                                errors.add(p + ": " + e);
                            }
                            continue;
                        } catch (InterruptedException e) {
                            unexpected.set(e);
                            return;
                        }
                        String served = body;
                        java.util.concurrent.CompletableFuture<Boolean> goOn = new java.util.concurrent.CompletableFuture<>();
                        loop.execute(() -> {
                            if (phase.get() == 0 && ++ok[0] == PER_PHASE) {
                                phase.set(1);
                                sup.reload().whenComplete((v, e) -> {
                                    if (e != null) {
                                        unexpected.set(e);
                                    }
                                    t.add("reloaded");
                                    ok[0] = 0;
                                    phase.set(2);
                                });
                            } else if (phase.get() == 2 && p == 2) {
                                // sent after the reload completed, when both old workers had exited
                                servedAfter.merge(served, 1, Integer::sum);
                                if (++ok[0] == PER_PHASE) {
                                    phase.set(3);
                                    sup.close();
                                }
                            }
                            goOn.complete(phase.get() < 3);
                        });
                        if (!goOn.join()) {
                            break;
                        }
                    }
                    loop.execute(() -> cluster.disconnect());
                }, "test-load");
                client.start();
            });
        });
        assertEquals(0, code);
        if (unexpected.get() != null) {
            throw new AssertionError(unexpected.get());
        }
        assertEquals(0, failures[0], "before the reload: " + errors);
        assertEquals(0, failures[1], "during the reload: " + errors + " " + t);
        assertEquals(List.of("reload 1 -> 3", "exit 1 0 null", "reload 2 -> 4", "exit 2 0 null", "reloaded",
                "exit 3 0 null", "exit 4 0 null"), sortLastExits(t));
        assertEquals(java.util.Set.of("3", "4"), servedAfter.keySet(), "only the new workers serve");
    }

    /** The two exits after cluster.disconnect() come in either order. */
    private static List<String> sortLastExits(List<String> t) {
        List<String> out = new ArrayList<>(t.subList(0, t.size() - 2));
        out.addAll(t.subList(t.size() - 2, t.size()).stream().sorted().toList());
        return out;
    }
}
