package dev.nodeshim.childprocess;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.channels.spi.SelectorProvider;

/**
 * A connected pair of Unix stream sockets, one end for us and one for a child: what libuv makes for a
 * Node child's {@code 'ipc'} entry and for a {@code 'pipe'} from fd 3 on (there {@code child.stdio[n]}
 * is a socket, readable and writable). Our end is the JDK's own {@link SocketChannel}, so the loop
 * watches it as any channel ({@link dev.nodeshim.loop.EventLoop#watch}); the child's end is a bare
 * descriptor that {@link NativeSpawn#spawn} gives the child, and which is closed here right after the
 * start. Needs the native library ({@code socketpair} and the adoption of a descriptor).
 */
final class SocketPair {
    /** The address an adopted end reports for its peer: an unnamed socket. */
    private static final UnixDomainSocketAddress UNNAMED = UnixDomainSocketAddress.of("");

    /** Our end. */
    final SocketChannel ours;
    /** The child's end, until {@link #closeChildEnd}; then -1. */
    private int childFd;

    private SocketPair(SocketChannel ours, int childFd) {
        this.ours = ours;
        this.childFd = childFd;
    }

    /** A new pair (both ends close-on-exec: only the child the descriptor is passed to gets a copy). */
    static SocketPair open() throws IOException {
        long r = NativeSpawn.socketPair();
        if (r < 0) {
            throw new IOException("socketpair failed: errno " + -r);
        }
        int mine = (int) r;
        int theirs = (int) (r >>> 32);
        SocketChannel ch;
        try {
            ch = adopt(mine);
        } catch (IOException | RuntimeException e) {
            NativeSpawn.close(mine);
            NativeSpawn.close(theirs);
            throw e;
        }
        return new SocketPair(ch, theirs);
    }

    /**
     * A {@link SocketChannel} that owns the connected Unix socket {@code fd} (one end of a pair, or the
     * channel descriptor a parent passed in {@code NODE_CHANNEL_FD}).
     *
     * @throws IOException when {@code fd} is not a socket, or this JDK cannot adopt a descriptor
     * @throws UnsupportedOperationException without the native library
     */
    static SocketChannel adopt(int fd) throws IOException {
        if (!NativeSpawn.AVAILABLE) {
            throw new UnsupportedOperationException("a channel passed as descriptor " + fd + " (NODE_CHANNEL_FD) needs"
                    + " nodeshim's native library");
        }
        Object ch = NativeSpawn.socketChannel(fd, SelectorProvider.provider(), StandardProtocolFamily.UNIX, UNNAMED);
        if (!(ch instanceof SocketChannel s)) {
            throw new IOException("this JDK has no SocketChannel constructor for a descriptor (sun.nio.ch.SocketChannelImpl)");
        }
        return s;
    }

    /** The descriptor the child gets. */
    int childFd() {
        return childFd;
    }

    /** After the start: our copy of the child's end goes, so the child alone holds it. */
    void closeChildEnd() {
        if (childFd >= 0) {
            NativeSpawn.close(childFd);
            childFd = -1;
        }
    }

    /** After a failed start: both ends. */
    void closeBoth() {
        closeChildEnd();
        try {
            ours.close();
        } catch (IOException ignored) {
            // a socket nobody used: nothing is lost
        }
    }
}
