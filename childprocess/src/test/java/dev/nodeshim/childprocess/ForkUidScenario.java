package dev.nodeshim.childprocess;

import static dev.nodeshim.childprocess.ChildProcesses.fork;
import static dev.nodeshim.process.NodeProcess.process;

import dev.nodeshim.errors.NodeError;
import dev.nodeshim.events.Listener1;
import dev.nodeshim.loop.EventLoop;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parent of {@link ForkUidTest}, run as root in a JVM whose class path is jars that {@code nobody}
 * may read: the Java twin of {@code src/test/resources/node/fork-uid.js}, printing the same lines, then
 * whether a class-data archive was offered to a child of our user and to the child running as nobody.
 */
final class ForkUidScenario {
    private ForkUidScenario() {}

    /** Options for every child here: no {@code /tmp/hsperfdata_nobody} left behind. */
    private static final List<String> NO_PERF_DATA = List.of("-XX:-UsePerfData");

    public static void main(String[] args) throws IOException {
        // an archive for this class path, as a first fork's training would leave it (its content does not
        // matter: a JVM ignores an archive it cannot use, and this one must not even be offered)
        Path dir = ClassDataArchive.directory();
        String cp = System.getProperty("java.class.path");
        String key = ClassDataArchive.key(cp);
        Path raw = Files.write(dir.resolve("raw"), new byte[4096]);
        Files.move(raw, ClassDataArchive.nameFor(raw, dir.resolve(key).toString(), ClassDataArchive.SUFFIX));
        boolean ours = !ClassDataArchive.options(true, NO_PERF_DATA, Map.of(), cp, Child.class.getName()).isEmpty();

        List<String> archiveForNobody = new ArrayList<>();
        System.exit(EventLoop.run(args, () -> {
            log("uid -1:", attempt(ForkOptions.defaults().uid(-1)));
            log("gid -1:", attempt(ForkOptions.defaults().gid(-1).uid(65534)));
            ChildProcess c = fork(Child.class, List.of("child"),
                    ForkOptions.defaults().uid(65534).gid(65534).execArgv(NO_PERF_DATA));
            archiveForNobody.add(String.valueOf(c.spawnargs().stream().anyMatch(ForkUidScenario::isArchive)));
            c.on("spawn", () -> log("spawn"));
            c.on("message", (Listener1<Map<String, Object>>) m -> {
                log("got", m.get("got"));
                for (Object l : (List<?>) m.get("ids")) {
                    log("child", l);
                }
                log("child uid 0:", m.get("uid0"));
                log("child gid 0:", m.get("gid0"));
                log("child uid -1:", m.get("minus1"));
                log("child own ids:", m.get("own"));
            });
            c.on("disconnect", () -> log("disconnect"));
            c.on("exit", (Integer code, String sig) -> log("exit", code, sig));
            c.on("close", (Integer code, String sig) -> {
                log("close", code, sig);
                log("archive for our user:", ours);
                log("archive for nobody:", archiveForNobody.get(0));
            });
            c.send("ping");
        }));
    }

    private static boolean isArchive(String arg) {
        return arg.startsWith("-XX:SharedArchiveFile") || arg.startsWith("-XX:AOTCache");
    }

    /** fork-uid.js's {@code attempt}: 'started', or the thrown error's name, message, errno, code, syscall, keys. */
    static String attempt(ForkOptions o) {
        try {
            fork(Quick.class, List.of("never"), o.execArgv(NO_PERF_DATA));
            return "started";
        } catch (NodeError e) {
            return String.join(" ", e.name(), e.getMessage(), String.valueOf(e.prop("errno")),
                    String.valueOf(e.prop("code")), String.valueOf(e.prop("syscall")),
                    JsonMessages.stringify(List.copyOf(e.props().keySet())));
        }
    }

    /** console.log's join: null and undefined print as empty (node's exit code/signal). */
    private static void log(Object... words) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            s.append(i == 0 ? "" : " ").append(words[i] == null ? "" : words[i]);
        }
        System.out.println(s);
    }

    /** The child, running as nobody: answers with its ids and with what fork says to a process without CAP_SETUID. */
    static final class Child {
        public static void main(String[] args) {
            System.exit(EventLoop.run(args, () -> process.on("message", (Listener1<Object>) m -> {
                Map<String, Object> reply = new LinkedHashMap<>();
                reply.put("got", m);
                reply.put("ids", ids());
                reply.put("uid0", attempt(ForkOptions.defaults().uid(0)));
                reply.put("gid0", attempt(ForkOptions.defaults().gid(0)));
                reply.put("minus1", attempt(ForkOptions.defaults().uid(-1)));
                reply.put("own", attempt(ForkOptions.defaults().uid(65534).gid(65534).stdio("ignore")));
                process.send(reply);
                process.disconnect();
            })));
        }

        /** fork-uid.js's {@code ids()}: the Uid, Gid and Groups lines of /proc/self/status, blanks squeezed. */
        private static List<String> ids() {
            try {
                return Files.readAllLines(Path.of("/proc/self/status")).stream()
                        .filter(l -> l.matches("^(Uid|Gid|Groups):.*"))
                        .map(l -> l.replaceAll("\\s+", " ").trim()).toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A child that ends at once (fork-uid.js's {@code -e 0}). */
    static final class Quick {
        public static void main(String[] args) {
            System.exit(0);
        }
    }
}
