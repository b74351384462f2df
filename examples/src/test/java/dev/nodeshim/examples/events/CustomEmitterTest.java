package dev.nodeshim.examples.events;

import dev.nodeshim.examples.NodeOriginal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CustomEmitterTest {
    @Test
    void printsWhatTheNodeOriginalPrints() {
        List<String> lines = NodeOriginal.capture(CustomEmitter::run);
        NodeOriginal.assertSameOutput(CustomEmitter.class, lines);
    }

    @Test
    void aSubclassEmitsToItsListeners() {
        assertEquals(List.of("ring at 6:00", "true", "1"), NodeOriginal.capture(CustomEmitter::run));
    }
}
