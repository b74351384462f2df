package dev.nodeshim.childprocess;

import dev.nodeshim.buffer.Buffer;
import dev.nodeshim.errors.Errors;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Options of {@code spawnSync}, {@code execFileSync} and {@code execSync}: an immutable value, each
 * wither returns a copy. Defaults are Node 20's: no input, encoding {@code "buffer"} (bytes), the
 * parent's cwd and env, no shell, no timeout, {@code killSignal} SIGTERM, {@code maxBuffer} 1 MiB. The
 * values and their checks, shared with {@link SpawnOptions} and {@link ForkOptions}, live in
 * {@code ChildOptions}.
 */
public final class SpawnSyncOptions {
    /** Node 20's {@code MAX_BUFFER} for the Sync forms: 1024 * 1024 bytes. */
    public static final long DEFAULT_MAX_BUFFER = 1024 * 1024;
    private static final SpawnSyncOptions DEFAULTS =
            new SpawnSyncOptions(ChildOptions.DEFAULTS.with(c -> c.encoding = "buffer").maxBuffer(DEFAULT_MAX_BUFFER));

    /**
     * Its {@code stdio} is null when not given: three pipes, and execSync/execFileSync copy the child's
     * stderr to ours.
     */
    final ChildOptions options;

    private SpawnSyncOptions(ChildOptions options) {
        this.options = options;
    }

    /** Node's defaults. */
    public static SpawnSyncOptions defaults() {
        return DEFAULTS;
    }

    /** {@code input}: bytes written to the child's stdin, which is then closed. */
    public SpawnSyncOptions input(byte[] bytes) {
        return new SpawnSyncOptions(options.input(bytes));
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
        return new SpawnSyncOptions(options.with(c -> c.encoding = e));
    }

    /** {@code cwd}: the child's working directory. */
    public SpawnSyncOptions cwd(Path dir) {
        return new SpawnSyncOptions(options.with(c -> c.cwd = dir));
    }

    /** {@code cwd} as a string. */
    public SpawnSyncOptions cwd(String dir) {
        return new SpawnSyncOptions(options.cwd(dir));
    }

    /** {@code env}: the child's whole environment (not merged with ours, as in Node). */
    public SpawnSyncOptions env(Map<String, String> environment) {
        return new SpawnSyncOptions(options.env(environment));
    }

    /** {@code shell: true}: run the command line with {@code /bin/sh -c}. */
    public SpawnSyncOptions shell(boolean useShell) {
        return shell(useShell ? "/bin/sh" : null);
    }

    /** {@code shell: "/path/to/shell"}: run the command line with {@code <shell> -c}. */
    public SpawnSyncOptions shell(String path) {
        return new SpawnSyncOptions(options.shell(path));
    }

    /** {@code timeout}: kill the child with {@code killSignal} after this long (zero: never). */
    public SpawnSyncOptions timeout(Duration d) {
        return new SpawnSyncOptions(options.timeout(d));
    }

    /**
     * {@code killSignal}: the signal for {@code timeout} and {@code maxBuffer} (default SIGTERM).
     *
     * @throws dev.nodeshim.errors.NodeError {@code ERR_UNKNOWN_SIGNAL} for an unknown name
     */
    public SpawnSyncOptions killSignal(String signal) {
        return new SpawnSyncOptions(options.killSignal(signal));
    }

    /** {@code killSignal} as a number. */
    public SpawnSyncOptions killSignal(int signal) {
        return new SpawnSyncOptions(options.killSignal(signal));
    }

    /**
     * {@code maxBuffer}: the most bytes kept of stdout and of stderr each; beyond it the child is killed
     * with {@code killSignal} and the result carries an {@code ENOBUFS} error.
     */
    public SpawnSyncOptions maxBuffer(long bytes) {
        return new SpawnSyncOptions(options.maxBuffer(bytes));
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
        String m = ChildOptions.stdioMode(mode);
        return new SpawnSyncOptions(options.with(c -> c.stdio = List.of(m, m, m)));
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
        return new SpawnSyncOptions(options.with(c -> c.stdio = all));
    }

    /** {@code argv0}: as for spawn ({@link SpawnOptions#argv0}). */
    public SpawnSyncOptions argv0(String name) {
        return new SpawnSyncOptions(options.argv0(name));
    }

    /** {@code detached}: as for spawn ({@link SpawnOptions#detached}). */
    public SpawnSyncOptions detached(boolean on) {
        return new SpawnSyncOptions(options.with(c -> c.detached = on));
    }

    /**
     * {@code uid}: as for spawn ({@link SpawnOptions#uid(int)}); when not permitted the result's
     * {@code error} is Node's {@code spawnSync <file> EPERM} (-1: {@code EINVAL}), and execSync and
     * execFileSync throw it.
     */
    public SpawnSyncOptions uid(int id) {
        return new SpawnSyncOptions(options.with(c -> c.uid = id));
    }

    /** {@code gid}: as {@link #uid(int)}. */
    public SpawnSyncOptions gid(int id) {
        return new SpawnSyncOptions(options.with(c -> c.gid = id));
    }
}
