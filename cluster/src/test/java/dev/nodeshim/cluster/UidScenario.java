package dev.nodeshim.cluster;

import static dev.nodeshim.cluster.Cluster.cluster;
import static dev.nodeshim.process.NodeProcess.process;

import dev.nodeshim.buffer.Buffer;
import dev.nodeshim.childprocess.ChildProcess;
import dev.nodeshim.events.Listener1;
import dev.nodeshim.loop.EventLoop;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The primary of {@link ClusterUidTest}'s end-to-end test, run as root in a JVM whose class path is jars
 * that nobody may read: the Java twin of {@code src/test/resources/node/cluster-uid.js}, printing its lines.
 */
final class UidScenario {
    private UidScenario() {}

    public static void main(String[] args) {
        System.exit(EventLoop.run(args, () -> {
            cluster.setupPrimary(ClusterSettings.of().exec(NobodyWorker.class)
                    .stdio(List.of("ignore", "pipe", "inherit", "ipc")).uid(65534).gid(65534)
                    .execArgv(List.of("-XX:-UsePerfData")));   // (no /tmp/hsperfdata_nobody left behind)
            Map<String, Object> rest = new java.util.LinkedHashMap<>(cluster.settings().toMap());
            rest.remove("exec");
            rest.remove("execArgv");
            log("settings", NodeOut.json(rest));
            Worker w = cluster.fork();
            ChildProcess p = w.process();
            log("stdio", p.stdio().size(), p.stdin() == null, p.stdout() != null, p.stderr() == null);
            StringBuilder out = new StringBuilder();
            p.stdout().on("data", (Listener1<Buffer>) d -> out.append(d.toString()));
            w.on("online", () -> log("online"));
            w.on("message", (Listener1<Map<String, Object>>) m -> {
                for (Object l : (List<?>) m.get("ids")) {
                    log("worker", l);
                }
            });
            w.on("listening", (Listener1<ListeningAddress>) a -> {
                log("listening", a.addressType(), a.address());
                w.send("bye");
            });
            w.on("disconnect", () -> log("disconnect"));
            w.on("exit", (Integer code, String sig) -> log("exit", code, sig, w.exitedAfterDisconnect()));
            p.on("close", (Integer code, String sig) -> log("stdout", NodeOut.json(out.toString())));
        }));
    }

    /** console.log's join: null prints as empty. */
    private static void log(Object... words) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            s.append(i == 0 ? "" : " ").append(words[i] == null ? "" : words[i]);
        }
        System.out.println(s);
    }

    /** cluster-uid.js's worker, running as nobody. */
    static final class NobodyWorker {
        public static void main(String[] args) {
            System.exit(EventLoop.run(args, () -> {
                System.out.println("hello from worker " + cluster.worker().id());
                try {
                    process.send(Map.of("ids", Files.readAllLines(Path.of("/proc/self/status")).stream()
                            .filter(l -> l.matches("^(Uid|Gid|Groups):.*"))
                            .map(l -> l.replaceAll("\\s+", " ").trim()).toList()));
                    cluster.listen(ClusterServer.of(com.sun.net.httpserver.HttpServer.create(), Duration.ZERO), 0,
                            "127.0.0.1");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                process.on("message", (Listener1<Object>) m -> {
                    if ("bye".equals(m)) {
                        cluster.worker().disconnect();
                    }
                });
            }));
        }
    }
}
