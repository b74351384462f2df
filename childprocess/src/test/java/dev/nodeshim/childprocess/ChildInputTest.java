package dev.nodeshim.childprocess;

import static dev.nodeshim.childprocess.ChildProcesses.spawn;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodeshim.buffer.Buffer;
import dev.nodeshim.events.Listener0;
import dev.nodeshim.loop.EventLoop;
import dev.nodeshim.stream.Writable;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A child's stdin: backpressure and order across writes far bigger than a pipe. */
class ChildInputTest {

    /**
     * 8 MiB written to {@code cat} in 64 chunks of 128 KiB, each twice a pipe's capacity, honouring
     * {@code write}'s false and {@code 'drain'}, come back byte for byte (sha-256 compared): every
     * partial write was finished before the next chunk, and a full pipe never blocked the loop, which
     * reads {@code cat}'s stdout meanwhile.
     */
    @Test
    void bigWritesWithBackpressureArriveWholeAndInOrder() throws Exception {
        byte[] data = new byte[8 << 20];
        new Random(7).nextBytes(data);
        ByteArrayOutputStream back = new ByteArrayOutputStream();
        List<String> trace = new ArrayList<>();
        int[] drains = {0};
        EventLoop.run(() -> {
            ChildProcess c = spawn("cat", List.of());
            c.stdout().on("data", (Buffer b) -> back.writeBytes(b.toByteArray()));
            c.on("close", (Integer code, String signal) -> trace.add("close " + code + " " + signal));
            Writable in = c.stdin();
            in.on("drain", () -> drains[0]++);
            int chunk = 128 * 1024;
            int[] at = {0};
            Runnable[] pump = new Runnable[1];
            pump[0] = () -> {
                while (at[0] < data.length) {
                    Buffer b = Buffer.from(Arrays.copyOfRange(data, at[0], at[0] + chunk));
                    at[0] += chunk;
                    if (!in.write(b)) {
                        in.once("drain", (Listener0) () -> pump[0].run());
                        return;
                    }
                }
                in.end();
            };
            pump[0].run();
        });
        assertEquals(List.of("close 0 null"), trace);
        assertEquals(data.length, back.size());
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        assertArrayEquals(sha.digest(data), sha.digest(back.toByteArray()));
        assertTrue(drains[0] > 0, "a 128 KiB write is over the highWaterMark: write returns false, drain follows");
    }
}
