package dev.nodeshim.examples.childprocess;

import static dev.nodeshim.childprocess.ChildProcesses.fork;
import static dev.nodeshim.process.NodeProcess.process;

import dev.nodeshim.childprocess.ChildProcess;
import dev.nodeshim.events.Listener1;
import dev.nodeshim.loop.EventLoop;
import dev.nodeshim.loop.Ref;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Ports "Node多进程架构模型构建" (seeds/002_8bfa7c3e83a58264.txt): a master forks workers that serve
 * one port and forks a replacement whenever a worker says it is about to die:
 *
 * <pre>{@code
 * // master.js
 * const server = require('net').createServer();
 * server.listen(3000);
 * function createWorker() {
 *     const worker = fork('worker.js');
 *     worker.on('message', function (message) {
 *         if (message.act === 'suicide') createWorker();   // 如果是自杀信号，则重启
 *     });
 *     worker.on('exit', function (code, signal) {
 *         console.log('worker process exited, code: %s signal: %s', code, signal);
 *         delete workers[worker.pid];
 *     });
 *     worker.send('server', server);
 *     workers[worker.pid] = worker;
 * }
 * for (let i = 0; i < cpus.length; i++) createWorker();
 * // on SIGINT/SIGTERM/exit: workers[pid].kill('SIGINT') for each, then process.exit(0)
 * }</pre>
 *
 * <b>How the workers share the port.</b> The seed sends its listening {@code net.Server} to each worker
 * ({@code worker.send('server', server)}): Node passes the socket's descriptor over the IPC channel. A
 * JVM cannot pass descriptors to a child, so here the master <i>forwards the port</i>
 * ({@code {cmd: 'server', port}}) and every worker listens on it itself with {@code SO_REUSEPORT}
 * (Linux, since 3.9: the kernel spreads the connections over all listening sockets of the same user
 * that set it). The master reserves the port with a socket that is bound with {@code SO_REUSEPORT} but
 * never listens: no worker can lose the port while it is being replaced, and the master takes no
 * connection it would not answer (the seed's master, holding a listening server, would).
 *
 * <p>Made to run by itself and print the same lines every time (the Node original,
 * {@code Master.js}, does the same with Node's cluster module, see there why): two workers, not one per
 * CPU; each worker answers one connection with {@code pong}, then sends {@code {act: 'suicide'}}, stops
 * listening and disconnects, so it ends; the master connects three times, one after the other, and
 * prints a line when a round is over (answer read, old worker exited, replacement listening). Then it
 * stops the workers with SIGINT, as the seed's {@code close()} does.
 */
public final class Master {
    private Master() {
    }

    /** worker.js: listens on the port the master forwards, answers one connection, asks to be replaced. */
    public static final class Worker {
        private Worker() {
        }

        public static void main(String[] args) {
            System.exit(EventLoop.run(args, () -> process.on("message", (Listener1<Object>) msg -> {
                if (msg instanceof Map<?, ?> m && "server".equals(m.get("cmd"))) {
                    serve(((Number) m.get("port")).intValue());
                }
            })));
        }

        private static void serve(int port) {
            EventLoop loop = EventLoop.current();
            Ref listening = loop.ref(); // a listening server keeps the loop alive, as in Node
            ServerSocketChannel server;
            try {
                server = ServerSocketChannel.open();
                server.setOption(StandardSocketOptions.SO_REUSEPORT, true);
                server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            // accept() blocks, so it runs on a thread of its own and hands the rest to the loop
            Thread acceptor = new Thread(() -> {
                try (SocketChannel socket = server.accept()) {
                    socket.write(ByteBuffer.wrap("pong\n".getBytes(StandardCharsets.UTF_8))); // socket.end('pong\n')
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                loop.execute(() -> {
                    process.send(Map.of("act", "suicide"));
                    try {
                        server.close();
                    } catch (IOException ignored) {
                        // nothing was waiting on it
                    }
                    listening.close();
                    process.disconnect();
                });
            }, "worker-accept");
            acceptor.start();
            process.send(Map.of("act", "listening"));
        }
    }

    /** One connection of the master's: its answer, the exit of the worker that took it, the replacement. */
    private static final class Round {
        final int n;
        String answer;
        String exited;
        boolean ready;

        Round(int n) {
            this.n = n;
        }
    }

    public static void run(Consumer<String> out) {
        EventLoop.run(() -> new Master.Run(out).start());
    }

    /** The master's state, all on its loop thread. */
    private static final class Run {
        final Consumer<String> out;
        final EventLoop loop = EventLoop.current();
        final Map<Long, ChildProcess> workers = new LinkedHashMap<>();
        SocketChannel reservation;
        int port;
        int listening;
        Round round;
        boolean stopping;

        Run(Consumer<String> out) {
            this.out = out;
        }

        void start() {
            try {
                reservation = SocketChannel.open();
                reservation.setOption(StandardSocketOptions.SO_REUSEPORT, true);
                reservation.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                port = ((InetSocketAddress) reservation.getLocalAddress()).getPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (int i = 0; i < 2; i++) {
                createWorker();
            }
        }

        void createWorker() {
            ChildProcess worker = fork(Worker.class);
            worker.on("message", (Listener1<Object>) message -> {
                Object act = message instanceof Map<?, ?> m ? m.get("act") : null;
                if ("suicide".equals(act)) {
                    createWorker(); // 如果是自杀信号，则重启
                } else if ("listening".equals(act)) {
                    if (round != null) {
                        round.ready = true;
                        roundOver();
                    } else if (++listening == 2) {
                        request(1);
                    }
                }
            });
            worker.on("exit", (Integer code, String signal) -> {
                workers.remove(worker.pid());
                if (round != null && !stopping) {
                    round.exited = "code: " + code + " signal: " + signal;
                    roundOver();
                } else {
                    out.accept("worker process exited, code: " + code + " signal: " + signal);
                    if (workers.isEmpty()) {
                        close(reservation);
                        out.accept("master done");
                    }
                }
            });
            worker.send(Map.of("cmd", "server", "port", port)); // worker.send('server', server)
            workers.put(worker.pid(), worker);
        }

        /** Connects once (on a pooled thread: the read blocks) and reads the answer to its end. */
        void request(int n) {
            round = new Round(n);
            Ref pending = loop.ref();
            CompletableFuture.supplyAsync(() -> {
                try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
                        InputStream in = socket.getInputStream()) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).thenAccept(answer -> loop.execute(() -> {
                pending.close();
                round.answer = answer;
                roundOver();
            }));
        }

        void roundOver() {
            if (round.answer == null || round.exited == null || !round.ready) {
                return;
            }
            out.accept("request " + round.n + ": " + round.answer + "; the worker that answered exited ("
                    + round.exited + "); its replacement listens");
            if (round.n < 3) {
                request(round.n + 1);
                return;
            }
            stopping = true;
            out.accept("workers alive: " + workers.size());
            for (ChildProcess w : workers.values()) {
                w.kill("SIGINT");
            }
        }
    }

    private static void close(SocketChannel c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // a socket that never connected
        }
    }

    public static void main(String[] args) {
        run(System.out::println);
    }
}
