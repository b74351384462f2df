package dev.nodeshim.cluster;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * A worker's {@code listen(path)} on a Unix socket, in the primary: the primary binds the socket file
 * (as node 20's primary does, under both policies) and hands each connection to the next worker in
 * turn ({@link RoundRobinHandle}), relaying its bytes ({@link Relay}) to the socket the worker's
 * {@link UnixSocketServer} serves on: a private path in a directory of the worker's own
 * ({@value #PRIVATE_PREFIX}…, mode 0700), told to the primary with the worker's listen.
 *
 * <p>Files: the public socket file is removed when the handle closes — when its last worker has gone,
 * or on {@code cluster.disconnect()} — as node 20 removes it then. A worker removes its private socket
 * and directory when it closes its server; the primary removes them too when the worker exits or the
 * handle closes, so a worker killed with SIGKILL leaves nothing behind.
 */
final class PipeHandoff implements RoundRobinHandle.Handoff<SocketChannel> {
    /** The name every worker's private directory starts with (only such directories are removed). */
    static final String PRIVATE_PREFIX = "nodeshim-pipe-";

    private final ServerSocketChannel server;
    private final Path path;
    private final Relay relay;
    /** Each worker's private socket, by worker id; and the worker ids by pid. */
    private final Map<Integer, Path> targets = new ConcurrentHashMap<>();
    private final Map<Long, Integer> byPid = new ConcurrentHashMap<>();

    private PipeHandoff(ServerSocketChannel server, Path path) throws IOException {
        this.server = server;
        this.path = path;
        this.relay = new Relay("nodeshim-cluster-relay-pipe");
    }

    /** Binds the socket file {@code path}; fails as the bind does (the file exists: address in use). */
    static PipeHandoff open(Path path) throws IOException {
        ServerSocketChannel ch = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            ch.bind(UnixDomainSocketAddress.of(path), 511); // Node's default backlog
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
        try {
            return new PipeHandoff(ch, path);
        } catch (IOException | RuntimeException e) {
            ch.close();
            Files.deleteIfExists(path);
            throw e;
        }
    }

    /** Worker {@code workerId} (process {@code pid}) serves on {@code privateSocket}. */
    void target(int workerId, long pid, Path privateSocket) {
        targets.put(workerId, privateSocket);
        byPid.put(pid, workerId);
    }

    /** A pipe has a path, not a port: the primary reports the path itself. */
    @Override
    public InetSocketAddress address() {
        throw new UnsupportedOperationException("a Unix socket has no port: " + path);
    }

    @Override
    public void start(Consumer<SocketChannel> route) {
        Acceptor.start(server, route, "nodeshim-cluster-rr-pipe");
    }

    @Override
    public void offer(SocketChannel client, int workerId, int port, RoundRobinHandle.Outcome outcome) {
        Path to = targets.get(workerId);
        SocketChannel worker = null;
        try {
            if (to == null) {
                throw new IOException("worker " + workerId + " has left");
            }
            worker = SocketChannel.open(UnixDomainSocketAddress.of(to));
        } catch (IOException e) {
            discard(worker); // its socket refuses: the worker is going away
            outcome.refused();
            return;
        }
        relay.add(client, worker, outcome::ended);
    }

    @Override
    public void retire(int workerId, Runnable then) {
        then.run(); // every connection relayed to it has ended; its socket is removed when it exits
    }

    @Override
    public void forget(long pid) {
        Integer id = byPid.remove(pid);
        if (id != null) {
            removePrivate(targets.remove(id));
        }
    }

    @Override
    public void discard(SocketChannel ch) {
        Acceptor.closeQuietly(ch);
    }

    @Override
    public void close() {
        relay.closeWhenIdle();
        try {
            server.close();
            Files.deleteIfExists(path); // node 20: the file goes with the primary's handle
        } catch (IOException ignored) {
            // closing a listening socket loses nothing; a file we cannot remove stays
        }
        targets.values().forEach(PipeHandoff::removePrivate);
        targets.clear();
        byPid.clear();
    }

    /** Removes a worker's private socket and its directory (only one of ours: {@value #PRIVATE_PREFIX}…). */
    static void removePrivate(Path socket) {
        if (socket == null || socket.getParent() == null
                || !socket.getParent().getFileName().toString().startsWith(PRIVATE_PREFIX)) {
            return;
        }
        try {
            Files.deleteIfExists(socket);
            Files.deleteIfExists(socket.getParent());
        } catch (IOException ignored) {
            // the worker removed them first, or left something else there: not ours to force
        }
    }
}
