package dev.nodeshim.cluster;

import static dev.nodeshim.cluster.Cluster.cluster;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.nodeshim.errors.NodeError;
import dev.nodeshim.loop.EventLoop;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code inspectPort}: each worker that starts a JDWP server gets a debugger port of its own, by node
 * 20's rules (cluster-inspect-port.js), and really listens on it.
 */
@ExtendWith(FreshCluster.class)
class InspectPortTest {
    /** What a user writes to debug a JVM on port 5005 (Node: {@code --inspect}). */
    private static final String JDWP = "-agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=127.0.0.1:5005";
    private static final Pattern ADDRESS = Pattern.compile("address=127\\.0\\.0\\.1:(\\d+)$");

    /**
     * cluster-inspect-port.js: which port each fork gives, and the forks that throw. The workers
     * cannot start (an option the JVM refuses comes after the agent's, and the JVM checks its options
     * before it loads agents), so no port is bound; the port is read back from the worker's command line.
     */
    @Test
    void eachWorkerGetsItsPortByNodesRules() {
        List<String> t = new ArrayList<>();
        int[] calls = {0};
        record Try(String what, boolean debug, Object inspectPort) {}
        List<Try> tries = List.of(
                new Try("no flag, bad inspectPort", false, 70000),
                new Try("default", true, null),
                new Try("number", true, 8000),
                new Try("default", true, null),
                new Try("function", true, (IntSupplier) () -> 9600),
                new Try("zero", true, 0),
                new Try("too big", true, 70000),
                new Try("negative", true, -1),
                new Try("function too big", true, (IntSupplier) () -> 65536),
                new Try("highest", true, 65535),
                new Try("default", true, null));
        EventLoop.run(() -> {
            cluster.primary().debugPort(5005); // node's script: process.debugPort = 5005
            for (Try x : tries) {
                ClusterSettings s = ClusterSettings.of().exec(ClusterWorkers.NoCluster.class).stdio("ignore")
                        .execArgv(x.debug() ? List.of(JDWP, "-XX:+NoSuchNodeshimOption") : List.of("-XX:+NoSuchNodeshimOption"));
                if (x.inspectPort() instanceof Integer p) {
                    s = s.inspectPort(p);
                } else if (x.inspectPort() instanceof IntSupplier f) {
                    s = s.inspectPort(() -> {
                        calls[0]++;
                        return f.getAsInt();
                    });
                }
                cluster.setupPrimary(s);
                try {
                    Worker w = cluster.fork();
                    t.add(x.what() + " " + w.id() + " " + debugPort(w));
                } catch (NodeError e) {
                    t.add(x.what() + " threw " + e.name() + " " + e.code() + " " + e.getMessage());
                }
                cluster.primary().clearInspectPort(); // node: setupPrimary({ inspectPort: undefined })
            }
            t.add("function calls " + calls[0]);
            cluster.primary().debugPort(65534);
            for (int i = 0; i < 3; i++) {
                Worker w = cluster.fork();
                t.add("wrap " + w.id() + " " + debugPort(w));
            }
        });
        assertEquals(NodeOut.lines("cluster-inspect-port.out"), t);
    }

    /**
     * The JDWP options that get a port, and how: the host is kept, an agent without an address gets
     * one, {@code -Xrunjdwp} as {@code -agentlib:jdwp}; a client agent ({@code server=n}, the default)
     * and anything else are left alone.
     */
    @Test
    void whichJdwpOptionsAreRewritten() {
        List<String> in = List.of(
                "-agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=*:5005",
                "-agentlib:jdwp=transport=dt_socket,server=y,address=5005,suspend=n",
                "-agentlib:jdwp=server=y,transport=dt_socket",
                "-Xrunjdwp:transport=dt_socket,server=y,address=[::1]:5005",
                "-agentlib:jdwp=transport=dt_socket,address=debugger:5005",
                "-agentlib:jdwp=transport=dt_socket,server=n,address=5005",
                "-agentlib:jdwp=help",
                "-Xdebug",
                "-Dserver=y,transport=dt_socket");
        assertEquals(List.of(
                "-agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=*:7001",
                "-agentlib:jdwp=transport=dt_socket,server=y,address=7001,suspend=n",
                "-agentlib:jdwp=server=y,transport=dt_socket,address=7001",
                "-Xrunjdwp:transport=dt_socket,server=y,address=[::1]:7001",
                "-agentlib:jdwp=transport=dt_socket,address=debugger:5005",
                "-agentlib:jdwp=transport=dt_socket,server=n,address=5005",
                "-agentlib:jdwp=help",
                "-Xdebug",
                "-Dserver=y,transport=dt_socket"), JdwpPorts.withPort(in, 7001));
        assertEquals(false, JdwpPorts.debugs(in.subList(4, in.size())));
    }

    /** The port of the worker's JDWP agent on its command line, or {@code none}. */
    private static String debugPort(Worker w) {
        for (String a : w.process().spawnargs()) {
            if (a.startsWith("-agentlib:jdwp=")) {
                Matcher m = ADDRESS.matcher(a);
                return m.find() ? m.group(1) : a;
            }
        }
        return "none";
    }

    /**
     * Two real workers started with the same JDWP option each listen on their own port (the
     * {@code inspectPort} function's): each JVM says so on its stdout, and each answers the JDWP
     * handshake on it. Then the cluster disconnects and both exit.
     */
    @Test
    void twoWorkersEachListenOnTheirOwnDebuggerPort() {
        List<Integer> given = new ArrayList<>();
        Map<Integer, Integer> announced = new TreeMap<>();
        List<String> handshakes = new ArrayList<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        int code = EventLoop.run(() -> {
            cluster.setupPrimary(ClusterSettings.of().exec(ClusterWorkers.NoCluster.class).silent(true)
                    .execArgv(List.of(JDWP)).inspectPort(() -> {
                        int p = freePort();
                        given.add(p);
                        return p;
                    }));
            EventLoop loop = EventLoop.current();
            for (int i = 0; i < 2; i++) {
                Worker w = cluster.fork();
                StringBuilder out = new StringBuilder();
                w.process().stdout().setEncoding("utf8");
                w.process().stdout().on("data", (String d) -> {
                    out.append(d);
                    Matcher m = Pattern.compile("Listening for transport dt_socket at address: (\\d+)").matcher(out);
                    if (m.find() && !announced.containsKey(w.id())) {
                        announced.put(w.id(), Integer.parseInt(m.group(1)));
                        if (announced.size() == 2) {
                            List<Integer> ports = List.copyOf(announced.values());
                            Thread debugger = new Thread(() -> {
                                try {
                                    for (int port : ports) {
                                        handshakes.add(port + " " + handshake(port));
                                    }
                                } catch (Throwable e) {
                                    failure.set(e);
                                } finally {
                                    loop.execute(() -> cluster.disconnect());
                                }
                            }, "test-debugger");
                            debugger.start();
                        }
                    }
                });
            }
        });
        assertEquals(0, code);
        assertNull(failure.get());
        assertEquals(2, given.size());
        assertNotEquals(given.get(0), given.get(1));
        assertEquals(Map.of(1, given.get(0), 2, given.get(1)), announced);
        assertEquals(List.of(given.get(0) + " JDWP-Handshake", given.get(1) + " JDWP-Handshake"), handshakes);
    }

    /** JDWP's handshake: the debugger sends {@code JDWP-Handshake}, the VM answers with the same 14 bytes. */
    private static String handshake(int port) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 10_000);
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write("JDWP-Handshake".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readNBytes(14), StandardCharsets.US_ASCII);
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
