package dev.nodeshim.cluster;

import java.io.IOException;
import java.net.ProtocolFamily;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.channels.Channel;
import java.nio.channels.DatagramChannel;
import java.nio.channels.Pipe;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.channels.spi.AbstractSelector;
import java.nio.channels.spi.SelectorProvider;

/**
 * How a {@code SCHED_NONE} worker's servers get {@code SO_REUSEPORT} without touching their code: the
 * JDK's {@code HttpServer} opens its listening channel with {@code ServerSocketChannel.open()} and
 * offers no way to set a socket option on it, nor to take a channel bound elsewhere. Both go through
 * {@link SelectorProvider#provider()}, which a JVM takes from the system property
 * {@code java.nio.channels.spi.SelectorProvider} at its first use. The primary starts
 * {@code SCHED_NONE} workers with that property naming this class, which hands out the platform's own
 * channels and selectors and only sets {@code SO_REUSEPORT} on every TCP server channel it opens.
 *
 * <p>Finding the platform's provider needs {@code sun.nio.ch.DefaultSelectorProvider} (no public API
 * gives it once the property names another class), so the worker also gets
 * {@code --add-exports java.base/sun.nio.ch=ALL-UNNAMED}: {@link #JVM_OPTIONS}.
 *
 * <p>Consequence worth knowing: in such a worker every TCP server socket may share its port with
 * another socket that also set the option (a port clash is then not reported as {@code EADDRINUSE}).
 * That is what the worker asked for by running under {@code SCHED_NONE}. Unix domain server channels
 * are left alone (the option does not apply to them).
 *
 * <p>Rejected: reflection into {@code sun.net.httpserver.ServerImpl} (needs {@code --add-opens} and
 * breaks with the JDK's internals); a {@code META-INF/services} entry (would change every JVM that has
 * this module on its class path, primaries included).
 */
public final class ReusePortSelectorProvider extends SelectorProvider {
    /** The system property that installs this provider in a JVM. */
    static final String PROPERTY = "java.nio.channels.spi.SelectorProvider";
    /** The JVM options that install this provider in a worker. */
    static final java.util.List<String> JVM_OPTIONS = java.util.List.of(
            "-D" + PROPERTY + "=" + ReusePortSelectorProvider.class.getName(),
            "--add-exports", "java.base/sun.nio.ch=ALL-UNNAMED");
    private final SelectorProvider platform = platform();

    /** Called by {@link SelectorProvider#provider()}. */
    public ReusePortSelectorProvider() {}

    /** The JDK's default provider, found without consulting the property that named us. */
    private static SelectorProvider platform() {
        try {
            // The JDK has no public way to the platform provider once the property names another one;
            // DefaultSelectorProvider.get() exists from JDK 15 to 25 at least (checked on 17 and 25).
            return (SelectorProvider) Class.forName("sun.nio.ch.DefaultSelectorProvider")
                    .getMethod("get").invoke(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("no platform SelectorProvider", e);
        }
    }

    @Override
    public DatagramChannel openDatagramChannel() throws IOException {
        return platform.openDatagramChannel();
    }

    @Override
    public DatagramChannel openDatagramChannel(ProtocolFamily family) throws IOException {
        return platform.openDatagramChannel(family);
    }

    @Override
    public Pipe openPipe() throws IOException {
        return platform.openPipe();
    }

    @Override
    public AbstractSelector openSelector() throws IOException {
        return platform.openSelector();
    }

    @Override
    public ServerSocketChannel openServerSocketChannel() throws IOException {
        return reusePort(platform.openServerSocketChannel());
    }

    @Override
    public ServerSocketChannel openServerSocketChannel(ProtocolFamily family) throws IOException {
        ServerSocketChannel ch = platform.openServerSocketChannel(family);
        return family == StandardProtocolFamily.UNIX ? ch : reusePort(ch);
    }

    @Override
    public SocketChannel openSocketChannel() throws IOException {
        return platform.openSocketChannel();
    }

    @Override
    public SocketChannel openSocketChannel(ProtocolFamily family) throws IOException {
        return platform.openSocketChannel(family);
    }

    @Override
    public Channel inheritedChannel() throws IOException {
        return platform.inheritedChannel();
    }

    private static ServerSocketChannel reusePort(ServerSocketChannel ch) throws IOException {
        try {
            ch.setOption(StandardSocketOptions.SO_REUSEPORT, true);
            return ch;
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }
}
