package dev.nodeshim.childprocess;

import static dev.nodeshim.childprocess.ChildProcesses.execSync;
import static dev.nodeshim.childprocess.ChildProcesses.spawnSync;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nodeshim.errors.NodeError;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The Sync forms' {@code stdio} string. node 20 for {@code sh -c 'echo out; echo err >&2; exit 3'}:
 * with 'inherit' or 'ignore', output {@code [null, null, null]}, stdout and stderr null, status 3;
 * {@code execSync('echo hi', {stdio})} returns null; a failing execSync throws
 * {@code Command failed: <cmd>} with null stdout/stderr and status 2.
 */
class SyncStdioTest {

    @ParameterizedTest
    @ValueSource(strings = {"inherit", "ignore"})
    void notPipedOutputsAreNull(String mode) {
        // the child writes nothing: under Surefire an inherited stdout is its channel to Maven
        SpawnSyncResult r = spawnSync("sh", List.of("-c", "echo out >/dev/null; exit 3"),
                SpawnSyncOptions.defaults().stdio(mode).encoding("utf8"));
        assertEquals(Arrays.asList(null, null, null), r.output());
        assertNull(r.stdout());
        assertNull(r.stderr());
        assertEquals(3, r.status());
        assertNull(execSync("true", SpawnSyncOptions.defaults().stdio(mode)));
        NodeError e = assertThrows(NodeError.class, () -> execSync("exit 2", SpawnSyncOptions.defaults().stdio(mode)));
        assertEquals("Command failed: exit 2", e.getMessage());
        assertEquals(2, e.prop("status"));
        assertNull(e.prop("stdout"));
        assertEquals(Arrays.asList(null, null, null), e.prop("output"));
    }

    /** node 20: 'ignore' gives the child /dev/null for stdin: cat ends at once. */
    @Test
    void ignoreIsDevNull() {
        SpawnSyncResult r = spawnSync("sh", List.of("-c", "cat; test \"$(readlink /proc/self/fd/0)\" = /dev/null"),
                SpawnSyncOptions.defaults().stdio("ignore"));
        assertEquals(0, r.status());
    }

    @Test
    void anotherStringIsNodesError() {
        NodeError e = assertThrows(NodeError.class, () -> SpawnSyncOptions.defaults().stdio("bogus"));
        assertEquals("ERR_INVALID_ARG_VALUE", e.code());
        assertEquals("The argument 'stdio' is invalid. Received 'bogus'", e.getMessage());
    }

    /**
     * node 20, {@code sh -c 'echo out; echo err >&2; echo three >&3; echo five >&5'} with
     * {@code ['ignore', 'pipe', 'ignore', 'pipe', null, 'pipe']} and utf8: output
     * {@code [null, "out\n", null, "three\n", null, "five\n"]}, stderr null, status 0.
     */
    @Test
    void arraysCollectEveryPipe() {
        assumeTrue(NativeSpawn.AVAILABLE);
        SpawnSyncResult r = spawnSync("sh", List.of("-c", "echo out; echo err >&2; echo three >&3; echo five >&5"),
                SpawnSyncOptions.defaults().encoding("utf8").stdio(Arrays.asList("ignore", "pipe", "ignore", "pipe", null, "pipe")));
        assertEquals(Arrays.asList(null, "out\n", null, "three\n", null, "five\n"), r.output());
        assertEquals("out\n", r.stdout());
        assertNull(r.stderr());
        assertEquals(0, r.status());
        // node 20: execSync('echo hi', {stdio: ['ignore', 'pipe', 'ignore']}) is "hi\n"
        assertEquals("hi\n", execSync("echo hi", SpawnSyncOptions.defaults().encoding("utf8").stdio(Arrays.asList("ignore", "pipe", "ignore"))));
    }

    /** node 20: maxBuffer holds for a pipe at fd 3 too (ENOBUFS, the read that crossed it kept). */
    @Test
    void maxBufferHoldsForEveryPipe() {
        assumeTrue(NativeSpawn.AVAILABLE);
        SpawnSyncResult r = spawnSync("sh", List.of("-c", "echo 12345 >&3"),
                SpawnSyncOptions.defaults().maxBuffer(3).stdio(Arrays.asList("ignore", "pipe", "pipe", "pipe")));
        assertEquals("ENOBUFS", r.error().code());
        assertEquals("spawnSync sh ENOBUFS", r.error().getMessage());
        assertEquals("12345\n", ((dev.nodeshim.buffer.Buffer) r.output().get(3)).toString());
    }

    /** node 20: a descriptor that is not open is the result's error {@code spawnSync sh EBADF} (errno -9), pid 0. */
    @Test
    void aDescriptorThatIsNotOpen() {
        assumeTrue(NativeSpawn.AVAILABLE);
        SpawnSyncResult r = spawnSync("sh", List.of("-c", "echo x >&3"),
                SpawnSyncOptions.defaults().stdio(Arrays.asList("ignore", "pipe", "pipe", 999)));
        assertEquals("spawnSync sh EBADF", r.error().getMessage());
        assertEquals(-9, r.error().prop("errno"));
        assertEquals(0L, r.pid());
        assertNull(r.output());
        assertNull(r.status());
    }

    /** node 20: Error [ERR_IPC_SYNC_FORK]: IPC cannot be used with synchronous forks. */
    @Test
    void noChannelForSyncForms() {
        NodeError e = assertThrows(NodeError.class, () -> SpawnSyncOptions.defaults().stdio(Arrays.asList("pipe", "pipe", "pipe", "ipc")));
        assertEquals("ERR_IPC_SYNC_FORK", e.code());
        assertEquals("IPC cannot be used with synchronous forks", e.getMessage());
    }
}
