package dev.nodeshim.childprocess;

import static dev.nodeshim.childprocess.ChildProcesses.spawn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.nodeshim.loop.EventLoop;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Many children, huge outputs and grandchildren leave nothing behind and never hang. */
class ResourceLimitsTest {

    private static long openDescriptors() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }

    private static void joinPipeReaders() throws InterruptedException {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("nodeshim-child-io-")) {
                t.join(10_000); // an idle reader ends one second after its last pipe
                assertFalse(t.isAlive(), t.getName() + " still alive");
            }
        }
    }

    /** 2,000 children, at most 25 at a time: descriptors and reader threads come back to where they were. */
    @Test
    void twoThousandChildrenLeaveNoDescriptorOrThread() throws Exception {
        joinPipeReaders();
        long fdsBefore = openDescriptors();
        int[] closed = {0};
        int[] started = {0};
        EventLoop.run(() -> {
            Runnable[] next = new Runnable[1];
            next[0] = () -> {
                if (started[0] == 2000) {
                    return;
                }
                started[0]++;
                ChildProcess c = spawn("true", List.of());
                c.on("close", (Integer code, String signal) -> {
                    assertEquals(0, code);
                    closed[0]++;
                    next[0].run();
                });
            };
            for (int i = 0; i < 25; i++) {
                next[0].run();
            }
        });
        assertEquals(2000, closed[0]);
        joinPipeReaders();
        assertEquals(fdsBefore, openDescriptors(), "open descriptors after 2,000 children");
    }

    /** 100 MiB on stdout and on stderr at once: both pipes are drained, the child ends, no deadlock. */
    @Test
    void hundredMebibytesOnBothPipesAtOnce() {
        List<String> events = new ArrayList<>();
        EventLoop.run(() -> {
            ChildProcess c = spawn("sh", List.of("-c",
                    "head -c 104857600 /dev/zero & head -c 104857600 /dev/zero >&2; wait"));
            c.on("exit", (Integer code, String signal) -> events.add("exit " + code + " " + signal));
            c.on("close", (Integer code, String signal) -> events.add("close " + code + " " + signal));
        });
        assertEquals(List.of("exit 0 null", "close 0 null"), events);
    }
}
