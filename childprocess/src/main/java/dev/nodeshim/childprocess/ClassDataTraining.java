package dev.nodeshim.childprocess;

import static dev.nodeshim.process.NodeProcess.process;

import dev.nodeshim.events.Listener1;
import dev.nodeshim.loop.EventLoop;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The training run of {@link ClassDataArchive}: {@code java -XX:ArchiveClassesAtExit=… ClassDataTraining
 * <mainClass>} walks a fork child's start path once, so that the classes it loads land in the archive. It
 * plays both ends of a channel: it listens on a socket of its own, connects {@code process} to it as
 * {@link ForkMain} does, receives one message on the loop and answers it (the parser, the writer, the
 * loop's watching of the socket), finds the {@link ForkPreload} classes without running them, and loads
 * the program's main class without initializing it (no code of the program runs). It exits with 0 only
 * when all of that worked; a training that hangs ends itself after 30 s with 1 (no archive then).
 */
final class ClassDataTraining {
    private ClassDataTraining() {}

    public static void main(String[] args) throws Exception {
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(30_000);
            } catch (InterruptedException e) {
                return;
            }
            Runtime.getRuntime().halt(1);
        }, "nodeshim-cds-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();

        // ForkMain's signal handlers (a SIGHUP ends the training, without an archive)
        sun.misc.Signal.handle(new sun.misc.Signal("HUP"), s -> Runtime.getRuntime().halt(1));
        Path dir = Files.createTempDirectory("nodeshim-cds-");
        Path socket = dir.resolve("channel");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            ForkMain.attach(IpcChannel.connect(process, socket.toString()));
            try (SocketChannel parent = server.accept()) {
                parent.write(ByteBuffer.wrap(JsonMessages.encode(Map.of("training", 1))));
                int status = EventLoop.run(new String[0], () -> process.once("message", (Listener1<Object>) m -> {
                    process.send(m);
                    process.disconnect();
                }));
                ByteBuffer echo = ByteBuffer.allocate(256);
                while (parent.read(echo) >= 0 && echo.hasRemaining()) {
                    // until the child's end closes
                }
                if (status != 0 || !(JsonMessages.parse(new String(echo.array(), 0, echo.position()).trim())
                        instanceof Map<?, ?>)) {
                    throw new IOException("the training's message did not come back");
                }
            }
        } finally {
            Files.deleteIfExists(socket);
            Files.deleteIfExists(dir);
        }
        for (ServiceLoader.Provider<ForkPreload> p : ServiceLoader.load(ForkPreload.class).stream().toList()) {
            p.type();
        }
        if (args.length > 0) {
            try {
                Class.forName(args[0], false, ClassLoader.getSystemClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                // the child will report it; the archive is made without it
            }
        }
        System.exit(0);
    }
}
