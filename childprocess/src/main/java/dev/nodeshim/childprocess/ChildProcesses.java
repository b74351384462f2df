package dev.nodeshim.childprocess;

import dev.nodeshim.buffer.Buffer;
import dev.nodeshim.errors.Errors;
import dev.nodeshim.errors.NodeError;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Node's {@code child_process} module-level functions, for {@code import static
 * dev.nodeshim.childprocess.ChildProcesses.*}: the Sync forms ({@link SyncRun}), {@code spawn} (see
 * {@link ChildProcess}), {@code exec}/{@code execFile} with callbacks and CompletableFuture twins,
 * {@code fork} with an IPC channel (newline-delimited JSON over a Unix domain socket, see {@link IpcChannel}).
 *
 * <p>Without {@code shell}, the command and its arguments go to the program as they are — no shell
 * ever sees them, so spaces, quotes, {@code $()}, backticks and newlines arrive byte for byte (strings
 * are encoded as UTF-8 by the JDK when {@code sun.jnu.encoding} is UTF-8, the default on a UTF-8
 * locale). Exit status: see {@link ExitStatus} for how exact it is.
 */
public final class ChildProcesses {
    private static final Map<Integer, String> ERRNO_CODES = Map.of(
            1, "EPERM", 2, "ENOENT", 7, "E2BIG", 8, "ENOEXEC", 12, "ENOMEM", 13, "EACCES",
            20, "ENOTDIR", 21, "EISDIR", 40, "ELOOP", 36, "ENAMETOOLONG");
    /** JDK 17: {@code error=13, Permission denied}; JDK 22+: {@code Exec failed, error: 13 (Permission denied)}. */
    private static final Pattern JDK_ERRNO = Pattern.compile("error(?:=|: )(\\d+)");
    private static final int ENOBUFS = 105;
    private static final int ETIMEDOUT = 110;

    private ChildProcesses() {}

    /** {@code spawnSync(command)}. */
    public static SpawnSyncResult spawnSync(String command) {
        return spawnSync(command, List.of(), SpawnSyncOptions.defaults());
    }

    /** {@code spawnSync(command, args)}. */
    public static SpawnSyncResult spawnSync(String command, List<String> args) {
        return spawnSync(command, args, SpawnSyncOptions.defaults());
    }

    /**
     * {@code spawnSync(command, args, options)}: runs the command to its end and returns everything it
     * did. A failure to start, a timeout or an overflow of {@code maxBuffer} is in {@code error}; this
     * method does not throw for them.
     *
     * @throws NodeError {@code ERR_INVALID_ARG_TYPE} for a null command or a null argument
     */
    public static SpawnSyncResult spawnSync(String command, List<String> args, SpawnSyncOptions options) {
        requireCommand(command);
        List<String> argList = checkArgs(args);
        ChildOptions o = (options == null ? SpawnSyncOptions.defaults() : options).options;
        List<String> argv = Launch.argv(command, argList, o.shell);
        String file = argv.get(0);
        List<String> spawnargs = Launch.spawnargs(argv, o.argv0);
        Credentials ids = Credentials.forOptions(o.uid, o.gid, o.cwd);
        if (ids != null) {
            int errno = ids.check(o.uid, o.gid);
            if (errno != 0) {
                return new SpawnSyncResult(0, null, null, null, null, null,
                        systemError(-errno, "spawnSync " + file, file, spawnargs.subList(1, spawnargs.size())));
            }
        }
        Command cmd = Command.spawn(argv, o.argv0, o.cwd, o.env, o.detached, ids, o.uid, o.gid);
        // Pipes of our own, as for spawn: the result waits for the end of file of stdout and stderr,
        // which a grandchild's copy delays (node 20), not just for the exit (SyncRun)
        // (without the native library, entries it cannot place are refused here, as for spawn)
        Stdio stdio = Stdio.open(o.stdio == null ? List.of("pipe", "pipe", "pipe") : o.stdio);
        Child p;
        try {
            p = Spawner.start(cmd, stdio);
        } catch (IOException e) {
            return startFailed(e, file, spawnargs);
        }
        return run(p, stdio, file, spawnargs, o);
    }

