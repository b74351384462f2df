package dev.nodeshim.examples.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nodeshim.examples.NodeOriginal;
import org.junit.jupiter.api.Test;

class Md5Test {
    @Test
    void printsWhatTheNodeOriginalPrints() {
        NodeOriginal.assertSameOutput(Md5.class, NodeOriginal.capture(Md5::run));
    }

    @Test
    void md5IsThirtyTwoHexDigits() {
        assertEquals("25f9e794323b453885f5181f1b624d0b", Md5.md5("123456789"));
    }
}
