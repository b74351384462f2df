package dev.nodeshim.cluster;

import static dev.nodeshim.cluster.Cluster.cluster;
import static dev.nodeshim.process.NodeProcess.process;

import dev.nodeshim.loop.EventLoop;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
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
import io.netty.handler.codec.http.HttpVersion;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * A worker serving HTTP with Netty instead of the JDK's HttpServer, bound through {@link ClusterServer}
 * as a user would bind any server: every response is {@code "<worker id>/<transport>"} with
 * {@code Connection: close}, like {@link ClusterWorkers.Http}'s. Netty's epoll transport (its own
 * native sockets, which the worker's {@code ReusePortSelectorProvider} never sees, so it sets
 * {@code SO_REUSEPORT} itself) when it loads, else its NIO transport (which gets the option from that
 * provider under SCHED_NONE).
 */
final class NettyWorker implements ClusterServer {
    private final String body;
    private final boolean epoll = Epoll.isAvailable();
    private final EventLoopGroup group = epoll ? new EpollEventLoopGroup(1) : new NioEventLoopGroup(1);
    private Channel channel;

    private NettyWorker(String body) {
        this.body = body;
    }

    public static void main(String[] args) {
        System.exit(EventLoop.run(args, () -> {
            if (cluster.isPrimary()) {
                throw new IllegalStateException("not a worker");
            }
            String transport = Epoll.isAvailable() ? "epoll" : "nio";
            cluster.listen(new NettyWorker(process.env().get("NODE_UNIQUE_ID") + "/" + transport), 0, "127.0.0.1");
        }));
    }

    @Override
    public InetSocketAddress bind(InetSocketAddress address) throws IOException {
        ServerBootstrap b = new ServerBootstrap().group(group).childHandler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel ch) {
                ch.pipeline().addLast(new HttpServerCodec(), new Answer(body));
            }
        });
        if (epoll) {
            // required under SCHED_NONE (the shared port), harmless under SCHED_RR (a private port)
            b.channel(EpollServerSocketChannel.class).option(EpollChannelOption.SO_REUSEPORT, true);
        } else {
            b.channel(NioServerSocketChannel.class);
        }
        try {
            channel = b.bind(address).sync().channel();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return (InetSocketAddress) channel.localAddress();
    }

    @Override
    public void close() {
        if (channel != null) {
            channel.close().syncUninterruptibly(); // stop accepting first
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private static final class Answer extends SimpleChannelInboundHandler<HttpObject> {
        private final byte[] body;

        Answer(String body) {
            this.body = body.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) {
            if (msg instanceof HttpRequest) {
                FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                        Unpooled.wrappedBuffer(body));
                res.headers().set(HttpHeaderNames.CONTENT_LENGTH, body.length)
                        .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
                ctx.writeAndFlush(res).addListener(ChannelFutureListener.CLOSE);
            }
        }
    }
}
