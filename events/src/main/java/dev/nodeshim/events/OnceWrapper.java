package dev.nodeshim.events;

/**
 * What {@code once} registers, as Node's {@code _onceWrap} does: a wrapper that removes itself
 * from the emitter <em>before</em> calling the listener, and fires at most once.
 * {@link EventEmitter#rawListeners(Object)} exposes it; {@link #listener()} is the original.
 */
public final class OnceWrapper extends Handler {
    private final EventEmitter target;
    private final Object type;
    private final Listener inner;
    private boolean fired;

    OnceWrapper(EventEmitter target, Object type, Listener inner) {
        this.target = target;
        this.type = type;
        this.inner = inner;
    }

    /** The listener given to {@code once} (Node's {@code wrapper.listener}). */
    public Object listener() {
        return inner.raw();
    }

    /** Calls the wrapper as Node's {@code rawListeners(…)[i]()} would: removes it, then calls once. */
    public void call(Object... args) {
        invoke(target, args);
    }

    @Override
    Object raw() {
        return this;
    }

    @Override
    Object original() {
        return inner.raw();
    }

    /** Node's {@code onceWrapper}: the first call removes the wrapper, then calls; later calls do nothing. */
    private boolean claim() {
        if (fired) {
            return false;
        }
        target.removeListener(type, this);
        fired = true;
        return true;
    }

    @Override
    Object invoke(EventEmitter t, Object[] args) {
        return claim() ? inner.invoke(target, args) : null;
    }

    @Override
    Object invoke0(EventEmitter t) {
        return claim() ? inner.invoke0(target) : null;
    }

    @Override
    Object invoke1(EventEmitter t, Object a) {
        return claim() ? inner.invoke1(target, a) : null;
    }

    @Override
    Object invoke2(EventEmitter t, Object a, Object b) {
        return claim() ? inner.invoke2(target, a, b) : null;
    }

    @Override
    public String toString() {
        return "OnceWrapper[" + inner.raw() + "]";
    }
}
