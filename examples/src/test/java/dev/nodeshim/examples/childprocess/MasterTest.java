package dev.nodeshim.examples.childprocess;

import dev.nodeshim.examples.NodeOriginal;
import org.junit.jupiter.api.Test;

class MasterTest {
    /** Every worker the master forked has exited by the time run returns (the last lines say so). */
    @Test
    void printsWhatTheNodeOriginalPrints() {
        NodeOriginal.assertSameOutput(Master.class, NodeOriginal.capture(Master::run));
    }
}
