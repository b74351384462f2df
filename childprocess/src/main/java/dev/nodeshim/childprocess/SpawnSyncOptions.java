package dev.nodeshim.childprocess;

import dev.nodeshim.buffer.Buffer;
import dev.nodeshim.errors.Errors;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Options of {@code spawnSync}, {@code execFileSync} and {@code execSync}: an immutable value, each
 * wither returns a copy. Defaults are Node 20's: no input, encoding {@code "buffer"} (bytes), the
 * parent's cwd and env, no shell, no timeout, {@code killSignal} SIGTERM, {@code maxBuffer} 1 MiB.
 */
public final class SpawnSyncOptions {
    /** Node 20's {@code MAX_BUFFER} for the Sync forms: 1024 * 1024 bytes. */
    public static final long DEFAULT_MAX_BUFFER = 1024 * 1024;
    private static final SpawnSyncOptions DEFAULTS =
            new SpawnSyncOptions(null, "buffer", null, null, null, 0, "SIGTERM", DEFAULT_MAX_BUFFER, null, null, false);

    final byte[] input;
    final String encoding;
    final Path cwd;
    final Map<String, String> env;
    final String shell;
    final long timeoutMs;
    final String killSignal;
    final long maxBuffer;
    /**
     * The entries ({@link SpawnOptions#stdio(List)}'s, at least three, no {@code 'ipc'}); {@code null}: not
     * given (three pipes; execSync/execFileSync then pass the child's stderr on to ours).
     */
    final List<Object> stdio;
    final String argv0;
    final boolean detached;
    /** {@code uid}/{@code gid}: null when not given (set only by {@link #make} and the two withers). */
    private Integer uidField;
    private Integer gidField;

    private SpawnSyncOptions(byte[] input, String encoding, Path cwd, Map<String, String> env, String shell,
            long timeoutMs, String killSignal, long maxBuffer, List<Object> stdio, String argv0, boolean detached) {
        this.input = input;
        this.encoding = encoding;
        this.cwd = cwd;
        this.env = env;
        this.shell = shell;
        this.timeoutMs = timeoutMs;
        this.killSignal = killSignal;
        this.maxBuffer = maxBuffer;
        this.stdio = stdio;
        this.argv0 = argv0;
        this.detached = detached;
    }

    /** Node's defaults. */
    public static SpawnSyncOptions defaults() {
        return DEFAULTS;
    }

    private SpawnSyncOptions with(byte[] input, String encoding, Path cwd, Map<String, String> env, String shell,
            long timeoutMs, String killSignal, long maxBuffer, List<Object> stdio) {
        return make(input, encoding, cwd, env, shell, timeoutMs, killSignal, maxBuffer, stdio,
                argv0, detached);
    }

    /** {@code argv0}: as for spawn ({@link SpawnOptions#argv0}). */
    public SpawnSyncOptions argv0(String name) {
        NullBytes.check("options.argv0", name);
        return make(input, encoding, cwd, env, shell, timeoutMs, killSignal, maxBuffer, stdio,
                name, detached);
    }

    /** {@code detached}: as for spawn ({@link SpawnOptions#detached}). */
    public SpawnSyncOptions detached(boolean on) {
        return make(input, encoding, cwd, env, shell, timeoutMs, killSignal, maxBuffer, stdio,
                argv0, on);
    }

    /** {@code input}: bytes written to the child's stdin, which is then closed. */
    public SpawnSyncOptions input(byte[] bytes) {
        return with(bytes == null ? null : bytes.clone(), encoding, cwd, env, shell, timeoutMs, killSignal,
                maxBuffer, stdio);
    }

