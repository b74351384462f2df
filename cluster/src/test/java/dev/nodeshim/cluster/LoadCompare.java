package dev.nodeshim.cluster;

import static dev.nodeshim.cluster.Cluster.cluster;

import com.sun.net.httpserver.HttpServer;
import dev.nodeshim.loop.EventLoop;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Not a test (surefire's default includes skip it): a side-by-side of a Node cluster
 * (src/test/resources/bench/hello-cluster.js) and the same nodeshim cluster ({@link Hello}), 2 workers
 * answering "hello world\n", under each policy, loaded by the same Java generator (C kept-alive
 * connections, requests back to back). Run with {@code -Dtest=LoadCompare}; prints requests/s and p99.
 */
class LoadCompare {
    private static final int CONNECTIONS = 8;
    private static final long WARMUP_MS = 3_000;
    private static final long MEASURE_MS = 5_000;

    /** The nodeshim twin: primary and workers in one main, as the Node script. */
    static final class Hello {
        public static void main(String[] args) {
            System.exit(EventLoop.run(args, () -> {
                if (cluster.isPrimary()) {
                    cluster.setupPrimary(ClusterSettings.of().exec(Hello.class)
                            .execArgv(List.of("-Dsun.net.httpserver.nodelay=true", "-Xmx128m")));
                    int[] n = {0};
                    cluster.on("listening", (Worker w, ListeningAddress a) -> {
                        if (++n[0] == 2) {
                            System.out.println(a.port());
                        }
                    });
                    cluster.fork();
                    cluster.fork();
                } else {
                    try {
                        HttpServer s = HttpServer.create();
                        byte[] body = "hello world\n".getBytes(StandardCharsets.US_ASCII);
                        s.createContext("/", ex -> {
                            ex.sendResponseHeaders(200, body.length);
                            try (OutputStream out = ex.getResponseBody()) {
                                out.write(body);
                            }
                        });
                        cluster.listen(ClusterServer.of(s, Duration.ZERO), 0, "127.0.0.1");
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            }));
        }
    }

    @Test
    void compare() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("java.class.path");
        String script = Path.of(LoadCompare.class.getResource("/bench/hello-cluster.js").toURI()).toString();
        for (int round = 0; round < 2; round++) {
            for (String policy : List.of("rr", "none")) {
                run("node     " + policy, List.of("node", script), policy);
                run("nodeshim " + policy, List.of(java, "-cp", cp, Hello.class.getName()), policy);
            }
        }
    }

    private static void run(String label, List<String> command, String policy) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("NODE_CLUSTER_SCHED_POLICY", policy);
        Process p = pb.start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            int port = Integer.parseInt(out.readLine().trim());
            load(port, WARMUP_MS);
            long[] r = load(port, MEASURE_MS);
            System.out.printf("%-14s %8.0f req/s  p99 %6.0f µs%n", label, r[0] * 1000.0 / MEASURE_MS, r[1] / 1e3);
        } finally {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor();
        }
    }

    /** {count, p99 ns} of requests answered in {@code ms} over {@value #CONNECTIONS} connections. */
    private static long[] load(int port, long ms) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        List<long[]> lat = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < CONNECTIONS; c++) {
            long[] mine = new long[2_000_000];
            lat.add(mine);
            Thread t = new Thread(() -> {
                byte[] req = "GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
                try (Socket s = new Socket("127.0.0.1", port)) {
                    s.setTcpNoDelay(true);
                    InputStream in = s.getInputStream();
                    int n = 0;
                    while (!stop.get() && n < mine.length - 1) {
                        long t0 = System.nanoTime();
                        s.getOutputStream().write(req);
                        readResponse(in);
                        mine[++n] = System.nanoTime() - t0;
                    }
                    mine[0] = n;
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            threads.add(t);
            t.start();
        }
        Thread.sleep(ms); // a measurement window, not synchronisation
        stop.set(true);
        for (Thread t : threads) {
            t.join();
        }
        int total = lat.stream().mapToInt(a -> (int) a[0]).sum();
        long[] all = new long[total];
        int k = 0;
        for (long[] a : lat) {
            System.arraycopy(a, 1, all, k, (int) a[0]);
            k += (int) a[0];
        }
        Arrays.sort(all);
        return new long[] {total, total == 0 ? 0 : all[(int) (total * 0.99)]};
    }

    /** Headers up to CRLFCRLF, then Content-Length bytes. */
    private static void readResponse(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int state = 0;
        while (state < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("eof");
            }
            head.append((char) b);
            state = (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3)) ? state + 1 : 0;
        }
        int len = 0;
        for (String line : head.toString().split("\r\n")) {
            if (line.regionMatches(true, 0, "content-length:", 0, 15)) {
                len = Integer.parseInt(line.substring(15).trim());
            }
        }
        in.readNBytes(len);
    }
}
