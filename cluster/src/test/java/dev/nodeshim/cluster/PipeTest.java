package dev.nodeshim.cluster;

import static dev.nodeshim.cluster.Cluster.cluster;
import static dev.nodeshim.process.NodeProcess.process;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nodeshim.errors.NodeError;
import dev.nodeshim.events.Listener1;
import dev.nodeshim.loop.EventLoop;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Workers listening on a Unix socket, replaying cluster-pipe.js under each policy with real worker
 * JVMs and real connections: the {@code 'listening'} address, connections served in turn, the socket
 * file kept while a worker listens and removed with the last, node's bind errors. Nothing is left in
 * the temporary directory afterwards (no private socket directory of a worker either).
 */
@ExtendWith(FreshCluster.class)
class PipeTest {
    /** cluster-pipe.js's worker: serves its id on {@code SOCK}, or sends its listen's error. */
    static final class IdWorker {
        public static void main(String[] args) {
            System.exit(EventLoop.run(args, () -> {
                String id = Integer.toString(cluster.worker().id());
                cluster.listen(new IdServer(id), Path.of(process.env().get("SOCK"))).whenComplete((a, e) -> {
                    if (e instanceof NodeError err) {
                        process.send(NodeOut.fields(err));
                    }
                });
            }));
        }
    }

    /** A plain NIO server on a Unix socket: each connection gets {@code id}, then the end. */
    static final class IdServer implements UnixSocketServer {
        private final byte[] id;
        private ServerSocketChannel channel;
        private Thread acceptor;

