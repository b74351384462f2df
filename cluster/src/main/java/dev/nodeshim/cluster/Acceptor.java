package dev.nodeshim.cluster;

import java.io.IOException;
import java.nio.channels.Channel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.function.Consumer;

/** The accepting thread of a relaying handoff ({@link RelayHandoff} for TCP, {@link PipeHandoff} for Unix sockets). */
final class Acceptor {
    private Acceptor() {}

    /** A daemon thread {@code name} that passes each connection {@code server} accepts to {@code route}, until it closes. */
    static void start(ServerSocketChannel server, Consumer<SocketChannel> route, String name) {
        Thread acceptor = new Thread(() -> {
            while (server.isOpen()) {
                try {
                    route.accept(server.accept());
                } catch (IOException e) {
                    return; // closed
                }
            }
        }, name);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Closes {@code ch} (null: nothing), ignoring a failure: it is a socket being abandoned. */
    static void closeQuietly(Channel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // nothing to flush on a socket we are abandoning
            }
        }
    }
}
