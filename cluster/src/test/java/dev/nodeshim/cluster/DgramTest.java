package dev.nodeshim.cluster;

import static dev.nodeshim.cluster.Cluster.cluster;
import static dev.nodeshim.process.NodeProcess.process;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nodeshim.errors.NodeError;
import dev.nodeshim.events.Listener1;
import dev.nodeshim.loop.EventLoop;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * UDP in workers, replaying cluster-dgram.js with real worker JVMs and real datagrams: two workers
 * share port 0 of 127.0.0.1 (SO_REUSEPORT, the port chosen by the first), every datagram of 40 client
 * sockets is answered, an exclusive bind of the shared port fails with node's EADDRINUSE, an exclusive
 * bind of a port of its own gets no {@code 'listening'}.
 */
@ExtendWith(FreshCluster.class)
class DgramTest {
    /** cluster-dgram.js's worker: answers each datagram with its id; reports its bind. */
    static final class UdpWorker {
        public static void main(String[] args) {
            System.exit(EventLoop.run(args, () -> {
                int port = Integer.parseInt(process.env().get("PORT"));
                boolean exclusive = "1".equals(process.env().get("EXCLUSIVE"));
                byte[] id = Integer.toString(cluster.worker().id()).getBytes(StandardCharsets.UTF_8);
                DatagramChannel ch;
                try {
                    ch = DatagramChannel.open(StandardProtocolFamily.INET);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                cluster.bind(ch, port, "127.0.0.1", exclusive).whenComplete((a, e) -> {
                    if (e instanceof NodeError err) {
                        process.send(Map.of("error", NodeOut.fields(err)));
                        return;
                    }
                    process.send(Map.of("bound", a.getPort() == port ? "PORT" : "another port"));
                    if (exclusive) {
                        close(ch); // not the cluster's: disconnect() would not close it
                        return;
                    }
                    Thread answer = new Thread(() -> {
                        ByteBuffer b = ByteBuffer.allocate(64);
                        try {
                            while (true) {
                                b.clear();
                                SocketAddress from = ch.receive(b);
                                ch.send(ByteBuffer.wrap(id), from);
                            }
                        } catch (IOException closed) {
                            // disconnect() closed the channel
                        }
                    }, "udp-answer");
                    answer.setDaemon(true);
                    answer.start();
                });
            }));
        }

        private static void close(DatagramChannel ch) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // closing
            }
        }
    }

    @Test
    void workersShareAPortAndExclusiveBindsAreTheirOwn() {
        List<String> t = new ArrayList<>();
        Set<String> servedBy = new TreeSet<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        int[] port = {0};
        EventLoop.run(() -> {
            EventLoop loop = EventLoop.current();
            cluster.setupPrimary(ClusterSettings.of().exec(UdpWorker.class));
            List<String> exits = new ArrayList<>();
            cluster.on("exit", (Worker w, Integer code, String signal) -> {
                exits.add(w.id() + " " + code + " " + signal);
                if (exits.size() == 4) {
                    t.add("exits " + String.join(", ", exits.stream().sorted().toList()));
                }
            });
            cluster.on("listening", (Worker w, ListeningAddress a) -> {
                if (port[0] == 0) {
                    port[0] = a.port();
                }
                t.add("listening " + w.id() + " " + hide(NodeOut.json(a.toMap()), port[0]));
                if (w.id() == 1) {
                    cluster.fork(Map.of("PORT", "0"));
                    return;
                }
                new Thread(() -> {
                    List<String> answers = new ArrayList<>();
                    try {
                        for (int i = 0; i < 40; i++) {
                            answers.add(ask(port[0]));
                        }
                    } catch (Throwable e) {
                        failure.set(e);
                    }
                    loop.execute(() -> {
                        t.add("answers " + answers.size());
                        servedBy.addAll(answers);
                        Worker third = cluster.fork(Map.of("PORT", Integer.toString(port[0]), "EXCLUSIVE", "1"));
                        third.on("message", (Listener1<Object>) m -> {
                            t.add("exclusive on the shared port " + hide(NodeOut.json(m), port[0]));
                            Worker fourth = cluster.fork(Map.of("PORT", "0", "EXCLUSIVE", "1"));
                            fourth.on("message", (Listener1<Object>) m2 -> {
                                t.add("exclusive on a port of its own " + NodeOut.json(m2));
                                cluster.disconnect(() -> t.add("disconnected"));
                            });
                        });
                    });
                }, "test-udp-client").start();
            });
            cluster.fork(Map.of("PORT", "0"));
        });
        if (failure.get() != null) {
            throw new AssertionError(failure.get());
        }
        assertEquals(NodeOut.lines("cluster-dgram.out"), t);
        // Beyond node (whose workers race for each datagram on one socket): with SO_REUSEPORT the kernel
        // spreads by source, so 40 client sockets reach both (all on one: odds 2 in 2^40).
        assertEquals(Set.of("1", "2"), servedBy);
    }

    /** One datagram from a new client socket (a new source port); the answer names the worker. */
    private static String ask(int port) throws IOException {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            s.setSoTimeout(10_000); // a datagram lost on loopback fails the test instead of hanging it
            byte[] who = "who".getBytes(StandardCharsets.UTF_8);
            s.send(new DatagramPacket(who, who.length, InetAddress.getLoopbackAddress(), port));
            DatagramPacket p = new DatagramPacket(new byte[64], 64);
            s.receive(p);
            return new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8);
        }
    }

    private static String hide(String s, int port) {
        return s.replace(Integer.toString(port), "PORT");
    }
}
