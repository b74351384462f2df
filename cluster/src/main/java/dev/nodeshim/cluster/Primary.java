package dev.nodeshim.cluster;

import static dev.nodeshim.process.NodeProcess.process;

import dev.nodeshim.childprocess.ChildProcess;
import dev.nodeshim.childprocess.ChildProcesses;
import dev.nodeshim.childprocess.ForkOptions;
import dev.nodeshim.events.Listener1;
import dev.nodeshim.loop.EventLoop;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The primary's side of the cluster: settings, the workers it forked, and the shared ports. Loop
 * thread only.
 *
 * <h2>Node's order, as node 20 shows it (src/test/resources/node/cluster-*.js and .out)</h2>
 * {@code fork()} returns the worker at once; {@code 'setup'} (from the implicit first setupPrimary) and
 * then {@code 'fork'} follow on the next ticks. For each worker event, the worker's event comes first,
 * then the cluster's ({@code 'message'}: the cluster's first). A worker leaves {@code workers()} when
 * it has disconnected and exited, or at once when the primary calls its {@code disconnect()}.
 */
final class Primary {
    /** Tells a worker which policy its listen() follows. */
    static final String ENV_SCHED = "NODESHIM_CLUSTER_SCHED";
    /** The worker's id; its presence is what makes a process a worker (Node's variable). */
    static final String ENV_ID = "NODE_UNIQUE_ID";

    private final Cluster cluster;
    private ClusterSettings settings = ClusterSettings.of();
    private boolean setUp;
    private int policy;
    private boolean policyFrozen;
    private int nextId = 1;
    /** The base of the workers' default debugger ports, read when first needed; and how many took one. */
    private Integer debugPort;
    private int debugPortsTaken;
    private final Map<Integer, Worker> workers = new LinkedHashMap<>();
    /** SCHED_RR: one handle per requested address. */
    private final Map<String, RoundRobinHandle<?>> handles = new HashMap<>();
    /** SCHED_NONE with a shared listening socket: one per requested address, and the workers holding it. */
    private final Map<String, RoundRobinHandle.Handoff<?>> listeners = new HashMap<>();
    private final Map<String, java.util.Set<Integer>> sharing = new HashMap<>();
    /** SCHED_NONE: the port every worker binds for a requested address (port 0 is chosen by the first). */
    private final Map<String, Integer> sharedPorts = new HashMap<>();
    private final Map<String, List<PortWaiter>> waitingForPort = new HashMap<>();
    /** SCHED_NONE: the worker binding port 0 of an address for all, while the others wait. */
    private final Map<String, Worker> choosingPort = new HashMap<>();

    private record PortWaiter(Worker worker, Map<String, Object> reply) {}
    /** SCHED_RR: the handles each worker was added to, for draining its connections. */
    private final Map<Integer, List<RoundRobinHandle<?>>> joined = new HashMap<>();
    /** How long a disconnecting worker's forwarded connections may take to end before it closes anyway. */
    static final long DRAIN_TIMEOUT_MS = 10_000;

    Primary(Cluster cluster, int policy) {
        this.cluster = cluster;
        this.policy = policy;
    }

    int policy() {
        return policy;
    }

    void policy(int value) {
        if (!policyFrozen) {
            policy = value;
        }
    }

    ClusterSettings settings() {
        return settings;
    }

    void setup(ClusterSettings given) {
        policyFrozen = true;
        ClusterSettings base = setUp ? settings : defaults();
        setUp = true;
        ClusterSettings now = given.over(base);
        settings = now;
        process.nextTick(() -> cluster.emit("setup", now));
    }

    private static ClusterSettings defaults() {
        List<String> argv = process.argv();
        ClusterSettings d = ClusterSettings.of()
                .args(argv.size() > 2 ? argv.subList(2, argv.size()) : List.of())
                .execArgv(List.of()).silent(false);
        return argv.size() > 1 && argv.get(1) != null ? d.exec(argv.get(1)) : d;
    }

