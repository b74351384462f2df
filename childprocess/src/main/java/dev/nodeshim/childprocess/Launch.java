package dev.nodeshim.childprocess;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What every start shares: the argv Node builds, and a {@link ProcessBuilder} with cwd and env. */
final class Launch {
    /** The search path when the child's environment has no PATH (node 20, observed: not /usr/local/bin). */
    static final String DEFAULT_PATH = "/usr/bin:/bin";

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

    /**
     * {@code argv} behind the wrappers that {@code detached} and {@code argv0} need, both ending in exec
     * (same pid): setsid(1) makes the program lead a new session and process group, as Node's setsid()
     * before exec; bash's {@code exec -a} gives it another {@code argv[0]}. Check the command with
     * {@link #checkExecutable} first: a command the wrappers cannot run must still be Node's spawn
     * error, not the wrapper's exit 127.
     */
    static List<String> wrap(List<String> argv, boolean detached, String argv0) {
        return wrap(argv, detached, argv0, List.of());
    }

    /** {@link #wrap(List, boolean, String)} and {@code setpriv} (uid/gid: {@link Credentials#setpriv}). */
    static List<String> wrap(List<String> argv, boolean detached, String argv0, List<String> setpriv) {
        if (!detached && argv0 == null && setpriv.isEmpty()) {
            return argv;
        }
        List<String> wrapped = new ArrayList<>();
        if (detached) {
            wrapped.add("setsid");
        }
        wrapped.addAll(setpriv);
        if (argv0 != null) {
            wrapped.addAll(List.of("bash", "-c", "exec -a \"$0\" \"$@\"", argv0));
        }
        wrapped.addAll(argv);
        return wrapped;
    }

    /** {@code spawnargs}: {@code argv} with {@code argv0} in place of the program's name (Node's). */
    static List<String> spawnargs(List<String> argv, String argv0) {
        if (argv0 == null) {
            return argv;
        }
        List<String> s = new ArrayList<>(argv);
        s.set(0, argv0);
        return s;
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

    /**
     * What {@code execvp} would say of {@code file} before it runs, as the exception the JDK throws for
     * a failed start ({@code error=2} missing, {@code error=13} not executable), or {@code null} when it
     * can be run. Needed where a wrapper program starts the command ({@code detached}: {@code setsid}),
     * so that a missing command is still Node's {@code spawn nope ENOENT}, not the wrapper's exit 127.
     */
    static java.io.IOException checkExecutable(String file, Path cwd, Map<String, String> env) {
        if (file.contains("/")) {
            Path p = cwd == null ? Path.of(file) : cwd.resolve(file);
            return runnable(p) ? null : failure(java.nio.file.Files.exists(p) ? 13 : 2);
        }
        try {
            locate(file, cwd, env);
            return null;
        } catch (java.io.IOException e) {
            return e;
        }
    }

    /**
     * {@link #checkExecutable(String, Path, Map)} for a program that will be run as user {@code uid},
     * group {@code gid} and no supplementary groups (uid/gid options): execvp runs after the ids
     * changed, so every directory on the way must be searchable and the file executable for that user
     * (Linux mode bits, see {@link Credentials#allowed}). As execvp, a PATH entry that gave
     * {@code EACCES} makes the answer {@code EACCES} when no entry had the program.
     */
    static java.io.IOException checkExecutable(String file, Path cwd, Map<String, String> env, long uid, long gid) {
        Path here = cwd == null ? Path.of("").toAbsolutePath() : cwd.toAbsolutePath();
        try {
            if (file.contains("/")) {
                int e = verdict(here, file, uid, gid);
                return e == 0 ? null : failure(e);
            }
            String path = env != null ? env.get("PATH") : System.getenv("PATH");
            boolean denied = false;
            for (String dir : (path == null ? DEFAULT_PATH : path).split(":", -1)) {
                int e = verdict(here, (dir.isEmpty() ? "." : dir) + "/" + file, uid, gid);
                if (e == 0) {
                    return null;
                }
                denied |= e == 13;
            }
            return failure(denied ? 13 : 2);
        } catch (java.io.IOException e) {
            return failure(13);
        }
    }

    /** 0, 2 (ENOENT) or 13 (EACCES): what execve of {@code file} (resolved from {@code here}) gives the user. */
    private static int verdict(Path here, String file, long uid, long gid) throws java.io.IOException {
        Path cur = file.startsWith("/") ? Path.of("/") : here;
        String[] names = file.split("/+");
        List<String> parts = new ArrayList<>();
        for (String n : names) {
            if (!n.isEmpty()) {
                parts.add(n);
            }
        }
        if (parts.isEmpty() || !Credentials.allowed(cur, uid, gid, false)) {
            return 13;
        }
        for (int i = 0; i < parts.size(); i++) {
            cur = cur.resolve(parts.get(i));
            boolean last = i == parts.size() - 1;
            if (!java.nio.file.Files.exists(cur)) {
                return 2;
            }
            if (!last) {
                if (!java.nio.file.Files.isDirectory(cur)) {
                    return 2; // ENOTDIR; execvp goes on to the next PATH entry as for ENOENT
                }
                if (!Credentials.allowed(cur, uid, gid, false)) {
                    return 13;
                }
            } else if (!java.nio.file.Files.isRegularFile(cur) || !Credentials.allowed(cur, uid, gid, true)) {
                return 13;
            }
        }
        return 0;
    }

    private static boolean runnable(Path p) {
        return java.nio.file.Files.isRegularFile(p) && java.nio.file.Files.isExecutable(p);
    }

    /**
     * The program execvp would run for {@code file} in a child with environment {@code env} (null: ours)
     * and working directory {@code cwd} (null: ours): {@code file} itself when it has a slash, else the
     * first PATH entry holding an executable regular file of that name, as written (a relative entry,
     * or an empty one meaning ".", is resolved in the child, after its chdir, as here). Without PATH,
     * {@code /usr/bin:/bin} (node 20, observed).
     *
     * @throws java.io.IOException {@link #failure} ENOENT, or EACCES when an entry had the name but not
     *         as an executable file (execvp's rule)
     */
    static String locate(String file, Path cwd, Map<String, String> env) throws java.io.IOException {
        if (file.contains("/")) {
            return file;
        }
        String path = (env != null ? env : System.getenv()).get("PATH");
        boolean denied = false;
        for (String dir : (path == null ? DEFAULT_PATH : path).split(":", -1)) {
            String candidate = dir.isEmpty() ? file : dir + "/" + file;
            Path p = cwd == null ? Path.of(candidate) : cwd.resolve(candidate);
            if (runnable(p)) {
                return candidate;
            }
            denied |= java.nio.file.Files.exists(p);
        }
        throw failure(denied ? 13 : 2);
    }

    /** A failed start as the JDK reports one ({@code error=N, ...}), which {@link ChildProcesses#startErrno} reads. */
    static java.io.IOException failure(int errno) {
        return new java.io.IOException("error=" + errno + ", " + (errno == 2 ? "No such file or directory"
                : errno == 13 ? "Permission denied" : "spawn failed"));
    }
}
