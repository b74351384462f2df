package dev.nodeshim.childprocess;

import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that read children's pipes (a blocking read per pipe: the JDK gives no way to poll a
 * {@code Process}'s streams). Starting two platform threads per child costs about a tenth of a
 * millisecond, as much as a tenth of the child's own start, so they are pooled: an idle reader waits
 * one second for the next pipe and then ends, so a program that stops spawning is left with no
 * reader threads (daemon threads: they never keep the JVM alive).
 */
final class PipeReaders {
    private static final AtomicInteger COUNT = new AtomicInteger();
    private static final ThreadPoolExecutor POOL = new ThreadPoolExecutor(0, Integer.MAX_VALUE,
            1, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
                Thread t = new Thread(r, "nodeshim-child-io-" + COUNT.incrementAndGet());
                t.setDaemon(true);
                return t;
            });

    private PipeReaders() {
    }

    /** Runs {@code reader} on a pooled daemon thread. */
    static void start(Runnable reader) {
        POOL.execute(reader);
    }
}
