package dev.nodeshim.examples.cluster;

import org.junit.jupiter.api.Test;

class RestartingClusterTest {
    @Test
    void printsWhatTheNodeOriginalPrints() {
        ClusterRun.assertSameOutput(RestartingCluster.class, false);
    }
}
