package dev.nodeshim.childprocess;

import static dev.nodeshim.childprocess.ChildProcesses.fork;
import static dev.nodeshim.process.NodeProcess.process;

import dev.nodeshim.events.Listener1;
import dev.nodeshim.loop.EventLoop;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The parent of {@link ClassDataArchiveTest}'s end-to-end test, run in a JVM whose class path is jars
 * only (the archive needs that) with {@code -Dnodeshim.fork.classDataSharing.dir=<empty dir>}. It prints
 * one line per step (an archive's name as {@code <key>-<n>.archive}); the test compares them:
 * <ol>
 *   <li>{@code first N}: four forks at once with no archive yet, how many sent their message;</li>
 *   <li>{@code files …}: the directory once the training has ended (one archive, nothing else);</li>
 *   <li>{@code used …}: a fork with the archive: whether its ForkMain came from it;</li>
 *   <li>{@code user …}: a fork with {@code -Xshare:off}: its message, whether our option was added;</li>
 *   <li>{@code damaged …}: 4 KiB of the archive flipped, its length kept: the fork's message, whether
 *       it was given the file (no), what it printed (nothing), and the directory after the training
 *       that follows;</li>
 *   <li>{@code truncated …}: the archive cut short: the fork's message, whether it was given the file,
 *       and the directory after the training that follows (a whole archive again).</li>
 * </ol>
 */
final class ClassDataScenario {
    private ClassDataScenario() {}

    /** A forked child: sends one message as it starts, then lets go. */
    static final class Child {
        public static void main(String[] args) {
            System.exit(EventLoop.run(args, () -> {
                process.send("up " + args[0]);
                process.disconnect();
            }));
        }
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(System.getProperty(ClassDataArchive.DIR));
        Path logs = Path.of(args[0]);
        // 1: four at once, nothing archived yet
        List<Object> got = new ArrayList<>();
        EventLoop.run(() -> {
            for (int i = 0; i < 4; i++) {
                start(List.of(), false, String.valueOf(i), c -> { }, got::add);
            }
        });
        System.out.println("first " + got.size());
        ClassDataArchive.awaitTraining();
        System.out.println("files " + names(dir));

        // 2: with the archive
        Path log = logs.resolve("used.log");
        System.out.println("used " + run(List.of("-Xlog:class+load:file=" + log), false) + " "
                + Files.readString(log).contains("dev.nodeshim.childprocess.ForkMain source: shared objects file"));

        // 3: the user's own option wins
        Path userLog = logs.resolve("user.log");
        System.out.println("user " + run(List.of("-Xshare:off", "-Xlog:class+load:file=" + userLog), false) + " "
                + Files.readString(userLog).contains("shared objects file"));

        // 4: 4 KiB flipped in the middle, length and header intact (a JVM given it dies of SIGABRT):
        // not given to the child, which starts without it and prints nothing; removed and made again
        Path archive = archive(dir);
        long length = Files.size(archive);
        archive.toFile().setWritable(true);
        try (RandomAccessFile f = new RandomAccessFile(archive.toFile(), "rw")) {
            byte[] page = new byte[4096];
            f.seek(length / 2);
            f.readFully(page);
            for (int i = 0; i < page.length; i++) {
                page[i] ^= 0x5a;
            }
            f.seek(length / 2);
            f.write(page);
        }
        System.out.println("damaged " + run(List.of(), true));
        ClassDataArchive.awaitTraining();
        System.out.println("files " + names(dir));

        // 5: cut short: not given to the child (JDK 17 would die of SIGBUS), removed, made again
        archive = archive(dir);
        length = Files.size(archive);
        archive.toFile().setWritable(true);
        try (RandomAccessFile f = new RandomAccessFile(archive.toFile(), "rw")) {
            f.setLength(length / 2);
        }
        System.out.println("truncated " + run(List.of(), false));
        ClassDataArchive.awaitTraining();
        Path again = archive(dir);
        System.out.println("files " + names(dir) + " " + (Files.size(again) > 0));
    }

    /** Forks one child and waits for its exit: its message, its spawnargs' CDS option, and its output when silent. */
    private static String run(List<String> execArgv, boolean silent) {
        List<Object> got = new ArrayList<>();
        StringBuilder output = new StringBuilder();
        boolean[] given = {false};
        EventLoop.run(() -> start(execArgv, silent, "x", c -> {
            given[0] = c.spawnargs().stream().anyMatch(a -> a.startsWith("-XX:SharedArchiveFile")
                    || a.startsWith("-XX:AOTCache="));
            if (silent) {
                c.stdout().on("data", (Listener1<Object>) d -> output.append(d));
                c.stderr().on("data", (Listener1<Object>) d -> output.append(d));
            }
        }, got::add));
        return got + " archive=" + given[0] + (silent ? " output=[" + output + "]" : "");
    }

    private static void start(List<String> execArgv, boolean silent, String arg, Consumer<ChildProcess> setup,
            Consumer<Object> onMessage) {
        ChildProcess c = fork(Child.class, List.of(arg), ForkOptions.defaults().execArgv(execArgv).silent(silent));
        setup.accept(c);
        c.on("message", (Listener1<Object>) onMessage::accept);
    }

    /** The directory's files, with the archive's name reduced to {@code <key>-<n>.jsa}. */
    private static List<String> names(Path dir) throws IOException {
        Map<String, Boolean> names = new TreeMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.forEach(p -> names.put(p.getFileName().toString().replaceAll("^[0-9a-f]{32}-[0-9]+-[0-9a-f]+\\.(jsa|aot)$", "<key>-<n>.archive"),
                    true));
        }
        return List.copyOf(names.keySet());
    }

    private static Path archive(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(ClassDataArchive.SUFFIX)).findFirst().orElseThrow();
        }
    }
}
