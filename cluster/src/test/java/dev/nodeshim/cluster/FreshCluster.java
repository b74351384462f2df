package dev.nodeshim.cluster;

import static dev.nodeshim.cluster.Cluster.cluster;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * {@code @ExtendWith(FreshCluster.class)}: each test starts from a reset cluster, and after it the
 * cluster is reset again and no worker process may be left (the test's loop has returned, so every
 * worker has exited).
 */
final class FreshCluster implements BeforeEachCallback, AfterEachCallback {
    @Override
    public void beforeEach(ExtensionContext context) {
        cluster.resetForTests();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        cluster.resetForTests();
        assertEquals(List.of(), ProcessHandle.current().children().map(ProcessHandle::pid).toList());
    }
}
