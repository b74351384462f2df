package dev.nodeshim.examples.events;

import dev.nodeshim.examples.NodeOriginal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class OnceVsOnTest {
    @Test
    void printsWhatTheNodeOriginalPrints() {
        List<String> lines = NodeOriginal.capture(OnceVsOn::run);
        NodeOriginal.assertSameOutput(OnceVsOn.class, lines);
    }

    @Test
    void onceRunsForTheFirstEmitOnlyAndIsRemoved() {
        assertEquals(List.of("once", "on", "on", "on", "1"), NodeOriginal.capture(OnceVsOn::run));
    }
}
