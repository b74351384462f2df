package dev.nodeshim.childprocess;

import static dev.nodeshim.childprocess.ChildProcesses.spawn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nodeshim.buffer.Buffer;
import dev.nodeshim.errors.NodeError;
import dev.nodeshim.loop.EventLoop;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** spawn's {@code stdio} option; expected values printed by node 20 for the same calls. */
class StdioOptionsTest {

    @Test
    void ignoreGivesNoStreamsAndTheChildStillEnds() {
        List<String> events = new ArrayList<>();
        EventLoop.run(() -> {
            ChildProcess c = spawn("sh", List.of("-c", "cat; echo out; echo err >&2"), SpawnOptions.defaults().stdio("ignore"));
            // node 20: stdin, stdout and stderr are null
            assertNull(c.stdin());
            assertNull(c.stdout());
            assertNull(c.stderr());
            assertEquals(Arrays.asList(null, null, null), c.stdio());
            c.on("exit", (Integer code, String signal) -> events.add("exit " + code));
            c.on("close", (Integer code, String signal) -> events.add("close " + code));
        });
        // cat read /dev/null, so it ended at once
        assertEquals(List.of("exit 0", "close 0"), events);
    }

    @Test
    void perDescriptorModesAndMissingEntriesArePipes() {
        List<String> events = new ArrayList<>();
        EventLoop.run(() -> {
            // node 20: {stdio: [null, undefined, 'ignore']} → stdin and stdout piped, stderr null
            ChildProcess c = spawn("sh", List.of("-c", "cat; echo err >&2"),
                    SpawnOptions.defaults().stdio(Arrays.asList(null, null, "ignore")));
            assertNotNull(c.stdin());
            assertNotNull(c.stdout());
            assertNull(c.stderr());
            StringBuilder out = new StringBuilder();
            c.stdout().on("data", (Buffer b) -> out.append(b.toString()));
            c.on("close", (Integer code, String signal) -> events.add("close " + code + " " + out));
            c.stdin().end("through\n");
        });
        assertEquals(List.of("close 0 through\n"), events);
    }

    @Test
    void badModesGetNodesErrors() {
        NodeError whole = assertThrows(NodeError.class, () -> SpawnOptions.defaults().stdio("bogus"));
        assertEquals("ERR_INVALID_ARG_VALUE", whole.code());
        assertEquals("The argument 'stdio' is invalid. Received 'bogus'", whole.getMessage());
        NodeError entry = assertThrows(NodeError.class, () -> SpawnOptions.defaults().stdio(List.of("pipe", "pipe", "bogus")));
        assertEquals("ERR_INVALID_SYNC_FORK_INPUT", entry.code());
        assertEquals("TypeError", entry.name());
        assertEquals("Asynchronous forks do not support Buffer, TypedArray, DataView or string input: 'bogus'",
                entry.getMessage());
        // more entries and 'ipc' at any index are options like any other (StdioFdsTest, NodeIpcTest)
        SpawnOptions.defaults().stdio(List.of("pipe", "pipe", "pipe", "pipe"));
        SpawnOptions.defaults().stdio(List.of("ipc"));
    }

    /** node 20: with detached the child's pgid and sid are its own pid; a missing program is still ENOENT. */
    @Test
    void detachedLeadsItsOwnSessionAndGroup() throws Exception {
        List<String> t = new ArrayList<>();
        EventLoop.run(() -> {
            ChildProcess c = spawn("sh", List.of("-c", "cat /proc/$$/stat"), SpawnOptions.defaults().detached(true));
            StringBuilder out = new StringBuilder();
            c.stdout().on("data", (Buffer b) -> out.append(b.toString()));
            c.on("close", (Integer code, String signal) -> {
                String[] stat = out.toString().split(" ");
                long pid = c.pid();
                t.add("pid " + (Long.parseLong(stat[0]) == pid) + " pgid " + (Long.parseLong(stat[4]) == pid)
                        + " sid " + (Long.parseLong(stat[5]) == pid) + " exit " + code);
            });
            ChildProcess missing = spawn("nope-xyz", List.of(), SpawnOptions.defaults().detached(true));
            missing.on("error", (NodeError e) -> t.add("error " + e.getMessage()));
            ChildProcess notExecutable = spawn("/etc/passwd", List.of(), SpawnOptions.defaults().detached(true));
            notExecutable.on("error", (NodeError e) -> t.add("error " + e.getMessage()));
        });
        assertEquals(List.of("error spawn nope-xyz ENOENT", "error spawn /etc/passwd EACCES",
                "pid true pgid true sid true exit 0"), t);
    }

    /** node 20: argv0 is the child's $0 and spawnargs[0]; spawnfile stays the program. */
    @Test
    void argv0NamesTheChild() {
        List<String> t = new ArrayList<>();
        EventLoop.run(() -> {
            ChildProcess c = spawn("sh", List.of("-c", "echo $0"), SpawnOptions.defaults().argv0("my name"));
            t.add(c.spawnfile() + " " + c.spawnargs());
            StringBuilder out = new StringBuilder();
            c.stdout().on("data", (Buffer b) -> out.append(b.toString()));
            c.on("close", (Integer code, String signal) -> t.add(out + "exit " + code));
        });
        assertEquals(List.of("sh [my name, -c, echo $0]", "my name\nexit 0"), t);
    }
}
