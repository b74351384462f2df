package dev.nodeshim.crypto;

import java.util.Map;

/** The object identifiers of key algorithms, curves, hashes and PKCS#5 parameters that key encodings use. */
final class Oids {
    static final String RSA = "1.2.840.113549.1.1.1";
    static final String RSA_PSS = "1.2.840.113549.1.1.10";
    static final String MGF1 = "1.2.840.113549.1.1.8";
    static final String DSA = "1.2.840.10040.4.1";
    static final String EC = "1.2.840.10045.2.1";
    /** PKCS #3 dhKeyAgreement. */
    static final String DH = "1.2.840.113549.1.3.1";
    static final String X25519 = "1.3.101.110";
    static final String X448 = "1.3.101.111";
    static final String ED25519 = "1.3.101.112";
    static final String ED448 = "1.3.101.113";
    static final String PBES2 = "1.2.840.113549.1.5.13";
    static final String PBKDF2 = "1.2.840.113549.1.5.12";
    static final String HMAC_SHA1 = "1.2.840.113549.2.7";

    /** The hashes' OIDs (DigestInfo, PSS parameters), by Node's canonical name. */
    static final Map<String, String> HASHES = Map.ofEntries(
            Map.entry("md5", "1.2.840.113549.2.5"),
            Map.entry("sha1", "1.3.14.3.2.26"),
            Map.entry("sha224", "2.16.840.1.101.3.4.2.4"),
            Map.entry("sha256", "2.16.840.1.101.3.4.2.1"),
            Map.entry("sha384", "2.16.840.1.101.3.4.2.2"),
            Map.entry("sha512", "2.16.840.1.101.3.4.2.3"),
            Map.entry("sha512-224", "2.16.840.1.101.3.4.2.5"),
            Map.entry("sha512-256", "2.16.840.1.101.3.4.2.6"),
            Map.entry("sha3-224", "2.16.840.1.101.3.4.2.7"),
            Map.entry("sha3-256", "2.16.840.1.101.3.4.2.8"),
            Map.entry("sha3-384", "2.16.840.1.101.3.4.2.9"),
            Map.entry("sha3-512", "2.16.840.1.101.3.4.2.10"),
            Map.entry("ripemd160", "1.3.36.3.2.1"),
            Map.entry("sm3", "1.2.156.10197.1.401"));

    /** PBKDF2's HMAC PRFs (RFC 8018), by hash name. */
    static final Map<String, String> HMACS = Map.of(
            "sha1", HMAC_SHA1,
            "sha224", "1.2.840.113549.2.8",
            "sha256", "1.2.840.113549.2.9",
            "sha384", "1.2.840.113549.2.10",
            "sha512", "1.2.840.113549.2.11",
            "sha512-224", "1.2.840.113549.2.12",
            "sha512-256", "1.2.840.113549.2.13");

    private Oids() {
    }

    /** The name for an OID of {@code table}, or null. */
    static String nameOf(Map<String, String> table, String oid) {
        for (Map.Entry<String, String> e : table.entrySet()) {
            if (e.getValue().equals(oid)) {
                return e.getKey();
            }
        }
        return null;
    }
}
