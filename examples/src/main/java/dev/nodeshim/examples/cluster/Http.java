package dev.nodeshim.examples.cluster;

import com.sun.net.httpserver.HttpServer;
import dev.nodeshim.loop.EventLoop;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** The little HTTP the cluster examples share: a JDK server with one answer, and {@code http.get}. */
final class Http {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private Http() {
    }

    /**
     * {@code http.createServer((req, res) => { res.writeHead(200, headers); res.end(body()) })}, unbound
     * (the cluster binds it); {@code onRequest} runs on the loop after each answer.
     */
    static HttpServer server(Map<String, String> headers, Supplier<String> body, Runnable onRequest) {
        EventLoop loop = EventLoop.current();
        try {
            HttpServer s = HttpServer.create();
            s.createContext("/", exchange -> {
                byte[] bytes = body.get().getBytes(StandardCharsets.UTF_8);
                headers.forEach(exchange.getResponseHeaders()::set);
                exchange.sendResponseHeaders(200, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
                loop.execute(onRequest);
            });
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http.get({host: '127.0.0.1', port}, res => … body)}: the body comes on the loop. */
    static void get(int port, Consumer<String> onBody) {
        EventLoop loop = EventLoop.current();
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build();
        CLIENT.sendAsync(req, HttpResponse.BodyHandlers.ofString())
                .thenAccept(res -> loop.execute(() -> onBody.accept(res.body())));
    }

    /** The number of workers: {@code WORKERS} from the environment, else one per CPU. */
    static int workers(Map<String, String> env) {
        String n = env.get("WORKERS");
        return n != null ? Integer.parseInt(n) : Runtime.getRuntime().availableProcessors();
    }
}
