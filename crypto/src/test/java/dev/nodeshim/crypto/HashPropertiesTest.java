package dev.nodeshim.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Properties: how the input is cut into updates never changes a digest or a tag; copy() forks exactly. */
class HashPropertiesTest {
    @Provide
    Arbitrary<String> names() {
        return Arbitraries.of(Crypto.getHashes());
    }

    @Property(tries = 300)
    void chunkingDoesNotChangeTheDigest(@ForAll("names") String name, @ForAll @Size(max = 600) byte[] data,
            @ForAll @IntRange(min = 1, max = 200) int step) {
        String whole = Crypto.createHash(name).update(data).digest("hex");
        Hash h = Crypto.createHash(name);
        for (int i = 0; i < data.length; i += step) {
            h.update(Arrays.copyOfRange(data, i, Math.min(data.length, i + step)));
        }
        assertEquals(whole, h.digest("hex"));
        if (!name.startsWith("shake")) {
            Hmac m = Crypto.createHmac(name, data);
            for (int i = 0; i < data.length; i += step) {
                m.update(Arrays.copyOfRange(data, i, Math.min(data.length, i + step)));
            }
            assertEquals(Crypto.createHmac(name, data).update(data).digest("hex"), m.digest("hex"));
        }
    }

    @Property(tries = 200)
    void copyForksTheState(@ForAll("names") String name, @ForAll @Size(max = 300) byte[] a,
            @ForAll @Size(max = 300) byte[] b) {
        Hash h = Crypto.createHash(name).update(a);
        Hash c = h.copy();
        c.update(b);
        assertEquals(Crypto.createHash(name).update(a).digest("hex"), h.digest("hex"));
        assertEquals(Crypto.createHash(name).update(a).update(b).digest("hex"), c.digest("hex"));
    }
}
