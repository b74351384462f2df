package dev.nodeshim.childprocess;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * An operating-system pipe that a child gets as one of its standard streams while this JVM keeps the
 * other end — not the JDK's {@code Process} pipes.
 *
 * <p>Why: when a child exits, the JDK's reaper reads what is <i>available</i> in the child's stdout and
 * stderr pipes and closes them. Node instead reads until every writer is gone, a grandchild included,
 * and emits {@code 'close'} only then. With a pipe of our own the JDK never sees our end: it is
 * handed to the child by path ({@code ProcessBuilder.Redirect.to/from(new File("/proc/self/fd/N"))},
 * which the JDK opens in this process before it starts the child; on Linux opening that link gives a
 * new descriptor of the same pipe) and closed here right after the start, so end-of-file comes when
 * the child and everything it started have closed theirs.
 *
 * <p>The JDK does not say which descriptor numbers {@link Pipe#open()} got, so they are found in
 * {@code /proc/self/fd}: among the pipe descriptors that appeared during the call (under a lock, so two
 * of ours never mix), the read end is the one that shows a byte we wrote into our
 * {@link Pipe.SinkChannel} and no byte once we read it back; the write end is the other descriptor of
 * the same pipe. A foreign pipe made by another thread at that moment is only looked at, never written
 * or read. Linux only, like the rest of the module's process handling.
 */
final class OsPipe {
    private static final Object LOCK = new Object();

    final Pipe pipe;
    /** {@code /proc/self/fd/N} of the read end. */
    final File readPath;
    /** {@code /proc/self/fd/N} of the write end. */
    final File writePath;

    private OsPipe(Pipe pipe, int readFd, int writeFd) {
        this.pipe = pipe;
        this.readPath = new File("/proc/self/fd/" + readFd);
        this.writePath = new File("/proc/self/fd/" + writeFd);
    }

    static OsPipe open() throws IOException {
        return open(1).get(0);
    }

    /** {@code n} pipes, found with one look at {@code /proc/self/fd} before and one after. */
    static List<OsPipe> open(int n) throws IOException {
        synchronized (LOCK) {
            Map<Integer, String> before = pipeDescriptors();
            List<Pipe> made = new ArrayList<>();
            List<OsPipe> found = new ArrayList<>();
            try {
                for (int i = 0; i < n; i++) {
                    made.add(Pipe.open());
                }
                Map<Integer, String> fresh = pipeDescriptors();
                // new descriptors, and reused numbers that now name another pipe: another thread may
                // have closed a descriptor since the first look and the kernel gives its number again
                fresh.entrySet().removeIf(e -> e.getValue().equals(before.get(e.getKey())));
                for (Pipe pipe : made) {
                    found.add(identify(pipe, fresh));
                }
                return found;
            } catch (IOException | RuntimeException e) {
                made.forEach(OsPipe::close);
                throw e;
            }
        }
    }

    private static OsPipe identify(Pipe pipe, Map<Integer, String> fresh) throws IOException {
        int readFd = readEnd(pipe, fresh);
        if (readFd >= 0) {
            for (Map.Entry<Integer, String> w : fresh.entrySet()) {
                if (w.getKey() != readFd && w.getValue().equals(fresh.get(readFd)) && isWriteEnd(w.getKey())) {
                    return new OsPipe(pipe, readFd, w.getKey());
                }
            }
        }
        throw new IOException("could not find the descriptors of a new pipe in /proc/self/fd");
    }

    /** Closes both of our ends. */
    void closeBoth() {
        close(pipe);
    }

    /** Descriptor number → link target ({@code pipe:[inode]}) of every pipe this process has open. */
    private static Map<Integer, String> pipeDescriptors() throws IOException {
        Map<Integer, String> pipes = new HashMap<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            fds.forEach(p -> {
                try {
                    String target = Files.readSymbolicLink(p).toString();
                    if (target.startsWith("pipe:")) {
                        pipes.put(Integer.parseInt(p.getFileName().toString()), target);
                    }
                } catch (IOException | NumberFormatException gone) {
                    // closed meanwhile by another thread (or the listing's own descriptor): not ours
                }
            });
        }
        return pipes;
    }

    private static boolean isWriteEnd(int fd) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/fdinfo/" + fd))) {
            if (line.startsWith("flags:")) {
                return (Integer.parseInt(line.substring(6).trim(), 8) & 3) == 1; // O_WRONLY
            }
        }
        return false;
    }

    /**
     * Which of {@code candidates} is the read end of {@code pipe}, or -1: with one byte written into
     * {@code pipe}, its read end shows one byte available (FIONREAD, which {@link FileInputStream#available}
     * asks for a pipe), and none once the byte is read back. Nothing is written to or read from any
     * other pipe.
     */
    private static int readEnd(Pipe pipe, Map<Integer, String> candidates) throws IOException {
        pipe.sink().write(ByteBuffer.wrap(new byte[] {0x2A}));
        try {
            for (Map.Entry<Integer, String> c : candidates.entrySet()) {
                int fd = c.getKey();
                // only a read end whose write end is open too: opening a pipe with no writer would wait
                boolean paired = candidates.entrySet().stream().anyMatch(o -> o.getKey() != fd
                        && o.getValue().equals(c.getValue()));
                if (paired && !isWriteEnd(fd) && available(fd) == 1) {
                    drain(pipe);
                    if (available(fd) == 0) {
                        return fd;
                    }
                    return -1; // not ours after all; our byte is gone, nothing else was touched
                }
            }
            return -1;
        } finally {
            drain(pipe);
        }
    }

    private static int available(int fd) throws IOException {
        try (FileInputStream in = new FileInputStream("/proc/self/fd/" + fd)) {
            return in.available();
        }
    }

    /** Reads back the probe byte if it is still there. */
    private static void drain(Pipe pipe) throws IOException {
        pipe.source().configureBlocking(false);
        try {
            pipe.source().read(ByteBuffer.allocate(1));
        } finally {
            pipe.source().configureBlocking(true);
        }
    }

    private static void close(Pipe pipe) {
        try {
            pipe.sink().close();
        } catch (IOException ignored) {
            // closing a fresh pipe cannot lose data
        }
        try {
            pipe.source().close();
        } catch (IOException ignored) {
            // as above
        }
    }
}
