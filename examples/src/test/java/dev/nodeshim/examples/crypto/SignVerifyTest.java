package dev.nodeshim.examples.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nodeshim.examples.NodeOriginal;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignVerifyTest {
    @Test
    void printsWhatTheNodeOriginalPrints() {
        NodeOriginal.assertSameOutput(SignVerify.class, NodeOriginal.capture(SignVerify::run));
    }

    @Test
    void signaturesVerifyAndTamperedDataDoesNot() {
        List<String> lines = NodeOriginal.capture(SignVerify::run);
        assertEquals(List.of("true", "false"), lines.subList(1, 3));
        assertEquals("true", lines.get(lines.size() - 1));
    }
}
