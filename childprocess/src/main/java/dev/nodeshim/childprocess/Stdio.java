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

    /** Makes the pipes {@code modes} ask for and sets {@code pb}'s redirects. */
    static Stdio prepare(ProcessBuilder pb, List<String> modes) {
        Stdio s = new Stdio();
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
        boolean inheritIn = modes.get(0).equals("inherit");
        pb.redirectInput(s.pipes[0] != null ? ProcessBuilder.Redirect.from(s.pipes[0].path)
                : inheritIn ? ProcessBuilder.Redirect.INHERIT : ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.redirectOutput(s.pipes[1] != null ? ProcessBuilder.Redirect.to(s.pipes[1].path) : output(modes.get(1)));
        pb.redirectError(s.pipes[2] != null ? ProcessBuilder.Redirect.to(s.pipes[2].path) : output(modes.get(2)));
        return s;
    }

    private static ProcessBuilder.Redirect output(String mode) {
        return mode.equals("inherit") ? ProcessBuilder.Redirect.INHERIT : ProcessBuilder.Redirect.DISCARD;
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
        return pipes[0] == null ? null : new ChildInput(loop, pipes[0].pipe.sink()).stream;
    }

    /** {@code child.stdout} (fd 1) or {@code child.stderr} (fd 2), or null when not a pipe. */
    Readable output(EventLoop loop, int fd) {
        return pipes[fd] == null ? null : new ChildOutput(loop, pipes[fd].pipe.source()).stream;
    }

    private static void closeQuietly(Channel c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // closing our copy of an end the child holds: nothing is lost
        }
    }
}
