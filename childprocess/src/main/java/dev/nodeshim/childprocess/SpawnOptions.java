package dev.nodeshim.childprocess;

import dev.nodeshim.buffer.Buffer;
import dev.nodeshim.errors.Errors;
import dev.nodeshim.events.AbortSignal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Options of {@code spawn}, {@code exec} and {@code execFile}: an immutable value, each wither returns
 * a copy. Defaults are Node 20's: the parent's cwd and env, no shell (exec always uses
 * {@code /bin/sh}), no timeout, {@code killSignal} SIGTERM; for exec/execFile {@code encoding} utf8
 * (Strings; {@code "buffer"} gives Buffers) and {@code maxBuffer} 1 MiB per stream.
 */
public final class SpawnOptions {
    private static final SpawnOptions DEFAULTS =
            new SpawnOptions("utf8", null, null, null, 0, "SIGTERM", 1024 * 1024, List.<Object>of("pipe", "pipe", "pipe"), null, false, null);

    final String encoding;
    final Path cwd;
    final Map<String, String> env;
    final String shell;
    final long timeoutMs;
    final String killSignal;
    final long maxBuffer;
    /**
     * One entry per child fd (at least three): {@code pipe}, {@code inherit}, {@code ignore}, {@code ipc}
     * or an Integer descriptor of ours ({@link #stdio(List)}).
     */
    final List<Object> stdio;
    final AbortSignal signal;
    final boolean detached;
    final String argv0;
    /** {@code uid}/{@code gid}: null when not given (set only by {@link #make} and the two withers). */
    private Integer uidField;
    private Integer gidField;
    /** {@code serialization} of an {@code 'ipc'} entry's channel (copied by {@link #make}, as uid and gid). */
    private IpcSerialization serializationField = IpcSerialization.JSON;

    private SpawnOptions(String encoding, Path cwd, Map<String, String> env, String shell, long timeoutMs,
            String killSignal, long maxBuffer, List<Object> stdio, AbortSignal signal, boolean detached,
            String argv0) {
        this.encoding = encoding;
        this.cwd = cwd;
        this.env = env;
        this.shell = shell;
        this.timeoutMs = timeoutMs;
        this.killSignal = killSignal;
        this.maxBuffer = maxBuffer;
        this.stdio = stdio;
        this.signal = signal;
        this.detached = detached;
        this.argv0 = argv0;
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
        return make(e, cwd, env, shell, timeoutMs, killSignal, maxBuffer, stdio, signal, detached, argv0);
    }

    /** {@code cwd}. */
    public SpawnOptions cwd(Path dir) {
        return make(encoding, dir, env, shell, timeoutMs, killSignal, maxBuffer, stdio, signal, detached, argv0);
    }

    /** {@code cwd} as a string. */
    public SpawnOptions cwd(String dir) {
        return cwd(dir == null ? null : Path.of(NullBytes.checkCwd(dir)));
    }

    /** {@code env}: the child's whole environment. */
    public SpawnOptions env(Map<String, String> environment) {
        Map<String, String> copy = environment == null ? null : Map.copyOf(NullBytes.checkEnv(new LinkedHashMap<>(environment)));
        return make(encoding, cwd, copy, shell, timeoutMs, killSignal, maxBuffer, stdio, signal, detached, argv0);
    }

    /** {@code shell: true}: {@code /bin/sh -c "<command> <args joined by spaces>"}. */
    public SpawnOptions shell(boolean useShell) {
        return shell(useShell ? "/bin/sh" : null);
    }

    /** {@code shell: "/path/to/shell"}. */
    public SpawnOptions shell(String path) {
        NullBytes.check("options.shell", path);
        return make(encoding, cwd, env, path, timeoutMs, killSignal, maxBuffer, stdio, signal, detached, argv0);
    }

    /** {@code timeout}: kill with {@code killSignal} after this long (zero: never). */
    public SpawnOptions timeout(Duration d) {
        long ms = d == null ? 0 : d.toMillis();
        if (ms < 0) {
            // node 20: The value of "timeout" is out of range. It must be an unsigned integer. Received -1
            throw Errors.outOfRange("timeout", "an unsigned integer", ms);
        }
        return make(encoding, cwd, env, shell, ms, killSignal, maxBuffer, stdio, signal, detached, argv0);
    }

