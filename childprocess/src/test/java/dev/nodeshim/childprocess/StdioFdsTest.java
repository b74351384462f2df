package dev.nodeshim.childprocess;

import static dev.nodeshim.childprocess.ChildProcesses.spawn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nodeshim.buffer.Buffer;
import dev.nodeshim.errors.NodeError;
import dev.nodeshim.events.Listener1;
import dev.nodeshim.loop.EventLoop;
import dev.nodeshim.stream.Duplex;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code stdio} entries beyond fds 0–2 (the native library places any descriptor). Expected values were
 * printed by node 20 for the same calls; the conformance probe {@code childprocess.stdio} holds more.
 */
class StdioFdsTest {

    private static List<Object> stdio(Object... entries) {
        return Arrays.asList(entries);
    }

    /**
     * node 20, {@code sh -c 'cat <&3 >&3'} with {@code stdio[3]} 'pipe', 'abc' and 'déf' written, then
     * end(): stdio[3] is readable and writable; 'finish', data "abcdéf", 'end', 'close'; the child's
     * 'close' (0) comes whenever exit and the last stream's close are both there.
     */
    @Test
    void pipeFromThreeOnIsADuplexBothWays() {
        assumeTrue(NativeSpawn.AVAILABLE);
        List<String> t = new ArrayList<>();
        List<Integer> closed = new ArrayList<>();
        EventLoop.run(() -> {
            ChildProcess c = spawn("sh", List.of("-c", "cat <&3 >&3"), SpawnOptions.defaults().stdio(stdio("ignore", "ignore", "ignore", "pipe")));
            assertEquals(4, c.stdio().size());
            Duplex s3 = assertInstanceOf(Duplex.class, c.stdio().get(3));
            t.add("readable " + s3.readable() + " writable " + s3.writable() + " allowHalfOpen " + s3.allowHalfOpen());
            StringBuilder data = new StringBuilder();
            s3.on("data", (Buffer b) -> data.append(b.toString()));
            s3.on("finish", () -> t.add("3 finish"));
            s3.on("end", () -> t.add("3 end " + data));
            s3.on("close", () -> t.add("3 close"));
            c.on("close", (Integer code, String signal) -> closed.add(code));
            s3.write("abc");
            s3.end("déf");
        });
        assertEquals(List.of("readable true writable true allowHalfOpen false", "3 finish", "3 end abcdéf", "3 close"), t);
        assertEquals(List.of(0), closed);
    }

    /** node 20: 'close' waits for a grandchild that still holds fd 3; stdio[3] reads "early\nlate\n". */
    @Test
    void closeWaitsForEveryHolderOfAnExtraPipe() {
        assumeTrue(NativeSpawn.AVAILABLE);
        List<String> t = new ArrayList<>();
        EventLoop.run(() -> {
            ChildProcess c = spawn("sh", List.of("-c", "(sleep 0.2; echo late >&3) & echo early >&3"),
                    SpawnOptions.defaults().stdio(stdio("ignore", "ignore", "ignore", "pipe")));
            StringBuilder data = new StringBuilder();
            ((Duplex) c.stdio().get(3)).on("data", (Buffer b) -> data.append(b.toString()));
            c.on("exit", (Integer code, String signal) -> t.add("exit " + code));
            c.on("close", (Integer code, String signal) -> t.add("close " + code + " " + data));
        });
        assertEquals(List.of("exit 0", "close 0 early\nlate\n"), t);
    }

    /**
     * node 20: bytes written to stdio[3] that the child never reads, the child ends: the socket is
     * reset — {@code Error: read ECONNRESET} (errno -104, syscall read), then 'close'.
     */
    @Test
    void unreadBytesAtTheChildsEndResetTheSocket() {
        assumeTrue(NativeSpawn.AVAILABLE);
        List<String> t = new ArrayList<>();
        List<Integer> closed = new ArrayList<>();
        EventLoop.run(() -> {
            ChildProcess c = spawn("sh", List.of("-c", "read x"), SpawnOptions.defaults().stdio(stdio("pipe", "ignore", "ignore", "pipe")));
            Duplex s3 = (Duplex) c.stdio().get(3);
            s3.on("error", (NodeError e) -> t.add("3 error " + e.getMessage() + " " + e.code() + " " + e.prop("errno") + " " + e.prop("syscall")));
            s3.on("close", () -> t.add("3 close"));
            c.on("close", (Integer code, String signal) -> closed.add(code));
            // the bytes are in the child's socket before its stdin ends and it exits without reading them
            s3.write("unread", (Throwable err) -> c.stdin().end("line\n"));
        });
        assertEquals(List.of("3 error read ECONNRESET ECONNRESET -104 read", "3 close"), t);
        assertEquals(List.of(0), closed);
    }

