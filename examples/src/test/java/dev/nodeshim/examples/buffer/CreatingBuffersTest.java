package dev.nodeshim.examples.buffer;

import dev.nodeshim.examples.NodeOriginal;
import org.junit.jupiter.api.Test;

class CreatingBuffersTest {
    @Test
    void printsWhatTheNodeOriginalPrints() {
        NodeOriginal.assertSameOutput(CreatingBuffers.class, NodeOriginal.capture(CreatingBuffers::run));
    }
}