    /** {@code killSignal} (default SIGTERM); {@code ERR_UNKNOWN_SIGNAL} for an unknown name. */
    public SpawnOptions killSignal(String signal) {
        Signals.toNumber(signal);
        return make(encoding, cwd, env, shell, timeoutMs, signal, maxBuffer, stdio, this.signal, detached, argv0);
    }

    /**
     * {@code stdio: 'pipe' | 'inherit' | 'ignore'} for all three ({@code 'overlapped'} is {@code 'pipe'}
     * here, as on every platform but Windows).
     *
     * @throws dev.nodeshim.errors.NodeError {@code ERR_INVALID_ARG_VALUE} for another string, as Node
     */
    public SpawnOptions stdio(String mode) {
        String m = stdioMode(mode);
        if (m == null) {
            // node 20: TypeError [ERR_INVALID_ARG_VALUE]: The argument 'stdio' is invalid. Received 'bogus'
            throw Errors.invalidArgValue("stdio", mode);
        }
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
        return make(encoding, cwd, env, shell, timeoutMs, killSignal, maxBuffer, stdioEntries(entries), signal, detached, argv0);
    }

    /** {@code stdio} entries normalized (at least three), checked in order as {@link #stdio(List)} says. */
    static List<Object> stdioEntries(List<?> entries) {
        List<?> given = entries == null ? List.of() : entries;
        List<Object> all = new ArrayList<>();
        boolean ipc = false;
        for (int fd = 0; fd < Math.max(3, given.size()); fd++) {
            Object entry = stdioEntry(fd, fd < given.size() ? given.get(fd) : null, ipc);
            ipc |= entry.equals("ipc");
            all.add(entry);
        }
        return List.copyOf(all);
    }

    /** One {@code stdio} entry normalized: {@code pipe}, {@code ignore}, {@code inherit}, {@code ipc} or an fd. */
    private static Object stdioEntry(int fd, Object given, boolean ipcSeen) {
        if (given == null) {
            return fd < 3 ? "pipe" : "ignore";
        }
        if (given instanceof String s) {
            if (s.equals("ipc")) {
                if (ipcSeen) {
                    // node 20: Error [ERR_IPC_ONE_PIPE]: Child process can have only one IPC pipe
                    throw new dev.nodeshim.errors.NodeError("Error", "ERR_IPC_ONE_PIPE", "Child process can have only one IPC pipe");
                }
                return s;
            }
            String m = stdioMode(s);
            if (m == null) {
                // node 20 words an unknown entry this way (it takes a string as an attempted input)
                throw new dev.nodeshim.errors.NodeError("TypeError", "ERR_INVALID_SYNC_FORK_INPUT",
                        "Asynchronous forks do not support Buffer, TypedArray, DataView or string input: '" + s + "'");
            }
            return m;
        }
        if (given instanceof Number n && !(n instanceof java.math.BigInteger) && !(n instanceof java.math.BigDecimal)) {
            // a JavaScript number as Node's binding reads it (ToInt32); a negative one asks for a pipe (node 20)
            int v;
            if (n instanceof Double || n instanceof Float) {
                double d = n.doubleValue();
                v = d == Double.NEGATIVE_INFINITY ? -1 : Double.isNaN(d) || Double.isInfinite(d) ? 0 : (int) (long) d;
            } else {
                v = (int) n.longValue();
            }
            return v < 0 ? "pipe" : (Object) v;
        }
        // node 20: TypeError [ERR_INVALID_ARG_VALUE]: The argument 'stdio' is invalid. Received true
        throw Errors.invalidArgValue("stdio", given);
    }

    private static String stdioMode(String mode) {
        if (mode == null) {
            return null;
        }
        return switch (mode) {
            case "pipe", "overlapped" -> "pipe";
            case "inherit", "ignore" -> mode;
            default -> null;
        };
    }

    /**
     * {@code signal}: aborting it kills the child with {@code killSignal} and emits {@code 'error'}
     * ({@code AbortError}, code {@code ABORT_ERR}, the signal's reason as {@code cause}) — at once when
     * it aborts while the child runs, after {@code 'spawn'} when it was aborted already (node 20).
     * exec/execFile call back with that error ({@code cmd} added).
     */
    public SpawnOptions signal(AbortSignal abortSignal) {
        return make(encoding, cwd, env, shell, timeoutMs, killSignal, maxBuffer, stdio, abortSignal, detached, argv0);
    }

