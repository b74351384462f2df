package dev.nodeshim.cluster;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.EpollDomainSocketChannel;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollServerDomainSocketChannel;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.unix.FileDescriptor;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * {@code SCHED_RR} as Node does it: the primary accepts on the shared port and passes each accepted
 * socket's descriptor to the chosen worker ({@code SCM_RIGHTS} over a Unix stream socket, its
 * <em>link</em>), then closes its own copy; the worker adopts it ({@link AdoptingServer#adopt}) and the
 * primary never sees the connection again — no relay, no extra hop.
 *
 * <p>Everything runs on one Netty epoll event-loop thread per port (daemon, named
 * {@code nodeshim-cluster-rr-fd-<port>}): the public server socket, whose accepted children are never
 * registered here (their descriptors are only carried), and a Unix server socket in Linux's abstract
 * namespace (no file: nothing is left behind, even by a primary killed with SIGKILL) that each worker
 * connects to once for this port. A link is accepted only from a process the primary expects, by the
 * peer's pid ({@code SO_PEERCRED}, which the kernel fills in), and is that worker's until it
 * closes (the worker died: later offers to it are refused and go to the next worker). The primary
 * never reads from a link.
 *
 * <p>Retiring a worker closes its link once every descriptor offered to it has been written
 * ({@link RoundRobinHandle} counts them): the worker reads the descriptors still queued in the socket,
 * then the end, and knows it has every connection meant for it. Closing the handoff closes the
 * listening sockets; links end when the thread does, after a short quiet
 * period, so that descriptors being written still arrive.
 */
final class DescriptorHandoff implements RoundRobinHandle.Handoff<FileDescriptor> {
    private record Expected(int workerId, Runnable linked) {}

    private final EventLoopGroup group;
    private final Channel server;
    private final Channel unix;
    private final String name;
    private final InetSocketAddress address;
    private final Map<Integer, Channel> links = new ConcurrentHashMap<>();
    private final Map<Long, Expected> expected = new ConcurrentHashMap<>();
    private volatile Consumer<FileDescriptor> route;

    /** A link that fails (its worker died with descriptors unread: a reset) is closed, without a log. */
    @ChannelHandler.Sharable
    private static final class CloseOnError extends ChannelInboundHandlerAdapter {
        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }

    private static final ChannelHandler CLOSE_ON_ERROR = new CloseOnError();

    private DescriptorHandoff(EventLoopGroup group, Channel server, Channel unix, String name) {
        this.group = group;
        this.server = server;
        this.unix = unix;
        this.name = name;
        this.address = (InetSocketAddress) server.localAddress();
    }

    static DescriptorHandoff open(InetSocketAddress address) throws IOException {
        DescriptorHandoff[] self = {null};
        EventLoopGroup group = new EpollEventLoopGroup(1, new DefaultThreadFactory("nodeshim-cluster-rr-fd", true));
        Channel server = null;
        try {
            server = new ServerBootstrap().group(group).channel(EpollServerSocketChannel.class)
                    .option(ChannelOption.SO_BACKLOG, 511) // Node's default backlog
                    .option(ChannelOption.SO_REUSEADDR, true)
                    .option(ChannelOption.AUTO_READ, false) // no accept before start()
                    .handler(new ChannelInboundHandlerAdapter() {
                        @Override
                        public void channelRead(ChannelHandlerContext ctx, Object child) {
                            // accepted, never registered here: only its descriptor travels on
                            self[0].route.accept(((EpollSocketChannel) child).fd());
                        }
                    })
                    .childHandler(new ChannelInboundHandlerAdapter()) // unused: channelRead above takes every child
                    .bind(address).syncUninterruptibly().channel();
            // Linux's abstract namespace: no file to leave behind when the primary is killed; anyone may
            // connect, so a link is kept only from a pid the primary expects (SO_PEERCRED, set by the kernel)
            String name = "@nodeshim-cluster-" + ProcessHandle.current().pid() + "-" + address.getPort() + "-"
                    + Long.toHexString(new java.security.SecureRandom().nextLong());
            Channel unix = new ServerBootstrap().group(group).channel(EpollServerDomainSocketChannel.class)
                    .childHandler(new ChannelInitializer<Channel>() {
                        @Override
                        protected void initChannel(Channel link) {
                            self[0].linked((EpollDomainSocketChannel) link);
                        }
                    })
                    .bind(DescriptorLink.address(name)).syncUninterruptibly().channel();
            self[0] = new DescriptorHandoff(group, server, unix, name);
            return self[0];
        } catch (Exception e) {
            // a failed bind comes out of syncUninterruptibly as Netty's own IOException, undeclared
            if (server != null) {
                server.close().syncUninterruptibly();
            }
            group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            if (e instanceof IOException io) {
                throw io;
            }
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new IOException(e);
        }
    }

    @Override
    public InetSocketAddress address() {
        return address;
    }

    @Override
    public boolean passesDescriptors() {
        return true;
    }

    @Override
    public String linkPath() {
        return name;
    }

    @Override
    public void start(Consumer<FileDescriptor> route) {
        this.route = route;
        server.config().setAutoRead(true);
    }

    /**
     * Node's {@code SCHED_NONE} for adopting servers: the same sockets, but the public one is never
     * accepted on here; each worker that links gets the listening socket itself
     * ({@link #shareListening}) and accepts from its one queue.
     */
    static RoundRobinHandle.Handoff<FileDescriptor> shared(InetSocketAddress address) throws IOException {
        return open(address); // AUTO_READ stays off: the primary never accepts
    }

    @Override
    public void shareListening(int workerId) {
        Channel link = links.get(workerId);
        if (link != null) {
            // the worker closes the link once it has the socket; our copy stays open until close()
            link.writeAndFlush(((EpollServerSocketChannel) server).fd());
        }
    }

    @Override
    public void expect(long pid, int workerId, Runnable linked) {
        expected.put(pid, new Expected(workerId, linked));
    }

    @Override
    public void forget(long pid) {
        expected.remove(pid); // it died before it linked
    }

    /** A process connected to the Unix socket: the worker we expect from that pid, or a stranger. */
    private void linked(EpollDomainSocketChannel link) {
        Expected e;
        try {
            e = expected.remove((long) link.peerCredentials().pid());
        } catch (IOException ex) {
            e = null;
        }
        if (e == null) {
            link.close();
            return;
        }
        int id = e.workerId();
        link.pipeline().addLast(CLOSE_ON_ERROR);
        links.put(id, link);
        link.closeFuture().addListener(f -> links.remove(id, link)); // the worker died or was retired
        e.linked().run();
    }

    @Override
    public void offer(FileDescriptor client, int workerId, int port, RoundRobinHandle.Outcome outcome) {
        Channel link = links.get(workerId);
        if (link == null && port > 0) {
            NettyRelay.relay(group, client, port, outcome); // a worker whose server cannot adopt
            return;
        }
        if (link == null || !link.isActive()) {
            outcome.refused();
            return;
        }
        link.writeAndFlush(client).addListener(f -> {
            if (f.isSuccess()) {
                discard(client); // the worker has its own copy now
                outcome.ended();
            } else {
                outcome.refused(); // the link broke: the descriptor is still ours
            }
        });
    }

    @Override
    public void retire(int workerId, Runnable then) {
        Channel link = links.remove(workerId);
        if (link != null) {
            link.close(); // every descriptor offered to it is written: the worker reads them, then the end
        }
        then.run();
    }

    @Override
    public void discard(FileDescriptor client) {
        try {
            client.close();
        } catch (IOException ignored) {
            // a descriptor that will not close has nothing left to lose
        }
    }

    @Override
    public void close() {
        server.close();
        unix.close();
        // links still open belong to workers being drained: they end with the thread, once idle
        group.shutdownGracefully(100, 5_000, TimeUnit.MILLISECONDS);
    }
}
