package dev.nodeshim.benchmarks.cluster;

import static dev.nodeshim.cluster.Cluster.cluster;

import com.sun.net.httpserver.HttpServer;
import dev.nodeshim.cluster.ClusterServer;
import dev.nodeshim.cluster.ClusterSettings;
import dev.nodeshim.cluster.ListeningAddress;
import dev.nodeshim.cluster.Worker;
import dev.nodeshim.loop.EventLoop;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * The nodeshim side of {@code bin/bench cluster}: a primary forking 2 workers that answer
 * {@code "hello world\n"} with the JDK's {@code HttpServer} on one port of 127.0.0.1 (policy from
 * {@code NODE_CLUSTER_SCHED_POLICY}); the primary prints the port once both listen. The twin of
 * {@code benchmarks/node/cluster.js serve}. With {@code BENCH_SERVER=netty} in the environment the
 * workers serve the same response with Netty instead ({@link NettyHello}).
 */
public final class HelloCluster {
    static final byte[] BODY = "hello world\n".getBytes(StandardCharsets.US_ASCII);

    private HelloCluster() {}

    public static void main(String[] args) {
        System.exit(EventLoop.run(args, () -> {
            if (cluster.isPrimary()) {
                // nodelay: the JDK server writes headers and body apart; without it the body waits
                // for the client's delayed ACK (see cluster/README.md). SerialGC with a small initial
                // heap: a lean worker, RSS 77-89 MiB instead of G1's 153-164 at the same requests/s
                // (cluster/README.md, "Worker memory"); the heap still grows to -Xmx when it must.
                List<String> jvm = new java.util.ArrayList<>(List.of("-Dsun.net.httpserver.nodelay=true", "-Xmx128m",
                        "-XX:+UseSerialGC", "-Xms8m"));
                String extra = System.getenv("BENCH_WORKER_OPTS"); // more worker JVM options, space-separated
                if (extra != null && !extra.isBlank()) {
                    jvm.addAll(List.of(extra.trim().split("\\s+")));
                }
                cluster.setupPrimary(ClusterSettings.of().exec(HelloCluster.class).execArgv(jvm));
                int[] listening = {0};
                cluster.on("listening", (Worker w, ListeningAddress a) -> {
                    if (++listening[0] == 2) {
                        System.out.println(a.port());
                    }
                });
                cluster.fork();
                cluster.fork();
            } else if ("netty".equals(System.getenv("BENCH_SERVER"))) {
                String threads = System.getenv("BENCH_NETTY_THREADS");
                cluster.listen(NettyHello.server(threads == null || threads.isEmpty() ? 1 : Integer.parseInt(threads)),
                        0, "127.0.0.1");
            } else {
                cluster.listen(ClusterServer.of(server(), Duration.ZERO), 0, "127.0.0.1");
            }
        }));
    }

    static HttpServer server() {
        try {
            HttpServer s = HttpServer.create();
            s.createContext("/", ex -> {
                ex.sendResponseHeaders(200, BODY.length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(BODY);
                }
            });
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
