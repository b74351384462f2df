package dev.nodeshim.examples.cluster;

import static dev.nodeshim.cluster.Cluster.cluster;
import static dev.nodeshim.process.NodeProcess.process;

import dev.nodeshim.cluster.ClusterServer;
import dev.nodeshim.cluster.ListeningAddress;
import dev.nodeshim.cluster.Worker;
import dev.nodeshim.events.Listener3;
import dev.nodeshim.loop.EventLoop;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Ports the seeds' first cluster scripts — "cluster.js" (seeds/003_534de1423c8e6109.txt, "cluster
 * 模块") and the process guard of seeds/001_3007a9ac5ec981a9.txt ("进程守护"): the primary forks one
 * worker per CPU, the workers serve HTTP on one port, and a worker that dies is replaced.
 *
 * <pre>{@code
 * if (cluster.isMaster) {
 *   for (let i = 0; i < numCPUs; i++) cluster.fork();
 *   cluster.on('exit', (worker, code, signal) => {
 *     console.log(`工作进程 ${worker.process.pid} 已退出`);
 *     console.log('开始一个新进程');
 *     cluster.fork();
 *   });
 * } else {
 *   http.createServer((req, res) => { res.writeHead(200); res.end('hello word'); }).listen(8000);
 * }
 * }</pre>
 *
 * To run by itself and print the same lines every time (the Node original, {@code RestartingCluster.js},
 * does the same): it listens on a free port of 127.0.0.1 instead of 8000; names workers by id, not pid;
 * once all listen, asks the port twice per worker and prints how many answers each worker gave (round
 * robin: two each); kills worker 1 with SIGKILL, and the {@code 'exit'} listener forks its replacement;
 * when that one listens, asks once per worker again and prints who answered; then disconnects.
 * Workers answer {@code Connection: close}, so that each request is a new connection — the unit a
 * cluster spreads. {@code WORKERS} in the environment overrides the number of CPUs.
 */
public final class RestartingCluster {
    private RestartingCluster() {
    }

    public static void main(String[] args) {
        System.exit(EventLoop.run(args, () -> {
            int numCPUs = Http.workers(process.env());
            if (cluster.isPrimary()) {
                System.out.println("primary started");
                for (int i = 0; i < numCPUs; i++) {
                    cluster.fork();
                }
                Listener3<Worker, Integer, String> onExit = (worker, code, signal) -> {
                    System.out.println("worker " + worker.id() + " exited (" + signal + "), starting a new one");
                    cluster.fork();
                };
                cluster.on("exit", onExit);
                int[] listening = {0};
                cluster.on("listening", (Worker worker, ListeningAddress address) -> {
                    listening[0]++;
                    if (listening[0] == numCPUs) {
                        System.out.println(numCPUs + " workers listening on one port");
                        Map<String, Integer> served = new TreeMap<>();
                        ask(address.port(), numCPUs * 2, body -> served.merge(body, 1, Integer::sum), () -> {
                            served.forEach((k, n) -> System.out.println(k + ": " + n + " requests"));
                            cluster.workers().get(1).process().kill("SIGKILL");
                        });
                    } else if (listening[0] == numCPUs + 1) {
                        System.out.println("worker " + worker.id() + " listening in its place");
                        TreeSet<String> seen = new TreeSet<>();
                        ask(address.port(), numCPUs, seen::add, () -> {
                            System.out.println("after the restart: " + String.join(", ", seen));
                            cluster.off("exit", onExit);
                            cluster.disconnect(() -> System.out.println("disconnected"));
                        });
                    }
                });
            } else {
                String body = "hello from worker " + cluster.worker().id();
                cluster.listen(ClusterServer.of(Http.server(Map.of("Connection", "close"), () -> body, () -> { })),
                        0, "127.0.0.1");
            }
        }));
    }

    /** {@code n} requests one after the other, each body to {@code each}; then {@code done}. */
    private static void ask(int port, int n, java.util.function.Consumer<String> each, Runnable done) {
        Http.get(port, body -> {
            each.accept(body);
            if (n > 1) {
                ask(port, n - 1, each, done);
            } else {
                done.run();
            }
        });
    }
}
