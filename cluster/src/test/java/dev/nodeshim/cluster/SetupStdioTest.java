package dev.nodeshim.cluster;

import static dev.nodeshim.cluster.Cluster.cluster;
import static dev.nodeshim.process.NodeProcess.process;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nodeshim.loop.EventLoop;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * cluster-setup-stdio.js: {@code windowsHide} and {@code inspectPort} in the settings, in the order
 * first given (a function left out, as by {@code JSON.stringify}); a number as {@code stdio}, kept and
 * ignored by fork ({@code silent} decides); descriptor numbers in the {@code stdio} array.
 */
@ExtendWith(FreshCluster.class)
class SetupStdioTest {
    /** The script's worker: says hello on its stdout when {@code SAY} is set, then disconnects (exit 0). */
    static final class Say {
        public static void main(String[] args) {
            System.exit(EventLoop.run(args, () -> {
                if (process.env().get("SAY") != null) {
                    System.out.println("hello from " + cluster.worker().id());
                    System.out.flush();
                }
                process.disconnect();
            }));
        }
    }

    @Test
    void windowsHideInspectPortAndStdioNumber() {
        List<String> t = new ArrayList<>();
        EventLoop.run(() -> {
            Supplier<String> settings = () -> {
                Map<String, Object> m = cluster.settings().toMap();
                m.put("exec", "EXEC");
                return NodeOut.json(m);
            };
            cluster.setupPrimary(ClusterSettings.of().exec(Say.class).args(List.of()).windowsHide(true).inspectPort(9300));
            t.add("settings " + settings.get());
            cluster.setupPrimary(ClusterSettings.of().inspectPort(() -> 9400).stdio(5));
            t.add("settings " + settings.get() + " "
                    + (cluster.settings().inspectPort() instanceof IntSupplier ? "function" : "number"));
            Deque<Supplier<Worker>> steps = new ArrayDeque<>(List.of(
                    () -> cluster.fork(),
                    () -> {
                        cluster.setupPrimary(ClusterSettings.of().silent(true));
                        return cluster.fork(Map.of("SAY", "1"));
                    },
                    () -> {
                        cluster.setupPrimary(ClusterSettings.of().stdio(List.of(0, "pipe", 2, "ipc")).silent(false));
                        return cluster.fork(Map.of("SAY", "1"));
                    }));
            Runnable[] next = {null};
            next[0] = () -> {
                Supplier<Worker> step = steps.poll();
                if (step == null) {
                    return;
                }
                Worker w = step.get();
                List<Object> stdio = w.process().stdio();
                t.add("fork " + w.id() + " stdio " + stdio.size() + " "
                        + stdio.stream().map(s -> s == null ? "null" : "pipe").collect(Collectors.joining(",")));
                if (w.process().stdout() != null) {
                    w.process().stdout().setEncoding("utf8");
                    w.process().stdout().on("data", (String d) -> t.add("stdout of " + w.id() + " " + NodeOut.json(d)));
                }
                w.on("exit", (Integer code, String signal) -> {
                    t.add("exit " + w.id() + " " + code);
                    next[0].run();
                });
            };
            next[0].run();
        });
        assertEquals(NodeOut.lines("cluster-setup-stdio.out"), t);
    }
}
