package dev.nodeshim.cluster;

import static dev.nodeshim.cluster.Cluster.cluster;

import dev.nodeshim.loop.EventLoop;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Not a test (surefire's default includes skip it): the time from a worker's crash (SIGKILL) to its
 * replacement listening, under a {@link Supervisor} with no restart delay, and each worker's RSS once
 * listening — the twin of src/test/resources/bench/restart-cost.js. Run with {@code -Dtest=RestartCost}.
 */
class RestartCost {
    @Test
    void measure() {
        for (List<String> jvm : List.of(List.<String>of(), List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Xss512k", "-XX:CICompilerCount=1"))) {
            List<Double> times = new ArrayList<>();
            List<Long> rss = new ArrayList<>();
            EventLoop.run(() -> {
                cluster.resetForTests();
                cluster.setupPrimary(ClusterSettings.of().exec(ClusterWorkers.Http.class).execArgv(jvm));
                Supervisor sup = Supervisor.of(SupervisorOptions.defaults().initialDelay(Duration.ZERO));
                long[] killedAt = {0};
                cluster.on("listening", (Worker w, ListeningAddress a) -> w.memoryUsage().thenAccept(m -> {
                    rss.add(m.get("rss"));
                    if (killedAt[0] != 0) {
                        times.add((System.nanoTime() - killedAt[0]) / 1e6);
                    }
                    if (times.size() == 5) {
                        sup.close();
                        cluster.disconnect();
                        return;
                    }
                    killedAt[0] = System.nanoTime();
                    w.process().kill("SIGKILL");
                }));
                sup.fork();
            });
            times.sort(null);
            rss.sort(null);
            System.out.printf("nodeshim %s crash-to-listening median %.0f ms (min %.0f, max %.0f); worker RSS median %d MiB%n",
                    jvm, times.get(2), times.get(0), times.get(4), rss.get(3) >> 20);
        }
        cluster.resetForTests();
    }
}
