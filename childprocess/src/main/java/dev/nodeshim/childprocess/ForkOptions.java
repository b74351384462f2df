package dev.nodeshim.childprocess;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Options of {@code fork}: an immutable value, each wither returns a copy. Defaults are Node 20's
 * where Node has the option: the parent's cwd and environment, {@code execArgv} empty (Node's default is
 * {@code process.execArgv}; a JVM's own options are not passed on, give them here), {@code silent}
 * false (the child shares our stdin, stdout and stderr), {@code serialization} {@code json}.
 * {@code execPath} is the java executable, by default the one running this JVM
 * ({@code java.home/bin/java}). {@code timeout} (none) and {@code killSignal} (SIGTERM) as for spawn.
 * The values and their checks, shared with {@link SpawnOptions} and {@link SpawnSyncOptions}, live in
 * {@code ChildOptions}.
 */
public final class ForkOptions {
    private static final ForkOptions DEFAULTS = new ForkOptions(ChildOptions.DEFAULTS);

    /** Its {@code stdio} is null when not given: then from {@link #silent} ({@link ChildOptions#forkStdio}). */
    final ChildOptions options;

    private ForkOptions(ChildOptions options) {
        this.options = options;
    }

    /** Node's defaults. */
    public static ForkOptions defaults() {
        return DEFAULTS;
    }

    /** {@code cwd}. */
    public ForkOptions cwd(Path dir) {
        return new ForkOptions(options.with(c -> c.cwd = dir));
    }

    /** {@code cwd} as a string. */
    public ForkOptions cwd(String dir) {
        return new ForkOptions(options.cwd(dir));
    }

    /** {@code env}: the child's whole environment (the channel's variables are added to it). */
    public ForkOptions env(Map<String, String> environment) {
        return new ForkOptions(options.env(environment));
    }

    /**
     * {@code execArgv}: options for the child JVM, before the class name ({@code -Xmx64m},
     * {@code -Dkey=value}, …).
     *
     * @throws dev.nodeshim.errors.NodeError {@code ERR_INVALID_ARG_TYPE} for a null element
     */
    public ForkOptions execArgv(List<String> jvmOptions) {
        return new ForkOptions(options.execArgv(jvmOptions));
    }

    /** {@code execPath}: the java executable to run. */
    public ForkOptions execPath(String javaExecutable) {
        return new ForkOptions(options.with(c -> c.execPath = javaExecutable));
    }

    /**
     * {@code silent}: the child's stdin, stdout and stderr become pipes to the parent
     * ({@code child.stdin()}, {@code child.stdout()}, {@code child.stderr()}), as in Node; without it the
     * child shares ours.
     */
    public ForkOptions silent(boolean value) {
        return new ForkOptions(options.with(c -> c.silent = value));
    }

    /**
     * {@code timeout}: kill the child with {@code killSignal} after this long (zero: never).
     *
     * @throws dev.nodeshim.errors.NodeError {@code ERR_OUT_OF_RANGE} for a negative duration
     */
    public ForkOptions timeout(java.time.Duration d) {
        return new ForkOptions(options.timeout(d));
    }

    /** {@code signal}: as for spawn ({@link SpawnOptions#signal}) — aborting kills the child and emits an AbortError. */
    public ForkOptions signal(dev.nodeshim.events.AbortSignal abortSignal) {
        return new ForkOptions(options.with(c -> c.signal = abortSignal));
    }

    /** {@code killSignal} for {@code timeout} (default SIGTERM); {@code ERR_UNKNOWN_SIGNAL} for an unknown name. */
    public ForkOptions killSignal(String signal) {
        return new ForkOptions(options.killSignal(signal));
    }

    /** {@code killSignal} as a number, as node's fork takes it ({@code ERR_UNKNOWN_SIGNAL} for one that does not exist). */
    public ForkOptions killSignal(int signal) {
        return new ForkOptions(options.killSignal(signal));
    }

    /**
     * {@code serialization}: {@code "json"} (the default; {@code null} too) or {@code "advanced"} — V8's
     * serialization ({@link V8Serializer}: Maps, Sets, Dates, BigInts, Buffers and typed arrays, Errors,
     * repeated and circular objects arrive as they were sent). Both ends must use the same; a forked
     * JVM's launcher takes it from its parent.
     *
     * @throws dev.nodeshim.errors.NodeError {@code ERR_INVALID_ARG_VALUE} for anything else, with
     *         Node's message
     */
    public ForkOptions serialization(String mode) {
        return new ForkOptions(options.serialization(mode));
    }

    /**
     * {@code stdio: 'pipe' | 'inherit' | 'ignore'}: that for fds 0–2 and the channel as fd 3
     * ({@code [mode, mode, mode, 'ipc']}, as node 20). It overrides {@link #silent}.
     *
     * @throws dev.nodeshim.errors.NodeError {@code ERR_INVALID_ARG_VALUE} for another string
     */
    public ForkOptions stdio(String mode) {
        String m = ChildOptions.stdioMode(mode);
        return stdio(List.of(m, m, m, "ipc"));
    }

    /**
     * {@code stdio} as an array: the entries of {@link SpawnOptions#stdio(List)}, one of which must be
     * {@code 'ipc'} (at any index: the child's {@code NODE_CHANNEL_FD}, which its {@link ForkMain} takes).
     * Overrides {@link #silent}; {@code null} goes back to it. Without the native library only a fourth
     * {@code 'ipc'} after fds 0–2 can be had (fork refuses the rest, as spawn does).
     *
     * @throws dev.nodeshim.errors.NodeError {@code ERR_CHILD_PROCESS_IPC_REQUIRED} (checked first, as node
     *         20) when no entry is {@code 'ipc'}; else the entries' errors as {@link SpawnOptions#stdio(List)}
     */
    public ForkOptions stdio(List<?> entries) {
        if (entries != null && !entries.contains("ipc")) {
            // node 20: Error [ERR_CHILD_PROCESS_IPC_REQUIRED]: Forked processes must have an IPC channel,
            // missing value 'ipc' in options.stdio
            throw new dev.nodeshim.errors.NodeError("Error", "ERR_CHILD_PROCESS_IPC_REQUIRED",
                    "Forked processes must have an IPC channel, missing value 'ipc' in options.stdio");
        }
        List<Object> all = entries == null ? null : ChildOptions.stdioEntries(entries);
        return new ForkOptions(options.with(c -> c.stdio = all));
    }

    /**
     * {@code uid}: the child JVM's user id (real, effective and saved; supplementary groups cleared), as
     * spawn's {@link SpawnOptions#uid(int)} sets it (util-linux's {@code setpriv}, same pid). The channel is
     * then a socket pair handed to the child as a descriptor ({@code NODE_CHANNEL_FD}), which works for
     * any user, instead of the socket by path in a directory only our user may enter; a child running as
     * another user gets no class-data archive (they lie in our private directory). {@code fork} throws
     * node 20's {@code Error: spawn EPERM} when we may not set the id (not root, not one of ours) and
     * {@code spawn EINVAL} for -1. The child must be able to read the class path (and run
     * {@code execPath}) as that user. Needs the native library when the user changes (without it the
     * channel could only go by path: {@code fork} throws {@link UnsupportedOperationException}).
     */
    public ForkOptions uid(int id) {
        return new ForkOptions(options.with(c -> c.uid = id));
    }

    /** {@code gid}: the child JVM's group id, as {@link #uid(int)} (set before the uid, as Node does). */
    public ForkOptions gid(int id) {
        return new ForkOptions(options.with(c -> c.gid = id));
    }
}
