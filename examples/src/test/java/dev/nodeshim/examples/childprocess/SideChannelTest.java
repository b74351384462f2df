package dev.nodeshim.examples.childprocess;

import dev.nodeshim.examples.NodeOriginal;
import org.junit.jupiter.api.Test;

class SideChannelTest {
    /** The child has closed (stdout and fd 3 ended, exit 0) by the time run returns: the last line says so. */
    @Test
    void printsWhatTheNodeOriginalPrints() {
        NodeOriginal.assertSameOutput(SideChannel.class, NodeOriginal.capture(SideChannel::run));
    }
}
