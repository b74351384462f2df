package dev.nodeshim.cluster;

import java.io.IOException;
import java.net.UnixDomainSocketAddress;

/**
 * A server on a Unix domain socket that a worker lets the cluster bind: Node's
 * {@code server.listen('/path/to.sock')} inside a worker ({@link Cluster#listen(UnixSocketServer,
 * java.nio.file.Path)}). As a TCP port under {@code SCHED_RR}, the path is the primary's: it binds the
 * socket file and hands each connection to the next worker, which serves on a socket of its own that
 * {@link #bind} is given (a private path in a directory only this user may enter); the primary relays
 * the bytes.
 *
 * <p>Anything that can bind a given {@link UnixDomainSocketAddress} fits: a server on the JDK's
 * {@code ServerSocketChannel.open(StandardProtocolFamily.UNIX)} (Java 16+), Jetty's
 * {@code UnixDomainServerConnector}, Netty's {@code EpollServerDomainSocketChannel}. The JDK's
 * {@code HttpServer} cannot bind one.
 */
public interface UnixSocketServer {
    /**
     * Binds the server to {@code address} (no file is there yet) and starts serving. Runs on the
     * worker's loop thread.
     */
    void bind(UnixDomainSocketAddress address) throws IOException;

    /**
     * Stops accepting — closes the listening socket first — then lets what is in flight finish, and
     * returns when done. Runs on a helper thread. The socket file is the cluster's to remove.
     */
    void close() throws IOException;
}
