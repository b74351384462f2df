package dev.nodeshim.cluster;

import static dev.nodeshim.process.NodeProcess.process;

import dev.nodeshim.events.Listener1;
import dev.nodeshim.loop.EventLoop;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntConsumer;

/**
 * A worker's side of the cluster: itself ({@code cluster.worker()}), its servers, and the internal
 * messages from the primary. Started at the start of the worker program's loop ({@link WorkerBoot}) or
 * by its first use of {@link Cluster} (see there), on that loop's thread; loop thread only afterwards.
 *
 * <p>On start it tells the primary it is online, listens to {@code process}'s {@code 'disconnect'}
 * (which keeps the channel, and so the worker, alive: node 20's idle worker stays up until told
 * otherwise) and forwards {@code process}'s messages to the worker's {@code 'message'}. When the channel
 * closes without the worker having called {@code disconnect()}, it exits with 0, as Node's workers do
 * ("protects against accidental disconnection").
 */
final class WorkerSide {
    private final Worker self;
    private final boolean roundRobin;
    private final EventLoop loop;
    private final List<ClusterServer> servers = new ArrayList<>();
    private final Map<Integer, IntConsumer> queries = new HashMap<>();
    private final Map<Integer, CompletableFuture<InetSocketAddress>> queryFailures = new HashMap<>();
    private final Map<Integer, Runnable> bindFailures = new HashMap<>();
    /** SCHED_RR with descriptor passing: the server each pending listen adopts into, and the links made. */
    private final Map<Integer, AdoptingServer> adopting = new HashMap<>();
    private final List<DescriptorLink> links = new ArrayList<>();
    private int seq;
    private boolean disconnecting;
    private boolean closing;

    private WorkerSide(int id, boolean roundRobin) {
        this.self = new Worker(id, this);
        this.roundRobin = roundRobin;
        this.loop = EventLoop.current();
    }

    static WorkerSide start(int id, String sched) {
        WorkerSide w = new WorkerSide(id, !"none".equals(sched));
        process.on("internalMessage", (Listener1<Object>) w::internal);
        process.on("message", (Listener1<Object>) m -> w.self.emit("message", m));
        process.on("disconnect", () -> {
            if (w.disconnecting) {
                w.closeServersThenDisconnect(); // the primary went away while we waited for it
            }
            w.self.emit("disconnect");
            if (!Boolean.TRUE.equals(w.self.exitedAfterDisconnect())) {
                process.exit(0);
            }
        });
        process.send(Protocol.message("online"));
        return w;
    }

    Worker self() {
        return self;
    }

    private void internal(Object m) {
        String act = Protocol.act(m);
        if ("disconnect".equals(act)) {
            disconnect();
        } else if ("drained".equals(act)) {
            closeServersThenDisconnect();
        } else if ("status".equals(act)) {
            dev.nodeshim.process.NodeProcess.MemoryUsage mem = process.memoryUsage();
            Map<String, Object> r = Protocol.message("statusReply");
            r.put("seq", Protocol.intOf(m, "seq"));
            r.put("rss", mem.rss());
            r.put("heapTotal", mem.heapTotal());
            r.put("heapUsed", mem.heapUsed());
            process.send(r);
        } else if ("link".equals(act)) {
            Object requested = ((Map<?, ?>) m).get("requested");
            link(Protocol.intOf(m, "seq"), Protocol.stringOf(m, "path"), Boolean.TRUE.equals(((Map<?, ?>) m).get("listening")),
                    Protocol.stringOf(m, "address"), requested == null ? 0 : ((Number) requested).intValue());
        } else if ("queryReply".equals(act)) {
            int n = Protocol.intOf(m, "seq");
            adopting.remove(n);
            IntConsumer k = queries.remove(n);
            CompletableFuture<InetSocketAddress> f = queryFailures.remove(n);
            Runnable onError = bindFailures.remove(n);
            String error = Protocol.stringOf(m, "error");
            if (error != null) {
                if (onError != null) {
                    onError.run(); // the private server we bound for nothing
                }
                f.completeExceptionally(Protocol.stringOf(m, "pipe") != null
                        ? BindErrors.pipeError(error, Protocol.stringOf(m, "pipe"))
                        : BindErrors.error(error, Protocol.stringOf(m, "address"), Protocol.intOf(m, "port")));
            } else if (k != null) {
                k.accept(Protocol.intOf(m, "port"));
            }
        }
    }

