package dev.nodeshim.loop;

/**
 * Node's {@code Timeout}: the handle {@link Timers#setTimeout} and {@link Timers#setInterval} return.
 *
 * <p>Like every loop object it belongs to its {@link EventLoop}; a method called from another thread is
 * posted to the loop and the handle is returned at once. {@link #hasRef()} may be read from any thread.
 *
 * <p>Node's rules, kept here:
 * <ul>
 *   <li>{@link #refresh()} restarts the timer with its duration from the current time, and re-arms a
 *       timeout that has already fired; it does nothing to a cleared timer.</li>
 *   <li>{@link #hasRef()} keeps its value after the timer fires or is cleared.</li>
 *   <li>An unref'd timer does not keep the loop alive, but still fires while the loop runs.</li>
 * </ul>
 */
public final class Timeout {
    final EventLoop loop;
    final Runnable callback;
    /** Duration in ms; -1 once cleared (Node's {@code _idleTimeout}). */
    long idleTimeout;
    /** Repeat interval in ms for setInterval, 0 for setTimeout (Node's {@code _repeat}). */
    final long repeat;
    long start;
    /** Not armed: fired (timeout), cleared, or not yet inserted (Node's {@code _destroyed}). */
    boolean destroyed = true;
    private volatile boolean refed = true;

    // intrusive list links, owned by TimerQueue
    TimerQueue.TimerList list;
    Timeout prev;
    Timeout next;

    Timeout(EventLoop loop, Runnable callback, long delay, boolean repeating) {
        this.loop = loop;
        this.callback = callback;
        this.idleTimeout = delay;
        this.repeat = repeating ? delay : 0;
    }

    /** Makes the timer keep the loop alive again (the default). Returns this. */
    public Timeout ref() {
        loop.onLoop(() -> loop.timerSetRef(this, true));
        return this;
    }

    /** Lets the loop finish while this timer is pending; it still fires if the loop runs. Returns this. */
    public Timeout unref() {
        loop.onLoop(() -> loop.timerSetRef(this, false));
        return this;
    }

    /** Whether the timer keeps the loop alive (Node's {@code timeout.hasRef()}). */
    public boolean hasRef() {
        return refed;
    }

    /**
     * Restarts the timer: it fires its duration after now. Re-arms a timeout that already fired; a
     * cleared timer stays cleared. Returns this.
     */
    public Timeout refresh() {
        loop.onLoop(() -> loop.timerRefresh(this));
        return this;
    }

    /** {@code clearTimeout(this)}. Returns this. */
    public Timeout close() {
        loop.onLoop(() -> loop.timerClear(this));
        return this;
    }

    boolean refedField() {
        return refed;
    }

    void refedField(boolean value) {
        refed = value;
    }

    @Override
    public String toString() {
        return "Timeout { _idleTimeout: " + idleTimeout + ", _repeat: " + (repeat == 0 ? "null" : repeat)
                + ", _destroyed: " + destroyed + " }";
    }
}
