package dev.nodeshim.examples.events;

import dev.nodeshim.examples.NodeOriginal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CacheStampedeGuardTest {
    @Test
    void printsWhatTheNodeOriginalPrints() {
        List<String> lines = NodeOriginal.capture(CacheStampedeGuard::run);
        NodeOriginal.assertSameOutput(CacheStampedeGuard.class, lines);
    }

    @Test
    void tenConcurrentCallersShareOneReadAndALaterCallerReadsAgain() {
        List<String> lines = NodeOriginal.capture(CacheStampedeGuard::run);
        assertEquals(13, lines.size(), lines.toString());
        for (int i = 0; i < 10; i++) {
            assertEquals(i + " null contents of /a.txt", lines.get(i));
        }
        assertEquals(List.of("reads: 1", "late null contents of /a.txt", "reads: 2"), lines.subList(10, 13));
    }
}
