package dev.nodeshim.cluster;

import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * A {@link ClusterServer} that can also serve a connection someone else accepted: given the
 * descriptor of a connected TCP socket, it serves it as if it had accepted it itself. Under
 * {@code SCHED_RR} such a worker gets its connections the way a Node worker does: the primary accepts
 * on the shared port and passes each accepted socket's descriptor to the next worker in turn
 * ({@code SCM_RIGHTS} over a Unix socket beside the fork channel), once; after that the connection is
 * the worker's alone and the primary is out of its path. A server that cannot adopt (the JDK's
 * {@code HttpServer}, anything on the JDK's own channels, which cannot wrap a foreign descriptor) stays a
 * plain {@link ClusterServer}, and the primary relays its connections' bytes instead.
 *
 * <p>Passing descriptors needs Netty's native epoll transport ({@code netty-transport-native-epoll},
 * an optional dependency of this module) in the primary and the worker, and Linux. Where it is missing,
 * or with {@code -Dnodeshim.cluster.passDescriptors=false} on the primary, the connections of an
 * adopting server are relayed like anyone's: it is still bound to a private loopback port for that
 * ({@link #bind} is called under both policies). {@link NettyServer} is one, for Netty.
 *
 * <p>A port's first worker decides its kind: a port whose first worker adopts passes descriptors (and
 * relays to a later worker that cannot adopt); a port whose first worker cannot adopt relays, to every
 * worker.
 *
 * <p><b>Draining.</b> A connection passed over belongs to the worker, so on {@code disconnect()} the
 * primary only stops choosing the worker and makes sure every descriptor already sent has been read;
 * then {@link #close} must do the rest, as under {@code SCHED_NONE}: stop taking connections, let those
 * it serves finish (up to a grace), then close them.
 */
public interface AdoptingServer extends ClusterServer {
    /**
     * Serves the connected TCP socket {@code fd} (a descriptor number of this process). From this call
     * on the server owns the descriptor and must close it, also when it fails. Called on a helper
     * thread of the cluster (one per worker), one call at a time, in the order the primary accepted the
     * connections; it should register the connection and return, not serve it there.
     */
    void adopt(int fd) throws IOException;

    /**
     * Serves the listening TCP socket {@code fd}, already bound and listening, which other workers of
     * the port share: Node's {@code SCHED_NONE}, where the primary binds the port and gives every worker
     * the same socket (one accept queue for all; see {@link Cluster}). From this call on the server owns
     * this copy of the descriptor; its {@link #close} must close only its copy (never
     * {@code shutdown(2)} it, which would stop the socket for every worker). Called on a helper thread.
     *
     * @return the address the socket is bound to
     */
    InetSocketAddress adoptListening(int fd) throws IOException;

    /** Whether this server can adopt descriptors here (for instance, only on its native transport). */
    default boolean adopts() {
        return true;
    }
}
