package dev.nodeshim.childprocess;

import dev.nodeshim.loop.EventLoop;
import dev.nodeshim.stream.Readable;
import dev.nodeshim.stream.Writable;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channel;
import java.util.List;

/**
 * The standard streams of one child: for each of fds 0, 1, 2 Node's {@code 'pipe'} (an {@link OsPipe}
 * of ours, whose end becomes a stream here), {@code 'inherit'} or {@code 'ignore'} ({@code /dev/null}
 * in, discarded out).
 */
final class Stdio {
    private final OsPipe[] pipes = new OsPipe[3];

    private final List<String> modes;

    private Stdio(List<String> modes) {
        this.modes = modes;
    }

    /** Makes the pipes {@code modes} ask for ({@code 'pipe'}, {@code 'inherit'} or {@code 'ignore'} per fd). */
    static Stdio open(List<String> modes) {
        Stdio s = new Stdio(modes);
        try {
            List<OsPipe> made = OsPipe.open((int) modes.stream().filter("pipe"::equals).count());
            for (int fd = 0, k = 0; fd < 3; fd++) {
                if (modes.get(fd).equals("pipe")) {
                    s.pipes[fd] = made.get(k++);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not make the child's stdio pipes", e);
        }
        return s;
    }

    /** Sets {@code pb}'s redirects: our pipes by their {@code /proc/self/fd} paths (see {@link OsPipe}). */
    void redirect(ProcessBuilder pb) {
        boolean inheritIn = modes.get(0).equals("inherit");
        pb.redirectInput(pipes[0] != null ? ProcessBuilder.Redirect.from(pipes[0].path)
                : inheritIn ? ProcessBuilder.Redirect.INHERIT : ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.redirectOutput(pipes[1] != null ? ProcessBuilder.Redirect.to(pipes[1].path) : discardOrInherit(modes.get(1)));
        pb.redirectError(pipes[2] != null ? ProcessBuilder.Redirect.to(pipes[2].path) : discardOrInherit(modes.get(2)));
    }

    private static ProcessBuilder.Redirect discardOrInherit(String mode) {
        return mode.equals("inherit") ? ProcessBuilder.Redirect.INHERIT : ProcessBuilder.Redirect.DISCARD;
    }

    /**
     * What {@link NativeSpawn#spawn} takes for fds 0–2: the descriptor of the child's end of each pipe,
     * {@link NativeSpawn#STDIO_INHERIT} or {@link NativeSpawn#STDIO_IGNORE}.
     */
    int[] nativeFds() {
        int[] fds = new int[3];
        for (int fd = 0; fd < 3; fd++) {
            if (pipes[fd] != null) {
                fds[fd] = fd == 0 ? pipes[fd].sourceFd : pipes[fd].sinkFd;
            } else {
                fds[fd] = modes.get(fd).equals("inherit") ? NativeSpawn.STDIO_INHERIT : NativeSpawn.STDIO_IGNORE;
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

    private static void closeQuietly(Channel c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // closing our copy of an end the child holds: nothing is lost
        }
    }
}
