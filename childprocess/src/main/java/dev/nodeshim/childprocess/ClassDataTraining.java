package dev.nodeshim.childprocess;

import static dev.nodeshim.process.NodeProcess.process;

import dev.nodeshim.events.Listener1;
import dev.nodeshim.events.Listener2;
import dev.nodeshim.loop.EventLoop;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/**
 * The training run of {@link ClassDataArchive}: a parent JVM that forks one child through the real
 * {@code fork} path ({@link ForkMain}, the channel, the loop, the {@link ForkPreload}s) with the dump
 * option in its {@code execArgv}, so that exactly the classes a fork child loads land in the archive,
 * whatever way the channel is passed. The child ({@link Child}) loads the program's main class without
 * initializing it (no code of the program runs), answers one message and ends; the archive is written
 * as it exits. When it exited with 0 and answered, the file is renamed into place as
 * {@code <base>-<length>-<crc32c><suffix>} (one {@code rename}: a reader sees no name or a whole archive); the
 * temporary files and the lock are removed whatever happened. A training that hangs ends itself after
 * 60 s.
 *
 * <p>{@code java … ClassDataTraining <dump option> <log option> <tmp> <base> <suffix> <lock> <mainClass>}
 */
final class ClassDataTraining {
    private ClassDataTraining() {}

    /** The training's fork child: loads the program's main class, echoes one message, disconnects. */
    static final class Child {
        public static void main(String[] args) {
            try {
                Class.forName(args[0], false, ClassLoader.getSystemClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                // the program's own start will report it; the archive is made without it
            }
            System.exit(EventLoop.run(args, () -> process.once("message", (Listener1<Object>) m -> {
                process.send(m);
                process.disconnect();
            })));
        }
    }

    public static void main(String[] args) throws Exception {
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                return;
            }
            Runtime.getRuntime().halt(1);
        }, "nodeshim-cds-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();

        Path tmp = Path.of(args[2]);
        Path lock = Path.of(args[5]);
        boolean made = false;
        try {
            Object[] echo = {null};
            Object[] exit = {null};
            EventLoop.run(() -> {
                ChildProcess c = ChildProcesses.fork(Child.class, List.of(args[6]),
                        ForkOptions.defaults().execArgv(List.of(args[0], args[1])));
                c.on("message", (Listener1<Object>) m -> echo[0] = m);
                c.on("exit", (Listener2<Integer, String>) (code, signal) -> exit[0] = code);
                c.send(Map.of("training", 1));
            });
            if (Integer.valueOf(0).equals(exit[0]) && echo[0] instanceof Map<?, ?> && Files.size(tmp) > 0) {
                Path archive = ClassDataArchive.nameFor(tmp, args[3], args[4]);
                Files.move(tmp, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                made = true;
            }
        } catch (IOException | RuntimeException e) {
            // no archive this time
        } finally {
            Files.deleteIfExists(tmp);
            Files.deleteIfExists(Path.of(tmp + ".config"));
            Files.deleteIfExists(lock);
        }
        System.exit(made ? 0 : 1);
    }
}
