package dev.nodeshim.cluster;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.unix.FileDescriptor;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A Netty server as a cluster worker's server (needs Netty, an optional dependency of this module):
 * give it the handler every connection's pipeline starts with (a {@code @Sharable}
 * {@code ChannelInitializer}, as for {@code ServerBootstrap.childHandler}) and listen.
 *
 * <pre>{@code
 * cluster.listen(new NettyServer(new ChannelInitializer<SocketChannel>() {
 *     protected void initChannel(SocketChannel ch) {
 *         ch.pipeline().addLast(new HttpServerCodec(), new MyHandler());
 *     }
 * }), 8000);
 * }</pre>
 *
 * <p>On Netty's native epoll transport (Linux, {@code netty-transport-native-epoll} on the class path)
 * it is an {@link AdoptingServer}: under {@code SCHED_RR} the primary passes it each connection's
 * descriptor, which it registers as an {@code EpollSocketChannel} with the same handler — no relay. It
 * also sets {@code SO_REUSEPORT} on its listening socket, which {@code SCHED_NONE} needs. Elsewhere it
 * falls back to Netty's NIO transport, which cannot adopt; the primary then relays its connections.
 * Every connection gets {@code TCP_NODELAY}.
 *
 * <p>{@link #close} drains as a cluster worker must: it closes the listening socket, waits until the
 * connections it serves have ended, at most the grace ({@link #grace(Duration)}, one second by
 * default), then closes the rest and ends its threads.
 */
public final class NettyServer implements AdoptingServer {
    private final ChannelHandler handler;
    private final boolean epoll = Epoll.isAvailable();
    private final EventLoopGroup group;
    private final Set<Channel> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closing;
    private Duration grace = Duration.ofSeconds(1);
    private Channel channel;

    /** One event-loop thread, as a Node worker has one thread. */
    public NettyServer(ChannelHandler handler) {
        this(1, handler);
    }

    /** {@code threads} event-loop threads. */
    public NettyServer(int threads, ChannelHandler handler) {
        if (handler == null) {
            throw dev.nodeshim.errors.Errors.invalidArgType("handler", "ChannelHandler", null);
        }
        this.handler = handler;
        this.group = epoll ? new EpollEventLoopGroup(threads) : new NioEventLoopGroup(threads);
    }

    /** How long {@link #close} lets open connections finish; returns this server. */
    public NettyServer grace(Duration value) {
        grace = value;
        return this;
    }

    /** The transport serving: {@code "epoll"} or {@code "nio"}. */
    public String transport() {
        return epoll ? "epoll" : "nio";
    }

    @Override
    public boolean adopts() {
        return epoll;
    }

    @Override
    public InetSocketAddress bind(InetSocketAddress address) throws IOException {
        ServerBootstrap b = bootstrap();
        if (epoll) {
            // SCHED_NONE shares the port; harmless under SCHED_RR (a private loopback port)
            b.channel(EpollServerSocketChannel.class).option(EpollChannelOption.SO_REUSEPORT, true);
        } else {
            b.channel(NioServerSocketChannel.class);
        }
        channel = b.bind(address).syncUninterruptibly().channel(); // a failed bind: Netty's IOException
        return (InetSocketAddress) channel.localAddress();
    }

    @Override
    public InetSocketAddress adoptListening(int fd) throws IOException {
        if (!epoll) {
            new FileDescriptor(fd).close();
            throw new IOException("Netty's NIO transport cannot adopt a listening socket");
        }
        // already bound and listening: registering it is all; accepting starts with its first read
        channel = bootstrap().channelFactory(() -> new EpollServerSocketChannel(fd)).register()
                .syncUninterruptibly().channel();
        return (InetSocketAddress) channel.localAddress();
    }

    /** The options and handlers of every server socket; accepted children are tracked for the drain. */
    private ServerBootstrap bootstrap() {
        return new ServerBootstrap().group(group)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(handler)
                .handler(new io.netty.channel.ChannelInboundHandlerAdapter() {
                    @Override
                    public void channelRead(io.netty.channel.ChannelHandlerContext ctx, Object child) {
                        track((Channel) child);
                        ctx.fireChannelRead(child);
                    }
                });
    }

    @Override
    public void adopt(int fd) throws IOException {
        if (closing || !epoll) {
            new FileDescriptor(fd).close();
            return;
        }
        EpollSocketChannel ch = new EpollSocketChannel(fd);
        ch.config().setTcpNoDelay(true);
        ch.pipeline().addLast(handler);
        track(ch);
        group.register(ch);
    }

    private void track(Channel ch) {
        open.add(ch);
        ch.closeFuture().addListener(f -> open.remove(ch));
    }

    @Override
    public void close() {
        closing = true;
        if (channel != null) {
            channel.close().syncUninterruptibly(); // stop accepting first
        }
        long deadline = System.nanoTime() + grace.toNanos();
        List<Channel> serving = new ArrayList<>(open);
        for (Channel ch : serving) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || !ch.closeFuture().awaitUninterruptibly(left, TimeUnit.NANOSECONDS)) {
                break; // the grace is over: the rest close with the event loops
            }
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
