package dev.nodeshim.events;

import java.util.Arrays;

/**
 * The listeners of one event once there are two or more (Node keeps a single listener as a bare
 * function and switches to an array at the second). Copy-on-write: every change replaces
 * {@link #items}, so {@code emit} iterates the array it read with no copy and still sees the
 * snapshot Node's {@code arrayClone} gives it. {@link #warned} lives as long as this list, as Node's
 * {@code existing.warned} lives on its array: when the event drops back to one listener the flag
 * goes with the list, and a later leak is reported again.
 */
final class HandlerList {
    Handler[] items;
    boolean warned;

    HandlerList(Handler first, Handler second) {
        items = new Handler[] {first, second};
    }

    int size() {
        return items.length;
    }

    /** {@code list[i]}, or {@code null} past the end (JavaScript's {@code undefined}). */
    Handler get(int i) {
        return i >= 0 && i < items.length ? items[i] : null;
    }

    void push(Handler h) {
        Handler[] next = Arrays.copyOf(items, items.length + 1);
        next[items.length] = h;
        items = next;
    }

    void unshift(Handler h) {
        Handler[] next = new Handler[items.length + 1];
        next[0] = h;
        System.arraycopy(items, 0, next, 1, items.length);
        items = next;
    }

    void removeAt(int position) {
        Handler[] next = new Handler[items.length - 1];
        System.arraycopy(items, 0, next, 0, position);
        System.arraycopy(items, position + 1, next, position, items.length - position - 1);
        items = next;
    }
}
