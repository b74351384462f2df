package dev.nodeshim.examples.buffer;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.nodeshim.buffer.Buffer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.function.Consumer;

/**
 * Ports "Buffer应用场景" (seeds/002_8bfa7c3e83a58264.txt): a server answers with a 10 KiB body made
 * from a string, encoded to UTF-8 on every response, or from a {@link Buffer} made once and written
 * as it is; the seed's point is that the second costs less per request. Node's {@code http} is not
 * part of nodeshim, so the port serves with the JDK's {@code HttpServer} and fetches with its
 * {@code HttpClient}; the buffer parts are line for line.
 *
 * <pre>{@code
 * const str = s;                       // 'a' × 10240
 * const bufStr = Buffer.from(s);
 * const server = http.createServer((req, res) => {
 *     console.log(req.url);
 *     if (req.url === '/buffer') res.end(bufStr);
 *     else if (req.url === '/string') res.end(str);
 * });
 * }</pre>
 */
public final class StringVsBufferResponse {
    private StringVsBufferResponse() {
    }

    public static void run(Consumer<String> out) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 1024 * 10; i++) {
            s.append('a');
        }
        String str = s.toString();
        Buffer bufStr = Buffer.from(str);

        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String url = exchange.getRequestURI().toString();
            out.accept(url);
            if (url.equals("/buffer")) {
                end(exchange, bufStr);
            } else if (url.equals("/string")) {
                end(exchange, Buffer.from(str)); // res.end(string) encodes the string each time
            }
        });
        server.start();
        try {
            HttpClient client = HttpClient.newHttpClient();
            for (String path : new String[] {"/buffer", "/string"}) {
                URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
                HttpResponse<byte[]> res = client.send(HttpRequest.newBuilder(uri).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                Buffer body = Buffer.wrap(res.body());
                out.accept(res.statusCode() + " " + body.length() + " " + body.equals(bufStr));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            server.stop(0);
        }
    }

    private static void end(HttpExchange exchange, Buffer body) throws IOException {
        exchange.sendResponseHeaders(200, body.length());
        try (OutputStream os = exchange.getResponseBody()) {
            body.writeTo(os);
        }
    }

    public static void main(String[] args) {
        run(System.out::println);
    }
}
