package dev.nodeshim.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code String(err)} and the own properties of Node's errors, checked against node 20. */
class NodeErrorTest {

    @Test
    void nameCodeMessageAndToString() {
        // node -e 'try{Buffer.alloc(-1)}catch(e){console.log(e.name, e.code, String(e))}'
        NodeError e = new NodeError("RangeError", "ERR_OUT_OF_RANGE",
                "The value of \"size\" is out of range. It must be >= 0 && <= 4294967296. Received -1");
        assertEquals("RangeError", e.name());
        assertEquals("ERR_OUT_OF_RANGE", e.code());
        assertEquals("The value of \"size\" is out of range. It must be >= 0 && <= 4294967296. Received -1",
                e.getMessage());
        assertEquals("RangeError [ERR_OUT_OF_RANGE]: The value of \"size\" is out of range. "
                + "It must be >= 0 && <= 4294967296. Received -1", e.toString());
    }

    @Test
    void withoutACodeToStringIsErrorToString() {
        // node -p 'String(new Error("x"))' → Error: x; new Error("x").code → undefined
        NodeError plain = NodeError.of("x");
        assertEquals("Error", plain.name());
        assertNull(plain.code());
        assertEquals("Error: x", plain.toString());
        // node -p 'String(new TypeError("bad"))'
        assertEquals("TypeError: bad", new NodeError("TypeError", null, "bad").toString());
        // node -p 'String(new Error(""))' and String(new Error()) → Error
        assertEquals("Error", NodeError.of("").toString());
        assertEquals("Error", NodeError.of(null).toString());
    }

    @Test
    void theStackTraceStartsWithStringOfTheError() {
        // Node's err.stack begins with String(err); printStackTrace starts with toString()
        NodeError e = Errors.invalidArgType("listener", "function", null);
        java.io.StringWriter out = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(out));
        assertEquals("TypeError [ERR_INVALID_ARG_TYPE]: The \"listener\" argument must be of type function. "
                + "Received null", out.toString().lines().findFirst().orElseThrow());
    }

    @Test
    void propsAreOwnPropertiesInInsertionOrder() {
        // node -e 'try{new EventEmitter().emit("error","boom")}catch(e){console.log(Object.keys(e), e.context)}'
        // → [ 'code', 'context' ] boom (code is the class's; the other own property is context)
        NodeError e = Errors.unhandledError("boom");
        assertEquals(Map.of("context", "boom"), e.props());
        assertEquals("boom", e.prop("context"));
        assertNull(e.prop("errno"));
        NodeError sys = new NodeError("Error", "ENOENT", "spawn nope ENOENT")
                .withProp("errno", -2).withProp("syscall", "spawn nope").withProp("path", "nope");
        assertEquals(List.of("errno", "syscall", "path"), List.copyOf(sys.props().keySet()));
        assertEquals(-2, sys.prop("errno"));
        // setting a property again replaces it, as err.errno = … does
        assertSame(sys, sys.withProp("errno", -13));
        assertEquals(-13, sys.prop("errno"));
        assertEquals(List.of("errno", "syscall", "path"), List.copyOf(sys.props().keySet()));
    }

    @Test
    void propsViewIsReadOnly() {
        NodeError e = NodeError.of("x").withProp("a", 1);
        assertThrows(UnsupportedOperationException.class, () -> e.props().put("b", 2));
        assertThrows(UnsupportedOperationException.class, () -> e.props().remove("a"));
        assertEquals(Map.of("a", 1), e.props());
    }

    @Test
    void causeAndNameAreKept() {
        IllegalStateException cause = new IllegalStateException("root");
        NodeError e = new NodeError("Error", "ERR_X", "wrapped", cause);
        assertSame(cause, e.getCause());
        assertEquals("Error [ERR_X]: wrapped", e.toString());
        assertThrows(NullPointerException.class, () -> new NodeError(null, "ERR_X", "m"));
    }
}
