package dev.nodeshim.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@link RoundRobinHandle} in one JVM, with plain sockets as workers: a connection no worker takes
 * waits in the primary and goes to the next worker added (Node's round-robin handle keeps such
 * connections too); one still waiting when the handle closes is closed.
 */
class RoundRobinHandleTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    /** A loopback port nothing listens on: connecting to it is refused. */
    private static int refusedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, LOOPBACK)) {
            return s.getLocalPort();
        }
    }

    @Test
    void aConnectionNoWorkerTakesWaitsForTheNextWorker() throws Exception {
        RoundRobinHandle h = RoundRobinHandle.open(new InetSocketAddress(LOOPBACK, 0));
        CountDownLatch queued = new CountDownLatch(1);
        h.onQueued = queued::countDown;
        try (ServerSocket worker2 = new ServerSocket(0, 50, LOOPBACK); Socket client = new Socket()) {
            h.add(1, refusedPort()); // a worker going away: its port refuses
            client.connect(h.address());
            assertTrue(queued.await(30, TimeUnit.SECONDS), "queued");
            h.add(2, worker2.getLocalPort());
            worker2.setSoTimeout(30_000);
            try (Socket served = worker2.accept()) {
                client.getOutputStream().write("hi".getBytes(StandardCharsets.US_ASCII));
                assertEquals("hi", new String(served.getInputStream().readNBytes(2), StandardCharsets.US_ASCII));
                served.getOutputStream().write("ok".getBytes(StandardCharsets.US_ASCII));
                assertEquals("ok", new String(client.getInputStream().readNBytes(2), StandardCharsets.US_ASCII));
            }
        } finally {
            h.close();
        }
    }

    @Test
    void aWaitingConnectionIsClosedWithTheHandle() throws Exception {
        RoundRobinHandle h = RoundRobinHandle.open(new InetSocketAddress(LOOPBACK, 0));
        CountDownLatch queued = new CountDownLatch(1);
        h.onQueued = queued::countDown;
        try (Socket client = new Socket()) {
            h.add(1, refusedPort());
            client.connect(h.address());
            assertTrue(queued.await(30, TimeUnit.SECONDS), "queued");
            h.close();
            client.setSoTimeout(30_000);
            assertEquals(-1, client.getInputStream().read(), "end of stream once the handle closed");
        } finally {
            h.close();
        }
    }
}
