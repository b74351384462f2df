package dev.nodeshim.events;

/**
 * A listener that receives every argument of an emit as one array (JavaScript's {@code ...args}).
 * Register it through {@link Listener#ofArgs(ArgsListener)}.
 */
@FunctionalInterface
public interface ArgsListener {
    void call(Object[] args);
}
