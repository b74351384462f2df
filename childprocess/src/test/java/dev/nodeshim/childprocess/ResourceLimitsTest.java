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
import org.junit.jupiter.api.io.TempDir;

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
            long[] bytes = {0, 0};
            c.stdout().on("data", (dev.nodeshim.buffer.Buffer b) -> bytes[0] += b.length());
            c.stderr().on("data", (dev.nodeshim.buffer.Buffer b) -> bytes[1] += b.length());
            c.stdout().on("end", () -> events.add("stdout " + bytes[0]));
            c.stderr().on("end", () -> events.add("stderr " + bytes[1]));
            c.on("exit", (Integer code, String signal) -> events.add("exit " + code + " " + signal));
            c.on("close", (Integer code, String signal) -> events.add("close " + code + " " + signal));
        });
        assertEquals("close 0 null", events.get(events.size() - 1));
        assertEquals(List.of("close 0 null", "exit 0 null", "stderr 104857600", "stdout 104857600"),
                events.stream().sorted().toList());
    }

    /**
     * A grandchild that keeps the pipes open: 'exit' comes when the child ends, 'close' (and exec's
     * callback) only after the grandchild has let go of the pipes too. The grandchild blocks on a FIFO
     * until the test, having seen 'exit', writes to it; its "late" is in the output only because the
     * end waited for it. node 20 prints [exit 3, callback 3 early|late|] for the same script.
     */
    @Test
    void grandchildHoldingThePipesDelaysCloseNotExit(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("release");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        List<String> events = new ArrayList<>();
        EventLoop.run(() -> {
            ChildProcess c = ChildProcesses.execFile("sh",
                    List.of("-c", "(read x < \"$0\"; echo late) & echo early; exit 3", fifo.toString()),
                    (err, stdout, stderr) -> events.add("callback " + err.prop("code") + " " + stdout.toString().replace('\n', '|')));
            c.on("exit", (Integer code, String signal) -> {
                events.add("exit " + code);
                try {
                    Files.writeString(fifo, "go\n"); // opens when the grandchild reads: it then writes and ends
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            c.on("close", (Integer code, String signal) -> events.add("close " + code));
        });
        assertEquals(List.of("exit 3", "callback 3 early|late|", "close 3"), events);
    }

    /** stdin to stdout through cat, with a Writable and a Readable; end() gives the child its EOF. */
    @Test
    void stdinAndStdoutStreams() {
        List<String> events = new ArrayList<>();
        EventLoop.run(() -> {
            ChildProcess c = spawn("cat", List.of());
            c.stdout().setEncoding("utf8");
            StringBuilder out = new StringBuilder();
            c.stdout().on("data", (String s) -> out.append(s));
            c.stdout().on("end", () -> events.add("stdout end " + out.toString().replace('\n', '|')));
            c.on("exit", (Integer code, String signal) -> events.add("exit " + code));
            c.on("close", (Integer code, String signal) -> events.add("close " + code));
            c.stdin().write("hello\n");
            c.stdin().end("bye\n");
        });
        // node 20: data "hello\nbye\n", stdout end, exit 0, close 0 — the pipe's end and the exit are two
        // independent notices (in Node too), so only 'close' being last is an ordering guarantee
        assertEquals("close 0", events.get(2));
        assertEquals(List.of("exit 0", "stdout end hello|bye|"), events.subList(0, 2).stream().sorted().toList());
    }

    /** Nobody reads stdout: the child blocks on the full pipe and the stream holds one read at most. */
    @Test
    void unreadOutputIsBoundedAndTheChildWaits() {
        List<String> events = new ArrayList<>();
        EventLoop.run(() -> {
            ChildProcess c = spawn("head", List.of("-c", "10000000", "/dev/zero"));
            c.on("exit", (Integer code, String signal) -> events.add("exit " + code));
            c.stdout().on("readable", () -> {
                // the first chunk is buffered; the child cannot have finished 10 MB into a 64 KiB pipe
                events.add("buffered " + (c.stdout().readableLength() <= 64 * 1024) + " exited " + (c.exitCode() != null));
                c.stdout().removeAllListeners("readable");
                c.stdout().on("data", (dev.nodeshim.buffer.Buffer b) -> { });
                c.stdout().resume();
            });
            c.on("close", (Integer code, String signal) -> events.add("close " + code));
        });
        assertEquals(List.of("buffered true exited false", "exit 0", "close 0"), events);
    }
}
