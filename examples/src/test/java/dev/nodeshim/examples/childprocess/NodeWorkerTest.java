package dev.nodeshim.examples.childprocess;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nodeshim.examples.NodeOriginal;
import org.junit.jupiter.api.Test;

class NodeWorkerTest {
    /** The Java parent drives the Node original's own worker; the node child has exited when run returns. */
    @Test
    void printsWhatTheNodeOriginalPrints() {
        assumeTrue(NodeOriginal.findNode().isPresent(), "the worker is a node script: needs node on the PATH");
        NodeOriginal.assertSameOutput(NodeWorker.class,
                NodeOriginal.capture(out -> NodeWorker.run(NodeOriginal.script(NodeWorker.class), out)));
    }
}
