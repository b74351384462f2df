package dev.nodeshim.childprocess;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A child started by {@link NativeSpawn#spawn}. Its exit comes from {@link ChildExits} with the raw wait
 * status, so {@code exit 143} and death by SIGTERM are told apart ({@link ExitStatus#fromWaitStatus}).
 *
 * <p>Signals go through the child's pidfd, and never after the child was reaped: this object's lock
 * orders {@link #signal} against {@link #reaped}, so a pid the kernel has already given to another
 * process is never signalled.
 */
final class NativeChild implements Child {
    private final int pid;
    /** -1 when the kernel has no pidfd_open (then signals use kill(2), still only before the reap). */
    private int pidfd;
    private boolean reaped;
    private ExitStatus status;
    private final List<Consumer<ExitStatus>> waiting = new ArrayList<>();
    private final CountDownLatch exited = new CountDownLatch(1);

    NativeChild(int pid, int pidfd) {
        this.pid = pid;
        this.pidfd = pidfd;
    }

    int pidfd() {
        return pidfd;
    }

    @Override
    public long pid() {
        return pid;
    }

    @Override
    public synchronized boolean alive() {
        return !reaped;
    }

    @Override
    public synchronized boolean signal(int n) {
        return !reaped && NativeSpawn.signal(pidfd, pid, n) == 0;
    }

    /**
     * The child was reaped with wait status {@code raw} ({@code errno} non-zero: waitpid failed because
     * something else in this JVM reaped it; the status is then unknown and reported as exit code -1).
     */
    void reaped(int raw, int errno) {
        List<Consumer<ExitStatus>> calls;
        synchronized (this) {
            reaped = true;
            if (pidfd >= 0) {
                NativeSpawn.close(pidfd);
                pidfd = -1;
            }
            status = errno == 0 ? ExitStatus.fromWaitStatus(raw) : new ExitStatus(-1, null);
            calls = new ArrayList<>(waiting);
            waiting.clear();
        }
        exited.countDown();
        for (Consumer<ExitStatus> c : calls) {
            c.accept(status);
        }
    }

    @Override
    public void onExit(Consumer<ExitStatus> callback) {
        ExitStatus now;
        synchronized (this) {
            if (status == null) {
                waiting.add(callback);
                return;
            }
            now = status;
        }
        // already exited: still on a thread of ours, as promised
        PipeReaders.start(() -> callback.accept(now));
    }

    @Override
    public ExitStatus waitFor() throws InterruptedException {
        exited.await();
        synchronized (this) {
            return status;
        }
    }

    @Override
    public boolean waitFor(long timeout, TimeUnit unit) throws InterruptedException {
        return exited.await(timeout, unit);
    }
}
