package dev.nodeshim.cluster;

import static dev.nodeshim.cluster.Cluster.cluster;

import dev.nodeshim.loop.EventLoop;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Ad hoc, not part of the suite ({@code -Dtest=PipeCost}): a new connection at a time through a
 * 2-worker cluster on a Unix socket, nodeshim (relayed by the primary) against node 20 (node/pipe-twin.js,
 * handles passed by its primary), the same Java client; three rounds, medians and p99 per round.
 */
class PipeCost {
    static long[] run(Path sock, int n) throws Exception {
        long[] t = new long[n];
        ByteBuffer b = ByteBuffer.allocate(16);
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            try (SocketChannel c = SocketChannel.open(UnixDomainSocketAddress.of(sock))) {
                b.clear();
                while (c.read(b) >= 0) {
                    b.clear(); // the answer is only the worker's id
                }
            }
            t[i] = System.nanoTime() - t0;
        }
        Arrays.sort(t);
        return t;
    }

    static String summary(long[] t) {
        return "median " + t[t.length / 2] / 1000 + " us, p99 " + t[t.length * 99 / 100] / 1000 + " us";
    }

    @Test
    void measure() throws Exception {
        Path dir = Files.createTempDirectory("pipecost");
        for (int round = 0; round < 3; round++) {
            Path sock = dir.resolve("j.sock");
            EventLoop.run(() -> {
                cluster.resetForTests();
                cluster.setupPrimary(ClusterSettings.of().exec(PipeTest.IdWorker.class));
                cluster.fork(Map.of("SOCK", sock.toString()));
                cluster.fork(Map.of("SOCK", sock.toString()));
                int[] n = {0};
                EventLoop loop = EventLoop.current();
                cluster.on("listening", (Worker w, ListeningAddress a) -> {
                    if (++n[0] == 2) {
                        new Thread(() -> {
                            try {
                                run(sock, 3000);
                                System.out.println("nodeshim pipe: " + summary(run(sock, 5000)));
                            } catch (Exception e) {
                                e.printStackTrace();
                            }
                            loop.execute(() -> cluster.disconnect());
                        }).start();
                    }
                });
            });
            Path ns = dir.resolve("n.sock");
            Process p = new ProcessBuilder("node",
                    Path.of(PipeCost.class.getResource("/node/pipe-twin.js").toURI()).toString(), ns.toString()).redirectErrorStream(true).start();
            new BufferedReader(new InputStreamReader(p.getInputStream())).readLine();
            run(ns, 3000);
            System.out.println("node pipe:     " + summary(run(ns, 5000)));
            p.getOutputStream().close();
            p.waitFor();
            Files.deleteIfExists(sock); // both primaries removed their socket files; in case one did not
            Files.deleteIfExists(ns);
        }
        Files.delete(dir);
    }
}