    /**
     * Binds {@code server} for {@code host:port} as the policy wants and tells the primary; the future
     * completes on the loop with the public address once the primary knows.
     */
    CompletableFuture<InetSocketAddress> listen(ClusterServer server, String host, int port) {
        CompletableFuture<InetSocketAddress> f = new CompletableFuture<>();
        Map<String, Object> q = Protocol.message("queryServer");
        int n = ++seq;
        q.put("seq", n);
        q.put("address", host);
        q.put("port", port);
        if (roundRobin) {
            // SCHED_RR: a private loopback port; the primary owns the public one and forwards to us.
            InetSocketAddress priv;
            try {
                priv = server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            } catch (IOException e) {
                f.completeExceptionally(e);
                return f;
            }
            servers.add(server);
            bindFailures.put(n, () -> {
                servers.remove(server);
                closeQuietly(server);
            });
            q.put("privatePort", priv.getPort());
            queries.put(n, publicPort -> f.complete(address(host, publicPort)));
        } else {
            queries.put(n, sharedPort -> {
                InetSocketAddress bound;
                try {
                    bound = server.bind(address(host, sharedPort));
                } catch (IOException e) {
                    f.completeExceptionally(BindErrors.error(BindErrors.code(e), host, sharedPort));
                    return;
                }
                listening(server, host, port, bound, f);
            });
        }
        if (server instanceof AdoptingServer a && a.adopts() && Descriptors.available()) {
            // SCHED_RR: the primary may pass connections instead of relaying to the private port;
            // SCHED_NONE: it may share its listening socket instead of our binding one
            q.put("adopts", true);
            adopting.put(n, a);
        }
        queryFailures.put(n, f);
        process.send(q);
        return f;
    }

    /**
     * {@code listen(path)} on a Unix socket, under either policy: binds {@code server} to a private
     * socket in a new directory of ours (mode 0700) and asks the primary, which binds {@code path} and
     * relays its connections here ({@link PipeHandoff}); the future completes on the loop with
     * {@code path} (made absolute in our directory, as node does) once the primary listens, or fails
     * with node's bind error.
     */
    CompletableFuture<java.net.UnixDomainSocketAddress> listen(UnixSocketServer server, java.nio.file.Path given) {
        CompletableFuture<java.net.UnixDomainSocketAddress> f = new CompletableFuture<>();
        // node 20: a relative path is the worker's, resolved in its directory (cluster-pipe-relative.js)
        java.nio.file.Path path = java.nio.file.Path.of(process.cwd()).resolve(given);
        java.nio.file.Path privateSocket;
        try {
            privateSocket = java.nio.file.Files.createTempDirectory(PipeHandoff.PRIVATE_PREFIX).resolve("s");
            try {
                server.bind(java.net.UnixDomainSocketAddress.of(privateSocket));
            } catch (IOException | RuntimeException e) {
                PipeHandoff.removePrivate(privateSocket);
                throw e;
            }
        } catch (IOException e) {
            f.completeExceptionally(e);
            return f;
        }
        ClusterServer closer = boundAt(privateSocket, () -> {
            try {
                server.close();
            } finally {
                PipeHandoff.removePrivate(privateSocket);
            }
        });
        servers.add(closer);
        int n = ++seq;
        bindFailures.put(n, () -> {
            servers.remove(closer);
            closeQuietly(closer);
        });
        queries.put(n, ignored -> f.complete(java.net.UnixDomainSocketAddress.of(path)));
        CompletableFuture<InetSocketAddress> failure = new CompletableFuture<>(); // the pending listens' failure type
        failure.whenComplete((a, e) -> f.completeExceptionally(e));
        queryFailures.put(n, failure);
        Map<String, Object> q = Protocol.message("queryServer");
        q.put("seq", n);
        q.put("pipe", path.toString());
        q.put("privatePath", privateSocket.toString());
        process.send(q);
        return f;
    }

