package dev.nodeshim.crypto;

import static dev.nodeshim.crypto.NodeAssert.hex;
import static dev.nodeshim.crypto.NodeAssert.pattern;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.Blake2bDigest;
import org.bouncycastle.crypto.digests.Blake2sDigest;
import org.junit.jupiter.api.Test;

/**
 * Our {@link Blake2b} and {@link Blake2s} against node's digests, and against BouncyCastle's
 * independent implementation over any length and any cut into updates (the last-block rule: a whole
 * block at the end of the input must wait for the final flag).
 */
class Blake2Test {
    @Test
    void nodesDigests() {
        byte[] abc = {'a', 'b', 'c'};
        // node -e "crypto.createHash(alg).update('abc' | 1,000,003 bytes of i*7).digest('hex')"
        Blake2b b = new Blake2b();
        b.update(abc, 0, 3);
        assertEquals("ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d1"
                + "7d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923", hex(b.finish(-1)));
        Blake2s s = new Blake2s();
        s.update(abc, 0, 3);
        assertEquals("508c5e8c327c14e2e1a72ba34eeb452f37458b209ed63a294d999b4c86675982", hex(s.finish(-1)));
        byte[] big = pattern(1_000_003);
        assertEquals("6334808fa012f92e3dab7bdfebb2dd4224df78f765ac2a2f82163b3ee5247215"
                + "2897906e805a9b389d982414a856de5523f0ddbc11ebdbd0c0a6b4b5124b12c6",
                Crypto.createHash("blake2b512").update(big).digest("hex"));
        assertEquals("64c204b7ca15e9b787da7845e2c24f5b0e9b835a905607ca48bc063befff410a",
                Crypto.createHash("BLAKE2s-256").update(big).digest("hex"));
    }

    @Property(tries = 400)
    void sameAsBouncyCastle(@ForAll @Size(max = 700) byte[] data, @ForAll @IntRange(min = 0, max = 300) int step,
            @ForAll @IntRange(min = 0, max = 700) int copyAt) {
        check(new Blake2b(), new Blake2bDigest(512), data, step, copyAt);
        check(new Blake2s(), new Blake2sDigest(256), data, step, copyAt);
    }

    @Test
    void blockMultiples() {
        for (int n : new int[] {0, 1, 63, 64, 65, 127, 128, 129, 256, 1024, 1025}) {
            for (int step : new int[] {0, 1, 64, 128}) {
                check(new Blake2b(), new Blake2bDigest(512), pattern(n), step, n / 2);
                check(new Blake2s(), new Blake2sDigest(256), pattern(n), step, n / 2);
            }
        }
    }

    @Test
    void severalMebibytesInOddPieces() {
        byte[] big = new byte[3 * 1024 * 1024 + 5];
        new java.util.Random(3).nextBytes(big);
        for (int step : new int[] {0, 127, 4097, 1024 * 1024 + 3}) {
            check(new Blake2b(), new Blake2bDigest(512), big, step, 2 * 1024 * 1024 + 1);
            check(new Blake2s(), new Blake2sDigest(256), big, step, 1024 * 1024 - 1);
        }
    }

    /** Feeds {@code data} in pieces of {@code step} (0: at once), forking a copy after {@code copyAt} bytes. */
    private static void check(HashEngine ours, Digest theirs, byte[] data, int step, int copyAt) {
        theirs.update(data, 0, data.length);
        byte[] expected = new byte[theirs.getDigestSize()];
        theirs.doFinal(expected, 0);
        int cut = Math.min(copyAt, data.length);
        feed(ours, data, 0, cut, step);
        HashEngine fork = ours.copy();
        feed(ours, data, cut, data.length, step);
        feed(fork, data, cut, data.length, step == 0 ? 0 : step + 1);
        assertArrayEquals(expected, ours.finish(-1), () -> "length " + data.length + ", step " + step);
        assertArrayEquals(expected, fork.finish(-1), () -> "copy at " + cut + " of " + data.length);
    }

    private static void feed(HashEngine e, byte[] data, int from, int to, int step) {
        if (step == 0) {
            e.update(data, from, to - from);
            return;
        }
        for (int i = from; i < to; i += step) {
            e.update(data, i, Math.min(step, to - i));
        }
    }
}
