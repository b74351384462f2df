package dev.nodeshim.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodeshim.errors.NodeError;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventEmitterTest {
    private final EventEmitter e = new EventEmitter();
    private final List<String> trace = new ArrayList<>();

    @Test
    void listenersRunInRegistrationOrderWithArguments() {
        e.on("x", (String a, Integer b) -> trace.add("first " + a + b));
        e.on("x", (String a) -> trace.add("second " + a));
        e.on("x", () -> trace.add("third"));
        assertTrue(e.emit("x", "a", 1));
        assertEquals(List.of("first a1", "second a", "third"), trace);
        assertFalse(e.emit("nobody"));
    }

    @Test
    void missingArgumentsArriveAsNullAndArgsListenerSeesAll() {
        e.on("x", (Object a, Object b, Object c) -> trace.add(a + "," + b + "," + c));
        e.on("x", Listener.ofArgs(args -> trace.add("n=" + args.length)));
        e.emit("x", "a");
        e.emit("x", 1, 2, 3, 4);
        assertEquals(List.of("a,null,null", "n=1", "1,2,3", "n=4"), trace);
    }

    @Test
    void onceRemovesBeforeCalling() {
        e.once("x", () -> trace.add("once sees " + e.listenerCount("x")));
        e.emit("x");
        e.emit("x");
        assertEquals(List.of("once sees 0"), trace);
    }

    @Test
    void prependPutsListenersFirst() {
        e.on("x", () -> trace.add("on"));
        e.prependListener("x", () -> trace.add("prepend"));
        e.prependOnceListener("x", () -> trace.add("prependOnce"));
        e.emit("x");
        e.emit("x");
        assertEquals(List.of("prependOnce", "prepend", "on", "prepend", "on"), trace);
    }

    @Test
    void emitUsesASnapshot() {
        Listener b = Listener.of(() -> trace.add("b"));
        e.on("x", () -> {
            trace.add("a");
            e.removeListener("x", b);
            e.on("x", () -> trace.add("late"));
        });
        e.on("x", b);
        e.emit("x");
        assertEquals(List.of("a", "b"), trace);
        trace.clear();
        e.emit("x");
        assertEquals(List.of("a", "late"), trace);
    }

    @Test
    void removeListenerRemovesTheLastMatchingRegistration() {
        Listener0 f = () -> trace.add("f");
        e.on("x", f);
        e.on("x", () -> trace.add("g"));
        e.on("x", f);
        e.off("x", f);
        assertEquals(2, e.listenerCount("x"));
        assertEquals(1, e.listenerCount("x", f));
        e.emit("x");
        assertEquals(List.of("f", "g"), trace);
    }

    @Test
    void methodReferencesNeedAKeptHandle() {
        Listener handle = Listener.of(this::record);
        e.on("x", handle);
        e.on("x", this::record);
        e.off("x", (Listener1<Object>) this::record); // a new object: removes nothing
        assertEquals(2, e.listenerCount("x"));
        e.off("x", handle);
        assertEquals(1, e.listenerCount("x"));
    }

    private void record(Object value) {
        trace.add(String.valueOf(value));
    }

    @Test
    void metaEventsFireBeforeAddingAndAfterRemoving() {
        Listener0 f = () -> { };
        e.on("newListener", (Object ev, Object l) -> trace.add("new " + ev + " count=" + e.listenerCount("x")));
        e.on("removeListener", (Object ev, Object l) -> trace.add("removed " + ev + " count=" + e.listenerCount("x")
                + " same=" + (l == f)));
        e.on("x", f);
        e.once("x", f);
        e.removeAllListeners("x");
        assertEquals(List.of("new removeListener count=0", "new x count=0", "new x count=1",
                "removed x count=1 same=false", "removed x count=0 same=true"), trace);
    }

    @Test
    void rawListenersExposeOnceWrappers() {
        Listener1<String> f = s -> trace.add("f " + s);
        e.once("x", f);
        e.on("x", f);
        List<Object> raw = e.rawListeners("x");
        OnceWrapper w = (OnceWrapper) raw.get(0);
        assertSame(f, w.listener());
        assertSame(f, raw.get(1));
        assertEquals(List.of(f, f), e.listeners("x"));
        w.call("direct");
        assertEquals(1, e.listenerCount("x"));
        e.emit("x", "emitted");
        assertEquals(List.of("f direct", "f emitted"), trace);
    }

    @Test
    void unhandledErrorThrowsTheErrorItself() {
        IOException io = new IOException("disk");
        IOException thrown = assertThrows(IOException.class, () -> e.emit("error", io));
        assertSame(io, thrown);
    }

    @Test
    void unhandledNonErrorsGetNodesMessage() {
        assertEquals("Unhandled error. ('boom')", unhandled("boom"));
        assertEquals("Unhandled error. (42)", unhandled(42));
        assertEquals("Unhandled error. (null)", unhandled(null));
        assertEquals("Unhandled error. ({ a: 1 })", unhandled(java.util.Map.of("a", 1)));
        NodeError err = assertThrows(NodeError.class, () -> e.emit("error"));
        assertEquals("Unhandled error. (undefined)", err.getMessage());
        assertEquals("ERR_UNHANDLED_ERROR", err.code());
        assertEquals("Error", err.name());
    }

    private String unhandled(Object value) {
        return assertThrows(NodeError.class, () -> e.emit("error", value)).getMessage();
    }

    @Test
    void errorMonitorSeesErrorsFirst() {
        e.on(Events.errorMonitor, (Object err) -> trace.add("monitor " + err));
        e.on("error", (Object err) -> trace.add("error " + err));
        e.emit("error", "x");
        assertEquals(List.of("monitor x", "error x"), trace);
    }

    @Test
    void aThrowingListenerStopsTheEmit() {
        e.on("x", () -> {
            throw new IllegalStateException("boom");
        });
        e.on("x", () -> trace.add("never"));
        assertThrows(IllegalStateException.class, () -> e.emit("x"));
        assertEquals(List.of(), trace);
    }

    @Test
    void badArgumentsGetNodesErrors() {
        NodeError nullListener = assertThrows(NodeError.class, () -> e.on("x", (Listener0) null));
        assertEquals("TypeError", nullListener.name());
        assertEquals("ERR_INVALID_ARG_TYPE", nullListener.code());
        assertEquals("The \"listener\" argument must be of type function. Received null", nullListener.getMessage());
        NodeError notAFunction = assertThrows(NodeError.class, () -> e.off("x", "abc"));
        assertEquals("The \"listener\" argument must be of type function. Received type string ('abc')",
                notAFunction.getMessage());
        NodeError negative = assertThrows(NodeError.class, () -> e.setMaxListeners(-1));
        assertEquals("RangeError", negative.name());
        assertEquals("ERR_OUT_OF_RANGE", negative.code());
        assertEquals("The value of \"setMaxListeners\" is out of range. It must be >= 0. Received -1",
                negative.getMessage());
        NodeError nan = assertThrows(NodeError.class, () -> e.setMaxListeners(Double.NaN));
        assertEquals("The value of \"setMaxListeners\" is out of range. It must be >= 0. Received NaN",
                nan.getMessage());
    }

    @Test
    void eventNamesFollowJavaScriptKeyOrder() {
        Symbol s = new Symbol("s");
        e.on(s, () -> { });
        e.on("b", () -> { });
        e.on(10, () -> { });
        e.on("a", () -> { });
        e.on("2", () -> { });
        assertEquals(List.of("2", "10", "b", "a", s), e.eventNames());
        e.emit(2.0);
        assertTrue(e.emit("10"));
    }

    @Test
    void maxListenersDefaultsAndZeroMeansUnlimited() {
        assertEquals(10, e.getMaxListeners());
        e.setMaxListeners(0);
        assertEquals(0, e.getMaxListeners());
        e.setMaxListeners(Double.POSITIVE_INFINITY);
        assertEquals(Double.POSITIVE_INFINITY, e.getMaxListeners());
    }

    @Test
    void subclassesAreEmitters() {
        class Door extends EventEmitter {
            void open() {
                emit("open", "front");
            }
        }
        Door d = new Door();
        d.on("open", (String which) -> trace.add(which));
        d.open();
        assertEquals(List.of("front"), trace);
    }
}