    /**
     * A UDP socket's {@code bind} (see {@link Cluster#bind}): not {@code exclusive}, the primary says
     * which port (the one asked for; for port 0 the first worker's) and the worker binds it with
     * {@code SO_REUSEPORT}, then tells the primary ({@code 'listening'}); {@code exclusive}, it binds
     * alone and the primary hears nothing, as in node 20.
     */
    CompletableFuture<InetSocketAddress> bind(java.nio.channels.DatagramChannel channel, String host, int port,
            boolean exclusive) {
        CompletableFuture<InetSocketAddress> f = new CompletableFuture<>();
        String udp = host.contains(":") ? "udp6" : "udp4";
        if (exclusive) {
            try {
                f.complete((InetSocketAddress) channel.bind(new InetSocketAddress(host, port)).getLocalAddress());
            } catch (IOException e) {
                f.completeExceptionally(BindErrors.error(BindErrors.code(e), host, port));
            }
            return f;
        }
        int n = ++seq;
        queries.put(n, sharedPort -> {
            InetSocketAddress bound;
            try {
                channel.setOption(java.net.StandardSocketOptions.SO_REUSEPORT, true);
                bound = (InetSocketAddress) channel.bind(new InetSocketAddress(host, sharedPort)).getLocalAddress();
            } catch (IOException | UnsupportedOperationException e) {
                f.completeExceptionally(e instanceof IOException io ? BindErrors.error(BindErrors.code(io), host, sharedPort) : e);
                return;
            }
            servers.add(boundAt(bound, channel)); // disconnect() closes it, as node 20's closes a shared UDP socket
            Map<String, Object> l = Protocol.message("listening");
            l.put("address", host);
            l.put("port", bound.getPort());
            l.put("requested", port);
            l.put("udp", udp);
            process.send(l);
            f.complete(bound);
        });
        queryFailures.put(n, f);
        Map<String, Object> q = Protocol.message("queryServer");
        q.put("seq", n);
        q.put("address", host);
        q.put("port", port);
        q.put("udp", udp);
        process.send(q);
        return f;
    }

    /**
     * A server this worker has already bound, at {@code where}, kept among its servers so that
     * {@code disconnect()} closes it with {@code close}.
     */
    private static ClusterServer boundAt(Object where, java.io.Closeable close) {
        return new ClusterServer() {
            @Override
            public InetSocketAddress bind(InetSocketAddress address) {
                throw new UnsupportedOperationException("bound to " + where);
            }

            @Override
            public void close() throws IOException {
                close.close();
            }
        };
    }

    /** SCHED_NONE: the server is bound (or has the shared socket): tell the primary, complete the listen. */
    private void listening(ClusterServer server, String host, int requested, InetSocketAddress bound,
            CompletableFuture<InetSocketAddress> f) {
        servers.add(server);
        Map<String, Object> l = Protocol.message("listening");
        l.put("address", host);
        l.put("port", bound.getPort());
        l.put("requested", requested);
        process.send(l);
        f.complete(address(host, bound.getPort()));
    }

