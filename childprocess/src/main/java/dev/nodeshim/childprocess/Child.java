package dev.nodeshim.childprocess;

import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A started operating-system process, however it was started: {@link NativeChild} (posix_spawn, exact
 * wait status) or {@link JdkChild} (the JDK's {@code Process}). {@link ChildProcess} and the Sync forms
 * use only this.
 */
interface Child {
    /** The process id. */
    long pid();

    /** Whether the child has not yet been reaped (a child that exited a moment ago may still say true). */
    boolean alive();

    /**
     * Sends signal {@code n} (a number of {@link Signals}) unless the child has already been reaped.
     *
     * @return whether the signal was sent
     */
    boolean signal(int n);

    /**
     * Calls {@code exited} once with the exit status, on a thread of the module's (never the caller's,
     * never the common pool), as soon as the child has exited.
     */
    void onExit(Consumer<ExitStatus> exited);

    /** Waits for the exit. */
    ExitStatus waitFor() throws InterruptedException;

    /** Waits at most {@code timeout} for the exit; whether the child has exited. */
    boolean waitFor(long timeout, TimeUnit unit) throws InterruptedException;
}
