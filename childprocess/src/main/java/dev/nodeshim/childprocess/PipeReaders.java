package dev.nodeshim.childprocess;

import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Pooled daemon threads for the blocking work of children started without the native library
 * ({@link JdkChild}, {@link ChildOutput}, {@link ChildInput}): a blocking read per pipe (the JDK gives no
 * way to poll a {@code Process}'s streams), a stdin write, the wait for an exit. With the library the
 * loop reads and writes the pipes itself and {@link ChildExits} reaps; only a kernel without pidfds
 * still waits for exits here. Starting two platform threads per child costs about a tenth of a
 * millisecond, so they are pooled: an idle thread waits one second for the next job and then ends, so
 * a program that stops spawning is left with none (daemon threads: they never keep the JVM alive).
 *
 * <p>{@code Process.onExit()} is not used: the JDK runs its stage on the common {@code ForkJoinPool},
 * which JDK 25 uses even with a single worker (2 cores), so any blocking task of the program's in that
 * pool held back every child's {@code exit} (seen: 3 s late behind one sleeping task).
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

    /** Runs {@code exited} on a pooled daemon thread once {@code process} has exited. */
    static void onExit(Process process, Runnable exited) {
        POOL.execute(() -> {
            boolean interrupted = false;
            while (true) {
                try {
                    process.waitFor();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true; // nothing here interrupts these threads; keep waiting
                }
            }
            exited.run();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        });
    }
}