    Map<Integer, Worker> workers() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(workers));
    }

    Worker fork(Map<String, String> env) {
        // node 20: every fork runs setupPrimary() — a 'setup' event per fork, even after an explicit one
        setup(ClusterSettings.of());
        policyFrozen = true;
        int id = nextId++;
        Map<String, String> childEnv = new LinkedHashMap<>(process.env());
        if (env != null) {
            childEnv.putAll(env);
        }
        childEnv.put(ENV_ID, Integer.toString(id));
        childEnv.put(ENV_SCHED, policy == Cluster.SCHED_NONE ? "none" : "rr");
        List<String> execArgv = debugPortOf(settings.execArgv());
        if (policy == Cluster.SCHED_NONE) {
            execArgv.addAll(ReusePortSelectorProvider.JVM_OPTIONS);
        }
        ForkOptions o = ForkOptions.defaults().env(childEnv).execArgv(execArgv)
                .silent(Boolean.TRUE.equals(settings.silent()));
        if (settings.cwd() != null) {
            o = o.cwd(settings.cwd());
        }
        // node 20 checks stdio first, then serialization, then the ids (EINVAL/EPERM when the child starts)
        if (settings.stdio() instanceof String mode) {
            o = o.stdio(mode);
        } else if (settings.stdio() instanceof List<?> entries) {
            o = o.stdio(entries);
        } // a number: node 20's fork ignores it, silent decides (cluster-setup-stdio.js)
        if (settings.serialization() != null) {
            o = o.serialization(settings.serialization());
        }
        if (settings.gid() != null) {
            o = o.gid(settings.gid());
        }
        if (settings.uid() != null) {
            o = o.uid(settings.uid());
        }
        ChildProcess child = ChildProcesses.fork(settings.exec(), settings.args(), o);
        Worker w = new Worker(id, child, this);
        workers.put(id, w);
        Long pid = child.pid();
        if (pid != null) {
            livePids.add(pid);
        }
        child.on("internalMessage", (Listener1<Object>) m -> internal(w, m));
        child.on("message", (Listener1<Object>) m -> {
            cluster.emit("message", w, m);
            w.emit("message", m);
        });
        child.on("error", (Listener1<Throwable>) e -> w.emit("error", e));
        child.on("disconnect", () -> disconnected(w));
        child.on("exit", (Integer code, String signal) -> exited(w, code, signal));
        process.nextTick(() -> cluster.emit("fork", w));
        return w;
    }

    /**
     * {@code inspectPort}: a worker that starts a JDWP server gets a port of its own ({@link JdwpPorts});
     * node 20 does this before anything else of fork can fail.
     */
    private List<String> debugPortOf(List<String> execArgv) {
        if (!JdwpPorts.debugs(execArgv)) {
            return new ArrayList<>(execArgv);
        }
        Integer port = JdwpPorts.given(settings.inspectPort());
        if (port == null) {
            if (debugPort == null) {
                debugPort = JdwpPorts.primaryDebugPort();
            }
            port = JdwpPorts.nth(debugPort, ++debugPortsTaken);
        }
        return JdwpPorts.withPort(execArgv, port);
    }

    /** Tests: the primary's debug port, as a Node script sets {@code process.debugPort}. */
    void debugPort(int port) {
        debugPort = port;
    }

    /** Tests: Node's {@code setupPrimary({inspectPort: undefined})}, which Java's null cannot say. */
    void clearInspectPort() {
        settings = settings.withoutInspectPort();
    }

    private void disconnected(Worker w) {
        if (w.exitedAfterDisconnect() == null) {
            w.exitedAfterDisconnect(false);
        }
        stopRouting(w);
        failMemoryQueries(w);
        choosingWorkerGone(w);
        if (w.disconnectRequested() || w.isDead()) {
            workers.remove(w.id());
        }
        w.emit("disconnect");
        cluster.emit("disconnect", w);
        settleDisconnectWaits(w);
    }

    private void exited(Worker w, Integer code, String signal) {
        w.markExited();
        if (w.process().pid() != null) {
            livePids.remove(w.process().pid());
            long pid = w.process().pid();
            handles.values().forEach(h -> h.handoff().forget(pid));
            listeners.values().forEach(l -> l.forget(pid));
        }
        stopRouting(w);
        joined.remove(w.id());
        workers.remove(w.id());
        w.emit("exit", code, signal);
        cluster.emit("exit", w, code, signal);
    }

    // ------------------------------------------------------------------------------------------------
    // Graceful shutdown (SIGTERM, SIGINT, System.exit)

    /** Pids of the live worker processes, for the shutdown hook's thread. */
    private final java.util.Set<Long> livePids = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile boolean shuttingDown;
    private Thread shutdownHook;

    boolean shuttingDown() {
        return shuttingDown;
    }

    /**
     * A JVM shutdown hook: on SIGTERM, SIGINT, SIGHUP or System.exit, the loop disconnects every worker
     * (they drain and close their servers) and the hook waits until they have exited, at most
     * {@code graceMs}; workers still alive then are killed, so none outlives the primary.
     */
    void shutdownOnExit(long graceMs) {
        if (shutdownHook != null) {
            return;
        }
        EventLoop loop = EventLoop.current();
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        shutdownHook = new Thread(() -> {
            if (livePids.isEmpty()) {
                return;
            }
            loop.execute(() -> {
                shuttingDown = true;
                // Live processes, not workers(): disconnect() takes a worker out of workers() at once.
                cluster.on("exit", (Worker w, Integer c, String s) -> {
                    if (livePids.isEmpty()) {
                        done.countDown();
                    }
                });
                if (livePids.isEmpty()) {
                    done.countDown();
                } else {
                    disconnectAll(null);
                }
            });
            try {
                done.await(graceMs, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            for (long pid : livePids) {
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            }
        }, "nodeshim-cluster-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    void weight(Worker w, int weight) {
        for (RoundRobinHandle<?> h : joined.getOrDefault(w.id(), List.of())) {
            h.weight(w.id(), weight);
        }
    }

    private final Map<Integer, java.util.concurrent.CompletableFuture<Map<String, Long>>> memoryQueries = new HashMap<>();
    private final Map<Integer, List<Integer>> memoryQueriesOf = new HashMap<>();
    private int memorySeq;

    /**
     * The worker's {@code process.memoryUsage()} ({@code rss}, {@code heapTotal}, {@code heapUsed}),
     * asked over the channel; completes on the loop, with an empty map when the worker cannot answer
     * (not connected, or it disconnects first).
     */
    java.util.concurrent.CompletableFuture<Map<String, Long>> memoryUsage(Worker w) {
        java.util.concurrent.CompletableFuture<Map<String, Long>> f = new java.util.concurrent.CompletableFuture<>();
        if (!w.isConnected()) {
            f.complete(Map.of());
            return f;
        }
        int seq = ++memorySeq;
        memoryQueries.put(seq, f);
        memoryQueriesOf.computeIfAbsent(w.id(), k -> new ArrayList<>()).add(seq);
        Map<String, Object> q = Protocol.message("status");
        q.put("seq", seq);
        w.send(q);
        return f;
    }

    private void failMemoryQueries(Worker w) {
        for (int seq : memoryQueriesOf.getOrDefault(w.id(), List.of())) {
            java.util.concurrent.CompletableFuture<Map<String, Long>> f = memoryQueries.remove(seq);
            if (f != null) {
                f.complete(Map.of());
            }
        }
        memoryQueriesOf.remove(w.id());
    }

    void forget(Worker w) {
        workers.remove(w.id());
    }

    /** Closes every handle (and shared listening socket) the worker was the last one of. */
    void stopRouting(Worker w) {
        sharing.entrySet().removeIf(e -> {
            if (e.getValue().remove(w.id()) && e.getValue().isEmpty()) {
                listeners.remove(e.getKey()).close(); // the workers' own copies stay theirs
                return true;
            }
            return false;
        });
        handles.values().removeIf(h -> {
            if (h.has(w.id()) && h.remove(w.id())) {
                h.close();
                return true;
            }
            return false;
        });
    }

    // ------------------------------------------------------------------------------------------------
    // Internal messages from a worker

    private void internal(Worker w, Object m) {
        String act = Protocol.act(m);
        if (act == null) {
            return; // another NODE_ command: not ours
        }
        switch (act) {
            case "online" -> {
                w.emit("online");
                cluster.emit("online", w);
            }
            case "exitedAfterDisconnect" -> {
                w.exitedAfterDisconnect(true);
                stopRouting(w);
                drainThenReply(w);
            }
            case "queryServer" -> queryServer(w, m);
            case "statusReply" -> {
                java.util.concurrent.CompletableFuture<Map<String, Long>> f = memoryQueries.remove(Protocol.intOf(m, "seq"));
                if (f != null) {
                    Map<String, Long> mem = new LinkedHashMap<>();
                    for (String k : List.of("rss", "heapTotal", "heapUsed")) {
                        mem.put(k, ((Number) ((Map<?, ?>) m).get(k)).longValue());
                    }
                    f.complete(mem);
                }
            }
            case "listening" -> {
                String udp = Protocol.stringOf(m, "udp");
                String key = key(udp, Protocol.stringOf(m, "address"), Protocol.intOf(m, "requested"));
                int port = Protocol.intOf(m, "port");
                List<PortWaiter> waiting = waitingForPort.remove(key);
                choosingPort.remove(key);
                if (waiting != null) {
                    sharedPorts.put(key, port);
                    for (PortWaiter pw : waiting) {
                        pw.reply().put("port", port);
                        pw.worker().send(pw.reply());
                    }
                }
                if (udp != null) {
                    emitListening(w, new ListeningAddress("udp6".equals(udp) ? 6 : 4, Protocol.stringOf(m, "address"), port, udp));
                } else {
                    listening(w, Protocol.stringOf(m, "address"), port);
                }
            }
            default -> { } // a newer worker's message: ignored
        }
    }

    /**
     * A worker is closing its servers: once every connection already forwarded to it has ended (or
     * after {@link #DRAIN_TIMEOUT_MS}), tell it {@code drained} so that it closes them. Routing to it
     * has already stopped.
     */
    private void drainThenReply(Worker w) {
        List<RoundRobinHandle<?>> had = joined.remove(w.id());
        boolean[] replied = {false};
        dev.nodeshim.loop.Timeout[] timer = {null};
        Runnable reply = () -> {
            if (replied[0]) {
                return;
            }
            replied[0] = true;
            if (timer[0] != null) {
                dev.nodeshim.loop.Timers.clearTimeout(timer[0]);
            }
            if (w.isConnected()) {
                w.send(Protocol.message("drained"));
            }
        };
        if (had == null || had.isEmpty()) {
            reply.run();
            return;
        }
        // unref'd: a worker that is still alive holds the loop through its channel anyway
        timer[0] = dev.nodeshim.loop.Timers.setTimeout(reply, DRAIN_TIMEOUT_MS).unref();
        EventLoop loop = EventLoop.current();
        int[] left = {had.size()};
        for (RoundRobinHandle<?> h : had) {
            h.whenDrained(w.id(), () -> loop.execute(() -> {
                if (--left[0] == 0) {
                    reply.run();
                }
            }));
        }
    }

    private void listening(Worker w, String address, int port) {
        emitListening(w, new ListeningAddress(address != null && address.contains(":") ? 6 : 4, address, port));
    }

    private void emitListening(Worker w, ListeningAddress a) {
        w.emit("listening", a);
        cluster.emit("listening", w, a);
    }

    private void queryServer(Worker w, Object m) {
        if (Protocol.stringOf(m, "pipe") != null) {
            queryPipe(w, m);
            return;
        }
        if (Protocol.stringOf(m, "udp") != null) {
            // UDP, under either policy: every worker binds the port itself with SO_REUSEPORT (a
            // DatagramChannel cannot adopt a shared descriptor); port 0 is chosen once, as for TCP
            Map<String, Object> reply = Protocol.message("queryReply");
            reply.put("seq", Protocol.intOf(m, "seq"));
            int port = Protocol.intOf(m, "port");
            sharePort(w, key(Protocol.stringOf(m, "udp"), Protocol.stringOf(m, "address"), port), port, reply);
            return;
        }
        int seq = Protocol.intOf(m, "seq");
        String address = Protocol.stringOf(m, "address");
        int port = Protocol.intOf(m, "port");
        String key = key(address, port);
        Map<String, Object> reply = Protocol.message("queryReply");
        reply.put("seq", seq);
        if (((Map<?, ?>) m).get("privatePort") != null) {
            boolean adopts = Boolean.TRUE.equals(((Map<?, ?>) m).get("adopts"));
            RoundRobinHandle<?> h = handles.get(key);
            if (h == null) {
                InetSocketAddress bind = address == null ? new InetSocketAddress(port) : new InetSocketAddress(address, port);
                try {
                    // the port's first worker decides: descriptors when its server adopts them and we can pass them
                    h = adopts && Descriptors.passing() ? RoundRobinHandle.passing(bind) : RoundRobinHandle.open(bind);
                } catch (IOException e) {
                    failListen(w, reply, BindErrors.code(e), address, port);
                    return;
                }
                handles.put(key, h);
            }
            if (!h.handoff().passesDescriptors() || !adopts) {
                // relayed to its private port (on a port of descriptors too, by the handoff's own relay)
                h.add(w.id(), Protocol.intOf(m, "privatePort"));
                joinHandle(w, h, reply, address);
            } else {
                linkThenJoin(w, h, m, reply, address);
            }
            return;
        }
        if (Boolean.TRUE.equals(((Map<?, ?>) m).get("adopts")) && Descriptors.sharing()) {
            shareListening(w, m, key, address, port, reply);
            return;
        }
        // SCHED_NONE: the worker binds the port itself.
        sharePort(w, key, port, reply);
    }

    /**
     * Tells a worker which port to bind itself: the one asked for, or for port 0 the one the first
     * worker of {@code key} bound (it is told 0 and chooses; the others wait for its {@code listening}).
     */
    private void sharePort(Worker w, String key, int port, Map<String, Object> reply) {
        Integer known = port != 0 ? Integer.valueOf(port) : sharedPorts.get(key);
        if (known != null) {
            reply.put("port", known);
            w.send(reply);
        } else if (waitingForPort.containsKey(key)) {
            waitingForPort.get(key).add(new PortWaiter(w, reply));
        } else {
            waitingForPort.put(key, new ArrayList<>());
            choosingPort.put(key, w);
            reply.put("port", 0);
            w.send(reply);
        }
    }

    /**
     * A worker's listen on a Unix socket (either policy: node 20's primary holds the socket file under
     * both): the primary binds the path once and relays each connection, in turn, to the worker's
     * private socket ({@link PipeHandoff}); {@code 'listening'} gives Node's {@code {addressType: -1,
     * address: path, port: -1}}.
     */
    private void queryPipe(Worker w, Object m) {
        String path = Protocol.stringOf(m, "pipe");
        java.nio.file.Path privateSocket = java.nio.file.Path.of(Protocol.stringOf(m, "privatePath"));
        String key = "pipe " + path;
        Map<String, Object> reply = Protocol.message("queryReply");
        reply.put("seq", Protocol.intOf(m, "seq"));
        RoundRobinHandle<?> h = handles.get(key);
        if (h == null) {
            try {
                h = RoundRobinHandle.start(PipeHandoff.open(java.nio.file.Path.of(path)));
            } catch (IOException e) {
                // the worker removes its private socket too, but may be killed before it does
                PipeHandoff.removePrivate(privateSocket);
                reply.put("error", BindErrors.code(e));
                reply.put("pipe", path);
                w.send(reply);
                return;
            }
            handles.put(key, h);
        }
        ((PipeHandoff) h.handoff()).target(w.id(), w.process().pid(), privateSocket);
        h.add(w.id(), 0);
        h.weight(w.id(), w.weight());
        joined.computeIfAbsent(w.id(), k -> new ArrayList<>()).add(h);
        reply.put("port", -1);
        w.send(reply);
        emitListening(w, new ListeningAddress(-1, path, -1));
    }

    /**
     * SCHED_NONE as Node does it, for a worker whose server adopts descriptors: the primary binds the
     * port (once per requested address) and, once the worker has linked, sends it the listening socket
     * itself; the worker then reports {@code listening} as after a bind of its own. Every worker of the
     * port accepts from the one queue, so a worker that closes its copy strands no connection.
     */
    private void shareListening(Worker w, Object query, String key, String address, int port, Map<String, Object> reply) {
        RoundRobinHandle.Handoff<?> l = listeners.get(key);
        if (l == null) {
            try {
                l = DescriptorHandoff.shared(address == null ? new InetSocketAddress(port) : new InetSocketAddress(address, port));
            } catch (IOException e) {
                failListen(w, reply, BindErrors.code(e), address, port);
                return;
            }
            listeners.put(key, l);
        }
        RoundRobinHandle.Handoff<?> shared = l;
        EventLoop loop = EventLoop.current();
        l.expect(w.process().pid(), w.id(), () -> loop.execute(() -> {
            if (w.isDead() || !w.isConnected() || Boolean.TRUE.equals(w.exitedAfterDisconnect())) {
                return;
            }
            if (listeners.get(key) != shared) {
                queryServer(w, query); // its last worker left meanwhile and it closed: ask again
                return;
            }
            sharing.computeIfAbsent(key, k -> new java.util.HashSet<>()).add(w.id());
            shared.shareListening(w.id());
        }));
        Map<String, Object> link = Protocol.message("link");
        link.put("seq", reply.get("seq"));
        link.put("path", l.linkPath());
        link.put("listening", true);
        link.put("address", address);
        link.put("requested", port);
        w.send(link);
    }

    /** Answers a worker's listen with an error ({@link BindErrors}: the worker's listen fails with it). */
    private static void failListen(Worker w, Map<String, Object> reply, String code, String address, int port) {
        reply.put("error", code);
        reply.put("address", address);
        reply.put("port", port);
        w.send(reply);
    }

    /** Routes {@code h}'s connections to the worker too, answers its listen and emits {@code 'listening'}. */
    private void joinHandle(Worker w, RoundRobinHandle<?> h, Map<String, Object> reply, String address) {
        h.weight(w.id(), w.weight());
        joined.computeIfAbsent(w.id(), k -> new ArrayList<>()).add(h);
        int publicPort = h.address().getPort();
        reply.put("port", publicPort);
        w.send(reply);
        listening(w, address, publicPort);
    }

    /**
     * Descriptor passing: tells the worker where to link ({@code link}); once its link is there, the
     * worker joins the turn. A handle that closed meanwhile (its last worker left) is asked for again.
     */
    private void linkThenJoin(Worker w, RoundRobinHandle<?> h, Object query, Map<String, Object> reply, String address) {
        EventLoop loop = EventLoop.current();
        h.handoff().expect(w.process().pid(), w.id(), () -> loop.execute(() -> {
            if (w.isDead() || !w.isConnected() || Boolean.TRUE.equals(w.exitedAfterDisconnect())) {
                return;
            }
            if (h.isClosed()) {
                queryServer(w, query);
                return;
            }
            h.add(w.id(), 0);
            joinHandle(w, h, reply, address);
        }));
        Map<String, Object> link = Protocol.message("link");
        link.put("seq", reply.get("seq"));
        link.put("path", h.handoff().linkPath());
        w.send(link);
    }

    /** The worker choosing a shared port went away before it listened: the next waiting one chooses. */
    private void choosingWorkerGone(Worker w) {
        for (Map.Entry<String, Worker> e : new ArrayList<>(choosingPort.entrySet())) {
            if (e.getValue() != w) {
                continue;
            }
            String key = e.getKey();
            List<PortWaiter> waiting = waitingForPort.get(key);
            PortWaiter next = waiting.isEmpty() ? null : waiting.remove(0);
            if (next == null) {
                choosingPort.remove(key);
                waitingForPort.remove(key);
            } else {
                choosingPort.put(key, next.worker());
                next.reply().put("port", 0);
                next.worker().send(next.reply());
            }
        }
    }

    private static String key(String address, int port) {
        return (address == null ? "*" : address) + " " + port;
    }

    /** The key of a UDP port ({@code udp}: "udp4" or "udp6"), or of a TCP port when {@code udp} is null. */
    private static String key(String udp, String address, int port) {
        return udp == null ? key(address, port) : udp + " " + key(address, port);
    }

    // ------------------------------------------------------------------------------------------------

    /**
     * {@code cluster.disconnect(callback)}: disconnects every worker; the callback runs right after the
     * last one's cluster {@code 'disconnect'} (node 20: before their {@code 'exit'}), or on the next
     * tick when none is connected.
     */
    void disconnectAll(Runnable callback) {
        java.util.Set<Integer> left = new java.util.HashSet<>();
        for (Worker w : new ArrayList<>(workers.values())) {
            if (w.isConnected()) {
                left.add(w.id());
                w.disconnect();
            }
        }
        handles.values().forEach(RoundRobinHandle::close);
        handles.clear();
        listeners.values().forEach(RoundRobinHandle.Handoff::close);
        listeners.clear();
        sharing.clear();
        Runnable cb = callback != null ? callback : () -> { };
        if (left.isEmpty()) {
            process.nextTick(cb);
        } else {
            disconnectWaits.add(new DisconnectWait(left, cb));
        }
    }

    private record DisconnectWait(java.util.Set<Integer> left, Runnable callback) {}

    private final List<DisconnectWait> disconnectWaits = new ArrayList<>();

    private void settleDisconnectWaits(Worker w) {
        for (DisconnectWait d : List.copyOf(disconnectWaits)) {
            if (d.left().remove(w.id()) && d.left().isEmpty()) {
                disconnectWaits.remove(d);
                d.callback().run();
            }
        }
    }

    /** Whether the caller is on a loop thread (fork must be). */
    static boolean onLoop() {
        return EventLoop.current().inLoopThread();
    }
}
