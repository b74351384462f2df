package dev.nodeshim.crypto;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/**
 * Private key encryption as OpenSSL 3 writes and reads it: PKCS#8 EncryptedPrivateKeyInfo with PBES2
 * (RFC 8018: PBKDF2 with HMAC-SHA256, 2048 iterations, an 8-byte salt, a random IV — OpenSSL's
 * defaults) and the traditional PEM encryption of PKCS#1 and SEC 1 keys ({@code Proc-Type: 4,ENCRYPTED},
 * {@code DEK-Info: CIPHER,IV}, key from EVP_BytesToKey with MD5 and one iteration over the first 8
 * IV bytes as salt). Ciphers run on this module's own {@link Cipher}/{@link Decipher}, so any name
 * {@link Crypto#getCiphers()} knows can be used where OpenSSL can use it.
 *
 * <p>Security: the traditional PEM key derivation is one MD5 round — weak against guessing; PKCS#8 with
 * PBES2 is what to use for new keys (Node's advice too).
 */
final class KeyCrypt {
    private static final int ITERATIONS = 2048;

    /** PBES2 encryption schemes: OpenSSL's cipher OIDs, by name. */
    private static final Map<String, String> CIPHER_OIDS = Map.ofEntries(
            Map.entry("aes-128-ecb", "2.16.840.1.101.3.4.1.1"), Map.entry("aes-128-cbc", "2.16.840.1.101.3.4.1.2"),
            Map.entry("aes-128-ofb", "2.16.840.1.101.3.4.1.3"), Map.entry("aes-128-cfb", "2.16.840.1.101.3.4.1.4"),
            Map.entry("aes-192-ecb", "2.16.840.1.101.3.4.1.21"), Map.entry("aes-192-cbc", "2.16.840.1.101.3.4.1.22"),
            Map.entry("aes-192-ofb", "2.16.840.1.101.3.4.1.23"), Map.entry("aes-192-cfb", "2.16.840.1.101.3.4.1.24"),
            Map.entry("aes-256-ecb", "2.16.840.1.101.3.4.1.41"), Map.entry("aes-256-cbc", "2.16.840.1.101.3.4.1.42"),
            Map.entry("aes-256-ofb", "2.16.840.1.101.3.4.1.43"), Map.entry("aes-256-cfb", "2.16.840.1.101.3.4.1.44"),
            Map.entry("des-ede3-cbc", "1.2.840.113549.3.7"),
            Map.entry("camellia-128-cbc", "1.2.392.200011.61.1.1.1.2"),
            Map.entry("camellia-192-cbc", "1.2.392.200011.61.1.1.1.3"),
            Map.entry("camellia-256-cbc", "1.2.392.200011.61.1.1.1.4"),
            Map.entry("aria-128-cbc", "1.2.410.200046.1.1.2"), Map.entry("aria-192-cbc", "1.2.410.200046.1.1.7"),
            Map.entry("aria-256-cbc", "1.2.410.200046.1.1.12"), Map.entry("sm4-cbc", "1.2.156.10197.1.104.2"));

    private KeyCrypt() {
    }

    /** The cipher for an export, or Node's error ({@code Unknown cipher}). */
    static Registry.CipherSpec exportCipher(String name) {
        Registry.CipherSpec spec = Registry.cipher(name);
        if (spec == null) {
            throw CryptoErrors.unknownCipher();
        }
        return spec;
    }

    // ------------------------------------------------------------------------------------------------
    // PKCS#8 with PBES2

    /** EncryptedPrivateKeyInfo of {@code pkcs8} under {@code passphrase}. */
    static byte[] encryptPkcs8(byte[] pkcs8, Registry.CipherSpec spec, byte[] passphrase) {
        if (spec.mode() == Registry.Mode.GCM || spec.mode() == Registry.Mode.CCM || spec.mode() == Registry.Mode.OCB) {
            throw CryptoErrors.openssl("ERR_OSSL_EVP_CIPHER_PARAMETER_ERROR", "0300007A", "digital envelope routines",
                    "cipher parameter error");
        }
        String oid = CIPHER_OIDS.get(spec.name());
        if (oid == null) {
            throw CryptoErrors.openssl("ERR_OSSL_ASN1_CIPHER_HAS_NO_OBJECT_IDENTIFIER", "0680006C",
                    "asn1 encoding routines", "cipher has no object identifier");
        }
        byte[] salt = Randoms.bytes(8);
        byte[] iv = Randoms.bytes(spec.ivLength());
        byte[] key = pbkdf2(passphrase, salt, ITERATIONS, spec.keyLength(), "sha256");
        byte[] kdf = Der.seq(Der.oid(Oids.PBKDF2), Der.seq(Der.octets(salt), Der.integer(ITERATIONS),
                Der.seq(Der.oid(Oids.HMACS.get("sha256")), Der.nul())));
        byte[] scheme = Der.seq(Der.oid(oid), Der.octets(iv));
        byte[] algorithm = Der.seq(Der.oid(Oids.PBES2), Der.seq(kdf, scheme));
        byte[] data = run(spec.name(), key, iv, pkcs8, true);
        return Der.seq(algorithm, Der.octets(data));
    }

