package dev.nodeshim.cluster;

import static dev.nodeshim.cluster.Cluster.cluster;
import static dev.nodeshim.process.NodeProcess.process;

import com.sun.net.httpserver.HttpServer;
import dev.nodeshim.events.Listener1;
import dev.nodeshim.loop.EventLoop;
import dev.nodeshim.loop.Timers;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** The worker programs the tests fork; each is a main class, as a user's would be. */
final class ClusterWorkers {
    private ClusterWorkers() {}

    /** A worker program that never touches {@link Cluster}: its loop has nothing of its own to do. */
    static final class NoCluster {
        public static void main(String[] args) {
            System.exit(EventLoop.run(args, () -> { }));
        }
    }

    /**
     * cluster-lifecycle.js's worker: answers each message with {@code {reply, seen, id}} and listens
     * with an HttpServer on {@code 127.0.0.1:0}.
     */
    static final class Lifecycle {
        public static void main(String[] args) {
            System.exit(EventLoop.run(args, () -> {
                if (!cluster.isWorker()) {
                    throw new IllegalStateException("not a worker");
                }
                int[] seen = {0};
                process.on("message", (Listener1<Object>) m -> {
                    Map<String, Object> reply = new LinkedHashMap<>();
                    reply.put("reply", m);
                    reply.put("seen", ++seen[0]);
                    reply.put("id", cluster.worker().id());
                    process.send(reply);
                });
                cluster.worker().on("disconnect", () -> { });
                cluster.listen(ClusterServer.of(http(), Duration.ZERO), 0, "127.0.0.1");
            }));
        }
    }

    /**
     * cluster-exits.js's worker, by {@code MODE}: {@code self-disconnect} disconnects itself and lives
     * 300 ms more, {@code exit3} exits with 3, {@code idle} waits.
     */
    static final class Exits {
        public static void main(String[] args) {
            System.exit(EventLoop.run(args, () -> {
                String mode = process.env().get("MODE");
                if (cluster.isPrimary()) {
                    throw new IllegalStateException("not a worker");
                }
                switch (mode) {
                    case "self-disconnect" -> {
                        cluster.worker().disconnect();
                        Timers.setTimeout(() -> { }, 300);
                    }
                    case "exit3" -> process.exit(3);
                    default -> process.on("message", (Listener1<Object>) m -> { });
                }
            }));
        }
    }

    /**
     * Serves HTTP on the port given in {@code PORT} (0 for any) of 127.0.0.1; every response is
     * {@code "<worker id>"} with {@code Connection: close}, so each request of a client is a new
     * connection (the unit the cluster spreads).
     */
    static final class Http {
        public static void main(String[] args) {
            System.exit(EventLoop.run(args, () -> {
                if (cluster.isPrimary()) {
                    throw new IllegalStateException("not a worker");
                }
                int port = Integer.parseInt(process.env().getOrDefault("PORT", "0"));
                // a grace for what is in flight when it closes (under SCHED_NONE nothing else drains it)
                cluster.listen(ClusterServer.of(http(), Duration.ofSeconds(1)), port, "127.0.0.1").whenComplete((a, e) -> {
                    if (e instanceof dev.nodeshim.errors.NodeError err) {
                        process.send(NodeOut.fields(err)); // cluster-eaddrinuse.js's worker: its server's 'error' 
                    }
                });
            }));
        }
    }

    /**
     * A primary of its own (for {@link OrphanTest}): forks two {@link Http} workers and, when both
     * listen, sends its parent {@code {"pids": [...]}}; then only waits.
     */
    static final class PrimaryMain {
        public static void main(String[] args) {
            System.exit(EventLoop.run(args, () -> {
                cluster.setupPrimary(ClusterSettings.of().exec(Http.class));
                cluster.fork();
                cluster.fork();
                java.util.List<Long> pids = new java.util.ArrayList<>();
                cluster.on("listening", (Worker w, ListeningAddress a) -> {
                    pids.add(w.process().pid());
                    if (pids.size() == 2) {
                        process.send(Map.of("pids", pids));
                    }
                });
                process.on("message", (Listener1<Object>) m -> { });
            }));
        }
    }

    /**
     * A primary with {@code cluster.shutdownOnExit}: forks two {@link Http} workers, sends its parent
     * {@code {"pids": [...]}} when both listen, and appends each worker's exit to the file {@code args[0]}.
     */
    static final class GracefulPrimary {
        public static void main(String[] args) {
            System.exit(EventLoop.run(args, () -> {
                cluster.setupPrimary(ClusterSettings.of().exec(Http.class));
                cluster.on("exit", (Worker w, Integer c, String sig) -> {
                    try {
                        java.nio.file.Files.writeString(java.nio.file.Path.of(args[0]),
                                "exit " + c + " " + sig + " " + w.exitedAfterDisconnect() + "\n",
                                java.nio.file.StandardOpenOption.APPEND);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                cluster.shutdownOnExit(Duration.ofSeconds(20));
                cluster.fork();
                cluster.fork();
                java.util.List<Long> pids = new java.util.ArrayList<>();
                cluster.on("listening", (Worker w, ListeningAddress a) -> {
                    pids.add(w.process().pid());
                    if (pids.size() == 2) {
                        process.send(Map.of("pids", pids));
                    }
                });
                process.on("message", (Listener1<Object>) m -> { });
            }));
        }
    }

    /**
     * PM2's wait_ready worker: listens like {@link Http}, then sends {@code "ready"} only when the
     * primary sends it {@code "go"} (never, with {@code MODE=never}).
     */
    static final class Ready {
        public static void main(String[] args) {
            System.exit(EventLoop.run(args, () -> {
                boolean never = "never".equals(process.env().get("MODE"));
                process.on("message", (Listener1<Object>) m -> {
                    if ("go".equals(m) && !never) {
                        process.send("ready");
                    }
                });
                cluster.listen(ClusterServer.of(http(), Duration.ZERO), 0, "127.0.0.1");
            }));
        }
    }

    /** Asks for port 0 like {@link Http}, then dies inside its server's bind (SharedPortTest). */
    static final class DiesInBind {
        public static void main(String[] args) {
            System.exit(EventLoop.run(args, () -> {
                cluster.isWorker();
                cluster.listen(new ClusterServer() {
                    @Override
                    public java.net.InetSocketAddress bind(java.net.InetSocketAddress address) {
                        Runtime.getRuntime().halt(1);
                        return address;
                    }

                    @Override
                    public void close() { }
                }, 0, "127.0.0.1");
            }));
        }
    }

    static HttpServer http() {
        try {
            HttpServer s = HttpServer.create();
            String id = process.env().get("NODE_UNIQUE_ID");
            s.createContext("/", exchange -> {
                byte[] body = id.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Connection", "close");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            return s;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
