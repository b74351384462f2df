package dev.nodeshim.childprocess;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts a {@link Command} with its {@link Stdio}: through {@link NativeSpawn} ({@code posix_spawn}) when
 * the native library is there, else through the JDK's {@code ProcessBuilder}. Either way a start that
 * fails throws the {@code IOException} whose errno {@link ChildProcesses#startErrno} reads, and the
 * child's ends of the stdio pipes are closed here ({@link Stdio#afterStart}).
 */
final class Spawner {
    private static final int EBADF = 9;

    private Spawner() {
    }

    /** A start failure that node 20's spawn throws rather than emits as {@code 'error'}. */
    static final class StartException extends IOException {
        final transient dev.nodeshim.errors.NodeError error;

        StartException(dev.nodeshim.errors.NodeError error) {
            super(error.getMessage());
            this.error = error;
        }
    }

    static Child start(Command c, Stdio stdio) throws IOException {
        Child child;
        try {
            child = NativeSpawn.AVAILABLE ? startNative(c, stdio) : startJdk(c, stdio);
        } catch (IOException | RuntimeException e) {
            stdio.afterStart(false);
            throw e;
        }
        stdio.afterStart(true);
        return child;
    }

    /**
     * posix_spawn: the program is looked up in the child's PATH from its new working directory, as
     * Node's (libuv's) execvp does; {@code detached} is {@code setsid} in the child, {@code argv0} just
     * the first word of its argv. Only uid/gid keep a wrapper ({@code setpriv}, which execs the program:
     * same pid).
     */
    private static Child startNative(Command c, Stdio stdio) throws IOException {
        List<String> argv;
        String path;
        if (!c.setpriv.isEmpty()) {
            IOException notRunnable = Launch.checkExecutable(c.file(), c.cwd, c.givenEnv(), c.runAs[0], c.runAs[1]);
            if (notRunnable != null) {
                throw notRunnable;
            }
            argv = Launch.wrap(c.argv, false, c.argv0, c.setpriv);
            path = Launch.locate(argv.get(0), null, null);
        } else {
            path = Launch.locate(c.file(), c.cwd, c.env());
            argv = new ArrayList<>(c.argv);
            if (c.argv0 != null) {
                argv.set(0, c.argv0);
            }
        }
        long r = NativeSpawn.spawn(bytes(path), vector(argv), environment(c.env()),
                c.cwd == null ? null : bytes(c.cwd.toString()), stdio.nativeFds(), c.detached);
        if (r == -EBADF) {
            // a descriptor to pass on is not open: node 20's spawn throws Error: spawn EBADF
            throw new StartException(ChildProcesses.spawnError(EBADF));
        }
        if (r < 0) {
            throw Launch.failure((int) -r);
        }
        NativeChild child = new NativeChild((int) r, (int) (r >>> 32) - 1);
        ChildExits.watch(child);
        return child;
    }

    /** ProcessBuilder: {@code detached} and {@code argv0} need wrapper programs (see {@link Launch#wrap}). */
    private static Child startJdk(Command c, Stdio stdio) throws IOException {
        List<String> argv = c.argv;
        if (c.detached || c.argv0 != null || !c.setpriv.isEmpty()) {
            IOException notRunnable = c.runAs == null ? Launch.checkExecutable(c.file(), c.cwd, c.givenEnv())
                    : Launch.checkExecutable(c.file(), c.cwd, c.givenEnv(), c.runAs[0], c.runAs[1]);
            if (notRunnable != null) {
                throw notRunnable;
            }
            argv = Launch.wrap(argv, c.detached, c.argv0, c.setpriv);
        }
        ProcessBuilder pb = Launch.builder(argv, c.cwd, c.givenEnv());
        stdio.redirect(pb);
        return new JdkChild(pb.start());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[][] vector(List<String> words) {
        byte[][] v = new byte[words.size()][];
        for (int i = 0; i < v.length; i++) {
            v[i] = bytes(words.get(i));
        }
        return v;
    }

    private static byte[][] environment(Map<String, String> env) {
        byte[][] v = new byte[env.size()][];
        int i = 0;
        for (Map.Entry<String, String> e : env.entrySet()) {
            v[i++] = bytes(e.getKey() + "=" + e.getValue());
        }
        return v;
    }
}
