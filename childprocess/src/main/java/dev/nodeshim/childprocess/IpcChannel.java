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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One end of a fork IPC channel: a Unix domain stream socket carrying newline-delimited JSON
 * ({@link JsonMessages}), Node's default serialization.
 *
 * <h2>How the two JVMs meet</h2>
 * The parent creates a directory only its user can enter ({@code rwx------}) under {@code
 * java.io.tmpdir} (or {@code /tmp} when that path would be too long for a socket address), listens on
 * {@code <dir>/channel}, and passes the path to the child in the environment variable {@value
 * #ENV_PATH} (Node passes a descriptor in {@code NODE_CHANNEL_FD}; the JDK cannot hand a descriptor to a
 * child, so a path it is). The child's launcher ({@link ForkMain}) connects; the parent accepts one
 * connection and deletes the socket file and the directory at once, so nothing else can connect and
 * nothing is left behind. {@value #ENV_SERIALIZATION} is {@code json}.
 *
 * <h2>Threads</h2>
 * A reader thread (the parent's also accepts) reads 64 KiB at a time, cuts complete lines, parses
 * them and posts each read's messages to the loop as one task that emits them in order (Node also
 * emits every message of one read in one callback). A writer thread takes the queued messages, writes
 * them in batches (blocking writes on the helper thread, so a full socket never blocks the loop) and
 * posts the send callbacks. Order is the queue's order. Both threads end when the channel closes.
 *
 * <h2>Keeping the loop alive</h2>
 * The channel holds a {@link Ref} while it is connected and wanted ({@link #ref()}/{@link #unref()}):
 * the parent's from the start, the child's only while {@code process} has {@code 'message'} or
 * {@code 'disconnect'} listeners (what node 20 does: a forked child with no listener exits). Queued
 * writes hold a second Ref until written, so a child that sends and returns still delivers.
 *
 * <p>All state except the two threads' is touched on the loop thread only.
 */
final class IpcChannel implements ProcessChannel {
    /** The environment variable giving a forked JVM the path of its channel's socket. */
    static final String ENV_PATH = "NODESHIM_CHANNEL_PATH";
    /** The environment variable naming the serialization; always {@code json} for now. */
    static final String ENV_SERIALIZATION = "NODESHIM_CHANNEL_SERIALIZATION";
    /** Unwritten bytes beyond which {@link #send} returns false (Node's "backlog" answer). */
    private static final long BACKLOG_LIMIT = 64 * 1024;
    private static final int READ_SIZE = 64 * 1024;
    private static final int WRITE_BATCH = 256 * 1024;
    /** Unix socket paths are limited to 107 bytes on Linux. */
    private static final int MAX_SOCKET_PATH = 100;
    private static final Item CLOSE = new Item(new byte[0], null);

    private final EventEmitter owner;
    private final Runnable onClosed;
    private final ServerSocketChannel server;
    private final Path socketDir;
    private final String path;
    private volatile SocketChannel socket;
    private final CountDownLatch socketReady = new CountDownLatch(1);
    private final LinkedBlockingQueue<Item> queue = new LinkedBlockingQueue<>();
    private final AtomicLong unwritten = new AtomicLong();

    // loop thread (loop is also read by processExited, on the JDK's process-exit thread)
    private volatile EventLoop loop;
    private volatile boolean connected;
    private boolean closed;
    private boolean wantRef;
    private Ref channelRef;
    private Ref writesRef;
    private int pendingWrites;

    private record Item(byte[] bytes, Consumer<Throwable> callback) {
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
        if (socket != null || server == null) {
            socketReady.countDown();
        }
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

    /** The socket path the child connects to. */
    String path() {
        return path;
    }

    /** Starts the helper threads; from now on events go to {@code to}. Loop thread; idempotent. */
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
        String name = "nodeshim-ipc-" + (server != null ? "parent" : "child");
        start(this::readLoop, name + "-reader");
        start(this::writeLoop, name + "-writer");
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
        if (message != null && message.getClass().isHidden()) {
            // A lambda is Java's function: Node rejects functions (an anonymous one prints no name).
            throw Errors.invalidArgType("message", List.of("string", "object", "number", "boolean"), message);
        }
        if (!connected) {
            NodeError err = new NodeError("Error", "ERR_IPC_CHANNEL_CLOSED", "Channel closed");
            loop.nextTick(() -> fail(callback, err));
            return false;
        }
        byte[] bytes = JsonMessages.encode(message);
        if (pendingWrites++ == 0) {
            writesRef = loop.ref();
        }
        long backlog = unwritten.addAndGet(bytes.length);
        queue.add(new Item(bytes, callback));
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
        queue.add(CLOSE);
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

    private void deliver(List<Object> messages) {
        for (Object m : messages) {
            if (!connected) {
                return; // disconnected by a listener of an earlier message: no more 'message'
            }
            if (m instanceof BadMessage bad) {
                throw bad.error; // JSON.parse failing in Node's channel code: an uncaught SyntaxError
            }
            owner.emit("message", m);
        }
    }

    private void peerClosed() {
        if (closed) {
            return; // we disconnected first; the reader only saw our own close
        }
        connected = false;
        closed = true;
        updateRef();
        // Messages queued after the reader saw the end will never be written: fail them now. The
        // writer may have taken the reader's CLOSE already, or not: add one more, it stops at the first.
        List<Item> unsent = new ArrayList<>();
        queue.drainTo(unsent);
        unsent.remove(CLOSE);
        queue.add(CLOSE);
        if (!unsent.isEmpty()) {
            long total = 0;
            for (Item it : unsent) {
                total += it.bytes.length;
            }
            unwritten.addAndGet(-total);
            written(unsent, channelClosed());
        }
        emitDisconnect();
    }

    private void emitDisconnect() {
        try {
            owner.emit("disconnect");
        } finally {
            onClosed.run();
        }
    }

    private void written(List<Item> batch, Throwable error) {
        for (Item it : batch) {
            if (--pendingWrites == 0) {
                writesRef.close();
            }
            if (error == null) {
                if (it.callback != null) {
                    it.callback.accept(null);
                }
            } else {
                fail(it.callback, error);
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
    // Helper threads (they only touch the socket, the queue and the counters; everything else is posted)

    private void readLoop() {
        try {
            SocketChannel s = socket;
            if (s == null) {
                try {
                    s = server.accept();
                    socket = s;
                } finally {
                    closeQuietly(server);
                    deleteQuietly(Path.of(path), socketDir);
                    socketReady.countDown();
                }
            }
            byte[] line = new byte[READ_SIZE];
            int lineLen = 0;
            ByteBuffer buf = ByteBuffer.allocate(READ_SIZE);
            while (s.read(buf) >= 0) {
                List<Object> messages = new ArrayList<>();
                byte[] data = buf.array();
                int n = buf.position();
                int start = 0;
                for (int i = 0; i < n; i++) {
                    if (data[i] == '\n') {
                        Object m;
                        if (lineLen == 0) {
                            m = parse(data, start, i - start);
                        } else {
                            line = append(line, lineLen, data, start, i - start);
                            m = parse(line, 0, lineLen + i - start);
                            lineLen = 0;
                            if (line.length > READ_SIZE) {
                                line = new byte[READ_SIZE]; // let a multi-MiB buffer go
                            }
                        }
                        messages.add(m);
                        start = i + 1;
                    }
                }
                if (start < n) {
                    line = append(line, lineLen, data, start, n - start);
                    lineLen += n - start;
                }
                buf.clear();
                if (!messages.isEmpty()) {
                    loop.execute(() -> deliver(messages));
                }
            }
        } catch (IOException e) {
            // a reset or our own close ends the channel like EOF
        } finally {
            closeQuietly(socket);
            queue.add(CLOSE); // ends the writer even if the loop is gone and peerClosed never runs
            loop.execute(this::peerClosed);
        }
    }

    private static Object parse(byte[] b, int off, int len) {
        try {
            return JsonMessages.decode(b, off, len);
        } catch (NodeError e) {
            return new BadMessage(e);
        }
    }

    /** A line that is not JSON; thrown on the loop when its turn comes. */
    private record BadMessage(NodeError error) {
    }

    private static byte[] append(byte[] to, int len, byte[] from, int off, int n) {
        if (len + n > to.length) {
            to = Arrays.copyOf(to, Math.max(len + n, to.length * 2));
        }
        System.arraycopy(from, off, to, len, n);
        return to;
    }

    private void writeLoop() {
        boolean broken = false;
        try {
            socketReady.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            broken = true;
        }
        List<Item> batch = new ArrayList<>();
        while (true) {
            Item first;
            try {
                first = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            batch.add(first);
            queue.drainTo(batch, 4096);
            int end = batch.indexOf(CLOSE);
            boolean closing = end >= 0;
            List<Item> items = closing ? new ArrayList<>(batch.subList(0, end)) : new ArrayList<>(batch);
            List<Item> late = new ArrayList<>();
            if (closing) {
                // Queued behind a CLOSE the reader added before the loop saw the end: never written.
                for (Item it : batch.subList(end + 1, batch.size())) {
                    if (it != CLOSE) {
                        late.add(it);
                    }
                }
            }
            batch.clear();
            Throwable error = null;
            SocketChannel s = socket;
            if (!items.isEmpty()) {
                if (broken || s == null) {
                    error = channelClosed();
                } else {
                    try {
                        writeAll(s, items);
                    } catch (IOException e) {
                        broken = true;
                        error = channelClosed();
                    }
                }
                long total = 0;
                for (Item it : items) {
                    total += it.bytes.length;
                }
                unwritten.addAndGet(-total);
                Throwable err = error;
                loop.execute(() -> written(items, err));
            }
            if (closing) {
                closeQuietly(s);
                closeQuietly(server);
                if (!late.isEmpty()) {
                    long total = 0;
                    for (Item it : late) {
                        total += it.bytes.length;
                    }
                    unwritten.addAndGet(-total);
                    loop.execute(() -> written(late, channelClosed()));
                }
                return;
            }
        }
    }

    private static NodeError channelClosed() {
        return new NodeError("Error", "ERR_IPC_CHANNEL_CLOSED", "Channel closed");
    }

    private static void writeAll(SocketChannel s, List<Item> items) throws IOException {
        int i = 0;
        while (i < items.size()) {
            // Gather up to WRITE_BATCH bytes (or one bigger message) into one write.
            int j = i;
            long size = 0;
            while (j < items.size() && (j == i || size + items.get(j).bytes.length <= WRITE_BATCH)) {
                size += items.get(j).bytes.length;
                j++;
            }
            ByteBuffer[] bufs = new ByteBuffer[j - i];
            for (int k = i; k < j; k++) {
                bufs[k - i] = ByteBuffer.wrap(items.get(k).bytes);
            }
            long left = size;
            while (left > 0) {
                left -= s.write(bufs);
            }
            i = j;
        }
    }

    private static void start(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
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
