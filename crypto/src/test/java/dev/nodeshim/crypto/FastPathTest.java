package dev.nodeshim.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nodeshim.errors.NodeError;
import java.util.Random;
import java.util.function.Supplier;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The fast paths of issue 5 against the engines as they were before ({@code Reference*Engine}, the
 * code that passed every conformance case), byte for byte: every update()'s output, doFinal() and the
 * tag, for random keys, IVs, AAD and messages up to 300 KiB (several {@link JdkGhash} chunks and CTR
 * batches) cut into random pieces (empty, tiny, odd, whole chunks).
 */
class FastPathTest {
    private static byte[] random(Random r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }

    /** A message length: often small, sometimes past several 16 KiB batches and 64 KiB chunks. */
    private static int length(Random r) {
        switch (r.nextInt(4)) {
            case 0:
                return r.nextInt(64);
            case 1:
                return r.nextInt(4096);
            default:
                return r.nextInt(300 * 1024);
        }
    }

    private static int piece(Random r, int left) {
        int n;
        switch (r.nextInt(6)) {
            case 0:
                n = 0;
                break;
            case 5: // past JdkGcmEncryptEngine's 64 KiB pieces, from any offset in a block
                n = 1 + r.nextInt(200 * 1024);
                break;
            case 1:
                n = 1 + r.nextInt(17);
                break;
            case 2:
                n = JdkGhash.CHUNK;
                break;
            default:
                n = r.nextInt(40_000);
        }
        return Math.min(n, left);
    }

    /** Feeds the same pieces to both engines, comparing each update()'s output and doFinal()'s. */
    private static void same(CipherEngine fast, CipherEngine reference, byte[] aad, byte[] data, Random r) {
        if (aad != null) {
            fast.aad(aad, -1);
            reference.aad(aad, -1);
        }
        int off = 0;
        while (off < data.length) {
            int n = piece(r, data.length - off);
            assertArrayEquals(reference.update(data, off, n), fast.update(data, off, n), "update at " + off);
            off += n;
        }
        assertArrayEquals(reference.doFinal(), fast.doFinal());
    }

    private static byte[] encryptAll(CipherEngine e, byte[] aad, byte[] data) {
        if (aad != null) {
            e.aad(aad, -1);
        }
        return Bytes.concat(e.update(data, 0, data.length), e.doFinal());
    }

    @Property(tries = 60)
    void aesCtrEqualsTheReference(@ForAll long seed, @ForAll @IntRange(min = 0, max = 2) int keySize) {
        Random r = new Random(seed);
        byte[] key = random(r, 16 + 8 * keySize);
        byte[] iv = random(r, 16);
        if (r.nextBoolean()) {
            // a counter a few blocks before its low 64 bits (or all 128) wrap
            java.util.Arrays.fill(iv, r.nextBoolean() ? 8 : 0, 15, (byte) 0xff);
        }
        byte[] data = random(r, length(r));
        same(new JdkCtrEngine(new javax.crypto.spec.SecretKeySpec(key, "AES"), iv),
                new ReferenceStreamModeEngine(BlockFn.of(Registry.Family.AES, key),
                        ReferenceStreamModeEngine.Kind.CTR, iv, true),
                null, data, r);
        for (boolean encrypt : new boolean[] {true, false}) {
            same(new StreamModeEngine(BlockFn.of(Registry.Family.AES, key), StreamModeEngine.Kind.CTR, iv, encrypt),
                    new ReferenceStreamModeEngine(BlockFn.of(Registry.Family.AES, key),
                            ReferenceStreamModeEngine.Kind.CTR, iv, encrypt),
                    null, data, r);
        }
    }

    @Property(tries = 60)
    void aesGcmEqualsTheReference(@ForAll long seed, @ForAll @IntRange(min = 0, max = 2) int keySize) {
        Random r = new Random(seed);
        byte[] key = random(r, 16 + 8 * keySize);
        byte[] iv = random(r, r.nextInt(3) == 0 ? 1 + r.nextInt(40) : 12);
        int tagLength = new int[] {4, 8, 12, 13, 16}[r.nextInt(5)];
        byte[] aad = r.nextBoolean() ? random(r, length(r) / 4) : null;
        byte[] data = random(r, length(r));
        Supplier<BlockFn> aes = () -> BlockFn.of(Registry.Family.AES, key);

        CipherEngine fast = new GcmEngine(aes.get(), iv, true, tagLength);
        CipherEngine reference = new ReferenceGcmEngine(aes.get(), iv, true, tagLength);
        same(fast, reference, aad, data, r);
        byte[] tag = fast.tag();
        assertArrayEquals(reference.tag(), tag);
        assertEquals(tagLength, tag.length);

        byte[] ct = encryptAll(new GcmEngine(aes.get(), iv, true, tagLength), aad, data);
        fast = new GcmEngine(aes.get(), iv, false, tagLength);
        reference = new ReferenceGcmEngine(aes.get(), iv, false, tagLength);
        fast.setTag(tag);
        reference.setTag(tag);
        same(fast, reference, aad, ct, r);

        byte[] bad = tag.clone();
        bad[r.nextInt(bad.length)] ^= (byte) (1 << r.nextInt(8));
        CipherEngine tampered = new GcmEngine(aes.get(), iv, false, tagLength);
        tampered.setTag(bad);
        if (aad != null) {
            tampered.aad(aad, -1);
        }
        tampered.update(ct, 0, ct.length);
        assertThrows(NodeError.class, tampered::doFinal);
    }

