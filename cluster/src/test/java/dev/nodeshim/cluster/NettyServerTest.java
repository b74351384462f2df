package dev.nodeshim.cluster;

import static dev.nodeshim.cluster.Cluster.cluster;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.netty.channel.epoll.Epoll;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * "Usable from any Java server": two workers serving with Netty ({@link NettyWorker}, through
 * {@link NettyServer}). SCHED_NONE shares one port between both workers (on epoll, through the
 * {@code SO_REUSEPORT} the server sets itself). SCHED_RR passes each connection's descriptor to the
 * workers, which adopt it: strict round robin (20/20 over 40 sequential connections) and weights
 * (30/10) as with the relay, and every answer comes over the client's own connection (its local port is
 * the public one, not the worker's private port). With passing switched off in the primary the same
 * workers are relayed to. Answers name the transport; on Linux x86-64 it must be Netty's native epoll.
 */
class NettyServerTest {
    private static final String TRANSPORT = Epoll.isAvailable() ? "epoll" : "nio";

    @BeforeEach
    void fresh() {
        cluster.resetForTests();
    }

    @AfterEach
    void noWorkerLeft() throws Exception {
        System.clearProperty(Descriptors.PROPERTY);
        System.clearProperty(Descriptors.SHARE_PROPERTY);
        SharedPortTest.assertNothingLeft();
    }

    @Test
    void transportIsNativeOnLinuxAmd64() {
        if ("Linux".equals(System.getProperty("os.name")) && "amd64".equals(System.getProperty("os.arch"))) {
            assertEquals("epoll", TRANSPORT, String.valueOf(Epoll.unavailabilityCause()));
            assertEquals(true, Descriptors.available());
        }
    }

    /** Served-by counts per "id/transport", per local port of the served connections, per how they came. */
    private record Served(Map<String, Integer> byWorker, Map<Integer, Integer> byLocalPort, Map<String, Integer> byHow) {}

    private static Served served(SharedPortTest.Run r) {
        Map<String, Integer> byWorker = new TreeMap<>();
        Map<Integer, Integer> byPort = new TreeMap<>();
        Map<String, Integer> byHow = new TreeMap<>();
        r.servedBy().forEach((body, n) -> {
            String[] f = body.split("/"); // id, transport, local port, how it came (NettyWorker)
            byWorker.merge(f[0] + "/" + f[1], n, Integer::sum);
            byPort.merge(Integer.parseInt(f[2]), n, Integer::sum);
            byHow.merge(f[3], n, Integer::sum);
        });
        return new Served(byWorker, byPort, byHow);
    }

    /** Both served, on one shared port (odds of a false failure: 2 in 2^40, as in SharedPortTest). */
    @Test
    void schedNoneServesFromBothNettyWorkers() {
        SharedPortTest.Run r = SharedPortTest.run(Cluster.SCHED_NONE, 1, NettyWorker.class);
        Served s = served(r);
        assertEquals(2, r.ports().size());
        assertEquals(r.ports().get(0), r.ports().get(1), "one shared port");
        assertEquals(java.util.Set.of("1/" + TRANSPORT, "2/" + TRANSPORT), s.byWorker().keySet(), r.servedBy().toString());
        assertEquals(Map.of(r.ports().get(0), 40), s.byLocalPort());
        if (Descriptors.available()) {
            assertEquals(Map.of("reuseport", 40), s.byHow(), "each worker's own socket");
        }
    }

    /**
     * SCHED_NONE as Node does it ({@code -Dnodeshim.cluster.shareListening=true} in the primary): the
     * primary binds the port and passes the listening socket to both workers, which accept from it
     * (its SO_REUSEPORT is off: not a socket of their own). Which worker accepts a connection is a
     * race between them, so only the total is asserted, and that both listen on the one port.
     */
    @Test
    void schedNoneSharesOneListeningSocket() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Descriptors.available(), "Netty's epoll transport");
        System.setProperty(Descriptors.SHARE_PROPERTY, "true");
        SharedPortTest.Run r = SharedPortTest.run(Cluster.SCHED_NONE, 1, NettyWorker.class);
        Served s = served(r);
        assertEquals(2, r.ports().size());
        assertEquals(r.ports().get(0), r.ports().get(1), "one shared port");
        assertEquals(Map.of(r.ports().get(0), 40), s.byLocalPort());
        assertEquals(Map.of("shared", 40), s.byHow(), "accepted on the primary's socket");
    }

    /**
     * SCHED_RR with descriptors passed: both workers are 'listening' on the public port, strict round
     * robin gives exactly half each, and each connection served is the client's own (local port = the
     * public port).
     */
    @Test
    void schedRrPassesDescriptorsRoundRobin() {
        SharedPortTest.Run r = SharedPortTest.run(Cluster.SCHED_RR, 1, NettyWorker.class);
        Served s = served(r);
        assertEquals(2, r.ports().size());
        assertEquals(r.ports().get(0), r.ports().get(1), "one public port");
        assertEquals(Map.of("1/" + TRANSPORT, 20, "2/" + TRANSPORT, 20), s.byWorker());
        if (Descriptors.available()) {
            assertEquals(Map.of(r.ports().get(0), 40), s.byLocalPort(), "descriptors passed, nothing relayed");
            assertEquals(Map.of("adopted", 40), s.byHow());
        }
    }

    /** Weights 3 and 1 hold with descriptors as with the relay: 30/10 (nginx's smooth weighted round robin). */
    @Test
    void schedRrPassesDescriptorsByWeight() {
        SharedPortTest.Run r = SharedPortTest.run(Cluster.SCHED_RR, 3, NettyWorker.class);
        assertEquals(Map.of("1/" + TRANSPORT, 30, "2/" + TRANSPORT, 10), served(r).byWorker());
    }

    /**
     * A port whose first worker adopts passes descriptors; a later worker whose server cannot adopt (the
     * JDK's HttpServer, answering its id alone) joins the same turn and is relayed to: 20/20, the Netty
     * worker's connections adopted on the public port.
     */
    @Test
    void aServerThatCannotAdoptIsRelayedToOnAPassingPort() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Descriptors.available(), "Netty's epoll transport");
        SharedPortTest.Run r = SharedPortTest.run(Cluster.SCHED_RR, 1, NettyWorker.class, ClusterWorkers.Http.class);
        assertEquals(r.ports().get(0), r.ports().get(1), "one public port");
        assertEquals(Map.of("1/" + TRANSPORT + "/" + r.ports().get(0) + "/adopted", 20, "2", 20), r.servedBy());
    }

    /** {@code -Dnodeshim.cluster.passDescriptors=false} in the primary: the same workers are relayed to. */
    @Test
    void schedRrRelaysWhenPassingIsOff() {
        System.setProperty(Descriptors.PROPERTY, "false");
        SharedPortTest.Run r = SharedPortTest.run(Cluster.SCHED_RR, 1, NettyWorker.class);
        Served s = served(r);
        assertEquals(Map.of("1/" + TRANSPORT, 20, "2/" + TRANSPORT, 20), s.byWorker());
        assertEquals(2, s.byLocalPort().size(), "each worker's private port: " + s.byLocalPort());
        assertFalse(s.byLocalPort().containsKey(r.ports().get(0)), "relayed: " + s.byLocalPort());
    }
}
