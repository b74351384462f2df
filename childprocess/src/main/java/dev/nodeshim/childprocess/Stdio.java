package dev.nodeshim.childprocess;

import dev.nodeshim.loop.EventLoop;
import dev.nodeshim.stream.Duplex;
import dev.nodeshim.stream.Readable;
import dev.nodeshim.stream.Writable;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channel;
import java.nio.channels.SocketChannel;
import java.util.List;

/**
 * The descriptors of one child, one entry per child fd, as {@link SpawnOptions#stdio(List)} normalized
 * them: {@code "pipe"}, {@code "ignore"}, {@code "inherit"}, {@code "ipc"} or an {@link Integer} (that
 * descriptor of ours).
 * <ul>
 *   <li>{@code 'pipe'} as fd 0–2: an {@link OsPipe} of ours, whose end becomes {@code stdin}/{@code stdout}/
 *       {@code stderr}; from fd 3 on a {@link SocketPair}, whose end becomes a {@link Duplex}
 *       ({@link PolledSocket}), as node 20's {@code child.stdio[n]} is a socket.</li>
 *   <li>{@code 'ipc'} at any index: a {@link SocketPair} for the {@link IpcChannel}; the child learns the
 *       index from {@code NODE_CHANNEL_FD}.</li>
 *   <li>{@code 'ignore'}: {@code /dev/null} as fd 0–2, nothing (a closed descriptor) from 3 on, as node 20.</li>
 *   <li>{@code 'inherit'}: our own fd of the same number; an integer: that fd of ours.</li>
 * </ul>
 * Beyond fds 0–2 this needs the native library ({@code posix_spawn} places any descriptor). Without
 * it, {@code ProcessBuilder} gives a child only fds 0–2: {@link #open} then refuses every other entry
 * with {@link UnsupportedOperationException}, but for a fourth {@code 'ipc'}, which becomes a
 * channel by socket path ({@link #ipcByPath()}).
 */
final class Stdio {
    private final List<Object> entries;
    /** Per fd 0–2: the {@link OsPipe} of a {@code 'pipe'} entry, else null. */
    private final OsPipe[] pipes = new OsPipe[3];
    /** Per fd: the {@link SocketPair} of a {@code 'pipe'} entry from fd 3 on or of the {@code 'ipc'} entry. */
    private final SocketPair[] sockets;
    /** The index of the {@code 'ipc'} entry, or -1. */
    private final int ipcIndex;

    private Stdio(List<Object> entries) {
        this.entries = entries;
        this.sockets = new SocketPair[entries.size()];
        this.ipcIndex = entries.indexOf("ipc");
    }

    /**
     * Makes the pipes and sockets {@code entries} ask for (see the class comment).
     *
     * @throws UnsupportedOperationException without the native library, for what ProcessBuilder cannot do
     */
    static Stdio open(List<?> entries) {
        return open(entries, false);
    }

    /**
     * {@link #open(List)}; with {@code channelByPath}, an {@code 'ipc'} entry that is the fourth and
     * last is a socket passed by path even when the native library is there (fork's default layout: a
     * child JVM connects to a path faster than it loads the library to take a descriptor, measured).
     */
    static Stdio open(List<?> entries, boolean channelByPath) {
        Stdio s = new Stdio(List.copyOf(entries));
        if (!NativeSpawn.AVAILABLE) {
            s.checkJdkCanDo();
        }
        try {
            int osPipes = 0;
            for (int fd = 0; fd < 3; fd++) {
                if (s.entries.get(fd).equals("pipe")) {
                    osPipes++;
                }
            }
            List<OsPipe> made = OsPipe.open(osPipes);
            for (int fd = 0, k = 0; fd < 3; fd++) {
                if (s.entries.get(fd).equals("pipe")) {
                    s.pipes[fd] = made.get(k++);
                }
            }
            if (NativeSpawn.AVAILABLE) {
                for (int fd = 0; fd < s.sockets.length; fd++) {
                    Object e = s.entries.get(fd);
                    boolean byPath = channelByPath && fd == 3 && s.sockets.length == 4;
                    if ((e.equals("ipc") && !byPath) || (fd >= 3 && e.equals("pipe"))) {
                        s.sockets[fd] = SocketPair.open();
                    }
                }
            }
        } catch (IOException e) {
            s.afterStart(false);
            throw new UncheckedIOException("could not make the child's stdio pipes", e);
        }
        return s;
    }

    /** ProcessBuilder's limits: fds 0–2 as pipe, inherit or ignore, and a fourth 'ipc' (by path). */
    private void checkJdkCanDo() {
        for (int fd = 0; fd < entries.size(); fd++) {
            Object e = entries.get(fd);
            boolean ok = fd < 3 ? e instanceof String && !e.equals("ipc")
                    : fd == 3 && entries.size() == 4 && e.equals("ipc");
            if (!ok) {
                String what = e instanceof String ? "'" + e + "'" : "descriptor " + e;
                throw new UnsupportedOperationException("stdio[" + fd + "] = " + what + " needs nodeshim's native"
                        + " library (posix_spawn): without it children start through ProcessBuilder, which gives a"
                        + " child only fds 0, 1 and 2 (a fourth 'ipc' entry works: its channel is passed by path)");
            }
        }
    }

    /** How many descriptors the child gets described ({@code child.stdio.length}). */
    int size() {
        return entries.size();
    }

    /** The index of the {@code 'ipc'} entry, or -1. */
    int ipcIndex() {
        return ipcIndex;
    }

