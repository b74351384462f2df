package dev.nodeshim.loop;

import static dev.nodeshim.process.NodeProcess.process;

import dev.nodeshim.errors.Errors;
import dev.nodeshim.process.NodeProcess;
import java.io.IOException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

/**
 * One Node event loop: one thread runs every callback, in Node's phase order.
 *
 * <h2>Algorithm (libuv 1.46's {@code uv_run} as Node 20 drives it)</h2>
 * <pre>
 *   main                                      // EventLoop.run: the "script", then ticks + microtasks
 *   do {
 *     if alive: timers                        // due timers, against a time read once per phase
 *     while alive and not stopped:
 *       poll     // watched channels that are ready (watch()), then completions posted with execute(),
 *                //   in post order; blocks (in the selector once a channel is watched, else on a
 *                //   condition; never sleeps) until I/O, a post, a Ref release or the next timer; no
 *                //   wait if ref'd immediates are pending
 *       check    // the immediates queued before this phase began; later ones wait an iteration
 *       close    // (no close callbacks yet)
 *       timers
 *     emit process 'beforeExit' (its listeners may schedule more work)
 *   } while alive
 *   emit process 'exit'; return the exit code
 * </pre>
 * After every callback (timer, posted task, immediate, listener of beforeExit) the nextTick queue and
 * then the microtask queue are drained ({@link TickQueue}); nextTicks queued by nextTicks run before
 * the next timer. "Alive" is Node's: ref'd timers, ref'd pending immediates, held {@link Ref}s, or
 * completions already posted and not yet run. A posted completion is always run; waiting for
 * completions not yet posted needs a {@link Ref}.
 *
 * <p>Consequences users can rely on, because Node guarantees them too: from a timer or a posted (I/O)
 * callback, {@code setImmediate} runs before {@code setTimeout(f, 0)}; timers of equal delay fire in
 * insertion order; a timer scheduled during the timers phase never fires in that phase. From the main
 * callback, {@code setTimeout(f, 0)} versus {@code setImmediate} is a race, as in Node.
 *
 * <h2>Uncaught exceptions</h2>
 * An exception thrown by any callback goes to process {@code 'uncaughtExceptionMonitor'} and then to
 * the {@code 'uncaughtException'} listeners ({@code (err, "uncaughtException")}); with a listener the
 * loop goes on, and (as in Node) the ticks still queued wait for the next callback that completes
 * normally. With no listener the error's stack trace is printed to stderr, {@code process.exitCode}
 * becomes 1, the loop stops, {@code 'exit'} fires with 1 and {@link #run} returns 1. An exception
 * thrown by an {@code 'uncaughtException'} listener is printed and {@link #run} returns 7 without
 * {@code 'exit'}, as Node exits with 7. {@link #run} never calls {@code System.exit}: a program that
 * wants Node's process exit status writes {@code System.exit(EventLoop.run(main))}.
 *
 * <h2>Threads</h2>
 * {@link #run} uses the calling thread. {@link #current()} on any other thread returns the default
 * loop, whose thread (a daemon named {@code nodeshim-event-loop}) starts when work is scheduled on it
 * and ends when it has none. While the default loop has ref'd work, a non-daemon keep-alive thread
 * exists, so the JVM exits exactly when Node would (unref'd timers still fire while the JVM lives).
 * On the default loop an uncaught exception with no listener is printed and the loop goes on (it is
 * not the program's main loop), and 'beforeExit'/'exit' are not emitted. Scheduling methods called
 * from a thread other than the loop's are posted to the loop, so they are safe from any thread.
 */
public final class EventLoop implements Executor {
    private static final ThreadLocal<EventLoop> CURRENT = new ThreadLocal<>();
    /** Tasks for the start of the next {@link #run}, guarded by itself. */
    private static final List<Runnable> BEFORE_NEXT_RUN = new ArrayList<>();
    private static final EventLoop DEFAULT = new EventLoop(true);
    /** Node's TIMEOUT_MAX, 2^31 - 1. */
    static final long TIMEOUT_MAX = 2147483647L;
    /** Node's exit code for an exception thrown by an uncaughtException listener. */
    private static final int EXIT_HANDLER_FAILED = 7;

