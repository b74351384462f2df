package dev.nodeshim.process;

import static dev.nodeshim.process.NodeProcess.process;

import dev.nodeshim.errors.NodeError;
import dev.nodeshim.events.Listener1;
import dev.nodeshim.loop.EventLoop;
import java.util.ArrayList;
import java.util.List;

/**
 * The script {@link WarningFlagsTest} runs in a fresh JVM (the warning flags are read once, when
 * {@link NodeProcess} loads). Its twin is
 * {@code const l = []; process.on("warning", w => l.push(w.name)); process.on("exit", c => console.log("exit", c, l));
 * process.emitWarning("w"); process.emitWarning("a", "DeprecationWarning", "DEP0001"); process.emitWarning("w2");
 * console.log("sync")}.
 */
final class WarningFlagsMain {
    private WarningFlagsMain() {
    }

    public static void main(String[] args) {
        List<String> names = new ArrayList<>();
        process.on("warning", (Listener1<Throwable>) w -> names.add(((NodeError) w).name()));
        process.on("exit", (Listener1<Integer>) c -> System.out.println("exit " + c + " " + names));
        int code = EventLoop.run(() -> {
            process.emitWarning("w");
            process.emitWarning("a", "DeprecationWarning", "DEP0001");
            process.emitWarning("w2");
            System.out.println("sync");
        });
        System.out.println("run " + code);
        System.out.flush();
    }
}