    /**
     * {@code detached: true}: the child leads a new session and process group (Linux {@code setsid}),
     * so a signal to our group (Ctrl-C) does not reach it; with {@code child.unref()} and stdio that is
     * not piped to us it can outlive this process, as under Node.
     */
    public SpawnOptions detached(boolean on) {
        return make(encoding, cwd, env, shell, timeoutMs, killSignal, maxBuffer, stdio, signal, on, argv0);
    }

    /**
     * {@code argv0}: the child's {@code argv[0]} (and {@code spawnargs[0]}) instead of the command; the
     * program is still found by the command's name. Done with bash's {@code exec -a}, so bash must be
     * installed (it is on Debian and most Linux systems).
     */
    public SpawnOptions argv0(String name) {
        NullBytes.check("options.argv0", name);
        return make(encoding, cwd, env, shell, timeoutMs, killSignal, maxBuffer, stdio, signal, detached, name);
    }

    /** {@code killSignal} as a number ({@code ERR_UNKNOWN_SIGNAL} for one that does not exist). */
    public SpawnOptions killSignal(int signal) {
        return killSignal(Signals.name(Signals.toNumber(signal)));
    }

    /** exec/execFile {@code maxBuffer}: bytes kept per stream; beyond it the child is killed. */
    public SpawnOptions maxBuffer(long bytes) {
        if (bytes < 0) {
            throw Errors.outOfRange("options.maxBuffer", "a positive number", bytes);
        }
        return make(encoding, cwd, env, shell, timeoutMs, killSignal, bytes, stdio, signal, detached, argv0);
    }

    /** A copy with these values and this one's uid and gid. */
    private SpawnOptions make(String encoding, Path cwd, Map<String, String> env, String shell, long timeoutMs,
            String killSignal, long maxBuffer, List<Object> stdio, AbortSignal signal, boolean detached,
            String argv0) {
        SpawnOptions o = new SpawnOptions(encoding, cwd, env, shell, timeoutMs, killSignal, maxBuffer, stdio, signal,
                detached, argv0);
        o.uidField = uidField;
        o.gidField = gidField;
        o.serializationField = serializationField;
        return o;
    }

    /**
     * {@code serialization} of the channel of an {@code 'ipc'} stdio entry: {@code "json"} (the default;
     * {@code null} too) or {@code "advanced"}, as for fork ({@link ForkOptions#serialization}); the child
     * is told in {@code NODE_CHANNEL_SERIALIZATION_MODE}, as Node tells it.
     *
     * @throws dev.nodeshim.errors.NodeError {@code ERR_INVALID_ARG_VALUE} for anything else
     */
    public SpawnOptions serialization(String mode) {
        IpcSerialization s = IpcSerialization.of(mode);
        SpawnOptions o = make(encoding, cwd, env, shell, timeoutMs, killSignal, maxBuffer, stdio, signal, detached, argv0);
        o.serializationField = s;
        return o;
    }

    IpcSerialization serialization() {
        return serializationField;
    }

    /**
     * {@code uid}: the child's user id (real, effective and saved; supplementary groups cleared), set
     * through util-linux's {@code setpriv} (see {@link Credentials}). Not permitted (we are not root and
     * it is not one of our ids): {@code spawn}, {@code exec} and {@code execFile} throw Node's
     * {@code spawn EPERM}; -1 gives {@code spawn EINVAL}.
     */
    public SpawnOptions uid(int id) {
        SpawnOptions o = make(encoding, cwd, env, shell, timeoutMs, killSignal, maxBuffer, stdio, signal, detached, argv0);
        o.uidField = id;
        return o;
    }

    /** {@code gid}: the child's group id, as {@link #uid(int)} (set before the uid, as Node does). */
    public SpawnOptions gid(int id) {
        SpawnOptions o = make(encoding, cwd, env, shell, timeoutMs, killSignal, maxBuffer, stdio, signal, detached, argv0);
        o.gidField = id;
        return o;
    }

    Integer uid() {
        return uidField;
    }

    Integer gid() {
        return gidField;
    }
}
