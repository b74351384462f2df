package dev.nodeshim.cluster;

import static dev.nodeshim.cluster.Cluster.cluster;
import static dev.nodeshim.process.NodeProcess.process;

import com.sun.net.httpserver.HttpServer;
import dev.nodeshim.events.Listener1;
import dev.nodeshim.loop.EventLoop;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Not a test (surefire's default includes skip it): the measurement behind the README's figures for
 * SCHED_RR's forwarding. Run with {@code -Dtest=RrCost}; results go to the surefire output file.
 *
 * <p>One worker serves the same handler twice: through the cluster (the primary's port, forwarded)
 * and on a port of its own (direct). A raw-socket client (no HttpClient overhead) measures the same
 * three things against both: a new connection per request, requests on one kept-alive connection, and
 * a 64 MiB response.
 */
class RrCost {
    /** The worker: the cluster server and a direct one; tells the primary the direct port. */
    static final class TwoServers {
        public static void main(String[] args) {
            System.exit(EventLoop.run(args, () -> {
                cluster.isWorker();
                try {
                    HttpServer direct = server();
                    direct.bind(new InetSocketAddress("127.0.0.1", 0), 0);
                    direct.start();
                    cluster.listen(ClusterServer.of(server(), Duration.ZERO), 0, "127.0.0.1")
                            .thenRun(() -> process.send(Map.of("direct", direct.getAddress().getPort())));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }));
        }

        static HttpServer server() throws IOException {
            HttpServer s = HttpServer.create();
            byte[] chunk = new byte[64 * 1024];
            s.createContext("/", ex -> {
                String q = ex.getRequestURI().getQuery();
                long size = q != null && q.startsWith("bytes=") ? Long.parseLong(q.substring(6)) : 5;
                ex.sendResponseHeaders(200, size);
                try (OutputStream out = ex.getResponseBody()) {
                    for (long left = size; left > 0; left -= chunk.length) {
                        out.write(chunk, 0, (int) Math.min(chunk.length, left));
                    }
                }
            });
            s.setExecutor(null);
            return s;
        }
    }

    @Test
    void measure() {
        EventLoop.run(() -> {
            cluster.resetForTests();
            // Without nodelay the JDK HttpServer's separate header and body writes meet the client's delayed
            // ACK on a kept-alive connection: about 40 ms per response, forwarded or not.
            cluster.setupPrimary(ClusterSettings.of().exec(TwoServers.class)
                    .execArgv(java.util.List.of("-Dsun.net.httpserver.nodelay=true")));
            Worker w = cluster.fork();
            int[] ports = new int[2];
            cluster.on("listening", (Worker x, ListeningAddress a) -> ports[0] = a.port());
            w.on("message", (Listener1<Object>) m -> {
                ports[1] = (Integer) ((Map<?, ?>) m).get("direct");
                EventLoop loop = EventLoop.current();
                new Thread(() -> {
                    try {
                        for (int round = 0; round < 3; round++) {
                            for (String[] c : new String[][] {{"forwarded", "" + ports[0]}, {"direct", "" + ports[1]}}) {
                                int port = Integer.parseInt(c[1]);
                                System.out.printf("round %d %-9s new connection per request: %s%n", round, c[0],
                                        latencies(port, 2000, false));
                                System.out.printf("round %d %-9s one kept-alive connection:  %s%n", round, c[0],
                                        latencies(port, 5000, true));
                                System.out.printf("round %d %-9s 64 MiB response: %.0f MB/s%n", round, c[0], bulk(port));
                            }
                        }
                    } catch (IOException e) {
                        e.printStackTrace(System.out);
                    } finally {
                        loop.execute(() -> cluster.disconnect());
                    }
                }).start();
            });
        });
        cluster.resetForTests();
    }

    private static String latencies(int port, int n, boolean keepAlive) throws IOException {
        long[] ns = new long[n];
        byte[] req = ("GET / HTTP/1.1\r\nHost: x\r\n" + (keepAlive ? "" : "Connection: close\r\n") + "\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        Socket s = null;
        byte[] buf = new byte[4096];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            if (s == null) {
                s = new Socket("127.0.0.1", port);
                s.setTcpNoDelay(true);
            }
            s.getOutputStream().write(req);
            readResponse(s.getInputStream(), buf, 5);
            if (!keepAlive) {
                s.close();
                s = null;
            }
            ns[i] = System.nanoTime() - t0;
        }
        if (s != null) {
            s.close();
        }
        Arrays.sort(ns);
        return String.format("median %5.0f µs p99 %5.0f µs", ns[n / 2] / 1e3, ns[n * 99 / 100] / 1e3);
    }

    /** Reads one response with a body of {@code body} bytes (headers end at CRLFCRLF). */
    private static void readResponse(InputStream in, byte[] buf, long body) throws IOException {
        int state = 0;
        while (state < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("eof");
            }
            state = (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3)) ? state + 1 : 0;
        }
        for (long left = body; left > 0; ) {
            int r = in.read(buf, 0, (int) Math.min(buf.length, left));
            if (r < 0) {
                throw new IOException("eof");
            }
            left -= r;
        }
    }

    private static double bulk(int port) throws IOException {
        long size = 64L << 20;
        try (Socket s = new Socket("127.0.0.1", port)) {
            long t0 = System.nanoTime();
            s.getOutputStream().write(("GET /?bytes=" + size + " HTTP/1.1\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            readResponse(s.getInputStream(), new byte[64 * 1024], size);
            return size / 1e6 / ((System.nanoTime() - t0) / 1e9);
        }
    }
}
