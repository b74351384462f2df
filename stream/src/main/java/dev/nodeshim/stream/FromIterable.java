package dev.nodeshim.stream;

import dev.nodeshim.buffer.Buffer;
import dev.nodeshim.errors.Errors;
import dev.nodeshim.loop.EventLoop;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.stream.BaseStream;

/**
 * Node's {@code Readable.from} ({@code lib/internal/streams/from.js}) for Java sources: reads the
 * iterator synchronously inside {@code _read} while {@code push} returns true, so at most
 * highWaterMark elements (1 by default) are taken ahead of the consumer.
 */
final class FromIterable extends Readable {
    private final Iterator<?> iterator;
    private final AutoCloseable closeable;
    private boolean reading;

    private FromIterable(Opts o, Iterator<?> iterator, AutoCloseable closeable) {
        super(o, false);
        this.iterator = iterator;
        this.closeable = closeable;
    }

    static Readable create(Object iterable, Opts given) {
        Opts o = given.copy();
        if (o.objectMode == null) {
            o.objectMode = true;
        }
        if (iterable instanceof String || iterable instanceof Buffer) {
            // A string or Buffer is one chunk, not a sequence of characters or bytes.
            o.read = (self, size) -> {
                self.push(iterable);
                self.push(null);
            };
            return new Readable(ReadableOptions.wrap(o));
        }
        if (o.highWaterMark == null) {
            o.highWaterMark = 1;
        }
        Iterator<?> it;
        AutoCloseable closeable = null;
        if (iterable instanceof Iterable<?> i) {
            it = i.iterator();
        } else if (iterable instanceof BaseStream<?, ?> s) {
            it = s.iterator();
            closeable = s;
        } else if (iterable instanceof Iterator<?> i) {
            it = i;
        } else if (iterable instanceof Object[] array) {
            it = Arrays.asList(array).iterator();
        } else {
            throw Errors.invalidArgType("iterable", List.of("Iterable"), iterable);
        }
        if (closeable == null && it instanceof AutoCloseable c) {
            closeable = c;
        }
        return new FromIterable(o, it, closeable);
    }

    @Override
    protected void _read(int size) {
        if (!reading) {
            reading = true;
            next();
        }
    }

    private void next() {
        while (true) {
            try {
                if (!iterator.hasNext()) {
                    push(null);
                    return;
                }
                Object value = iterator.next();
                if (value == null) {
                    reading = false;
                    throw StreamErrors.nullValues();
                }
                if (push(value)) {
                    continue;
                }
                reading = false;
            } catch (RuntimeException | Error e) {
                destroy(e);
            }
            return;
        }
    }

    @Override
    protected void _destroy(Throwable err, Callback cb) {
        Throwable error = err;
        if (closeable != null) {
            try {
                closeable.close();
            } catch (Exception e) {
                error = error != null ? error : e;
            }
        }
        // Node closes the iterator in an async function: its promise settles in a microtask, and
        // the callback is then deferred with nextTick.
        Throwable reported = error;
        EventLoop.current().queueMicrotask(() -> nextTick(() -> cb.call(reported)));
    }
}