    private final boolean isDefault;
    private volatile Thread thread;
    private volatile boolean finished;
    private final long base = System.nanoTime();
    private final Inbox inbox = new Inbox();
    private final AtomicInteger refs = new AtomicInteger();
    private final TickQueue ticks = new TickQueue();
    private final TimerQueue timers = new TimerQueue();
    private ArrayDeque<Immediate> immediates = new ArrayDeque<>();
    private int immediateRefCount;
    private int pendingImmediates;
    private boolean stopped;
    private Integer fatalCode;
    private boolean exitFailed;

    // default loop only
    private final Object driverLock = new Object();
    private CountDownLatch keeper;

    private EventLoop(boolean isDefault) {
        this.isDefault = isDefault;
    }

    // ------------------------------------------------------------------------------------------------
    // Entry points

    /**
     * Runs {@code main} on the calling thread as the loop thread, like {@code node script.js}, then the
     * loop until nothing ref'd is pending, then process {@code 'beforeExit'} (repeating while its
     * listeners schedule work), then process {@code 'exit'}. {@code process.exitCode()} is cleared
     * first, as a fresh process starts without one.
     *
     * @return the exit code Node would exit with: {@code process.exitCode()} after the 'exit' listeners
     *         (0 when unset), 1 after an uncaught exception, 7 when an uncaughtException listener threw
     * @throws IllegalStateException when called on a loop thread (loops do not nest)
     */
    public static int run(Runnable main) {
        if (main == null) {
            throw Errors.invalidArgType("main", "function", null);
        }
        if (CURRENT.get() != null) {
            throw new IllegalStateException("EventLoop.run called on the thread of a running event loop");
        }
        EventLoop loop = new EventLoop(false);
        loop.thread = Thread.currentThread();
        CURRENT.set(loop);
        try {
            process.exitCode(null);
            List<Runnable> before;
            synchronized (BEFORE_NEXT_RUN) {
                before = List.copyOf(BEFORE_NEXT_RUN);
                BEFORE_NEXT_RUN.clear();
            }
            Runnable script = before.isEmpty() ? main : () -> {
                before.forEach(Runnable::run);
                main.run();
            };
            if (loop.call(script)) {
                loop.drain();
            }
            while (!loop.stopped) {
                loop.runWhile(loop::alive);
                if (loop.stopped) {
                    break;
                }
                int code = exitCodeOrZero();
                if (loop.call(() -> process.emit("beforeExit", code))) {
                    loop.drain();
                }
                if (!loop.alive()) {
                    break;
                }
            }
            if (loop.fatalCode != null && loop.fatalCode == EXIT_HANDLER_FAILED) {
                return EXIT_HANDLER_FAILED;
            }
            // 'exit' listeners run; nothing they schedule does.
            int code = process.emitExit(loop::reportFromExit);
            // Node: an 'exit' listener that throws makes the exit code process.exitCode, or 1 when unset.
            return loop.exitFailed && process.exitCode() == null ? 1 : code;
        } finally {
            loop.finished = true;
            loop.ticks.clear();
            loop.closeSelector();
            CURRENT.remove();
            if (loop.inbox.consumeInterrupt()) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * {@link #run(Runnable)} with {@code process.argv()} set to {@code [java, main class or jar,
     * ...args]}, as {@code node script.js args...} sets it.
     */
    public static int run(String[] args, Runnable main) {
        process.setArgs(args == null ? List.of() : Arrays.asList(args));
        return run(main);
    }

    /**
     * Queues {@code task} to run at the start of the next {@link #run} on any thread, on its loop
     * thread, just before its main and as part of the same callback (as a module preloaded with
     * {@code node --require} runs before the script): an exception it throws is the main's, and main
     * then does not run. For launchers (a forked JVM's {@code ForkPreload}), not programs.
     */
    public static void beforeNextRun(Runnable task) {
        requireCallback(task);
        synchronized (BEFORE_NEXT_RUN) {
            BEFORE_NEXT_RUN.add(task);
        }
    }

    /** The loop owning the current thread; on any other thread, the default loop. */
    public static EventLoop current() {
        EventLoop loop = CURRENT.get();
        return loop != null ? loop : DEFAULT;
    }

    /** Whether the calling thread is this loop's thread. */
    public boolean inLoopThread() {
        return Thread.currentThread() == thread;
    }

    // ------------------------------------------------------------------------------------------------
    // Public scheduling API

    /** Node's {@code process.nextTick(cb)}: runs after the current callback, before any microtask. */
    public void nextTick(Runnable cb) {
        requireCallback(cb);
        onLoop(() -> ticks.nextTick(cb));
    }

    /** {@code queueMicrotask(cb)}: runs after the nextTick queue is empty, after the current callback. */
    public void queueMicrotask(Runnable cb) {
        requireCallback(cb);
        onLoop(() -> ticks.queueMicrotask(cb));
    }

    /**
     * Posts a completion from any thread; it runs on the loop in the poll (I/O) phase, in post order,
     * with ticks and microtasks drained after it. A posted task keeps the loop alive until it has run;
     * a loop waits for future posts only while a {@link Ref} is held. Posts to a loop whose
     * {@link #run} has returned are dropped, as callbacks after a Node process exits never run.
     */
    @Override
    public void execute(Runnable task) {
        if (task == null) {
            throw Errors.invalidArgType("task", "function", null);
        }
        post(task);
    }

    /**
     * Node's poll phase for a channel of the caller's: from now on the loop itself waits for
     * {@code channel} (switched to non-blocking) to be ready for {@code ops}
     * ({@link SelectionKey#OP_READ} …), and calls {@code onReady} with the ready ops on the loop thread,
     * in the poll phase, as libuv calls a handle's I/O callback — no thread in between. Watching does
     * not keep the loop alive (hold a {@link Ref} for that). Change the interest with
     * {@link SelectionKey#interestOps(int)} and stop with {@link SelectionKey#cancel()}, both on the
     * loop thread; closing the channel also stops it.
     *
     * @throws IllegalStateException when called off the loop thread, or after the loop finished
     * @throws IOException when the selector cannot be opened or the channel registered
     */
    public SelectionKey watch(SelectableChannel channel, int ops, IntConsumer onReady) throws IOException {
        if (!inLoopThread() || finished) {
            throw new IllegalStateException("EventLoop.watch must be called on the loop's thread, while it runs");
        }
        Selector sel = inbox.selector();
        if (sel == null) {
            sel = Selector.open();
            inbox.useSelector(sel);
        }
        channel.configureBlocking(false);
        return channel.register(sel, ops, onReady);
    }

    /**
     * A reference that keeps this loop alive until {@link Ref#close()} (a live child process, an open
     * IPC channel). Usable from any thread.
     */
    public Ref ref() {
        acquireRef();
        return new Ref(this);
    }

    // ------------------------------------------------------------------------------------------------
    // Package API for Timers, Timeout, Immediate, Ref

    Timeout setTimeout(Runnable cb, long delay, boolean repeat) {
        requireCallback(cb);
        Timeout t = new Timeout(this, cb, normalizeDelay(delay), repeat);
        onLoop(() -> arm(t, now()));
        return t;
    }

    Immediate setImmediate(Runnable cb) {
        requireCallback(cb);
        Immediate im = new Immediate(this, cb);
        onLoop(() -> {
            immediates.add(im);
            pendingImmediates++;
            if (Boolean.TRUE.equals(im.refedField())) {
                immediateRefCount++;
            }
        });
        return im;
    }

    /** Runs {@code action} now on the loop thread, or posts it from any other thread. */
    void onLoop(Runnable action) {
        if (inLoopThread()) {
            action.run();
        } else {
            post(action);
        }
    }

    void acquireRef() {
        refs.incrementAndGet();
        kick();
    }

    void releaseRef() {
        refs.decrementAndGet();
        inbox.wakeup();
    }

    private void post(Runnable task) {
        if (finished) {
            return;
        }
        inbox.post(task);
        kick();
    }

    private static void requireCallback(Runnable cb) {
        if (cb == null) {
            throw Errors.invalidArgType("callback", "function", null);
        }
    }

    /** Node's rule: a delay below 1 or above 2^31-1 becomes 1 (the latter with a TimeoutOverflowWarning). */
    private static long normalizeDelay(long delay) {
        if (delay >= 1 && delay <= TIMEOUT_MAX) {
            return delay;
        }
        if (delay > TIMEOUT_MAX) {
            process.emitWarning(delay + " does not fit into a 32-bit signed integer.\n"
                    + "Timeout duration was set to 1.", "TimeoutOverflowWarning");
        }
        return 1;
    }

    // --- timer state transitions (loop thread), mirroring Node's insert/unenroll/refresh bookkeeping

    private void arm(Timeout t, long start) {
        if (t.idleTimeout < 0) {
            return; // cleared before it was armed (posted from another thread)
        }
        t.destroyed = false;
        timers.addActive(1);
        if (t.refedField()) {
            timers.addRef(1);
        }
        timers.insert(t, start);
    }

    private void disarm(Timeout t) {
        t.destroyed = true;
        timers.addActive(-1);
        if (t.refedField()) {
            timers.addRef(-1);
        }
    }

    void timerClear(Timeout t) {
        if (!t.destroyed) {
            timers.remove(t);
            disarm(t);
        }
        t.idleTimeout = -1;
    }

    void timerSetRef(Timeout t, boolean ref) {
        if (t.refedField() == ref) {
            return;
        }
        t.refedField(ref);
        if (!t.destroyed) {
            timers.addRef(ref ? 1 : -1);
        }
    }

    void timerRefresh(Timeout t) {
        if (t.idleTimeout < 0) {
            return;
        }
        if (t.destroyed) {
            arm(t, now());
        } else {
            timers.insert(t, now());
        }
    }

    void immediateClear(Immediate im) {
        Boolean refed = im.refedField();
        if (refed == null) {
            return;
        }
        if (refed) {
            immediateRefCount--;
        }
        im.refedField(null);
        if (im.callback != null) {
            im.callback = null;
            pendingImmediates--;
        }
    }

    void immediateSetRef(Immediate im, boolean ref) {
        Boolean refed = im.refedField();
        if (refed == null || refed == ref) {
            return;
        }
        im.refedField(ref);
        immediateRefCount += ref ? 1 : -1;
    }

    // ------------------------------------------------------------------------------------------------
    // The loop

    private long now() {
        return (System.nanoTime() - base) / 1_000_000L;
    }

    /** libuv's alive: ref'd handles or requests. */
    private boolean alive() {
        return refs.get() > 0 || timers.refCount() > 0 || immediateRefCount > 0 || !inbox.isEmpty();
    }

    /** Anything at all to do, ref'd or not (the default loop's thread keeps running for it). */
    private boolean hasAnyWork() {
        return alive() || timers.activeCount() > 0 || pendingImmediates > 0 || !ticks.isEmpty();
    }

    private void runWhile(BooleanSupplier more) {
        boolean go = !stopped && more.getAsBoolean();
        if (go) {
            runTimers();
        }
        while (go && !stopped) {
            poll();
            if (!stopped) {
                check();
            }
            if (!stopped) {
                runTimers();
            }
            go = !stopped && more.getAsBoolean();
        }
    }

    private void runTimers() {
        timers.runDue(now(), this::fire);
    }

    /** Runs one due timer, then re-arms an interval or retires a timeout (Node's listOnTimeout). */
    private boolean fire(Timeout t) {
        long start = t.repeat != 0 ? now() : 0;
        boolean ok = call(t.callback);
        if (t.repeat != 0 && t.idleTimeout != -1) {
            t.idleTimeout = t.repeat;
            timers.insert(t, start);
        } else if (t.list == null && !t.destroyed) {
            disarm(t);
        }
        if (ok) {
            drain();
        }
        return !stopped;
    }

    private void poll() {
        long timeoutMs;
        if (isDefault ? !hasAnyWork() : !alive()) {
            // libuv's backend timeout: with nothing alive (say the timers phase just ran the last
            // timer) the poll does not block.
            timeoutMs = 0;
        } else if ((isDefault ? pendingImmediates : immediateRefCount) > 0) {
            timeoutMs = 0;
        } else {
            timeoutMs = timers.timeUntilNext(now());
        }
        if (isDefault && timeoutMs != 0) {
            synchronized (driverLock) {
                holdJvm(alive());
            }
        }
        long timeoutNanos = timeoutMs < 0 ? -1 : Inbox.millisToNanos(timeoutMs);
        ArrayDeque<Runnable> batch;
        if (inbox.selector() != null) {
            // the poll phase proper: ready channels first, then what other threads posted
            inbox.awaitIo(timeoutNanos);
            runReadyChannels();
            batch = inbox.take(0);
        } else {
            batch = inbox.take(timeoutNanos);
        }
        Runnable task;
        while (!stopped && (task = batch.poll()) != null) {
            if (call(task)) {
                drain();
            }
        }
    }

    private void runReadyChannels() {
        Selector sel = inbox.selector();
        for (SelectionKey key : sel.selectedKeys()) {
            if (stopped) {
                break;
            }
            if (key.isValid() && key.attachment() instanceof IntConsumer onReady) {
                int ready = key.readyOps();
                if (call(() -> onReady.accept(ready))) {
                    drain();
                }
            }
        }
        sel.selectedKeys().clear();
    }

    private void check() {
        ArrayDeque<Immediate> batch = immediates;
        immediates = new ArrayDeque<>();
        Immediate im;
        while (!stopped && (im = batch.poll()) != null) {
            Runnable cb = im.callback;
            if (cb == null) {
                continue; // cleared
            }
            im.callback = null;
            pendingImmediates--;
            if (Boolean.TRUE.equals(im.refedField())) {
                immediateRefCount--;
            }
            im.refedField(null);
            if (call(cb)) {
                drain();
            }
        }
    }

    /** A finished loop's selector is closed (the channels' owners have closed or will close them). */
    private void closeSelector() {
        Selector sel = inbox.selector();
        if (sel != null) {
            try {
                sel.close();
            } catch (IOException ignored) {
                // only releases the selector's descriptors
            }
        }
    }

    /** Runs one callback; false if it threw (the error has been reported). */
    private boolean call(Runnable cb) {
        try {
            cb.run();
            return true;
        } catch (Throwable e) {
            uncaught(e);
            return false;
        }
    }

    private void drain() {
        if (!ticks.isEmpty()) {
            ticks.drain(this::uncaught, () -> stopped);
        }
    }

    private void uncaught(Throwable e) {
        if (stopped) {
            return;
        }
        NodeProcess p = process;
        try {
            p.emit("uncaughtExceptionMonitor", e, "uncaughtException");
            if (p.listenerCount("uncaughtException") > 0) {
                p.emit("uncaughtException", e, "uncaughtException");
                return;
            }
        } catch (Throwable inHandler) {
            printFatal(inHandler);
            if (!isDefault) {
                stopped = true;
                fatalCode = EXIT_HANDLER_FAILED;
            }
            return;
        }
        printFatal(e);
        if (!isDefault) {
            p.exitCode(1);
            stopped = true;
        }
    }

    /** An exception thrown while 'exit' is emitted: printed, and the process exits with 1. */
    private void reportFromExit(Throwable e) {
        printFatal(e);
        exitFailed = true;
    }

    private static void printFatal(Throwable e) {
        // Node prints err.stack; Throwable's stack trace starts with toString(), which a NodeError
        // makes Node's String(err).
        e.printStackTrace(System.err);
        System.err.flush();
    }

    private static int exitCodeOrZero() {
        Integer code = process.exitCode();
        return code == null ? 0 : code;
    }

    // ------------------------------------------------------------------------------------------------
    // The default loop's thread

    /** Starts the default loop's thread if needed (any thread, after posting work). */
    private void kick() {
        if (!isDefault) {
            return;
        }
        synchronized (driverLock) {
            holdJvm(true);
            if (thread == null) {
                Thread t = new Thread(this::drive, "nodeshim-event-loop");
                t.setDaemon(true);
                thread = t;
                t.start();
            }
        }
    }

    private void drive() {
        CURRENT.set(this);
        try {
            while (true) {
                drain();
                runWhile(this::hasAnyWork);
                synchronized (driverLock) {
                    if (!hasAnyWork()) {
                        thread = null;
                        holdJvm(false);
                        return;
                    }
                }
            }
        } finally {
            CURRENT.remove();
        }
    }

    /** Keeps a non-daemon thread alive while {@code hold} (driverLock held). */
    private void holdJvm(boolean hold) {
        if (hold && keeper == null) {
            CountDownLatch latch = new CountDownLatch(1);
            Thread t = new Thread(() -> {
                boolean interrupted = false;
                while (true) {
                    try {
                        latch.await();
                        break;
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }, "nodeshim-event-loop-keepalive");
            t.setDaemon(false);
            keeper = latch;
            t.start();
        } else if (!hold && keeper != null) {
            keeper.countDown();
            keeper = null;
        }
    }

    /** The default loop's current thread, or null when it has no work (for tests). */
    static Thread defaultLoopThread() {
        return DEFAULT.thread;
    }

    static boolean defaultLoopHoldsJvm() {
        synchronized (DEFAULT.driverLock) {
            return DEFAULT.keeper != null;
        }
    }
}
