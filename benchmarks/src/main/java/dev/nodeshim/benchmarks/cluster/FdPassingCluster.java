package dev.nodeshim.benchmarks.cluster;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollDomainSocketChannel;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollMode;
import io.netty.channel.epoll.EpollServerDomainSocketChannel;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.unix.DomainSocketAddress;
import io.netty.channel.unix.DomainSocketReadMode;
import io.netty.channel.unix.FileDescriptor;
import io.netty.channel.unix.UnixChannelOption;
import io.netty.handler.codec.http.HttpServerCodec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A prototype, for {@code bin/bench cluster} only (not the cluster module's API): SCHED_RR the way
 * Node does it, the primary handing each accepted connection's descriptor to a worker once instead of
 * relaying its bytes (cluster/README.md, "Passing descriptors"). Everything is Netty's native epoll
 * transport, the one Java stack found that can both send a descriptor ({@code SCM_RIGHTS} over a Unix
 * socket: writing a {@link FileDescriptor} to an {@link EpollDomainSocketChannel}) and serve a received
 * one ({@code new EpollSocketChannel(fd)}).
 *
 * <p>The primary listens on a Unix socket, starts 2 worker JVMs that connect to it, removes the socket's
 * file, binds the public port on 127.0.0.1 and prints it. Each connection it accepts is never registered
 * with its event loop: its descriptor goes to the next worker in turn and the primary closes its own
 * copy once sent. A worker registers the received descriptor as a channel with {@link NettyHello}'s
 * handler and serves it; it exits when its Unix socket closes (the primary is gone). No supervision, no
 * reload, no IPC besides the descriptors: a measurement of the transport's ceiling.
 */
public final class FdPassingCluster {
    private FdPassingCluster() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("worker")) {
            worker(args[1]);
        } else {
            primary();
        }
    }

    private static void primary() throws Exception {
        EpollEventLoopGroup loop = new EpollEventLoopGroup(1);
        Path dir = Files.createTempDirectory("nodeshim-fd");
        Path sock = dir.resolve("workers.sock");
        List<Channel> links = new ArrayList<>(); // loop thread only, once filled
        CountDownLatch connected = new CountDownLatch(2);
        Channel unix = new ServerBootstrap().group(loop).channel(EpollServerDomainSocketChannel.class)
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        links.add(ch);
                        ch.closeFuture().addListener(f -> System.exit(1)); // a worker died: end, as the benchmark does
                        connected.countDown();
                    }
                })
                .bind(new DomainSocketAddress(sock.toFile())).sync().channel();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (int i = 0; i < 2; i++) {
            new ProcessBuilder(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                    FdPassingCluster.class.getName(), "worker", sock.toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
        }
        connected.await();
        unix.close().sync(); // the links stay; nothing else may connect
        Files.deleteIfExists(sock);
        Files.deleteIfExists(dir);
        int[] next = {0};
        Channel pub = new ServerBootstrap().group(loop).channel(EpollServerSocketChannel.class)
                .handler(new ChannelInboundHandlerAdapter() {
                    @Override
                    public void channelRead(ChannelHandlerContext ctx, Object msg) {
                        // an accepted connection, not registered here: hand its descriptor over, close ours
                        FileDescriptor fd = ((EpollSocketChannel) msg).fd();
                        Channel link = links.get(next[0]++ % links.size());
                        link.writeAndFlush(fd).addListener(f -> {
                            try {
                                fd.close();
                            } catch (IOException ignored) {
                                // nothing to do for a descriptor that would not close
                            }
                        });
                    }
                })
                .childHandler(new ChannelInboundHandlerAdapter()) // never used: the handler above consumes every child
                .bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
        System.out.println(((InetSocketAddress) pub.localAddress()).getPort());
        System.out.flush();
        pub.closeFuture().sync();
    }

    private static void worker(String sock) throws Exception {
        EpollEventLoopGroup loop = new EpollEventLoopGroup(1);
        Channel link = new Bootstrap().group(loop).channel(EpollDomainSocketChannel.class)
                .option(UnixChannelOption.DOMAIN_SOCKET_READ_MODE, DomainSocketReadMode.FILE_DESCRIPTORS)
                // edge-triggered, a read of one descriptor left the next ones queued and unnoticed
                .option(EpollChannelOption.EPOLL_MODE, EpollMode.LEVEL_TRIGGERED)
                .handler(new ChannelInboundHandlerAdapter() {
                    @Override
                    public void channelRead(ChannelHandlerContext ctx, Object msg) {
                        EpollSocketChannel ch = new EpollSocketChannel(((FileDescriptor) msg).intValue());
                        ch.config().setTcpNoDelay(true);
                        ch.pipeline().addLast(new HttpServerCodec(), new NettyHello.Hello());
                        loop.register(ch);
                    }
                })
                .connect(new DomainSocketAddress(sock)).sync().channel();
        link.closeFuture().sync();
        System.exit(0); // the primary is gone
    }
}
