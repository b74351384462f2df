package dev.nodeshim.events;

/**
 * A listener that takes the first four argument(s) of an emit: {@code emit(event, …)} passes its
 * arguments positionally; missing ones arrive as {@code null}, extra ones are dropped (as a
 * JavaScript function ignores them). A type mismatch is the caller's bug and surfaces as a
 * {@link ClassCastException} from the listener.
 */
@FunctionalInterface
public interface Listener4<A, B, C, D> {
    void call(A a, B b, C c, D d);
}
