package dev.nodeshim.cluster;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Copies bytes both ways between pairs of sockets, for {@link RoundRobinHandle}: one thread and one
 * {@link Selector} for every connection of a handle, non-blocking sockets, a 64 KiB buffer per
 * direction. Each side is read only while its buffer has room (a slow reader slows its writer, nothing
 * piles up), and what is read is written at once when the other side takes it. A side's end of stream
 * becomes a {@code shutdownOutput} on the other once its buffer is flushed; when both directions have
 * ended (or either socket fails) both are closed and the pair's {@code ended} callback runs.
 *
 * <p>Replaces the first design, two blocking pump threads per connection: a thread handoff at every
 * turn of a request cost about a third of SCHED_RR's throughput (see the README).
 */
final class Relay {
    private static final int CHUNK = 64 * 1024;

    private final Selector selector;
    private final Thread thread;
    private final ConcurrentLinkedQueue<Pair> incoming = new ConcurrentLinkedQueue<>();
    private volatile boolean closed;

    /** One direction: bytes read from {@code from}, not yet written to {@code to}. */
    private static final class Direction {
        final SocketChannel from;
        final SocketChannel to;
        // direct: a heap buffer would be copied through the JDK's temporary direct buffer at every
        // read and write
        final ByteBuffer buf = ByteBuffer.allocateDirect(CHUNK); // fill mode
        boolean eof;
        boolean shut;

        Direction(SocketChannel from, SocketChannel to) {
            this.from = from;
            this.to = to;
        }
    }

    private static final class Pair {
        final SocketChannel a;
        final SocketChannel b;
        final Direction ab;
        final Direction ba;
        final Runnable ended;
        SelectionKey ka;
        SelectionKey kb;
        boolean done;

        Pair(SocketChannel a, SocketChannel b, Runnable ended) {
            this.a = a;
            this.b = b;
            this.ab = new Direction(a, b);
            this.ba = new Direction(b, a);
            this.ended = ended;
        }
    }

    Relay(String name) throws IOException {
        selector = Selector.open();
        thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Starts relaying between {@code a} and {@code b} (connected sockets); {@code ended} runs once, on the relay thread. */
    void add(SocketChannel a, SocketChannel b, Runnable ended) {
        incoming.add(new Pair(a, b, ended));
        selector.wakeup();
    }

    /** Stops the thread once every pair has ended. */
    void closeWhenIdle() {
        closed = true;
        selector.wakeup();
    }

    private void run() {
        try {
            while (!(closed && selector.keys().isEmpty() && incoming.isEmpty())) {
                selector.select();
                Pair p;
                while ((p = incoming.poll()) != null) {
                    register(p);
                }
                for (SelectionKey k : selector.selectedKeys()) {
                    Pair pair = (Pair) k.attachment();
                    if (!pair.done) {
                        step(pair, k);
                    }
                }
                selector.selectedKeys().clear();
            }
        } catch (IOException e) {
            // the selector failed: nothing more can be relayed
        } finally {
            for (SelectionKey k : selector.keys()) {
                finish((Pair) k.attachment());
            }
            try {
                selector.close();
            } catch (IOException ignored) {
                // closing
            }
        }
    }

    private void register(Pair p) {
        try {
            p.a.configureBlocking(false);
            p.b.configureBlocking(false);
            p.ka = p.a.register(selector, 0, p);
            p.kb = p.b.register(selector, 0, p);
            step(p, null);
        } catch (IOException e) {
            finish(p);
        }
    }

    /**
     * Moves what the ready operations allow — a readable socket is read once and what came is written
     * on at once; a writable one gets the rest of its direction's buffer — then sets what to wait for.
     * Only the socket the selector reported is touched: a read that would find nothing costs a system
     * call per event (half of the relay's calls in the first version, see the README).
     */
    private void step(Pair p, SelectionKey k) {
        try {
            int ready = k == null ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : k.readyOps();
            boolean isA = k == null || k == p.ka;
            boolean isB = k == null || k == p.kb;
            if ((ready & SelectionKey.OP_WRITE) != 0) {
                if (isA) {
                    flush(p.ba);
                }
                if (isB) {
                    flush(p.ab);
                }
            }
            if ((ready & SelectionKey.OP_READ) != 0) {
                if (isA) {
                    pump(p.ab);
                }
                if (isB) {
                    pump(p.ba);
                }
            }
            if (p.ab.shut && p.ba.shut) {
                finish(p);
                return;
            }
            p.ka.interestOps(interest(p.ab, p.ba));
            p.kb.interestOps(interest(p.ba, p.ab));
        } catch (IOException | java.nio.channels.CancelledKeyException e) {
            finish(p);
        }
    }

    /** Interest of the socket that {@code out} reads from and {@code in} writes to. */
    private static int interest(Direction out, Direction in) {
        int ops = 0;
        if (!out.eof && out.buf.hasRemaining()) {
            ops |= SelectionKey.OP_READ;
        }
        if (in.buf.position() > 0) {
            ops |= SelectionKey.OP_WRITE;
        }
        return ops;
    }

    /**
     * Reads {@code d.from} and writes on what came; reads again only when a read filled the whole
     * buffer and all of it went out (there may be more waiting), since the selector is level-triggered.
     */
    private static void pump(Direction d) throws IOException {
        while (!d.eof && d.buf.hasRemaining()) {
            int room = d.buf.remaining();
            int n = d.from.read(d.buf);
            if (n < 0) {
                d.eof = true;
            }
            if (!flush(d) || n < room) {
                break;
            }
        }
        flush(d);
    }

    /** Writes what {@code d} holds; true when nothing is left. Passes its end on once flushed. */
    private static boolean flush(Direction d) throws IOException {
        if (d.buf.position() > 0) {
            d.buf.flip();
            d.to.write(d.buf);
            boolean all = !d.buf.hasRemaining();
            d.buf.compact();
            if (!all) {
                return false; // the other side is full: wait for OP_WRITE
            }
        }
        if (d.eof && !d.shut) {
            d.shut = true;
            try {
                d.to.shutdownOutput();
            } catch (ClosedChannelException ignored) {
                // already closed: nothing to end
            }
        }
        return true;
    }

    private void finish(Pair p) {
        if (p.done) {
            return;
        }
        p.done = true;
        closeQuietly(p.a);
        closeQuietly(p.b);
        p.ended.run();
        if (closed) {
            // the next select() deregisters the cancelled keys and returns at once, so the loop sees
            // whether it was the last pair
            selector.wakeup();
        }
    }

    private static void closeQuietly(SocketChannel ch) {
        try {
            ch.close();
        } catch (IOException ignored) {
            // nothing to flush on a socket we are done with
        }
    }
}
