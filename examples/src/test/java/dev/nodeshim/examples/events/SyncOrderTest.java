package dev.nodeshim.examples.events;

import dev.nodeshim.examples.NodeOriginal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SyncOrderTest {
    @Test
    void printsWhatTheNodeOriginalPrints() {
        List<String> lines = NodeOriginal.capture(SyncOrder::run);
        NodeOriginal.assertSameOutput(SyncOrder.class, lines);
    }

    @Test
    void emitIsSynchronousAndSetImmediateDefers() {
        assertEquals(List.of("111", "222", "222", "111"), NodeOriginal.capture(SyncOrder::run));
    }
}
