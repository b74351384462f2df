package dev.nodeshim.crypto;

import static dev.nodeshim.crypto.NodeAssert.assertNodeError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The legacy provider's hashes and its switch, against {@code node --openssl-legacy-provider} (values it
 * printed); its ciphers are in {@link CipherVectorsTest}.
 */
class LegacyProviderTest {
    @AfterEach
    void unload() {
        Crypto.setLegacyProvider(false);
    }

    @Test
    void refusedUntilLoaded() {
        assertFalse(Crypto.legacyProvider());
        assertNodeError("Error", "ERR_OSSL_EVP_UNSUPPORTED", "error:0308010C:digital envelope routines::unsupported",
                () -> Crypto.createHash("mdc2"));
        assertNodeError("Error", "ERR_OSSL_EVP_UNSUPPORTED", "error:0308010C:digital envelope routines::unsupported",
                () -> Crypto.createCipheriv("rc4", new byte[16], null));
        assertEquals(52, Crypto.getHashes().size());
        Crypto.setLegacyProvider(true);
        assertEquals(59, Crypto.getHashes().size());
        assertTrue(Crypto.getHashes().containsAll(List.of("RSA-MD4", "RSA-MDC2", "md4", "mdc2", "whirlpool")));
        assertEquals(175, Crypto.getCiphers().size());
        // still unknown with it loaded
        assertNodeError("Error", null, "Digest method not supported", () -> Crypto.createHash("md2"));
        assertNodeError("RangeError", "ERR_CRYPTO_INVALID_KEYLEN", "Invalid key length",
                () -> Crypto.createCipheriv("des-ecb", new byte[7], null));
    }

    @Test
    void legacyHashesMatchNode() {
        Crypto.setLegacyProvider(true);
        String[][] rows = {
            {"", "52525252525252522525252525252525", "31d6cfe0d16ae931b73c59d7e0c089c0", "19fa61d75522a4669b44e39c1d2e1726",
                "b93e3c689387c3791e6b8e7aae60c036", "853e0b833a0416ba36c480987c086e2c"},
            {"a", "04f59c1ce01b9b54d329c2baae4f6c9f", "bde52cb31de33e46245e05fbdbd6fb24", "8aca2602792aec6f11a67206531fb7d7",
                "6466abd1bad3511e8f6899119a864014", "aecc27ae8f064c1b52529841f2aebd6a"},
            {"abcdefgh", "846e47dfb3d8a8670cfe2d1aec1294ac", "ad9daf8d49d81988590a6f0e745d15dd",
                "1f1a84d30612820243afe2022712f9da", "3d849fc2512091d77856cd688db4a306", "3065fcfb030a05a6217847038b78c80b"},
            {"abcdefghi", "9444905e912163585864d84b7356114e", "1e4e28b05464316b56402b3815ed2dfd",
                "11882bc9a31ac1cf1c41dcd9fd6fdd3c", "c7b9a7dc69156ee2e33cc7f896ea5455", "ac9e7ef91c4d66337663cc172e7e119d"},
            {"The quick brown fox jumps over the lazy dog", "000ed54e093d61679aefbeae05bfe33a",
                "1bee69a46ba811185c194762abaeae90", "b97de512e91e3828b40d2b0fdce9ceb3", "77c2fbd9c6076269146019ce2f13e681",
                "7f7192e3a155cb6a8171584ba146882f"},
        };
        for (String[] r : rows) {
            assertEquals(r[1], Crypto.createHash("mdc2").update(r[0]).digest("hex"), r[0]);
            assertEquals(r[2], Crypto.createHash("RSA-MD4").update(r[0]).digest("hex"), r[0]);
            assertEquals(r[3], Crypto.createHash("whirlpool").update(r[0]).digest("hex").substring(0, 32), r[0]);
            assertEquals(r[4], Crypto.createHmac("mdc2", "key").update(r[0]).digest("hex"), r[0]);
            assertEquals(r[5], Crypto.createHmac("whirlpool", "key").update(r[0]).digest("hex").substring(0, 32), r[0]);
            // mdc2 cut anywhere, and copied halfway
            Hash h = Crypto.createHash("mdc2");
            for (char ch : r[0].toCharArray()) {
                h.update(String.valueOf(ch));
            }
            assertEquals(r[1], h.copy().digest("hex"));
        }
        assertEquals("60cffb796acc6ac864216a026d1e4e2b35a513cb", Crypto.pbkdf2Sync("pw", "salt", 3, 20, "md4").toString("hex"));
    }
}
