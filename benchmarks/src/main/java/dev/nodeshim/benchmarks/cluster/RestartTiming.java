package dev.nodeshim.benchmarks.cluster;

import static dev.nodeshim.cluster.Cluster.cluster;

import dev.nodeshim.cluster.ClusterServer;
import dev.nodeshim.cluster.ClusterSettings;
import dev.nodeshim.cluster.ListeningAddress;
import dev.nodeshim.cluster.Supervisor;
import dev.nodeshim.cluster.SupervisorOptions;
import dev.nodeshim.cluster.Worker;
import dev.nodeshim.loop.EventLoop;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The nodeshim side of {@code bin/bench cluster}'s crash row: one {@link HelloCluster} worker under a
 * {@link Supervisor} with no restart delay, killed with SIGKILL {@code args[0]} times; prints one line
 * {@code <ms from the kill to the replacement's 'listening'> ...}. The twin of
 * {@code benchmarks/node/cluster.js restart} (which forks the replacement at the dead worker's
 * {@code 'exit'}, as a supervisor with no delay does).
 */
public final class RestartTiming {
    private RestartTiming() {}

    public static void main(String[] args) {
        List<Double> ms = new ArrayList<>();
        System.exit(EventLoop.run(args, () -> {
            if (cluster.isWorker()) {
                cluster.listen(ClusterServer.of(HelloCluster.server(), Duration.ZERO), 0, "127.0.0.1");
                return;
            }
            int kills = Integer.parseInt(args[0]);
            List<String> jvm = new ArrayList<>(List.of("-Dsun.net.httpserver.nodelay=true", "-Xmx128m"));
            String extra = System.getenv("BENCH_WORKER_OPTS"); // as HelloCluster's
            if (extra != null && !extra.isBlank()) {
                jvm.addAll(List.of(extra.trim().split("\\s+")));
            }
            cluster.setupPrimary(ClusterSettings.of().exec(RestartTiming.class).execArgv(jvm));
            Supervisor sup = Supervisor.of(SupervisorOptions.defaults().initialDelay(Duration.ZERO));
            long[] killedAt = {0};
            cluster.on("listening", (Worker w, ListeningAddress a) -> {
                if (killedAt[0] != 0) {
                    ms.add((System.nanoTime() - killedAt[0]) / 1e6);
                }
                if (ms.size() == kills) {
                    StringBuilder line = new StringBuilder();
                    for (double m : ms) {
                        line.append(String.format("%.1f ", m));
                    }
                    System.out.println(line.toString().trim());
                    sup.close();
                    cluster.disconnect();
                    return;
                }
                killedAt[0] = System.nanoTime();
                w.process().kill("SIGKILL");
            });
            sup.fork();
        }));
    }
}
