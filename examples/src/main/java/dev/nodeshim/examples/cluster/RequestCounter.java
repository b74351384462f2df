package dev.nodeshim.examples.cluster;

import static dev.nodeshim.cluster.Cluster.cluster;
import static dev.nodeshim.process.NodeProcess.process;

import dev.nodeshim.cluster.ClusterServer;
import dev.nodeshim.cluster.ListeningAddress;
import dev.nodeshim.cluster.Worker;
import dev.nodeshim.events.Listener1;
import dev.nodeshim.loop.EventLoop;
import java.util.Map;

/**
 * Ports "对请求计数" (seeds/004_e34e46b03facd9fc.txt): workers tell the primary of every request they
 * serve ({@code process.send({cmd: 'notifyRequest'})}) and the primary counts them, listening on each
 * worker's {@code 'message'}.
 *
 * <pre>{@code
 * if (cluster.isMaster) {
 *   let numReqs = 0;
 *   setInterval(() => { console.log(`请求的数量 = ${numReqs}`); }, 1000);
 *   function messageHandler(msg) {
 *     if (msg.cmd && msg.cmd === 'notifyRequest') numReqs += 1;
 *   }
 *   for (let i = 0; i < numCPUs; i++) cluster.fork();
 *   for (const id in cluster.workers) cluster.workers[id].on('message', messageHandler);
 * } else {
 *   http.Server((req, res) => {
 *     res.writeHead(200);
 *     res.end('123123\n');
 *     process.send({ cmd: 'notifyRequest' });
 *   }).listen(8000);
 * }
 * }</pre>
 *
 * To run by itself with the same output every time (as its Node original, {@code RequestCounter.js}):
 * a free port instead of 8000; once every worker listens the primary asks the port 6 times and prints
 * the count when the sixth message has come — instead of every second — then disconnects; the
 * workers' own prints (their pids, in whatever order they run) are left out. A message is a
 * {@code Map} here, as JSON makes it. The workers answer {@code Connection: close}: the JDK's client
 * keeps connections for reuse (Node's original asks with {@code agent: false}), and a worker being
 * disconnected waits for the connections it serves to end (up to 10 s).
 */
public final class RequestCounter {
    static final int REQUESTS = 6;

    private RequestCounter() {
    }

    public static void main(String[] args) {
        System.exit(EventLoop.run(args, () -> {
            if (cluster.isPrimary()) {
                int[] numReqs = {0};
                Listener1<Object> messageHandler = msg -> {
                    if (msg instanceof Map<?, ?> m && "notifyRequest".equals(m.get("cmd"))) {
                        numReqs[0] += 1;
                        if (numReqs[0] == REQUESTS) {
                            System.out.println("请求的数量 = " + numReqs[0]);
                            cluster.disconnect();
                        }
                    }
                };
                int numCPUs = Http.workers(process.env());
                for (int i = 0; i < numCPUs; i++) {
                    cluster.fork();
                }
                for (Worker w : cluster.workers().values()) {
                    w.on("message", messageHandler);
                }
                int[] listening = {0};
                cluster.on("listening", (Worker worker, ListeningAddress address) -> {
                    if (++listening[0] == numCPUs) {
                        ask(address.port(), REQUESTS);
                    }
                });
            } else {
                cluster.listen(ClusterServer.of(Http.server(Map.of("Connection", "close"), () -> "123123\n",
                        () -> process.send(Map.of("cmd", "notifyRequest")))), 0, "127.0.0.1");
            }
        }));
    }

    private static void ask(int port, int n) {
        Http.get(port, body -> {
            if (n > 1) {
                ask(port, n - 1);
            }
        });
    }
}
