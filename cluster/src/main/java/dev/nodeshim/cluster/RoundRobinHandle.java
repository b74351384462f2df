package dev.nodeshim.cluster;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.List;

/**
 * {@code SCHED_RR} in the primary: the primary owns the shared port and hands each accepted connection
 * to the next worker in turn, weighted as nginx does it ({@link SmoothWeighted}; every weight is 1
 * unless {@link Worker#weight(int)} says otherwise).
 *
 * <h2>Why bytes are forwarded</h2>
 * Node passes the accepted socket's descriptor to the worker over its IPC pipe. The JDK cannot send a
 * descriptor to another process (no {@code SCM_RIGHTS}), so the primary keeps the connection and
 * relays it: each worker serves on a private loopback port ({@code 127.0.0.1:0}, told to the primary
 * when it listens); for an accepted connection the primary connects to the chosen worker's private port
 * and copies bytes both ways until each side has ended its output ({@link Relay}: one selector thread
 * for all the handle's connections). The worker sees a connection from the primary's loopback address,
 * not the client's. The cost (an extra loopback hop, two more copies per byte) is measured in the
 * README.
 *
 * <h2>Threads</h2>
 * One acceptor thread blocks in {@code accept} and connects to the chosen worker (loopback: at once);
 * the {@link Relay} thread moves the bytes of every connection. The list of workers is changed on the loop thread and
 * read by the acceptor, under the handle's lock.
 * A worker whose private port refuses the connection (it is going away) is skipped for that connection;
 * when every worker refuses, the connection waits in the primary (as Node's round-robin handle keeps
 * the connections no worker can take yet) and goes to the next worker {@link #add added}; it is closed
 * only when the handle closes.
 *
 * <p>Draining: the handle counts, per worker, the connections it is piping; a worker that is
 * disconnecting is first taken out of the turn ({@link #remove}), then {@link #whenDrained} tells when
 * the connections already handed to it have ended, and only then does the worker close its server.
 * Without that, a connection handed over just before the worker stopped accepting would be reset.
 *
 * <p>Rejected: passing descriptors through a native library (junixsocket): a dependency with native
 * code for every platform, and the JDK's own servers (HttpServer) cannot adopt a foreign descriptor
 * anyway.
 */
final class RoundRobinHandle {
    /** A worker's private port. */
    record Target(int workerId, int port) {}

    private final ServerSocketChannel server;
    private final InetSocketAddress address;
    /** Under {@code this}: changed on the loop thread, read by the acceptor. */
    private final SmoothWeighted<Target> targets = new SmoothWeighted<>();
    private final Thread acceptor;
    private final Relay relay;

    private RoundRobinHandle(ServerSocketChannel server) throws IOException {
        this.server = server;
        this.address = (InetSocketAddress) server.getLocalAddress();
        this.relay = new Relay("nodeshim-cluster-relay-" + address.getPort());
        this.acceptor = new Thread(this::acceptLoop, "nodeshim-cluster-rr-" + address.getPort());
        this.acceptor.setDaemon(true);
    }

