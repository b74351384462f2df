package dev.nodeshim.childprocess;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.HashSet;
import java.util.Set;

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
 * {@code /proc/self/fd} (see {@link #identify}): among the pipes that appeared during the call (under a
 * lock, so two of ours never mix), ours is the one that shows the probe bytes we wrote into our
 * {@link Pipe.SinkChannel}. A foreign pipe made by another thread at that moment is only looked at,
 * never written or read. Costs two listings of {@code /proc/self/fd} and a few opens per start.
 * Linux only, like the rest of the module's process handling.
 */
final class OsPipe {
    private static final Object LOCK = new Object();
    private static final File FD_DIR = new File("/proc/self/fd");
    /** How often the quick way of {@link #open(int)} missed (tests; guarded by LOCK). */
    static int thoroughOpens;

    final Pipe pipe;
    /**
     * {@code /proc/self/fd/N} of one of the pipe's descriptors: opened for reading it gives a read end,
     * for writing a write end, whichever end N is.
     */
    final File path;
    /** The read end's and the write end's descriptor numbers, read by the native library; -1 without it. */
    final int sourceFd;
    final int sinkFd;

    private OsPipe(Pipe pipe, int fd) {
        this(pipe, new File("/proc/self/fd/" + fd), -1, -1);
    }

    private OsPipe(Pipe pipe, File path, int sourceFd, int sinkFd) {
        this.pipe = pipe;
        this.path = path;
        this.sourceFd = sourceFd;
        this.sinkFd = sinkFd;
    }


    static OsPipe open() throws IOException {
        return open(1).get(0);
    }

    /**
     * {@code n} pipes, found with one look at {@code /proc/self/fd} before and one after: first by the
     * descriptor numbers alone (one directory read each; only the new numbers' links are read), which
     * misses a pipe only when another thread closed a descriptor in between and ours got its number —
     * then again, comparing every pipe descriptor's target as well.
     */
    static List<OsPipe> open(int n) throws IOException {
        if (NativeSpawn.AVAILABLE) {
            // the native library reads the descriptor numbers off the channels: no /proc search
            List<OsPipe> pipes = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Pipe p = Pipe.open();
                int source = NativeSpawn.fdOf(p.source());
                pipes.add(new OsPipe(p, new File("/proc/self/fd/" + source), source, NativeSpawn.fdOf(p.sink())));
            }
            return pipes;
        }
        synchronized (LOCK) {
            List<Pipe> made = new ArrayList<>();
            Set<String> before = new HashSet<>(Arrays.asList(descriptorNames()));
            // The first listing's own descriptor (which it shows) is closed again: hold its number
            // until the second listing is done, or a new pipe would get it and be taken for an old one.
            try (FileInputStream holdNumber = new FileInputStream("/dev/null")) {
                for (int i = 0; i < n; i++) {
                    made.add(Pipe.open());
                }
                Map<Integer, String> fresh = new HashMap<>();
                for (String name : descriptorNames()) {
                    if (!before.contains(name)) {
                        addIfPipe(fresh, name);
                    }
                }
                return identify(made, fresh);
            } catch (IOException | RuntimeException e) {
                made.forEach(OsPipe::close);
            }
            thoroughOpens++;
            return openComparingTargets(n);
        }
    }

    /** The names in {@code /proc/self/fd} (one directory read, no link read). */
    private static String[] descriptorNames() throws IOException {
        String[] names = FD_DIR.list();
        if (names == null) {
            throw new IOException("cannot list /proc/self/fd");
        }
        return names;
    }

    /** {@link #open(int)} the thorough way: every pipe descriptor's target, before and after. */
    private static List<OsPipe> openComparingTargets(int n) throws IOException {
        Map<Integer, String> before = pipeDescriptors();
        List<Pipe> made = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                made.add(Pipe.open());
            }
            Map<Integer, String> fresh = pipeDescriptors();
            // new descriptors, and reused numbers that now name another pipe: another thread may
            // have closed a descriptor since the first look and the kernel gives its number again
            fresh.entrySet().removeIf(e -> e.getValue().equals(before.get(e.getKey())));
            return identify(made, fresh);
        } catch (IOException | RuntimeException e) {
            made.forEach(OsPipe::close);
            throw e;
        }
    }

    /**
     * Which new descriptor is which of {@code made}: pipe k gets k + 1 probe bytes; a descriptor of it
     * (opened again for reading through its {@code /proc/self/fd} link) then shows k + 1 bytes
     * available (FIONREAD, which {@link FileInputStream#available} asks for a pipe), and none once the
     * bytes are read back. Only pipes with both ends among the new descriptors are looked at (so a
     * writer exists and opening for reading does not wait), and nothing is written to or read from
     * any other pipe. Either end's link will do for both directions: opening it again gives a new
     * descriptor of the same pipe with the access asked for.
     */
    private static List<OsPipe> identify(List<Pipe> made, Map<Integer, String> fresh) throws IOException {
        Map<String, List<Integer>> byPipe = new HashMap<>();
        fresh.forEach((fd, target) -> byPipe.computeIfAbsent(target, t -> new ArrayList<>()).add(fd));
        for (int k = 0; k < made.size(); k++) {
            made.get(k).sink().write(ByteBuffer.wrap(new byte[k + 1]));
        }
        OsPipe[] found = new OsPipe[made.size()];
        try {
            for (List<Integer> fds : byPipe.values()) {
                if (fds.size() != 2) {
                    continue;
                }
                int fd = fds.get(0);
                int k = available(fd) - 1;
                if (k >= 0 && k < found.length && found[k] == null) {
                    drain(made.get(k));
                    if (available(fd) == 0) {
                        found[k] = new OsPipe(made.get(k), fd);
                    }
                }
            }
        } finally {
            made.forEach(p -> {
                try {
                    drain(p);
                } catch (IOException ignored) {
                    // a pipe that failed here is closed by the caller
                }
            });
        }
        for (OsPipe p : found) {
            if (p == null) {
                throw new IOException("could not find the descriptors of a new pipe in /proc/self/fd");
            }
        }
        return List.of(found);
    }

    /** Closes both of our ends. */
    void closeBoth() {
        close(pipe);
    }

    /** Descriptor number → link target ({@code pipe:[inode]}) of every pipe this process has open. */
    private static Map<Integer, String> pipeDescriptors() throws IOException {
        Map<Integer, String> pipes = new HashMap<>();
        for (String name : descriptorNames()) {
            addIfPipe(pipes, name);
        }
        return pipes;
    }

    /** Adds descriptor {@code name} with its link target when it is a pipe. */
    private static void addIfPipe(Map<Integer, String> pipes, String name) {
        try {
            String target = Files.readSymbolicLink(FD_DIR.toPath().resolve(name)).toString();
            if (target.startsWith("pipe:")) {
                pipes.put(Integer.parseInt(name), target);
            }
        } catch (IOException | NumberFormatException gone) {
            // closed meanwhile by another thread (or the listing's own descriptor): not ours
        }
    }

    private static int available(int fd) throws IOException {
        try (FileInputStream in = new FileInputStream("/proc/self/fd/" + fd)) {
            return in.available();
        }
    }

    /** Reads back whatever probe bytes are still in {@code pipe}. */
    private static void drain(Pipe pipe) throws IOException {
        pipe.source().configureBlocking(false);
        try {
            ByteBuffer buf = ByteBuffer.allocate(64);
            while (pipe.source().read(buf) > 0) {
                buf.clear();
            }
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
