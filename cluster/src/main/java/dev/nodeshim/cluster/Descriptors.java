package dev.nodeshim.cluster;

/**
 * Whether this JVM can pass and receive socket descriptors: Netty's native epoll transport is on the
 * class path and loads (Linux). Holds no Netty type, so that it loads without Netty; the classes that
 * use Netty ({@link DescriptorHandoff}, {@link DescriptorLink}, {@link NettyServer}) are touched only
 * once this said yes.
 */
final class Descriptors {
    /** The primary's switch: {@code -Dnodeshim.cluster.passDescriptors=false} relays every connection. */
    static final String PROPERTY = "nodeshim.cluster.passDescriptors";

    private Descriptors() {}

    /** Netty's epoll transport loads here. */
    static boolean available() {
        return Holder.AVAILABLE;
    }

    /** The primary's switch for SCHED_NONE: {@code -Dnodeshim.cluster.shareListening=true} shares one listening socket. */
    static final String SHARE_PROPERTY = "nodeshim.cluster.shareListening";

    /** SCHED_NONE shares the primary's listening socket with adopting workers (else each binds with SO_REUSEPORT). */
    static boolean sharing() {
        return passing() && "true".equals(System.getProperty(SHARE_PROPERTY));
    }

    /** {@link #available()}, unless the primary's switch turns passing off. */
    static boolean passing() {
        return available() && !"false".equals(System.getProperty(PROPERTY));
    }

    private static final class Holder {
        static final boolean AVAILABLE = check();

        private static boolean check() {
            try {
                Class.forName("io.netty.channel.epoll.Epoll", false, Descriptors.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                return false;
            }
            return DescriptorLink.epollLoads();
        }
    }
}
