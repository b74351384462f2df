package dev.nodeshim.childprocess;

import dev.nodeshim.buffer.Buffer;
import dev.nodeshim.errors.Errors;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Options of {@code spawn}, {@code exec} and {@code execFile}: an immutable value, each wither returns
 * a copy. Defaults are Node 20's: the parent's cwd and env, no shell (exec always uses
 * {@code /bin/sh}), no timeout, {@code killSignal} SIGTERM; for exec/execFile {@code encoding} utf8
 * (Strings; {@code "buffer"} gives Buffers) and {@code maxBuffer} 1 MiB per stream.
 */
public final class SpawnOptions {
    private static final SpawnOptions DEFAULTS =
            new SpawnOptions("utf8", null, null, null, 0, "SIGTERM", 1024 * 1024);

    final String encoding;
    final Path cwd;
    final Map<String, String> env;
    final String shell;
    final long timeoutMs;
    final String killSignal;
    final long maxBuffer;

    private SpawnOptions(String encoding, Path cwd, Map<String, String> env, String shell, long timeoutMs,
            String killSignal, long maxBuffer) {
        this.encoding = encoding;
        this.cwd = cwd;
        this.env = env;
        this.shell = shell;
        this.timeoutMs = timeoutMs;
        this.killSignal = killSignal;
        this.maxBuffer = maxBuffer;
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
        return new SpawnOptions(e, cwd, env, shell, timeoutMs, killSignal, maxBuffer);
    }

    /** {@code cwd}. */
    public SpawnOptions cwd(Path dir) {
        return new SpawnOptions(encoding, dir, env, shell, timeoutMs, killSignal, maxBuffer);
    }

    /** {@code cwd} as a string. */
    public SpawnOptions cwd(String dir) {
        return cwd(dir == null ? null : Path.of(dir));
    }

    /** {@code env}: the child's whole environment. */
    public SpawnOptions env(Map<String, String> environment) {
        Map<String, String> copy = environment == null ? null : Map.copyOf(new LinkedHashMap<>(environment));
        return new SpawnOptions(encoding, cwd, copy, shell, timeoutMs, killSignal, maxBuffer);
    }

    /** {@code shell: true}: {@code /bin/sh -c "<command> <args joined by spaces>"}. */
    public SpawnOptions shell(boolean useShell) {
        return shell(useShell ? "/bin/sh" : null);
    }

    /** {@code shell: "/path/to/shell"}. */
    public SpawnOptions shell(String path) {
        return new SpawnOptions(encoding, cwd, env, path, timeoutMs, killSignal, maxBuffer);
    }

    /** {@code timeout}: kill with {@code killSignal} after this long (zero: never). */
    public SpawnOptions timeout(Duration d) {
        long ms = d == null ? 0 : d.toMillis();
        if (ms < 0) {
            // node 20: The value of "timeout" is out of range. It must be an unsigned integer. Received -1
            throw Errors.outOfRange("timeout", "an unsigned integer", ms);
        }
        return new SpawnOptions(encoding, cwd, env, shell, ms, killSignal, maxBuffer);
    }

    /** {@code killSignal} (default SIGTERM); {@code ERR_UNKNOWN_SIGNAL} for an unknown name. */
    public SpawnOptions killSignal(String signal) {
        Signals.toNumber(signal);
        return new SpawnOptions(encoding, cwd, env, shell, timeoutMs, signal, maxBuffer);
    }

    /** {@code killSignal} as a number ({@code ERR_UNKNOWN_SIGNAL} for one that does not exist). */
    public SpawnOptions killSignal(int signal) {
        return killSignal(Signals.name(Signals.toNumber(signal)));
    }

    /** exec/execFile {@code maxBuffer}: bytes kept per stream; beyond it the child is killed. */
    public SpawnOptions maxBuffer(long bytes) {
        if (bytes < 0) {
            throw Errors.outOfRange("options.maxBuffer", ">= 0", bytes);
        }
        return new SpawnOptions(encoding, cwd, env, shell, timeoutMs, killSignal, bytes);
    }
}
