package dev.nodeshim.benchmarks.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * {@code bin/bench cluster}: a 2-worker nodeshim cluster ({@link HelloCluster}) against its Node twin
 * ({@code benchmarks/node/cluster.js}) on loopback, both driven by the same {@link LoadGenerator}.
 * For SCHED_RR and SCHED_NONE, rounds alternate Node and nodeshim, each a fresh cluster with a warm-up
 * then a measured window; afterwards each worker's RSS is read from {@code /proc}. Then the crash row:
 * the time from SIGKILL of a worker to its replacement's {@code 'listening'} ({@link RestartTiming}
 * and {@code cluster.js restart}). Prints a markdown table of medians with the ratio nodeshim/Node.
 *
 * <p>Settings (environment): {@code BENCH_CONNECTIONS} (8), {@code BENCH_WARMUP_MS} (10000: a JVM worker
 * reaches its full speed 4-6 s into the load, a node worker within 1 s; the warm-up's connections go on
 * into the measured window),
 * {@code BENCH_MEASURE_MS} (5000), {@code BENCH_ROUNDS} (3), {@code BENCH_KILLS} (5; 0 leaves out the crash row),
 * {@code BENCH_POLICIES} ({@code rr,none}), {@code BENCH_SERVERS} ({@code jdk,netty,netty-fd}: the servers the
 * nodeshim workers run — the JDK's HttpServer, and {@link NettyHello}, which under SCHED_RR is relayed
 * to ({@code netty}: the primary runs with {@code -Dnodeshim.cluster.passDescriptors=false}) or passed
 * descriptors ({@code netty-fd}, the cluster's default for an adopting server; under SCHED_NONE the
 * same as {@code netty}, so skipped), and under SCHED_NONE {@code netty-shared}: the primary shares one
 * listening socket with the workers, as Node does ({@code -Dnodeshim.cluster.shareListening=true},
 * against {@code netty}'s SO_REUSEPORT socket per worker); each is a row against the same Node runs),
 * {@code BENCH_NEW_CONNECTIONS} ({@code 1}: a new connection per request, {@code Connection: close};
 * otherwise the connections are kept alive), {@code BENCH_NETTY_THREADS} (1), {@code BENCH_WORKER_OPTS} (more JVM options for the nodeshim
 * workers, space-separated, after {@link HelloCluster}'s {@code -Xmx128m -XX:+UseSerialGC -Xms8m}: e.g.
 * {@code -XX:-UseSerialGC -XX:+UseG1GC -Xms128m} for the JVM's own choice on this machine).
 */
public final class ClusterBench {
    private ClusterBench() {}

    record Run(double rps, double p99Ms, double rssMiB) {}

    /** {@code BENCH_NEW_CONNECTIONS=1}: every request on a new connection instead of kept-alive ones. */
    private static final boolean NEW_CONNECTIONS = "1".equals(System.getenv("BENCH_NEW_CONNECTIONS"));

    public static void main(String[] args) throws Exception {
        String twin = args.length > 0 ? args[0] : "benchmarks/node/cluster.js";
        int connections = env("BENCH_CONNECTIONS", 8);
        long warmup = env("BENCH_WARMUP_MS", 10000);
        long measure = env("BENCH_MEASURE_MS", 5000);
        int rounds = env("BENCH_ROUNDS", 3);
        int kills = env("BENCH_KILLS", 5);
        List<String> policies = List.of(System.getenv().getOrDefault("BENCH_POLICIES", "rr,none").split(","));
        List<String> servers = List.of(System.getenv().getOrDefault("BENCH_SERVERS", "jdk,netty,netty-fd").split(","));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("java.class.path");

        StringBuilder table = new StringBuilder();
        table.append(String.format("| %-" + LABEL + "s | %10s | %10s | %13s |%n", "row", "Node", "nodeshim", "nodeshim/Node"));
        table.append(String.format("|%s|%s:|%s:|%s:|%n", "-".repeat(LABEL + 2), "-".repeat(11), "-".repeat(11), "-".repeat(14)));
        List<Double> nodeRss = new ArrayList<>();
        Map<String, List<Double>> shimRss = new java.util.LinkedHashMap<>();
        StringBuilder pairedRatios = new StringBuilder();
        for (String policy : policies) {
            List<Run> node = new ArrayList<>();
            Map<String, List<Run>> shim = new java.util.LinkedHashMap<>();
            for (int r = 0; r < rounds; r++) {
                node.add(serve("node " + policy, List.of("node", twin, "serve"), policy, null, connections, warmup,
                        measure));
                for (String server : servers) {
                    if (server.equals("netty-fd") && !policy.equals("rr")
                            || server.equals("netty-shared") && policy.equals("rr")) {
                        continue; // connections are passed under SCHED_RR only, the listening socket under SCHED_NONE
                    }
                    List<String> command = new ArrayList<>(List.of(java, "-cp", cp));
                    if (server.equals("netty") && policy.equals("rr")) {
                        command.add("-D" + "nodeshim.cluster.passDescriptors=false"); // the relay, for comparison
                    } else if (server.equals("netty-shared")) {
                        command.add("-D" + "nodeshim.cluster.shareListening=true"); // Node's SCHED_NONE
                    }
                    command.add(HelloCluster.class.getName());
                    shim.computeIfAbsent(server, k -> new ArrayList<>()).add(serve(server + " " + policy,
                            command, policy, server.startsWith("netty") ? "netty" : server, connections, warmup, measure));
                }
            }
            node.forEach(x -> nodeRss.add(x.rssMiB()));
            String name = policy.equals("rr") ? "SCHED_RR" : "SCHED_NONE";
            for (Map.Entry<String, List<Run>> e : shim.entrySet()) {
                e.getValue().forEach(x -> shimRss.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(x.rssMiB()));
                String server = serverName(e.getKey(), policy);
                row(table, name + " requests/s, " + server, median(node, Run::rps), median(e.getValue(), Run::rps), "%.0f");
                // each round's nodeshim run next to that round's Node run: steadier on a shared machine
                List<Double> paired = new ArrayList<>();
                for (int r = 0; r < node.size(); r++) {
                    paired.add(e.getValue().get(r).rps() / node.get(r).rps());
                }
                pairedRatios.append(String.format(Locale.ROOT, "%s requests/s, %s: per-round ratios %s, median %.2f%n",
                        name, server, paired.stream().map(x -> String.format(Locale.ROOT, "%.2f", x)).toList(),
                        medianOf(paired)));
                row(table, name + " p99 latency (ms), " + server, median(node, Run::p99Ms),
                        median(e.getValue(), Run::p99Ms), "%.2f");
            }
        }
        if (kills > 0) { // BENCH_KILLS=0: no crash row
            double nodeCrash = medianOf(restart("node", List.of("node", twin, "restart", String.valueOf(kills))));
            double shimCrash = medianOf(restart("nodeshim", List.of(java, "-cp", cp, RestartTiming.class.getName(),
                    String.valueOf(kills))));
            row(table, "crash → replacement listening (ms)", nodeCrash, shimCrash, "%.0f");
        }
        for (Map.Entry<String, List<Double>> e : shimRss.entrySet()) {
            row(table, "RSS per worker after load (MiB), " + serverName(e.getKey(), "none"), medianOf(nodeRss),
                    medianOf(e.getValue()), "%.0f");
        }
        System.out.println();
        System.out.printf((NEW_CONNECTIONS ? "a new connection per request, %d threads" : "%d connections")
                + ", %d ms warm-up, %d ms measured, %d rounds; medians; "
                + "p99, crash time and RSS: lower is better%n%n", connections, warmup, measure, rounds);
        System.out.print(table);
        System.out.println();
        System.out.print(pairedRatios);
        Path out = Path.of("benchmarks/results");
        if (Files.isDirectory(out)) {
            Files.writeString(out.resolve("cluster.md"), table + "\n" + pairedRatios);
        }
    }

    /** The table's name of a {@code BENCH_SERVERS} entry under {@code policy}. */
    private static String serverName(String server, String policy) {
        return switch (server) {
            case "jdk" -> "HttpServer" + (policy.equals("rr") ? " (relayed)" : "");
            case "netty" -> "Netty" + (policy.equals("rr") ? " (relayed)" : "");
            case "netty-fd" -> "Netty (descriptors passed)";
            case "netty-shared" -> "Netty (one shared listening socket)";
            default -> server;
        };
    }

    /** Starts a cluster ({@code server}: the workers' BENCH_SERVER, null for Node), loads it, reads its workers' RSS, ends it. */
    private static Run serve(String label, List<String> command, String policy, String server, int connections,
            long warmup, long measure) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().put("NODE_CLUSTER_SCHED_POLICY", policy);
        if (server != null) {
            pb.environment().put("BENCH_SERVER", server);
        }
        Process p = pb.start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String first = out.readLine();
            if (first == null) {
                throw new IllegalStateException(label + ": the primary ended before listening");
            }
            int port = Integer.parseInt(first.trim());
            // the connections each worker serves, sampled in the middle of the measured window
            List<Integer> spread = new java.util.concurrent.CopyOnWriteArrayList<>();
            Thread sampler = new Thread(() -> {
                try {
                    Thread.sleep(warmup + measure / 2); // a point in the window, not synchronisation
                    spread.addAll(Spread.of(workers(p), port));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "spread");
            if (!NEW_CONNECTIONS) {
                sampler.start();
            }
            // one run: the warm-up's connections go on into the measured window (LoadGenerator's Javadoc: why)
            LoadGenerator.Result r = LoadGenerator.run(port, connections, warmup, measure, NEW_CONNECTIONS);
            sampler.join();
            List<Long> rss = workerRss(p);
            double rssMiB = rss.stream().mapToLong(Long::longValue).average().orElse(Double.NaN) / 1024.0;
            Run run = new Run(r.perSecond(), r.p99Nanos() / 1e6, rssMiB);
            System.err.printf(Locale.ROOT, "%-14s %8.0f req/s  p50 %6.3f ms  p99 %6.3f ms  workers' RSS %s KiB%s%n",
                    label, run.rps(), r.p50Nanos() / 1e6, run.p99Ms(), rss,
                    spread.isEmpty() ? "" : "  connections per worker " + spread);
            return run;
        } finally {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /**
     * VmRSS (KiB) of the primary's descendants that are workers: a node or java process with
     * {@code NODE_UNIQUE_ID} in its environment (not, say, the class-data training JVM a fork starts in
     * the background after the jar changed: childprocess README).
     */
    private static List<Long> workerRss(Process primary) throws IOException {
        List<Long> rss = new ArrayList<>();
        for (long pid : workers(primary)) {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss.add(Long.parseLong(line.replaceAll("[^0-9]", "")));
                }
            }
        }
        if (rss.size() != 2) {
            throw new IllegalStateException("expected 2 workers, found " + rss.size());
        }
        return rss;
    }

    /** The pids of the primary's workers (see {@link #workerRss}). */
    private static List<Long> workers(Process primary) {
        List<Long> pids = new ArrayList<>();
        for (ProcessHandle h : primary.descendants().toList()) {
            String cmd = h.info().command().orElse("");
            if ((cmd.endsWith("/node") || cmd.endsWith("/java") || cmd.equals("node") || cmd.equals("java"))
                    && isWorker(h.pid())) {
                pids.add(h.pid());
            }
        }
        return pids;
    }

    private static boolean isWorker(long pid) {
        try {
            return ("\0" + new String(Files.readAllBytes(Path.of("/proc", String.valueOf(pid), "environ")),
                    StandardCharsets.ISO_8859_1)).contains("\0NODE_UNIQUE_ID=");
        } catch (IOException e) {
            return false; // gone, or not ours to read
        }
    }

    /** The crash-to-listening times (ms) one restart program prints on its single line. */
    private static List<Double> restart(String label, List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            String line = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0 || line.isEmpty()) {
                throw new IllegalStateException(label + " restart run failed: " + line);
            }
            List<Double> ms = Arrays.stream(line.split("\\s+")).map(Double::parseDouble).toList();
            System.err.printf("%-14s crash → listening (ms): %s%n", label, ms);
            return ms;
        } finally {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }

    private static final int LABEL = 62;

    private static void row(StringBuilder table, String name, double node, double shim, String fmt) {
        table.append(String.format(Locale.ROOT, "| %-" + LABEL + "s | %10s | %10s | %13.2f |%n", name,
                String.format(Locale.ROOT, fmt, node), String.format(Locale.ROOT, fmt, shim), shim / node));
    }

    private static double median(List<Run> runs, ToDoubleFunction<Run> f) {
        return medianOf(runs.stream().map(r -> f.applyAsDouble(r)).toList());
    }

    private static double medianOf(List<Double> xs) {
        double[] s = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
    }

    private static int env(String name, int dflt) {
        String v = System.getenv(name);
        return v == null || v.isEmpty() ? dflt : Integer.parseInt(v);
    }
}
