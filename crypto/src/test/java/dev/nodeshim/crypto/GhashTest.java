package dev.nodeshim.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.bouncycastle.crypto.modes.gcm.BasicGCMMultiplier;

/** The 4-bit-table GHASH against BouncyCastle's bit-serial multiplier (an independent implementation). */
class GhashTest {
    @Property(tries = 300)
    void matchesTheBitSerialDefinition(@ForAll @Size(16) byte[] h, @ForAll @Size(max = 100) byte[] data,
            @ForAll @Size(max = 40) byte[] aad) {
        Ghash ours = new Ghash(h);
        ours.update(aad, 0, aad.length);
        ours.pad();
        ours.update(data, 0, data.length);
        byte[] got = ours.finish(aad.length, data.length);

        BasicGCMMultiplier ref = new BasicGCMMultiplier();
        ref.init(h.clone());
        byte[] x = new byte[16];
        absorb(ref, x, aad);
        absorb(ref, x, data);
        byte[] lengths = new byte[16];
        Ghash.putLong(lengths, 0, aad.length * 8L);
        Ghash.putLong(lengths, 8, data.length * 8L);
        absorb(ref, x, lengths);
        assertArrayEquals(x, got);
    }

    private static void absorb(BasicGCMMultiplier m, byte[] x, byte[] data) {
        for (int i = 0; i < data.length; i += 16) {
            for (int k = 0; k < 16 && i + k < data.length; k++) {
                x[k] ^= data[i + k];
            }
            m.multiplyH(x);
        }
    }
}
