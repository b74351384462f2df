package dev.nodeshim.loop;

/**
 * Node's {@code Immediate}: the handle {@link Timers#setImmediate} returns. Runs in the check phase of
 * the loop iteration after the one that scheduled it, or of the current one when scheduled before the
 * check phase; immediates scheduled during the check phase wait for the next iteration.
 *
 * <p>After it has run or been cleared, {@link #hasRef()} is false and {@link #ref()}/{@link #unref()}
 * do nothing (Node sets the ref flag to null). Methods called from another thread are posted to the
 * loop; {@link #hasRef()} may be read from any thread.
 */
public final class Immediate {
    final EventLoop loop;
    Runnable callback;
    /** TRUE/FALSE while pending, null once run or cleared (Node's {@code kRefed}). */
    private volatile Boolean refed = Boolean.TRUE;

    Immediate(EventLoop loop, Runnable callback) {
        this.loop = loop;
        this.callback = callback;
    }

    /** Makes the pending immediate keep the loop alive (the default). Returns this. */
    public Immediate ref() {
        loop.onLoop(() -> loop.immediateSetRef(this, true));
        return this;
    }

    /** Lets the loop finish while this immediate is pending. Returns this. */
    public Immediate unref() {
        loop.onLoop(() -> loop.immediateSetRef(this, false));
        return this;
    }

    /** Whether this immediate is pending and keeps the loop alive. */
    public boolean hasRef() {
        return Boolean.TRUE.equals(refed);
    }

    Boolean refedField() {
        return refed;
    }

    void refedField(Boolean value) {
        refed = value;
    }
}
