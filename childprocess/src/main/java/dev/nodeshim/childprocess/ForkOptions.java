package dev.nodeshim.childprocess;

import dev.nodeshim.errors.Errors;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Options of {@code fork}: an immutable value, each wither returns a copy. Defaults are Node 20's
 * where Node has the option: the parent's cwd and environment, {@code execArgv} empty (Node's default is
 * {@code process.execArgv}; a JVM's own options are not passed on, give them here), {@code silent}
 * false (the child shares our stdin, stdout and stderr), {@code serialization} {@code json}.
 * {@code execPath} is the java executable, by default the one running this JVM
 * ({@code java.home/bin/java}). {@code timeout} (none) and {@code killSignal} (SIGTERM) as for spawn.
 */
public final class ForkOptions {
    private static final ForkOptions DEFAULTS = new ForkOptions(null, null, List.of(), null, false, 0, "SIGTERM", null,
            IpcSerialization.JSON);

    final Path cwd;
    final Map<String, String> env;
    final List<String> execArgv;
    final String execPath;
    final boolean silent;
    final long timeoutMs;
    final String killSignal;
    final dev.nodeshim.events.AbortSignal signal;
    final IpcSerialization serialization;
    /** {@code stdio} as given ({@link SpawnOptions#stdio(List)}'s entries, with an {@code 'ipc'}), or null: from {@link #silent}. */
    private List<Object> stdioField;
    /** {@code uid}/{@code gid}: null when not given (carried by {@link #with} as {@code stdio}). */
    private Integer uidField;
    private Integer gidField;

    private ForkOptions(Path cwd, Map<String, String> env, List<String> execArgv, String execPath, boolean silent,
            long timeoutMs, String killSignal, dev.nodeshim.events.AbortSignal signal, IpcSerialization serialization) {
        this.cwd = cwd;
        this.env = env;
        this.execArgv = execArgv;
        this.execPath = execPath;
        this.silent = silent;
        this.timeoutMs = timeoutMs;
        this.killSignal = killSignal;
        this.signal = signal;
        this.serialization = serialization;
    }

    /** Node's defaults. */
    public static ForkOptions defaults() {
        return DEFAULTS;
    }

    /** A copy with these values and this one's {@code stdio}. */
    private ForkOptions with(Path cwd, Map<String, String> env, List<String> execArgv, String execPath, boolean silent,
            long timeoutMs, String killSignal, dev.nodeshim.events.AbortSignal signal, IpcSerialization serialization) {
        ForkOptions o = new ForkOptions(cwd, env, execArgv, execPath, silent, timeoutMs, killSignal, signal, serialization);
        o.stdioField = stdioField;
        o.uidField = uidField;
        o.gidField = gidField;
        return o;
    }

    /** {@code cwd}. */
    public ForkOptions cwd(Path dir) {
        return with(dir, env, execArgv, execPath, silent, timeoutMs, killSignal, signal, serialization);
    }

    /** {@code cwd} as a string. */
    public ForkOptions cwd(String dir) {
        return cwd(dir == null ? null : Path.of(NullBytes.checkCwd(dir)));
    }

    /** {@code env}: the child's whole environment (the channel's variables are added to it). */
    public ForkOptions env(Map<String, String> environment) {
        Map<String, String> copy = environment == null ? null : Map.copyOf(NullBytes.checkEnv(new LinkedHashMap<>(environment)));
        return with(cwd, copy, execArgv, execPath, silent, timeoutMs, killSignal, signal, serialization);
    }

