package dev.nodeshim.benchmarks.cluster;

import dev.nodeshim.cluster.ClusterServer;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.TimeUnit;

/**
 * The same hello world as {@link HelloCluster}'s, served by Netty (a production Java server) in a
 * cluster worker, through {@link ClusterServer}: {@code bind} starts a Netty server on whatever address
 * the cluster gives (a private loopback port under SCHED_RR, the shared port under SCHED_NONE).
 *
 * <p>Netty's native epoll transport when it loads (its own sockets: it does not go through the JDK's
 * {@code SelectorProvider}, so it sets {@code SO_REUSEPORT} itself — needed under SCHED_NONE, harmless
 * under SCHED_RR), else its NIO transport (which gets {@code SO_REUSEPORT} from the worker's
 * {@code ReusePortSelectorProvider}). One event-loop thread per worker, as a node worker has one thread
 * (the environment's {@code BENCH_NETTY_THREADS} changes it). The response carries the headers node's
 * carries for the same handler: {@code Content-Length}, {@code Date} (formatted once a second, as node
 * caches it) and, on a kept-alive HTTP/1.1 connection, {@code Connection: keep-alive}.
 */
final class NettyHello implements ClusterServer {
    private static final byte[] BODY = HelloCluster.BODY;
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME;

    private final EventLoopGroup group;
    private final boolean epoll;
    private Channel channel;

    NettyHello(int threads) {
        this.epoll = Epoll.isAvailable();
        this.group = epoll ? new EpollEventLoopGroup(threads) : new NioEventLoopGroup(threads);
    }

    /** Which transport serves: {@code "epoll"} or {@code "nio"}. */
    String transport() {
        return epoll ? "epoll" : "nio";
    }

    @Override
    public InetSocketAddress bind(InetSocketAddress address) throws IOException {
        ServerBootstrap b = new ServerBootstrap().group(group)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpServerCodec(), new Hello());
                    }
                });
        if (epoll) {
            b.channel(EpollServerSocketChannel.class).option(EpollChannelOption.SO_REUSEPORT, true);
        } else {
            b.channel(NioServerSocketChannel.class);
        }
        try {
            channel = b.bind(address).sync().channel();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while binding", e);
        }
        return (InetSocketAddress) channel.localAddress();
    }

    @Override
    public void close() {
        // stop accepting first, then let the event loop finish what it has and end
        if (channel != null) {
            channel.close().syncUninterruptibly();
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** Answers every request with the body; flushes once per batch of reads. */
    static final class Hello extends SimpleChannelInboundHandler<HttpObject> {
        private static final AsciiString LENGTH = AsciiString.of(Integer.toString(BODY.length));
        private static long dateSecond;
        private static AsciiString date;

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) {
            if (!(msg instanceof HttpRequest req)) {
                return; // the (empty) content of a GET
            }
            FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                    Unpooled.wrappedBuffer(BODY));
            res.headers().set(HttpHeaderNames.CONTENT_LENGTH, LENGTH).set(HttpHeaderNames.DATE, date());
            boolean keepAlive = HttpUtil.isKeepAlive(req);
            if (keepAlive) {
                res.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
                ctx.write(res);
            } else {
                ctx.writeAndFlush(res).addListener(io.netty.channel.ChannelFutureListener.CLOSE);
            }
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            ctx.flush();
        }

        /** The Date header, formatted at most once a second (event-loop threads share it). */
        private static synchronized AsciiString date() {
            long now = System.currentTimeMillis() / 1000;
            if (now != dateSecond || date == null) {
                dateSecond = now;
                date = AsciiString.of(HTTP_DATE.format(ZonedDateTime.now(ZoneOffset.UTC)));
            }
            return date;
        }
    }
}
