package dev.nodeshim.examples.buffer;

import dev.nodeshim.examples.NodeOriginal;
import org.junit.jupiter.api.Test;

class EncodingsTest {
    @Test
    void printsWhatTheNodeOriginalPrints() {
        NodeOriginal.assertSameOutput(Encodings.class, NodeOriginal.capture(Encodings::run));
    }
}
