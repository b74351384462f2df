package dev.nodeshim.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.HexFormat;
import java.util.Random;
import org.bouncycastle.crypto.macs.Poly1305;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;

/** Our Poly1305 against RFC 8439's vector and BouncyCastle's, over random keys, lengths and chunkings. */
class Poly1305MacTest {
    @Test
    void rfc8439Vector() {
        HexFormat hex = HexFormat.of();
        byte[] key = hex.parseHex("85d6be7857556d337f4452fe42d506a80103808afb0db2fd4abff6af4149f51b");
        byte[] msg = "Cryptographic Forum Research Group".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        Poly1305Mac m = new Poly1305Mac(key, 0);
        m.update(msg, 0, msg.length);
        byte[] tag = new byte[16];
        m.doFinal(tag, 0);
        assertArrayEquals(hex.parseHex("a8061dc1305136c6c22b8baf0c0127a9"), tag);
    }

    @Test
    void equalsBouncyCastleOnRandomInputs() {
        Random r = new Random(1305);
        for (int n = 0; n < 3000; n++) {
            byte[] key = new byte[32];
            r.nextBytes(key);
            if (n % 10 == 0) {
                // keys and data of all ones reach the carries and the final reduction's edge
                java.util.Arrays.fill(key, (byte) 0xff);
            }
            byte[] data = new byte[r.nextInt(n % 100 == 0 ? 5000 : 200)];
            r.nextBytes(data);
            if (n % 7 == 0) {
                java.util.Arrays.fill(data, (byte) 0xff);
            }
            Poly1305 bc = new Poly1305();
            bc.init(new KeyParameter(key));
            bc.update(data, 0, data.length);
            byte[] expected = new byte[16];
            bc.doFinal(expected, 0);
            Poly1305Mac ours = new Poly1305Mac(key, 0);
            for (int off = 0; off < data.length; ) {
                int len = Math.min(data.length - off, r.nextInt(40));
                ours.update(data, off, len);
                off += len;
            }
            byte[] actual = new byte[16];
            ours.doFinal(actual, 0);
            assertArrayEquals(expected, actual, "case " + n);
        }
    }
}
