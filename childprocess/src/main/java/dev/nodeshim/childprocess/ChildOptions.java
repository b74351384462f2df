package dev.nodeshim.childprocess;

import dev.nodeshim.errors.Errors;
import dev.nodeshim.errors.NodeError;
import dev.nodeshim.events.AbortSignal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The options of child_process's functions in one home: every option of {@link SpawnOptions},
 * {@link SpawnSyncOptions} and {@link ForkOptions}, each with the check Node makes of it. Each of those
 * public classes holds one of these and offers the options its Node function takes, with its defaults
 * and its Javadoc, every wither one line here: a method of this class where Node checks or copies the
 * value, else {@link #with}. An option a function does not take stays at its default. The module's code
 * reads the fields.
 *
 * <p>A value held by the three rather than a generic base class ({@code Options<T extends Options<T>>}):
 * the public classes keep their exact signatures (the concrete class as return type, in the class files
 * too, so code compiled against them still links), their own Javadoc, and only the methods Node's
 * function has (fork has no {@code shell}, spawnSync no {@code signal}), which a base class would give
 * all three or have to hide behind overrides.
 *
 * <p>Immutable in effect: a wither changes only a fresh copy, before returning it ({@link #with}, as
 * {@code ClusterSettings} does), and the public classes hold it in a final field, which publishes it
 * safely.
 */
final class ChildOptions implements Cloneable {
    /** Nothing given: the defaults the three share (spawn and spawnSync set their encoding, spawn its stdio). */
    static final ChildOptions DEFAULTS = new ChildOptions();

    // Final in spirit: only a copy that is not yet returned is ever changed (see with).
    /** {@code encoding}, checked by the caller: spawn's and spawnSync's differ. */
    String encoding;
    /** spawnSync's {@code input}: our own copy. */
    byte[] input;
    /** null: the parent's. */
    Path cwd;
    /** null: the parent's; else the child's whole environment, checked and copied. */
    Map<String, String> env;
    String shell;
    /** {@code timeout}; zero: none. */
    long timeoutMs;
    String killSignal = "SIGTERM";
    /** Node 20's {@code MAX_BUFFER}, 1 MiB, for exec/execFile and the Sync forms. */
    long maxBuffer = 1024 * 1024;
    /**
     * One entry per child fd (at least three): {@code pipe}, {@code inherit}, {@code ignore}, {@code ipc}
     * or an Integer descriptor of ours ({@link #stdioEntries}); null: not given.
     */
    List<Object> stdio;
    AbortSignal signal;
    boolean detached;
    String argv0;
    /** null: not given (the child keeps ours). */
    Integer uid;
    Integer gid;
    IpcSerialization serialization = IpcSerialization.JSON;
    List<String> execArgv = List.of();
    String execPath;
    boolean silent;

    private ChildOptions() {
    }

    /** A copy changed by {@code change}. */
    ChildOptions with(Consumer<ChildOptions> change) {
        ChildOptions c;
        try {
            c = (ChildOptions) clone();
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
        change.accept(c);
        return c;
    }

    ChildOptions input(byte[] bytes) {
        byte[] copy = bytes == null ? null : bytes.clone();
        return with(c -> c.input = copy);
    }

    ChildOptions cwd(String dir) {
        Path path = dir == null ? null : Path.of(NullBytes.checkCwd(dir));
        return with(c -> c.cwd = path);
    }

    ChildOptions env(Map<String, String> environment) {
        Map<String, String> copy = environment == null ? null
                : Map.copyOf(NullBytes.checkEnv(new LinkedHashMap<>(environment)));
        return with(c -> c.env = copy);
    }

    ChildOptions shell(String path) {
        NullBytes.check("options.shell", path);
        return with(c -> c.shell = path);
    }

    ChildOptions timeout(Duration d) {
        long ms = d == null ? 0 : d.toMillis();
        if (ms < 0) {
            // node 20: The value of "timeout" is out of range. It must be an unsigned integer. Received -1
            throw Errors.outOfRange("timeout", "an unsigned integer", ms);
        }
        return with(c -> c.timeoutMs = ms);
    }

    /** {@code ERR_UNKNOWN_SIGNAL} for an unknown name. */
    ChildOptions killSignal(String name) {
        Signals.toNumber(name);
        return with(c -> c.killSignal = name);
    }

    /** {@code ERR_UNKNOWN_SIGNAL} for a number that is no signal. */
    ChildOptions killSignal(int number) {
        return killSignal(Signals.name(Signals.toNumber(number)));
    }

    ChildOptions maxBuffer(long bytes) {
        if (bytes < 0) {
            // node 20: The value of "options.maxBuffer" is out of range. It must be a positive number. Received -1
            throw Errors.outOfRange("options.maxBuffer", "a positive number", bytes);
        }
        return with(c -> c.maxBuffer = bytes);
    }

    ChildOptions argv0(String name) {
        NullBytes.check("options.argv0", name);
        return with(c -> c.argv0 = name);
    }

    /** {@code ERR_INVALID_ARG_VALUE} for a mode other than json and advanced. */
    ChildOptions serialization(String mode) {
        IpcSerialization s = IpcSerialization.of(mode);
        return with(c -> c.serialization = s);
    }

    /** {@code ERR_INVALID_ARG_TYPE} for a null element. */
    ChildOptions execArgv(List<String> jvmOptions) {
        List<String> list = jvmOptions == null ? List.of() : jvmOptions;
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) == null) {
                throw Errors.invalidArgType("options.execArgv[" + i + "]", "string", null);
            }
        }
        List<String> copy = List.copyOf(list);
        return with(c -> c.execArgv = copy);
    }

    /** fork's stdio: as given, or from {@link #silent} with the channel as fd 3. */
    List<Object> forkStdio() {
        if (stdio != null) {
            return stdio;
        }
        // node: silent gives the child pipes for 0, 1, 2 (else it shares ours); the channel is fd 3
        String mode = silent ? "pipe" : "inherit";
        return List.of(mode, mode, mode, "ipc");
    }

    /**
     * {@code stdio: 'pipe' | 'inherit' | 'ignore'} (for fds 0–2) as a normalized entry
     * ({@code 'overlapped'} is {@code 'pipe'}, as on every platform but Windows).
     *
     * @throws NodeError {@code ERR_INVALID_ARG_VALUE} for another string, as Node
     */
    static String stdioMode(String mode) {
        String m = modeOrNull(mode);
        if (m == null) {
            // node 20: TypeError [ERR_INVALID_ARG_VALUE]: The argument 'stdio' is invalid. Received 'bogus'
            throw Errors.invalidArgValue("stdio", mode);
        }
        return m;
    }

    /** {@code stdio} entries normalized (at least three), checked in order as {@link SpawnOptions#stdio(List)} says. */
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
                    throw new NodeError("Error", "ERR_IPC_ONE_PIPE", "Child process can have only one IPC pipe");
                }
                return s;
            }
            String m = modeOrNull(s);
            if (m == null) {
                // node 20 words an unknown entry this way (it takes a string as an attempted input)
                throw new NodeError("TypeError", "ERR_INVALID_SYNC_FORK_INPUT",
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

    private static String modeOrNull(String mode) {
        if (mode == null) {
            return null;
        }
        return switch (mode) {
            case "pipe", "overlapped" -> "pipe";
            case "inherit", "ignore" -> mode;
            default -> null;
        };
    }
}
