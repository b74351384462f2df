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
 * connections too); one still waiting when the handle closes is closed. The same with descriptors
 * passed, this JVM playing both primary and worker: the waiting connection's descriptor reaches the
 * worker that links next, and retiring that worker ends its link.
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
        RoundRobinHandle<?> h = RoundRobinHandle.open(new InetSocketAddress(LOOPBACK, 0));
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
    void aWaitingDescriptorGoesToTheNextWorkerThatLinks() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Descriptors.available(), "Netty's epoll transport");
        RoundRobinHandle<?> h = RoundRobinHandle.passing(new InetSocketAddress(LOOPBACK, 0));
        CountDownLatch queued = new CountDownLatch(1);
        h.onQueued = queued::countDown;
        java.util.concurrent.BlockingQueue<Integer> adopted = new java.util.concurrent.LinkedBlockingQueue<>();
        AdoptingServer worker = new AdoptingServer() {
            @Override
            public void adopt(int fd) {
                adopted.add(fd);
            }

            @Override
            public InetSocketAddress bind(InetSocketAddress address) {
                throw new UnsupportedOperationException();
            }

            @Override
            public InetSocketAddress adoptListening(int fd) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void close() { }
        };
        try (Socket client = new Socket()) {
            h.add(1, 0); // a worker without a link (it died): refused
            client.connect(h.address());
            client.getOutputStream().write("hi".getBytes(StandardCharsets.US_ASCII));
            assertTrue(queued.await(30, TimeUnit.SECONDS), "queued");
            CountDownLatch linked = new CountDownLatch(1);
            h.handoff().expect(ProcessHandle.current().pid(), 2, linked::countDown);
            DescriptorLink link = DescriptorLink.connect(h.handoff().linkPath(), false, worker::adopt, e -> { });
            assertTrue(linked.await(30, TimeUnit.SECONDS), "linked");
            h.add(2, 0);
            Integer fd = adopted.poll(30, TimeUnit.SECONDS);
            assertTrue(fd != null, "adopted");
            io.netty.channel.unix.FileDescriptor served = new io.netty.channel.unix.FileDescriptor(fd);
            try {
                java.nio.ByteBuffer in = java.nio.ByteBuffer.allocateDirect(2);
                assertEquals(2, served.read(in, 0, 2), "the client's bytes, read on the passed descriptor");
                java.nio.ByteBuffer out = java.nio.ByteBuffer.allocateDirect(2).put("ok".getBytes(StandardCharsets.US_ASCII)).flip();
                assertEquals(2, served.write(out, 0, 2));
            } finally {
                served.close();
            }
            assertEquals("ok", new String(client.getInputStream().readNBytes(2), StandardCharsets.US_ASCII));
            h.remove(2);
            CountDownLatch drained = new CountDownLatch(1);
            h.whenDrained(2, drained::countDown);
            assertTrue(drained.await(30, TimeUnit.SECONDS), "drained");
            assertTrue(link.awaitEnd(30_000), "retiring the worker ends its link");
        } finally {
            h.close();
            DescriptorLink.shutdown();
        }
    }

    /**
     * A worker that cannot adopt, on a port of descriptors: the handoff relays to its private port. 1 MiB
     * each way at once (both sides write before they read), then each side's end passed on in turn.
     */
    @Test
    void aPassingPortRelaysToAWorkerThatCannotAdopt() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Descriptors.available(), "Netty's epoll transport");
        RoundRobinHandle<?> h = RoundRobinHandle.passing(new InetSocketAddress(LOOPBACK, 0));
        byte[] up = new byte[1 << 20];
        byte[] down = new byte[1 << 20];
        new java.util.Random(1).nextBytes(up);
        new java.util.Random(2).nextBytes(down);
        try (ServerSocket worker = new ServerSocket(0, 50, LOOPBACK); Socket client = new Socket()) {
            h.add(1, worker.getLocalPort());
            client.connect(h.address());
            worker.setSoTimeout(30_000);
            client.setSoTimeout(30_000);
            try (Socket served = worker.accept()) {
                served.setSoTimeout(30_000);
                Thread writer = new Thread(() -> {
                    try {
                        client.getOutputStream().write(up);
                        client.shutdownOutput();
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                writer.start();
                served.getOutputStream().write(down); // while the client writes: the relay reads both ways
                org.junit.jupiter.api.Assertions.assertArrayEquals(up, served.getInputStream().readAllBytes(),
                        "the client's bytes, then its end");
                writer.join();
                served.shutdownOutput();
                org.junit.jupiter.api.Assertions.assertArrayEquals(down, client.getInputStream().readAllBytes(),
                        "the worker's bytes, then its end");
            }
            h.remove(1);
            CountDownLatch drained = new CountDownLatch(1);
            h.whenDrained(1, drained::countDown);
            assertTrue(drained.await(30, TimeUnit.SECONDS), "the relayed connection ended");
        } finally {
            h.close();
        }
    }

    @Test
    void aWaitingConnectionIsClosedWithTheHandle() throws Exception {
        RoundRobinHandle<?> h = RoundRobinHandle.open(new InetSocketAddress(LOOPBACK, 0));
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
