package dev.nodeshim.examples.events;

import dev.nodeshim.examples.NodeOriginal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ListenerArgumentsTest {
    @Test
    void printsWhatTheNodeOriginalPrints() {
        List<String> lines = NodeOriginal.capture(ListenerArguments::run);
        NodeOriginal.assertSameOutput(ListenerArguments.class, lines);
    }

    @Test
    void listenersGetTheArgumentsInOrderAndMissingOnesAsNull() {
        assertEquals(List.of("a b", "true", "a b true"), NodeOriginal.capture(ListenerArguments::run));
    }
}
