package dev.nodeshim.benchmarks.cluster;

import dev.nodeshim.cluster.NettyServer;
import io.netty.buffer.Unpooled;
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
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The same hello world as {@link HelloCluster}'s, served by Netty (a production Java server) in a
 * cluster worker, through the cluster's {@link NettyServer}: on Netty's native epoll transport it adopts
 * descriptors, so under SCHED_RR the primary passes it each connection (or relays, with
 * {@code -Dnodeshim.cluster.passDescriptors=false} on the primary); under SCHED_NONE it binds the shared
 * port with {@code SO_REUSEPORT}. One event-loop thread per worker, as a node worker has one thread
 * (the environment's {@code BENCH_NETTY_THREADS} changes it). The response carries the headers node's
 * carries for the same handler: {@code Content-Length}, {@code Date} (formatted once a second, as node
 * caches it) and, on a kept-alive HTTP/1.1 connection, {@code Connection: keep-alive}.
 */
final class NettyHello {
    private static final byte[] BODY = HelloCluster.BODY;
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME;

    private NettyHello() {}

    /** A server of {@code threads} event-loop threads answering every request with the body. */
    static NettyServer server(int threads) {
        return new NettyServer(threads, new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel ch) {
                ch.pipeline().addLast(new HttpServerCodec(), new Hello());
            }
        });
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
