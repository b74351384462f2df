package dev.nodeshim.examples.events;

import dev.nodeshim.examples.NodeOriginal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorEventTest {
    @Test
    void printsWhatTheNodeOriginalPrints() {
        List<String> lines = NodeOriginal.capture(ErrorEvent::run);
        NodeOriginal.assertSameOutput(ErrorEvent.class, lines);
    }

    @Test
    void anUnheardErrorThrowsAndAHeardOneIsAnEvent() {
        assertEquals(List.of(
                "thrown: Error: 错误信息",
                "thrown: ERR_UNHANDLED_ERROR Unhandled error. ('boom')",
                "handled: Error: this is a error",
                "true"), NodeOriginal.capture(ErrorEvent::run));
    }
}
