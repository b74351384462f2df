package dev.nodeshim.cluster;

import dev.nodeshim.errors.Errors;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * {@code cluster.settings} and the argument of {@code cluster.setupPrimary(settings)}: an immutable
 * value, each wither returns a copy. A field left unset ({@code null}) keeps its current value when
 * given to {@link Cluster#setupPrimary(ClusterSettings)}, as a missing property does in Node.
 *
 * <p>Node's defaults, filled in by the first {@code setupPrimary} (or {@code fork}): {@code exec} the
 * primary's own main class (Node: {@code process.argv[1]}, the running script), {@code args} the
 * primary's arguments ({@code process.argv.slice(2)}), {@code execArgv} empty (Node:
 * {@code process.execArgv}; a JVM's own options are not passed on, give them here), {@code silent}
 * false. {@code cwd}, {@code serialization}, {@code stdio}, {@code uid}, {@code gid},
 * {@code windowsHide} and {@code inspectPort} have none (the worker inherits the primary's directory,
 * stdio as {@code silent} says, and its ids; debugger ports as {@link #inspectPort(int)} says). As in
 * Node they are kept as given and checked by {@code fork} (fork's errors, thrown by
 * {@link Cluster#fork()}).
 */
public final class ClusterSettings {
    private static final ClusterSettings EMPTY = new ClusterSettings();

    // Final in spirit: only a copy that is not yet returned is ever changed (see set).
    private String exec;
    private List<String> args;
    private List<String> execArgv;
    private Boolean silent;
    private String cwd;
    private String serialization;
    /** A {@code List} of entries, a {@code String} or an {@code Integer}, as given (checked by fork, as in Node). */
    private Object stdio;
    private Integer uid;
    private Integer gid;
    private Boolean windowsHide;
    /** An {@code Integer} or an {@code IntSupplier}, as given (checked by fork, as in Node). */
    private Object inspectPort;
    /** The keys other than Node's four defaults, in the order they were first set (Node's object keeps it). */
    private List<String> order = List.of();

    private ClusterSettings() {
    }

    private ClusterSettings copy() {
        ClusterSettings c = new ClusterSettings();
        c.exec = exec;
        c.args = args;
        c.execArgv = execArgv;
        c.silent = silent;
        c.cwd = cwd;
        c.serialization = serialization;
        c.stdio = stdio;
        c.uid = uid;
        c.gid = gid;
        c.windowsHide = windowsHide;
        c.inspectPort = inspectPort;
        c.order = order;
        return c;
    }

    /** Nothing set: {@code {}}, what {@code cluster.settings} is before the first setup. */
    public static ClusterSettings of() {
        return EMPTY;
    }

    /** A copy changed by {@code change}; {@code key}, when not null, joins the order if new. */
    private ClusterSettings set(String key, java.util.function.Consumer<ClusterSettings> change) {
        ClusterSettings c = copy();
        change.accept(c);
        if (key != null) {
            c.order = append(order, List.of(key));
        }
        return c;
    }

    private static List<String> append(List<String> order, List<String> keys) {
        List<String> o = new ArrayList<>(order);
        for (String k : keys) {
            if (!o.contains(k)) {
                o.add(k);
            }
        }
        return List.copyOf(o);
    }

    /** {@code exec}: the worker's main class. */
    public ClusterSettings exec(Class<?> mainClass) {
        if (mainClass == null) {
            throw Errors.invalidArgType("settings.exec", "string", null);
        }
        return exec(mainClass.getName());
    }

    /** {@code exec}: the worker's main class, by name. */
    public ClusterSettings exec(String mainClass) {
        if (mainClass == null) {
            throw Errors.invalidArgType("settings.exec", "string", null);
        }
        return set(null, c -> c.exec = mainClass);
    }

    /** {@code args}: the arguments of the worker's main. */
    public ClusterSettings args(List<String> value) {
        List<String> v = copy("settings.args", value);
        return set(null, c -> c.args = v);
    }

    /** {@code execArgv}: JVM options of the worker (Node: options of the node executable). */
    public ClusterSettings execArgv(List<String> value) {
        List<String> v = copy("settings.execArgv", value);
        return set(null, c -> c.execArgv = v);
    }

    /** {@code silent}: whether the worker's output is kept from ours (see fork's {@code silent}). */
    public ClusterSettings silent(boolean value) {
        return set(null, c -> c.silent = value);
    }

    /** {@code cwd}: the worker's working directory. */
    public ClusterSettings cwd(String dir) {
        return set(dir == null ? null : "cwd", c -> c.cwd = dir);
    }

    /**
     * {@code serialization}: {@code json} or {@code advanced} (see fork's {@code serialization}: user
     * messages between the primary and its workers then keep Maps, Sets, BigInts, Dates, Buffers and
     * cycles). As in Node, any other value is refused by the first {@code fork}, with
     * {@code ERR_INVALID_ARG_VALUE}.
     */
    public ClusterSettings serialization(String mode) {
        return set(mode == null ? null : "serialization", c -> c.serialization = mode);
    }

    /**
     * {@code stdio}: the workers' stdio entries, as fork's {@code stdio} array (one must be {@code 'ipc'}:
     * the cluster speaks over it); overrides {@code silent}. As in Node the value is kept as given and
     * checked by {@code fork}, which throws fork's errors ({@code ERR_CHILD_PROCESS_IPC_REQUIRED},
     * {@code ERR_IPC_ONE_PIPE}, {@code ERR_INVALID_ARG_VALUE}, …). The worker's pipes are
     * {@code worker.process().stdin()}/{@code stdout()}/{@code stderr()}/{@code stdio()}.
     */
    public ClusterSettings stdio(List<?> entries) {
        if (entries == null) {
            throw Errors.invalidArgType("settings.stdio", "Array", null);
        }
        Object copy = java.util.Collections.unmodifiableList(new ArrayList<>(entries));
        return set("stdio", c -> c.stdio = copy);
    }

    /**
     * {@code stdio} as a string ({@code 'pipe'}, {@code 'inherit'}, {@code 'ignore'}): fork's
     * {@code [mode, mode, mode, 'ipc']}; another string is refused by {@code fork} (node 20 does so).
     */
    public ClusterSettings stdio(String mode) {
        if (mode == null) {
            throw Errors.invalidArgType("settings.stdio", "Array", null);
        }
        return set("stdio", c -> c.stdio = mode);
    }

    /**
     * {@code stdio} as a number. node 20 keeps it in the settings and its {@code fork} ignores it (as it
     * ignores any {@code stdio} that is neither an array nor a string): {@code silent} decides the
     * workers' stdio. To hand a worker one of our descriptors, give it as an entry of the array form,
     * {@code stdio(List.of(0, "pipe", 2, "ipc"))}.
     */
    public ClusterSettings stdio(int fd) {
        return set("stdio", c -> c.stdio = fd);
    }

    /**
     * {@code uid}: the workers' user id, as fork's {@code uid} (needs root for another user; the workers'
     * class path must be readable by that user). {@code fork} throws node's {@code spawn EPERM} or
     * {@code spawn EINVAL} (-1).
     */
    public ClusterSettings uid(int id) {
        return set("uid", c -> c.uid = id);
    }

    /** {@code gid}: the workers' group id, as fork's {@code gid}. */
    public ClusterSettings gid(int id) {
        return set("gid", c -> c.gid = id);
    }

    /**
     * {@code windowsHide}: hide the workers' console windows on Windows. As in Node it is accepted on
     * every platform, kept in the settings, and has no effect elsewhere (a JVM forked here never opens
     * a window of its own).
     */
    public ClusterSettings windowsHide(boolean value) {
        return set("windowsHide", c -> c.windowsHide = value);
    }

    /**
     * {@code inspectPort}: the debugger port of the next workers. Node gives it to a worker whose
     * {@code execArgv} has an {@code --inspect} flag; a JVM worker's counterpart is a JDWP server agent,
     * {@code -agentlib:jdwp=transport=dt_socket,server=y,…} (or {@code -Xrunjdwp:…}), whose
     * {@code address} port is replaced by this one ({@link Cluster}, "Debugging workers"). Without
     * it each such worker gets the primary's debug port plus one more than the last such worker. As in
     * Node the value is kept as given and checked by {@code fork}, only for a worker with such an agent:
     * outside 0–65535 it throws {@code RangeError [ERR_SOCKET_BAD_PORT]}.
     */
    public ClusterSettings inspectPort(int port) {
        return set("inspectPort", c -> c.inspectPort = port);
    }

    /**
     * {@code inspectPort} as a function: called by each {@code fork} of a worker with a JDWP server
     * agent (and only then) for that worker's debugger port, checked as {@link #inspectPort(int)}.
     */
    public ClusterSettings inspectPort(IntSupplier port) {
        if (port == null) {
            throw Errors.invalidArgType("settings.inspectPort", List.of("number", "function"), null);
        }
        return set("inspectPort", c -> c.inspectPort = port);
    }

    /** The main class, or null when unset. */
    public String exec() {
        return exec;
    }

    /** The arguments, or null when unset. */
    public List<String> args() {
        return args;
    }

    /** The JVM options, or null when unset. */
    public List<String> execArgv() {
        return execArgv;
    }

    /** {@code silent}, or null when unset. */
    public Boolean silent() {
        return silent;
    }

    /** The working directory, or null when unset. */
    public String cwd() {
        return cwd;
    }

    /** The serialization, or null when unset. */
    public String serialization() {
        return serialization;
    }

    /** {@code stdio}: a {@code List}, a {@code String} or an {@code Integer} as given, or null when unset. */
    public Object stdio() {
        return stdio;
    }

    /** {@code uid}, or null when unset. */
    public Integer uid() {
        return uid;
    }

    /** {@code gid}, or null when unset. */
    public Integer gid() {
        return gid;
    }

    /** {@code windowsHide}, or null when unset. */
    public Boolean windowsHide() {
        return windowsHide;
    }

    /** {@code inspectPort}: an {@code Integer}, an {@code IntSupplier}, or null when unset. */
    public Object inspectPort() {
        return inspectPort;
    }

    /** {@code over} with every field this value sets replacing its own (new keys after the old ones, as Node's merge). */
    ClusterSettings over(ClusterSettings base) {
        ClusterSettings c = base.copy();
        c.exec = exec != null ? exec : base.exec;
        c.args = args != null ? args : base.args;
        c.execArgv = execArgv != null ? execArgv : base.execArgv;
        c.silent = silent != null ? silent : base.silent;
        c.cwd = cwd != null ? cwd : base.cwd;
        c.serialization = serialization != null ? serialization : base.serialization;
        c.stdio = stdio != null ? stdio : base.stdio;
        c.uid = uid != null ? uid : base.uid;
        c.gid = gid != null ? gid : base.gid;
        c.windowsHide = windowsHide != null ? windowsHide : base.windowsHide;
        c.inspectPort = inspectPort != null ? inspectPort : base.inspectPort;
        c.order = append(base.order, order);
        return c;
    }

    /** These settings without {@code inspectPort}: Node's {@code setupPrimary({inspectPort: undefined})}. */
    ClusterSettings withoutInspectPort() {
        ClusterSettings c = copy();
        c.inspectPort = null;
        return c;
    }

    /**
     * The settings as Node's object, in Node's key order ({@code args, exec, execArgv, silent}, then the
     * others that are set — {@code cwd}, {@code serialization}, {@code stdio}, {@code uid}, {@code gid},
     * {@code windowsHide}, {@code inspectPort} — in the order they were first given): what
     * {@code JSON.stringify(cluster.settings)} shows, so an {@code inspectPort} function is left out.
     */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        putIfSet(m, "args", args);
        putIfSet(m, "exec", exec);
        putIfSet(m, "execArgv", execArgv);
        putIfSet(m, "silent", silent);
        for (String k : order) {
            putIfSet(m, k, switch (k) {
                case "cwd" -> cwd;
                case "serialization" -> serialization;
                case "stdio" -> stdio;
                case "uid" -> uid;
                case "gid" -> gid;
                case "windowsHide" -> windowsHide;
                // a function is left out, as JSON.stringify leaves it out
                default -> inspectPort instanceof Integer ? inspectPort : null;
            });
        }
        return m;
    }

    private static void putIfSet(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }

    private static List<String> copy(String name, List<String> value) {
        if (value == null) {
            throw Errors.invalidArgType(name, "Array", null);
        }
        for (Object s : value) {
            if (!(s instanceof String)) {
                throw Errors.invalidArgType(name, "Array", value);
            }
        }
        return List.copyOf(value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClusterSettings s && toMap().equals(s.toMap())
                && java.util.Objects.equals(inspectPort, s.inspectPort);
    }

    @Override
    public int hashCode() {
        return toMap().hashCode();
    }

    @Override
    public String toString() {
        return toMap().toString();
    }
}
