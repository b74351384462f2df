package dev.nodeshim.childprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nodeshim.loop.EventLoop;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * exec/execFile's maxBuffer over two chunks with a string encoding: the count is in bytes, the chunk
 * that passes the limit is cut as a string. The child writes its second chunk only after the first
 * has arrived here (it waits on a FIFO), so the chunking is fixed. Expected values printed by node 20
 * for {@code execFile('sh', ['-c', 'printf 日本; sleep 0.2; printf abcdefgh'], {maxBuffer, encoding})}.
 */
class ExecMaxBufferTest {

    @ParameterizedTest
    @CsvSource({
        "10, utf8, 日本abcd",
        "7, utf8, 日本a",
        "6, utf8, 日本",
        "10, hex, e697a5e69cac6162",
    })
    void countInBytesCutTheCrossingChunkAsAString(int maxBuffer, String encoding, String expected,
                                                 @TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("second");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        List<Object> got = new ArrayList<>();
        EventLoop.run(() -> {
            ChildProcess c = ChildProcesses.execFile("sh",
                    List.of("-c", "printf 日本; read x < \"$0\"; printf abcdefgh", fifo.toString()),
                    SpawnOptions.defaults().maxBuffer(maxBuffer).encoding(encoding),
                    (err, stdout, stderr) -> {
                        got.add(err == null ? null : err.code());
                        got.add(stdout);
                    });
            boolean[] released = {false};
            c.stdout().on("data", (Object chunk) -> {
                if (!released[0]) {
                    released[0] = true;
                    try {
                        Files.writeString(fifo, "go\n");
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            });
        });
        assertEquals(List.of("ERR_CHILD_PROCESS_STDIO_MAXBUFFER", expected), got);
    }
}
