package dev.nodeshim.examples.buffer;

import dev.nodeshim.examples.NodeOriginal;
import org.junit.jupiter.api.Test;

class SlabPoolTest {
    @Test
    void printsWhatTheNodeOriginalPrints() {
        NodeOriginal.assertSameOutput(SlabPool.class, NodeOriginal.capture(SlabPool::run));
    }
}
