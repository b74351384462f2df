package dev.nodeshim.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodeshim.errors.NodeError;
import dev.nodeshim.loop.EventLoop;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Expected values printed by node 20 for the same calls. */
class AbortSignalTest {

    @Test
    void controllerAbortsOnceAndRunsListenersInOrder() {
        AbortController c = new AbortController();
        List<String> trace = new ArrayList<>();
        Runnable second = () -> trace.add("second");
        c.signal().addEventListener("abort", () -> trace.add("first " + c.signal().reason()));
        c.signal().addEventListener("abort", second);
        Runnable removed = () -> trace.add("removed");
        c.signal().addEventListener("abort", removed);
        c.signal().removeEventListener("abort", removed);
        assertFalse(c.signal().aborted());
        assertNull(c.signal().reason());
        c.abort("why");
        c.abort("again"); // node: the first reason stays, listeners run once
        assertTrue(c.signal().aborted());
        assertEquals("why", c.signal().reason());
        assertEquals(List.of("first why", "second"), trace);
    }

    @Test
    void defaultReasonsAreNodesDomExceptions() {
        // node: AbortSignal.abort().reason → DOMException AbortError 'This operation was aborted', code 20
        NodeError r = (NodeError) AbortSignal.abort().reason();
        assertEquals("AbortError", r.name());
        assertEquals("This operation was aborted", r.getMessage());
        assertEquals(20, r.prop("code"));
        NodeError thrown = assertThrows(NodeError.class, () -> AbortSignal.abort().throwIfAborted());
        assertEquals("AbortError", thrown.name());
    }

    @Test
    void throwIfAbortedThrowsTheReasonOrWrapsAValue() {
        RuntimeException boom = new IllegalStateException("boom");
        assertSame(boom, assertThrows(IllegalStateException.class, () -> AbortSignal.abort(boom).throwIfAborted()));
        NodeError wrapped = assertThrows(NodeError.class, () -> AbortSignal.abort("why").throwIfAborted());
        assertEquals("ABORT_ERR", wrapped.code());
        assertEquals("why", wrapped.prop("cause"));
        new AbortController().signal().throwIfAborted(); // not aborted: nothing
    }

    @Test
    void timeoutAbortsWithTimeoutErrorAndDoesNotHoldTheLoop() {
        List<Object> seen = new ArrayList<>();
        EventLoop.run(() -> {
            AbortSignal s = AbortSignal.timeout(10);
            s.addEventListener("abort", () -> seen.add(s.reason()));
            // keep the loop alive past the timeout with a ref'd timer of our own
            dev.nodeshim.loop.Timers.setTimeout(() -> seen.add("later"), 200);
        });
        NodeError r = (NodeError) seen.get(0);
        // node: TimeoutError 'The operation was aborted due to timeout', code 23
        assertEquals("TimeoutError", r.name());
        assertEquals("The operation was aborted due to timeout", r.getMessage());
        assertEquals(23, r.prop("code"));
        assertEquals("later", seen.get(1));
        // unref'd: alone it does not keep the loop running
        List<Object> none = new ArrayList<>();
        EventLoop.run(() -> AbortSignal.timeout(60_000).addEventListener("abort", () -> none.add("fired")));
        assertTrue(none.isEmpty());
    }

    /** node 20: once(ee, 'foo', {signal}) rejects with AbortError (cause = reason) and removes its listeners. */
    @Test
    void eventsOnceWithASignal() {
        EventEmitter ee = new EventEmitter();
        AbortController ac = new AbortController();
        var f = Events.once(ee, "foo", ac.signal());
        assertEquals(1, ee.listenerCount("foo"));
        assertEquals(1, ee.listenerCount("error"));
        ac.abort("r");
        assertEquals(0, ee.listenerCount("foo"));
        assertEquals(0, ee.listenerCount("error"));
        NodeError e = (NodeError) assertThrows(java.util.concurrent.CompletionException.class, f::join).getCause();
        assertEquals("AbortError ABORT_ERR The operation was aborted r",
                e.name() + " " + e.code() + " " + e.getMessage() + " " + e.prop("cause"));

        var pre = Events.once(ee, "foo", AbortSignal.abort());
        assertTrue(pre.isCompletedExceptionally());
        assertEquals(0, ee.listenerCount("foo")); // nothing added

        AbortController ac2 = new AbortController();
        var ok = Events.once(ee, "foo", ac2.signal());
        ee.emit("foo", 1);
        assertEquals(1, ok.join()[0]);
        ac2.abort(); // after resolution: nothing happens
        assertFalse(ok.isCompletedExceptionally());
    }

    /** node 20: events.on(ee, 'bar', {signal}) yields what came before the abort, then throws AbortError. */
    @Test
    void eventsOnWithASignal() {
        EventEmitter ee = new EventEmitter();
        AbortController ac = new AbortController();
        EventIterator it = Events.on(ee, "bar", ac.signal());
        assertEquals(1, ee.listenerCount("bar"));
        assertEquals(1, ee.listenerCount("error"));
        ee.emit("bar", 1);
        ee.emit("bar", 2);
        ac.abort("r");
        assertEquals(0, ee.listenerCount("bar"));
        assertEquals(0, ee.listenerCount("error"));
        assertEquals(1, it.next()[0]);
        assertEquals(2, it.next()[0]);
        assertTrue(it.hasNext()); // the error is the next "element": next() throws it
        NodeError e = assertThrows(NodeError.class, it::next);
        assertEquals("AbortError ABORT_ERR r", e.name() + " " + e.code() + " " + e.prop("cause"));
        NodeError pre = assertThrows(NodeError.class, () -> Events.on(ee, "x", AbortSignal.abort()));
        assertEquals("ABORT_ERR", pre.code());
        assertEquals(0, ee.listenerCount("x"));
    }
}
