package dev.nodeshim.cluster;

import static dev.nodeshim.cluster.Cluster.cluster;
import static dev.nodeshim.cluster.NodeOut.js;
import static dev.nodeshim.cluster.NodeOut.json;
import static dev.nodeshim.process.NodeProcess.process;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nodeshim.childprocess.ChildProcess;
import dev.nodeshim.errors.NodeError;
import dev.nodeshim.events.Listener1;
import dev.nodeshim.loop.EventLoop;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The primary's events and worker state with real worker JVMs, against what node 20 printed for the
 * same scenarios (src/test/resources/node/cluster-*.js and .out; only the primary's side is traced).
 */
@ExtendWith(FreshCluster.class)
class LifecycleTest {

    private static String ids() {
        StringBuilder b = new StringBuilder();
        for (Integer id : cluster.workers().keySet()) {
            b.append(b.length() == 0 ? "" : ",").append(id);
        }
        return b.toString();
    }

    /** cluster-lifecycle.js: fork, online, listening, a message each way, then the primary disconnects it. */
    @Test
    void oneWorkerFromForkToExit() {
        List<String> t = new ArrayList<>();
        // node's script needs no setupPrimary (exec is the script); ours runs first, in a loop of its own,
        // so that only fork's own 'setup' (node 20 emits one per fork) is traced, as in node
        EventLoop.run(() -> cluster.setupPrimary(ClusterSettings.of().exec(ClusterWorkers.Lifecycle.class)));
        int code = EventLoop.run(() -> {
            for (String ev : List.of("fork", "online", "disconnect")) {
                cluster.on(ev, (Listener1<Worker>) w -> t.add("cluster " + ev + " " + w.id()));
            }
            cluster.on("listening", (Worker w, ListeningAddress a) ->
                    t.add("cluster listening " + w.id() + " " + (a.port() > 0 ? "number" : "?") + " " + a.addressType()));
            cluster.on("message", (Worker w, Object m) -> t.add("cluster message " + w.id() + " " + json(m)));
            cluster.on("exit", (Worker w, Integer c, String s) -> t.add("cluster exit " + w.id() + " " + c + " " + s));
            cluster.on("setup", (Listener1<ClusterSettings>) s -> t.add("cluster setup " + json(s.toMap().keySet())));
            t.add("isPrimary " + cluster.isPrimary() + " isMaster " + cluster.isMaster() + " isWorker " + cluster.isWorker());
            Worker w = cluster.fork();
            t.add("forked id " + w.id() + " workers " + ids() + " connected " + w.isConnected() + " dead " + w.isDead()
                    + " ead " + js(w.exitedAfterDisconnect()));
            w.on("online", () -> t.add("worker online"));
            w.on("listening", (Listener1<ListeningAddress> ) a -> {
                t.add("worker listening " + a.address() + " " + a.addressType());
                w.send(Map.of("hello", "worker"));
            });
            w.on("message", (Listener1<Object>) m -> {
                t.add("worker message " + json(m));
                w.disconnect();
                t.add("after disconnect connected " + w.isConnected() + " dead " + w.isDead() + " ead "
                        + js(w.exitedAfterDisconnect()));
                process.nextTick(() -> t.add("tick"));
            });
            ChildProcess p = w.process();
            p.on("message", (Listener1<Object>) m -> t.add("process message " + json(m)));
            w.on("disconnect", () -> t.add("worker disconnect connected " + w.isConnected() + " dead " + w.isDead()
                    + " workers " + ids()));
            w.on("exit", (Integer c, String s) -> t.add("worker exit " + c + " " + s + " dead " + w.isDead() + " ead "
                    + js(w.exitedAfterDisconnect()) + " workers " + ids()));
            p.on("exit", (Integer c, String s) -> t.add("process exit " + c + " " + s));
            p.on("close", (Integer c, String s) -> t.add("process close " + c + " " + s));
        });
        assertEquals(0, code);
        // node: fork's setup has exactly these keys
        assertEquals(NodeOut.lines("cluster-lifecycle.out"), t);
    }

    /**
     * cluster-exits.js: a worker that disconnects itself and lives on, one killed by the primary, one
     * that exits with 3, then cluster.disconnect(callback) with two workers. Which of the last two
     * disconnects first is up to the processes, in node as here: each worker's own lines are compared in order.
     */
    @Test
    void howWorkersEnd() {
        List<String> t = new ArrayList<>();
        EventLoop.run(() -> {
            cluster.setupPrimary(ClusterSettings.of().exec(ClusterWorkers.Exits.class));
            cluster.on("disconnect", (Listener1<Worker>) w -> t.add("cluster disconnect " + w.id() + " [" + ids() + "]"));
            cluster.on("exit", (Worker w, Integer c, String s) -> t.add("cluster exit " + w.id() + " " + c + " " + s
                    + " ead " + js(w.exitedAfterDisconnect()) + " [" + ids() + "]"));
            List<Runnable> steps = new ArrayList<>();
            Listener1<Worker> trace = w -> {
                w.on("disconnect", () -> t.add("worker " + w.id() + " disconnect connected " + w.isConnected() + " dead "
                        + w.isDead() + " ead " + js(w.exitedAfterDisconnect()) + " [" + ids() + "]"));
                w.on("exit", (Integer c, String s) -> t.add("worker " + w.id() + " exit " + c + " " + s + " [" + ids() + "]"));
                w.on("error", (Listener1<Throwable>) e -> t.add("worker " + w.id() + " error " + e));
            };
            steps.add(() -> trace.call(cluster.fork(Map.of("MODE", "self-disconnect"))));
            steps.add(() -> {
                Worker w = cluster.fork(Map.of("MODE", "idle"));
                trace.call(w);
                w.once("online", () -> {
                    w.kill();
                    t.add("kill undefined connected " + w.isConnected() + " ead " + js(w.exitedAfterDisconnect()));
                });
            });
            steps.add(() -> trace.call(cluster.fork(Map.of("MODE", "exit3"))));
            steps.add(() -> {
                trace.call(cluster.fork(Map.of("MODE", "idle")));
                trace.call(cluster.fork(Map.of("MODE", "idle")));
                int[] n = {0};
                cluster.on("online", (Listener1<Worker>) w -> {
                    if (++n[0] == 2) {
                        cluster.disconnect(() -> t.add("disconnect callback [" + ids() + "]"));
                        t.add("disconnect called");
                    }
                });
            });
            cluster.on("exit", (Worker w, Integer c, String s) -> {
                if (cluster.workers().isEmpty() && !steps.isEmpty()) {
                    steps.remove(0).run();
                }
            });
            steps.remove(0).run();
        });
        List<String> node = NodeOut.lines("cluster-exits.out");
        assertEquals(node.subList(0, 13), t.subList(0, 13), "the first three workers, one after the other");
        List<String> restNode = node.subList(13, node.size());
        List<String> rest = t.subList(13, t.size());
        for (String id : List.of("4", "5")) {
            assertEquals(ofWorker(restNode, id), ofWorker(rest, id), "worker " + id);
        }
        // The callback comes right after the last cluster 'disconnect' (in node's run: before both exits;
        // whether the first worker exits before the second disconnects is up to the processes).
        int callback = rest.indexOf("disconnect callback []");
        int lastDisconnect = 0;
        for (int i = 0; i < rest.size(); i++) {
            lastDisconnect = rest.get(i).startsWith("cluster disconnect") ? i : lastDisconnect;
        }
        assertEquals(lastDisconnect + 1, callback, rest.toString());
        assertEquals(restNode.size(), rest.size());
        assertEquals("disconnect called", rest.get(0));
    }

    private static List<String> ofWorker(List<String> lines, String id) {
        return lines.stream().filter(l -> l.matches("(worker|cluster \\w+) " + id + " .*")).toList();
    }

    /** cluster-setup.js: settings, defaults and the 'setup' event, without a worker. */
    @Test
    void setupPrimaryMergesAndEmitsOnTheNextTick() {
        List<String> t = new ArrayList<>();
        EventLoop.run(() -> {
            cluster.on("setup", (Listener1<ClusterSettings>) s -> t.add("setup " + json(s.toMap()) + " " + (s == cluster.settings())));
            t.add("before " + json(cluster.settings().toMap()) + " " + (cluster.schedulingPolicy() == Cluster.SCHED_RR) + " "
                    + Cluster.SCHED_NONE + " " + Cluster.SCHED_RR);
            cluster.setupPrimary(ClusterSettings.of().exec("worker.js").args(List.of("--use", "https")).silent(true));
            t.add("after 1 " + json(cluster.settings().toMap()));
            cluster.setupPrimary(ClusterSettings.of().args(List.of("--use", "http")).cwd("/tmp"));
            t.add("after 2 " + json(cluster.settings().toMap()));
            cluster.setupPrimary();
            t.add("after 3 " + json(cluster.settings().toMap()));
            process.nextTick(() -> t.add("tick"));
        });
        assertEquals(NodeOut.lines("cluster-setup.out"), t);
    }

    /** cluster-setup-per-fork.js: each fork emits its own 'setup', also one that throws. */
    @Test
    void everyForkRunsSetup() {
        List<String> t = new ArrayList<>();
        EventLoop.run(() -> {
            cluster.on("setup", (Listener1<ClusterSettings>) s -> t.add("setup " + s.uid() + " " + (s == cluster.settings())));
            cluster.on("fork", (Listener1<Worker>) w -> t.add("fork " + w.id()));
            cluster.setupPrimary(ClusterSettings.of().exec("w.js").uid(-1));
            t.add("explicit");
            for (int i = 1; i <= 2; i++) {
                try {
                    cluster.fork();
                } catch (NodeError e) {
                    t.add("fork " + i + " " + e.code());
                }
            }
            process.nextTick(() -> t.add("tick"));
        });
        assertEquals(NodeOut.lines("cluster-setup-per-fork.out"), t);
    }

    /** A worker-only API in the primary, a bad policy, a bad port. */
    @Test
    void primaryHasNoWorkerAndPoliciesAreChecked() {
        assertEquals(null, cluster.worker());
        assertEquals(Map.of(), cluster.workers());
        assertThrows(IllegalArgumentException.class, () -> cluster.schedulingPolicy(3));
        // node 20: net.createServer().listen(70000)
        NodeError e = assertThrows(NodeError.class, () -> cluster.listen(ClusterServer.of(ClusterWorkers.http()), 70000));
        assertEquals("RangeError [ERR_SOCKET_BAD_PORT]: options.port should be >= 0 and < 65536. Received type number "
                + "(70000).", e.toString());
    }
}
