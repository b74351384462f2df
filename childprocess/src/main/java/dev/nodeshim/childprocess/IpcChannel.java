package dev.nodeshim.childprocess;

import dev.nodeshim.errors.Errors;
import dev.nodeshim.errors.NodeError;
import dev.nodeshim.events.EventEmitter;
import dev.nodeshim.loop.EventLoop;
import dev.nodeshim.loop.Ref;
import dev.nodeshim.process.ProcessChannel;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.channels.SelectionKey;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One end of a fork IPC channel: a Unix domain stream socket carrying messages in one of Node's
 * serializations ({@link IpcSerialization}): newline-delimited JSON ({@link JsonLines}, the default) or
 * V8's serialization behind a length ({@link AdvancedFrames}, {@code serialization: 'advanced'}).
 *
 * <h2>How the two JVMs meet</h2>
 * The parent creates a directory only its user can enter ({@code rwx------}) under {@code
 * java.io.tmpdir} (or {@code /tmp} when that path would be too long for a socket address), listens on
 * {@code <dir>/channel}, and passes the path to the child in the environment variable {@value
 * #ENV_PATH} (Node passes a descriptor in {@code NODE_CHANNEL_FD}; the JDK cannot hand a descriptor to a
 * child, so a path it is). The child's launcher ({@link ForkMain}) connects; the parent accepts one
 * connection and deletes the socket file and the directory at once, so nothing else can connect and
 * nothing is left behind. {@value #ENV_SERIALIZATION} names the serialization ({@code json} or
 * {@code advanced}).
 *
 * <h2>Threads and writes</h2>
 * The loop itself waits for the non-blocking socket, in its poll phase ({@link EventLoop#watch}), as
 * libuv does for Node: no thread between the socket and the listeners (the parent's accept alone runs on
 * a thread of its own, which ends with it). When the socket is readable the loop reads 64 KiB at a time
 * (at most 16 reads a turn), cuts complete messages, parses them and emits each read's messages in order
 * in one task (Node also emits every message of one read in one callback). {@link #send} serializes on
 * the loop thread and, when nothing is waiting to be written, writes at once with a non-blocking write;
 * what the socket does not take waits in a queue written when the socket is writable, and every later
 * message queues behind it, so order is kept and a peer that does not read never blocks the loop. Send
 * callbacks run on the loop, never inside {@code send}.
 *
 * <p>Measured with an echo child (round trips/s, 2 cores): a blocking reader plus a writer thread fed by
 * a queue (the first version) about 10,000; an I/O thread per channel waiting in its own selector and
 * posting to the loop (the second) 24,000–49,000 against node 20's 51,000–78,000 in the same hours —
 * four thread wake-ups per round trip where Node has two, which this design removes.
 *
 * <h2>Keeping the loop alive</h2>
 * The channel holds a {@link Ref} while it is connected and wanted ({@link #ref()}/{@link #unref()}):
 * the parent's from the start, the child's only while {@code process} has {@code 'message'} or
 * {@code 'disconnect'} listeners (what node 20 does: a forked child with no listener exits). Queued
 * writes hold a second Ref until written, so a child that sends and returns still delivers.
 *
 * <p>All other state is touched on the loop thread only.
 */
final class IpcChannel implements ProcessChannel {
    /** The environment variable giving a forked JVM the path of its channel's socket. */
    static final String ENV_PATH = "NODESHIM_CHANNEL_PATH";
    /** The environment variable naming the serialization: {@code json} or {@code advanced}. */
    static final String ENV_SERIALIZATION = "NODESHIM_CHANNEL_SERIALIZATION";
    /** Unwritten bytes beyond which {@link #send} returns false (Node's "backlog" answer). */
    private static final long BACKLOG_LIMIT = 64 * 1024;
    private static final int READ_SIZE = 64 * 1024;
    /** Unix socket paths are limited to 107 bytes on Linux. */
    private static final int MAX_SOCKET_PATH = 100;
    /** The {@code cmd} prefix of messages delivered as {@code 'internalMessage'}. */
    private static final String INTERNAL_PREFIX = "NODE_";
    /** A received {@code null} in a queue that cannot hold null. */
    private static final Object NULL_MESSAGE = new Object();

    private final EventEmitter owner;
    private final Runnable onClosed;
    private final ServerSocketChannel server;
    private final Path socketDir;
    private final String path;
    private volatile SocketChannel socket;
    /** How messages go on the wire (json unless {@link #serialization(IpcSerialization)} said otherwise). */
    private IpcSerialization serialization = IpcSerialization.JSON;
    private IpcSerialization.Reader reader = serialization.reader();

    // loop thread: the socket's side
    private final ArrayDeque<Item> pending = new ArrayDeque<>();
    /** Bytes sent and not yet written (Node's backlog, for send's answer). */
    private long unwritten;
    private boolean closing; // disconnect(): close once pending is written
    /** Parent side, by path: what runs once the child's connection is accepted. */
    private Runnable onConnected;
    /** Set once the loop watches the connected socket; until then sends wait in pending. */
    private SelectionKey key;
    private ByteBuffer in;
    private boolean ended;   // the channel has ended: nothing more is read or written

    // loop thread
    private volatile EventLoop loop;
    private volatile boolean connected;
    private boolean closed;
    private boolean wantRef;
    private Ref channelRef;
    private Ref writesRef;
    private int pendingWrites;
    private List<Item> doneDirect;
    private final ArrayDeque<Object> received = new ArrayDeque<>();
    private final ArrayDeque<Item> completed = new ArrayDeque<>();

    /** One message's bytes; {@code buf} is created when it is (partly) written. */
    private static final class Item {
        final byte[] bytes;
        final Consumer<Throwable> callback;
        ByteBuffer buf;
        Throwable error;

        Item(byte[] bytes, Consumer<Throwable> callback) {
            this.bytes = bytes;
            this.callback = callback;
        }
    }

    private IpcChannel(EventEmitter owner, Runnable onClosed, ServerSocketChannel server, Path socketDir,
            String path, SocketChannel socket, boolean wantRef) {
        this.owner = owner;
        this.onClosed = onClosed;
        this.server = server;
        this.socketDir = socketDir;
        this.path = path;
        this.socket = socket;
        this.wantRef = wantRef;
        this.connected = server != null || socket != null;
    }

    // ------------------------------------------------------------------------------------------------
    // Opening

    /**
     * The parent's end: listens on a fresh socket; {@link #bind} then accepts the child's connection.
     *
     * @param onClosed runs on the loop after {@code 'disconnect'} was emitted
     */
    static IpcChannel listen(EventEmitter owner, Runnable onClosed) throws IOException {
        Path base = Path.of(System.getProperty("java.io.tmpdir"));
        if (base.toAbsolutePath().toString().length() > MAX_SOCKET_PATH - 40) {
            base = Path.of("/tmp");
        }
        Path dir = Files.createTempDirectory(base, "nodeshim-ipc-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path sock = dir.resolve("channel");
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            server.bind(UnixDomainSocketAddress.of(sock), 1);
        } catch (IOException e) {
            server.close();
            deleteQuietly(sock, dir);
            throw e;
        }
        return new IpcChannel(owner, onClosed, server, dir, sock.toString(), null, true);
    }

    /**
     * The child's end: connects to the parent's socket at {@code path}. When that fails (the parent is
     * gone) the channel starts closed, as a channel whose parent died is.
     */
    static IpcChannel connect(EventEmitter owner, String path) {
        SocketChannel s = null;
        try {
            s = SocketChannel.open(StandardProtocolFamily.UNIX);
            s.connect(UnixDomainSocketAddress.of(path));
        } catch (IOException | RuntimeException e) {
            closeQuietly(s);
            s = null;
        }
        return new IpcChannel(owner, () -> { }, null, null, path, s, false);
    }

    /**
     * An end that is connected already: ours of a socket pair whose other end a child gets as a
     * descriptor (spawn's {@code 'ipc'} entry, {@code NODE_CHANNEL_FD}), or, in a child, the descriptor
     * its parent passed that way. {@code wantRef}: whether it holds the loop from the start (the
     * parent's end; a child's holds it only while {@code process} has channel listeners).
     */
    static IpcChannel adopt(EventEmitter owner, Runnable onClosed, SocketChannel socket, boolean wantRef) {
        return new IpcChannel(owner, onClosed, null, null, null, socket, wantRef);
    }

    /** Sets how messages go on the wire; before the channel is bound to its loop. */
    IpcChannel serialization(IpcSerialization mode) {
        serialization = mode;
        reader = mode.reader();
        return this;
    }

    /** The socket path the child connects to (null for an adopted end). */
    String path() {
        return path;
    }

    /**
     * From now on events go to {@code to}, whose thread watches the socket (the parent's first accepts
     * the child's connection on a thread of its own). Idempotent.
     */
    void bind(EventLoop to) {
        if (loop != null) {
            return;
        }
        loop = to;
        channelRef = to.ref();
        updateRef();
        if (!connected) {
            return;
        }
        if (socket != null) {
            onLoop(() -> watch(socket));
            return;
        }
        Thread t = new Thread(this::accept, "nodeshim-ipc-accept");
        t.setDaemon(true);
        t.start();
    }

    private void onLoop(Runnable r) {
        if (loop.inLoopThread()) {
            r.run();
        } else {
            loop.execute(r);
        }
    }

    private void ensureBound() {
        if (loop == null) {
            bind(EventLoop.current());
        }
    }

    /**
     * The child process has ended (any thread). A child that never connected (its JVM failed to start
     * the launcher, or was killed early) never will: stop accepting, which closes the channel.
     */
    void processExited() {
        if (socket == null && server != null) {
            closeQuietly(server);
            if (loop == null) {
                deleteQuietly(Path.of(path), socketDir); // no reader thread will
            }
        }
    }

    /** Whether the channel has been closed, by either side, as seen on the loop. */
    boolean closed() {
        return closed;
    }

    // ------------------------------------------------------------------------------------------------
    // ProcessChannel

    @Override
    public boolean send(Object message, Consumer<Throwable> callback) {
        ensureBound();
        if (message == dev.nodeshim.errors.Undefined.INSTANCE) {
            throw Errors.missingArgs("message"); // node 20: child.send(undefined)
        }
        if ("function".equals(Errors.typeOf(message))) {
            // A lambda is Java's function: Node rejects functions (an anonymous one prints no name).
            throw Errors.invalidArgType("message", List.of("string", "object", "number", "boolean"), message);
        }
        if (!connected) {
            NodeError err = new NodeError("Error", "ERR_IPC_CHANNEL_CLOSED", "Channel closed");
            loop.nextTick(() -> fail(callback, err));
            return false;
        }
        Item item = new Item(serialization.encode(message), callback);
        if (pendingWrites++ == 0) {
            writesRef = loop.ref();
        }
        unwritten += item.bytes.length;
        long backlog = unwritten;
        boolean written = false;
        boolean failed = false;
        if (ended) {
            failed = true;
        } else if (key != null && pending.isEmpty()) {
            try {
                item.buf = ByteBuffer.wrap(item.bytes);
                socket.write(item.buf);
                written = !item.buf.hasRemaining();
            } catch (IOException e) {
                failed = true; // the loop sees the broken socket too and ends the channel
            }
        }
        if (!written && !failed) {
            pending.add(item);
            if (pending.size() == 1) {
                wantWritable(); // the loop now waits for writability too
            }
        }
        if (failed) {
            unwritten -= item.bytes.length;
            loop.execute(() -> written(List.of(item), channelClosed()));
            return false;
        }
        if (written) {
            unwritten -= item.bytes.length;
            // The callback runs later on the loop, never inside send(): one task per run of direct writes.
            if (doneDirect == null) {
                List<Item> batch = new ArrayList<>();
                doneDirect = batch;
                loop.execute(() -> {
                    if (doneDirect == batch) {
                        doneDirect = null;
                    }
                    written(batch, null);
                });
            }
            doneDirect.add(item);
        } else {
            // Later direct writes must complete after this one, which flush() will report.
            doneDirect = null;
        }
        return backlog <= BACKLOG_LIMIT;
    }

    @Override
    public boolean connected() {
        return connected;
    }

    /**
     * {@code disconnect()}: no more messages either way; what was queued is still written, then the
     * socket is closed. {@code 'disconnect'} is emitted on the next tick; a second call emits
     * {@code 'error'} {@code ERR_IPC_DISCONNECTED} at once (both as node 20 does).
     */
    @Override
    public void disconnect() {
        ensureBound();
        if (!connected) {
            owner.emit("error", new NodeError("Error", "ERR_IPC_DISCONNECTED", "IPC channel is already disconnected"));
            return;
        }
        connected = false;
        closed = true;
        updateRef();
        closing = true;
        wantWritable(); // an idle socket is writable at once: the loop then flushes and closes
        if (server != null && socket == null) {
            closeQuietly(server); // not connected yet: stop accepting
        }
        loop.nextTick(this::emitDisconnect);
    }

    @Override
    public void ref() {
        ensureBound();
        wantRef = true;
        updateRef();
    }

    @Override
    public void unref() {
        ensureBound();
        wantRef = false;
        updateRef();
    }

    private void updateRef() {
        if (channelRef == null) {
            return;
        }
        if (connected && wantRef) {
            channelRef.ref();
        } else {
            channelRef.unref();
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Loop-side completions

    /**
     * Emits the messages of one read. When a listener throws, the rest wait in {@link #received} for a
     * task of their own, ahead of any later read (node 20 goes on with the next messages after an
     * uncaught exception: checked with an uncaughtException listener).
     */
    private void deliver(List<Object> messages) {
        received.addAll(messages);
        drainReceived();
    }

    private void drainReceived() {
        Object m;
        while ((m = received.poll()) != null) {
            if (!connected) {
                received.clear(); // disconnected by a listener of an earlier message: no more 'message'
                return;
            }
            try {
                if (m instanceof IpcSerialization.Unreadable bad) {
                    throw bad.error(); // Node's channel failing to parse: an uncaught error (SyntaxError for JSON)
                }
                owner.emit(isInternal(m) ? "internalMessage" : "message", m == NULL_MESSAGE ? null : m);
            } catch (RuntimeException | Error e) {
                if (!received.isEmpty()) {
                    loop.execute(this::drainReceived);
                }
                throw e;
            }
        }
    }

    /**
     * Node's reserved messages (child_process docs, {@code subprocess.send}): an object whose {@code cmd}
     * is a string starting with {@code NODE_} goes to {@code 'internalMessage'}, never to
     * {@code 'message'}, on either side. node 20 wants at least one character after the prefix:
     * {@code {cmd: 'NODE_'}} is an ordinary message (fork-internal-message.js). The cluster module
     * speaks its protocol this way.
     */
    static boolean isInternal(Object m) {
        return m instanceof java.util.Map<?, ?> map && map.get("cmd") instanceof String cmd
                && cmd.length() > INTERNAL_PREFIX.length() && cmd.startsWith(INTERNAL_PREFIX);
    }

    private void peerClosed() {
        if (closed) {
            return; // we disconnected first; the I/O thread only saw our own close
        }
        connected = false;
        closed = true;
        updateRef();
        emitDisconnect();
    }

    private void emitDisconnect() {
        try {
            owner.emit("disconnect");
        } finally {
            onClosed.run();
        }
    }

    /** Send completions, in order; a throwing callback leaves the rest to a task of their own. */
    private void written(List<Item> batch, Throwable error) {
        for (Item it : batch) {
            it.error = error;
        }
        completed.addAll(batch);
        drainCompleted();
    }

    private void drainCompleted() {
        Item it;
        while ((it = completed.poll()) != null) {
            if (--pendingWrites == 0) {
                writesRef.close();
            }
            try {
                if (it.error == null) {
                    if (it.callback != null) {
                        it.callback.accept(null);
                    }
                } else {
                    fail(it.callback, it.error);
                }
            } catch (RuntimeException | Error e) {
                if (!completed.isEmpty()) {
                    loop.execute(this::drainCompleted);
                }
                throw e;
            }
        }
    }

    private void fail(Consumer<Throwable> callback, Throwable err) {
        if (callback != null) {
            callback.accept(err);
        } else {
            owner.emit("error", err);
        }
    }

    // ------------------------------------------------------------------------------------------------
    // The socket, watched by the loop (loop thread, but for accept)

    /** The parent's side: waits for the child's connection, then hands the socket to the loop. */
    private void accept() {
        SocketChannel s;
        try {
            s = server.accept();
            socket = s;
        } catch (IOException e) {
            // our own close (disconnect before the child connected, or the child has exited)
            loop.execute(this::end);
            return;
        } finally {
            closeQuietly(server);
            deleteQuietly(Path.of(path), socketDir);
        }
        loop.execute(() -> {
            watch(s);
            if (onConnected != null) {
                onConnected.run();
            }
        });
    }

    /** Runs {@code r} on the loop once the child has connected (a channel by path, parent side). */
    void onConnected(Runnable r) {
        onConnected = r;
    }

    /** Starts watching the connected socket; then writes what was sent before (or closes). */
    private void watch(SocketChannel s) {
        try {
            in = ByteBuffer.allocate(READ_SIZE);
            key = loop.watch(s, SelectionKey.OP_READ, ready -> onReady());
        } catch (IOException | RuntimeException e) {
            end();
            return;
        }
        onReady();
    }

    /** Asks the loop to call {@link #onReady} when the socket is writable. */
    private void wantWritable() {
        if (key != null && key.isValid()) {
            key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
        }
    }

    /** The socket is ready: reads what is there, writes what waits, closes after disconnect(). */
    private void onReady() {
        if (ended) {
            return;
        }
        SocketChannel s = socket;
        try {
            // Read what is there, but at most 16 reads before our own writes get a turn.
            int n = 0;
            for (int reads = 0; reads < 16 && (n = s.read(in)) > 0; reads++) {
                cut(in);
            }
            if (n < 0) {
                end(); // the peer closed
                return;
            }
            if (!flush(s)) {
                key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
                return;
            }
            if (closing) {
                end(); // everything queued before disconnect() is written
                return;
            }
            key.interestOps(SelectionKey.OP_READ);
        } catch (IOException e) {
            end(); // a reset, a failed write, or our own close: the channel ends like EOF
        }
    }

    /** The channel's end: what was not written fails, the socket closes, 'disconnect' follows. */
    private void end() {
        if (ended) {
            return;
        }
        ended = true;
        List<Item> unsent = new ArrayList<>(pending);
        pending.clear();
        if (!unsent.isEmpty()) {
            for (Item it : unsent) {
                unwritten -= it.bytes.length;
            }
            loop.execute(() -> written(unsent, channelClosed()));
        }
        if (key != null) {
            key.cancel();
        }
        closeQuietly(socket);
        closeQuietly(server);
        loop.execute(this::peerClosed);
    }

    /**
     * Writes what is pending and posts the completions of what was written, in order, before any later
     * direct write can post its own.
     *
     * @return whether everything pending was written
     */
    private boolean flush(SocketChannel s) throws IOException {
        List<Item> done = null;
        try {
            while (!pending.isEmpty()) {
                Item it = pending.peek();
                if (it.buf == null) {
                    it.buf = ByteBuffer.wrap(it.bytes);
                }
                s.write(it.buf);
                if (it.buf.hasRemaining()) {
                    return false;
                }
                pending.poll();
                unwritten -= it.bytes.length;
                if (done == null) {
                    done = new ArrayList<>();
                }
                done.add(it);
            }
            return true;
        } finally {
            if (done != null) {
                List<Item> batch = done;
                loop.execute(() -> written(batch, null));
            }
        }
    }

    /**
     * Gives what was just read into {@code in} to the serialization's reader, which keeps an incomplete
     * message, and posts the completed messages as one task.
     */
    private void cut(ByteBuffer in) {
        List<Object> messages = new ArrayList<>();
        reader.read(in.array(), 0, in.position(), messages);
        in.clear();
        if (!messages.isEmpty()) {
            messages.replaceAll(m -> m == null ? NULL_MESSAGE : m);
            loop.execute(() -> deliver(messages));
        }
    }

    private static NodeError channelClosed() {
        return new NodeError("Error", "ERR_IPC_CHANNEL_CLOSED", "Channel closed");
    }

    private static void closeQuietly(java.io.Closeable c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException ignored) {
                // closing only releases the descriptor
            }
        }
    }

    private static void deleteQuietly(Path sock, Path dir) {
        try {
            Files.deleteIfExists(sock);
            if (dir != null) {
                Files.deleteIfExists(dir);
            }
        } catch (IOException ignored) {
            // a leftover empty directory in the temp folder is harmless
        }
    }
}
