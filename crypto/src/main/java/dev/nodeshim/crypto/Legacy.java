package dev.nodeshim.crypto;

import dev.nodeshim.crypto.Registry.CipherSpec;
import dev.nodeshim.crypto.Registry.Family;
import dev.nodeshim.crypto.Registry.HashSpec;
import dev.nodeshim.crypto.Registry.Mode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The algorithms of OpenSSL 3's legacy provider, which Node 20 refuses unless started with
 * {@code --openssl-legacy-provider} ({@link Crypto#setLegacyProvider}): DES, DESX, Blowfish, CAST5,
 * IDEA, SEED, RC2, RC4; MD4, MDC-2, Whirlpool. A separate table, consulted by {@link Registry} only
 * while the legacy provider is on; with it on, {@code getCiphers()} and {@code getHashes()} are Node's
 * longer lists (175 and 59 names, sorted as Node sorts them).
 */
final class Legacy {
    static final Map<String, CipherSpec> CIPHERS = new HashMap<>();
    static final Map<String, HashSpec> HASHES = new HashMap<>();
    static final List<String> CIPHER_NAMES;
    static final List<String> HASH_NAMES;

    private static final List<String> LISTED_CIPHERS = List.of(
            "bf", "bf-cbc", "bf-cfb", "bf-ecb", "bf-ofb", "blowfish", "cast", "cast-cbc", "cast5-cbc", "cast5-cfb",
            "cast5-ecb", "cast5-ofb", "des", "des-cbc", "des-cfb", "des-cfb1", "des-cfb8", "des-ecb", "des-ofb", "desx",
            "desx-cbc", "idea", "idea-cbc", "idea-cfb", "idea-ecb", "idea-ofb", "rc2", "rc2-128", "rc2-40", "rc2-40-cbc",
            "rc2-64", "rc2-64-cbc", "rc2-cbc", "rc2-cfb", "rc2-ecb", "rc2-ofb", "rc4", "rc4-40", "rc4-hmac-md5", "seed",
            "seed-cbc", "seed-cfb", "seed-ecb", "seed-ofb");
    private static final List<String> LISTED_HASHES = List.of(
            "RSA-MD4", "RSA-MDC2", "md4", "md4WithRSAEncryption", "mdc2", "mdc2WithRSA", "whirlpool");

    static {
        for (String[] f : new String[][] {{"bf", "BF"}, {"cast5", "CAST5"}, {"idea", "IDEA"}, {"seed", "SEED"},
                {"des", "DES"}, {"rc2", "RC2"}}) {
            String p = f[0];
            Family family = Family.valueOf(f[1]);
            int key = family == Family.DES ? 8 : 16;
            int block = family == Family.SEED ? 16 : 8;
            boolean variable = family == Family.BF || family == Family.CAST5 || family == Family.RC2;
            int bits = family == Family.RC2 ? 128 : 0;
            put(p + "-ecb", family, Mode.ECB, key, 0, variable, bits);
            put(p + "-cbc", family, Mode.CBC, key, block, variable, bits, p);
            put(p + "-cfb", family, Mode.CFB, key, block, variable, bits);
            put(p + "-ofb", family, Mode.OFB, key, block, variable, bits);
        }
        alias("bf-cbc", "blowfish");
        alias("cast5-cbc", "cast", "cast-cbc");
        alias("rc2-cbc", "rc2-128");
        put("des-cfb1", Family.DES, Mode.CFB1, 8, 8, false, 0);
        put("des-cfb8", Family.DES, Mode.CFB8, 8, 8, false, 0);
        put("desx-cbc", Family.DESX, Mode.CBC, 24, 8, false, 0, "desx");
        put("rc2-40-cbc", Family.RC2, Mode.CBC, 5, 8, true, 40, "rc2-40");
        put("rc2-64-cbc", Family.RC2, Mode.CBC, 8, 8, true, 64, "rc2-64");
        put("rc4", Family.RC4, Mode.STREAM, 16, 0, true, 0);
        put("rc4-40", Family.RC4, Mode.STREAM, 5, 0, true, 0);
        // without the MAC key a TLS stack would set, OpenSSL's stitched rc4-hmac-md5 is plain RC4
        put("rc4-hmac-md5", Family.RC4, Mode.STREAM, 16, 0, false, 0);

        HashSpec md4 = new HashSpec("md4", 16, 64, false, Registry.Backend.BOUNCY_CASTLE,
                () -> new HashEngine.Jca(Registry.digest("MD4", BouncyCastle.provider())));
        hash(md4, "md4", "rsa-md4", "md4withrsaencryption", "1.2.840.113549.2.4");
        hash(new HashSpec("mdc2", 16, 8, false, Registry.Backend.JDK, Mdc2::new), "mdc2", "rsa-mdc2", "mdc2withrsa");
        hash(new HashSpec("whirlpool", 64, 64, false, Registry.Backend.BOUNCY_CASTLE,
                () -> new HashEngine.Jca(Registry.digest("WHIRLPOOL", BouncyCastle.provider()))), "whirlpool");

        CIPHER_NAMES = merged(Registry.CIPHER_NAMES, LISTED_CIPHERS);
        HASH_NAMES = merged(Registry.HASH_NAMES, LISTED_HASHES);
    }

    private Legacy() {
    }

    private static void put(String name, Family family, Mode mode, int key, int iv, boolean variable, int bits,
            String... aliases) {
        CipherSpec spec = new CipherSpec(name, family, mode, key, iv, variable, bits);
        CIPHERS.put(name, spec);
        for (String a : aliases) {
            CIPHERS.put(a, spec);
        }
    }

    private static void alias(String name, String... aliases) {
        for (String a : aliases) {
            CIPHERS.put(a, CIPHERS.get(name));
        }
    }

    private static void hash(HashSpec spec, String... names) {
        for (String n : names) {
            HASHES.put(n, spec);
        }
    }

    /** Node lists names in byte order (OpenSSL's names are ASCII). */
    private static List<String> merged(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        Collections.sort(all);
        return List.copyOf(all);
    }

    /**
     * The key a variable-length legacy cipher really uses: OpenSSL truncates a Blowfish key to 72
     * bytes, CAST5 to 16, RC2 to 128 (RC4 uses every byte it is given).
     */
    static byte[] effectiveKey(Family family, byte[] key) {
        int max = family == Family.BF ? 72 : family == Family.CAST5 ? 16 : family == Family.RC2 ? 128 : key.length;
        return key.length > max ? java.util.Arrays.copyOf(key, max) : key;
    }
}
