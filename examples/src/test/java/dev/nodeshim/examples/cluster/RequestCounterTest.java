package dev.nodeshim.examples.cluster;

import org.junit.jupiter.api.Test;

class RequestCounterTest {
    @Test
    void printsWhatTheNodeOriginalPrints() {
        ClusterRun.assertSameOutput(RequestCounter.class, false);
    }
}