    @Property(tries = 60)
    void cbcEqualsTheReference(@ForAll long seed, @ForAll boolean aes, @ForAll boolean padding) {
        Random r = new Random(seed);
        Registry.Family family = aes ? Registry.Family.AES : Registry.Family.DES_EDE;
        int bs = aes ? 16 : 8;
        byte[] key = random(r, aes ? 32 : 24);
        byte[] iv = random(r, bs);
        byte[] data = random(r, length(r));
        if (!padding) {
            data = java.util.Arrays.copyOf(data, data.length / bs * bs);
        }
        byte[] ct = null;
        for (boolean encrypt : new boolean[] {true, false}) {
            byte[] in = encrypt ? data : ct;
            CipherEngine fast = new BlockModeEngine(BlockFn.of(family, key), true, iv, encrypt);
            CipherEngine reference = new ReferenceBlockModeEngine(BlockFn.of(family, key), true, iv, encrypt);
            fast.setAutoPadding(padding);
            reference.setAutoPadding(padding);
            same(fast, reference, null, in, r);
            CipherEngine whole = new BlockModeEngine(BlockFn.of(family, key), true, iv, encrypt);
            whole.setAutoPadding(padding);
            byte[] out = encryptAll(whole, null, in);
            if (encrypt) {
                ct = out;
            } else {
                assertArrayEquals(data, out);
            }
        }
    }

    @Property(tries = 60)
    void jdkGcmEncryptionEqualsTheReference(@ForAll long seed, @ForAll @IntRange(min = 0, max = 2) int keySize) {
        Random r = new Random(seed);
        byte[] key = random(r, 16 + 8 * keySize);
        byte[] iv = random(r, 12);
        int tagLength = new int[] {4, 8, 12, 13, 16}[r.nextInt(5)];
        byte[] aad = r.nextBoolean() ? random(r, length(r) / 4) : null;
        byte[] data = random(r, length(r));
        BlockFn fn = BlockFn.of(Registry.Family.AES, key);
        CipherEngine fast = new JdkGcmEncryptEngine(fn, new javax.crypto.spec.SecretKeySpec(key, "AES"), iv, tagLength);
        CipherEngine reference = new ReferenceGcmEngine(BlockFn.of(Registry.Family.AES, key), iv, true, tagLength);
        same(fast, reference, aad, data, r);
        assertArrayEquals(reference.tag(), fast.tag());
    }

    @Property(tries = 60)
    void chachaPolyEncryptionEqualsTheReference(@ForAll long seed) {
        Random r = new Random(seed);
        byte[] key = random(r, 32);
        byte[] nonce = random(r, 12);
        int tagLength = 1 + r.nextInt(16);
        byte[] aad = r.nextBoolean() ? random(r, length(r) / 4) : null;
        byte[] data = random(r, length(r));
        CipherEngine fast = new JdkChaChaPolyEngine(key, nonce, tagLength);
        CipherEngine reference = new ReferenceChaChaPolyEngine(key, nonce, true, tagLength);
        same(fast, reference, aad, data, r);
        assertArrayEquals(reference.tag(), fast.tag());
    }

    /**
     * ChaCha20's runs of {@value ChaCha20#LANES} blocks side by side against one block at a time
     * (64-byte updates never reach the wide path), with the 32-bit counter word starting anywhere,
     * near its wrap too (the carry into word 13 must happen at the same block).
     */
    @Test
    void chacha20WideRunsEqualBlockByBlock() {
        Random r = new Random(11);
        int run = 64 * ChaCha20.LANES;
        for (int start : new int[] {0, 1, 7, -ChaCha20.LANES - 1, -ChaCha20.LANES, -ChaCha20.LANES + 1, -300, -2, -1,
                r.nextInt()}) {
            byte[] key = random(r, 32);
            byte[] iv = random(r, 16);
            for (int i = 0; i < 4; i++) {
                iv[i] = (byte) (start >>> (8 * i));
            }
            byte[] data = random(r, 3 * run + 100);
            byte[] wide = new byte[data.length];
            ChaCha20 a = new ChaCha20(key, iv);
            a.xor(data, 0, wide, 0, 5);
            a.xor(data, 5, wide, 5, data.length - 5);
            byte[] narrow = new byte[data.length];
            ChaCha20 b = new ChaCha20(key, iv);
            for (int off = 0; off < data.length; off += 64) {
                int n = Math.min(off == 0 ? 5 : 64, data.length - off);
                b.xor(data, off, narrow, off, n);
                if (off == 0) {
                    b.xor(data, 5, narrow, 5, 59);
                }
            }
            assertArrayEquals(narrow, wide, "counter word from " + Integer.toUnsignedString(start));
        }
    }

