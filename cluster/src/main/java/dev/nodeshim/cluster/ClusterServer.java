package dev.nodeshim.cluster;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.time.Duration;

/**
 * A server a worker lets the cluster bind: Node's {@code server.listen()} inside a worker, for any
 * Java server. {@link Cluster#listen} decides which address the server binds (the shared port under
 * {@code SCHED_NONE}, a private loopback port the primary forwards to under {@code SCHED_RR}) and calls
 * {@link #bind} with it; on the worker's {@code disconnect()} it calls {@link #close}.
 *
 * <p>{@link #of(HttpServer)} adapts the JDK's {@code com.sun.net.httpserver.HttpServer} (created
 * unbound, with {@code HttpServer.create()}). Anything that can bind a given address fits: implement the
 * two methods (Netty: {@code bind} is a {@code ServerBootstrap.bind(address)}, {@code close} closes the
 * server channel then shuts the event loops down gracefully — cluster/README.md has the adapter).
 *
 * <p>A server that can also serve connections it did not accept itself is an {@link AdoptingServer}:
 * under {@code SCHED_RR} the primary then passes it each connection's descriptor instead of relaying
 * bytes to its private port ({@link NettyServer} is one).
 *
 * <p>Under {@code SCHED_NONE} the address is the port every worker shares, so the server's listening
 * socket needs {@code SO_REUSEPORT}. A server on the JDK's channels gets it without asking (the worker
 * runs with {@link ReusePortSelectorProvider}, which sets it on every TCP server channel the JVM opens);
 * a server on sockets of its own — Netty's native epoll or io_uring transports — sets it itself
 * ({@code EpollChannelOption.SO_REUSEPORT}). Setting it always is harmless: under {@code SCHED_RR} the
 * address is a private loopback port. A server that binds its own {@link ServerSocketChannel} gets one
 * with the option from {@link #reusePortChannel}.
 */
public interface ClusterServer {
    /**
     * Binds the server to {@code address} and starts serving. Runs on the worker's loop thread.
     *
     * @return the address actually bound (its port when {@code address}'s is 0)
     */
    InetSocketAddress bind(InetSocketAddress address) throws IOException;

    /**
     * Stops accepting — closes the listening socket first — then lets what is in flight finish, and
     * returns when done. Runs on a helper thread, never on the loop (it may block). This is the whole
     * drain under {@code SCHED_NONE}: once the socket is closed the kernel sends the port's new
     * connections to the other workers' sockets, and nothing else waits for this worker's requests in
     * flight (under {@code SCHED_RR} the primary has already waited for the connections it forwarded).
     */
    void close() throws IOException;

    /** {@link #of(HttpServer, Duration)} with a grace of one second. */
    static ClusterServer of(HttpServer server) {
        return of(server, Duration.ofSeconds(1));
    }

    /**
     * The JDK's HttpServer, created unbound: {@code bind} is {@code server.bind(address, 0)} then
     * {@code server.start()}; {@code close} is {@code server.stop(grace)}, which closes the listening
     * socket, waits for exchanges in flight up to {@code grace} (whole seconds, as {@code stop} takes
     * them) and then closes every connection. A grace of zero cuts responses in flight: under
     * {@code SCHED_NONE} a reload then fails the requests the old worker was serving.
     */
    static ClusterServer of(HttpServer server, Duration grace) {
        if (server == null) {
            throw dev.nodeshim.errors.Errors.invalidArgType("server", "HttpServer", null);
        }
        int seconds = (int) Math.min(Integer.MAX_VALUE, grace.toSeconds());
        return new ClusterServer() {
            @Override
            public InetSocketAddress bind(InetSocketAddress address) throws IOException {
                server.bind(address, 0);
                server.start();
                return server.getAddress();
            }

            @Override
            public void close() {
                server.stop(seconds);
            }
        };
    }

    /**
     * A {@link ServerSocketChannel} with {@code SO_REUSEPORT} set, bound to {@code address}: several
     * processes holding such a channel on one port each get a share of its connections from the
     * kernel (Linux 3.9+; every socket on the port must set the option, and be of the same user).
     *
     * @throws UnsupportedOperationException where the platform has no {@code SO_REUSEPORT}
     */
    static ServerSocketChannel reusePortChannel(InetSocketAddress address) throws IOException {
        ServerSocketChannel ch = ServerSocketChannel.open();
        try {
            ch.setOption(StandardSocketOptions.SO_REUSEPORT, true);
            ch.bind(address);
            return ch;
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }
}
