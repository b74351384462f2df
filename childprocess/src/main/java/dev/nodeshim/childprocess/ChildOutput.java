package dev.nodeshim.childprocess;

import dev.nodeshim.buffer.Buffer;
import dev.nodeshim.loop.EventLoop;
import dev.nodeshim.stream.Readable;
import dev.nodeshim.stream.ReadableOptions;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * A child's stdout or stderr as a {@link Readable}, fed from our end of an {@link OsPipe}.
 *
 * <p>Backpressure is Node's: a pooled reader thread reads (up to 64 KiB a read, like libuv) only while
 * the stream wants data, and the chunks are pushed on the loop. When the stream asks through
 * {@code _read} while it is paused or read with {@code read()}, one read is made per {@code _read}, as
 * Node's socket does (it stops after the push that fills highWaterMark). While it flows, the reader
 * goes on reading without waiting for each chunk's round trip through the loop, until a push returns
 * false (the consumer paused) or {@value #AHEAD} reads wait to be pushed; reads made while the loop is
 * busy are pushed by one loop task, each as its own {@code 'data'}. So a paused stream holds at most
 * one read past its highWaterMark (and at most {@value #AHEAD} more wait unpushed), the pipe fills
 * and the child blocks in its write — a child whose output nobody consumes waits, as under Node. End of file (every writer,
 * grandchildren included, has closed the pipe) pushes the end. Destroying the stream closes the pipe,
 * which also ends a blocked read.
 *
 * <p>Used where the native library is missing (with it, the loop reads the pipe itself:
 * {@link PolledOutput}). Where the work goes: the reader reads the channel into a pooled buffer
 * ({@link ReadBuffers}; the JDK copies through its own temporary buffer) and the loop copies each read
 * into a fresh array for its chunk (a listener may keep a chunk, so chunks never share memory that is
 * read into again). Reading ahead matters: handing each chunk to the loop and waiting for the next
 * {@code _read} before the next read cost three thread switches per chunk and held a fast child's
 * output to about Node's speed.
 */
final class ChildOutput {
    /** The most buffers read and not yet pushed while the stream flows (64 KiB each). */
    private static final int AHEAD = 4;
    /** {@link #credit} while the stream flows: read on until stopped. */
    private static final int ON = Integer.MAX_VALUE;
    /** Marks end of file (or a failed read) among the waiting reads. */
    private static final ByteBuffer END = ByteBuffer.allocate(0);
    private static final ByteBuffer[] NONE = new ByteBuffer[0];

    final Readable stream;
    private final EventLoop loop;
    private final Pipe.SourceChannel source;

    /** Reads the reader may make before it waits for the stream: 0, 1, or {@link #ON}. */
    private volatile int credit;
    /** Loop thread: a read was granted while not flowing and its chunk has not been pushed yet. */
    private boolean requested;
    /** Loop thread: how many times the stream asked ({@code _read}); tells whether it asked during a push. */
    private int wants;
    // Guarded by this: what the reader thread and the loop thread share.
    /** Filled read buffers not yet pushed, in order ({@link #END} last when the pipe ended). */
    private final ArrayDeque<ByteBuffer> waiting = new ArrayDeque<>();
    /** A loop task that pushes {@link #waiting} is posted and has not run yet. */
    private boolean posted;
    /** A push returned false: reads wait in {@link #waiting} until the stream asks again. */
    private boolean held;
    private boolean finished;

    ChildOutput(EventLoop loop, Pipe.SourceChannel source) {
        this.loop = loop;
        this.source = source;
        this.stream = new Readable(ReadableOptions.defaults()
                .read((self, size) -> want())
                .destroy((self, err, cb) -> {
                    stop();
                    cb.call(err);
                }));
        PipeReaders.start(this::readLoop);
        want(); // like a Node socket, it reads at once, up to its highWaterMark, before anyone asks
    }

    /** Loop thread: the stream asks for data ({@code _read}). */
    private void want() {
        wants++;
        if (stream.readableFlowing() == Boolean.TRUE) {
            if (credit != ON || held) { // else the reader reads on: the common case, one _read per chunk
                synchronized (this) {
                    held = false;
                    credit = ON;
                    notifyAll();
                }
            }
        } else if (!requested) {
            requested = true; // not flowing: one read at a time, until its chunk is pushed (Node's socket)
            synchronized (this) {
                held = false;
                credit = 1;
                notifyAll();
            }
        } else {
            synchronized (this) {
                held = false;
            }
        }
        postWaiting();
    }

    /** Loop thread: reads that wait (held back after a push returned false) are pushed by a loop task. */
    private void postWaiting() {
        synchronized (this) {
            if (posted || waiting.isEmpty()) {
                return;
            }
            posted = true;
        }
        loop.execute(this::pushWaiting);
    }

    private void readLoop() {
        try {
            while (true) {
                synchronized (this) {
                    while (!finished && (credit == 0 || waiting.size() >= AHEAD)) {
                        waitUninterruptibly();
                    }
                    if (finished) {
                        return;
                    }
                    if (credit != ON) {
                        credit--;
                    }
                }
                ByteBuffer read = readOnce();
                if (read == null) {
                    hand(END);
                    return;
                }
                hand(read);
            }
        } catch (IOException closedOrBroken) {
            // destroyed (the channel was closed under the read) or the pipe failed: no more data
            hand(END);
        } finally {
            close();
        }
    }

    /**
     * Reader thread: one read of up to {@value ReadBuffers#SIZE} bytes into a pooled buffer, whose
     * position is then the byte count; null at end of file. The loop copies it out ({@link #chunk}).
     */
    private ByteBuffer readOnce() throws IOException {
        ByteBuffer buf = ReadBuffers.take();
        boolean ok = false;
        try {
            ok = source.read(buf) >= 0;
        } finally {
            if (!ok) {
                ReadBuffers.give(buf);
            }
        }
        return ok ? buf : null;
    }

    /** Reader thread: queues a read for the loop and posts the task that pushes it unless one waits. */
    private void hand(ByteBuffer read) {
        synchronized (this) {
            if (finished) {
                release(read);
                return;
            }
            waiting.add(read);
            if (posted || held) {
                return; // held: the stream has enough; the read waits for its next _read (want())
            }
            posted = true;
        }
        loop.execute(this::pushWaiting);
    }

    /**
     * Loop thread: pushes the reads waiting, in order, each as a chunk of its own (copied out of the
     * read buffer, which goes back to the pool). A push that returns false, with no {@code _read} during
     * it, stops everything: the reads not yet pushed go back to the head of the queue, the reader stops
     * after its current read, and nothing more is pushed until the stream asks again. So a paused
     * stream holds at most the batch's first chunk past its highWaterMark.
     */
    private void pushWaiting() {
        while (true) {
            ByteBuffer[] reads;
            synchronized (this) {
                if (waiting.isEmpty() || held) {
                    posted = false;
                    return;
                }
                reads = waiting.toArray(NONE);
                waiting.clear();
                notifyAll();
            }
            requested = false;
            for (int i = 0; i < reads.length; i++) {
                int before = wants;
                boolean more = reads[i] == END ? stream.push(null) : stream.push(chunk(reads[i]));
                if (!more && wants == before) {
                    synchronized (this) {
                        held = true;
                        credit = 0;
                        for (int k = reads.length - 1; k > i; k--) {
                            waiting.addFirst(reads[k]);
                        }
                    }
                    break;
                }
            }
        }
    }

    /** The bytes of a read as a Buffer of their own; the read buffer goes back to the pool. */
    private static Buffer chunk(ByteBuffer read) {
        byte[] bytes = Arrays.copyOfRange(read.array(), 0, read.position());
        ReadBuffers.give(read);
        return Buffer.wrap(bytes);
    }

    /** Gives a read that will not be pushed back to the pool. */
    private static void release(ByteBuffer read) {
        if (read != END) {
            ReadBuffers.give(read);
        }
    }

    private void waitUninterruptibly() {
        try {
            wait();
        } catch (InterruptedException e) {
            // nothing here interrupts these pooled threads; keep waiting
        }
    }

    /** Ends the reader: called when the stream is destroyed. */
    private void stop() {
        synchronized (this) {
            finished = true;
            waiting.forEach(ChildOutput::release);
            waiting.clear();
            notifyAll();
        }
        close();
    }

    private void close() {
        try {
            source.close();
        } catch (IOException ignored) {
            // nothing more will be read either way
        }
    }
}
