package dev.nodeshim.childprocess;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Learns when {@link NativeChild}ren exit: one daemon thread waits on an epoll set of their pidfds (a
 * pidfd becomes readable when its process exits) and reaps each with {@code waitpid}, as libuv's
 * SIGCHLD handling does for Node — one thread for any number of children, and only our own children
 * are reaped (the JDK's {@code Process} children are left to the JDK). The thread ends after a second
 * with no child to watch, and starts again with the next. Without pidfds (Linux before 5.3) each child
 * gets a pooled thread blocked in {@code waitpid}.
 */
final class ChildExits {
    private static final int IDLE_MS = 1000;
    private static final Map<Integer, NativeChild> WATCHED = new ConcurrentHashMap<>();
    private static int epfd = -1;
    /** Whether the thread runs; guarded by the class lock, as is the decision to end it. */
    private static boolean running;

    private ChildExits() {
    }

    /** Reports {@code child}'s exit to it ({@link NativeChild#reaped}) once it happens. */
    static void watch(NativeChild child) {
        int pid = (int) child.pid();
        synchronized (ChildExits.class) {
            if (child.pidfd() >= 0 && epoll() >= 0) {
                WATCHED.put(pid, child);
                int rc = NativeSpawn.watch(epfd, child.pidfd(), pid);
                if (rc < 0) {
                    WATCHED.remove(pid);
                    throw new IllegalStateException("epoll_ctl failed for child " + pid + ": errno " + -rc);
                }
                if (!running) {
                    running = true;
                    Thread t = new Thread(ChildExits::run, "nodeshim-child-exits");
                    t.setDaemon(true);
                    t.start();
                }
                return;
            }
        }
        PipeReaders.start(() -> {
            int status = NativeSpawn.waitFor(pid);
            child.reaped(Math.max(status, 0), status < 0 ? -status : 0);
        });
    }

    /** The epoll set, made on first use; -errno when it cannot be made. Called under the class lock. */
    private static int epoll() {
        if (epfd < 0) {
            int fd = NativeSpawn.epollCreate();
            if (fd < 0) {
                return fd;
            }
            epfd = fd;
        }
        return epfd;
    }

    private static void run() {
        int[] out = new int[3 * 64];
        while (true) {
            int n = NativeSpawn.awaitExits(epfd, out, IDLE_MS);
            if (n < 0) {
                throw new IllegalStateException("epoll_wait failed: errno " + -n);
            }
            for (int i = 0; i < n; i++) {
                NativeChild child = WATCHED.remove(out[3 * i]);
                if (child != null) {
                    try {
                        child.reaped(out[3 * i + 1], out[3 * i + 2]);
                    } catch (RuntimeException e) {
                        // one failing callback must not cost the other children their exits
                        Thread.currentThread().getUncaughtExceptionHandler().uncaughtException(Thread.currentThread(), e);
                    }
                }
            }
            if (n == 0) {
                synchronized (ChildExits.class) {
                    if (WATCHED.isEmpty()) {
                        running = false;
                        return;
                    }
                }
            }
        }
    }
}
