package dev.nodeshim.cluster;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.channel.socket.DuplexChannel;
import io.netty.channel.unix.FileDescriptor;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The relay of a port whose connections are otherwise passed as descriptors, for a worker whose server
 * cannot adopt one (the JDK's {@code HttpServer} joining a port of {@link NettyServer}s, say, during a
 * deploy that changes the server): the accepted descriptor is wrapped in a Netty channel of the
 * handoff's own event loop and its bytes are copied to and from the worker's private loopback port, as
 * {@link Relay} does for JDK sockets. One read at a time per direction, the next once the write is done
 * (a slow reader slows its writer); a side's end of input becomes a {@code shutdownOutput} on the
 * other; when both directions have ended, or either fails, both are closed and {@code ended} runs.
 */
final class NettyRelay {
    private NettyRelay() {}

    /**
     * Connects to {@code port}; then relays {@code client}, or calls {@code outcome.refused()} (the
     * descriptor still the caller's) when the port refuses.
     */
    static void relay(EventLoopGroup group, FileDescriptor client, int port, RoundRobinHandle.Outcome outcome) {
        new Bootstrap().group(group).channel(EpollSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.AUTO_READ, false)
                .option(ChannelOption.ALLOW_HALF_CLOSURE, true)
                .handler(new ChannelInboundHandlerAdapter())
                .connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))
                .addListener((ChannelFutureListener) f -> {
                    if (!f.isSuccess()) {
                        outcome.refused(); // the worker is going away
                        return;
                    }
                    EpollSocketChannel in = new EpollSocketChannel(client.intValue());
                    in.config().setTcpNoDelay(true);
                    in.config().setAutoRead(false);
                    in.config().setAllowHalfClosure(true);
                    pipe(in, f.channel(), outcome);
                    group.register(in);
                });
    }

    private static void pipe(Channel a, Channel b, RoundRobinHandle.Outcome outcome) {
        AtomicInteger open = new AtomicInteger(2);
        Runnable oneEnded = () -> {
            if (open.decrementAndGet() == 0) {
                a.close();
                b.close();
            }
        };
        a.pipeline().addLast(new Copy(b, oneEnded));
        b.pipeline().addLast(new Copy(a, oneEnded));
        a.closeFuture().addListener(x -> b.close());
        b.closeFuture().addListener(x -> a.close());
        b.closeFuture().addListener(x -> a.closeFuture().addListener(y -> outcome.ended()));
        b.read(); // a starts reading once registered (channelActive below)
    }

    /** One direction: what its channel reads goes to {@code to}. */
    private static final class Copy extends ChannelInboundHandlerAdapter {
        private final Channel to;
        private final Runnable ended;

        Copy(Channel to, Runnable ended) {
            this.to = to;
            this.ended = ended;
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            ctx.read();
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            to.writeAndFlush(msg).addListener((ChannelFutureListener) f -> {
                if (f.isSuccess()) {
                    ctx.read();
                } else {
                    ctx.close();
                }
            });
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
            if (evt instanceof ChannelInputShutdownEvent) {
                // our side sent its end: pass it on once everything before it is written
                to.writeAndFlush(io.netty.buffer.Unpooled.EMPTY_BUFFER)
                        .addListener(f -> ((DuplexChannel) to).shutdownOutput().addListener(g -> ended.run()));
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close(); // a reset: both sides close
        }
    }
}
