package dev.nodeshim.examples.events;

import dev.nodeshim.examples.NodeOriginal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class WakeUpTest {
    @Test
    void printsWhatTheNodeOriginalPrints() {
        List<String> lines = NodeOriginal.capture(WakeUp::run);
        NodeOriginal.assertSameOutput(WakeUp.class, lines);
    }

    @Test
    void theListenerGetsTheEmittedArgument() {
        assertEquals(List.of("早上6:00开始起床，新的一天加油"), NodeOriginal.capture(WakeUp::run));
    }
}