    private static SpawnSyncResult startFailed(IOException e, String file, List<String> spawnargs) {
        return new SpawnSyncResult(0, null, null, null, null, null,
                systemError(e instanceof Spawner.StartException se ? (Integer) se.error.prop("errno") : startErrno(e),
                        "spawnSync " + file, file, spawnargs.subList(1, spawnargs.size())));
    }

    private static SpawnSyncResult run(Child p, Stdio stdio, String file, List<String> spawnargs,
            ChildOptions o) {
        SyncRun r;
        ExitStatus st;
        try {
            r = SyncRun.run(p, stdio, o.input, o.timeoutMs, o.maxBuffer, Signals.toNumber(o.killSignal));
            st = p.waitFor();
        } catch (InterruptedException e) {
            p.signal(9);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + file, e);
        }
        NodeError error = null;
        List<String> args = spawnargs.subList(1, spawnargs.size());
        if (r.timedOut) {
            error = systemError(-ETIMEDOUT, "spawnSync " + file, file, args);
        } else if (r.overflow) {
            error = systemError(-ENOBUFS, "spawnSync " + file, file, args);
        }
        // node 20: an output that is not a pipe ('inherit', 'ignore') is null, not empty
        Object stdout = stdio.outputSource(1) == null ? null : decode(r.out.toByteArray(), o.encoding);
        Object stderr = stdio.outputSource(2) == null ? null : decode(r.err.toByteArray(), o.encoding);
        List<Object> output = new ArrayList<>(Arrays.asList(null, stdout, stderr));
        for (int fd = 3; fd < stdio.size(); fd++) {
            java.io.ByteArrayOutputStream got = r.extra.get(fd);
            output.add(got == null ? null : decode(got.toByteArray(), o.encoding));
        }
        return new SpawnSyncResult(p.pid(), Collections.unmodifiableList(output), stdout, stderr, st.code(),
                st.signal(), error);
    }

    /** {@code execFileSync(file, args)}: stdout as a Buffer. */
    public static Object execFileSync(String file, List<String> args) {
        return execFileSync(file, args, SpawnSyncOptions.defaults());
    }

    /**
     * {@code execFileSync(file, args, options)}: the child's stdout (a Buffer, or a String with a named
     * encoding). Unless {@code stdio} is given, the child's stderr is also written to ours, as in Node.
     *
     * @throws NodeError the start/timeout/maxBuffer error of {@link #spawnSync} with the result's fields
     *         added, or {@code Command failed: <file> <args…>} followed by a newline and stderr when it is
     *         not empty, with props {@code status}, {@code signal}, {@code output}, {@code pid},
     *         {@code stdout}, {@code stderr} — when the child did not exit with 0
     */
    public static Object execFileSync(String file, List<String> args, SpawnSyncOptions options) {
        SpawnSyncOptions o = options == null ? SpawnSyncOptions.defaults() : options;
        SpawnSyncResult r = spawnSync(file, args, o);
        List<String> words = new ArrayList<>();
        words.add(file);
        if (args != null) {
            words.addAll(args);
        }
        return checked(r, String.join(" ", words), o.options);
    }

    /** {@code execSync(command)}: runs the command line with {@code /bin/sh -c}; stdout as a Buffer. */
    public static Object execSync(String command) {
        return execSync(command, SpawnSyncOptions.defaults());
    }

    /** {@code execSync(command, options)}: as {@link #execFileSync} with {@code shell} on. */
    public static Object execSync(String command, SpawnSyncOptions options) {
        SpawnSyncOptions o = options == null ? SpawnSyncOptions.defaults() : options;
        if (o.options.shell == null) {
            o = o.shell(true);
        }
        NullBytes.check("command", command);
        SpawnSyncResult r = spawnSync(command, List.of(), o);
        return checked(r, command, o.options);
    }

    private static Object checked(SpawnSyncResult r, String cmd, ChildOptions o) {
        if (o.stdio == null && r.stderr() != null) {
            byte[] bytes = r.stderr() instanceof Buffer b ? b.toByteArray()
                    : Buffer.from(r.stderr().toString(), o.encoding).toByteArray();
            System.err.write(bytes, 0, bytes.length);
            System.err.flush();
        }
        NodeError e;
        if (r.error() != null) {
            e = r.error();
        } else if (r.status() == null || r.status() != 0) {
            String msg = "Command failed: " + cmd;
            String errText = r.stderr() == null ? "" : r.stderr().toString();
            if (!errText.isEmpty()) {
                msg += "\n" + errText;
            }
            e = NodeError.of(msg);
        } else {
            return r.stdout();
        }
        e.withProp("status", r.status()).withProp("signal", r.signal()).withProp("output", r.output())
                .withProp("pid", r.pid()).withProp("stdout", r.stdout()).withProp("stderr", r.stderr());
        throw e;
    }

    /** {@code spawn(command, args)}. */
    public static ChildProcess spawn(String command, List<String> args) {
        return spawn(command, args, SpawnOptions.defaults());
    }

    /**
     * {@code spawn(command, args, options)}: starts the child and returns at once; see {@link
     * ChildProcess} for the events. {@code timeout} kills the child with {@code killSignal}.
     */
    public static ChildProcess spawn(String command, List<String> args, SpawnOptions options) {
        ChildOptions o = (options == null ? SpawnOptions.defaults() : options).options;
        ChildProcess child = ChildProcess.start(requireCommand(command), checkArgs(args), o);
        armTimeout(child, o, null);
        return child;
    }

    /** {@code exec(command, callback)}: runs the command line with {@code /bin/sh -c}. */
    public static ChildProcess exec(String command, ExecCallback callback) {
        return exec(command, SpawnOptions.defaults(), callback);
    }

    /** {@code exec(command, options, callback)}. */
    public static ChildProcess exec(String command, SpawnOptions options, ExecCallback callback) {
        SpawnOptions o = options == null ? SpawnOptions.defaults() : options;
        NullBytes.check("command", command);
        return execFile(command, List.of(), o.options.shell == null ? o.shell(true) : o, callback);
    }

    /** The CompletableFuture twin of {@link #exec(String, SpawnOptions, ExecCallback)}. */
    public static java.util.concurrent.CompletableFuture<ExecResult> execAsync(String command, SpawnOptions options) {
        var f = new java.util.concurrent.CompletableFuture<ExecResult>();
        exec(command, options, futureCallback(f));
        return f;
    }

    /** {@code execFile(file, args, callback)}. */
    public static ChildProcess execFile(String file, List<String> args, ExecCallback callback) {
        return execFile(file, args, SpawnOptions.defaults(), callback);
    }

    /**
     * {@code execFile(file, args, options, callback)}: runs {@code file} without a shell, collects its
     * output and calls back once: {@code (null, stdout, stderr)} after exit 0; else an error whose
     * message is {@code Command failed: <cmd>\n<stderr>} with props {@code code}, {@code killed},
     * {@code signal}, {@code cmd}; a start failure ({@code spawn nope ENOENT}) with {@code cmd} added;
     * or, when a stream passed {@code maxBuffer}, {@code RangeError [ERR_CHILD_PROCESS_STDIO_MAXBUFFER]:
     * stdout maxBuffer length exceeded} (the child is killed, the output cut at maxBuffer).
     */
    public static ChildProcess execFile(String file, List<String> args, SpawnOptions options, ExecCallback callback) {
        ChildOptions o = (options == null ? SpawnOptions.defaults() : options).options;
        List<String> argList = checkArgs(args);
        requireCommand(file);
        if (callback == null) {
            throw Errors.invalidArgType("callback", "function", null);
        }
        ExecState state = new ExecState(o);
        String cmd = argList.isEmpty() ? file : file + " " + String.join(" ", argList);
        ChildProcess child = ChildProcess.start(file, argList, o);
        state.collect(child.stdout(), state.out, "stdout", child);
        state.collect(child.stderr(), state.err, "stderr", child);
        armTimeout(child, o, state);
        child.on("error", (NodeError e) -> state.finish(callback, e, cmd, null, null, child));
        child.on("close", (Integer code, String signal) -> state.finish(callback, null, cmd, code, signal, child));
        return child;
    }

    /** The CompletableFuture twin of {@link #execFile(String, List, SpawnOptions, ExecCallback)}. */
    public static java.util.concurrent.CompletableFuture<ExecResult> execFileAsync(String file, List<String> args,
            SpawnOptions options) {
        var f = new java.util.concurrent.CompletableFuture<ExecResult>();
        execFile(file, args, options, futureCallback(f));
        return f;
    }

    private static ExecCallback futureCallback(java.util.concurrent.CompletableFuture<ExecResult> f) {
        return (err, out, errOut) -> {
            if (err != null) {
                f.completeExceptionally(err.withProp("stdout", out).withProp("stderr", errOut));
            } else {
                f.complete(new ExecResult(out, errOut));
            }
        };
    }

    /** {@code fork(modulePath)}: a JVM running {@code mainClass}; see {@link #fork(String, List, ForkOptions)}. */
    public static ChildProcess fork(Class<?> mainClass) {
        return fork(mainClass, List.of(), ForkOptions.defaults());
    }

    /** {@code fork(modulePath, args)}. */
    public static ChildProcess fork(Class<?> mainClass, List<String> args) {
        return fork(mainClass, args, ForkOptions.defaults());
    }

    /** {@code fork(modulePath, args, options)} with a class. */
    public static ChildProcess fork(Class<?> mainClass, List<String> args, ForkOptions options) {
        if (mainClass == null) {
            throw Errors.invalidArgType("mainClass", List.of("string", "Class"), null);
        }
        return fork(mainClass.getName(), args, options);
    }

    /** {@code fork(modulePath)} with a class name. */
    public static ChildProcess fork(String mainClass) {
        return fork(mainClass, List.of(), ForkOptions.defaults());
    }

    /** {@code fork(modulePath, args)} with a class name. */
    public static ChildProcess fork(String mainClass, List<String> args) {
        return fork(mainClass, args, ForkOptions.defaults());
    }

    /**
     * {@code fork(modulePath, args, options)}: starts a JVM with this JVM's java executable and class
     * path ({@code java.home}, {@code java.class.path}), {@code options.execArgv} as JVM options, running
     * {@code mainClass.main(args)} through {@link ForkMain}, with an IPC channel to this process
     * ({@link ChildProcess#send}, {@code "message"}, {@code "disconnect"}; in the child
     * {@code process.send}, {@code process.on("message")}). Call it on the loop thread (inside
     * {@code EventLoop.run}). A missing java executable or cwd is an {@code error} event, as with spawn.
     *
     * @throws NodeError {@code ERR_INVALID_ARG_TYPE} for a null class or argument
     */
    public static ChildProcess fork(String mainClass, List<String> args, ForkOptions options) {
        if (mainClass == null) {
            throw Errors.invalidArgType("mainClass", List.of("string", "Class"), null);
        }
        ChildOptions o = (options == null ? ForkOptions.defaults() : options).options;
        ChildProcess child = ChildProcess.fork(mainClass, checkArgs(args), o);
        armTimeout(child, o, null);
        return child;
    }

    private static void armTimeout(ChildProcess child, ChildOptions o, ExecState state) {
        armTimeout(child, o.timeoutMs, o.killSignal, state);
        armAbort(child, o.signal, o.killSignal);
    }

    /**
     * The {@code signal} option (node 20, observed): an abort while the child runs kills it with
     * killSignal and emits 'error' (AbortError) at once, inside {@code abort()}; a signal aborted
     * before the start does the same on the tick after 'spawn'.
     */
    static void armAbort(ChildProcess child, dev.nodeshim.events.AbortSignal signal, String killSignal) {
        if (signal == null || child.pid() == null) {
            return;
        }
        Runnable onAbort = () -> {
            if (child.exitCode() == null && child.signalCode() == null) {
                child.kill(killSignal);
            }
            child.emit("error", Errors.abortError(signal.reason()));
        };
        if (signal.aborted()) {
            dev.nodeshim.loop.EventLoop.current().nextTick(onAbort);
            return;
        }
        signal.addEventListener("abort", onAbort);
        child.on("exit", () -> signal.removeEventListener("abort", onAbort));
    }

    /**
     * {@code timeout}: for spawn and fork it ends at 'exit'. For exec/execFile (a state) it lasts until
     * 'close' and also ends the collecting (node 20, observed): when a grandchild still holds the pipes
     * after the child exited, the timeout destroys stdout and stderr, so the callback comes with what was
     * read by then, {@code killed} set although the signal found nobody.
     */
    private static void armTimeout(ChildProcess child, long timeoutMs, String killSignal, ExecState state) {
        if (timeoutMs > 0 && child.pid() != null) {
            dev.nodeshim.loop.Timeout t = dev.nodeshim.loop.Timers.setTimeout(() -> {
                child.kill(killSignal);
                if (state != null) {
                    state.killedByUs = true;
                    if (child.stdout() != null) {
                        child.stdout().destroy();
                    }
                    if (child.stderr() != null) {
                        child.stderr().destroy();
                    }
                }
            }, timeoutMs);
            child.on(state != null ? "close" : "exit", () -> dev.nodeshim.loop.Timers.clearTimeout(t));
        }
    }

    /**
     * What exec/execFile collect (on the loop thread only). With {@code encoding: 'buffer'} the bytes, cut at maxBuffer. With a
     * string encoding, Node's observed rule (node 20): each stream is decoded as it comes
     * ({@code setEncoding}), the count is in bytes, and the chunk that passes maxBuffer is cut as a
     * <i>string</i> at the bytes left — in UTF-16 units: {@code printf héé} with maxBuffer 4 keeps
     * {@code "héé"}; {@code printf 日本; printf abcdefgh} with maxBuffer 10 keeps {@code "日本abcd"}.
     */
    private static final class ExecState {
        final ChildOptions o;
        final boolean bytes;
        final Collected out = new Collected();
        final Collected err = new Collected();
        NodeError ex;
        boolean killedByUs;
        boolean done;

        /** One stream's output: bytes, or decoded text with its byte count. */
        static final class Collected {
            final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            final StringBuilder text = new StringBuilder();
            long count;
        }

        ExecState(ChildOptions o) {
            this.o = o;
            this.bytes = o.encoding.equals("buffer");
        }

        void collect(dev.nodeshim.stream.Readable stream, Collected into, String name, ChildProcess child) {
            if (stream == null) {
                return;
            }
            if (!bytes) {
                stream.setEncoding(o.encoding);
            }
            stream.on("data", (dev.nodeshim.events.Listener1<Object>) chunk -> take(into, chunk, name, child));
        }

        private void take(Collected into, Object chunk, String name, ChildProcess child) {
            if (ex != null && ex.code() != null && ex.code().equals("ERR_CHILD_PROCESS_STDIO_MAXBUFFER")) {
                return;
            }
            long room = o.maxBuffer - into.count;
            if (bytes) {
                byte[] b = ((Buffer) chunk).toByteArray();
                into.count += b.length;
                into.bytes.write(b, 0, (int) Math.min(b.length, Math.max(0, room)));
            } else {
                String text = (String) chunk;
                into.count += Buffer.byteLength(text, o.encoding);
                // only the chunk that passes the limit is cut, and in UTF-16 units (see above)
                int keep = into.count > o.maxBuffer ? (int) Math.min(text.length(), Math.max(0, room)) : text.length();
                into.text.append(text, 0, keep);
            }
            if (into.count > o.maxBuffer) {
                ex = new NodeError("RangeError", "ERR_CHILD_PROCESS_STDIO_MAXBUFFER", name + " maxBuffer length exceeded");
                killedByUs = true;
                child.kill(o.killSignal);
            }
        }

        Object result(Collected c) {
            return bytes ? Buffer.from(c.bytes.toByteArray()) : c.text.toString();
        }

        void finish(ExecCallback cb, NodeError startError, String cmd, Integer code, String signal,
                ChildProcess child) {
            if (done) {
                return;
            }
            done = true;
            Object stdout = result(out);
            Object stderr = result(err);
            NodeError e = startError != null ? startError : ex;
            if (e == null && code != null && code == 0 && signal == null) {
                cb.call(null, stdout, stderr);
                return;
            }
            if (e == null) {
                e = NodeError.of("Command failed: " + cmd + "\n" + stderr);
                e.withProp("code", code).withProp("killed", child.killed() || killedByUs).withProp("signal", signal);
            }
            e.withProp("cmd", cmd);
            cb.call(e, stdout, stderr);
        }
    }

    private static String requireCommand(String command) {
        if (command == null) {
            throw Errors.invalidArgType("file", "string", null);
        }
        return NullBytes.check("file", command);
    }

    private static List<String> checkArgs(List<String> args) {
        List<String> argList = args == null ? List.of() : args;
        for (int i = 0; i < argList.size(); i++) {
            if (argList.get(i) == null) {
                throw Errors.invalidArgType("args[" + i + "]", "string", null);
            }
            NullBytes.check("args[" + i + "]", argList.get(i));
        }
        return argList;
    }

    // ----------------------------------------------------------------------------------------------

    /**
     * What node's spawn throws when the child cannot get its uid/gid ({@code Error: spawn EPERM}) or a
     * stdio descriptor is not open ({@code Error: spawn EBADF}).
     */
    static NodeError spawnError(int errno) {
        String code = ERRNO_CODES.getOrDefault(errno, errno == Credentials.EINVAL ? "EINVAL" : errno == 9 ? "EBADF" : "UNKNOWN");
        return new NodeError("Error", code, "spawn " + code)
                .withProp("errno", -errno).withProp("code", code).withProp("syscall", "spawn");
    }

    static NodeError systemError(int errno, String syscall, String path, List<String> spawnargs) {
        String code = errno == -ENOBUFS ? "ENOBUFS" : errno == -ETIMEDOUT ? "ETIMEDOUT"
                : errno == -Credentials.EINVAL ? "EINVAL" : errno == -9 ? "EBADF" : ERRNO_CODES.getOrDefault(-errno, "UNKNOWN");
        NodeError e = new NodeError("Error", code, syscall + " " + code);
        return e.withProp("errno", errno).withProp("code", code).withProp("syscall", syscall)
                .withProp("path", path).withProp("spawnargs", List.copyOf(spawnargs));
    }

    /** The negative errno of a failed start, read from the JDK's message (see {@link #JDK_ERRNO}). */
    static int startErrno(IOException e) {
        Matcher m = JDK_ERRNO.matcher(String.valueOf(e.getMessage()));
        return m.find() ? -Integer.parseInt(m.group(1)) : -2;
    }

    private static Object decode(byte[] bytes, String encoding) {
        Buffer b = Buffer.from(bytes);
        return "buffer".equals(encoding) ? b : b.toString(encoding);
    }
}
