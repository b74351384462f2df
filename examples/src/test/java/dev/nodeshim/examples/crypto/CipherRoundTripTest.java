package dev.nodeshim.examples.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nodeshim.crypto.Crypto;
import dev.nodeshim.examples.NodeOriginal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CipherRoundTripTest {
    @Test
    void printsWhatTheNodeOriginalPrints() {
        NodeOriginal.assertSameOutput(CipherRoundTrip.class, NodeOriginal.capture(CipherRoundTrip::run));
    }

    @Test
    void withTheLegacyProviderTheSeedsDesRoundTripWorks() {
        List<String> out = new ArrayList<>();
        Crypto.setLegacyProvider(true);
        try {
            String encrypted = CipherRoundTrip.cipher(out::add, "hello world !!!", "des-ecb", "12345678", "");
            // what `node --openssl-legacy-provider` prints for the seed's function
            assertEquals("28dba02eb5f6dd478852f80ed9fa959e", encrypted);
            assertEquals("hello world !!!", CipherRoundTrip.decipher(out::add, encrypted, "des-ecb", "12345678", ""));
        } finally {
            Crypto.setLegacyProvider(false);
        }
        assertEquals(List.of(), out);
    }
}
