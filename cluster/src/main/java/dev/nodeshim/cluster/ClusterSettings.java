package dev.nodeshim.cluster;

import dev.nodeshim.errors.Errors;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code cluster.settings} and the argument of {@code cluster.setupPrimary(settings)}: an immutable
 * value, each wither returns a copy. A field left unset ({@code null}) keeps its current value when
 * given to {@link Cluster#setupPrimary(ClusterSettings)}, as a missing property does in Node.
 *
 * <p>Node's defaults, filled in by the first {@code setupPrimary} (or {@code fork}): {@code exec} the
 * primary's own main class (Node: {@code process.argv[1]}, the running script), {@code args} the
 * primary's arguments ({@code process.argv.slice(2)}), {@code execArgv} empty (Node:
 * {@code process.execArgv}; a JVM's own options are not passed on, give them here), {@code silent}
 * false. {@code cwd}, {@code serialization}, {@code stdio}, {@code uid} and {@code gid} have none (the
 * worker inherits the primary's directory, stdio as {@code silent} says, and its ids). As in Node they
 * are kept as given and checked by {@code fork} (fork's errors, thrown by {@link Cluster#fork()}).
 */
public final class ClusterSettings {
    private static final ClusterSettings EMPTY = new ClusterSettings(null, null, null, null, null, null, null, null,
            null, List.of());

    private final String exec;
    private final List<String> args;
    private final List<String> execArgv;
    private final Boolean silent;
    private final String cwd;
    private final String serialization;
    /** A {@code List} of entries or a {@code String}, as given (checked by fork, as in Node). */
    private final Object stdio;
    private final Integer uid;
    private final Integer gid;
    /** The keys other than Node's four defaults, in the order they were first set (Node's object keeps it). */
    private final List<String> order;

    private ClusterSettings(String exec, List<String> args, List<String> execArgv, Boolean silent, String cwd,
            String serialization, Object stdio, Integer uid, Integer gid, List<String> order) {
        this.exec = exec;
        this.args = args;
        this.execArgv = execArgv;
        this.silent = silent;
        this.cwd = cwd;
        this.serialization = serialization;
        this.stdio = stdio;
        this.uid = uid;
        this.gid = gid;
        this.order = order;
    }

    /** Nothing set: {@code {}}, what {@code cluster.settings} is before the first setup. */
    public static ClusterSettings of() {
        return EMPTY;
    }

    /** A copy with these values; {@code key}, when not null, joins the order if new. */
    private ClusterSettings with(String key, String exec, List<String> args, List<String> execArgv, Boolean silent,
            String cwd, String serialization, Object stdio, Integer uid, Integer gid) {
        return new ClusterSettings(exec, args, execArgv, silent, cwd, serialization, stdio, uid, gid,
                key == null || order.contains(key) ? order : append(order, List.of(key)));
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
        return with(null, mainClass, args, execArgv, silent, cwd, serialization, stdio, uid, gid);
    }

    /** {@code args}: the arguments of the worker's main. */
    public ClusterSettings args(List<String> value) {
        return with(null, exec, copy("settings.args", value), execArgv, silent, cwd, serialization, stdio, uid, gid);
    }

    /** {@code execArgv}: JVM options of the worker (Node: options of the node executable). */
    public ClusterSettings execArgv(List<String> value) {
        return with(null, exec, args, copy("settings.execArgv", value), silent, cwd, serialization, stdio, uid, gid);
    }

    /** {@code silent}: whether the worker's output is kept from ours (see fork's {@code silent}). */
    public ClusterSettings silent(boolean value) {
        return with(null, exec, args, execArgv, value, cwd, serialization, stdio, uid, gid);
    }

    /** {@code cwd}: the worker's working directory. */
    public ClusterSettings cwd(String dir) {
        return with(dir == null ? null : "cwd", exec, args, execArgv, silent, dir, serialization, stdio, uid, gid);
    }

    /**
     * {@code serialization}: {@code json} or {@code advanced} (see fork's {@code serialization}: user
     * messages between the primary and its workers then keep Maps, Sets, BigInts, Dates, Buffers and
     * cycles). As in Node, any other value is refused by the first {@code fork}, with
     * {@code ERR_INVALID_ARG_VALUE}.
     */
    public ClusterSettings serialization(String mode) {
        return with(mode == null ? null : "serialization", exec, args, execArgv, silent, cwd, mode, stdio, uid, gid);
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
        return with("stdio", exec, args, execArgv, silent, cwd, serialization, copy, uid, gid);
    }

    /**
     * {@code stdio} as a string ({@code 'pipe'}, {@code 'inherit'}, {@code 'ignore'}): fork's
     * {@code [mode, mode, mode, 'ipc']}; another string is refused by {@code fork} (node 20 does so).
     */
    public ClusterSettings stdio(String mode) {
        if (mode == null) {
            throw Errors.invalidArgType("settings.stdio", "Array", null);
        }
        return with("stdio", exec, args, execArgv, silent, cwd, serialization, mode, uid, gid);
    }

    /**
     * {@code uid}: the workers' user id, as fork's {@code uid} (needs root for another user; the workers'
     * class path must be readable by that user). {@code fork} throws node's {@code spawn EPERM} or
     * {@code spawn EINVAL} (-1).
     */
    public ClusterSettings uid(int id) {
        return with("uid", exec, args, execArgv, silent, cwd, serialization, stdio, id, gid);
    }

    /** {@code gid}: the workers' group id, as fork's {@code gid}. */
    public ClusterSettings gid(int id) {
        return with("gid", exec, args, execArgv, silent, cwd, serialization, stdio, uid, id);
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

    /** {@code stdio}: a {@code List} or a {@code String} as given, or null when unset. */
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

    /** {@code over} with every field this value sets replacing its own (new keys after the old ones, as Node's merge). */
    ClusterSettings over(ClusterSettings base) {
        return new ClusterSettings(exec != null ? exec : base.exec, args != null ? args : base.args,
                execArgv != null ? execArgv : base.execArgv, silent != null ? silent : base.silent,
                cwd != null ? cwd : base.cwd, serialization != null ? serialization : base.serialization,
                stdio != null ? stdio : base.stdio, uid != null ? uid : base.uid, gid != null ? gid : base.gid,
                append(base.order, order));
    }

    /**
     * The settings as Node's object, in Node's key order ({@code args, exec, execArgv, silent}, then the
     * others that are set — {@code cwd}, {@code serialization}, {@code stdio}, {@code uid}, {@code gid} —
     * in the order they were first given): what {@code JSON.stringify(cluster.settings)} shows.
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
                default -> gid;
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
        return o instanceof ClusterSettings s && toMap().equals(s.toMap());
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
