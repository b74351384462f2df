package dev.nodeshim.childprocess;

import dev.nodeshim.events.EventEmitter;
import dev.nodeshim.loop.EventLoop;
import dev.nodeshim.loop.Ref;
import java.io.IOException;
import java.io.InputStream;
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
 * The loop stays alive while the child lives or its pipes are open. Helper threads (one per pipe) only
 * read and post completions to the loop; they never touch this object.
 *
 * <p><b>Not there yet</b> (waits for the rewritten stream module): {@code stdin}/{@code stdout}/{@code
 * stderr} as streams. Until then stdin is closed at start, and output is delivered only to exec/execFile
 * (spawn reads and discards it, so the child never blocks on a full pipe).
 */
public final class ChildProcess extends EventEmitter {
    private final EventLoop loop;
    private final String spawnfile;
    private final List<String> spawnargs;
    private Process process;
    private Ref ref;
    private Integer exitCode;
    private String signalCode;
    private boolean killed;
    private boolean exited;
    private boolean closed;
    private int openPipes;

    private ChildProcess(EventLoop loop, String spawnfile, List<String> spawnargs) {
        this.loop = loop;
        this.spawnfile = spawnfile;
        this.spawnargs = List.copyOf(spawnargs);
    }

    /**
     * Starts the child; must run on the loop's thread. {@code onStdout}/{@code onStderr} receive chunks
     * on the loop thread, or are {@code null} to discard.
     */
    static ChildProcess start(String command, List<String> args, SpawnOptions o, Consumer<byte[]> onStdout,
            Consumer<byte[]> onStderr) {
        List<String> spawnargs = new ArrayList<>();
        String file;
        if (o.shell != null) {
            file = o.shell;
            spawnargs.addAll(List.of(o.shell, "-c",
                    args.isEmpty() ? command : command + " " + String.join(" ", args)));
        } else {
            file = command;
            spawnargs.add(command);
            spawnargs.addAll(args);
        }
        EventLoop loop = EventLoop.current();
        ChildProcess child = new ChildProcess(loop, file, spawnargs);
        ProcessBuilder pb = new ProcessBuilder(spawnargs);
        if (o.cwd != null) {
            pb.directory(o.cwd.toFile());
        }
        if (o.env != null) {
            pb.environment().clear();
            pb.environment().putAll(o.env);
        }
        try {
            child.process = pb.start();
        } catch (IOException e) {
            var err = ChildProcesses.systemError(ChildProcesses.startErrno(e), "spawn " + file, file,
                    spawnargs.subList(1, spawnargs.size()));
            child.ref = loop.ref();
            loop.nextTick(() -> {
                child.exitCode = err.prop("errno") instanceof Integer n ? n : -2;
                child.exited = true;
                child.closed = true;
                try {
                    child.emit("error", err);
                } finally {
                    loop.nextTick(() -> {
                        child.ref.close();
                        child.emit("close", child.exitCode, null);
                    });
                }
            });
            return child;
        }
        child.ref = loop.ref();
        try {
            child.process.getOutputStream().close();
        } catch (IOException ignored) {
            // nothing was written; closing cannot lose data
        }
        child.openPipes = 2;
        child.pump(child.process.getInputStream(), onStdout, "stdout");
        child.pump(child.process.getErrorStream(), onStderr, "stderr");
        child.process.onExit().thenRun(() -> loop.execute(child::onExit));
        loop.nextTick(() -> child.emit("spawn"));
        return child;
    }

    private void pump(InputStream in, Consumer<byte[]> sink, String name) {
        Thread t = new Thread(() -> {
            byte[] chunk = new byte[65536];
            try (in) {
                int n;
                while ((n = in.read(chunk)) > 0) {
                    if (sink != null) {
                        byte[] copy = Arrays.copyOf(chunk, n);
                        loop.execute(() -> sink.accept(copy));
                    }
                }
            } catch (IOException ignored) {
                // a broken pipe ends the stream like EOF
            }
            loop.execute(this::onPipeClosed);
        }, "nodeshim-child-" + process.pid() + "-" + name);
        t.setDaemon(true);
        t.start();
    }

    private void onExit() {
        ExitStatus st = ExitStatus.decode(process.exitValue());
        exitCode = st.code();
        signalCode = st.signal();
        exited = true;
        try {
            emit("exit", exitCode, signalCode);
        } finally {
            maybeClose();
        }
    }

    private void onPipeClosed() {
        openPipes--;
        maybeClose();
    }

    private void maybeClose() {
        if (exited && openPipes == 0 && !closed) {
            closed = true;
            ref.close();
            emit("close", exitCode, signalCode);
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
        if (process == null || exited || !process.isAlive()) {
            return false;
        }
        if (n != 0) {
            ChildProcesses.sendSignal(process, n);
        }
        killed = true;
        return true;
    }

    /** {@code child.pid}: {@code null} when the child could not be started. */
    public Long pid() {
        return process == null ? null : process.pid();
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
