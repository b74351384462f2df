package dev.nodeshim.examples.childprocess;

import dev.nodeshim.examples.NodeOriginal;
import org.junit.jupiter.api.Test;

class AdvancedForkTest {
    /** The worker has exited by the time run returns (the last line says so). */
    @Test
    void printsWhatTheNodeOriginalPrints() {
        NodeOriginal.assertSameOutput(AdvancedFork.class, NodeOriginal.capture(AdvancedFork::run));
    }
}
