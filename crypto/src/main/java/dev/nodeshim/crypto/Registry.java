package dev.nodeshim.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.bouncycastle.crypto.digests.SHAKEDigest;

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
 * SHA-3 is also the JDK's, intrinsified from JDK 21 on); BouncyCastle for the rest (RIPEMD-160,
 * BLAKE2, SM3, SHAKE, ARIA, Camellia, SM4, Poly1305, scrypt). BouncyCastle's JCA provider is the
 * private instance of {@link BouncyCastle}; its lightweight classes are used directly where JCA has
 * no shape for the operation (an XOF's output length). Every implementation is reached through a
 * factory held here, so the choice can depend on the running JDK: {@link #JDK_FEATURE} is read once
 * (JDK 17's AES-GCM, for one, is slow enough on some CPUs to want another path there).
 *
 * <p>The tables are immutable after class initialisation; lookups are thread-safe.
 */
final class Registry {
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
    private static final List<String> HASH_NAMES = List.of(
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
        bcHash("blake2b512", "BLAKE2B-512", 64, 128, "blake2b-512", "1.3.6.1.4.1.1722.12.2.1.16");
        bcHash("blake2s256", "BLAKE2S-256", 32, 64, "blake2s-256", "1.3.6.1.4.1.1722.12.2.2.8");
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

    private static void sha3(int bits, int block, String oid) {
        String name = "sha3-" + bits;
        jdkHash(name, "SHA3-" + bits, bits / 8, block, "rsa-sha3-" + bits,
                "id-rsassa-pkcs1-v1_5-with-sha3-" + bits, "2.16.840.1.101.3.4.2." + oid);
    }

    private static void shake(int bits, int size, int block, String oid) {
        HashSpec spec = new HashSpec("shake" + bits, size, block, true, Backend.BOUNCY_CASTLE,
                () -> new HashEngine.Shake(new SHAKEDigest(bits)));
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

    private static MessageDigest digest(String jca, Provider provider) {
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
        return HASHES.get(lower(name));
    }

    /** Whether {@code name} is a hash that OpenSSL 3 has only in its legacy provider. */
    static boolean legacyHash(String name) {
        return LEGACY_HASHES.contains(lower(name));
    }

    /** Node 20's {@code getHashes()}: every name works here. */
    static List<String> hashes() {
        return HASH_NAMES;
    }

    /** An immutable copy helper for callers that need a fresh list. */
    static List<String> copyOf(List<String> names) {
        return Collections.unmodifiableList(new ArrayList<>(names));
    }
}