    /** {@code input} as a string, written as UTF-8 (Node's default for string input). */
    public SpawnSyncOptions input(String text) {
        return input(text == null ? null : text.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code input} as a Buffer. */
    public SpawnSyncOptions input(Buffer buffer) {
        return input(buffer == null ? null : buffer.toByteArray());
    }

    /**
     * {@code encoding}: {@code "buffer"} (the default) gives stdout/stderr as {@link Buffer}s, any
     * Buffer encoding gives Strings decoded with it.
     *
     * @throws dev.nodeshim.errors.NodeError {@code ERR_UNKNOWN_ENCODING} for an unknown name
     */
    public SpawnSyncOptions encoding(String name) {
        String e = name == null ? "buffer" : name;
        if (!e.equals("buffer") && !Buffer.isEncoding(e)) {
            throw Errors.unknownEncoding(name);
        }
        return with(input, e, cwd, env, shell, timeoutMs, killSignal, maxBuffer, stdio);
    }

    /** {@code cwd}: the child's working directory. */
    public SpawnSyncOptions cwd(Path dir) {
        return with(input, encoding, dir, env, shell, timeoutMs, killSignal, maxBuffer, stdio);
    }

    /** {@code cwd} as a string. */
    public SpawnSyncOptions cwd(String dir) {
        return cwd(dir == null ? null : Path.of(NullBytes.checkCwd(dir)));
    }

    /** {@code env}: the child's whole environment (not merged with ours, as in Node). */
    public SpawnSyncOptions env(Map<String, String> environment) {
        Map<String, String> copy = environment == null ? null : Map.copyOf(NullBytes.checkEnv(new LinkedHashMap<>(environment)));
        return with(input, encoding, cwd, copy, shell, timeoutMs, killSignal, maxBuffer, stdio);
    }

    /** {@code shell: true}: run the command line with {@code /bin/sh -c}. */
    public SpawnSyncOptions shell(boolean useShell) {
        return with(input, encoding, cwd, env, useShell ? "/bin/sh" : null, timeoutMs, killSignal, maxBuffer,
                stdio);
    }

    /** {@code shell: "/path/to/shell"}: run the command line with {@code <shell> -c}. */
    public SpawnSyncOptions shell(String path) {
        NullBytes.check("options.shell", path);
        return with(input, encoding, cwd, env, path, timeoutMs, killSignal, maxBuffer, stdio);
    }

    /** {@code timeout}: kill the child with {@code killSignal} after this long (zero: never). */
    public SpawnSyncOptions timeout(Duration d) {
        long ms = d == null ? 0 : d.toMillis();
        if (ms < 0) {
            // node 20: The value of "timeout" is out of range. It must be an unsigned integer. Received -1
            throw Errors.outOfRange("timeout", "an unsigned integer", ms);
        }
        return with(input, encoding, cwd, env, shell, ms, killSignal, maxBuffer, stdio);
    }

    /**
     * {@code killSignal}: the signal for {@code timeout} and {@code maxBuffer} (default SIGTERM).
     *
     * @throws dev.nodeshim.errors.NodeError {@code ERR_UNKNOWN_SIGNAL} for an unknown name
     */
    public SpawnSyncOptions killSignal(String signal) {
        Signals.toNumber(signal);
        return with(input, encoding, cwd, env, shell, timeoutMs, signal, maxBuffer, stdio);
    }

    /** {@code killSignal} as a number. */
    public SpawnSyncOptions killSignal(int signal) {
        return killSignal(Signals.name(Signals.toNumber(signal)));
    }

    /**
     * {@code maxBuffer}: the most bytes kept of stdout and of stderr each; beyond it the child is killed
     * with {@code killSignal} and the result carries an {@code ENOBUFS} error.
     */
    public SpawnSyncOptions maxBuffer(long bytes) {
        if (bytes < 0) {
            throw Errors.outOfRange("options.maxBuffer", "a positive number", bytes);
        }
        return with(input, encoding, cwd, env, shell, timeoutMs, killSignal, bytes, stdio);
    }

    /**
     * {@code stdio: 'pipe' | 'inherit' | 'ignore'} for fds 0–2 ({@code 'overlapped'} is {@code 'pipe'}).
     * With {@code 'inherit'} the child shares our stdin, stdout and stderr, with {@code 'ignore'} it gets
     * {@code /dev/null}; either way {@code stdout}, {@code stderr} and {@code output} hold null, and
     * execSync/execFileSync return null (node 20). Giving the option stops execSync/execFileSync from
     * copying the child's stderr to ours, as in Node. ({@code input} goes nowhere unless stdin is a pipe.)
     *
     * @throws dev.nodeshim.errors.NodeError {@code ERR_INVALID_ARG_VALUE} for another string, as Node
     */
    public SpawnSyncOptions stdio(String mode) {
        String m = "overlapped".equals(mode) ? "pipe" : mode;
        if (!"pipe".equals(m) && !"inherit".equals(m) && !"ignore".equals(m)) {
            // node 20: TypeError [ERR_INVALID_ARG_VALUE]: The argument 'stdio' is invalid. Received 'bogus'
            throw Errors.invalidArgValue("stdio", mode);
        }
        return with(input, encoding, cwd, env, shell, timeoutMs, killSignal, maxBuffer, List.<Object>of(m, m, m));
    }

    /**
     * {@code stdio} as an array, one entry per child descriptor as for spawn ({@link SpawnOptions#stdio(List)}):
     * {@code 'pipe'}, {@code 'inherit'}, {@code 'ignore'}, a descriptor number, {@code null}. What a
     * {@code 'pipe'} from fd 1 on gives is in {@code output[fd]} (and {@code stdout}/{@code stderr}),
     * {@code null} for the other entries; {@code maxBuffer} holds for each (node 20). Node reads a pipe
     * from fd 3 on but never ends it: a child reading it waits, as under Node.
     *
     * @throws dev.nodeshim.errors.NodeError {@code ERR_IPC_SYNC_FORK} for {@code 'ipc'}; the entries'
     *         errors as for spawn (node 20's Sync forms silently drop an unknown string instead, shifting
     *         the entries after it — here it is spawn's {@code ERR_INVALID_SYNC_FORK_INPUT})
     */
    public SpawnSyncOptions stdio(List<?> entries) {
        List<Object> all = entries == null ? null : ChildOptions.stdioEntries(entries);
        if (all != null && all.contains("ipc")) {
            // node 20: Error [ERR_IPC_SYNC_FORK]: IPC cannot be used with synchronous forks
            throw new dev.nodeshim.errors.NodeError("Error", "ERR_IPC_SYNC_FORK", "IPC cannot be used with synchronous forks");
        }
        return with(input, encoding, cwd, env, shell, timeoutMs, killSignal, maxBuffer, all);
    }

    /** A copy with these values and this one's uid and gid. */
    private SpawnSyncOptions make(byte[] input, String encoding, Path cwd, Map<String, String> env, String shell,
            long timeoutMs, String killSignal, long maxBuffer, List<Object> stdio, String argv0, boolean detached) {
        SpawnSyncOptions o = new SpawnSyncOptions(input, encoding, cwd, env, shell, timeoutMs, killSignal, maxBuffer,
                stdio, argv0, detached);
        o.uidField = uidField;
        o.gidField = gidField;
        return o;
    }

    /**
     * {@code uid}: as for spawn ({@link SpawnOptions#uid(int)}); when not permitted the result's
     * {@code error} is Node's {@code spawnSync <file> EPERM} (-1: {@code EINVAL}), and execSync and
     * execFileSync throw it.
     */
    public SpawnSyncOptions uid(int id) {
        SpawnSyncOptions o = make(input, encoding, cwd, env, shell, timeoutMs, killSignal, maxBuffer, stdio, argv0,
                detached);
        o.uidField = id;
        return o;
    }

    /** {@code gid}: as {@link #uid(int)}. */
    public SpawnSyncOptions gid(int id) {
        SpawnSyncOptions o = make(input, encoding, cwd, env, shell, timeoutMs, killSignal, maxBuffer, stdio, argv0,
                detached);
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