    /** Binds {@code address} (port 0: a free port, which every later worker then shares) and starts accepting. */
    static RoundRobinHandle open(InetSocketAddress address) throws IOException {
        ServerSocketChannel ch = ServerSocketChannel.open();
        try {
            ch.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            ch.bind(address, 511); // Node's default backlog
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
        RoundRobinHandle h = new RoundRobinHandle(ch);
        h.acceptor.start();
        return h;
    }

    /** The bound address. */
    InetSocketAddress address() {
        return address;
    }

    /** Connections no worker could take, oldest first; under {@code this}. */
    private final java.util.ArrayDeque<SocketChannel> queued = new java.util.ArrayDeque<>();
    /** How many times {@link #add} ran; under {@code this}. */
    private long adds;
    /** Tests: runs (on the acceptor) each time a connection is queued. */
    volatile Runnable onQueued = () -> { };

    /** Routes connections to {@code port} too, after the workers already there; queued ones go first. */
    void add(int workerId, int port) {
        List<SocketChannel> waiting;
        synchronized (this) {
            targets.add(new Target(workerId, port), 1);
            adds++;
            waiting = new java.util.ArrayList<>(queued);
            queued.clear();
        }
        waiting.forEach(this::route); // loopback connects: at once
    }

    /** Stops routing to the worker; true when no worker is left. */
    synchronized boolean remove(int workerId) {
        targets.removeIf(t -> t.workerId() == workerId);
        return targets.size() == 0;
    }

    synchronized boolean has(int workerId) {
        return targets.anyMatch(t -> t.workerId() == workerId);
    }

    /** The worker's share: {@code weight} connections to every 1 of a worker of weight 1. */
    synchronized void weight(int workerId, int weight) {
        targets.weight(t -> t.workerId() == workerId, weight);
    }

    /** Stops accepting; connections already handed over go on. */
    void close() {
        relay.closeWhenIdle();
        try {
            server.close();
        } catch (IOException ignored) {
            // closing a listening socket loses nothing
        }
        List<SocketChannel> waiting;
        synchronized (this) {
            waiting = new java.util.ArrayList<>(queued);
            queued.clear();
        }
        waiting.forEach(RoundRobinHandle::closeQuietly);
    }

    private void acceptLoop() {
        while (server.isOpen()) {
            SocketChannel client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            route(client);
        }
    }

    /** Connections being piped, per worker id; and who waits for a worker's to reach 0. Under {@code this}. */
    private final java.util.Map<Integer, Integer> active = new java.util.HashMap<>();
    private final java.util.Map<Integer, List<Runnable>> drainWaiters = new java.util.HashMap<>();

    /**
     * Runs {@code callback} (on whichever thread ends the last one, or at once) when no connection
     * handed to the worker is still open. Call after {@link #remove}: no new ones are handed to it.
     */
    void whenDrained(int workerId, Runnable callback) {
        synchronized (this) {
            if (active.getOrDefault(workerId, 0) > 0) {
                drainWaiters.computeIfAbsent(workerId, k -> new java.util.ArrayList<>()).add(callback);
                return;
            }
        }
        callback.run();
    }

    private synchronized void opened(int workerId) {
        active.merge(workerId, 1, Integer::sum);
    }

    private void ended(int workerId) {
        List<Runnable> run = null;
        synchronized (this) {
            int left = active.merge(workerId, -1, Integer::sum);
            if (left == 0) {
                active.remove(workerId);
                run = drainWaiters.remove(workerId);
            }
        }
        if (run != null) {
            run.forEach(Runnable::run);
        }
    }

    /** Hands {@code client} to a worker, or queues it when none takes it. */
    private void route(SocketChannel client) {
        while (true) {
            long seen;
            synchronized (this) {
                seen = adds;
            }
            if (tryWorkers(client)) {
                return;
            }
            synchronized (this) {
                if (adds != seen) {
                    continue; // a worker came while every other refused: try it rather than wait for the next
                }
                if (server.isOpen()) {
                    queued.add(client);
                    client = null;
                }
            }
            if (client == null) {
                onQueued.run();
            } else {
                closeQuietly(client); // the handle closed meanwhile
            }
            return;
        }
    }

    /** Each worker once, in turn, until one accepts; true when one took {@code client}. */
    private boolean tryWorkers(SocketChannel client) {
        for (int tries = 0; ; tries++) {
            Target t;
            synchronized (this) {
                // Picking a worker and counting the connection as its own happen together, under the
                // lock remove() takes: once a worker is removed, every connection it will ever get is
                // already counted, so whenDrained cannot miss one still connecting.
                if (tries >= targets.size()) {
                    return false;
                }
                t = targets.next();
                opened(t.workerId());
            }
            SocketChannel worker = null;
            try {
                worker = SocketChannel.open(new InetSocketAddress(InetAddress.getLoopbackAddress(), t.port()));
                client.setOption(StandardSocketOptions.TCP_NODELAY, true);
                worker.setOption(StandardSocketOptions.TCP_NODELAY, true);
                relay.add(client, worker, () -> ended(t.workerId()));
                return true;
            } catch (IOException e) {
                closeQuietly(worker); // that worker is going away: try the next one
                ended(t.workerId());
            }
        }
    }

    private static void closeQuietly(SocketChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // nothing to flush on a socket we are abandoning
            }
        }
    }
}