    /** 'inherit' at n passes our fd n; an integer passes that descriptor of ours (node 20 alike). */
    @Test
    void inheritAndIntegersPassOurDescriptors() throws IOException {
        assumeTrue(NativeSpawn.AVAILABLE);
        Pipe p = Pipe.open();
        try {
            int k = NativeSpawn.fdOf(p.sink());
            List<Object> entries = new ArrayList<>(Arrays.asList("ignore", "ignore", "ignore", k));
            while (entries.size() < k) {
                entries.add(null);
            }
            entries.add("inherit"); // at index k (above 9: sh writes it through /proc, dash redirects only 0-9)
            List<Integer> exits = new ArrayList<>();
            EventLoop.run(() -> {
                ChildProcess c = spawn("sh", List.of("-c", "echo by-number >&3; echo inherited > /proc/self/fd/" + k),
                        SpawnOptions.defaults().stdio(entries));
                assertNull(c.stdio().get(3));
                assertNull(c.stdio().get(k));
                c.on("close", (Integer code, String signal) -> exits.add(code));
            });
            assertEquals(List.of(0), exits);
            ByteBuffer got = ByteBuffer.allocate(64);
            String want = "by-number\ninherited\n";
            while (got.position() < want.length()) {
                p.source().read(got);
            }
            assertEquals(want, new String(got.array(), 0, got.position(), StandardCharsets.UTF_8));
        } finally {
            p.sink().close();
            p.source().close();
        }
    }

    /** node 20: {@code Error: spawn EBADF} thrown by spawn (errno -9, code EBADF, syscall spawn). */
    @Test
    void aDescriptorThatIsNotOpenIsEbadf() {
        assumeTrue(NativeSpawn.AVAILABLE);
        EventLoop.run(() -> {
            NodeError e = assertThrows(NodeError.class,
                    () -> spawn("true", List.of(), SpawnOptions.defaults().stdio(stdio("pipe", "pipe", "pipe", 999))));
            assertEquals("spawn EBADF", e.getMessage());
            assertEquals("EBADF", e.code());
            assertEquals(-9, e.prop("errno"));
            assertEquals("spawn", e.prop("syscall"));
        });
    }

    /** node 20's messages for entries of the wrong type, in entry order. */
    @Test
    void badEntriesGetNodesErrors() {
        SpawnOptions d = SpawnOptions.defaults();
        for (Object[] bad : new Object[][] {{true, "true"}, {Map.of(), "{}"}, {List.of(), "[]"}}) {
            NodeError e = assertThrows(NodeError.class, () -> d.stdio(stdio("pipe", "pipe", "pipe", bad[0])));
            assertEquals("ERR_INVALID_ARG_VALUE", e.code());
            assertEquals("TypeError", e.name());
            assertEquals("The argument 'stdio' is invalid. Received " + bad[1], e.getMessage());
        }
        NodeError bogus = assertThrows(NodeError.class, () -> d.stdio(stdio("ipc", "bogus", "ipc")));
        assertEquals("ERR_INVALID_SYNC_FORK_INPUT", bogus.code());
        NodeError two = assertThrows(NodeError.class, () -> d.stdio(stdio("pipe", "pipe", "pipe", true, "ipc", "ipc")));
        assertEquals("ERR_INVALID_ARG_VALUE", two.code());
    }

    /** The ProcessBuilder fallback cannot place descriptors beyond 2: a clear refusal, before any start. */
    @Test
    void theFallbackRefusesWhatItCannotDo() {
        assumeFalse(NativeSpawn.AVAILABLE);
        EventLoop.run(() -> {
            for (List<Object> entries : List.of(stdio("pipe", "pipe", "pipe", "pipe"), stdio("ipc", "pipe", "pipe"),
                    stdio("pipe", "pipe", "pipe", null, "ipc"), stdio(0, "pipe", "pipe"))) {
                UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                        () -> spawn("true", List.of(), SpawnOptions.defaults().stdio(entries)));
                assertTrue(e.getMessage().contains("needs nodeshim's native library"), e.getMessage());
            }
        });
    }

    /** Every pipe, socket and channel of many children is closed again, also after failed starts. */
    @Test
    void noDescriptorIsLeaked() throws IOException {
        assumeTrue(NativeSpawn.AVAILABLE);
        runChildren(1); // the first start makes what lives on (the exit watcher, the loop's selector)
        Map<String, Integer> before = openDescriptors();
        runChildren(20);
        assertEquals(before, openDescriptors());
    }

    private static void runChildren(int n) {
        EventLoop.run(() -> {
            for (int i = 0; i < n; i++) {
                ChildProcess c = spawn("sh", List.of("-c", "echo x >&3; cat <&4"),
                        SpawnOptions.defaults().stdio(stdio("pipe", "pipe", "pipe", "pipe", "pipe", "ipc")));
                c.stdout().resume();
                c.stderr().resume();
                ((Duplex) c.stdio().get(3)).resume();
                ((Duplex) c.stdio().get(4)).end("y");
                c.on("message", (Listener1<Object>) m -> { });
                assertThrows(NodeError.class, () -> spawn("true", List.of(), SpawnOptions.defaults().stdio(stdio("pipe", "pipe", "pipe", "pipe", 999))));
                spawn("no-such-program-xyz", List.of(), SpawnOptions.defaults().stdio(stdio("pipe", "pipe", "pipe", "pipe", "ipc")))
                        .on("error", (NodeError e) -> { });
            }
        });
    }

    /** How many pipes and sockets this process has open, by kind. */
    private static Map<String, Integer> openDescriptors() throws IOException {
        Map<String, Integer> kinds = new TreeMap<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : (Iterable<Path>) fds::iterator) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    String kind = target.startsWith("socket:") ? "socket" : target.startsWith("pipe:") ? "pipe" : null;
                    if (kind != null) {
                        kinds.merge(kind, 1, Integer::sum);
                    }
                } catch (IOException gone) {
                    // the listing's own descriptor
                }
            }
        }
        return kinds;
    }
}
