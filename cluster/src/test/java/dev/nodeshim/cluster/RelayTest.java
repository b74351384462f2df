package dev.nodeshim.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@link Relay} on its own, in one JVM: a client, the relay and an echo server on loopback. Bulk data
 * larger than the relay's buffers both ways at once (so both directions fill up and wait for
 * {@code OP_WRITE}), then the client's end of output reaching the server and the server's end coming
 * back, then {@code ended}.
 */
class RelayTest {
    @Test
    void relaysBulkDataBothWaysAndPassesEachEndOn() throws Exception {
        byte[] data = new byte[8 << 20];
        new Random(42).nextBytes(data);
        // Two threads of our own: the echo and the writer both block, and the common pool may have
        // a single worker (2 cores; JDK 25's CompletableFuture then queues the second task behind the first).
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (ServerSocketChannel front = ServerSocketChannel.open();
                ServerSocketChannel back = ServerSocketChannel.open()) {
            front.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            back.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            // the echo server: copies until end of input, then ends its output
            CompletableFuture<Long> echoed = CompletableFuture.supplyAsync(() -> {
                try (SocketChannel s = back.accept(); InputStream in = s.socket().getInputStream();
                        OutputStream out = s.socket().getOutputStream()) {
                    long n = in.transferTo(out);
                    s.shutdownOutput();
                    return n;
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }, threads);
            Relay relay = new Relay("relay-test");
            CountDownLatch ended = new CountDownLatch(1);
            try (Socket client = new Socket()) {
                client.connect(front.getLocalAddress());
                SocketChannel accepted = front.accept();
                SocketChannel toBack = SocketChannel.open(back.getLocalAddress());
                relay.add(accepted, toBack, ended::countDown);
                // write on one thread while reading here, or both sides' buffers fill and stall
                CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
                    try {
                        client.getOutputStream().write(data);
                        client.shutdownOutput();
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }, threads);
                ByteArrayOutputStream got = new ByteArrayOutputStream();
                client.getInputStream().transferTo(got); // ends at the server's shutdownOutput
                writing.get(60, TimeUnit.SECONDS);
                assertEquals(data.length, echoed.get(60, TimeUnit.SECONDS));
                assertArrayEquals(data, got.toByteArray());
            }
            assertTrue(ended.await(60, TimeUnit.SECONDS), "ended ran");
            relay.closeWhenIdle();
        } finally {
            threads.shutdownNow();
        }
    }
}
