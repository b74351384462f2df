package dev.nodeshim.childprocess;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What every start shares: the argv Node builds, and a {@link ProcessBuilder} with cwd and env. */
final class Launch {
    private Launch() {
    }

    /**
     * The child's argv: {@code [command, ...args]}, or with a shell {@code [shell, "-c", line]} where the
     * line is the command and the arguments joined with spaces, as Node joins them (no quoting).
     */
    static List<String> argv(String command, List<String> args, String shell) {
        List<String> argv = new ArrayList<>();
        if (shell != null) {
            argv.addAll(List.of(shell, "-c", args.isEmpty() ? command : command + " " + String.join(" ", args)));
        } else {
            argv.add(command);
            argv.addAll(args);
        }
        return argv;
    }

    /** A builder for {@code argv} in {@code cwd} (null: ours) with exactly {@code env} (null: ours). */
    static ProcessBuilder builder(List<String> argv, Path cwd, Map<String, String> env) {
        ProcessBuilder pb = new ProcessBuilder(argv);
        if (cwd != null) {
            pb.directory(cwd.toFile());
        }
        if (env != null) {
            pb.environment().clear();
            pb.environment().putAll(env);
        }
        return pb;
    }
}
