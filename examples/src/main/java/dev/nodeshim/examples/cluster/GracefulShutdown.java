package dev.nodeshim.examples.cluster;

import static dev.nodeshim.cluster.Cluster.cluster;

import dev.nodeshim.cluster.ClusterServer;
import dev.nodeshim.cluster.ListeningAddress;
import dev.nodeshim.cluster.Worker;
import dev.nodeshim.loop.EventLoop;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Graceful shutdown on signals, as a Node primary does it — and as PM2 does for its apps — with the
 * cluster of {@link RestartingCluster}:
 *
 * <pre>{@code
 * process.on('SIGTERM', () => cluster.disconnect());   // each worker closes its server and exits 0
 * cluster.on('exit', (worker, code) => console.log(`worker ${worker.id} exited with code ${code}, …`));
 * }</pre>
 *
 * Java has no {@code process.on('SIGTERM')} (not in nodeshim's process yet): {@code
 * cluster.shutdownOnExit(grace)} installs a JVM shutdown hook — run on SIGTERM, SIGINT, SIGHUP — that
 * does the same {@code disconnect()} of every worker on the loop and lets the JVM end once they have
 * exited (killing them after {@code grace}). Prints {@code ready} once both workers listen; send it
 * SIGTERM then ({@code kill <pid>}). The two exits are printed together, sorted, since the workers end
 * in either order (the Node original, {@code GracefulShutdown.js}, does the same). One difference
 * remains: the JVM's exit status after SIGTERM is 143 (128 + 15) even though the hook ran; node's is 0,
 * since its primary listens to the signal.
 */
public final class GracefulShutdown {
    private GracefulShutdown() {
    }

    public static void main(String[] args) {
        System.exit(EventLoop.run(args, () -> {
            if (cluster.isPrimary()) {
                cluster.shutdownOnExit(Duration.ofSeconds(10));
                List<String> exits = new ArrayList<>();
                cluster.on("exit", (Worker worker, Integer code, String signal) -> {
                    exits.add("worker " + worker.id() + " exited with code " + code + ", after disconnect: "
                            + worker.exitedAfterDisconnect());
                    if (exits.size() == 2) {
                        exits.stream().sorted().forEach(System.out::println);
                    }
                });
                int[] listening = {0};
                cluster.on("listening", (Worker w, ListeningAddress a) -> {
                    if (++listening[0] == 2) {
                        System.out.println("ready");
                    }
                });
                cluster.fork();
                cluster.fork();
            } else {
                cluster.listen(ClusterServer.of(Http.server(Map.of(), () -> "ok", () -> { })), 0, "127.0.0.1");
            }
        }));
    }
}
