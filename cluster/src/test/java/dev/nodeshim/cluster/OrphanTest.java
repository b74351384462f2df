package dev.nodeshim.cluster;

import static dev.nodeshim.childprocess.ChildProcesses.fork;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.nodeshim.childprocess.ChildProcess;
import dev.nodeshim.events.Listener1;
import dev.nodeshim.loop.EventLoop;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * No orphans: when a primary JVM is killed with SIGKILL (no chance to clean up), its workers see their
 * channel close without having called disconnect() and exit, as Node's workers do.
 */
class OrphanTest {

    @Test
    void workersExitWhenThePrimaryIsKilled() throws Exception {
        List<Long> workers = new ArrayList<>();
        List<String> t = new ArrayList<>();
        EventLoop.run(() -> {
            ChildProcess primary = fork(ClusterWorkers.PrimaryMain.class);
            primary.on("message", (Listener1<Object>) m -> {
                for (Object pid : (List<?>) ((Map<?, ?>) m).get("pids")) {
                    workers.add(((Number) pid).longValue());
                }
                primary.kill("SIGKILL");
            });
            primary.on("exit", (Integer code, String signal) -> t.add("primary exit " + code + " " + signal));
        });
        assertEquals(List.of("primary exit null SIGKILL"), t);
        assertEquals(2, workers.size());
        try {
            for (long pid : workers) {
                // Not our children: the JDK watches them itself; this waits for their end, it does not sleep.
                ProcessHandle h = ProcessHandle.of(pid).orElse(null);
                if (h != null) {
                    h.onExit().get(60, TimeUnit.SECONDS);
                    assertFalse(h.isAlive(), "worker " + pid + " outlived its primary");
                }
            }
        } finally {
            // on failure, leave nothing behind
            workers.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
        }
    }
}
