package dev.nodeshim.childprocess;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The module's native library ({@code src/main/c/nodeshim_spawn.c}, built by Maven with gcc into
 * {@code dev/nodeshim/childprocess/native/linux-<arch>/}): {@code posix_spawn}, {@code waitpid} with the
 * raw wait status, pidfds and signals. {@link #AVAILABLE} says whether it loaded; without it (another
 * OS, no gcc at build time, or {@code -Dnodeshim.childprocess.spawn=jdk}) children start through the
 * JDK's {@code ProcessBuilder} ({@link JdkChild}), where an exit code of 129–159 is ambiguous.
 *
 * <p>On JDK 24 and later loading a library prints the JDK's warning about restricted methods unless
 * the JVM runs with {@code --enable-native-access=ALL-UNNAMED} (or the module's name).
 */
final class NativeSpawn {
    /** A {@code stdio} entry of {@link #spawn}: the child gets our descriptor of the same number. */
    static final int STDIO_INHERIT = -1;
    /** A {@code stdio} entry of {@link #spawn}: the child gets {@code /dev/null} (fds 0–2) or nothing (3 on). */
    static final int STDIO_IGNORE = -2;

    /** Whether the library loaded; every other member may be used only when it did. */
    static final boolean AVAILABLE = load();

    private NativeSpawn() {
    }

    private static boolean load() {
        if ("jdk".equals(System.getProperty("nodeshim.childprocess.spawn"))
                || !System.getProperty("os.name", "").equals("Linux")) {
            return false;
        }
        String arch = System.getProperty("os.arch", "");
        String machine = arch.equals("amd64") ? "x86_64" : arch;
        URL url = NativeSpawn.class.getResource("native/linux-" + machine + "/libnodeshim-spawn.so");
        if (url == null) {
            return false;
        }
        try {
            if (url.getProtocol().equals("file")) {
                System.load(Path.of(url.toURI()).toString());
            } else {
                loadCopy(url);
            }
            return true;
        } catch (UnsatisfiedLinkError | IOException | java.net.URISyntaxException | SecurityException e) {
            return false;
        }
    }

    /** A library inside a jar: copied to a temporary file, loaded, and the file deleted (the mapping stays). */
    private static void loadCopy(URL url) throws IOException {
        Path tmp = Files.createTempFile("nodeshim-spawn", ".so");
        try (InputStream in = url.openStream()) {
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            System.load(tmp.toString());
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Starts {@code path} (a file name with a slash or an absolute path: no PATH lookup here) with
     * {@code argv} and exactly {@code envp} ({@code NAME=value}), in {@code cwd} (null: ours). {@code stdio}
     * has an entry per child descriptor, at least three: a descriptor of ours the child gets as that fd,
     * {@link #STDIO_INHERIT} or {@link #STDIO_IGNORE}. Every descriptor from {@code stdio.length} on is
     * closed in the child.
     *
     * @return {@code ((pidfd + 1) << 32) | pid} (pidfd -1: the kernel has none), or {@code -errno}
     *         ({@code -EBADF} when a descriptor to pass on is not open)
     */
    static native long spawn(byte[] path, byte[][] argv, byte[][] envp, byte[] cwd, int[] stdio, boolean setsid);

    /** A new epoll instance, or {@code -errno}. */
    static native int epollCreate();

    /** Adds a child's pidfd to {@code epfd}: {@link #awaitExits} reports the child once it exits. */
    static native int watch(int epfd, int pidfd, int pid);

    /**
     * Waits up to {@code timeoutMs} (-1: no limit) for watched children to exit and reaps them:
     * {@code out} gets {@code (pid, wait status, errno)} per child (errno non-zero: waitpid failed).
     * Returns the count (0 after the timeout), or {@code -errno}.
     */
    static native int awaitExits(int epfd, int[] out, int timeoutMs);

    /**
     * Makes this JVM's coming exit a death by {@code signal}'s default action, after its shutdown hooks
     * (an {@code atexit} handler raises it; see {@link ForkMain}).
     */
    static native void exitBySignal(int signal);

    /** Blocks in {@code waitpid} for one child: its raw wait status, or {@code -errno}. */
    static native int waitFor(int pid);

    /** Sends {@code signal} through the pidfd (or to the pid when pidfd is -1): 0 or {@code -errno}. */
    static native int signal(int pidfd, int pid, int signal);

    /**
     * One read from the non-blocking pipe {@code fd} into {@code dst}: the byte count (0 at end of
     * file), or {@code -errno} ({@code -EAGAIN}, {@value #EAGAIN}: empty).
     */
    static native int readNow(int fd, byte[] dst);

    /** {@link #readNow}'s answer for an empty pipe. */
    static final int EAGAIN = 11;

    /** {@code close(fd)}: 0 or {@code -errno}. */
    static native int close(int fd);

    /** The descriptor number of a JDK NIO pipe channel, or -1 when it cannot be read. */
    static native int fdOf(Object channel);

    /**
     * A connected pair of Unix stream sockets, both close-on-exec: {@code (fds[1] << 32) | fds[0]}, or
     * {@code -errno}. What libuv makes for a Node child's {@code 'ipc'} entry and its pipes from fd 3 on.
     */
    static native long socketPair();

    /**
     * The JDK's connected {@code SocketChannel} over the Unix socket {@code fd} (built with the
     * constructor the JDK's accept uses), which owns {@code fd} from then on; null when this JDK has no
     * such constructor.
     *
     * @throws java.io.IOException from the channel's constructor (the descriptor is not a socket)
     */
    static native Object socketChannel(int fd, java.nio.channels.spi.SelectorProvider provider,
            java.net.ProtocolFamily family, java.net.SocketAddress remote) throws IOException;
}
