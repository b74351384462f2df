package dev.nodeshim.stream;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** The helper threads of the java.io adapters: one daemon thread per adapter, for its blocking calls. */
final class Helpers {
    private static final AtomicInteger COUNT = new AtomicInteger();

    private Helpers() {
    }

    static ExecutorService newThread(String what) {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "nodeshim-stream-" + what + "-" + COUNT.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }
}
