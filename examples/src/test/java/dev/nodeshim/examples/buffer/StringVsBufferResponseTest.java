package dev.nodeshim.examples.buffer;

import dev.nodeshim.examples.NodeOriginal;
import org.junit.jupiter.api.Test;

class StringVsBufferResponseTest {
    @Test
    void printsWhatTheNodeOriginalPrints() {
        NodeOriginal.assertSameOutput(StringVsBufferResponse.class, NodeOriginal.capture(StringVsBufferResponse::run));
    }
}
