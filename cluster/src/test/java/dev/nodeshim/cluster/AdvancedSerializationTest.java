package dev.nodeshim.cluster;

import static dev.nodeshim.cluster.Cluster.cluster;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.nodeshim.buffer.Buffer;
import dev.nodeshim.childprocess.JsMap;
import dev.nodeshim.events.Listener1;
import dev.nodeshim.loop.EventLoop;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code cluster.setupPrimary({serialization: 'advanced'})}: workers are forked in that mode, the
 * cluster's own protocol still works (online, listening, disconnect) and user messages keep their
 * Maps, Sets, BigInts, Dates, Buffers and cycles both ways.
 */
@ExtendWith(FreshCluster.class)
class AdvancedSerializationTest {

    @Test
    void workerMessagesKeepTheirStructure() {
        List<Object> replies = new ArrayList<>();
        List<String> events = new ArrayList<>();
        Map<String, Object> sent = new LinkedHashMap<>();
        JsMap map = new JsMap();
        map.put(BigInteger.TEN.pow(30), new LinkedHashSet<>(List.of("a", 2)));
        sent.put("map", map);
        sent.put("when", Instant.ofEpochMilli(86_400_000));
        sent.put("bytes", Buffer.from(new byte[] {0, (byte) 0xff}));
        sent.put("self", sent);
        int code = EventLoop.run(() -> {
            cluster.setupPrimary(ClusterSettings.of().exec(ClusterWorkers.Lifecycle.class).serialization("advanced"));
            events.add("settings " + cluster.settings().serialization());
            Worker w = cluster.fork();
            w.on("online", () -> events.add("online"));
            w.on("listening", (Listener1<ListeningAddress>) a -> {
                events.add("listening");
                w.send(sent);
            });
            w.on("message", (Listener1<Object>) m -> {
                replies.add(m);
                w.disconnect();
            });
            w.on("exit", (Integer c, String s) -> events.add("exit " + c + " " + s));
        });
        assertEquals(0, code);
        assertEquals(List.of("settings advanced", "online", "listening", "exit 0 null"), events);
        Map<?, ?> reply = (Map<?, ?>) replies.get(0);
        assertEquals(1, reply.get("seen"));
        assertEquals(1, reply.get("id"));
        Map<?, ?> back = (Map<?, ?>) reply.get("reply");
        assertSame(back, back.get("self"));
        JsMap m = (JsMap) back.get("map");
        assertEquals(Set.of("a", 2), m.get(BigInteger.TEN.pow(30)));
        assertEquals(Instant.ofEpochMilli(86_400_000), back.get("when"));
        assertEquals("00ff", ((Buffer) back.get("bytes")).toString("hex"));
    }
}
