package dev.nodeshim.events;

/**
 * What an emitter stores per registration: the JavaScript function in Node's terms. A
 * {@link Listener} wraps the user's callback; a {@link OnceWrapper} wraps a {@code Listener} the way
 * Node's {@code _onceWrap} does.
 *
 * <p>The fixed-arity {@code invokeN} methods let {@code emit(event, a)} reach a typed listener
 * without allocating an argument array; the default is the array form.
 */
abstract class Handler {
    static final Object[] NO_ARGS = new Object[0];

    /** What {@code rawListeners} shows for this registration (Node's stored function). */
    abstract Object raw();

    /** Node's {@code fn.listener}: the original listener behind a once wrapper, else {@code null}. */
    abstract Object original();

    /** What {@code listeners()} shows: the original listener. */
    final Object unwrapped() {
        Object o = original();
        return o != null ? o : raw();
    }

    /** Node's removal test: {@code list[i] === listener || list[i].listener === listener}. */
    final boolean matches(Object listener) {
        return raw() == listener || (original() != null && original() == listener);
    }

    abstract Object invoke(EventEmitter target, Object[] args);

    Object invoke0(EventEmitter target) {
        return invoke(target, NO_ARGS);
    }

    Object invoke1(EventEmitter target, Object a) {
        return invoke(target, new Object[] {a});
    }

    Object invoke2(EventEmitter target, Object a, Object b) {
        return invoke(target, new Object[] {a, b});
    }
}
