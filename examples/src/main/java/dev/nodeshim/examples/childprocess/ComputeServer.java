package dev.nodeshim.examples.childprocess;

import static dev.nodeshim.childprocess.ChildProcesses.fork;
import static dev.nodeshim.process.NodeProcess.process;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.nodeshim.childprocess.ChildProcess;
import dev.nodeshim.events.Listener1;
import dev.nodeshim.loop.EventLoop;
import dev.nodeshim.loop.Ref;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Ports "### fork子进程充分利用CPU资源" (seeds/002_8bfa7c3e83a58264.txt): an HTTP server whose
 * {@code /compute} would block every other request if it summed on the server's own thread; it forks
 * a worker ({@link ForCompute}) that sums and sends the result back, so {@code /} is answered
 * meanwhile.
 *
 * <pre>{@code
 * // fork_app.js
 * const server = http.createServer((req, res) => {
 *     if (req.url == '/compute') {
 *         const compute = fork('./for_compute.js');
 *         compute.send('传递给子进程的数据');
 *         compute.on('message', sum => {
 *             res.end(`Sum is ${sum}`);
 *             compute.kill();
 *         });
 *         compute.on('close', (code, signal) => {
 *             console.log(`收到close事件，子进程收到信号 ${signal} 而终止，退出码 ${code}`);
 *             compute.kill();
 *         });
 *     } else {
 *         res.end('ok');
 *     }
 * });
 * // for_compute.js
 * process.on('message', msg => {
 *     const sum = computation();      // for (let i = 0; i < 1e10; i++) sum += i
 *     process.send(sum);
 * });
 * }</pre>
 *
 * Differences, all said here: the seed writes {@code 'Sum is ${sum}'} in single quotes (a typo: it
 * would answer the literal text), the port uses the template it meant; it sums to 1e8, not 1e10 (the
 * sum stays exact in a JavaScript number and the example runs in a blink); the worker's timing prints
 * are left out (a duration is never the same twice). To run by itself, the server listens on a free
 * port, asks {@code /compute} and {@code /} itself and prints the answers once the worker has closed
 * (the Node original, {@code ComputeServer.js}, does the same). The JDK's {@link HttpServer} calls its
 * handler on its own thread; the handler hands the exchange to the loop ({@code loop.execute}), where
 * everything else happens, as in Node. The listening server holds a {@link Ref}, as Node's does.
 */
public final class ComputeServer {
    static final long N = 100_000_000L;

    private ComputeServer() {
    }

    /** for_compute.js: sums on a message and sends the sum back. */
    public static final class ForCompute {
        private ForCompute() {
        }

        public static void main(String[] args) {
            System.exit(EventLoop.run(args, () -> process.on("message", (Listener1<Object>) msg -> {
                long sum = 0;
                for (long i = 0; i < N; i++) {
                    sum += i;
                }
                process.send(sum);
            })));
        }
    }

    public static void run(Consumer<String> out) {
        EventLoop.run(() -> {
            EventLoop loop = EventLoop.current();
            Ref listening = loop.ref();
            Map<String, String> answers = new HashMap<>();
            boolean[] closed = {false};
            HttpServer server;
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runnable done = () -> {
                if (closed[0] && answers.containsKey("/compute") && answers.containsKey("/")) {
                    out.accept("GET /compute -> " + answers.get("/compute"));
                    out.accept("GET / -> " + answers.get("/"));
                    server.stop(0);
                    listening.close();
                }
            };
            server.createContext("/", exchange -> loop.execute(() -> {
                if (exchange.getRequestURI().getPath().equals("/compute")) {
                    ChildProcess compute = fork(ForCompute.class);
                    compute.send("传递给子进程的数据");

                    compute.on("message", (Listener1<Object>) sum -> {
                        end(exchange, "Sum is " + ((Number) sum).longValue());
                        compute.kill();
                    });

                    compute.on("close", (Integer code, String signal) -> {
                        out.accept("收到close事件，子进程收到信号 " + signal + " 而终止，退出码 " + code);
                        compute.kill();
                        closed[0] = true;
                        done.run();
                    });
                } else {
                    end(exchange, "ok");
                }
            }));
            server.start();

            HttpClient client = HttpClient.newHttpClient();
            for (String path : new String[] {"/compute", "/"}) {
                URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
                client.sendAsync(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString())
                        .thenAccept(res -> loop.execute(() -> {
                            answers.put(path, res.body());
                            done.run();
                        }));
            }
        });
    }

    /** {@code res.end(text)}: a short write, done on the loop thread. */
    private static void end(HttpExchange exchange, String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        try (OutputStream os = exchange.getResponseBody()) {
            exchange.sendResponseHeaders(200, body.length);
            os.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void main(String[] args) {
        run(System.out::println);
    }
}
