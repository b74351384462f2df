package dev.nodeshim.childprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nodeshim.errors.NodeError;
import dev.nodeshim.loop.EventLoop;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** A NUL would cut a C string short in execve: Node refuses it up front, and so do we (no data lost). */
class NullBytesTest {

    private static void refused(String message, Executable call) {
        NodeError e = assertThrows(NodeError.class, call);
        assertEquals("ERR_INVALID_ARG_VALUE", e.code());
        assertEquals("TypeError", e.name());
        assertEquals(message, e.getMessage());
    }

    /** Runs {@code call} on a loop and rethrows what it threw there (spawn throws synchronously, as Node's). */
    private static Executable onLoop(Runnable call) {
        return () -> {
            RuntimeException[] thrown = new RuntimeException[1];
            EventLoop.run(() -> {
                try {
                    call.run();
                } catch (RuntimeException e) {
                    thrown[0] = e;
                }
            });
            if (thrown[0] != null) {
                throw thrown[0];
            }
        };
    }

    @Test
    void argumentsFileAndCommand() {
        // node 20: each line below is what the same call threw
        refused("The argument 'args[0]' must be a string without null bytes. Received 'a\\x00b'",
                () -> ChildProcesses.spawnSync("echo", List.of("a\0b")));
        refused("The argument 'args[1]' must be a string without null bytes. Received 'c\\x00'",
                onLoop(() -> ChildProcesses.spawn("echo", List.of("ok", "c\0"))));
        refused("The argument 'file' must be a string without null bytes. Received 'ec\\x00ho'",
                () -> ChildProcesses.spawnSync("ec\0ho", List.of("ab")));
        refused("The argument 'file' must be a string without null bytes. Received 'ec\\x00ho'",
                onLoop(() -> ChildProcesses.execFile("ec\0ho", List.of(), (e, o, s) -> { })));
        refused("The argument 'command' must be a string without null bytes. Received 'echo a\\x00b'",
                () -> ChildProcesses.execSync("echo a\0b"));
        refused("The argument 'command' must be a string without null bytes. Received 'echo a\\x00b'",
                onLoop(() -> ChildProcesses.exec("echo a\0b", (e, o, s) -> { })));
    }

    @Test
    void options() {
        refused("The property 'options.env['A']' must be a string without null bytes. Received 'x\\x00y'",
                () -> SpawnSyncOptions.defaults().env(Map.of("A", "x\0y")));
        refused("The property 'options.env['A\0B']' must be a string without null bytes. Received 'A\\x00B'",
                () -> SpawnOptions.defaults().env(Map.of("A\0B", "x")));
        refused("The property 'options.cwd' must be a string, Uint8Array, or URL without null bytes. Received '/tm\\x00p'",
                () -> SpawnSyncOptions.defaults().cwd("/tm\0p"));
        refused("The property 'options.argv0' must be a string without null bytes. Received 'x\\x00y'",
                () -> SpawnSyncOptions.defaults().argv0("x\0y"));
        refused("The property 'options.shell' must be a string without null bytes. Received '/bin/s\\x00h'",
                () -> SpawnOptions.defaults().shell("/bin/s\0h"));
        refused("The property 'options.cwd' must be a string, Uint8Array, or URL without null bytes. Received '/tm\\x00p'",
                () -> ForkOptions.defaults().cwd("/tm\0p"));
    }
}
