package dev.nodeshim.examples.childprocess;

import dev.nodeshim.examples.NodeOriginal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComputeServerTest {
    @Test
    void printsWhatTheNodeOriginalPrints() {
        List<String> lines = NodeOriginal.capture(ComputeServer::run);
        NodeOriginal.assertSameOutput(ComputeServer.class, lines);
    }
}
