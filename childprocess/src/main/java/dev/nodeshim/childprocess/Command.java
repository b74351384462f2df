package dev.nodeshim.childprocess;

import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one start runs: the argv Node builds ({@link Launch#argv}), {@code argv0}, {@code cwd}, the
 * environment, {@code detached}, and the {@code setpriv} wrapper of {@code uid}/{@code gid}
 * ({@link Credentials}). {@link Spawner} starts it.
 */
final class Command {
    /** {@code [file, ...args]}: the program to look up, then its arguments. */
    final List<String> argv;
    /** The program's {@code argv[0]}, or null for {@code argv.get(0)}. */
    final String argv0;
    /** The child's working directory, or null for ours. */
    final Path cwd;
    final boolean detached;
    /** The {@code setpriv} words that change ids, or empty. */
    final List<String> setpriv;
    /** {@code {uid, gid}} the program is looked up as (with {@link #setpriv}), or null. */
    final long[] runAs;
    /** Exactly the child's environment, or null for ours (until {@link #putEnv}). */
    private Map<String, String> env;
    /** {@link #env} is our own copy, which {@link #putEnv} may change. */
    private boolean envCopied;

    Command(List<String> argv, String argv0, Path cwd, Map<String, String> env, boolean detached,
            List<String> setpriv, long[] runAs) {
        this.argv = List.copyOf(argv);
        this.argv0 = argv0;
        this.cwd = cwd;
        this.env = env;
        this.detached = detached;
        this.setpriv = setpriv;
        this.runAs = runAs;
    }

    /**
     * A spawn's command: with {@code ids} (null: no uid/gid option) the {@code setpriv} wrapper for
     * {@code uid}/{@code gid}, and the user the program is looked up as.
     */
    static Command spawn(List<String> argv, String argv0, Path cwd, Map<String, String> env, boolean detached,
            Credentials ids, Integer uid, Integer gid) {
        return ids == null ? new Command(argv, argv0, cwd, env, detached, List.of(), null)
                : new Command(argv, argv0, cwd, env, detached, ids.setpriv(uid, gid),
                        new long[] {ids.effectiveUid(uid), ids.effectiveGid(gid)});
    }

    /** A plain command: no argv0, no detaching, no change of ids. */
    static Command of(List<String> argv, Path cwd, Map<String, String> env) {
        return new Command(argv, null, cwd, env, false, List.of(), null);
    }

    String file() {
        return argv.get(0);
    }

    /**
     * Variables this process's launcher took out of {@code process.env()} ({@link ForkMain}: the channel
     * its parent gave it), which a child that inherits our environment must not get either: node 20's
     * grandchildren see no {@code NODE_CHANNEL_FD} (a node child would take a stale one for its channel).
     */
    private static volatile Set<String> notInherited = Set.of();

    /** See {@link #notInherited}. */
    static void notInherited(Collection<String> names) {
        notInherited = Set.copyOf(names);
    }

    /** The child's environment: {@code env}, or ours when none was given. */
    Map<String, String> env() {
        if (env != null) {
            return env;
        }
        Set<String> drop = notInherited;
        if (drop.isEmpty()) {
            return System.getenv();
        }
        Map<String, String> ours = new HashMap<>(System.getenv());
        ours.keySet().removeAll(drop);
        return ours;
    }

    /** The environment as given: null means ours as it is (nothing left out). */
    Map<String, String> givenEnv() {
        return env != null || notInherited.isEmpty() ? env : env();
    }

    /** Adds a variable to the child's environment (the IPC channel's), copying ours first if needed. */
    void putEnv(String name, String value) {
        if (!envCopied) {
            env = new HashMap<>(env());
            envCopied = true;
        }
        env.put(name, value);
    }
}
