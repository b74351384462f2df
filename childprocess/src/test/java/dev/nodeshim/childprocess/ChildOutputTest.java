package dev.nodeshim.childprocess;

import static dev.nodeshim.childprocess.ChildProcesses.spawn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodeshim.buffer.Buffer;
import dev.nodeshim.loop.EventLoop;
import dev.nodeshim.loop.Timers;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A child's stdout as a flowing stream: every byte in order, fresh chunks, and a pause that holds. */
class ChildOutputTest {

    /** 300,000 numbered lines arrive whole and in order, though the reader runs ahead of the loop. */
    @Test
    void bigOutputArrivesInOrder() {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        int[] code = {-1};
        EventLoop.run(() -> {
            ChildProcess c = spawn("seq", List.of("1", "300000"));
            c.stdout().on("data", (Buffer b) -> got.writeBytes(b.toByteArray()));
            c.on("close", (Integer exit, String signal) -> code[0] = exit);
        });
        StringBuilder expected = new StringBuilder();
        for (int i = 1; i <= 300_000; i++) {
            expected.append(i).append('\n');
        }
        assertEquals(0, code[0]);
        assertEquals(expected.toString(), got.toString());
    }

    /** Each 'data' Buffer is the listener's to keep: later reads never write over an earlier chunk. */
    @Test
    void chunksAreNotReused() {
        List<Buffer> kept = new ArrayList<>();
        EventLoop.run(() -> {
            ChildProcess c = spawn("seq", List.of("1", "300000"));
            c.stdout().on("data", (Buffer b) -> kept.add(b));
        });
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        kept.forEach(b -> all.writeBytes(b.toByteArray()));
        assertTrue(kept.size() > 1, "one chunk only: " + kept.size());
        assertTrue(all.toString().startsWith("1\n2\n3\n"));
        assertTrue(all.toString().endsWith("\n299999\n300000\n"));
        assertEquals(1_988_895, all.size()); // `seq 1 300000 | wc -c`
    }

    /**
     * Paused in its first 'data' (node 20: the socket stops reading; 'exit' waits, the child blocks on
     * the full pipe): 10 MB cannot have left the child while the stream holds at most what was read
     * ahead. After resume() every byte arrives.
     */
    @Test
    void pauseStopsReadingThePipe() {
        List<String> events = new ArrayList<>();
        long[] total = {0};
        EventLoop.run(() -> {
            ChildProcess c = spawn("head", List.of("-c", "10000000", "/dev/zero"));
            c.on("exit", (Integer code, String signal) -> events.add("exit " + code));
            c.on("close", (Integer code, String signal) -> events.add("close " + code + " " + total[0]));
            c.stdout().on("data", (Buffer b) -> {
                total[0] += b.length();
                if (c.stdout().isPaused() || total[0] != b.length()) {
                    return;
                }
                c.stdout().pause();
                // a window in which an unbounded reader would drain the child; a bounded one cannot
                Timers.setTimeout(() -> {
                    events.add("paused: exited " + (c.exitCode() != null)
                            + ", held at most 2 reads " + (c.stdout().readableLength() <= 2 * 64 * 1024));
                    c.stdout().resume();
                }, 200);
            });
        });
        assertEquals(List.of("paused: exited false, held at most 2 reads true", "exit 0", "close 0 10000000"),
                events);
    }
}
