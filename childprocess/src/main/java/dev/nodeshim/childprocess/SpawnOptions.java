package dev.nodeshim.childprocess;

import dev.nodeshim.buffer.Buffer;
import dev.nodeshim.events.AbortSignal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Options of {@code spawn}, {@code exec} and {@code execFile}: an immutable value, each wither returns
 * a copy. Defaults are Node 20's: the parent's cwd and env, no shell (exec always uses
 * {@code /bin/sh}), no timeout, {@code killSignal} SIGTERM; for exec/execFile {@code encoding} utf8
 * (Strings; {@code "buffer"} gives Buffers) and {@code maxBuffer} 1 MiB per stream. The values and their
 * checks, shared with {@link SpawnSyncOptions} and {@link ForkOptions}, live in {@code ChildOptions}.
 */
public final class SpawnOptions {
    private static final SpawnOptions DEFAULTS =
            new SpawnOptions(ChildOptions.DEFAULTS.with(c -> {
                c.encoding = "utf8";
                c.stdio = List.of("pipe", "pipe", "pipe");
            }));

    final ChildOptions options;

    private SpawnOptions(ChildOptions options) {
        this.options = options;
    }

    /** Node's defaults. */
    public static SpawnOptions defaults() {
        return DEFAULTS;
    }

    /**
     * exec/execFile {@code encoding}: a Buffer encoding (Strings) or {@code "buffer"} (Buffers). Like
     * Node 20, a name that is no Buffer encoding also gives Buffers (no error): node's execFile
     * decodes only when {@code Buffer.isEncoding(encoding)} holds.
     */
    public SpawnOptions encoding(String name) {
        String e = name == null || !Buffer.isEncoding(name) ? "buffer" : name;
        return new SpawnOptions(options.with(c -> c.encoding = e));
    }

    /** {@code cwd}. */
    public SpawnOptions cwd(Path dir) {
        return new SpawnOptions(options.with(c -> c.cwd = dir));
    }

    /** {@code cwd} as a string. */
    public SpawnOptions cwd(String dir) {
        return new SpawnOptions(options.cwd(dir));
    }

    /** {@code env}: the child's whole environment. */
    public SpawnOptions env(Map<String, String> environment) {
        return new SpawnOptions(options.env(environment));
    }

    /** {@code shell: true}: {@code /bin/sh -c "<command> <args joined by spaces>"}. */
    public SpawnOptions shell(boolean useShell) {
        return shell(useShell ? "/bin/sh" : null);
    }

    /** {@code shell: "/path/to/shell"}. */
    public SpawnOptions shell(String path) {
        return new SpawnOptions(options.shell(path));
    }

    /** {@code timeout}: kill with {@code killSignal} after this long (zero: never). */
    public SpawnOptions timeout(Duration d) {
        return new SpawnOptions(options.timeout(d));
    }

    /** {@code killSignal} (default SIGTERM); {@code ERR_UNKNOWN_SIGNAL} for an unknown name. */
    public SpawnOptions killSignal(String signal) {
        return new SpawnOptions(options.killSignal(signal));
    }

    /** {@code killSignal} as a number ({@code ERR_UNKNOWN_SIGNAL} for one that does not exist). */
    public SpawnOptions killSignal(int signal) {
        return new SpawnOptions(options.killSignal(signal));
    }

    /**
     * {@code stdio: 'pipe' | 'inherit' | 'ignore'} for all three ({@code 'overlapped'} is {@code 'pipe'}
     * here, as on every platform but Windows).
     *
     * @throws dev.nodeshim.errors.NodeError {@code ERR_INVALID_ARG_VALUE} for another string, as Node
     */
    public SpawnOptions stdio(String mode) {
        String m = ChildOptions.stdioMode(mode);
        return stdio(List.<Object>of(m, m, m));
    }

