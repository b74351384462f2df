package dev.nodeshim.events;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodeshim.errors.NodeError;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EventsTest {
    private final EventEmitter e = new EventEmitter();

    @Test
    void onceCompletesWithTheArgumentsAndRemovesBothListeners() throws Exception {
        CompletableFuture<Object[]> f = Events.once(e, "ready");
        assertEquals(1, e.listenerCount("ready"));
        assertEquals(1, e.listenerCount("error"));
        e.emit("ready", "a", 2);
        assertArrayEquals(new Object[] {"a", 2}, f.get(0, TimeUnit.SECONDS));
        assertEquals(0, e.listenerCount("ready"));
        assertEquals(0, e.listenerCount("error"));
    }

    @Test
    void onceFailsOnError() {
        CompletableFuture<Object[]> f = Events.once(e, "ready");
        NodeError boom = NodeError.of("boom");
        assertTrue(e.emit("error", boom));
        ExecutionException ex = assertThrows(ExecutionException.class, () -> f.get(0, TimeUnit.SECONDS));
        assertSame(boom, ex.getCause());
        assertEquals(0, e.listenerCount("ready"));
    }

    @Test
    void onceForErrorItselfResolves() throws Exception {
        CompletableFuture<Object[]> f = Events.once(e, "error");
        e.emit("error", "x");
        assertArrayEquals(new Object[] {"x"}, f.get(0, TimeUnit.SECONDS));
    }

    @Test
    void onQueuesEventsAndRethrowsErrorAfterThem() throws Exception {
        EventIterator it = Events.on(e, "data");
        e.emit("data", 1);
        e.emit("data", 2);
        NodeError boom = NodeError.of("boom");
        e.emit("error", boom);
        assertEquals(0, e.listenerCount("data"), "an error closes the iterator");
        assertArrayEquals(new Object[] {1}, it.nextAsync().get().orElseThrow());
        assertArrayEquals(new Object[] {2}, it.nextAsync().get().orElseThrow());
        ExecutionException ex = assertThrows(ExecutionException.class, () -> it.nextAsync().get());
        assertSame(boom, ex.getCause());
        assertEquals(Optional.empty(), it.nextAsync().get());
    }

    @Test
    void onCompletesWaitingFuturesAndEndsOnCloseEvent() throws Exception {
        EventIterator it = Events.on(e, "data", "end");
        CompletableFuture<Optional<Object[]>> first = it.nextAsync();
        assertFalse(first.isDone());
        e.emit("data", "x");
        assertArrayEquals(new Object[] {"x"}, first.get().orElseThrow());
        CompletableFuture<Optional<Object[]>> second = it.nextAsync();
        e.emit("end");
        assertEquals(Optional.empty(), second.get());
        assertEquals(0, e.listenerCount("data"));
        assertEquals(0, e.listenerCount("end"));
    }

    @Test
    void onIsABlockingIterableForAnotherThread() throws Exception {
        EventIterator it = Events.on(e, "n", "end");
        List<Object> seen = new ArrayList<>();
        Thread consumer = new Thread(() -> {
            for (Object[] args : it) {
                seen.add(args[0]);
            }
        });
        consumer.start();
        for (int i = 0; i < 100; i++) {
            e.emit("n", i);
        }
        e.emit("end");
        consumer.join(TimeUnit.SECONDS.toMillis(30));
        assertFalse(consumer.isAlive());
        assertEquals(100, seen.size());
        assertEquals(99, seen.get(99));
    }

    @Test
    void blockingOnTheEmittingThreadIsRefused() {
        EventIterator it = Events.on(e, "n");
        assertThrows(IllegalStateException.class, it::hasNext);
        it.close();
        assertFalse(it.hasNext());
    }

    @Test
    void staticHelpers() {
        EventEmitter other = new EventEmitter();
        Listener0 f = () -> { };
        e.on("x", f);
        assertEquals(1, Events.listenerCount(e, "x"));
        assertEquals(List.of(f), Events.getEventListeners(e, "x"));
        Events.setMaxListeners(3, e, other);
        assertEquals(3, e.getMaxListeners());
        assertEquals(3, Events.getMaxListeners(other));
        NodeError err = assertThrows(NodeError.class, () -> Events.setMaxListeners(-2, e));
        assertEquals("The value of \"setMaxListeners\" is out of range. It must be >= 0. Received -2",
                err.getMessage());
    }
}
