package dev.nodeshim.crypto;

import static dev.nodeshim.crypto.NodeAssert.hex;
import static dev.nodeshim.crypto.NodeAssert.pattern;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.bouncycastle.crypto.digests.SHAKEDigest;
import org.junit.jupiter.api.Test;

/**
 * Our {@link Keccak} against node's digests, and against the JDK's SHA-3 and BouncyCastle's SHAKE
 * (independent implementations) at the lengths where a sponge can go wrong — 0, 1, a block less one,
 * a block, a block and one, several blocks — over any cut into updates, and for SHAKE any output
 * length across the rate (the squeeze permutes between output blocks).
 */
class KeccakTest {
    private static final int[] BITS = {224, 256, 384, 512};

    private static byte[] jdk(int bits, byte[] m) {
        try {
            return MessageDigest.getInstance("SHA3-" + bits).digest(m);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] bcShake(int bits, byte[] m, int outLen) {
        SHAKEDigest d = new SHAKEDigest(bits);
        d.update(m, 0, m.length);
        byte[] out = new byte[outLen];
        d.doFinal(out, 0, outLen);
        return out;
    }

    /** {@code m} through {@code k} in pieces whose lengths come from {@code rnd}, up to {@code maxPiece}. */
    private static Keccak feed(Keccak k, byte[] m, Random rnd, int maxPiece) {
        for (int off = 0; off < m.length; ) {
            int n = Math.min(m.length - off, rnd.nextInt(maxPiece + 1));
            k.update(m, off, n);
            off += n;
        }
        return k;
    }

    private static int rate(int bits) {
        return 200 - bits / 4;
    }

    @Test
    void nodesDigests() {
        // node: createHash(alg).update('abc' | 1,000,003 bytes of i*7).digest('hex')
        Map<String, String[]> node = Map.ofEntries(
                Map.entry("sha3-224", new String[] {"e642824c3f8cf24ad09234ee7d3c766fc9a3a5168d0c94ad73b46fdf", "afdab8c106dc8f486213eea385db324fbca280cd4580ec0872d8170f"}),
                Map.entry("sha3-256", new String[] {"3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532", "d5ec056ef1f76a33afdd28144e2baac4e24c9c920fd66c40fda2d4d16d420843"}),
                Map.entry("sha3-384", new String[] {"ec01498288516fc926459f58e2c6ad8df9b473cb0fc08c2596da7cf0e49be4b298d88cea927ac7f539f1edf228376d25", "10d6cbe907f34bd651faa71f896f085cc02a438b42b3bcf38866b39fc57d29ec9b60ee2de8d53a8c3c9a07ea59c93b77"}),
                Map.entry("sha3-512", new String[] {"b751850b1a57168a5693cd924b6b096e08f621827444f70d884f5d0240d2712e10e116e9192af3c91a7ec57647e3934057340b4cf408d5a56592f8274eec53f0", "655d1203588c4078125d87203606a0e0049b6a44b5fbc029575864b521e9ac4812f43a22dcf538c8eda7688d62a1d8aa68f670a1026552674108f2444df9b288"}));
        byte[] big = pattern(1_000_003);
        for (int bits : BITS) {
            String[] want = node.get("sha3-" + bits);
            Keccak k = Keccak.sha3(bits);
            k.update(new byte[] {'a', 'b', 'c'}, 0, 3);
            assertEquals(want[0], hex(k.finish(bits / 8)), "sha3-" + bits + " abc");
            assertEquals(want[1], hex(feed(Keccak.sha3(bits), big, new Random(bits), 5000).finish(bits / 8)),
                    "sha3-" + bits + " 1,000,003 bytes");
        }
        assertEquals("b5d6551c00a6fce28fc068e555bd98e84e045276ff53fa0c08b8846cba125e2f5bc3114708f565bfb329c6b76213c24f311e3bdbb13c783303ed4e5c3ecc46d0b064b158566d539315070151a8d3151329f0225576c5c56ee50e6b0dffcb8fb3e3e7a60cef4e03234e32d930d1983446f0f80359bd1dd48873c8a93e8e3e79f8edbe1ae724c1054d9defd71fa625d851197f003a862138863974bbc63bea4f8e7b24db9d7d8f32ba537481cd58870f0a7c540868083bd0323332b634f0bb5e3d5edb12b74880902d753f501f1f85ec26155fcd22114caddc89bfce8c3c5fe68d6a327418eb7ff616d1ec163cb462b7c61dec1963b6e3aad17bd41b2040f85d4d9af87c20e5c995c7b018fcc8a9894178b572d29566931f9a38a11ef9c555369a7abcbbb042d8262eef32de927bdbfc3bc6c937fe76a1fa8ed00a3bdea42907171cc6340730c87bc88b9d6e0139438c952753d26e604fa847f4fd11edcd29b500b17302363c53413e027f5af2f2995f472c0c275ef890e71b29f2a1a1e131695bf0d2d5ac8f970c8646d09d0a4e2b8989c9df046f35462f7e96d0dde9596d63d84ebd51455af6869522d9acfe197ef7396ff253daca86b8c7b431a91321b786798429b9ee7f8b34c9e5dee093eb3ac61e54773170ad2e67c79d4b4b367a0251fa850a7a1d6a0e4bcb58c69c4bf4438356aa4bf47c",
                hex(feed(Keccak.shake(128), big, new Random(1), 70_000).finish(500)), "shake128, outputLength 500");
        Keccak s = Keccak.shake(256);
        s.update(new byte[] {'a', 'b', 'c'}, 0, 3);
        assertEquals("483366601360a8771c6863080cc4114d8db44530f8f1e1ee4f94ea37e78b5739", hex(s.finish(32)));
        assertEquals(0, Keccak.shake(256).finish(0).length);
    }

    @Test
    void edgeLengthsAgainstTheJdk() {
        Random rnd = new Random(5);
        for (int bits : BITS) {
            int r = rate(bits);
            for (int len : new int[] {0, 1, r - 1, r, r + 1, 2 * r - 1, 2 * r, 2 * r + 1, 7 * r + 3}) {
                byte[] m = new byte[len];
                rnd.nextBytes(m);
                byte[] want = jdk(bits, m);
                Keccak whole = Keccak.sha3(bits);
                whole.update(m, 0, len);
                assertArrayEquals(want, whole.finish(-1), "sha3-" + bits + ", " + len + " bytes at once (its own size)");
                Keccak bytewise = Keccak.sha3(bits);
                for (int i = 0; i < len; i++) {
                    bytewise.update(m, i, 1);
                }
                assertArrayEquals(want, bytewise.finish(bits / 8), "sha3-" + bits + ", " + len + " bytes one by one");
            }
        }
    }

    @Test
    void shakeOutputAcrossTheRate() {
        byte[] m = pattern(1000);
        for (int bits : new int[] {128, 256}) {
            int r = rate(bits);
            for (int out : new int[] {0, 1, r - 1, r, r + 1, 2 * r, 3 * r + 5}) {
                Keccak k = Keccak.shake(bits);
                k.update(m, 0, m.length);
                assertArrayEquals(bcShake(bits, m, out), k.finish(out), "shake" + bits + ", output " + out);
            }
        }
    }

    @Test
    void severalMebibytesInOddPieces() {
        byte[] m = new byte[3 * 1024 * 1024 + 17];
        new Random(9).nextBytes(m);
        Random rnd = new Random(10);
        for (int bits : BITS) {
            // pieces of up to 2 blocks, then of up to 1 MiB: both the buffered and the in-place paths
            assertArrayEquals(jdk(bits, m), feed(Keccak.sha3(bits), m, rnd, 2 * rate(bits)).finish(bits / 8));
            assertArrayEquals(jdk(bits, m), feed(Keccak.sha3(bits), m, rnd, 1 << 20).finish(bits / 8));
        }
        assertArrayEquals(bcShake(256, m, 64), feed(Keccak.shake(256), m, rnd, 4099).finish(64));
    }

    @Test
    void copyForks() {
        byte[] m = pattern(500);
        Keccak k = Keccak.sha3(256);
        k.update(m, 0, 200);
        HashEngine c = k.copy();
        k.update(m, 200, 300);
        c.update(m, 200, 100);
        assertArrayEquals(jdk(256, m), k.finish(32));
        assertArrayEquals(jdk(256, java.util.Arrays.copyOf(m, 300)), c.finish(32));
    }

    @Property(tries = 300)
    void anyChunkingGivesTheJdksDigest(@ForAll @IntRange(max = 1200) int len, @ForAll @IntRange(max = 3) int which,
            @ForAll @IntRange(min = 1, max = 400) int maxPiece, @ForAll long seed) {
        Random rnd = new Random(seed);
        byte[] m = new byte[len];
        rnd.nextBytes(m);
        int bits = BITS[which];
        assertArrayEquals(jdk(bits, m), feed(Keccak.sha3(bits), m, rnd, maxPiece).finish(bits / 8));
    }

    @Property(tries = 200)
    void shakeAnyChunkingAndLength(@ForAll @IntRange(max = 800) int len, @ForAll boolean wide,
            @ForAll @IntRange(max = 700) int outLen, @ForAll @IntRange(min = 1, max = 300) int maxPiece,
            @ForAll long seed) {
        Random rnd = new Random(seed);
        byte[] m = new byte[len];
        rnd.nextBytes(m);
        int bits = wide ? 256 : 128;
        assertArrayEquals(bcShake(bits, m, outLen), feed(Keccak.shake(bits), m, rnd, maxPiece).finish(outLen));
    }
}
