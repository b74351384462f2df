package dev.nodeshim.childprocess;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channel;
import java.nio.channels.Pipe;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.concurrent.TimeUnit;

/**
 * Runs a started child of a Sync form ({@code spawnSync}, {@code execSync}, {@code execFileSync}) to its
 * end over its {@link OsPipe}s, on the calling thread alone: one {@link Selector} writes {@code input}
 * into stdin and reads stdout and stderr until <i>end of file</i> — every writer gone, a grandchild
 * included, as Node's spawnSync waits for its stdio to close — then waits for the exit.
 *
 * <p>Node 20, observed: {@code timeout} counts from the start to the end of all of it (a child that has
 * exited while a grandchild holds its stdout open still times out: {@code ETIMEDOUT}, with the child's
 * own status); on a timeout or a {@code maxBuffer} overflow the child is sent {@code killSignal} if it is
 * still alive, reading stops at once (what a grandchild writes later is not waited for) and the result
 * waits for the child's exit; the output keeps the read that crossed {@code maxBuffer}.
 */
final class SyncRun {
    private static final int READ_SIZE = 64 * 1024;
    /** How long a killed child may take to die before its pipes are closed under it. */
    private static final long KILL_GRACE_MS = 100;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    /** What each {@code 'pipe'} from fd 3 on gave, by fd. */
    final java.util.SortedMap<Integer, ByteArrayOutputStream> extra = new java.util.TreeMap<>();
    boolean timedOut;
    boolean overflow;

    private final Child process;
    private final long maxBuffer;
    private final int killSignal;
    private final long deadline;

    private SyncRun(Child process, long timeoutMs, long maxBuffer, int killSignal) {
        this.process = process;
        this.maxBuffer = maxBuffer;
        this.killSignal = killSignal;
        this.deadline = timeoutMs > 0 ? System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs) : 0;
    }

    /**
     * Feeds {@code input} (null: none, stdin is closed at once), collects stdout and stderr and waits for
     * the exit. Closes every pipe end of {@code stdio} it is given.
     */
    static SyncRun run(Child process, Stdio stdio, byte[] input, long timeoutMs, long maxBuffer, int killSignal)
            throws InterruptedException {
        SyncRun r = new SyncRun(process, timeoutMs, maxBuffer, killSignal);
        Pipe.SinkChannel in = stdio.stdinSink();
        Pipe.SourceChannel out = stdio.outputSource(1);
        Pipe.SourceChannel err = stdio.outputSource(2);
        java.util.SortedMap<Integer, java.nio.channels.SocketChannel> sockets = stdio.extraSockets();
        sockets.keySet().forEach(fd -> r.extra.put(fd, new ByteArrayOutputStream()));
        try {
            r.pump(in, input, out, err, sockets);
            if (r.timedOut || r.overflow) {
                // Signal first, close after: closed pipes would make a writing child die of SIGPIPE
                // before the signal arrives, where Node reports killSignal. A child that outlives the
                // signal (handles or ignores it) finds the pipes closed after a short grace, as in Node.
                r.kill();
                process.waitFor(KILL_GRACE_MS, TimeUnit.MILLISECONDS);
            }
        } finally {
            closeQuietly(in);
            closeQuietly(out);
            closeQuietly(err);
            sockets.values().forEach(SyncRun::closeQuietly);
        }
        if (r.timedOut || r.overflow) {
            process.waitFor();
        } else if (r.deadline == 0) {
            process.waitFor();
        } else if (!process.waitFor(Math.max(0, r.deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
            // the pipes reached their end but the child still runs (it closed them itself)
            r.timedOut = true;
            r.kill();
            process.waitFor();
        }
        return r;
    }

    private void pump(Pipe.SinkChannel in, byte[] input, Pipe.SourceChannel out, Pipe.SourceChannel err,
            java.util.Map<Integer, java.nio.channels.SocketChannel> sockets) throws InterruptedException {
        if (input == null || input.length == 0) {
            closeQuietly(in);
            in = null;
        }
        if (in == null && out == null && err == null && sockets.isEmpty()) {
            return;
        }
        try (Selector selector = Selector.open()) {
            ByteBuffer pending = input == null ? null : ByteBuffer.wrap(input);
            if (in != null) {
                in.configureBlocking(false);
                in.register(selector, SelectionKey.OP_WRITE, pending);
            }
            register(selector, out, this.out);
            register(selector, err, this.err);
            for (java.util.Map.Entry<Integer, java.nio.channels.SocketChannel> e : sockets.entrySet()) {
                e.getValue().configureBlocking(false);
                e.getValue().register(selector, SelectionKey.OP_READ, extra.get(e.getKey()));
            }
            ByteBuffer buf = ByteBuffer.allocate(READ_SIZE);
            // keys().isEmpty() would not do: a cancelled key stays there until the next select
            while (selector.keys().stream().anyMatch(SelectionKey::isValid)) {
                long wait = 0; // no timeout: block until something is ready
                if (deadline != 0) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        timedOut = true;
                        return;
                    }
                    wait = Math.max(1, TimeUnit.NANOSECONDS.toMillis(left + 999_999));
                }
                selector.select(wait);
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
                for (SelectionKey key : selector.selectedKeys()) {
                    if (key.channel() instanceof Pipe.SinkChannel sink) {
                        write(key, sink);
                    } else if (!read(key, buf)) {
                        overflow = true;
                        return;
                    }
                }
                selector.selectedKeys().clear();
            }
        } catch (IOException e) {
            // the selector itself failed: nothing sensible is left to read
            throw new java.io.UncheckedIOException("could not read the child's output", e);
        }
    }

    private static void register(Selector selector, Pipe.SourceChannel source, ByteArrayOutputStream into)
            throws IOException {
        if (source != null) {
            source.configureBlocking(false);
            source.register(selector, SelectionKey.OP_READ, into);
        }
    }

    /** Writes what the pipe takes; at the end of the input, or EPIPE (ignored, as Node), closes stdin. */
    private static void write(SelectionKey key, Pipe.SinkChannel sink) {
        ByteBuffer pending = (ByteBuffer) key.attachment();
        try {
            sink.write(pending);
            if (pending.hasRemaining()) {
                return;
            }
        } catch (IOException childStoppedReading) {
            // EPIPE: the child closed its stdin early; Node ignores that too
        }
        key.cancel();
        closeQuietly(sink);
    }

    /** One read into the key's collector; false when the output passed maxBuffer. */
    private boolean read(SelectionKey key, ByteBuffer buf) {
        ByteArrayOutputStream into = (ByteArrayOutputStream) key.attachment();
        buf.clear();
        int n;
        try {
            n = ((java.nio.channels.ReadableByteChannel) key.channel()).read(buf);
        } catch (IOException broken) {
            n = -1; // what was read is the output
        }
        if (n < 0) {
            key.cancel();
            closeQuietly(key.channel());
            return true;
        }
        into.write(buf.array(), 0, n);
        return into.size() <= maxBuffer;
    }

    /** Sends killSignal unless the child has already ended (its pid may be reused then). */
    private void kill() {
        process.signal(killSignal);
    }

    private static void closeQuietly(Channel c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException ignored) {
                // our end of a pipe: nothing is lost
            }
        }
    }
}
