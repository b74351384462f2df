package dev.nodeshim.cluster;

import static dev.nodeshim.cluster.Cluster.cluster;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.channel.epoll.Epoll;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * "Usable from any Java server": two workers serving with Netty ({@link NettyWorker}), bound through
 * {@link ClusterServer} like the JDK's HttpServer in {@link SharedPortTest}, give the same outcome
 * under both policies — SCHED_NONE shares one port between both workers (on epoll, through the
 * {@code SO_REUSEPORT} the server sets itself), SCHED_RR splits 40 sequential connections exactly
 * 20/20. Every answer names the transport that served it; on Linux x86-64 that is Netty's native
 * epoll (no JDK channel involved).
 */
class NettyServerTest {
    private static final String TRANSPORT = Epoll.isAvailable() ? "epoll" : "nio";

    @BeforeEach
    void fresh() {
        cluster.resetForTests();
    }

    @AfterEach
    void noWorkerLeft() throws InterruptedException {
        cluster.resetForTests();
        assertEquals(List.of(), ProcessHandle.current().children().map(ProcessHandle::pid).toList());
        for (Thread th : Thread.getAllStackTraces().keySet()) {
            if (th.getName().startsWith("nodeshim-cluster-rr-") || th.getName().startsWith("nodeshim-cluster-relay-")) {
                th.join(10_000);
                org.junit.jupiter.api.Assertions.assertFalse(th.isAlive(), th.getName() + " still alive");
            }
        }
    }

    @Test
    void transportIsNativeOnLinuxAmd64() {
        if ("Linux".equals(System.getProperty("os.name")) && "amd64".equals(System.getProperty("os.arch"))) {
            assertEquals("epoll", TRANSPORT, String.valueOf(Epoll.unavailabilityCause()));
        }
    }

    /** Both served, on one shared port (odds of a false failure: 2 in 2^40, as in SharedPortTest). */
    @Test
    void schedNoneServesFromBothNettyWorkers() {
        SharedPortTest.Run r = SharedPortTest.run(Cluster.SCHED_NONE, 1, NettyWorker.class);
        assertEquals(2, r.ports().size());
        assertEquals(r.ports().get(0), r.ports().get(1), "one shared port");
        assertEquals(java.util.Set.of("1/" + TRANSPORT, "2/" + TRANSPORT), r.servedBy().keySet(), r.servedBy().toString());
        assertEquals(40, r.servedBy().values().stream().mapToInt(Integer::intValue).sum());
    }

    /** Strict round robin over two listening workers with sequential connections: exactly half each. */
    @Test
    void schedRrSpreadsConnectionsToNettyWorkersEvenly() {
        SharedPortTest.Run r = SharedPortTest.run(Cluster.SCHED_RR, 1, NettyWorker.class);
        assertEquals(r.ports().get(0), r.ports().get(1), "one public port");
        assertEquals(Map.of("1/" + TRANSPORT, 20, "2/" + TRANSPORT, 20), r.servedBy());
    }
}
