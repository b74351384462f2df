package dev.nodeshim.process;

import static dev.nodeshim.process.NodeProcess.process;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodeshim.errors.NodeError;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The hook a forked JVM's channel attaches to {@code process} with. */
class ProcessChannelTest {
    @AfterEach
    void detach() {
        process.detachChannel();
    }

    @Test
    void withoutChannelSendAndDisconnectAreNotFunctions() {
        // node -e "process.send(1)": TypeError: process.send is not a function; process.connected is undefined
        assertNull(process.channel());
        assertFalse(process.connected());
        NodeError e = assertThrows(NodeError.class, () -> process.send(1));
        assertEquals("TypeError: process.send is not a function", e.toString());
        e = assertThrows(NodeError.class, process::disconnect);
        assertEquals("TypeError: process.disconnect is not a function", e.toString());
    }

    @Test
    void attachedChannelReceivesTheCalls() {
        List<String> calls = new ArrayList<>();
        Consumer<Throwable> cb = err -> { };
        ProcessChannel fake = new ProcessChannel() {
            boolean open = true;

            @Override
            public boolean send(Object message, Consumer<Throwable> callback) {
                calls.add("send " + message + " " + (callback == cb));
                return open;
            }

            @Override
            public boolean connected() {
                return open;
            }

            @Override
            public void disconnect() {
                calls.add("disconnect");
                open = false;
            }

            @Override
            public void ref() {
                calls.add("ref");
            }

            @Override
            public void unref() {
                calls.add("unref");
            }
        };
        process.attachChannel(fake);
        assertSame(fake, process.channel());
        assertTrue(process.connected());
        assertTrue(process.send("a"));
        assertTrue(process.send("b", cb));
        process.disconnect();
        assertFalse(process.connected());
        assertFalse(process.send("c"));
        assertEquals(List.of("send a false", "send b true", "disconnect", "send c false"), calls);
        assertThrows(IllegalStateException.class, () -> process.attachChannel(fake));
        NodeError e = assertThrows(NodeError.class, () -> process.attachChannel(null));
        assertEquals("ERR_INVALID_ARG_TYPE", e.code());
    }
}