    /**
     * {@code execArgv}: options for the child JVM, before the class name ({@code -Xmx64m},
     * {@code -Dkey=value}, …).
     *
     * @throws dev.nodeshim.errors.NodeError {@code ERR_INVALID_ARG_TYPE} for a null element
     */
    public ForkOptions execArgv(List<String> jvmOptions) {
        List<String> list = jvmOptions == null ? List.of() : jvmOptions;
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) == null) {
                throw Errors.invalidArgType("options.execArgv[" + i + "]", "string", null);
            }
        }
        return with(cwd, env, List.copyOf(list), execPath, silent, timeoutMs, killSignal, signal, serialization);
    }

    /** {@code execPath}: the java executable to run. */
    public ForkOptions execPath(String javaExecutable) {
        return with(cwd, env, execArgv, javaExecutable, silent, timeoutMs, killSignal, signal, serialization);
    }

    /**
     * {@code silent}: the child's stdin, stdout and stderr become pipes to the parent
     * ({@code child.stdin()}, {@code child.stdout()}, {@code child.stderr()}), as in Node; without it the
     * child shares ours.
     */
    public ForkOptions silent(boolean value) {
        return with(cwd, env, execArgv, execPath, value, timeoutMs, killSignal, signal, serialization);
    }

    /**
     * {@code timeout}: kill the child with {@code killSignal} after this long (zero: never).
     *
     * @throws dev.nodeshim.errors.NodeError {@code ERR_OUT_OF_RANGE} for a negative duration
     */
    public ForkOptions timeout(java.time.Duration d) {
        long ms = d == null ? 0 : d.toMillis();
        if (ms < 0) {
            // node 20: The value of "timeout" is out of range. It must be an unsigned integer. Received -1
            throw Errors.outOfRange("timeout", "an unsigned integer", ms);
        }
        return with(cwd, env, execArgv, execPath, silent, ms, killSignal, signal, serialization);
    }

    /** {@code signal}: as for spawn ({@link SpawnOptions#signal}) — aborting kills the child and emits an AbortError. */
    public ForkOptions signal(dev.nodeshim.events.AbortSignal abortSignal) {
        return with(cwd, env, execArgv, execPath, silent, timeoutMs, killSignal, abortSignal, serialization);
    }

    /** {@code killSignal} for {@code timeout} (default SIGTERM); {@code ERR_UNKNOWN_SIGNAL} for an unknown name. */
    public ForkOptions killSignal(String signal) {
        Signals.toNumber(signal);
        return with(cwd, env, execArgv, execPath, silent, timeoutMs, signal, this.signal, serialization);
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
        return with(cwd, env, execArgv, execPath, silent, timeoutMs, killSignal, signal,
                IpcSerialization.of(mode));
    }

    /**
     * {@code stdio: 'pipe' | 'inherit' | 'ignore'}: that for fds 0–2 and the channel as fd 3
     * ({@code [mode, mode, mode, 'ipc']}, as node 20). It overrides {@link #silent}.
     *
     * @throws dev.nodeshim.errors.NodeError {@code ERR_INVALID_ARG_VALUE} for another string
     */
    public ForkOptions stdio(String mode) {
        String m = "overlapped".equals(mode) ? "pipe" : mode;
        if (!"pipe".equals(m) && !"inherit".equals(m) && !"ignore".equals(m)) {
            // node 20: TypeError [ERR_INVALID_ARG_VALUE]: The argument 'stdio' is invalid. Received 'bogus'
            throw Errors.invalidArgValue("stdio", mode);
        }
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
        ForkOptions o = with(cwd, env, execArgv, execPath, silent, timeoutMs, killSignal, signal, serialization);
        o.stdioField = entries == null ? null : ChildOptions.stdioEntries(entries);
        return o;
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
        ForkOptions o = with(cwd, env, execArgv, execPath, silent, timeoutMs, killSignal, signal, serialization);
        o.uidField = id;
        return o;
    }

    /** {@code gid}: the child JVM's group id, as {@link #uid(int)} (set before the uid, as Node does). */
    public ForkOptions gid(int id) {
        ForkOptions o = with(cwd, env, execArgv, execPath, silent, timeoutMs, killSignal, signal, serialization);
        o.gidField = id;
        return o;
    }

    /** {@code uid}, or null when not given. */
    Integer uid() {
        return uidField;
    }

    /** {@code gid}, or null when not given. */
    Integer gid() {
        return gidField;
    }

    /** The child's stdio entries: as given, or from {@link #silent} with the channel as fd 3. */
    List<Object> stdioEntries() {
        if (stdioField != null) {
            return stdioField;
        }
        // node: silent gives the child pipes for 0, 1, 2 (else it shares ours); the channel is fd 3
        String mode = silent ? "pipe" : "inherit";
        return List.of(mode, mode, mode, "ipc");
    }
}