        IdServer(String id) {
            this.id = id.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public void bind(UnixDomainSocketAddress address) throws IOException {
            channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            channel.bind(address);
            acceptor = new Thread(() -> {
                while (true) {
                    try (SocketChannel c = channel.accept()) {
                        c.write(ByteBuffer.wrap(id));
                    } catch (IOException e) {
                        return; // closed
                    }
                }
            }, "id-server");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        @Override
        public void close() throws IOException {
            channel.close();
            try {
                acceptor.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    void schedRr() throws Exception {
        assertEquals(NodeOut.lines("cluster-pipe-rr.out"), replay(Cluster.SCHED_RR));
    }

    /** Node's SCHED_NONE workers race for connections on the shared socket; ours take turns (the count is the script's). */
    @Test
    void schedNone() throws Exception {
        assertEquals(NodeOut.lines("cluster-pipe-none.out"), replay(Cluster.SCHED_NONE));
    }

    /**
     * cluster-pipe-kill.js: a worker killed with SIGKILL while it listens — its private socket cannot be
     * removed by itself, the primary removes it; the public file goes with the last worker.
     */
    @Test
    void aKilledWorkerLeavesNoFile() throws Exception {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        Set<Path> before = privateDirs(tmp);
        Path dir = Files.createTempDirectory("cluster-pipe-");
        Path sock = dir.resolve("s.sock");
        List<String> t = new ArrayList<>();
        EventLoop.run(() -> {
            cluster.setupPrimary(ClusterSettings.of().exec(IdWorker.class));
            Worker w = cluster.fork(Map.of("SOCK", sock.toString()));
            w.on("listening", (Listener1<ListeningAddress>) a -> w.process().kill("SIGKILL"));
            w.on("exit", (Integer code, String signal) -> t.add("exit " + (code == null ? "null" : code) + " " + signal
                    + " socket file " + Files.exists(sock)));
        });
        Files.delete(dir);
        assertEquals(NodeOut.lines("cluster-pipe-kill.out"), t);
        assertEquals(before, privateDirs(tmp), "no worker's private socket directory is left");
    }

    /** cluster-pipe-relative.js: a relative path is resolved in the worker's directory, and reported absolute. */
    @Test
    void aRelativePathIsTheWorkers() throws Exception {
        Path dir = Files.createTempDirectory("cluster-pipe-").toRealPath();
        List<String> t = new ArrayList<>();
        EventLoop.run(() -> {
            cluster.setupPrimary(ClusterSettings.of().exec(IdWorker.class).cwd(dir.toString()));
            Worker w = cluster.fork(Map.of("SOCK", "rel.sock"));
            w.on("listening", (Listener1<ListeningAddress>) a -> {
                t.add("listening " + NodeOut.json(a.toMap()).replace(dir.toString(), "DIR") + " in its cwd "
                        + Files.exists(dir.resolve("rel.sock")) + " in ours " + Files.exists(Path.of("rel.sock")));
                w.disconnect();
            });
            w.on("exit", (Integer code, String signal) -> t.add("exit " + code + " socket file " + Files.exists(dir.resolve("rel.sock"))));
        });
        Files.delete(dir);
        assertEquals(NodeOut.lines("cluster-pipe-relative.out"), t);
    }

    private static List<String> replay(int policy) throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        Set<Path> before = privateDirs(tmp);
        Path dir = Files.createTempDirectory("cluster-pipe-");
        Path sock = dir.resolve("s.sock");
        List<String> t = new ArrayList<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Consumer<String> log = line -> t.add(line.replace(dir.toString(), "DIR"));
        EventLoop.run(() -> {
            EventLoop loop = EventLoop.current();
            cluster.schedulingPolicy(policy);
            cluster.setupPrimary(ClusterSettings.of().exec(IdWorker.class));
            log.accept("policy " + (policy == Cluster.SCHED_RR ? "rr" : "none"));
            // blocking client work on a helper thread, its result back on the loop
            Consumer<Runnable> offLoop = work -> new Thread(() -> {
                try {
                    work.run();
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                    loop.execute(() -> cluster.disconnect());
                }
            }, "test-pipe-client").start();
            List<Worker> ws = new ArrayList<>();
            ws.add(cluster.fork(Map.of("SOCK", sock.toString())));
            cluster.on("listening", (Worker w, ListeningAddress a) -> {
                log.accept("listening " + w.id() + " " + NodeOut.json(a.toMap()));
                if (ws.size() < 2) {
                    ws.add(cluster.fork(Map.of("SOCK", sock.toString())));
                    return;
                }
                offLoop.accept(() -> {
                    Map<String, Integer> served = new TreeMap<>();
                    for (int i = 0; i < 10; i++) {
                        served.merge(connect(sock), 1, Integer::sum);
                    }
                    loop.execute(() -> {
                        log.accept("served " + (policy == Cluster.SCHED_RR ? NodeOut.json(served)
                                : served.values().stream().mapToInt(Integer::intValue).sum()));
                        ws.get(0).disconnect();
                    });
                });
            });
            cluster.on("exit", (Worker w, Integer code, String signal) -> {
                if (w.id() > 2) {
                    return;
                }
                log.accept("exit " + w.id() + " " + code + " socket file " + Files.exists(sock));
                if (w.id() == 1) {
                    offLoop.accept(() -> {
                        String by = connect(sock);
                        loop.execute(() -> {
                            log.accept("served by " + by);
                            ws.get(1).disconnect();
                        });
                    });
                } else {
                    errors(dir, sock, log, () -> log.accept("done"));
                }
            });
        });
        if (failure.get() != null) {
            throw new AssertionError(failure.get());
        }
        Files.delete(dir);
        assertEquals(before, privateDirs(tmp), "no worker's private socket directory is left");
        return t;
    }

    /** cluster-pipe.js's error cases, one worker after the other; then {@code then}. */
    private static void errors(Path dir, Path sock, Consumer<String> log, Runnable then) {
        Path stale = dir.resolve("stale.sock");
        ServerSocketChannel[] holder = {null};
        record Case(String what, Path path, Runnable prepare, Runnable undo) {}
        Deque<Case> cases = new ArrayDeque<>(List.of(
                new Case("in use", sock, () -> {
                    holder[0] = unchecked(() -> ServerSocketChannel.open(StandardProtocolFamily.UNIX)
                            .bind(UnixDomainSocketAddress.of(sock)));
                }, () -> unchecked(() -> {
                    holder[0].close();
                    return Files.deleteIfExists(sock); // the JDK leaves the file; node's close removes it
                })),
                new Case("stale file", stale, () -> unchecked(() -> Files.createFile(stale)),
                        () -> unchecked(() -> Files.deleteIfExists(stale))),
                new Case("no directory", dir.resolve("none").resolve("s.sock"), () -> { }, () -> { })));
        Runnable[] next = {null};
        next[0] = () -> {
            Case c = cases.poll();
            if (c == null) {
                then.run();
                return;
            }
            c.prepare().run();
            Worker w = cluster.fork(Map.of("SOCK", c.path().toString()));
            w.on("message", (Listener1<Object>) m -> {
                log.accept(c.what() + " " + NodeOut.json(m));
                w.kill();
            });
            w.on("exit", (Integer code, String signal) -> {
                c.undo().run();
                next[0].run();
            });
        };
        next[0].run();
    }

    /** Connects to {@code sock}, reads to the end: the id of the worker that served. */
    private static String connect(Path sock) {
        try (SocketChannel c = SocketChannel.open(UnixDomainSocketAddress.of(sock))) {
            return new String(read(c), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(SocketChannel c) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(64);
        while (c.read(b) >= 0) {
            if (!b.hasRemaining()) {
                throw new IOException("too long an answer");
            }
        }
        b.flip();
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }

    private static Set<Path> privateDirs(Path tmp) throws IOException {
        try (Stream<Path> s = Files.list(tmp)) {
            return s.filter(p -> p.getFileName().toString().startsWith(PipeHandoff.PRIVATE_PREFIX))
                    .collect(Collectors.toSet());
        }
    }

    private interface IoSupplier<T> {
        T get() throws IOException;
    }

    private static <T> T unchecked(IoSupplier<T> s) {
        try {
            return s.get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
