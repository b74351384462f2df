package dev.nodeshim.cluster;

import dev.nodeshim.errors.Errors;
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
 * false. {@code cwd} has no default (the worker inherits the primary's).
 */
public final class ClusterSettings {
    private static final ClusterSettings EMPTY = new ClusterSettings(null, null, null, null, null, null);

    private final String exec;
    private final List<String> args;
    private final List<String> execArgv;
    private final Boolean silent;
    private final String cwd;
    private final String serialization;

    private ClusterSettings(String exec, List<String> args, List<String> execArgv, Boolean silent, String cwd,
            String serialization) {
        this.exec = exec;
        this.args = args;
        this.execArgv = execArgv;
        this.silent = silent;
        this.cwd = cwd;
        this.serialization = serialization;
    }

    /** Nothing set: {@code {}}, what {@code cluster.settings} is before the first setup. */
    public static ClusterSettings of() {
        return EMPTY;
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
        return new ClusterSettings(mainClass, args, execArgv, silent, cwd, serialization);
    }

    /** {@code args}: the arguments of the worker's main. */
    public ClusterSettings args(List<String> value) {
        return new ClusterSettings(exec, copy("settings.args", value), execArgv, silent, cwd, serialization);
    }

    /** {@code execArgv}: JVM options of the worker (Node: options of the node executable). */
    public ClusterSettings execArgv(List<String> value) {
        return new ClusterSettings(exec, args, copy("settings.execArgv", value), silent, cwd, serialization);
    }

    /** {@code silent}: whether the worker's output is kept from ours (see fork's {@code silent}). */
    public ClusterSettings silent(boolean value) {
        return new ClusterSettings(exec, args, execArgv, value, cwd, serialization);
    }

    /** {@code cwd}: the worker's working directory. */
    public ClusterSettings cwd(String dir) {
        return new ClusterSettings(exec, args, execArgv, silent, dir, serialization);
    }

    /**
     * {@code serialization}: {@code json} or {@code advanced} (see fork's {@code serialization}: user
     * messages between the primary and its workers then keep Maps, Sets, BigInts, Dates, Buffers and
     * cycles). As in Node, any other value is refused by the first {@code fork}, with
     * {@code ERR_INVALID_ARG_VALUE}.
     */
    public ClusterSettings serialization(String mode) {
        return new ClusterSettings(exec, args, execArgv, silent, cwd, mode);
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

    /** {@code over} with every field this value sets replacing its own. */
    ClusterSettings over(ClusterSettings base) {
        return new ClusterSettings(exec != null ? exec : base.exec, args != null ? args : base.args,
                execArgv != null ? execArgv : base.execArgv, silent != null ? silent : base.silent,
                cwd != null ? cwd : base.cwd, serialization != null ? serialization : base.serialization);
    }

    /**
     * The settings as Node's object, in Node's key order ({@code args, exec, execArgv, silent}, then
     * {@code cwd} and {@code serialization} when set): what {@code JSON.stringify(cluster.settings)}
     * shows.
     */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        putIfSet(m, "args", args);
        putIfSet(m, "exec", exec);
        putIfSet(m, "execArgv", execArgv);
        putIfSet(m, "silent", silent);
        putIfSet(m, "cwd", cwd);
        putIfSet(m, "serialization", serialization);
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
