package dev.nodeshim.examples.childprocess;

import dev.nodeshim.examples.NodeOriginal;
import org.junit.jupiter.api.Test;

class SpawnExecExecFileTest {
    @Test
    void printsWhatTheNodeOriginalPrints() {
        NodeOriginal.assertSameOutput(SpawnExecExecFile.class, NodeOriginal.capture(SpawnExecExecFile::run));
    }
}
