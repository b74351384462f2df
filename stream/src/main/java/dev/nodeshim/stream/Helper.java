package dev.nodeshim.stream;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The one blocking thread of a java.io adapter. It runs blocking reads or writes one at a time and
 * never touches a stream: results are posted back to the stream's loop. The thread is a daemon,
 * started on first use and gone after a second idle (so a finished adapter leaves no thread behind,
 * and one that is never finished does not keep the JVM alive).
 */
final class Helper {
    private final ExecutorService executor;

    Helper(String name) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(0, 1, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        this.executor = pool;
    }

    void run(Runnable task) {
        executor.execute(task);
    }

    void shutdown() {
        executor.shutdown();
    }
}
