package dev.nodeshim.childprocess;

import static dev.nodeshim.childprocess.ChildProcesses.fork;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nodeshim.errors.NodeError;
import dev.nodeshim.events.Listener1;
import dev.nodeshim.loop.EventLoop;
import dev.nodeshim.stream.Duplex;
import dev.nodeshim.stream.Readable;
import dev.nodeshim.stream.Writable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** fork's {@code stdio} option; expected values printed by node 20 for the same calls. */
class ForkStdioTest {

    /** What child.stdio holds, by kind, and one echoed message; the child's channel fd is the 'ipc' index. */
    private static List<String> run(ForkOptions o) {
        List<String> t = new ArrayList<>();
        EventLoop.run(() -> {
            ChildProcess c = fork(ForkChildren.Echo.class, List.of(), o);
            List<String> kinds = new ArrayList<>();
            for (Object s : c.stdio()) {
                kinds.add(s == null ? "null" : s instanceof Duplex ? "Duplex" : s instanceof Readable ? "Readable"
                        : s instanceof Writable ? "Writable" : "?");
                if (s instanceof Readable r) {
                    r.resume();
                }
            }
            t.add(String.join(",", kinds));
            c.on("message", (Listener1<Object>) m -> {
                t.add("message " + m);
                c.send("bye");
            });
            c.on("exit", (Integer code, String signal) -> t.add("exit " + code));
            c.send("ping");
        });
        return t;
    }

    /** node 20: {@code stdio: 'pipe'} is [pipe, pipe, pipe, 'ipc']: length 4, three streams, null at 3. */
    @Test
    void aStringIsThatForZeroToTwoAndTheChannelAtThree() {
        assertEquals(List.of("Writable,Readable,Readable,null", "message ping", "exit 0"), run(ForkOptions.defaults().stdio("pipe")));
        assertEquals(List.of("null,null,null,null", "message ping", "exit 0"),
                run(ForkOptions.defaults().silent(true).stdio("ignore")));
    }

    /** node 20: the channel at any index ('ipc' at 0: length 3; a pipe at 3 and 'ipc' at 4: length 5). */
    @Test
    void theChannelAtAnotherIndex() {
        assumeTrue(NativeSpawn.AVAILABLE);
        assertEquals(List.of("null,Readable,Readable", "message ping", "exit 0"),
                run(ForkOptions.defaults().stdio(Arrays.asList("ipc", "pipe", "pipe"))));
        assertEquals(List.of("null,null,Readable,Duplex,null", "message ping", "exit 0"),
                run(ForkOptions.defaults().stdio(Arrays.asList("ignore", "ignore", "pipe", "pipe", "ipc"))));
    }

    /** node 20's errors: IPC required (checked before the entries), one IPC pipe, a bad string. */
    @Test
    void errors() {
        ForkOptions d = ForkOptions.defaults();
        for (List<?> noIpc : List.of(List.of("pipe", "pipe", "pipe"), List.of(), List.of("bogus"), List.of(true))) {
            NodeError e = assertThrows(NodeError.class, () -> d.stdio(noIpc));
            assertEquals("ERR_CHILD_PROCESS_IPC_REQUIRED", e.code());
            assertEquals("Forked processes must have an IPC channel, missing value 'ipc' in options.stdio", e.getMessage());
        }
        assertEquals("ERR_IPC_ONE_PIPE", assertThrows(NodeError.class, () -> d.stdio(List.of("pipe", "ipc", "ipc"))).code());
        NodeError bogus = assertThrows(NodeError.class, () -> d.stdio(Arrays.asList("bogus", "ipc")));
        assertEquals("ERR_INVALID_SYNC_FORK_INPUT", bogus.code());
        NodeError string = assertThrows(NodeError.class, () -> d.stdio("bogus"));
        assertEquals("The argument 'stdio' is invalid. Received 'bogus'", string.getMessage());
    }
}
