package dev.nodeshim.crypto;

import static dev.nodeshim.crypto.NodeAssert.assertNodeError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** getCipherInfo against node 20 (src/test/node/cipher-info-options.js and the calls quoted). */
class CipherInfoTest {
    /** The file was written with --openssl-legacy-provider; without it, legacy ciphers answer no length test. */
    @Test
    void lengthOptionsAnswerAsNode() throws Exception {
        assertNull(Crypto.getCipherInfo("des-cbc", null, 8));
        assertNull(Crypto.getCipherInfo("bf-cbc", 16, null));
        Crypto.setLegacyProvider(true);
        try {
            lengthOptions();
        } finally {
            Crypto.setLegacyProvider(false);
        }
    }

    private static void lengthOptions() throws Exception {
        List<String> failures = new ArrayList<>();
        for (String row : NodeAssert.resourceLines("cipher-info-options.tsv")) {
            String[] f = row.split("\t");
            int len = Integer.parseInt(f[2]);
            CipherInfo i = f[1].equals("keyLength") ? Crypto.getCipherInfo(f[0], len, null)
                    : Crypto.getCipherInfo(f[0], null, len);
            String got = i == null ? "-" : (i.ivLength() == null ? "undefined" : i.ivLength()) + "/" + i.keyLength();
            if (!got.equals(f[3])) {
                failures.add(row + " got " + got);
            }
        }
        assertEquals(List.of(), failures.subList(0, Math.min(20, failures.size())), failures.size() + " differ");
    }

    @Test
    void infoAsNodePrintsIt() {
        assertEquals(new CipherInfo("id-aes128-gcm", 895, "gcm", 1, 12, 16), Crypto.getCipherInfo("AES-128-GCM"));
        assertEquals(new CipherInfo("id-aes128-gcm", 895, "gcm", 1, 8, 16), Crypto.getCipherInfo("aes-128-gcm", null, 8));
        assertEquals(new CipherInfo("aes-128-cbc", 419, "cbc", 16, 16, 16), Crypto.getCipherInfo("2.16.840.1.101.3.4.1.2"));
        assertEquals(new CipherInfo("chacha20", 1019, "stream", null, 16, 32), Crypto.getCipherInfo("chacha20"));
        assertEquals(new CipherInfo("aes-128-ecb", 418, "ecb", 16, null, 16), Crypto.getCipherInfo("aes-128-ecb", null, 0));
        assertEquals(new CipherInfo("id-aes128-gcm", 895, "gcm", 1, 12, 16), Crypto.getCipherInfo(895));
        // legacy ciphers are described without the legacy provider, as in Node
        assertEquals(new CipherInfo("des-ecb", 29, "ecb", 8, null, 8), Crypto.getCipherInfo("des-ecb"));
        assertNull(Crypto.getCipherInfo("nope"));
        assertNull(Crypto.getCipherInfo(99999));
        assertNull(Crypto.getCipherInfo("aes-128-gcm", null, 129));
        assertNodeError("TypeError", "ERR_INVALID_ARG_TYPE",
                "The \"nameOrNid\" argument must be one of type string or number. Received null",
                () -> Crypto.getCipherInfo((String) null));
    }
}
