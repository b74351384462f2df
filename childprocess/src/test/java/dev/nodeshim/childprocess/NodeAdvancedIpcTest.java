package dev.nodeshim.childprocess;

import static dev.nodeshim.childprocess.ChildProcesses.spawn;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nodeshim.buffer.Buffer;
import dev.nodeshim.errors.NodeError;
import dev.nodeshim.errors.Undefined;
import dev.nodeshim.events.Listener1;
import dev.nodeshim.loop.EventLoop;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A Java parent and a real {@code node} child ({@code ipc-advanced-peer.js}) speaking
 * {@code serialization: 'advanced'} over an {@code 'ipc'} stdio entry: node judges what Java sent
 * ({@code util.isDeepStrictEqual} with the JavaScript value it stands for), Java reads what node
 * sends, a several-MiB Buffer goes both ways and 100,000 messages arrive in order.
 */
class NodeAdvancedIpcTest {
    private static final int MANY = 100_000;

    @Test
    void javaParentNodeChildInAdvancedMode() {
        assumeTrue(NativeSpawn.AVAILABLE);
        Map<String, Object> value = AdvancedForkTest.structuredValue();
        value.put("list", Arrays.asList(1, 2.5, "é", null, Undefined.INSTANCE, true));
        value.put("nested", Map.of("b", Map.of("c", List.of()), "1", "x"));
        value.put("self", value);
        byte[] bigBytes = new byte[5 * 1024 * 1024];
        new Random(3).nextBytes(bigBytes);
        List<Object> replies = new ArrayList<>();
        int[] burst = {0};
        boolean[] inOrder = {true};
        StringBuilder err = new StringBuilder();
        int[] exit = {-1};
        EventLoop.run(() -> {
            ChildProcess c = spawn("node", List.of(NodeIpcTest.script("ipc-advanced-peer.js").toString()),
                    SpawnOptions.defaults().stdio(List.of("ignore", "ignore", "pipe", "ipc")).serialization("advanced"));
            c.stderr().on("data", (Buffer b) -> err.append(b.toString()));
            c.on("exit", (Integer code, String sig) -> exit[0] = code == null ? -2 : code);
            c.on("message", (Listener1<Object>) m -> {
                if (m instanceof Map<?, ?> mm && mm.containsKey("i")) {
                    inOrder[0] &= mm.get("i").equals(burst[0]++);
                    return;
                }
                replies.add(m);
                switch (replies.size()) {
                    case 1 -> c.send(Map.of("cmd", "check", "value", value));
                    case 2 -> c.send(Map.of("cmd", "mine"));
                    case 3 -> c.send(Buffer.wrap(bigBytes));
                    case 4 -> c.send(Map.of("cmd", "burst", "n", MANY));
                    case 5 -> c.send("bye");
                    default -> throw new AssertionError("unexpected " + m);
                }
            });
        });
        assertEquals("", err.toString());
        assertEquals(0, exit[0]);
        assertEquals("ready", replies.get(0));
        // node: util.isDeepStrictEqual(received, the JavaScript value) is true
        assertEquals(Map.of("check", true, "seen", ""), replies.get(1));
        Map<?, ?> mine = (Map<?, ?>) replies.get(2);
        assertSame(mine, mine.get("self"));
        JsMap m = (JsMap) mine.get("map");
        assertEquals(Set.of("s"), m.get(BigInteger.TEN));
        assertEquals(Instant.EPOCH, mine.get("date"));
        assertEquals(new TypedArray("Uint8Array", new byte[] {1, 2}), mine.get("u8"));
        assertArrayEquals(new double[] {0.5}, (double[]) mine.get("f64"));
        NodeError e = (NodeError) mine.get("err");
        assertEquals("TypeError: bad", e.toString());
        assertEquals("TypeError: bad\n    at node", e.prop("stack"));
        assertEquals(Arrays.asList(1, Undefined.INSTANCE, 3), mine.get("arr"));
        assertTrue(Arrays.equals(bigBytes, ((Buffer) replies.get(3)).toByteArray()), "5 MiB Buffer echoed whole");
        assertEquals(MANY, burst[0]);
        assertTrue(inOrder[0]);
        assertEquals("burst-done", replies.get(4));
    }

    /**
     * The other way round: {@code node ipc-advanced-parent.js} spawns a Java echo ({@link Peer}, through
     * {@link ForkMain}) in advanced mode; it prints what it printed with {@code ipc-advanced-peer.js}
     * as its child ({@code ipc-advanced-parent.out}, node 20): the echo of a structured value deep-equal
     * with a cycle, a 5 MiB Buffer equal, 100,000 messages in order, then disconnect, exit, close.
     */
    @Test
    void nodeParentJavaChildInAdvancedMode() throws java.io.IOException {
        assumeTrue(NativeSpawn.AVAILABLE);
        String javaBin = java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Object out = ChildProcesses.execFileSync("node", List.of(NodeIpcTest.script("ipc-advanced-parent.js").toString(),
                javaBin, "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                ForkMain.class.getName(), Peer.class.getName()),
                SpawnSyncOptions.defaults().encoding("utf8").timeout(java.time.Duration.ofSeconds(120)));
        String expected = java.nio.file.Files.readString(NodeIpcTest.script("ipc-advanced-parent.out"));
        assertEquals(expected, out);
    }

    /** The Java twin of ipc-advanced-peer.js's echo side: 'ready', then echoes; a burst on request; 'bye' disconnects. */
    static final class Peer {
        public static void main(String[] args) {
            System.exit(EventLoop.run(args, () -> {
                dev.nodeshim.process.NodeProcess p = dev.nodeshim.process.NodeProcess.process;
                p.on("message", (Listener1<Object>) m -> {
                    if ("bye".equals(m)) {
                        p.disconnect();
                    } else if (m instanceof Map<?, ?> map && "burst".equals(map.get("cmd"))) {
                        int n = (Integer) map.get("n");
                        for (int i = 0; i < n; i++) {
                            p.send(Map.of("i", i));
                        }
                        p.send("burst-done");
                    } else {
                        p.send(m);
                    }
                });
                p.send("ready");
            }));
        }
    }
}