    /**
     * The primary passes this port's connections as descriptors (SCHED_RR), or shares its listening
     * socket ({@code listening}, SCHED_NONE): link to its Unix socket at {@code path}. SCHED_RR: the
     * primary answers the listen once the link is there; SCHED_NONE: the one descriptor that comes is
     * the listening socket, and the worker listens on it. A link that cannot be made fails the listen.
     */
    private void link(int n, String path, boolean listening, String host, int requested) {
        AdoptingServer server = adopting.get(n);
        if (server == null || path == null) {
            return;
        }
        DescriptorLink.Receiver receiver = server::adopt;
        if (listening) {
            receiver = fd -> {
                InetSocketAddress bound;
                try {
                    bound = server.adoptListening(fd);
                } catch (IOException | RuntimeException e) {
                    loop.execute(() -> {
                        CompletableFuture<InetSocketAddress> f = queryFailures.remove(n);
                        if (f != null) {
                            f.completeExceptionally(e); // the listen fails as a bind would
                        }
                    });
                    throw e;
                }
                loop.execute(() -> {
                    queries.remove(n);
                    adopting.remove(n);
                    CompletableFuture<InetSocketAddress> f = queryFailures.remove(n);
                    if (f != null) {
                        listening(server, host, requested, bound, f);
                    }
                });
            };
        }
        DescriptorLink link = DescriptorLink.connect(path, listening, receiver, cause -> loop.execute(() -> {
            CompletableFuture<InetSocketAddress> f = queryFailures.remove(n);
            queries.remove(n);
            adopting.remove(n);
            Runnable onError = bindFailures.remove(n);
            if (onError != null) {
                onError.run();
            }
            if (f != null) {
                f.completeExceptionally(cause);
            }
        }));
        if (!listening) {
            links.add(link); // read to its end before the server closes (the drain)
        }
    }

    private static void closeQuietly(ClusterServer server) {
        Thread t = new Thread(() -> {
            try {
                server.close();
            } catch (IOException | RuntimeException ignored) {
                // it served nothing
            }
        }, "nodeshim-cluster-close");
        t.setDaemon(true);
        t.start();
    }

    private static InetSocketAddress address(String host, int port) {
        return host == null ? new InetSocketAddress(port) : new InetSocketAddress(host, port);
    }

    /**
     * The worker's {@code disconnect()}: tells the primary, which stops routing connections here and
     * answers {@code drained} once those it already forwarded have ended; then every server is closed
     * on a helper thread (in-flight requests finish) and the channel is closed. Idempotent.
     */
    void disconnect() {
        if (disconnecting) {
            return;
        }
        disconnecting = true;
        self.exitedAfterDisconnect(true);
        if (process.connected()) {
            process.send(Protocol.message("exitedAfterDisconnect"));
        } else {
            closeServersThenDisconnect();
        }
    }

    private void closeServersThenDisconnect() {
        if (closing) {
            return;
        }
        closing = true;
        List<ClusterServer> toClose = new ArrayList<>(servers);
        servers.clear();
        List<DescriptorLink> linked = new ArrayList<>(links);
        links.clear();
        dev.nodeshim.loop.Ref hold = loop.ref();
        Thread t = new Thread(() -> {
            // Descriptor passing: the primary ends each link after the last descriptor it sent us; every
            // connection meant for us is adopted once we read that end (the primary said drained after
            // ending them, or died). The bound only matters when the primary gave up waiting itself.
            long deadline = System.currentTimeMillis() + Primary.DRAIN_TIMEOUT_MS;
            for (DescriptorLink l : linked) {
                try {
                    l.awaitEnd(Math.max(0, deadline - System.currentTimeMillis()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            for (ClusterServer s : toClose) {
                try {
                    s.close();
                } catch (IOException | RuntimeException ignored) {
                    // a server that fails to close is closed as far as the cluster is concerned
                }
            }
            if (!linked.isEmpty()) {
                DescriptorLink.shutdown();
            }
            loop.execute(() -> {
                hold.close();
                if (process.connected()) {
                    process.disconnect();
                }
            });
        }, "nodeshim-cluster-close");
        t.setDaemon(true);
        t.start();
    }
}
