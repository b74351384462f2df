package dev.nodeshim.examples.cluster;

import static dev.nodeshim.cluster.Cluster.cluster;
import static dev.nodeshim.process.NodeProcess.process;

import dev.nodeshim.cluster.ClusterServer;
import dev.nodeshim.cluster.ListeningAddress;
import dev.nodeshim.cluster.Worker;
import dev.nodeshim.events.Listener0;
import dev.nodeshim.loop.EventLoop;
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
 * The Java port is written the same way, with nodeshim's signal events on {@code process}: the
 * SIGTERM listener disconnects every worker, the workers close their servers and exit, and the primary's
 * loop, with nothing left to wait for, ends with status 0, as node's does. Prints {@code ready} once
 * both workers listen; send it SIGTERM then ({@code kill <pid>}). The two exits are printed together,
 * sorted, since the workers end in either order (the Node original, {@code GracefulShutdown.js}, does
 * the same).
 */
public final class GracefulShutdown {
    private GracefulShutdown() {
    }

    public static void main(String[] args) {
        System.exit(EventLoop.run(args, () -> {
            if (cluster.isPrimary()) {
                process.on("SIGTERM", (Listener0) () -> cluster.disconnect());
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