    /** Our end of the channel's socket pair, or null (no {@code 'ipc'} entry, or a channel by path). */
    SocketChannel ipcSocket() {
        return ipcIndex < 0 || sockets[ipcIndex] == null ? null : sockets[ipcIndex].ours;
    }

    /** Whether the {@code 'ipc'} entry is a socket passed by path (no native library, or asked for). */
    boolean ipcByPath() {
        return ipcIndex >= 0 && sockets[ipcIndex] == null;
    }

    /** Sets {@code pb}'s redirects: our pipes by their {@code /proc/self/fd} paths (see {@link OsPipe}). */
    void redirect(ProcessBuilder pb) {
        boolean inheritIn = entries.get(0).equals("inherit");
        pb.redirectInput(pipes[0] != null ? ProcessBuilder.Redirect.from(pipes[0].path)
                : inheritIn ? ProcessBuilder.Redirect.INHERIT : ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.redirectOutput(pipes[1] != null ? ProcessBuilder.Redirect.to(pipes[1].path) : discardOrInherit(entries.get(1)));
        pb.redirectError(pipes[2] != null ? ProcessBuilder.Redirect.to(pipes[2].path) : discardOrInherit(entries.get(2)));
    }

    private static ProcessBuilder.Redirect discardOrInherit(Object mode) {
        return mode.equals("inherit") ? ProcessBuilder.Redirect.INHERIT : ProcessBuilder.Redirect.DISCARD;
    }

    /**
     * What {@link NativeSpawn#spawn} takes, one entry per child fd: the descriptor of the child's end of
     * a pipe or socket, a descriptor of ours to pass on, {@link NativeSpawn#STDIO_INHERIT} or
     * {@link NativeSpawn#STDIO_IGNORE}.
     */
    int[] nativeFds() {
        int[] fds = new int[entries.size()];
        for (int fd = 0; fd < fds.length; fd++) {
            Object e = entries.get(fd);
            if (fd < 3 && pipes[fd] != null) {
                fds[fd] = fd == 0 ? pipes[fd].sourceFd : pipes[fd].sinkFd;
            } else if (sockets[fd] != null) {
                fds[fd] = sockets[fd].childFd();
            } else if (e instanceof Integer n) {
                fds[fd] = n;
            } else {
                fds[fd] = e.equals("inherit") ? NativeSpawn.STDIO_INHERIT : NativeSpawn.STDIO_IGNORE;
            }
        }
        return fds;
    }

    /**
     * After the start (whether it worked or not): closes our copies of the child's ends, which would
     * otherwise keep the pipes open; after a failed start also our own ends.
     */
    void afterStart(boolean started) {
        if (pipes[0] != null) {
            closeQuietly(pipes[0].pipe.source());
        }
        for (int fd = 1; fd < 3; fd++) {
            if (pipes[fd] != null) {
                closeQuietly(pipes[fd].pipe.sink());
            }
        }
        for (SocketPair p : sockets) {
            if (p != null) {
                if (started) {
                    p.closeChildEnd();
                } else {
                    p.closeBoth();
                }
            }
        }
        if (!started) {
            for (OsPipe p : pipes) {
                if (p != null) {
                    p.closeBoth();
                }
            }
        }
    }

    /** Our end of the child's stdin pipe, or null when fd 0 is not a pipe (the Sync forms). */
    java.nio.channels.Pipe.SinkChannel stdinSink() {
        return pipes[0] == null ? null : pipes[0].pipe.sink();
    }

    /** Our end of the child's stdout (fd 1) or stderr (fd 2) pipe, or null (the Sync forms). */
    java.nio.channels.Pipe.SourceChannel outputSource(int fd) {
        return pipes[fd] == null ? null : pipes[fd].pipe.source();
    }

    /** Our ends of the {@code 'pipe'} entries from fd 3 on, by fd (the Sync forms read them). */
    java.util.SortedMap<Integer, SocketChannel> extraSockets() {
        java.util.SortedMap<Integer, SocketChannel> m = new java.util.TreeMap<>();
        for (int fd = 3; fd < sockets.length; fd++) {
            if (fd != ipcIndex && sockets[fd] != null) {
                m.put(fd, sockets[fd].ours);
            }
        }
        return m;
    }

    /** {@code child.stdin}, or null when fd 0 is not a pipe. */
    Writable stdin(EventLoop loop) {
        if (pipes[0] == null) {
            return null;
        }
        // with the native library the loop writes the pipe itself (as it reads the outputs); else a pooled thread does
        return NativeSpawn.AVAILABLE ? new PolledInput(loop, pipes[0].pipe.sink()).stream
                : new ChildInput(loop, pipes[0].pipe.sink()).stream;
    }

    /** {@code child.stdout} (fd 1) or {@code child.stderr} (fd 2), or null when not a pipe. */
    Readable output(EventLoop loop, int fd) {
        if (pipes[fd] == null) {
            return null;
        }
        java.nio.channels.Pipe.SourceChannel source = pipes[fd].pipe.source();
        int nativeFd = pipes[fd].sourceFd;
        // with the native library the loop reads the pipe itself; else a reader thread does
        return nativeFd >= 0 ? new PolledOutput(loop, source, nativeFd).stream : new ChildOutput(loop, source).stream;
    }

    /** {@code child.stdio[fd]} for fd 3 on: a {@link Duplex} for a {@code 'pipe'} entry, else null. */
    Duplex extra(EventLoop loop, int fd) {
        if (fd == ipcIndex || sockets[fd] == null) {
            return null;
        }
        return new PolledSocket(loop, sockets[fd].ours).stream;
    }

    private static void closeQuietly(Channel c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // closing our copy of an end the child holds: nothing is lost
        }
    }
}
