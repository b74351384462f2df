package dev.nodeshim.childprocess;

import static dev.nodeshim.childprocess.ChildProcesses.fork;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodeshim.buffer.Buffer;
import dev.nodeshim.errors.NodeError;
import dev.nodeshim.errors.Undefined;
import dev.nodeshim.events.Listener1;
import dev.nodeshim.loop.EventLoop;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** fork with {@code serialization: 'advanced'}: Java to Java through the echo child ({@link ForkChildren.Echo}). */
class AdvancedForkTest {
    private static final int MANY = 100_000;
    private static final int BIG = 6 * 1024 * 1024;

    private static final ForkOptions ADVANCED = ForkOptions.defaults().serialization("advanced");

    /**
     * A value only advanced serialization carries (a Map with a number key, a Set, a Date, a BigInt, a
     * Buffer, a typed array, a RegExp), in a mutable map the tests add to.
     */
    static Map<String, Object> structuredValue() {
        Map<String, Object> value = new LinkedHashMap<>();
        JsMap map = new JsMap();
        map.put(1, "one");
        map.put("k", new LinkedHashSet<>(List.of(1, "a")));
        value.put("map", map);
        value.put("date", Instant.ofEpochMilli(1_700_000_000_123L));
        value.put("big", BigInteger.TWO.pow(100).negate());
        value.put("buf", Buffer.from("hi"));
        value.put("ints", new int[] {1, -2});
        value.put("re", new RegExp("a+", "gi"));
        return value;
    }

    @Test
    void structuredValuesABigBufferAndManyMessagesArriveAsSent() {
        byte[] bigBytes = new byte[BIG];
        new Random(7).nextBytes(bigBytes);
        Map<String, Object> value = structuredValue();
        value.put("err", new NodeError("RangeError", null, "far").withProp("stack", "RangeError: far"));
        value.put("undef", Undefined.INSTANCE);
        value.put("self", value); // circular
        List<Object> replies = new ArrayList<>();
        int[] burst = {0};
        boolean[] burstInOrder = {true};
        int code = EventLoop.run(() -> {
            ChildProcess c = fork(ForkChildren.Echo.class, List.of(), ADVANCED);
            // a Java lambda cannot be cloned: send throws at once, as node's send does for {f(){}}
            Runnable fn = () -> { };
            NodeError bad = assertThrows(NodeError.class, () -> c.send(Map.of("f", fn)));
            assertEquals("Error: function () { [native code] } could not be cloned.", bad.toString());
            // node 20: child.send(undefined)
            bad = assertThrows(NodeError.class, () -> c.send(Undefined.INSTANCE));
            assertEquals("TypeError [ERR_MISSING_ARGS]: The \"message\" argument must be specified", bad.toString());
            c.on("message", (Listener1<Object>) m -> {
                if (m instanceof Map<?, ?> mm && mm.containsKey("i")) {
                    burstInOrder[0] &= mm.get("i").equals(burst[0]);
                    burst[0]++;
                    return;
                }
                replies.add(m);
                switch (replies.size()) {
                    case 1 -> c.send(Buffer.wrap(bigBytes));
                    case 2 -> {
                        for (int i = 0; i < MANY; i++) {
                            c.send(Map.of("seq", i));
                        }
                        c.send(Map.of("cmd", "count"));
                    }
                    case 3 -> c.send(Map.of("cmd", "burst", "n", MANY));
                    case 4 -> c.send("bye");
                    default -> throw new AssertionError("unexpected " + m);
                }
            });
            c.send(value);
        });
        assertEquals(0, code);
        Map<?, ?> back = (Map<?, ?>) replies.get(0);
        assertSame(back, back.get("self"), "a circular object arrives circular");
        JsMap m = (JsMap) back.get("map");
        assertEquals(List.of(1, "k"), new ArrayList<>(m.keySet()));
        assertEquals(Set.of(1, "a"), m.get("k"));
        assertEquals(Instant.ofEpochMilli(1_700_000_000_123L), back.get("date"));
        assertEquals(BigInteger.TWO.pow(100).negate(), back.get("big"));
        assertEquals("hi", ((Buffer) back.get("buf")).toString());
        assertArrayEquals(new int[] {1, -2}, (int[]) back.get("ints"));
        assertEquals(new RegExp("a+", "gi"), back.get("re"));
        NodeError err = (NodeError) back.get("err");
        assertEquals("RangeError: far", err.toString());
        assertEquals("RangeError: far", err.prop("stack"));
        assertSame(Undefined.INSTANCE, back.get("undef"));
        Buffer big = assertInstanceOf(Buffer.class, replies.get(1));
        assertTrue(Arrays.equals(bigBytes, big.toByteArray()), "a " + BIG + "-byte Buffer arrives whole");
        assertEquals(Map.of("received", MANY, "inOrder", true), replies.get(2));
        assertEquals(MANY, burst[0]);
        assertTrue(burstInOrder[0]);
        assertEquals("burst-done", replies.get(3));
    }

    /** The child gets the mode from its parent: what it sends back is read in the same mode. */
    @Test
    void theChildSpeaksItsParentsMode() {
        List<Object> replies = new ArrayList<>();
        EventLoop.run(() -> {
            ChildProcess c = fork(ForkChildren.Echo.class, List.of(), ADVANCED);
            c.on("message", (Listener1<Object>) m -> {
                replies.add(m);
                c.send("bye");
            });
            c.send(Map.of("cmd", "hello"));
        });
        Map<?, ?> hello = (Map<?, ?>) replies.get(0);
        assertEquals(true, hello.get("connected"));
        assertEquals(null, hello.get("channelEnv"));
    }

    @Test
    void unknownModesGetNodesError() {
        // node 20: fork('x', {serialization: 'v8'})
        NodeError e = assertThrows(NodeError.class, () -> ForkOptions.defaults().serialization("v8"));
        assertEquals("TypeError [ERR_INVALID_ARG_VALUE]: The property 'options.serialization' must be one of: "
                + "undefined, 'json', 'advanced'. Received 'v8'", e.toString());
    }
}
