package dev.nodeshim.childprocess;

import dev.nodeshim.errors.NodeError;
import dev.nodeshim.events.EventEmitter;
import dev.nodeshim.loop.EventLoop;
import dev.nodeshim.loop.Ref;
import dev.nodeshim.process.ProcessChannel;
import dev.nodeshim.stream.Duplex;
import dev.nodeshim.stream.Readable;
import dev.nodeshim.stream.Writable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * A child started by {@code spawn}/{@code exec}/{@code execFile}: an {@link EventEmitter} with Node's
 * events, all emitted on the {@link EventLoop} that started it:
 * <ul>
 *   <li>{@code "spawn"} () — on the next tick after a successful start;</li>
 *   <li>{@code "exit"} (Integer code, String signal) — when the child ends (see {@link ExitStatus});</li>
 *   <li>{@code "close"} (Integer code, String signal) — after {@code exit} and after stdout and stderr
 *       reached their end (a grandchild holding the pipes delays {@code close}, not {@code exit});</li>
 *   <li>{@code "error"} (NodeError) — {@code spawn nope ENOENT} and the like, on the next tick, followed
 *       by {@code close} (-2, null) and no {@code exit}, as in Node.</li>
 * </ul>
 * The loop stays alive while the child lives (unless {@link #unref()}) or its pipes are open. Helper
 * threads (pooled, one per pipe read or stdin write) only do the blocking I/O and post completions
 * to the loop; they never touch this object.
 *
 * <h2>A child started by fork</h2>
 * It also has an IPC channel ({@link IpcChannel}): {@link #send}, {@link #connected()},
 * {@link #disconnect()}, {@link #channel()} and the events
 * <ul>
 *   <li>{@code "message"} (Object value) — a message from the child's {@code process.send}, as
 *       {@code JSON.parse} gives it (see {@link JsonMessages} for the Java types);</li>
 *   <li>{@code "disconnect"} () — the channel closed: on the next tick after {@link #disconnect()}, or
 *       when the child disconnected or ended.</li>
 * </ul>
 * Order, as node 20 (checked with the scripts in {@code src/test/resources/node}): when the child ends
 * while connected, {@code disconnect}, then {@code exit}, then {@code close} — {@code exit} waits for the
 * channel to report its end. After the parent's own {@link #disconnect()}, node 20 emits {@code exit}
 * but never {@code close} (nodejs/node#19433, open since 2018, still so on v22–v26); so does this class.
 * The channel keeps the loop alive until it closes; {@link #unref()} releases only the process, as in
 * Node — {@code channel().unref()} releases the channel.
 *
 * <p><b>stdio</b>: {@link #stdin()}, {@link #stdout()} and {@link #stderr()} are streams over pipes of
 * our own ({@link OsPipe}), with Node's backpressure ({@link ChildOutput}, {@link ChildInput}).
 * The {@code stdio} option chooses per fd, for any number of fds ({@link Stdio}): from fd 3 on a
 * {@code 'pipe'} is a {@link Duplex} in {@link #stdio()} ({@link PolledSocket}), and an {@code 'ipc'}
 * entry at any index gives a spawned child a channel as fork's, named in {@code NODE_CHANNEL_FD}.
 */
public final class ChildProcess extends EventEmitter {
    private final EventLoop loop;
    private final String spawnfile;
    private final List<String> spawnargs;
    private Child process;
    /** The process handle: held until exit; {@link #unref()}/{@link #ref()} toggle it. */
    private Ref ref;
    /** The pipes: held until every pipe reached its end. */
    private Ref pipesRef;
    private Integer exitCode;
    private String signalCode;
    private ExitStatus status;
    private boolean killed;
    private boolean exited;
    private boolean closed;
    private int openPipes;
    private Writable stdin;
    private Readable stdout;
    private Readable stderr;
    /** {@code child.stdio[3..]}: a Duplex per {@code 'pipe'} entry, else null. */
    private Duplex[] extra = new Duplex[0];
    /** {@code child.stdio.length}. */
    private int stdioSize = 3;
    private IpcChannel channel;
    /**
     * fork with its channel by path: the signals ForkMain takes over ({@link ForkMain#DIES_BY}) sent
     * before the child has connected, held until it has (null once it has, or for other children).
     */
    private List<Integer> held;
    /** The process ended while the channel was still open: 'exit' waits for 'disconnect'. */
    private boolean exitDeferred;
    /** node 20 never emits 'close' after the parent's own disconnect() (nodejs/node#19433). */
    private boolean closeSuppressed;

    private ChildProcess(EventLoop loop, String spawnfile, List<String> spawnargs) {
        this.loop = loop;
        this.spawnfile = spawnfile;
        this.spawnargs = List.copyOf(spawnargs);
    }

    /**
     * uid/gid: refused at once, as node's spawn throws {@code spawn EPERM}/{@code EINVAL} (a missing cwd
     * is reported first: the child changes directory before it changes ids); allowed ones go through
     * setpriv ({@link Credentials}, null when none are asked for).
     */
    private static Credentials credentials(ChildOptions o) {
        Credentials ids = Credentials.forOptions(o.uid, o.gid, o.cwd);
        int errno = ids == null ? 0 : ids.check(o.uid, o.gid);
        if (errno != 0) {
            throw ChildProcesses.spawnError(errno);
        }
        return ids;
    }

    /** Starts the child; must run on the loop's thread. */
    static ChildProcess start(String command, List<String> args, ChildOptions o) {
        List<String> argv = Launch.argv(command, args, o.shell);
        String file = argv.get(0);
        EventLoop loop = EventLoop.current();
        Credentials ids = credentials(o);
        ChildProcess child = new ChildProcess(loop, file, Launch.spawnargs(argv, o.argv0));
        Command cmd = Command.spawn(argv, o.argv0, o.cwd, o.env, o.detached, ids, o.uid, o.gid);
        // 'pipe' goes through pipes of our own, not the JDK's (see OsPipe: close must wait for grandchildren)
        Stdio stdio = Stdio.open(o.stdio);
        // an 'ipc' entry: a channel as fork's, over a socket pair (or, without the native library, by path)
        IpcChannel ch = stdio.ipcIndex() < 0 ? null : child.channelFor(stdio, cmd, o.serialization);
        child.launch(cmd, stdio, ch);
        return child;
    }

    /**
     * The channel of {@code stdio}'s {@code 'ipc'} entry, named in the child's environment as Node names
     * it: {@code NODE_CHANNEL_FD} (the entry's index) and {@code NODE_CHANNEL_SERIALIZATION_MODE}; by
     * path without the native library ({@link #listen}).
     */
    private IpcChannel channelFor(Stdio stdio, Command cmd, IpcSerialization serialization) {
        if (stdio.ipcByPath()) {
            return listen(cmd, serialization);
        }
        cmd.putEnv("NODE_CHANNEL_FD", Integer.toString(stdio.ipcIndex()));
        cmd.putEnv("NODE_CHANNEL_SERIALIZATION_MODE", serialization.name());
        return IpcChannel.adopt(this, this::onChannelClosed, stdio.ipcSocket(), true).serialization(serialization);
    }

    /** Opens the IPC channel's socket and names it in the child's environment. */
    private IpcChannel listen(Command cmd, IpcSerialization serialization) {
        IpcChannel ch;
        try {
            ch = IpcChannel.listen(this, this::onChannelClosed);
        } catch (IOException e) {
            throw new UncheckedIOException("could not create the IPC channel's socket", e);
        }
        cmd.putEnv(IpcChannel.ENV_PATH, ch.path());
        cmd.putEnv(IpcChannel.ENV_SERIALIZATION, serialization.name());
        return ch.serialization(serialization);
    }

    /** Starts the process; 'spawn' on the next tick, or the start error. {@code ch}: the channel, or null. */
    private void launch(Command cmd, Stdio stdio, IpcChannel ch) {
        try {
            process = Spawner.start(cmd, stdio);
        } catch (Spawner.StartException e) {
            if (ch != null) {
                ch.processExited();
            }
            throw e.error; // node 20 throws these (spawn EBADF) instead of emitting 'error'
        } catch (IOException e) {
            if (ch != null) {
                ch.processExited();
            }
            failStart(e);
            return;
        }
        ref = loop.ref();
        channel = ch;
        stdioSize = stdio.size();
        attachStdio(stdio);
        if (ch != null) {
            ch.bind(loop);
        }
        process.onExit(st -> {
            // On a thread of the module's: a channel still waiting for the child's connection stops
            // waiting, even when this loop has ended (after unref) and will never run onExit.
            if (ch != null) {
                ch.processExited();
            }
            loop.execute(() -> onExit(st));
        });
        loop.nextTick(() -> emit("spawn"));
    }

    /**
     * Starts a JVM running {@code mainClass} through {@link ForkMain}, with an IPC channel; must run on
     * the loop's thread.
     */
    static ChildProcess fork(String mainClass, List<String> args, ChildOptions o) {
        String java = o.execPath != null ? o.execPath
                : Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Credentials ids = credentials(o);
        // a child of another user can neither enter our channel directory nor read our archives
        boolean otherUser = ids != null && ids.effectiveUid(o.uid) != ids.effectiveUid(null);
        if (otherUser && !NativeSpawn.AVAILABLE) {
            throw new UnsupportedOperationException("fork with another uid needs nodeshim's native library: the"
                    + " channel must be handed to the child as a descriptor (without the library it goes by a path"
                    + " in a directory only our user may enter)");
        }
        List<String> spawnargs = new ArrayList<>();
        spawnargs.add(java);
        // ForkMain uses the native library (a SIGTERM ends the child by the signal): spare the child
        // JDK 24+'s warning about it
        spawnargs.add("--enable-native-access=ALL-UNNAMED");
        String classPath = absoluteClassPath();
        // the start path's classes from a shared archive, unless the user's options manage that (ClassDataArchive)
        spawnargs.addAll(ClassDataArchive.options(o.execPath == null && !otherUser, o.execArgv,
                o.env != null ? o.env : System.getenv(), classPath, mainClass));
        spawnargs.addAll(o.execArgv);
        spawnargs.addAll(List.of("-cp", classPath, ForkMain.class.getName(), mainClass));
        spawnargs.addAll(args);
        EventLoop loop = EventLoop.current();
        ChildProcess child = new ChildProcess(loop, java, spawnargs);
        Command cmd = Command.spawn(spawnargs, null, o.cwd, o.env, false, ids, o.uid, o.gid);
        // node: silent gives the child pipes for 0, 1, 2 (else it shares ours), or stdio says. The channel:
        // as the fourth entry (the default) a socket passed by path, which a child JVM takes faster than
        // a descriptor (that needs the native library loaded first: +4 to +10 ms to the first message,
        // measured); elsewhere, or with uid/gid (a path in our private directory is no use to another
        // user), a socket pair at its index (NODE_CHANNEL_FD)
        Stdio stdio = Stdio.open(o.forkStdio(), o.uid == null && o.gid == null);
        IpcChannel ch = child.channelFor(stdio, cmd, o.serialization);
        if (ch != null && ch.path() != null && NativeSpawn.AVAILABLE) {
            child.held = new ArrayList<>();
            ch.onConnected(child::releaseSignals);
        }
        child.launch(cmd, stdio, ch);
        return child;
    }

    /** {@code java.class.path} with every entry made absolute, so that {@code cwd} cannot break it. */
    private static String absoluteClassPath() {
        List<String> entries = new ArrayList<>();
        for (String e : System.getProperty("java.class.path", "").split(java.io.File.pathSeparator)) {
            // An empty entry is the working directory, as "." is.
            entries.add(Path.of(e.isEmpty() ? "." : e).toAbsolutePath().normalize().toString());
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    /** A failed start: 'error' then 'close' with the negative errno, on the next ticks (as Node). */
    private void failStart(IOException e) {
        var err = ChildProcesses.systemError(ChildProcesses.startErrno(e), "spawn " + spawnfile, spawnfile,
                spawnargs.subList(1, spawnargs.size()));
        ref = loop.ref();
        loop.nextTick(() -> {
            exitCode = err.prop("errno") instanceof Integer n ? n : -2;
            exited = true;
            closed = true;
            try {
                emit("error", err);
            } finally {
                loop.nextTick(() -> {
                    ref.close();
                    emit("close", exitCode, null);
                });
            }
        });
    }

    /** Takes the child's streams; the pipes hold the loop until both outputs have closed. */
    private void attachStdio(Stdio stdio) {
        pipesRef = loop.ref();
        stdin = stdio.stdin(loop);
        Readable out = stdio.output(loop, 1);
        Readable err = stdio.output(loop, 2);
        stdout = out == null ? null : output(out);
        stderr = err == null ? null : output(err);
        extra = new Duplex[stdio.size() - 3];
        for (int fd = 3; fd < stdio.size(); fd++) {
            Duplex d = stdio.extra(loop, fd);
            extra[fd - 3] = d == null ? null : (Duplex) output(d); // node 20: 'close' waits for these too
        }
        if (openPipes == 0) {
            pipesRef.close();
        }
    }

    /** Counts a piped output towards 'close'. */
    private Readable output(Readable r) {
        openPipes++;
        r.on("close", this::onPipeClosed);
        return r;
    }

    private static void flushUnused(Readable r) {
        if (r != null && r.listenerCount("data") == 0 && r.listenerCount("readable") == 0 && r.readableFlowing() == null) {
            r.resume();
        }
    }

    private void onExit(ExitStatus st) {
        status = st;
        if (stdin != null) {
            stdin.destroy(); // node 20 destroys the child's stdin when it exits
        }
        // ...and drains a stdout/stderr nobody has touched (observed: no listener, never read or
        // piped → its data is dropped, so 'close' can come)
        flushUnused(stdout);
        flushUnused(stderr);
        for (Duplex d : extra) {
            flushUnused(d);
        }
        if (channel != null) {
            if (!channel.closed()) {
                // node 20: 'disconnect' comes before 'exit' when the child ends connected.
                exitDeferred = true;
                return;
            }
        }
        emitExit();
    }

    private void emitExit() {
        exitCode = status.code();
        signalCode = status.signal();
        exited = true;
        try {
            emit("exit", exitCode, signalCode);
        } finally {
            ref.close();
            maybeClose();
        }
    }

    /** The channel emitted 'disconnect' (loop thread). */
    /** The child's JVM has installed ForkMain's handlers (it connects after): held signals go now. */
    private void releaseSignals() {
        List<Integer> h = held;
        held = null;
        if (h != null && !exited && process != null && process.alive()) {
            for (int n : h) {
                process.signal(n);
            }
        }
    }

    private void onChannelClosed() {
        releaseSignals();
        if (exitDeferred) {
            exitDeferred = false;
            emitExit();
        } else {
            maybeClose();
        }
    }

    private void onPipeClosed() {
        if (--openPipes == 0) {
            pipesRef.close();
        }
        maybeClose();
    }

    private void maybeClose() {
        if (exited && openPipes == 0 && (channel == null || channel.closed()) && !closed && !closeSuppressed) {
            closed = true;
            emit("close", exitCode, signalCode);
        }
    }

    // ------------------------------------------------------------------------------------------------
    // IPC (fork)

    /** {@code child.send(message)}: see {@link #send(Object, Consumer)}. */
    public boolean send(Object message) {
        return send(message, null);
    }

    /**
     * {@code child.send(message[, callback])}: queues {@code message} for the child's
     * {@code process.on("message")}, serialized as {@code JSON.stringify} does ({@link JsonMessages}).
     * Returns false when the channel is closed, or when more than 64 KiB are still waiting to be written
     * (Node: "the backlog … exceeds a threshold"; the message is sent all the same). {@code callback}
     * runs on the loop with {@code null} once the message is written, or with
     * {@code Error [ERR_IPC_CHANNEL_CLOSED]: Channel closed}; without a callback that error is emitted as
     * {@code 'error'}.
     *
     * @throws NodeError {@code TypeError: subprocess.send is not a function} for a child without a
     *         channel (Node's {@code send} is then undefined); {@code ERR_INVALID_ARG_TYPE} for a lambda
     *         (a function); {@code TypeError: Converting circular structure to JSON}
     */
    public boolean send(Object message, Consumer<Throwable> callback) {
        return requireChannel("send").send(message, callback);
    }

    /** {@code child.connected}: whether messages can still be sent and received. */
    public boolean connected() {
        return channel != null && channel.connected();
    }

    /**
     * {@code child.disconnect()}: closes the channel after what was already sent is written;
     * {@code 'disconnect'} follows on the next tick. Called again, emits {@code 'error'}
     * {@code ERR_IPC_DISCONNECTED} ({@code IPC channel is already disconnected}).
     */
    public void disconnect() {
        IpcChannel ch = requireChannel("disconnect");
        if (ch.connected()) {
            closeSuppressed = true; // node 20 never emits 'close' after this (nodejs/node#19433)
        }
        ch.disconnect();
    }

    /** {@code child.channel}: the IPC channel ({@code ref()}/{@code unref()}), or null without one. */
    public ProcessChannel channel() {
        return channel;
    }

    private IpcChannel requireChannel(String method) {
        if (channel == null) {
            throw new NodeError("TypeError", null, "subprocess." + method + " is not a function");
        }
        return channel;
    }

    /** {@code child.unref()}: the loop no longer waits for this child to end (pipes and channel still count). */
    public void unref() {
        if (ref != null && !exited) {
            ref.unref();
        }
    }

    /** {@code child.ref()}: undoes {@link #unref()}. */
    public void ref() {
        if (ref != null && !exited) {
            ref.ref();
        }
    }

    /** {@code child.kill()}: SIGTERM. */
    public boolean kill() {
        return kill("SIGTERM");
    }

    /**
     * {@code child.kill(signal)}: a POSIX name ({@code "SIGINT"}) or number (2), or 0 to probe. Returns false when the
     * child has already exited or could not be signalled; sets {@link #killed()} on success.
     *
     * @throws dev.nodeshim.errors.NodeError {@code ERR_UNKNOWN_SIGNAL}
     */
    public boolean kill(Object signal) {
        // Signal 0 only probes that the child exists; Node still sets killed then (checked on node 20).
        int n = Integer.valueOf(0).equals(signal) ? 0 : Signals.toNumber(signal);
        if (process == null || exited || !process.alive()) {
            return false;
        }
        if (held != null && n != 0 && ForkMain.DIES_BY.contains(Signals.name(n))) {
            // A forked JVM not yet in ForkMain would take these as the JVM's own exit, 128 + n (the
            // JVM's handlers), where a Node child dies by the signal: they wait until it has connected
            held.add(n);
            killed = true;
            return true;
        }
        if (n != 0 && !process.signal(n)) {
            return false;
        }
        killed = true;
        return true;
    }

    /** {@code child.pid}: {@code null} when the child could not be started. */
    public Long pid() {
        return process == null ? null : process.pid();
    }

    /**
     * {@code child.stdin}: a {@link Writable} into the child's standard input when fd 0 is a pipe (spawn's
     * default, fork with {@code silent}), else {@code null}, as for a child that could not be started. {@code end()} gives the
     * child end of file; it is destroyed when the child exits, as in Node.
     */
    public Writable stdin() {
        return stdin;
    }

    /**
     * {@code child.stdout}: a {@link Readable} of the child's standard output ({@code Buffer} chunks,
     * Strings after {@code setEncoding}); {@code null} when fd 1 is not a pipe (fork without
     * {@code silent}, {@code stdio: 'inherit'/'ignore'}) or the start failed. Consume it (a
     * {@code 'data'} listener, {@code pipe}, {@code resume()}): as under Node, a child whose output
     * nobody reads blocks once the pipe and the stream's buffer are full.
     */
    public Readable stdout() {
        return stdout;
    }

    /** {@code child.stderr}: as {@link #stdout()}, for standard error. */
    public Readable stderr() {
        return stderr;
    }

    /**
     * {@code child.stdio}: one element per entry of the {@code stdio} option (three at least):
     * {@code stdin}, {@code stdout}, {@code stderr} (null when not a pipe, as above), then for fd 3 on a
     * {@link Duplex} for each {@code 'pipe'} entry (readable and writable, as Node's socket there) and
     * null for the others, the {@code 'ipc'} entry included (as in Node).
     */
    public List<Object> stdio() {
        List<Object> all = new ArrayList<>(Arrays.asList(stdin, stdout, stderr));
        for (int fd = 3; fd < stdioSize; fd++) {
            all.add(fd - 3 < extra.length ? extra[fd - 3] : null);
        }
        return java.util.Collections.unmodifiableList(all);
    }

    /** {@code child.exitCode}: null until exit; -2 (the errno) after a failed start. */
    public Integer exitCode() {
        return exitCode;
    }

    /** {@code child.signalCode}. */
    public String signalCode() {
        return signalCode;
    }

    /** {@code child.killed}: whether {@link #kill} delivered a signal. */
    public boolean killed() {
        return killed;
    }

    /** {@code child.spawnfile}. */
    public String spawnfile() {
        return spawnfile;
    }

    /** {@code child.spawnargs}: the full argv, program first. */
    public List<String> spawnargs() {
        return spawnargs;
    }
}
