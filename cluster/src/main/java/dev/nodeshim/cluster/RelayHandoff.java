package dev.nodeshim.cluster;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.function.Consumer;

/**
 * {@code SCHED_RR} by relaying bytes, for servers that cannot adopt a descriptor (the JDK's
 * {@code HttpServer}, anything on the JDK's channels): the JDK cannot pass a descriptor to another
 * process, and its servers could not adopt one anyway. Each worker serves on a private loopback port
 * ({@code 127.0.0.1:0}, told to the primary when it listens); for an accepted connection the primary
 * connects to the chosen worker's private port and copies bytes both ways until each side has ended its
 * output ({@link Relay}: one selector thread for all of the port's connections). The worker sees a
 * connection from the primary's loopback address, not the client's.
 *
 * <p>Threads: one acceptor thread blocks in {@code accept} and connects to the chosen worker
 * (loopback: at once); the {@link Relay} thread moves the bytes of every connection.
 */
final class RelayHandoff implements RoundRobinHandle.Handoff<SocketChannel> {
    private final ServerSocketChannel server;
    private final InetSocketAddress address;
    private final Relay relay;

    private RelayHandoff(ServerSocketChannel server) throws IOException {
        this.server = server;
        this.address = (InetSocketAddress) server.getLocalAddress();
        this.relay = new Relay("nodeshim-cluster-relay-" + address.getPort());
    }

    static RelayHandoff open(InetSocketAddress address) throws IOException {
        ServerSocketChannel ch = ServerSocketChannel.open();
        try {
            ch.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            ch.bind(address, 511); // Node's default backlog
            return new RelayHandoff(ch);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    @Override
    public InetSocketAddress address() {
        return address;
    }

    @Override
    public void start(Consumer<SocketChannel> route) {
        Acceptor.start(server, route, "nodeshim-cluster-rr-" + address.getPort());
    }

    @Override
    public void offer(SocketChannel client, int workerId, int port, RoundRobinHandle.Outcome outcome) {
        SocketChannel worker = null;
        try {
            worker = SocketChannel.open(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            client.setOption(StandardSocketOptions.TCP_NODELAY, true);
            worker.setOption(StandardSocketOptions.TCP_NODELAY, true);
        } catch (IOException e) {
            discard(worker); // its port refuses: the worker is going away
            outcome.refused();
            return;
        }
        relay.add(client, worker, outcome::ended);
    }

    @Override
    public void retire(int workerId, Runnable then) {
        then.run(); // every connection relayed to it has ended: nothing else leads there
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
        } catch (IOException ignored) {
            // closing a listening socket loses nothing
        }
    }
}
