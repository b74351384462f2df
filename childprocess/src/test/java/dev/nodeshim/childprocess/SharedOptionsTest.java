package dev.nodeshim.childprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nodeshim.errors.NodeError;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The options {@link SpawnOptions}, {@link SpawnSyncOptions} and {@link ForkOptions} share ({@link ChildOptions}):
 * the same bad value gets node 20's same error from each (the messages printed by node 20 for
 * {@code spawn}, {@code spawnSync} and {@code fork} with that option), and a wither leaves the options
 * it was called on as they were.
 */
class SharedOptionsTest {
    private static void refused(String expected, Executable... calls) {
        for (Executable call : calls) {
            assertEquals(expected, assertThrows(NodeError.class, call).toString());
        }
    }

    @Test
    void theSameBadValueGetsTheSameErrorFromEachClass() {
        // node 20: spawn/spawnSync/fork with {timeout: -1}
        refused("RangeError [ERR_OUT_OF_RANGE]: The value of \"timeout\" is out of range. It must be an unsigned integer. "
                + "Received -1",
                () -> SpawnOptions.defaults().timeout(Duration.ofMillis(-1)),
                () -> SpawnSyncOptions.defaults().timeout(Duration.ofMillis(-1)),
                () -> ForkOptions.defaults().timeout(Duration.ofMillis(-1)));
        // node 20: {killSignal: 'SIGBOGUS'} and {killSignal: 999}
        refused("TypeError [ERR_UNKNOWN_SIGNAL]: Unknown signal: SIGBOGUS",
                () -> SpawnOptions.defaults().killSignal("SIGBOGUS"),
                () -> SpawnSyncOptions.defaults().killSignal("SIGBOGUS"),
                () -> ForkOptions.defaults().killSignal("SIGBOGUS"));
        refused("TypeError [ERR_UNKNOWN_SIGNAL]: Unknown signal: 999",
                () -> SpawnOptions.defaults().killSignal(999),
                () -> SpawnSyncOptions.defaults().killSignal(999),
                () -> ForkOptions.defaults().killSignal(999));
        // node 20: {maxBuffer: -1} (spawnSync, execFile)
        refused("RangeError [ERR_OUT_OF_RANGE]: The value of \"options.maxBuffer\" is out of range. It must be a positive "
                + "number. Received -1",
                () -> SpawnOptions.defaults().maxBuffer(-1),
                () -> SpawnSyncOptions.defaults().maxBuffer(-1));
        // node 20: {stdio: 'bogus'}
        refused("TypeError [ERR_INVALID_ARG_VALUE]: The argument 'stdio' is invalid. Received 'bogus'",
                () -> SpawnOptions.defaults().stdio("bogus"),
                () -> SpawnSyncOptions.defaults().stdio("bogus"),
                () -> ForkOptions.defaults().stdio("bogus"));
        // node 20: {serialization: 'xml'} (fork; spawn with an 'ipc' entry)
        refused("TypeError [ERR_INVALID_ARG_VALUE]: The property 'options.serialization' must be one of: undefined, "
                + "'json', 'advanced'. Received 'xml'",
                () -> SpawnOptions.defaults().serialization("xml"),
                () -> ForkOptions.defaults().serialization("xml"));
        // node 20: {env: {A: 'x\0y'}}
        refused("TypeError [ERR_INVALID_ARG_VALUE]: The property 'options.env['A']' must be a string without null bytes. "
                + "Received 'x\\x00y'",
                () -> SpawnOptions.defaults().env(Map.of("A", "x\0y")),
                () -> SpawnSyncOptions.defaults().env(Map.of("A", "x\0y")),
                () -> ForkOptions.defaults().env(Map.of("A", "x\0y")));
    }

    @Test
    void aWitherChangesOnlyItsCopy() {
        SpawnOptions spawn = SpawnOptions.defaults().uid(7).cwd("/tmp");
        assertSame(spawn.options.cwd, spawn.timeout(Duration.ofSeconds(1)).options.cwd);
        assertEquals(7, spawn.env(Map.of()).gid(8).options.uid);
        assertNull(spawn.options.gid);
        assertEquals(List.of("pipe", "pipe", "pipe"), SpawnOptions.defaults().options.stdio);
        assertEquals("utf8", SpawnOptions.defaults().options.encoding);

        SpawnSyncOptions sync = SpawnSyncOptions.defaults().input("in").maxBuffer(5);
        assertEquals(5, sync.killSignal(9).options.maxBuffer);
        assertEquals("SIGKILL", sync.killSignal(9).options.killSignal);
        assertEquals("SIGTERM", sync.options.killSignal);
        assertNull(SpawnSyncOptions.defaults().options.stdio);
        assertEquals("buffer", SpawnSyncOptions.defaults().options.encoding);

        ForkOptions fork = ForkOptions.defaults().execArgv(List.of("-Xmx8m"));
        Function<ForkOptions, List<Object>> stdio = f -> f.options.forkStdio();
        assertEquals(List.of("pipe", "pipe", "pipe", "ipc"), stdio.apply(fork.silent(true)));
        assertEquals(List.of("inherit", "inherit", "inherit", "ipc"), stdio.apply(fork));
        assertEquals(List.of("ignore", "ignore", "ignore", "ipc"), stdio.apply(fork.silent(true).stdio("ignore")));
        assertEquals(List.of("-Xmx8m"), fork.stdio("pipe").options.execArgv);
        assertEquals(List.of(), ForkOptions.defaults().options.execArgv);
        assertEquals("SIGKILL", fork.killSignal(9).options.killSignal);
        assertEquals("SIGTERM", fork.options.killSignal);
    }
}
