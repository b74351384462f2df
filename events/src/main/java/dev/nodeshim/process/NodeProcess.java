package dev.nodeshim.process;

import dev.nodeshim.errors.Errors;
import dev.nodeshim.errors.NodeError;
import dev.nodeshim.events.EventEmitter;
import dev.nodeshim.events.Listener1;
import dev.nodeshim.events.Listener2;
import dev.nodeshim.loop.EventLoop;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * Node's {@code process} object: an {@link EventEmitter} with the process's properties as methods.
 * <pre>{@code
 * import static dev.nodeshim.process.NodeProcess.process;
 *
 * process.on("exit", (Integer code) -> System.err.println("exiting with " + code));
 * }</pre>
 *
 * <h2>Events</h2>
 * <ul>
 *   <li>{@code 'beforeExit' (code)} and {@code 'exit' (code)}: fired by {@link EventLoop#run} when its
 *       loop runs out of work (and 'exit' by {@link #exit}); not by the default loop.</li>
 *   <li>{@code 'warning' (err)}: on the tick after {@link #emitWarning}.</li>
 *   <li>{@code 'uncaughtException' (err, origin)} and {@code 'uncaughtExceptionMonitor'}: an exception
 *       thrown by a loop callback (see {@link EventLoop}).</li>
 *   <li>{@code 'message' (value)} and {@code 'disconnect'}: in a JVM started by the childprocess
 *       module's {@code fork}, emitted by the attached {@link ProcessChannel}.</li>
 *   <li>{@code 'SIGINT'}, {@code 'SIGTERM'}, {@code 'SIGHUP'}, … {@code (name, number)}: the OS signal
 *       arrived. While a signal has listeners its default action (the JVM exiting) does not happen;
 *       the listeners run on the loop where one was last added, and do not keep that loop alive.
 *       {@code 'SIGKILL'}/{@code 'SIGSTOP'} listeners throw Node's {@code Error: uv_signal_start EINVAL};
 *       the signals the JVM keeps for itself ({@code SIGQUIT}, {@code SIGSEGV}, {@code SIGFPE},
 *       {@code SIGILL}) throw {@link UnsupportedOperationException}. A JVM started with SIGHUP, SIGINT
 *       or SIGTERM ignored (under {@code nohup}, or SIGINT in a background shell job) keeps ignoring
 *       it, where node would still deliver it.</li>
 * </ul>
 *
 * <h2>Java differences</h2>
 * There is one {@code process} per JVM: its listeners and {@link #exitCode()} are shared by every loop,
 * and, like any emitter, it is not thread-safe (add listeners before starting loops on other threads).
 * {@link #argv()} is {@code [java executable, main class or jar, ...args]}. Node's
 * {@code --no-warnings} is the system property {@code nodeshim.noWarnings=true} (or the environment
 * variable {@code NODE_NO_WARNINGS=1}), {@code --no-deprecation} / {@code --throw-deprecation} /
 * {@code --trace-warnings} are {@code nodeshim.noDeprecation}, {@code nodeshim.throwDeprecation},
 * {@code nodeshim.traceWarnings}; all are read once, when this class loads.
 */
public final class NodeProcess extends EventEmitter {
    /** The process. */
    public static final NodeProcess process = new NodeProcess();

    private static final long NANO_ORIGIN = System.nanoTime();
    private static final BigInteger BILLION = BigInteger.valueOf(1_000_000_000L);

    /** Replaced by tests; {@link #exit} ends the JVM through it. */
    static IntConsumer exitHook = System::exit;

    private final boolean noDeprecation = flag("nodeshim.noDeprecation");
    private final boolean throwDeprecation = flag("nodeshim.throwDeprecation");
    private final boolean traceWarnings = flag("nodeshim.traceWarnings");
    private boolean traceHintShown;

    private volatile Integer exitCode;
    private volatile boolean exiting;
    private List<String> argv;
    private Map<String, String> env;
    private ProcessChannel channel;

    private NodeProcess() {
        boolean noWarnings = flag("nodeshim.noWarnings") || "1".equals(System.getenv("NODE_NO_WARNINGS"));
        if (!noWarnings) {
            // Node installs its stderr writer as an ordinary 'warning' listener; so does this.
            on("warning", (Listener1<Throwable>) this::writeWarning);
        }
        // Node watches a signal while its event has listeners, through these two hooks.
        SignalWatcher signals = new SignalWatcher(this);
        on("newListener", (Listener2<Object, Object>) (event, listener) -> {
            if (SignalWatcher.isSignal(event)) {
                signals.adding((String) event);
            }
        });
        on("removeListener", (Listener2<Object, Object>) (event, listener) -> {
            if (SignalWatcher.isSignal(event)) {
                signals.removed((String) event);
            }
        });
    }

    private static boolean flag(String name) {
        return Boolean.parseBoolean(System.getProperty(name));
    }

    // ------------------------------------------------------------------------------------------------
    // Properties

    /**
     * {@code process.argv}: {@code [java executable, main class or jar, ...args]}. The arguments come
     * from {@link EventLoop#run(String[], Runnable)} or {@link #setArgs}; otherwise they are read from
     * the JVM's command line ({@code sun.java.command}, split on spaces). The list is mutable, as
     * Node's array is.
     */
    public synchronized List<String> argv() {
        if (argv == null) {
            String command = System.getProperty("sun.java.command", "");
            List<String> parts = command.isBlank() ? List.of() : Arrays.asList(command.trim().split(" +"));
            argv = new ArrayList<>();
            argv.add(execPath());
            argv.add(parts.isEmpty() ? "" : parts.get(0));
            if (parts.size() > 1) {
                argv.addAll(parts.subList(1, parts.size()));
            }
        }
        return argv;
    }

    /** Sets {@link #argv()} to {@code [execPath, main class or jar, ...args]}. */
    public synchronized void setArgs(List<String> args) {
        List<String> head = argv().subList(0, 2);
        List<String> next = new ArrayList<>(head);
        next.addAll(args);
        argv = next;
    }

    /** {@code process.execPath}: the java executable running this JVM. */
    public String execPath() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** {@code process.env}: a mutable copy of the environment, made on first use. */
    public synchronized Map<String, String> env() {
        if (env == null) {
            env = new HashMap<>(System.getenv());
        }
        return env;
    }

    /** {@code process.pid}. */
    public long pid() {
        return ProcessHandle.current().pid();
    }

    /** {@code process.ppid}: the parent's pid, or 0 when it is unknown. */
    public long ppid() {
        return ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(0L);
    }

    /** {@code process.platform}: {@code linux}, {@code darwin}, {@code win32}, {@code freebsd}, … */
    public String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.startsWith("linux")) {
            return "linux";
        }
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            return "darwin";
        }
        if (os.startsWith("windows")) {
            return "win32";
        }
        if (os.startsWith("sunos") || os.startsWith("solaris")) {
            return "sunos";
        }
        return os.replace(" ", "");
    }

    /** {@code process.arch}: {@code x64}, {@code arm64}, {@code ia32}, {@code arm}, … */
    public String arch() {
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        switch (arch) {
            case "amd64", "x86_64" -> {
                return "x64";
            }
            case "aarch64", "arm64" -> {
                return "arm64";
            }
            case "x86", "i386", "i486", "i586", "i686" -> {
                return "ia32";
            }
            case "ppc64le" -> {
                return "ppc64";
            }
            default -> {
                return arch.startsWith("arm") ? "arm" : arch;
            }
        }
    }

    /** {@code process.cwd()}: the JVM's working directory ({@code user.dir}). */
    public String cwd() {
        return System.getProperty("user.dir");
    }

    /** {@code process.uptime()}: seconds since the JVM started, with sub-millisecond precision. */
    public double uptime() {
        return nanosSinceStart() / 1e9;
    }

    /** {@code process.hrtime()}: {@code [seconds, nanoseconds]} of a monotonic clock. */
    public long[] hrtime() {
        long t = nanosSinceStart();
        return new long[] {t / 1_000_000_000L, t % 1_000_000_000L};
    }

    /**
     * {@code process.hrtime(prev)}: the time since {@code prev}, an earlier {@link #hrtime()}.
     *
     * @throws NodeError {@code ERR_INVALID_ARG_TYPE} for null, {@code ERR_OUT_OF_RANGE} unless
     *                   {@code prev} has 2 elements
     */
    public long[] hrtime(long[] prev) {
        long[] now = hrtime();
        if (prev == null) {
            throw Errors.invalidArgType("time", "Array", null);
        }
        if (prev.length != 2) {
            throw Errors.outOfRange("time", "2", prev.length);
        }
        long sec = now[0] - prev[0];
        long nsec = now[1] - prev[1];
        if (nsec < 0) {
            sec--;
            nsec += 1_000_000_000L;
        }
        return new long[] {sec, nsec};
    }

    /** {@code process.hrtime.bigint()}: nanoseconds of the same clock as {@link #hrtime()}. */
    public BigInteger hrtimeBigint() {
        long[] t = hrtime();
        return BigInteger.valueOf(t[0]).multiply(BILLION).add(BigInteger.valueOf(t[1]));
    }

    private static long nanosSinceStart() {
        return System.nanoTime() - NANO_ORIGIN + StartOffset.NANOS;
    }

    /**
     * JVM uptime when this class loaded, so uptime() and hrtime() count from the JVM's start: read on
     * first use (java.lang.management costs a forked child about 15 ms of its start).
     */
    private static final class StartOffset {
        static final long NANOS = offset(jvmUptimeNanos());

        private static long offset(long uptime) {
            return uptime == 0 ? 0 : uptime - (System.nanoTime() - NANO_ORIGIN);
        }
    }

    private static long jvmUptimeNanos() {
        try {
            return ManagementFactory.getRuntimeMXBean().getUptime() * 1_000_000L;
        } catch (RuntimeException | LinkageError e) {
            return 0;
        }
    }

    /**
     * {@code process.memoryUsage()} in bytes. {@code rss} is the resident set size (from /proc on
     * Linux, else the committed heap and non-heap); {@code heapTotal}/{@code heapUsed} are the Java
     * heap's committed and used sizes; {@code external} is direct and mapped buffer memory and
     * {@code arrayBuffers} its direct part.
     */
    public MemoryUsage memoryUsage() {
        Runtime rt = Runtime.getRuntime();
        long heapTotal = rt.totalMemory();
        long heapUsed = heapTotal - rt.freeMemory();
        long direct = 0;
        long external = 0;
        for (BufferPoolMXBean pool : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
            long used = Math.max(0, pool.getMemoryUsed());
            external += used;
            if ("direct".equals(pool.getName())) {
                direct += used;
            }
        }
        return new MemoryUsage(rss(heapTotal), heapTotal, heapUsed, external, direct);
    }

    /** What {@link #memoryUsage()} returns (Node's object's properties, in bytes). */
    public record MemoryUsage(long rss, long heapTotal, long heapUsed, long external, long arrayBuffers) {
    }

    private static long rss(long heapTotal) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    String kb = line.substring(6).trim().split("\\s+")[0];
                    return Long.parseLong(kb) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: estimate below
        }
        return heapTotal + ManagementFactory.getMemoryMXBean().getNonHeapMemoryUsage().getCommitted();
    }

    // ------------------------------------------------------------------------------------------------
    // Exit

    /** {@code process.exitCode}: null when unset (Node's {@code undefined}). */
    public Integer exitCode() {
        return exitCode;
    }

    /** Sets {@code process.exitCode}; null unsets it. Returns this. */
    public NodeProcess exitCode(Integer code) {
        exitCode = code;
        return this;
    }

    /** {@code process.exit()}: {@link #exit(Integer)} with {@link #exitCode()}. */
    public void exit() {
        exit(null);
    }

    /**
     * {@code process.exit(code)}: sets {@link #exitCode()} when {@code code} is not null, fires
     * {@code 'exit'} synchronously (unless it is already firing) and ends the JVM with
     * {@code System.exit}. Pending callbacks never run.
     */
    public void exit(Integer code) {
        if (code != null) {
            exitCode = code;
        }
        if (!exiting) {
            emitExit(e -> {
                e.printStackTrace(System.err);
                // Node exits with process.exitCode when a listener throws, 1 only when it is unset.
                if (exitCode == null) {
                    exitCode = 1;
                }
            });
        }
        exitHook.accept(exitCodeOrZero());
    }

    /**
     * Fires {@code 'exit'} with {@link #exitCode()} (0 when unset) and returns the exit code the
     * listeners leave ({@code process.exitCode} may be changed in an 'exit' listener). Used by
     * {@link EventLoop#run} when its loop is done; an exception thrown by a listener stops the
     * emission and goes to {@code onError}.
     */
    public int emitExit(Consumer<Throwable> onError) {
        exiting = true;
        try {
            emit("exit", exitCodeOrZero());
        } catch (Throwable e) {
            onError.accept(e);
        } finally {
            exiting = false;
        }
        return exitCodeOrZero();
    }

    /** Node's {@code process._exiting}: whether 'exit' is being emitted. */
    public boolean exiting() {
        return exiting;
    }

    private int exitCodeOrZero() {
        Integer code = exitCode;
        return code == null ? 0 : code;
    }

    // ------------------------------------------------------------------------------------------------
    // IPC channel (a process started by fork)

    /**
     * Attaches the IPC channel to the parent; done once, by the launcher of a forked JVM (the
     * childprocess module), before the program's main runs.
     *
     * @throws IllegalStateException when a channel is already attached
     */
    public synchronized void attachChannel(ProcessChannel c) {
        if (c == null) {
            throw Errors.invalidArgType("channel", "object", null);
        }
        if (channel != null) {
            throw new IllegalStateException("an IPC channel is already attached");
        }
        channel = c;
    }

    /** Removes the channel (tests only). */
    synchronized void detachChannel() {
        channel = null;
    }

    /** {@code process.channel}: the IPC channel to the parent, or null when not started by fork. */
    public synchronized ProcessChannel channel() {
        return channel;
    }

    /**
     * {@code process.connected}: whether the IPC channel is open; false when there is none (Node's
     * {@code undefined}).
     */
    public boolean connected() {
        ProcessChannel c = channel();
        return c != null && c.connected();
    }

    /** {@code process.send(message)}: see {@link #send(Object, Consumer)}. */
    public boolean send(Object message) {
        return send(message, null);
    }

    /**
     * {@code process.send(message, callback)}: sends a message to the parent (serialized as
     * {@code JSON.stringify} does). Once the channel is closed it returns false and the callback gets
     * {@code Error [ERR_IPC_CHANNEL_CLOSED]: Channel closed} (without a callback, {@code 'error'} is
     * emitted on process), as in Node.
     *
     * @throws NodeError a {@code TypeError} {@code process.send is not a function} when this process
     *                   has no channel (Node's process.send is then undefined)
     */
    public boolean send(Object message, Consumer<Throwable> callback) {
        return requireChannel("send").send(message, callback);
    }

    /**
     * {@code process.disconnect()}: closes the channel to the parent; {@code 'disconnect'} follows on
     * the next tick. Called again, emits {@code 'error'} {@code ERR_IPC_DISCONNECTED}, as Node does.
     *
     * @throws NodeError {@code process.disconnect is not a function} when there is no channel
     */
    public void disconnect() {
        requireChannel("disconnect").disconnect();
    }

    private ProcessChannel requireChannel(String method) {
        ProcessChannel c = channel();
        if (c == null) {
            // What calling an undefined property of process throws in Node.
            throw new NodeError("TypeError", null, "process." + method + " is not a function");
        }
        return c;
    }

    // ------------------------------------------------------------------------------------------------
    // Ticks and warnings

    /** {@code process.nextTick(cb)} on {@link EventLoop#current()}. */
    public void nextTick(Runnable cb) {
        EventLoop.current().nextTick(cb);
    }

    /** {@code process.emitWarning(warning)}: a {@code Warning}. */
    public void emitWarning(String warning) {
        emitWarning(warning, null, null);
    }

    /** {@code process.emitWarning(warning, type)}. */
    public void emitWarning(String warning, String type) {
        emitWarning(warning, type, null);
    }

    /**
     * {@code process.emitWarning(warning, type, code)}: makes a {@link ProcessWarning} named
     * {@code type} ({@code Warning} when null) and emits it as {@code 'warning'} on the next tick;
     * the default listener writes {@code (node:PID) [code] Type: warning} to stderr.
     */
    public void emitWarning(String warning, String type, String code) {
        if (warning == null) {
            throw Errors.invalidArgType("warning", List.of("string", "Error"), null);
        }
        emitWarning((Throwable) new ProcessWarning(type, code, warning));
    }

    /**
     * {@code process.emitWarning(error)}: emits {@code warning} itself (a {@link NodeError} keeps its
     * name, e.g. {@code MaxListenersExceededWarning}). A {@code DeprecationWarning} is dropped under
     * {@code nodeshim.noDeprecation} and thrown on the next tick under {@code nodeshim.throwDeprecation}.
     */
    public void emitWarning(Throwable warning) {
        if (warning == null) {
            throw Errors.invalidArgType("warning", List.of("string", "Error"), null);
        }
        if (warning instanceof NodeError e && "DeprecationWarning".equals(e.name())) {
            if (noDeprecation) {
                return;
            }
            if (throwDeprecation) {
                nextTick(() -> {
                    throw e;
                });
                return;
            }
        }
        nextTick(() -> emit("warning", warning));
    }

    /**
     * {@code process.emitWarning(value)} for a value of any type: a string or a {@link Throwable} is
     * emitted; anything else is {@code ERR_INVALID_ARG_TYPE}
     * ({@code The "warning" argument must be of type string or an instance of Error. Received type number (5)}).
     */
    public void emitWarning(Object warning) {
        if (warning instanceof CharSequence s) {
            emitWarning(s.toString());
        } else if (warning instanceof Throwable t) {
            emitWarning(t);
        } else {
            throw Errors.invalidArgType("warning", List.of("string", "Error"), warning);
        }
    }

    /** The default 'warning' listener (Node's {@code onWarning}): one block on stderr per warning. */
    private void writeWarning(Throwable warning) {
        if (warning == null) {
            return;
        }
        boolean deprecation = warning instanceof NodeError e && "DeprecationWarning".equals(e.name());
        if (deprecation && noDeprecation) {
            return;
        }
        StringBuilder msg = new StringBuilder("(node:").append(pid()).append(") ");
        if (warning instanceof NodeError e && e.code() != null) {
            msg.append('[').append(e.code()).append("] ");
        }
        if (traceWarnings) {
            StringWriter trace = new StringWriter();
            warning.printStackTrace(new PrintWriter(trace));
            msg.append(trace.toString().stripTrailing());
        } else {
            msg.append(warning);
        }
        if (!traceWarnings && !traceHintShown) {
            msg.append("\n(Use `java -Dnodeshim.traceWarnings=true ...` to show where the warning was created)");
            traceHintShown = true;
        }
        System.err.println(msg);
        System.err.flush();
    }
}
