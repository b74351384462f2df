package dev.nodeshim.cluster;

import static dev.nodeshim.process.NodeProcess.process;

import dev.nodeshim.errors.NodeError;
import dev.nodeshim.events.EventEmitter;
import dev.nodeshim.loop.EventLoop;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Node's {@code cluster} module: {@code import static dev.nodeshim.cluster.Cluster.cluster;} then
 * {@code cluster.isPrimary()}, {@code cluster.fork()}, {@code cluster.on("exit", …)}.
 *
 * <pre>{@code
 * public static void main(String[] args) {
 *     System.exit(EventLoop.run(args, () -> {
 *         if (cluster.isPrimary()) {
 *             cluster.setupPrimary(ClusterSettings.of().exec(Server.class));
 *             for (int i = 0; i < 2; i++) cluster.fork();
 *             cluster.on("exit", (Worker w, Integer code, String signal) -> System.out.println(w + " died"));
 *         } else {
 *             HttpServer http = HttpServer.create();
 *             http.createContext("/", exchange -> { … });
 *             cluster.listen(ClusterServer.of(http), 8000);   // Node: server.listen(8000)
 *         }
 *     }));
 * }
 * }</pre>
 *
 * <h2>Primary and workers</h2>
 * A worker is a JVM started with the childprocess module's {@code fork} (so it has the IPC channel),
 * running {@code settings().exec()}'s main with {@code NODE_UNIQUE_ID} set to its id; that variable
 * is what makes {@link #isWorker()} true, as in Node. Events on the cluster, in the primary, on its
 * loop: {@code "fork"} (Worker), {@code "online"} (Worker), {@code "listening"} (Worker,
 * {@link ListeningAddress}), {@code "message"} (Worker, Object), {@code "disconnect"} (Worker),
 * {@code "exit"} (Worker, Integer code, String signal), {@code "setup"} ({@link ClusterSettings}).
 *
 * <p><b>When a worker is online.</b> Node's worker reports {@code online} while it boots. A JVM
 * worker does it at the start of its program's first {@code EventLoop.run}, before the program's main
 * ({@link WorkerBoot}, run by the fork launcher): that is also when the worker starts listening to the
 * primary (its {@code disconnect()}), whether or not the program ever calls {@code Cluster}. A worker
 * whose program never runs a loop never becomes online and ignores {@code worker.disconnect()} (it
 * still dies with {@code kill()} and when the primary dies).
 *
 * <h2>Sharing a port</h2>
 * {@link #listen(ClusterServer, int, String)} is a worker's {@code server.listen(port, host)}.
 * {@link #SCHED_RR} (the default, {@code NODE_CLUSTER_SCHED_POLICY=rr}): the primary binds the port and
 * hands each connection to the next worker ({@link RoundRobinHandle}): as a descriptor, as Node does,
 * when the worker's server is an {@link AdoptingServer} (such as {@link NettyServer}; needs Netty's
 * epoll), else by relaying its bytes to the worker's private loopback port.
 * {@link #SCHED_NONE} ({@code none}): each worker binds the port itself with {@code SO_REUSEPORT}
 * ({@link ReusePortSelectorProvider}) and the kernel spreads the connections; with
 * {@code -Dnodeshim.cluster.shareListening=true} on the primary, adopting workers share the primary's
 * one listening socket instead, as Node's do. As in Node, port 0 is chosen once: every worker listening
 * on port 0 of a host shares the same port.
 *
 * <p>A Unix socket ({@link #listen(UnixSocketServer, java.nio.file.Path)}) is the primary's under either
 * policy, as in node 20: it binds the path and relays connections in turn to the workers' private
 * sockets. A UDP socket ({@link #bind(java.nio.channels.DatagramChannel, int, String, boolean)}) is
 * shared by {@code SO_REUSEPORT} in every worker, or bound alone with {@code exclusive}.
 *
 * <h2>Debugging workers</h2>
 * Node gives each worker started with an {@code --inspect} flag an inspector port of its own
 * ({@code settings.inspectPort}, else the primary's debug port plus one per such worker). Here the
 * flag is a JDWP server agent in {@code execArgv},
 * {@code -agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=*:5005}: each worker's copy gets
 * its port in {@code address} ({@link ClusterSettings#inspectPort(int)}); the primary's debug port is
 * its own JDWP server's port, or 5005 when it has none, so the workers take 5006, 5007, …
 *
 * <p>Objects are loop-confined: call everything on the loop thread (inside {@code EventLoop.run}).
 */
public final class Cluster extends EventEmitter {
    /** {@code cluster.SCHED_NONE}: workers accept connections themselves. */
    public static final int SCHED_NONE = 1;
    /** {@code cluster.SCHED_RR}: the primary hands connections round robin. */
    public static final int SCHED_RR = 2;
    /** The module object. */
    public static final Cluster cluster = new Cluster();

    private final Integer workerId;
    private Primary primary;
    private WorkerSide workerSide;

    private Cluster() {
        String id = System.getenv(Primary.ENV_ID);
        Integer parsed = null;
        if (id != null) {
            try {
                parsed = Integer.parseInt(id);
            } catch (NumberFormatException e) {
                parsed = 0;
            }
        }
        workerId = parsed;
        primary = new Primary(this, initialPolicy());
    }

    private static int initialPolicy() {
        String p = System.getenv("NODE_CLUSTER_SCHED_POLICY");
        return "none".equals(p) ? SCHED_NONE : SCHED_RR;
    }

    /** {@code cluster.isPrimary}: true unless this process was forked as a worker. */
    public boolean isPrimary() {
        startWorker();
        return workerId == null;
    }

    /** {@code cluster.isMaster}: Node's deprecated alias of {@link #isPrimary()}. */
    public boolean isMaster() {
        return isPrimary();
    }

    /** {@code cluster.isWorker}. */
    public boolean isWorker() {
        return !isPrimary();
    }

    /**
     * {@code cluster.schedulingPolicy}: {@link #SCHED_RR} or {@link #SCHED_NONE}; from
     * {@code NODE_CLUSTER_SCHED_POLICY} ({@code rr}/{@code none}) when set.
     */
    public int schedulingPolicy() {
        return primary.policy();
    }

    /**
     * Sets {@code cluster.schedulingPolicy}. As in Node it is frozen by the first {@code fork()} or
     * {@code setupPrimary()}: later assignments have no effect.
     *
     * @throws IllegalArgumentException for a value other than the two constants
     */
    public Cluster schedulingPolicy(int policy) {
        if (policy != SCHED_NONE && policy != SCHED_RR) {
            // Node stores any value (and then falls back to its default); Java gets told at once.
            throw new IllegalArgumentException("schedulingPolicy must be SCHED_NONE (1) or SCHED_RR (2): " + policy);
        }
        primary.policy(policy);
        return this;
    }

    /** {@code cluster.settings}: empty ({@code {}}) until the first setup; see {@link ClusterSettings}. */
    public ClusterSettings settings() {
        return primary.settings();
    }

    /** {@code cluster.setupPrimary()}: fills in the defaults; {@code 'setup'} follows on the next tick. */
    public void setupPrimary() {
        setupPrimary(ClusterSettings.of());
    }

    /**
     * {@code cluster.setupPrimary(settings)}: the fields {@code settings} sets replace the current
     * ones (the defaults on the first call) for later forks; {@code 'setup'} is emitted on the next
     * tick with the settings as they are now.
     */
    public void setupPrimary(ClusterSettings settings) {
        requirePrimary("setupPrimary");
        primary.setup(settings == null ? ClusterSettings.of() : settings);
    }

    /** {@code cluster.setupMaster}: Node's deprecated alias of {@link #setupPrimary(ClusterSettings)}. */
    public void setupMaster(ClusterSettings settings) {
        setupPrimary(settings);
    }

    /** {@code cluster.fork()}. */
    public Worker fork() {
        return fork(null);
    }

    /**
     * {@code cluster.fork(env)}: starts a worker JVM running {@code settings().exec()}'s main with
     * {@code settings().args()}, our environment plus {@code env}. Returns at once; {@code 'fork'}
     * follows on the next tick, {@code 'online'} when the worker runs. Call it on the loop thread.
     */
    public Worker fork(Map<String, String> env) {
        requirePrimary("fork");
        return primary.fork(env);
    }

    /**
     * {@code cluster.workers}: the live workers by id, in fork order (a snapshot). Empty in a worker
     * (Node's is undefined there).
     */
    public Map<Integer, Worker> workers() {
        return workerId == null ? primary.workers() : Map.of();
    }

    /** {@code cluster.worker}: this worker, or null in the primary. */
    public Worker worker() {
        startWorker();
        return workerSide == null ? null : workerSide.self();
    }

    /** {@code cluster.disconnect()}. */
    public void disconnect() {
        disconnect(null);
    }

    /**
     * {@code cluster.disconnect(callback)}: {@code disconnect()} on every worker, and the shared ports
     * closed; {@code callback} runs when all of them have disconnected.
     */
    public void disconnect(Runnable callback) {
        requirePrimary("disconnect");
        primary.disconnectAll(callback);
    }

    /**
     * Graceful shutdown of the primary (not in Node, where a program writes it with
     * {@code process.on('SIGTERM')}, which works here too): installs a JVM
     * shutdown hook, so that on SIGTERM, SIGINT, SIGHUP or {@code System.exit} every worker is
     * disconnected first — it stops getting connections, finishes what it has, closes its servers —
     * and the JVM ends once they have exited, or after {@code grace}, when those left are killed. A
     * {@link Supervisor} replaces no worker from then on. Call it on the loop thread; once per JVM.
     *
     * <p>Caveat: when the loop thread itself calls {@code System.exit} (or {@code process.exit}), it
     * cannot run the disconnects while it waits for the hook: then the workers are killed after
     * {@code grace}.
     */
    public void shutdownOnExit(java.time.Duration grace) {
        requirePrimary("shutdownOnExit");
        primary.shutdownOnExit(grace.toMillis());
    }

    /** Whether a shutdown (see {@link #shutdownOnExit}) has begun. */
    boolean shuttingDown() {
        return primary.shuttingDown();
    }

    /** {@link #listen(ClusterServer, int, String)} on every interface. */
    public CompletableFuture<InetSocketAddress> listen(ClusterServer server, int port) {
        return listen(server, port, null);
    }

    /**
     * A server's {@code listen(port, host)} in a cluster. In a worker: binds {@code server} as the
     * scheduling policy wants (see the class comment), then the primary emits {@code 'listening'}; the
     * future completes on the loop with the shared address. In the primary (or a process that is not
     * part of a cluster): binds {@code host:port} directly.
     *
     * @param host null for every interface (Node's default)
     * @throws NodeError {@code RangeError [ERR_SOCKET_BAD_PORT]: options.port should be >= 0 and < 65536.
     *         Received type number (70000).}, as node 20's {@code listen(70000)}
     */
    public CompletableFuture<InetSocketAddress> listen(ClusterServer server, int port, String host) {
        if (server == null) {
            throw dev.nodeshim.errors.Errors.invalidArgType("server", "ClusterServer", null);
        }
        if (port < 0 || port > 65535) {
            throw new NodeError("RangeError", "ERR_SOCKET_BAD_PORT",
                    "options.port should be >= 0 and < 65536. Received type number (" + port + ").");
        }
        startWorker();
        if (workerSide != null) {
            return workerSide.listen(server, host, port);
        }
        try {
            return CompletableFuture.completedFuture(
                    server.bind(host == null ? new InetSocketAddress(port) : new InetSocketAddress(host, port)));
        } catch (java.io.IOException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * A server's {@code listen(path)} on a Unix domain socket (Node's "pipe") in a cluster. In a worker,
     * under either policy: the primary binds {@code path} (once for all the workers that listen on it)
     * and hands each connection to the next worker in turn, relayed to a private socket that
     * {@code server} is bound to; then the primary emits {@code 'listening'} with
     * {@code {addressType: -1, address: path, port: -1}} and the future completes on the loop with
     * {@code path}. The socket file is removed when the last worker listening on it has gone. A path in
     * use (also by a stale file: Node does not remove one) fails the future with node's
     * {@code Error: bind EADDRINUSE /path}, a missing directory with {@code bind EACCES /path}. In the
     * primary (or a process that is not part of a cluster): binds {@code path} directly, and the file is
     * the caller's to remove.
     */
    public CompletableFuture<java.net.UnixDomainSocketAddress> listen(UnixSocketServer server, java.nio.file.Path path) {
        if (server == null) {
            throw dev.nodeshim.errors.Errors.invalidArgType("server", "UnixSocketServer", null);
        }
        if (path == null) {
            throw dev.nodeshim.errors.Errors.invalidArgType("path", "string", null);
        }
        startWorker();
        if (workerSide != null) {
            return workerSide.listen(server, path);
        }
        try {
            server.bind(java.net.UnixDomainSocketAddress.of(path));
            return CompletableFuture.completedFuture(java.net.UnixDomainSocketAddress.of(path));
        } catch (java.io.IOException e) {
            return CompletableFuture.failedFuture(BindErrors.pipeError(BindErrors.code(e), path.toString()));
        }
    }

    /** {@link #bind(java.nio.channels.DatagramChannel, int, String, boolean)} on {@code 0.0.0.0}, shared. */
    public CompletableFuture<InetSocketAddress> bind(java.nio.channels.DatagramChannel channel, int port) {
        return bind(channel, port, null, false);
    }

    /** {@link #bind(java.nio.channels.DatagramChannel, int, String, boolean)}, shared. */
    public CompletableFuture<InetSocketAddress> bind(java.nio.channels.DatagramChannel channel, int port, String host) {
        return bind(channel, port, host, false);
    }

    /**
     * A UDP socket's {@code bind({port, address, exclusive})} in a cluster (Node's {@code dgram}). In a
     * worker, without {@code exclusive} (Node's default) the workers binding one port share it: each
     * binds its own {@code channel} with {@code SO_REUSEPORT} (the kernel gives each datagram to one of
     * them, by a hash of its source and destination), port 0 is chosen by the first worker for all,
     * and the primary emits {@code 'listening'} with {@code {addressType: 'udp4', address, port, fd:
     * -1}}. With {@code exclusive} the worker binds alone, a port another worker holds fails with node's
     * {@code bind EADDRINUSE}, and the primary emits nothing (node 20 neither); the channel is then not
     * closed by {@code disconnect()}, a shared one is. In the primary (or a process that is not part of
     * a cluster) the channel is bound directly. The future completes on the loop with the bound address.
     *
     * @param host the address to bind, {@code 0.0.0.0} when null (Node's {@code udp4} socket); an IPv6
     *        host ({@code "::"}) makes it {@code udp6}
     * @throws NodeError {@code RangeError [ERR_SOCKET_BAD_PORT]} for a port outside 0–65535 (node 20's
     *         dgram takes it modulo 65536)
     */
    public CompletableFuture<InetSocketAddress> bind(java.nio.channels.DatagramChannel channel, int port, String host,
            boolean exclusive) {
        if (channel == null) {
            throw dev.nodeshim.errors.Errors.invalidArgType("socket", "DatagramChannel", null);
        }
        if (port < 0 || port > 65535) {
            throw new NodeError("RangeError", "ERR_SOCKET_BAD_PORT",
                    "options.port should be >= 0 and < 65536. Received type number (" + port + ").");
        }
        String h = host == null ? "0.0.0.0" : host;
        startWorker();
        if (workerSide != null) {
            return workerSide.bind(channel, h, port, exclusive);
        }
        try {
            return CompletableFuture.completedFuture((InetSocketAddress) channel.bind(new InetSocketAddress(h, port)).getLocalAddress());
        } catch (java.io.IOException e) {
            return CompletableFuture.failedFuture(BindErrors.error(BindErrors.code(e), h, port));
        }
    }

    /** Starts the worker side on its first use from a loop thread (see "When a worker is online"). */
    private void startWorker() {
        if (workerId != null && workerSide == null && EventLoop.current().inLoopThread()
                && process.channel() != null) {
            workerSide = WorkerSide.start(workerId, System.getenv(Primary.ENV_SCHED));
        }
    }

    private void requirePrimary(String method) {
        if (workerId != null) {
            // In a Node worker these functions are undefined.
            throw new NodeError("TypeError", null, "cluster." + method + " is not a function");
        }
    }

    /** The primary's side, for tests that set what Node scripts set on {@code process}. */
    Primary primary() {
        return primary;
    }

    /** Forgets workers, settings and listeners: tests share one JVM where Node has one process each. */
    void resetForTests() {
        removeAllListeners();
        primary = new Primary(this, initialPolicy());
    }
}
