package dev.nodeshim.cluster;

import static dev.nodeshim.cluster.Cluster.cluster;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nodeshim.events.Listener1;
import dev.nodeshim.loop.EventLoop;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A worker is online as it boots, whatever its program does (the cluster side starts through
 * {@link WorkerBoot}, before the program's main on its loop).
 */
@ExtendWith(FreshCluster.class)
class OnlineAtBootTest {
    /**
     * node: a primary with {@code cluster.on('online', w => w.disconnect())} (and fork, disconnect, exit
     * traced) whose worker script is empty prints fork 1 / online 1 / disconnect 1 / exit 1 0 null true.
     */
    @Test
    void aWorkerThatNeverCallsClusterIsOnlineAndObeysDisconnect() {
        List<String> t = new ArrayList<>();
        int code = EventLoop.run(() -> {
            cluster.setupPrimary(ClusterSettings.of().exec(ClusterWorkers.NoCluster.class));
            cluster.on("fork", (Listener1<Worker>) w -> t.add("fork " + w.id()));
            cluster.on("online", (Listener1<Worker>) w -> {
                t.add("online " + w.id());
                w.disconnect();
            });
            cluster.on("disconnect", (Listener1<Worker>) w -> t.add("disconnect " + w.id()));
            cluster.on("exit", (Worker w, Integer c, String s) ->
                    t.add("exit " + w.id() + " " + c + " " + s + " " + w.exitedAfterDisconnect()));
            cluster.fork();
        });
        assertEquals(0, code);
        assertEquals(List.of("fork 1", "online 1", "disconnect 1", "exit 1 0 null true"), t);
    }
}
