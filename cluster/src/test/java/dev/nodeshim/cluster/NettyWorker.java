package dev.nodeshim.cluster;

import static dev.nodeshim.cluster.Cluster.cluster;
import static dev.nodeshim.process.NodeProcess.process;

import dev.nodeshim.loop.EventLoop;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A worker serving HTTP with Netty instead of the JDK's HttpServer, through {@link NettyServer}: every
 * response is {@code "<worker id>/<transport>/<local port>/<how it came>"} with {@code Connection: close}, like
 * {@link ClusterWorkers.Http}'s. On epoll the server adopts descriptors, so under SCHED_RR the primary
 * passes it the client's own connection, whose local port is the public one; a relayed connection
 * arrives on the worker's private port instead — the third field tells which.
 */
final class NettyWorker {
    private NettyWorker() {}

    public static void main(String[] args) {
        System.exit(EventLoop.run(args, () -> {
            if (cluster.isPrimary()) {
                throw new IllegalStateException("not a worker");
            }
            String[] prefix = {null};
            NettyServer server = new NettyServer(new ChannelInitializer<SocketChannel>() {
                @Override
                protected void initChannel(SocketChannel ch) {
                    ch.pipeline().addLast(new HttpServerCodec(), new Answer(prefix[0]));
                }
            });
            prefix[0] = process.env().get("NODE_UNIQUE_ID") + "/" + server.transport();
            cluster.listen(server, 0, "127.0.0.1");
        }));
    }

    /**
     * How the connection came: {@code adopted} (passed by the primary: no listening socket of ours),
     * {@code reuseport} (accepted on a socket with SO_REUSEPORT: bound by this worker) or {@code shared}
     * (accepted on one without: the primary's, shared).
     */
    private static String listener(io.netty.channel.Channel ch) {
        if (ch.parent() == null) {
            return "adopted";
        }
        Boolean reuse = ch.parent().config().getOption(io.netty.channel.epoll.EpollChannelOption.SO_REUSEPORT);
        return Boolean.TRUE.equals(reuse) ? "reuseport" : "shared";
    }

    /** Answers every request with the prefix, the connection's local port and how it came, then closes. */
    @ChannelHandler.Sharable
    private static final class Answer extends SimpleChannelInboundHandler<HttpObject> {
        private final String prefix;

        Answer(String prefix) {
            this.prefix = prefix;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) {
            if (msg instanceof HttpRequest) {
                int port = ((InetSocketAddress) ctx.channel().localAddress()).getPort();
                byte[] body = (prefix + "/" + port + "/" + listener(ctx.channel())).getBytes(StandardCharsets.UTF_8);
                FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                        Unpooled.wrappedBuffer(body));
                res.headers().set(HttpHeaderNames.CONTENT_LENGTH, body.length)
                        .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
                ctx.writeAndFlush(res).addListener(ChannelFutureListener.CLOSE);
            }
        }
    }
}
