package dev.nodeshim.childprocess;

import static dev.nodeshim.childprocess.ChildProcesses.execFile;
import static dev.nodeshim.childprocess.ChildProcesses.spawnSync;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.nodeshim.loop.EventLoop;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Helper threads end with their child; children are reaped. */
class ResourcesTest {

    @Test
    void helperThreadsEndAndChildrenAreGone() throws InterruptedException {
        List<Long> pids = new ArrayList<>();
        int[] ok = new int[1];
        EventLoop.run(() -> {
            for (int i = 0; i < 40; i++) {
                ChildProcess c = execFile("printf", List.of("%s", "x" + i), (e, o, s) -> {
                    if (e == null && o.toString().startsWith("x")) {
                        ok[0]++;
                    }
                });
                pids.add(c.pid());
            }
        });
        for (int i = 0; i < 20; i++) {
            spawnSync("true");
        }
        assertEquals(40, ok[0]);
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("nodeshim-child-") || t.getName().startsWith("nodeshim-spawnSync-")) {
                t.join(10_000);
                assertFalse(t.isAlive(), t.getName() + " still alive");
            }
        }
        for (long pid : pids) {
            // after 'close' the JDK has reaped the child: no process (not even a zombie) with that pid is ours
            assertFalse(ProcessHandle.of(pid).map(h -> h.parent().map(p -> p.pid() == ProcessHandle.current().pid())
                    .orElse(false)).orElse(false), "child " + pid + " not reaped");
        }
    }
}
