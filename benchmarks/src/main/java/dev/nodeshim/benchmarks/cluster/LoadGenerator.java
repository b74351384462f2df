package dev.nodeshim.benchmarks.cluster;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A closed-loop HTTP/1.1 load generator for {@code bin/bench cluster}: a fixed number of kept-alive
 * connections to 127.0.0.1, each a thread sending {@code GET /} and reading the whole response before
 * the next (wrk's model without its pipelining). Both clusters get exactly this client.
 */
final class LoadGenerator {
    private static final byte[] REQUEST = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] REQUEST_CLOSE =
            "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    /** Requests answered in a window, and their latencies. */
    record Result(long requests, double seconds, long p50Nanos, long p99Nanos) {
        double perSecond() {
            return requests / seconds;
        }
    }

    private LoadGenerator() {}

    /** Loads {@code port} over {@code connections} kept-alive connections for {@code millis} ms. */
    static Result run(int port, int connections, long millis) throws InterruptedException {
        return run(port, connections, millis, false);
    }

    /**
     * Loads {@code port} from {@code connections} threads for {@code millis} ms; with {@code perRequest}
     * each request is a new connection ({@code Connection: close}, then a reset from our side, so that
     * no TIME_WAIT piles up): what a cluster spreads is connections, so this is what measures it.
     */
    static Result run(int port, int connections, long millis, boolean perRequest) throws InterruptedException {
        return run(port, connections, 0, millis, perRequest);
    }

    /**
     * As {@link #run(int, int, long, boolean)}, but the connections first serve {@code warmupMillis} ms
     * unmeasured and go straight on into the measured {@code millis} ms: no connection closes or opens
     * between warm-up and measurement. (A JVM server deoptimizes its hot compiled path the first time a
     * connection closes and others open — about a hundred of Netty's methods made not entrant and
     * compiled again over the next seconds, see cluster/README.md — which a warm-up on connections of
     * its own put at the start of every measured window.)
     */
    static Result run(int port, int connections, long warmupMillis, long millis, boolean perRequest)
            throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicBoolean measuring = new AtomicBoolean(warmupMillis <= 0);
        List<long[]> latencies = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int c = 0; c < connections; c++) {
            long[] mine = new long[4_000_000]; // [0] = count, then latencies in ns
            latencies.add(mine);
            Thread t = new Thread(() -> {
                if (perRequest) {
                    oneConnectionEach(port, stop, measuring, mine, failures);
                    return;
                }
                try (Socket s = new Socket("127.0.0.1", port)) {
                    s.setTcpNoDelay(true);
                    InputStream in = new BufferedInputStream(s.getInputStream(), 16 * 1024);
                    OutputStream out = s.getOutputStream();
                    int n = 0;
                    while (!stop.get() && n < mine.length - 1) {
                        boolean counted = measuring.get(); // only requests begun inside the window count
                        long t0 = System.nanoTime();
                        out.write(REQUEST);
                        readResponse(in);
                        if (counted) {
                            mine[++n] = System.nanoTime() - t0;
                        }
                    }
                    mine[0] = n;
                } catch (IOException | RuntimeException e) {
                    failures.add(e);
                }
            }, "load-" + c);
            threads.add(t);
        }
        threads.forEach(Thread::start);
        if (warmupMillis > 0) {
            Thread.sleep(warmupMillis); // the warm-up, not synchronisation
            measuring.set(true);
        }
        long start = System.nanoTime();
        Thread.sleep(millis); // the measurement window, not synchronisation
        stop.set(true);
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!failures.isEmpty()) {
            throw new IllegalStateException("load generator: " + failures.size() + " connections failed", failures.get(0));
        }
        int total = 0;
        for (long[] a : latencies) {
            total += (int) a[0];
        }
        long[] all = new long[total];
        int k = 0;
        for (long[] a : latencies) {
            System.arraycopy(a, 1, all, k, (int) a[0]);
            k += (int) a[0];
        }
        Arrays.sort(all);
        return new Result(total, seconds, total == 0 ? 0 : all[total / 2], total == 0 ? 0 : all[(int) (total * 0.99)]);
    }

    private static void oneConnectionEach(int port, AtomicBoolean stop, AtomicBoolean measuring, long[] mine,
            List<Throwable> failures) {
        int n = 0;
        try {
            while (!stop.get() && n < mine.length - 1) {
                boolean counted = measuring.get();
                long t0 = System.nanoTime();
                try (Socket s = new Socket("127.0.0.1", port)) {
                    s.setTcpNoDelay(true);
                    s.setSoLinger(true, 0);
                    s.getOutputStream().write(REQUEST_CLOSE);
                    readResponse(new BufferedInputStream(s.getInputStream(), 1024));
                }
                if (counted) {
                    mine[++n] = System.nanoTime() - t0;
                }
            }
        } catch (IOException | RuntimeException e) {
            failures.add(e);
        }
        mine[0] = n;
    }

    /** Status line and headers up to CRLFCRLF, then Content-Length bytes of body. */
    private static void readResponse(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int length = -1;
        boolean first = true;
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed mid-response");
            }
            if (b == '\n') {
                int end = line.length() > 0 && line.charAt(line.length() - 1) == '\r' ? line.length() - 1 : line.length();
                if (end == 0) {
                    break;
                }
                if (first && !line.toString().startsWith("HTTP/1.1 200")) {
                    throw new IOException("unexpected status: " + line);
                }
                first = false;
                if (line.length() > 15 && line.toString().regionMatches(true, 0, "content-length:", 0, 15)) {
                    length = Integer.parseInt(line.substring(15, end).trim());
                }
                line.setLength(0);
            } else {
                line.append((char) b);
            }
        }
        if (length < 0) {
            throw new IOException("no Content-Length");
        }
        if (in.readNBytes(length).length != length) {
            throw new IOException("short body");
        }
    }
}
