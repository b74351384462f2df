package dev.nodeshim.cluster;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollDomainSocketChannel;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollMode;
import io.netty.channel.unix.DomainSocketAddress;
import io.netty.channel.unix.DomainSocketReadMode;
import io.netty.channel.unix.FileDescriptor;
import io.netty.channel.unix.UnixChannelOption;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A worker's end of a port's Unix link ({@link DescriptorHandoff}): reads the descriptors the primary
 * passes and gives each to the server ({@link AdoptingServer#adopt}) on the link's thread (one per
 * worker, daemon, {@code nodeshim-cluster-link}). The link's end means the primary sends no more:
 * {@link #awaitEnd} lets the worker close its server only once every descriptor meant for it has been
 * adopted.
 */
final class DescriptorLink {
    private static EventLoopGroup group; // under DescriptorLink.class; one thread for all of a worker's links

    private final CountDownLatch ended = new CountDownLatch(1);

    /** What the worker does with each descriptor received ({@link AdoptingServer#adopt}, or more). */
    interface Receiver {
        void receive(int fd) throws IOException;
    }

    private DescriptorLink() {}

    /** Whether Netty's epoll transport loads in this JVM (its native library, Linux). */
    static boolean epollLoads() {
        return Epoll.isAvailable();
    }

    /**
     * The address of a link's name: {@code @name} is {@code name} in Linux's abstract namespace (Netty
     * takes a leading NUL for it), anything else a path.
     */
    static DomainSocketAddress address(String name) {
        return new DomainSocketAddress(name.startsWith("@") ? "\0" + name.substring(1) : name);
    }

    private static synchronized EventLoopGroup group() {
        if (group == null) {
            group = new EpollEventLoopGroup(1, new DefaultThreadFactory("nodeshim-cluster-link", true));
        }
        return group;
    }

    /**
     * Connects to the primary's Unix socket at {@code path} and hands every descriptor read to
     * {@code receiver} (on the link's thread); with {@code once}, the link is closed after the first
     * (a shared listening socket: nothing else follows). {@code failed} runs (on the link's thread) when
     * the connection cannot be made.
     */
    static DescriptorLink connect(String path, boolean once, Receiver receiver, Consumer<Throwable> failed) {
        DescriptorLink link = new DescriptorLink();
        ChannelFuture f = new Bootstrap().group(group()).channel(EpollDomainSocketChannel.class)
                .option(UnixChannelOption.DOMAIN_SOCKET_READ_MODE, DomainSocketReadMode.FILE_DESCRIPTORS)
                // Edge-triggered, a read of one descriptor left the next ones queued and unnoticed (seen in
                // the prototype: half the connections hung); level-triggered reads until the queue is empty.
                .option(EpollChannelOption.EPOLL_MODE, EpollMode.LEVEL_TRIGGERED)
                .handler(new ChannelInboundHandlerAdapter() {
                    @Override
                    public void channelRead(ChannelHandlerContext ctx, Object msg) {
                        link.receive(receiver, (FileDescriptor) msg);
                        if (once) {
                            ctx.close();
                        }
                    }

                    @Override
                    public void channelInactive(ChannelHandlerContext ctx) {
                        link.ended.countDown();
                    }

                    @Override
                    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                        ctx.close(); // the primary is gone: the end, as far as this link goes
                    }
                })
                .connect(address(path));
        f.addListener(done -> {
            if (!done.isSuccess()) {
                link.ended.countDown();
                failed.accept(done.cause());
            }
        });
        return link;
    }

    private void receive(Receiver receiver, FileDescriptor fd) {
        try {
            receiver.receive(fd.intValue());
        } catch (IOException | RuntimeException e) {
            try {
                fd.close(); // the server would not take it: the client sees the connection end
            } catch (IOException ignored) {
                // nothing more to do for it
            }
        }
    }

    /** Waits until the primary has ended the link (or it broke), at most {@code ms}; true when it ended. */
    boolean awaitEnd(long ms) throws InterruptedException {
        return ended.await(ms, TimeUnit.MILLISECONDS);
    }

    /** Ends the link thread once the worker has closed its servers. */
    static synchronized void shutdown() {
        if (group != null) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            group = null;
        }
    }
}