    /** Decryption on the JDK's raw ChaCha20 key stream against ours: the same text per update, the tag accepted. */
    @Property(tries = 40)
    void chachaPolyDecryptionOnTheJdksStreamEqualsOurs(@ForAll long seed) {
        Random r = new Random(seed);
        byte[] key = random(r, 32);
        byte[] nonce = random(r, 12);
        int tagLength = 1 + r.nextInt(16);
        byte[] aad = r.nextBoolean() ? random(r, length(r) / 4) : null;
        byte[] data = random(r, length(r));
        CipherEngine enc = new ChaChaPolyEngine(key, nonce, true, tagLength);
        if (aad != null) {
            enc.aad(aad, -1);
        }
        byte[] ct = enc.update(data, 0, data.length);
        enc.doFinal();
        CipherEngine fast = new ChaChaPolyEngine(key, nonce, false, tagLength, true);
        CipherEngine reference = new ChaChaPolyEngine(key, nonce, false, tagLength, false);
        fast.setTag(enc.tag());
        reference.setTag(enc.tag());
        same(fast, reference, aad, ct, r);
    }

    /** Our engine (register-held ChaCha20 rounds, 26-bit-limb Poly1305) against the JDK's own cipher. */
    @Property(tries = 60)
    void ourChachaPolyEqualsTheJdks(@ForAll long seed) {
        Random r = new Random(seed);
        byte[] key = random(r, 32);
        byte[] nonce = random(r, 12);
        int tagLength = 1 + r.nextInt(16);
        byte[] aad = r.nextBoolean() ? random(r, length(r) / 4) : null;
        byte[] data = random(r, length(r));
        CipherEngine ours = new ChaChaPolyEngine(key, nonce, true, tagLength);
        CipherEngine jdk = new JdkChaChaPolyEngine(key, nonce, tagLength);
        same(ours, jdk, aad, data, r);
        assertArrayEquals(jdk.tag(), ours.tag());
    }

    @Test
    void ghashThroughTheJdkEqualsTheTableGhashOnEverySize() {
        Random r = new Random(5);
        byte[] h = random(r, 16);
        SecretKeyHolder k = new SecretKeyHolder(random(r, 32));
        for (int n : new int[] {0, 1, 15, 16, 17, JdkGhash.CHUNK - 1, JdkGhash.CHUNK, JdkGhash.CHUNK + 1,
                3 * JdkGhash.CHUNK + 40}) {
            byte[] a = random(r, n % 100);
            byte[] t = random(r, n);
            // H must be E_K(0) for the JDK's GMAC to be our GHASH
            h = k.fn.encryptBlock(new byte[16]);
            GhashFn fast = new JdkGhash(k.spec, k.fn, h);
            GhashFn reference = new Ghash(h);
            for (GhashFn g : new GhashFn[] {fast, reference}) {
                g.update(a, 0, a.length);
                g.pad();
                g.update(t, 0, t.length);
            }
            assertArrayEquals(reference.finish(a.length, t.length), fast.finish(a.length, t.length), "n=" + n);
        }
    }

    /** An AES key as the JDK and as our block function. */
    private static final class SecretKeyHolder {
        final javax.crypto.spec.SecretKeySpec spec;
        final BlockFn fn;

        SecretKeyHolder(byte[] key) {
            spec = new javax.crypto.spec.SecretKeySpec(key, "AES");
            fn = BlockFn.of(Registry.Family.AES, key);
        }
    }

    @Test
    void countersCarryAndWrapAsTheBytewiseIncrement() {
        byte[] out = new byte[16 * 4];
        long next = Counters.fill128(out, 0, 4, 7, -2);
        assertEquals(2, next);
        assertEquals(8, Counters.carry(7, -2, 4));
        assertEquals(7, Counters.getLong(out, 16));
        assertEquals(-1, Counters.getLong(out, 24));
        assertEquals(8, Counters.getLong(out, 32));
        assertEquals(0, Counters.getLong(out, 40));
        Counters.fill32(out, 0, 3, 5, 6, -1);
        assertEquals((6L << 32) | 0xFFFFFFFFL, Counters.getLong(out, 8));
        assertEquals(6L << 32, Counters.getLong(out, 24)); // inc32 wraps in the low 32 bits only
        assertEquals(5, Counters.getLong(out, 16));
    }
}
