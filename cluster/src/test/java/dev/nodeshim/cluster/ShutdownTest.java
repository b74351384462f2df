package dev.nodeshim.cluster;

import static dev.nodeshim.childprocess.ChildProcesses.fork;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.nodeshim.childprocess.ChildProcess;
import dev.nodeshim.events.Listener1;
import dev.nodeshim.loop.EventLoop;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Graceful shutdown: SIGTERM to a primary JVM with {@code cluster.shutdownOnExit} disconnects its
 * workers first (they exit 0 after a disconnect) and only then does the primary end.
 */
class ShutdownTest {

    @Test
    void sigtermDisconnectsWorkersBeforeThePrimaryEnds() throws Exception {
        Path trace = Files.createTempFile("nodeshim-cluster-shutdown", ".txt");
        List<Long> workers = new ArrayList<>();
        List<String> t = new ArrayList<>();
        try {
            EventLoop.run(() -> {
                ChildProcess primary = fork(ClusterWorkers.GracefulPrimary.class, List.of(trace.toString()));
                primary.on("message", (Listener1<Object>) m -> {
                    for (Object pid : (List<?>) ((Map<?, ?>) m).get("pids")) {
                        workers.add(((Number) pid).longValue());
                    }
                    primary.kill("SIGTERM");
                });
                primary.on("exit", (Integer code, String signal) -> t.add("primary exit " + code + " " + signal));
            });
            // A forked JVM runs its hooks, then dies by the signal, as a Node child (childprocess's ForkMain).
            assertEquals(List.of("primary exit null SIGTERM"), t);
            // Both workers exited after a disconnect, before the primary ended (it wrote these lines).
            assertEquals(List.of("exit 0 null true", "exit 0 null true"), Files.readAllLines(trace));
            for (long pid : workers) {
                ProcessHandle h = ProcessHandle.of(pid).orElse(null);
                if (h != null) {
                    h.onExit().get(30, TimeUnit.SECONDS);
                    assertFalse(h.isAlive());
                }
            }
        } finally {
            workers.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
            Files.deleteIfExists(trace);
        }
    }
}
