package dev.nodeshim.childprocess;

import static dev.nodeshim.childprocess.ChildProcesses.spawn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodeshim.errors.NodeError;
import dev.nodeshim.events.Listener1;
import dev.nodeshim.loop.EventLoop;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code spawn(..., {stdio: ['pipe', 'pipe', 'pipe', 'ipc']})}: a channel as fork's. Node 20 for the
 * same call (a node child echoing one message, then disconnecting): {@code child.stdio.length} 4,
 * {@code stdio[3]} null, {@code connected} true; events message, disconnect, exit (0, null), close.
 */
class SpawnIpcTest {

    @Test
    void ipcInTheStdioArrayGivesAChannelLikeFork() {
        List<String> trace = new ArrayList<>();
        EventLoop.run(() -> {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ChildProcess c = spawn(java, List.of("-cp", System.getProperty("java.class.path"), ForkMain.class.getName(),
                    ForkChildren.Echo.class.getName()), SpawnOptions.defaults().stdio(Arrays.asList("pipe", "pipe", "pipe", "ipc")));
            trace.add("stdio " + c.stdio().size() + " " + (c.stdio().get(3) == null) + " connected " + c.connected());
            c.stdout().resume();
            c.stderr().resume();
            c.on("message", (Listener1<Object> ) m -> {
                trace.add("message " + m);
                c.send("bye");
            });
            c.on("disconnect", () -> trace.add("disconnect"));
            c.on("exit", (Integer code, String signal) -> trace.add("exit " + code + " " + signal));
            c.on("close", (Integer code, String signal) -> trace.add("close " + code + " " + signal));
            c.send(Map.of("hi", 1));
        });
        assertEquals(List.of("stdio 4 true connected true", "message {hi=1}", "disconnect", "exit 0 null", "close 0 null"),
                trace);
    }

    /** node 20: a second 'ipc' is ERR_IPC_ONE_PIPE. */
    @Test
    void ipcErrors() {
        NodeError two = assertThrows(NodeError.class,
                () -> SpawnOptions.defaults().stdio(List.of("pipe", "pipe", "pipe", "ipc", "ipc")));
        assertEquals("ERR_IPC_ONE_PIPE", two.code());
        assertEquals("Child process can have only one IPC pipe", two.getMessage());
        NodeError order = assertThrows(NodeError.class,
                () -> SpawnOptions.defaults().stdio(List.of("ipc", "ipc", true)));
        assertEquals("ERR_IPC_ONE_PIPE", order.code()); // node 20: entries are checked in order
        EventLoop.run(() -> {
            ChildProcess c = spawn("true", List.of(), SpawnOptions.defaults().stdio(List.of("pipe", "pipe", "pipe")));
            assertEquals(3, c.stdio().size());
            assertTrue(!c.connected());
            c.stdout().resume();
            c.stderr().resume();
        });
    }
}
