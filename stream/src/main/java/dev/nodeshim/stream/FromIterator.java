package dev.nodeshim.stream;

import java.util.Iterator;

/**
 * {@link Readable#from(Iterable)}: a Readable whose {@code _read} pulls elements from an iterator
 * until a {@code push} returns false (so with highWaterMark 1, one element ahead of the consumer, as
 * Node's trace shows: {@code yield a, yield b, data a, yield c, data b …}).
 */
final class FromIterator extends Readable {
    private final Iterator<?> iterator;
    private boolean pulling;

    private FromIterator(Iterator<?> iterator, Settings s) {
        super(s, false);
        this.iterator = iterator;
    }

    static Readable create(Iterator<?> iterator, ReadableOptions options) {
        Settings given = options == null ? Settings.EMPTY : options.s;
        Settings s = given.with(c -> {
            if (c.objectMode == null) {
                c.objectMode = true;
            }
            if (c.highWaterMark == null && c.objectMode) {
                c.highWaterMark = 1L;
            }
        });
        return new FromIterator(iterator, s);
    }

    @Override
    protected void _read(int size) {
        if (pulling) {
            return;
        }
        pulling = true;
        while (true) {
            Object value;
            try {
                if (!iterator.hasNext()) {
                    push(null);
                    break;
                }
                value = iterator.next();
            } catch (RuntimeException | Error e) {
                pulling = false;
                destroy(e);
                return;
            }
            if (value == null) {
                pulling = false;
                destroy(StreamErrors.nullValues());
                return;
            }
            if (!push(value)) {
                break;
            }
        }
        pulling = false;
    }

    /**
     * Node closes the iterator in an async function and calls back on the tick after it settles;
     * the microtask hop is observable ({@code 'close'} comes after already-queued promise
     * callbacks), so it is kept: a microtask closes an {@link AutoCloseable} iterator (two more hops,
     * as Node awaits {@code iterator.return()} and its value), then a tick calls back.
     */
    @Override
    protected void _destroy(Throwable err, Callback callback) {
        loop.queueMicrotask(() -> {
            if (iterator instanceof AutoCloseable c) {
                Throwable failure = null;
                try {
                    c.close();
                } catch (Exception e) {
                    failure = e;
                }
                Throwable result = err != null ? err : failure;
                loop.queueMicrotask(() -> loop.queueMicrotask(() -> loop.nextTick(() -> callback.call(result))));
            } else {
                loop.nextTick(() -> callback.call(err));
            }
        });
    }
}
