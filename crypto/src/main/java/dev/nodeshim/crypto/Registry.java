package dev.nodeshim.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The one place that maps OpenSSL's algorithm names to implementations.
 *
 * <h2>Lookup</h2>
 * Names are looked up case-insensitively (OpenSSL's rule), through every alias Node 20 with OpenSSL 3
 * accepts: the short names, OpenSSL 3's {@code SHA2-256}/{@code SHA-256} spellings, the
 * {@code RSA-*}/{@code *WithRSAEncryption} signature aliases (which, for a hash, mean the hash) and
 * the dotted OIDs. A name OpenSSL 3 knows only in its legacy provider (md4, whirlpool, des-ecb, bf,
 * rc4…) is refused with {@code error:0308010C:digital envelope routines::unsupported}, as Node 20
 * refuses it by default; any other unknown name is not found.
 *
 * <h2>Which implementation</h2>
 * The JDK's JCA providers where HotSpot has intrinsics for the algorithm (MD5, SHA-1, SHA-2, AES;
 * SHA-3 where HotSpot has a SHA-3 intrinsic); our own Keccak ({@link Keccak}: SHA-3 elsewhere, SHAKE)
 * and BLAKE2 ({@link Blake2b}, {@link Blake2s}: twice BouncyCastle's speed); BouncyCastle for the rest
 * (RIPEMD-160, SM3, ARIA, Camellia, SM4, scrypt). BouncyCastle's JCA provider is the
 * private instance of {@link BouncyCastle}; its lightweight classes are used directly where JCA has
 * no shape for the operation (an XOF's output length). Every implementation is reached through a
 * factory held here, so the choice can depend on the running JDK: {@link #JDK_FEATURE} is read once
 * (JDK 17's AES-GCM, for one, is slow enough on some CPUs to want another path there).
 *
 * <p>The tables are immutable after class initialisation; lookups are thread-safe.
 */
final class Registry {
    /**
     * Whether OpenSSL's legacy provider is loaded: Node's {@code --openssl-legacy-provider}, here
     * {@link Crypto#setLegacyProvider} or the system property {@code nodeshim.openssl.legacyProvider}.
     */
    static volatile boolean legacyProvider = Boolean.getBoolean("nodeshim.openssl.legacyProvider");

    /** The running JDK's feature release (17, 21, 25…), for per-JDK choices of implementation. */
    static final int JDK_FEATURE = Runtime.version().feature();

    /** Where an algorithm's code comes from. */
    enum Backend {
        JDK, BOUNCY_CASTLE
    }

    /**
     * A hash: Node's canonical name, digest size (an XOF's default output length), HMAC block size,
     * whether it is an XOF, and its engine factory.
     */
    record HashSpec(String name, int size, int blockSize, boolean xof, Backend backend, Supplier<HashEngine> factory) {
        HashEngine newEngine() {
            return factory.get();
        }
    }

    private static final Map<String, HashSpec> HASHES = new HashMap<>();
    private static final Set<String> LEGACY_HASHES = Set.of(
            "md4", "rsa-md4", "md4withrsaencryption", "1.2.840.113549.2.4", "mdc2", "rsa-mdc2", "mdc2withrsa",
            "whirlpool");

    /** Node 20's {@code crypto.getHashes()}, in its order. */
    static final List<String> HASH_NAMES = List.of(
            "RSA-MD5", "RSA-RIPEMD160", "RSA-SHA1", "RSA-SHA1-2", "RSA-SHA224", "RSA-SHA256", "RSA-SHA3-224",
            "RSA-SHA3-256", "RSA-SHA3-384", "RSA-SHA3-512", "RSA-SHA384", "RSA-SHA512", "RSA-SHA512/224",
            "RSA-SHA512/256", "RSA-SM3", "blake2b512", "blake2s256", "id-rsassa-pkcs1-v1_5-with-sha3-224",
            "id-rsassa-pkcs1-v1_5-with-sha3-256", "id-rsassa-pkcs1-v1_5-with-sha3-384",
            "id-rsassa-pkcs1-v1_5-with-sha3-512", "md5", "md5-sha1", "md5WithRSAEncryption", "ripemd",
            "ripemd160", "ripemd160WithRSA", "rmd160", "sha1", "sha1WithRSAEncryption", "sha224",
            "sha224WithRSAEncryption", "sha256", "sha256WithRSAEncryption", "sha3-224", "sha3-256", "sha3-384",
            "sha3-512", "sha384", "sha384WithRSAEncryption", "sha512", "sha512-224",
            "sha512-224WithRSAEncryption", "sha512-256", "sha512-256WithRSAEncryption",
            "sha512WithRSAEncryption", "shake128", "shake256", "sm3", "sm3WithRSAEncryption", "ssl3-md5",
            "ssl3-sha1");

    static {
        jdkHash("md5", "MD5", 16, 64, "rsa-md5", "md5withrsaencryption", "ssl3-md5", "1.2.840.113549.2.5");
        jdkHash("sha1", "SHA-1", 20, 64, "sha-1", "ssl3-sha1", "rsa-sha1", "rsa-sha1-2", "sha1withrsaencryption",
                "1.3.14.3.2.26");
        sha2("sha224", "SHA-224", 28, 64, "sha224", "4");
        sha2("sha256", "SHA-256", 32, 64, "sha256", "1");
        sha2("sha384", "SHA-384", 48, 128, "sha384", "2");
        sha2("sha512", "SHA-512", 64, 128, "sha512", "3");
        jdkHash("sha512-224", "SHA-512/224", 28, 128, "sha-512/224", "sha2-512/224", "rsa-sha512/224",
                "sha512-224withrsaencryption", "2.16.840.1.101.3.4.2.5");
        jdkHash("sha512-256", "SHA-512/256", 32, 128, "sha-512/256", "sha2-512/256", "rsa-sha512/256",
                "sha512-256withrsaencryption", "2.16.840.1.101.3.4.2.6");
        sha3(224, 144, "7");
        sha3(256, 136, "8");
        sha3(384, 104, "9");
        sha3(512, 72, "10");
        shake(128, 16, 168, "11");
        shake(256, 32, 136, "12");
        bcHash("ripemd160", "RIPEMD160", 20, 64, "ripemd-160", "ripemd", "rmd160", "rsa-ripemd160",
                "ripemd160withrsa", "1.3.36.3.2.1");
        // BLAKE2 is ours (Blake2b, Blake2s): about twice BouncyCastle's digests
        put(new HashSpec("blake2b512", 64, 128, false, Backend.JDK, Blake2b::new), "blake2b-512",
                "1.3.6.1.4.1.1722.12.2.1.16");
        put(new HashSpec("blake2s256", 32, 64, false, Backend.JDK, Blake2s::new), "blake2s-256",
                "1.3.6.1.4.1.1722.12.2.2.8");
        bcHash("sm3", "SM3", 32, 64, "rsa-sm3", "sm3withrsaencryption", "1.2.156.10197.1.401");
        HashSpec md5 = HASHES.get("md5");
        HashSpec sha1 = HASHES.get("sha1");
        put(new HashSpec("md5-sha1", 36, 64, false, Backend.JDK,
                () -> new HashEngine.Concat(md5.newEngine(), sha1.newEngine())));
        for (String n : HASH_NAMES) {
            if (!HASHES.containsKey(lower(n))) {
                throw new ExceptionInInitializerError("getHashes() name without an implementation: " + n);
            }
        }
    }

    private Registry() {
    }

    private static void sha2(String name, String jca, int size, int block, String bits, String oid) {
        String digits = name.substring(3);
        jdkHash(name, jca, size, block, "sha-" + digits, "sha2-" + digits, "rsa-" + bits,
                bits + "withrsaencryption", "2.16.840.1.101.3.4.2." + oid);
    }

    /**
     * SHA-3: the JDK's where HotSpot has a SHA-3 intrinsic (x86-64 with AVX-512 from JDK 25, aarch64
     * with the SHA3 extension from JDK 17); elsewhere our {@link Keccak} (JDK 17 here: 420 sha3-256
     * hashes of 1 MiB per CPU-second, BouncyCastle's 345, the JDK's plain-Java Keccak 220; JDK 25's
     * intrinsic 440-450, ours 430-440).
     */
    private static void sha3(int bits, int block, String oid) {
        String name = "sha3-" + bits;
        String[] aliases = {"rsa-sha3-" + bits, "id-rsassa-pkcs1-v1_5-with-sha3-" + bits,
                "2.16.840.1.101.3.4.2." + oid};
        if (JDK_FEATURE >= 25 || "aarch64".equals(System.getProperty("os.arch"))) {
            jdkHash(name, "SHA3-" + bits, bits / 8, block, aliases);
        } else {
            put(new HashSpec(name, bits / 8, block, false, Backend.JDK, () -> Keccak.sha3(bits)), aliases);
        }
    }

    /** SHAKE128/256 on our {@link Keccak} (JDK 17 has no XOF API; faster than BouncyCastle's SHAKEDigest). */
    private static void shake(int bits, int size, int block, String oid) {
        HashSpec spec = new HashSpec("shake" + bits, size, block, true, Backend.JDK, () -> Keccak.shake(bits));
        put(spec, "shake-" + bits, "2.16.840.1.101.3.4.2." + oid);
    }

    private static void jdkHash(String name, String jca, int size, int block, String... aliases) {
        put(new HashSpec(name, size, block, false, Backend.JDK, () -> new HashEngine.Jca(digest(jca, null))),
                aliases);
    }

    private static void bcHash(String name, String jca, int size, int block, String... aliases) {
        put(new HashSpec(name, size, block, false, Backend.BOUNCY_CASTLE,
                () -> new HashEngine.Jca(digest(jca, BouncyCastle.provider()))), aliases);
    }

    private static void put(HashSpec spec, String... aliases) {
        HASHES.put(spec.name(), spec);
        for (String a : aliases) {
            HASHES.put(a, spec);
        }
    }

    static MessageDigest digest(String jca, Provider provider) {
        try {
            return provider == null ? MessageDigest.getInstance(jca) : MessageDigest.getInstance(jca, provider);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM lacks " + jca, e);
        }
    }

    /** OpenSSL's case folding of names: ASCII only. */
    static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** The hash named {@code name} (any alias, any case), or {@code null}. */
    static HashSpec hash(String name) {
        HashSpec spec = HASHES.get(lower(name));
        if (spec == null && legacyProvider) {
            spec = Legacy.HASHES.get(lower(name));
        }
        return spec;
    }

    /** Whether {@code name} is a hash that OpenSSL 3 has only in its legacy provider. */
    static boolean legacyHash(String name) {
        return !legacyProvider && LEGACY_HASHES.contains(lower(name));
    }

    /** Node 20's {@code getHashes()}: every name works here. */
    static List<String> hashes() {
        return legacyProvider ? Legacy.HASH_NAMES : HASH_NAMES;
    }

    // ------------------------------------------------------------------------------------------------
    // Ciphers

    /** A block (or stream) cipher family. */
    enum Family {
        AES, ARIA, CAMELLIA, SM4, DES_EDE, CHACHA20,
        // OpenSSL's legacy provider
        DES, DESX, BF, CAST5, IDEA, SEED, RC2, RC4
    }

    /** How a cipher uses its family, with OpenSSL's rules for IV lengths. */
    enum Mode {
        ECB, CBC, CFB, CFB1, CFB8, OFB, CTR, GCM, CCM, OCB, XTS, KW, KWP, DES3_WRAP, STREAM, CHACHA20_POLY1305,
        CBC_HMAC;

        boolean aead() {
            return this == GCM || this == CCM || this == OCB || this == CHACHA20_POLY1305;
        }
    }

    /** A cipher: OpenSSL's name, family, mode, key length and (default) IV length, 0 for none. */
    record CipherSpec(String name, Family family, Mode mode, int keyLength, int ivLength, boolean variableKey,
            int effectiveBits) {
        CipherSpec(String name, Family family, Mode mode, int keyLength, int ivLength) {
            this(name, family, mode, keyLength, ivLength, false, 0);
        }

        /** OpenSSL's IV rule: an exact length, none (null or empty), or a range for GCM, CCM and OCB. */
        boolean validIv(int n) {
            switch (mode) {
                case ECB:
                case DES3_WRAP:
                    return n == 0;
                case STREAM:
                    return n == ivLength;
                case GCM:
                    return n >= 1 && n <= 128;
                case CCM:
                    return n >= 7 && n <= 13;
                case OCB:
                    return n >= 1 && n <= 15;
                default:
                    return n == ivLength;
            }
        }
    }

    private static final Map<String, CipherSpec> CIPHERS = new HashMap<>();
    private static final Set<String> LEGACY_CIPHERS = Set.of(
            "des", "des-cbc", "des-ecb", "des-cfb", "des-ofb", "des-cfb1", "des-cfb8", "desx", "desx-cbc", "bf",
            "bf-cbc", "bf-ecb", "bf-cfb", "bf-ofb", "blowfish", "rc4", "rc4-40", "rc4-hmac-md5", "rc2", "rc2-cbc",
            "rc2-ecb", "rc2-cfb", "rc2-ofb", "rc2-40-cbc", "rc2-64-cbc", "cast", "cast-cbc", "cast5-cbc",
            "cast5-ecb", "cast5-cfb", "cast5-ofb", "seed", "seed-cbc", "seed-ecb", "seed-cfb", "seed-ofb", "idea",
            "idea-cbc", "idea-ecb", "idea-cfb", "idea-ofb");

    /** Node 20's {@code crypto.getCiphers()}, in its order. */
    static final List<String> CIPHER_NAMES = List.of(
            "aes-128-cbc", "aes-128-cbc-hmac-sha1", "aes-128-cbc-hmac-sha256", "aes-128-ccm", "aes-128-cfb",
            "aes-128-cfb1", "aes-128-cfb8", "aes-128-ctr", "aes-128-ecb", "aes-128-gcm", "aes-128-ocb",
            "aes-128-ofb", "aes-128-xts", "aes-192-cbc", "aes-192-ccm", "aes-192-cfb", "aes-192-cfb1",
            "aes-192-cfb8", "aes-192-ctr", "aes-192-ecb", "aes-192-gcm", "aes-192-ocb", "aes-192-ofb",
            "aes-256-cbc", "aes-256-cbc-hmac-sha1", "aes-256-cbc-hmac-sha256", "aes-256-ccm", "aes-256-cfb",
            "aes-256-cfb1", "aes-256-cfb8", "aes-256-ctr", "aes-256-ecb", "aes-256-gcm", "aes-256-ocb",
            "aes-256-ofb", "aes-256-xts", "aes128", "aes128-wrap", "aes192", "aes192-wrap", "aes256",
            "aes256-wrap", "aria-128-cbc", "aria-128-ccm", "aria-128-cfb", "aria-128-cfb1", "aria-128-cfb8",
            "aria-128-ctr", "aria-128-ecb", "aria-128-gcm", "aria-128-ofb", "aria-192-cbc", "aria-192-ccm",
            "aria-192-cfb", "aria-192-cfb1", "aria-192-cfb8", "aria-192-ctr", "aria-192-ecb", "aria-192-gcm",
            "aria-192-ofb", "aria-256-cbc", "aria-256-ccm", "aria-256-cfb", "aria-256-cfb1", "aria-256-cfb8",
            "aria-256-ctr", "aria-256-ecb", "aria-256-gcm", "aria-256-ofb", "aria128", "aria192", "aria256",
            "camellia-128-cbc", "camellia-128-cfb", "camellia-128-cfb1", "camellia-128-cfb8",
            "camellia-128-ctr", "camellia-128-ecb", "camellia-128-ofb", "camellia-192-cbc",
            "camellia-192-cfb", "camellia-192-cfb1", "camellia-192-cfb8", "camellia-192-ctr",
            "camellia-192-ecb", "camellia-192-ofb", "camellia-256-cbc", "camellia-256-cfb",
            "camellia-256-cfb1", "camellia-256-cfb8", "camellia-256-ctr", "camellia-256-ecb",
            "camellia-256-ofb", "camellia128", "camellia192", "camellia256", "chacha20", "chacha20-poly1305",
            "des-ede", "des-ede-cbc", "des-ede-cfb", "des-ede-ecb", "des-ede-ofb", "des-ede3", "des-ede3-cbc",
            "des-ede3-cfb", "des-ede3-cfb1", "des-ede3-cfb8", "des-ede3-ecb", "des-ede3-ofb", "des3",
            "des3-wrap", "id-aes128-CCM", "id-aes128-GCM", "id-aes128-wrap", "id-aes128-wrap-pad",
            "id-aes192-CCM", "id-aes192-GCM", "id-aes192-wrap", "id-aes192-wrap-pad", "id-aes256-CCM",
            "id-aes256-GCM", "id-aes256-wrap", "id-aes256-wrap-pad", "id-smime-alg-CMS3DESwrap", "sm4",
            "sm4-cbc", "sm4-cfb", "sm4-ctr", "sm4-ecb", "sm4-ofb");

    static {
        for (int bits : new int[] {128, 192, 256}) {
            int k = bits / 8;
            String p = "aes-" + bits + "-";
            String oid = "2.16.840.1.101.3.4.1." + (bits == 128 ? "" : bits == 192 ? "2" : "4");
            cipher(p + "ecb", Family.AES, Mode.ECB, k, 0, oid + "1");
            cipher(p + "cbc", Family.AES, Mode.CBC, k, 16, "aes" + bits, oid + "2");
            cipher(p + "ofb", Family.AES, Mode.OFB, k, 16, oid + "3");
            cipher(p + "cfb", Family.AES, Mode.CFB, k, 16, oid + "4");
            cipher(p + "cfb1", Family.AES, Mode.CFB1, k, 16);
            cipher(p + "cfb8", Family.AES, Mode.CFB8, k, 16);
            cipher(p + "ctr", Family.AES, Mode.CTR, k, 16);
            cipher(p + "gcm", Family.AES, Mode.GCM, k, 12, "id-aes" + bits + "-gcm", oid + "6");
            cipher(p + "ccm", Family.AES, Mode.CCM, k, 12, "id-aes" + bits + "-ccm", oid + "7");
            cipher(p + "ocb", Family.AES, Mode.OCB, k, 12);
            cipher("id-aes" + bits + "-wrap", Family.AES, Mode.KW, k, 8, "aes" + bits + "-wrap", p + "wrap", oid + "5");
            cipher("id-aes" + bits + "-wrap-pad", Family.AES, Mode.KWP, k, 4, "aes" + bits + "-wrap-pad", p + "wrap-pad",
                    oid + "8");
            if (bits != 192) {
                cipher(p + "xts", Family.AES, Mode.XTS, 2 * k, 16);
                cipher(p + "cbc-hmac-sha1", Family.AES, Mode.CBC_HMAC, k, 16);
                cipher(p + "cbc-hmac-sha256", Family.AES, Mode.CBC_HMAC, k, 16);
            }
            for (String fam : new String[] {"aria", "camellia"}) {
                Family f = fam.equals("aria") ? Family.ARIA : Family.CAMELLIA;
                String q = fam + "-" + bits + "-";
                cipher(q + "ecb", f, Mode.ECB, k, 0);
                cipher(q + "cbc", f, Mode.CBC, k, 16, fam + bits);
                cipher(q + "ofb", f, Mode.OFB, k, 16);
                cipher(q + "cfb", f, Mode.CFB, k, 16);
                cipher(q + "cfb1", f, Mode.CFB1, k, 16);
                cipher(q + "cfb8", f, Mode.CFB8, k, 16);
                cipher(q + "ctr", f, Mode.CTR, k, 16);
                if (f == Family.ARIA) {
                    cipher(q + "gcm", f, Mode.GCM, k, 12);
                    cipher(q + "ccm", f, Mode.CCM, k, 12);
                }
            }
        }
        cipher("sm4-ecb", Family.SM4, Mode.ECB, 16, 0);
        cipher("sm4-cbc", Family.SM4, Mode.CBC, 16, 16, "sm4");
        cipher("sm4-ofb", Family.SM4, Mode.OFB, 16, 16);
        cipher("sm4-cfb", Family.SM4, Mode.CFB, 16, 16);
        cipher("sm4-ctr", Family.SM4, Mode.CTR, 16, 16);
        cipher("chacha20", Family.CHACHA20, Mode.STREAM, 32, 16);
        cipher("chacha20-poly1305", Family.CHACHA20, Mode.CHACHA20_POLY1305, 32, 12);
        for (int k : new int[] {16, 24}) {
            String p = k == 16 ? "des-ede" : "des-ede3";
            cipher(p, Family.DES_EDE, Mode.ECB, k, 0, p + "-ecb");
            cipher(p + "-cbc", Family.DES_EDE, Mode.CBC, k, 8);
            cipher(p + "-cfb", Family.DES_EDE, Mode.CFB, k, 8);
            cipher(p + "-ofb", Family.DES_EDE, Mode.OFB, k, 8);
        }
        CIPHERS.put("des3", CIPHERS.get("des-ede3-cbc"));
        cipher("des-ede3-cfb1", Family.DES_EDE, Mode.CFB1, 24, 8);
        cipher("des-ede3-cfb8", Family.DES_EDE, Mode.CFB8, 24, 8);
        cipher("id-smime-alg-cms3deswrap", Family.DES_EDE, Mode.DES3_WRAP, 24, 0, "des3-wrap");
        for (String n : CIPHER_NAMES) {
            if (!CIPHERS.containsKey(lower(n))) {
                throw new ExceptionInInitializerError("getCiphers() name without an implementation: " + n);
            }
        }
    }

    private static void cipher(String name, Family family, Mode mode, int keyLength, int ivLength, String... aliases) {
        CipherSpec spec = new CipherSpec(name, family, mode, keyLength, ivLength);
        CIPHERS.put(name, spec);
        for (String a : aliases) {
            CIPHERS.put(a, spec);
        }
    }

    /** The cipher named {@code name} (any alias, any case), or {@code null}. */
    static CipherSpec cipher(String name) {
        CipherSpec spec = CIPHERS.get(lower(name));
        if (spec == null && legacyProvider) {
            spec = Legacy.CIPHERS.get(lower(name));
        }
        return spec;
    }

    /** The cipher named {@code name} in either table, whether or not the legacy provider is loaded. */
    static CipherSpec anyCipher(String name) {
        CipherSpec spec = CIPHERS.get(lower(name));
        return spec != null ? spec : Legacy.CIPHERS.get(lower(name));
    }

    /** Whether {@code name} is a cipher OpenSSL 3 has only in its legacy provider. */
    static boolean legacyCipher(String name) {
        return !legacyProvider && (LEGACY_CIPHERS.contains(lower(name)) || Legacy.CIPHERS.containsKey(lower(name)));
    }

    /** Node 20's {@code getCiphers()}: every name works here as it does in Node. */
    static List<String> ciphers() {
        return legacyProvider ? Legacy.CIPHER_NAMES : CIPHER_NAMES;
    }

}