    /**
     * {@code stdio: [stdin, stdout, stderr, ...]}: one entry per child descriptor, of any length (fewer
     * than three are filled up), each as node 20 reads it:
     * <ul>
     *   <li>{@code 'pipe'} ({@code 'overlapped'} too): fds 0–2 become {@link ChildProcess#stdin()},
     *       {@code stdout()}, {@code stderr()}; from fd 3 on {@code child.stdio()[n]} is a
     *       {@link dev.nodeshim.stream.Duplex}, readable and writable (Node's socket there);</li>
     *   <li>{@code 'ignore'}: {@code /dev/null} as fd 0–2, nothing from fd 3 on;</li>
     *   <li>{@code 'inherit'}: our own descriptor of the same number;</li>
     *   <li>an integer {@code n >= 0}: our descriptor {@code n} (not open: {@code spawn} throws
     *       {@code Error: spawn EBADF}); a negative one is {@code 'pipe'}, as in node 20;</li>
     *   <li>{@code null}: {@code 'pipe'} as fd 0–2, {@code 'ignore'} from fd 3 on;</li>
     *   <li>{@code 'ipc'}, at most once, at any index: an IPC channel as fork's ({@link ChildProcess#send},
     *       {@code 'message'}, {@code 'disconnect'}; {@code child.stdio()[n]} is null). The child gets one
     *       end of a Unix socket pair as fd n and {@code NODE_CHANNEL_FD=n},
     *       {@code NODE_CHANNEL_SERIALIZATION_MODE=json} in its environment, as Node's children do: a
     *       {@code node} child's {@code process.send} works, and so does a nodeshim program started
     *       through {@link ForkMain}.</li>
     * </ul>
     * Without the native library (children through ProcessBuilder) only fds 0–2 as pipe, inherit or
     * ignore and a fourth {@code 'ipc'} (then a socket passed by path, {@code NODESHIM_CHANNEL_PATH}, which
     * only a {@link ForkMain} child attaches) can be had; spawn refuses the rest with
     * {@link UnsupportedOperationException}.
     *
     * @throws dev.nodeshim.errors.NodeError as node 20, in the entries' order: {@code ERR_INVALID_SYNC_FORK_INPUT}
     *         for an unknown string, {@code ERR_IPC_ONE_PIPE} for a second {@code 'ipc'},
     *         {@code ERR_INVALID_ARG_VALUE} for another type ({@code Boolean}, a map, a list, …)
     */
    public SpawnOptions stdio(List<?> entries) {
        List<Object> all = ChildOptions.stdioEntries(entries);
        return new SpawnOptions(options.with(c -> c.stdio = all));
    }

    /**
     * {@code signal}: aborting it kills the child with {@code killSignal} and emits {@code 'error'}
     * ({@code AbortError}, code {@code ABORT_ERR}, the signal's reason as {@code cause}) — at once when
     * it aborts while the child runs, after {@code 'spawn'} when it was aborted already (node 20).
     * exec/execFile call back with that error ({@code cmd} added).
     */
    public SpawnOptions signal(AbortSignal abortSignal) {
        return new SpawnOptions(options.with(c -> c.signal = abortSignal));
    }

    /**
     * {@code detached: true}: the child leads a new session and process group (Linux {@code setsid}),
     * so a signal to our group (Ctrl-C) does not reach it; with {@code child.unref()} and stdio that is
     * not piped to us it can outlive this process, as under Node.
     */
    public SpawnOptions detached(boolean on) {
        return new SpawnOptions(options.with(c -> c.detached = on));
    }

    /**
     * {@code argv0}: the child's {@code argv[0]} (and {@code spawnargs[0]}) instead of the command; the
     * program is still found by the command's name. Without the native library it is done with bash's
     * {@code exec -a}, so bash must then be installed (it is on Debian and most Linux systems).
     */
    public SpawnOptions argv0(String name) {
        return new SpawnOptions(options.argv0(name));
    }

    /** exec/execFile {@code maxBuffer}: bytes kept per stream; beyond it the child is killed. */
    public SpawnOptions maxBuffer(long bytes) {
        return new SpawnOptions(options.maxBuffer(bytes));
    }

    /**
     * {@code serialization} of the channel of an {@code 'ipc'} stdio entry: {@code "json"} (the default;
     * {@code null} too) or {@code "advanced"}, as for fork ({@link ForkOptions#serialization}); the child
     * is told in {@code NODE_CHANNEL_SERIALIZATION_MODE}, as Node tells it.
     *
     * @throws dev.nodeshim.errors.NodeError {@code ERR_INVALID_ARG_VALUE} for anything else
     */
    public SpawnOptions serialization(String mode) {
        return new SpawnOptions(options.serialization(mode));
    }

    /**
     * {@code uid}: the child's user id (real, effective and saved; supplementary groups cleared), set
     * through util-linux's {@code setpriv} (see {@link Credentials}). Not permitted (we are not root and
     * it is not one of our ids): {@code spawn}, {@code exec} and {@code execFile} throw Node's
     * {@code spawn EPERM}; -1 gives {@code spawn EINVAL}.
     */
    public SpawnOptions uid(int id) {
        return new SpawnOptions(options.with(c -> c.uid = id));
    }

    /** {@code gid}: the child's group id, as {@link #uid(int)} (set before the uid, as Node does). */
    public SpawnOptions gid(int id) {
        return new SpawnOptions(options.with(c -> c.gid = id));
    }
}
