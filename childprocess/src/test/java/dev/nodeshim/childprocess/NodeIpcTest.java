package dev.nodeshim.childprocess;

import static dev.nodeshim.childprocess.ChildProcesses.execFileSync;
import static dev.nodeshim.childprocess.ChildProcesses.spawn;
import static dev.nodeshim.process.NodeProcess.process;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nodeshim.buffer.Buffer;
import dev.nodeshim.events.Listener1;
import dev.nodeshim.loop.EventLoop;
import java.net.URISyntaxException;
import java.time.Duration;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An {@code 'ipc'} stdio entry at any index, with real {@code node} on the other side: a Java parent
 * spawning {@code node ipc-peer.js}, and {@code node ipc-parent.js} spawning a Java child through
 * {@link ForkMain}. Both scripts are in {@code src/test/resources/node}; what node 20 does as the parent
 * of a node child is what these tests expect of either side (hello with the channel's fd and no
 * {@code NODE_CHANNEL_*} variable left in the child's env nor passed on to its own children, 5,000 messages in order, 3 MiB each way,
 * disconnect → exit 0 → close). Needs the native library (descriptors beyond a socket path).
 */
class NodeIpcTest {

    static Path script(String name) {
        try {
            return Path.of(NodeIpcTest.class.getResource("/node/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** stdio with 'ipc' at {@code index}: 'ignore' for 0–1 and nulls between, stderr piped (collected). */
    static List<Object> stdioWithIpcAt(int index) {
        List<Object> stdio = new ArrayList<>(Arrays.asList("ignore", "ignore", "pipe"));
        while (stdio.size() <= index) {
            stdio.add(null);
        }
        stdio.set(index, "ipc");
        return stdio;
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4})
    void javaParentNodeChild(int index) {
        assumeTrue(NativeSpawn.AVAILABLE);
        String big = "x".repeat(3 * 1024 * 1024) + "é";
        List<String> trace = new ArrayList<>();
        StringBuilder err = new StringBuilder();
        EventLoop.run(() -> {
            ChildProcess c = spawn("node", List.of(script("ipc-peer.js").toString()),
                    SpawnOptions.defaults().stdio(stdioWithIpcAt(index)));
            trace.add("stdio " + c.stdio().size() + " connected " + c.connected());
            if (c.stderr() != null) {
                c.stderr().on("data", (Buffer b) -> err.append(b.toString()));
            }
            int[] expect = {0};
            boolean[] inOrder = {true};
            c.on("message", (Listener1<Object>) m -> {
                if (m instanceof Map<?, ?> map && map.containsKey("hello")) {
                    trace.add("hello " + map.get("hello"));
                    c.send(Map.of("cmd", "burst", "n", 5000));
                } else if (m instanceof Map<?, ?> map && map.containsKey("i")) {
                    inOrder[0] &= map.get("i").equals(expect[0]++);
                } else if ("burst-done".equals(m)) {
                    trace.add("burst " + expect[0] + " " + inOrder[0]);
                    c.send(Map.of("big", big));
                } else if (m instanceof Map<?, ?> map && map.containsKey("big")) {
                    trace.add("big " + map.get("length") + " " + big.equals(map.get("big")));
                    c.send("bye");
                } else {
                    trace.add("message " + m);
                }
            });
            c.on("disconnect", () -> trace.add("disconnect"));
            c.on("exit", (Integer code, String signal) -> trace.add("exit " + code + " " + signal));
            c.on("close", (Integer code, String signal) -> trace.add("close " + code + " " + signal));
        });
        int size = Math.max(3, index + 1);
        assertEquals(List.of("stdio " + size + " connected true", "hello {fd=" + index + ", connected=true, env=[], grandchild=[]}",
                "burst 5000 true", "big " + big.length() + " true", "disconnect", "exit 0 null", "close 0 null"), trace,
                err.toString());
    }

    /**
     * node 20, the same parent disconnecting after the hello: connected false at once, 'disconnect',
     * the node child ends (its channel was all it waited for), exit 0 — and no 'close' after the
     * parent's own disconnect (nodejs/node#19433).
     */
    @Test
    void javaParentDisconnectsANodeChild() {
        assumeTrue(NativeSpawn.AVAILABLE);
        List<String> trace = new ArrayList<>();
        EventLoop.run(() -> {
            ChildProcess c = spawn("node", List.of(script("ipc-peer.js").toString()),
                    SpawnOptions.defaults().stdio(stdioWithIpcAt(3)));
            c.stderr().resume();
            c.on("message", (Listener1<Object>) m -> {
                trace.add("message " + m);
                c.disconnect();
                trace.add("connected " + c.connected());
            });
            c.on("disconnect", () -> trace.add("disconnect"));
            c.on("exit", (Integer code, String signal) -> trace.add("exit " + code + " " + signal));
            c.on("close", (Integer code, String signal) -> trace.add("close " + code + " " + signal));
        });
        assertEquals(List.of("message {hello={fd=3, connected=true, env=[], grandchild=[]}}", "connected false", "disconnect",
                "exit 0 null"), trace);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 3, 4})
    void nodeParentJavaChild(int index) {
        assumeTrue(NativeSpawn.AVAILABLE);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Object out = execFileSync("node", List.of(script("ipc-parent.js").toString(), java,
                System.getProperty("java.class.path"), Peer.class.getName(), Integer.toString(index)),
                SpawnSyncOptions.defaults().encoding("utf8").timeout(Duration.ofSeconds(60)));
        // what ipc-parent.js prints with ipc-peer.js as its child (node 20)
        assertEquals("hello {\"fd\":" + index + ",\"connected\":true,\"env\":[],\"grandchild\":\"[]\"}\nburst 5000 true\nbig 3145729 true\n"
                + "disconnect\nexit 0 null\nclose 0 null\n", out);
    }

    /** The Java twin of ipc-peer.js, started by node through {@link ForkMain}. */
    static final class Peer {
        public static void main(String[] args) {
            System.exit(EventLoop.run(args, () -> {
                Map<String, Object> hello = new LinkedHashMap<>();
                // node's process.channel.fd; ForkMain took NODE_CHANNEL_FD out of process.env() only
                hello.put("fd", Integer.parseInt(System.getenv("NODE_CHANNEL_FD")));
                hello.put("connected", process.connected());
                hello.put("env", process.env().keySet().stream().filter(k -> k.startsWith("NODE_CHANNEL")).toList());
                hello.put("grandchild", ((String) ChildProcesses.execSync("echo \"[$NODE_CHANNEL_FD$NODE_CHANNEL_SERIALIZATION_MODE]\"",
                        SpawnSyncOptions.defaults().encoding("utf8").stdio("pipe"))).trim()); // stderr may be the channel
                process.send(Map.of("hello", hello));
                process.on("message", (Listener1<Object>) m -> {
                    if ("bye".equals(m)) {
                        process.disconnect();
                    } else if (m instanceof Map<?, ?> map && "burst".equals(map.get("cmd"))) {
                        int n = (Integer) map.get("n");
                        for (int i = 0; i < n; i++) {
                            process.send(Map.of("i", i));
                        }
                        process.send("burst-done");
                    } else if (m instanceof Map<?, ?> map && map.get("big") instanceof String s) {
                        Map<String, Object> reply = new LinkedHashMap<>();
                        reply.put("length", s.length());
                        reply.put("big", s);
                        process.send(reply);
                    } else {
                        process.send(m);
                    }
                });
            }));
        }
    }
}