    /**
     * The PrivateKeyInfo inside an EncryptedPrivateKeyInfo.
     *
     * @throws dev.nodeshim.errors.NodeError OpenSSL's {@code interrupted or cancelled} without a
     *         passphrase, {@code bad decrypt} for a wrong one
     */
    static byte[] decryptPkcs8(byte[] der, byte[] passphrase) throws Der.Malformed {
        Der.Reader r = Der.parse(der, Der.SEQUENCE).reader();
        Der.Reader alg = r.next(Der.SEQUENCE).reader();
        byte[] data = r.next().octets();
        r.end();
        if (!alg.next().oid().equals(Oids.PBES2)) {
            throw KeyErrors.decoderUnsupported();
        }
        Der.Reader params = alg.next(Der.SEQUENCE).reader();
        Der.Reader kdf = params.next(Der.SEQUENCE).reader();
        if (!kdf.next().oid().equals(Oids.PBKDF2)) {
            throw KeyErrors.decoderUnsupported();
        }
        Der.Reader kp = kdf.next(Der.SEQUENCE).reader();
        byte[] salt = kp.next().octets();
        int iterations = kp.next().smallInt();
        int keyLength = -1;
        String prf = "sha1";
        while (kp.more()) {
            Der.Tlv t = kp.next();
            if (t.tag() == Der.INTEGER) {
                keyLength = t.smallInt();
            } else {
                prf = Oids.nameOf(Oids.HMACS, t.reader().next().oid());
                if (prf == null) {
                    throw KeyErrors.decoderUnsupported();
                }
            }
        }
        Der.Reader scheme = params.next(Der.SEQUENCE).reader();
        String cipher = Oids.nameOf(CIPHER_OIDS, scheme.next().oid());
        if (cipher == null) {
            throw KeyErrors.decoderUnsupported();
        }
        byte[] iv = scheme.more() ? scheme.next().octets() : Bytes.EMPTY;
        if (passphrase == null) {
            throw KeyErrors.passphraseMissing();
        }
        Registry.CipherSpec spec = Registry.cipher(cipher);
        byte[] key = pbkdf2(passphrase, salt, iterations, keyLength < 0 ? spec.keyLength() : keyLength, prf);
        return run(cipher, key, spec.ivLength() == 0 ? null : iv, data, false);
    }

    private static byte[] pbkdf2(byte[] pass, byte[] salt, int iterations, int length, String prf) {
        return Kdf.pbkdf2(new Kdf.Pbkdf2(pass, salt, iterations, length, Registry.hash(prf)));
    }

    private static byte[] run(String cipher, byte[] key, byte[] iv, byte[] data, boolean encrypt) {
        if (encrypt) {
            Cipher c = Crypto.createCipheriv(cipher, key, iv);
            return Bytes.concat(Bytes.of(c.update(data)), Bytes.of(c.doFinal()));
        }
        Decipher d = Crypto.createDecipheriv(cipher, key, iv);
        return Bytes.concat(Bytes.of(d.update(data)), Bytes.of(d.doFinal()));
    }

    // ------------------------------------------------------------------------------------------------
    // Traditional PEM encryption

    /** The headers and encrypted body of a PKCS#1/SEC 1 PEM under {@code passphrase}. */
    static String encryptPem(String label, byte[] der, Registry.CipherSpec spec, byte[] passphrase) {
        if (spec.mode() == Registry.Mode.ECB) {
            throw CryptoErrors.openssl("ERR_OSSL_PEM_UNSUPPORTED_CIPHER", "04800071", "PEM routines",
                    "unsupported cipher");
        }
        byte[] iv = Randoms.bytes(spec.ivLength());
        byte[] key = bytesToKey(passphrase, iv, spec.keyLength());
        byte[] data = run(spec.name(), key, iv, der, true);
        String headers = "Proc-Type: 4,ENCRYPTED\nDEK-Info: " + spec.name().toUpperCase(Locale.ROOT) + ","
                + HexFormat.of().withUpperCase().formatHex(iv) + "\n\n";
        return Pem.encode(label, headers, data);
    }

    /** Decrypts a traditional PEM body given its {@code DEK-Info} value ({@code AES-128-CBC,HEXIV}). */
    static byte[] decryptPem(String dekInfo, byte[] data, byte[] passphrase) {
        int comma = dekInfo.indexOf(',');
        if (comma < 0) {
            throw KeyErrors.decoderUnsupported();
        }
        Registry.CipherSpec spec = Registry.cipher(dekInfo.substring(0, comma).trim());
        byte[] iv;
        try {
            iv = HexFormat.of().parseHex(dekInfo.substring(comma + 1).trim());
        } catch (IllegalArgumentException e) {
            throw KeyErrors.decoderUnsupported();
        }
        if (spec == null || iv.length < 8 || iv.length != spec.ivLength()) {
            throw KeyErrors.decoderUnsupported();
        }
        if (passphrase == null) {
            throw KeyErrors.passphraseMissing();
        }
        return run(spec.name(), bytesToKey(passphrase, iv, spec.keyLength()), iv, data, false);
    }

    /** OpenSSL's EVP_BytesToKey with MD5, one iteration, salt = the first 8 IV bytes. */
    private static byte[] bytesToKey(byte[] pass, byte[] iv, int keyLength) {
        byte[] key = new byte[keyLength];
        byte[] prev = Bytes.EMPTY;
        for (int done = 0; done < keyLength; ) {
            HashEngine md5 = Registry.hash("md5").newEngine();
            md5.update(prev, 0, prev.length);
            md5.update(pass, 0, pass.length);
            md5.update(iv, 0, 8);
            prev = md5.finish(16);
            int n = Math.min(16, keyLength - done);
            System.arraycopy(prev, 0, key, done, n);
            done += n;
        }
        return key;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
