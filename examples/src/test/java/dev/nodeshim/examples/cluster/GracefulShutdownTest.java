package dev.nodeshim.examples.cluster;

import org.junit.jupiter.api.Test;

class GracefulShutdownTest {
    /** SIGTERM once both workers listen: both exit 0 after disconnect, then the primary, with 0. */
    @Test
    void printsWhatTheNodeOriginalPrints() {
        ClusterRun.assertSameOutput(GracefulShutdown.class, true);
    }
}
