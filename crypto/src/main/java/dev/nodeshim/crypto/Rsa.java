package dev.nodeshim.crypto;

import dev.nodeshim.errors.NodeError;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Arrays;

/**
 * RSA as OpenSSL 3 does it for Node: the raw operations (the JDK's {@code RSA/ECB/NoPadding}, which
 * runs the private operation with CRT and blinding), and on top of them, written here from RFC 8017,
 * EMSA-PKCS1-v1_5 and EMSA-PSS signatures over any digest OpenSSL allows, RSAES-OAEP with any hash and
 * label, and the PKCS#1 v1.5 type 1 and 2 paddings — with OpenSSL's errors.
 *
 * <h2>Security</h2>
 * Raw RSA ({@code RSA_NO_PADDING}) and PKCS#1 v1.5 encryption are unsafe for new designs; PKCS#1 v1.5
 * decryption is refused as Node 20 refuses it (CVE-2023-46809). OAEP decoding checks every byte before
 * it reports one error, so its timing does not say which check failed.
 */
final class Rsa {
    private Rsa() {
    }

    static NodeError rsaError(String code, String hex, String reason) {
        return CryptoErrors.openssl(code, hex, "rsa routines", reason);
    }

    static NodeError providerError(String code, String hex, String reason) {
        return CryptoErrors.openssl(code, hex, "Provider routines", reason);
    }

    static NodeError dataTooLargeForKeySize() {
        return rsaError("ERR_OSSL_RSA_DATA_TOO_LARGE_FOR_KEY_SIZE", "0200006E", "data too large for key size");
    }

    // ------------------------------------------------------------------------------------------------
    // Raw operations on the JDK

    private static final class Jca {
        static final KeyFactory FACTORY;

        static {
            try {
                FACTORY = KeyFactory.getInstance("RSA");
            } catch (GeneralSecurityException e) {
                throw new ExceptionInInitializerError(e);
            }
        }
    }

    static Key jcaPrivate(RsaKey k) {
        try {
            return Jca.FACTORY.generatePrivate(new RSAPrivateCrtKeySpec(k.n, k.e, k.d, k.p, k.q, k.dp, k.dq, k.qi));
        } catch (GeneralSecurityException e) {
            throw new NodeError("Error", null, "RSA key rejected: " + e.getMessage(), e);
        }
    }

    static Key jcaPublic(RsaKey k) {
        try {
            return Jca.FACTORY.generatePublic(new RSAPublicKeySpec(k.n, k.e));
        } catch (GeneralSecurityException e) {
            throw new NodeError("Error", null, "RSA key rejected: " + e.getMessage(), e);
        }
    }

    /** {@code m^d mod n}, {@code k} bytes; {@code m} must be below n (checked by the caller). */
    static byte[] privateOp(RsaKey key, byte[] m) {
        return raw(key, m, true);
    }

    /** {@code c^e mod n}, {@code k} bytes. */
    static byte[] publicOp(RsaKey key, byte[] c) {
        return raw(key, c, false);
    }

    private static byte[] raw(RsaKey key, byte[] in, boolean priv) {
        try {
            javax.crypto.Cipher c = javax.crypto.Cipher.getInstance("RSA/ECB/NoPadding");
            c.init(priv ? javax.crypto.Cipher.DECRYPT_MODE : javax.crypto.Cipher.ENCRYPT_MODE,
                    priv ? key.jcaPrivate() : key.jcaPublic());
            byte[] out = c.doFinal(in);
            return out.length == key.size() ? out : Der.unsigned(new BigInteger(1, out), key.size());
        } catch (GeneralSecurityException e) {
            throw rsaError("ERR_OSSL_RSA_DATA_TOO_LARGE_FOR_MODULUS", "02000084", "data too large for modulus");
        }
    }

    /** Whether {@code x} (k bytes) is below the modulus. */
    static boolean belowModulus(RsaKey key, byte[] x) {
        return new BigInteger(1, x).compareTo(key.n) < 0;
    }

    // ------------------------------------------------------------------------------------------------
    // Signatures

    /** The digests OpenSSL signs with RSA (PKCS#1 v1.5 and PSS): those with a DigestInfo OID, and md5-sha1. */
    static void checkDigest(String hash) {
        if (!Oids.HASHES.containsKey(hash) && !hash.equals("md5-sha1") || hash.equals("sm3")) {
            throw providerError("ERR_OSSL_DIGEST_NOT_ALLOWED", "1C8000AE", "digest not allowed");
        }
    }

    /** EMSA-PKCS1-v1_5's T: DigestInfo, or the bare 36 bytes of md5-sha1 (TLS 1.1's signature). */
    private static byte[] digestInfo(String hash, byte[] h) {
        if (hash.equals("md5-sha1")) {
            return h;
        }
        return Der.seq(Der.seq(Der.oid(Oids.HASHES.get(hash)), Der.nul()), Der.octets(h));
    }

    static byte[] signPkcs1(RsaKey key, String hash, byte[] h) {
        byte[] t = digestInfo(hash, h);
        int k = key.size();
        if (t.length > k - 11) {
            throw rsaError("ERR_OSSL_RSA_DIGEST_TOO_BIG_FOR_RSA_KEY", "02000070", "digest too big for rsa key");
        }
        return privateOp(key, pad1(t, k));
    }

    /** 00 01 FF… 00 T. */
    private static byte[] pad1(byte[] t, int k) {
        byte[] em = new byte[k];
        em[1] = 1;
        Arrays.fill(em, 2, k - t.length - 1, (byte) 0xff);
        System.arraycopy(t, 0, em, k - t.length, t.length);
        return em;
    }

    static boolean verifyPkcs1(RsaKey key, String hash, byte[] h, byte[] sig) {
        int k = key.size();
        if (sig.length != k || !belowModulus(key, sig)) {
            return false;
        }
        byte[] t = digestInfo(hash, h);
        if (t.length > k - 11) {
            return false;
        }
        return MessageDigest.isEqual(publicOp(key, sig), pad1(t, k));
    }

    /** ANSI X9.31's hash identifiers, the byte before the 0xCC trailer. */
    private static int x931Id(String hash) {
        switch (hash) {
            case "sha1":
                return 0x33;
            case "sha256":
                return 0x34;
            case "sha384":
                return 0x36;
            case "sha512":
                return 0x35;
            default:
                throw providerError("ERR_OSSL_INVALID_X931_DIGEST", "1C8000AA", "invalid x931 digest");
        }
    }

    /** X9.31's encoding: 6B BB… BA H id CC (or 6A H id CC when nothing fits between). */
    private static byte[] x931Encode(RsaKey key, String hash, byte[] h) {
        int id = x931Id(hash);
        int k = key.size();
        int j = k - h.length - 3;
        if (j < 0) {
            throw rsaError("ERR_OSSL_RSA_DATA_TOO_LARGE_FOR_KEY_SIZE", "0200006E", "data too large for key size");
        }
        byte[] em = new byte[k];
        if (j == 0) {
            em[0] = 0x6a;
        } else {
            em[0] = 0x6b;
            Arrays.fill(em, 1, j, (byte) 0xbb);
            em[j] = (byte) 0xba;
        }
        System.arraycopy(h, 0, em, j + 1, h.length);
        em[k - 2] = (byte) id;
        em[k - 1] = (byte) 0xcc;
        return em;
    }

    /** An X9.31 signature: the smaller of s and n - s (the standard's rule). */
    static byte[] signX931(RsaKey key, String hash, byte[] h) {
        BigInteger s = new BigInteger(1, privateOp(key, x931Encode(key, hash, h)));
        BigInteger other = key.n.subtract(s);
        return Der.unsigned(s.compareTo(other) > 0 ? other : s, key.size());
    }

    static boolean verifyX931(RsaKey key, String hash, byte[] h, byte[] sig) {
        byte[] em = x931Encode(key, hash, h);
        if (sig.length != key.size() || !belowModulus(key, sig)) {
            return false;
        }
        BigInteger t = new BigInteger(1, publicOp(key, sig));
        if (t.intValue() % 16 != 12) {
            t = key.n.subtract(t);
        }
        return MessageDigest.isEqual(Der.unsigned(t, key.size()), em);
    }

    /** The PSS salt length a signature gets: Node's special values resolved for this key and hash. */
    static int signSaltLength(RsaKey key, int hLen, int given) {
        int emLen = emLen(key);
        int max = emLen - hLen - 2;
        int s;
        switch (given) {
            case -1 -> s = hLen;
            case -2, -3 -> s = max;
            default -> {
                if (given < -3) {
                    throw providerError("ERR_OSSL_INVALID_SALT_LENGTH", "1C800070", "invalid salt length");
                }
                s = given;
            }
        }
        if (max < 0 || s > max) {
            throw dataTooLargeForKeySize();
        }
        if (key.params != null && s < key.params.saltLength()) {
            throw providerError("ERR_OSSL_PSS_SALTLEN_TOO_SMALL", "1C8000AC", "pss saltlen too small");
        }
        return s;
    }

    private static int emLen(RsaKey key) {
        return (key.n.bitLength() - 1 + 7) / 8;
    }

    static byte[] signPss(RsaKey key, Registry.HashSpec hash, Registry.HashSpec mgf1, byte[] mHash, int sLen) {
        int emBits = key.n.bitLength() - 1;
        int emLen = (emBits + 7) / 8;
        int hLen = hash.size();
        byte[] salt = Randoms.bytes(sLen);
        byte[] hh = pssHash(hash, mHash, salt);
        byte[] db = new byte[emLen - hLen - 1];
        db[db.length - sLen - 1] = 1;
        System.arraycopy(salt, 0, db, db.length - sLen, sLen);
        byte[] mask = mgf1(mgf1, hh, db.length);
        for (int i = 0; i < db.length; i++) {
            db[i] ^= mask[i];
        }
        db[0] &= (byte) (0xff >>> (8 * emLen - emBits));
        byte[] em = new byte[key.size()];
        int off = key.size() - emLen;
        System.arraycopy(db, 0, em, off, db.length);
        System.arraycopy(hh, 0, em, off + db.length, hLen);
        em[em.length - 1] = (byte) 0xbc;
        return privateOp(key, em);
    }

    /** EMSA-PSS-VERIFY; {@code sLen} -2 means any length (OpenSSL's auto), -1 the digest length, -3 the maximum. */
    static boolean verifyPss(RsaKey key, Registry.HashSpec hash, Registry.HashSpec mgf1, byte[] mHash, byte[] sig,
            int sLen) {
        int k = key.size();
        if (sig.length != k || !belowModulus(key, sig)) {
            return false;
        }
        byte[] full = publicOp(key, sig);
        int emBits = key.n.bitLength() - 1;
        int emLen = (emBits + 7) / 8;
        int hLen = hash.size();
        if (k != emLen && full[0] != 0) {
            return false;
        }
        byte[] em = Arrays.copyOfRange(full, k - emLen, k);
        if (emLen < hLen + 2 || (em[emLen - 1] & 0xff) != 0xbc) {
            return false;
        }
        int dbLen = emLen - hLen - 1;
        byte[] db = Arrays.copyOf(em, dbLen);
        byte[] hh = Arrays.copyOfRange(em, dbLen, dbLen + hLen);
        if ((db[0] & ~(0xff >>> (8 * emLen - emBits))) != 0) {
            return false;
        }
        byte[] mask = mgf1(mgf1, hh, dbLen);
        for (int i = 0; i < dbLen; i++) {
            db[i] ^= mask[i];
        }
        db[0] &= (byte) (0xff >>> (8 * emLen - emBits));
        int i = 0;
        while (i < dbLen && db[i] == 0) {
            i++;
        }
        if (i == dbLen || db[i] != 1) {
            return false;
        }
        int found = dbLen - i - 1;
        int want = sLen == -1 ? hLen : sLen == -3 ? emLen - hLen - 2 : sLen;
        if (sLen != -2 && found != want) {
            return false;
        }
        if (key.params != null && found < key.params.saltLength()) {
            return false;
        }
        byte[] salt = Arrays.copyOfRange(db, i + 1, dbLen);
        return MessageDigest.isEqual(hh, pssHash(hash, mHash, salt));
    }

    private static byte[] pssHash(Registry.HashSpec hash, byte[] mHash, byte[] salt) {
        HashEngine e = hash.newEngine();
        e.update(new byte[8], 0, 8);
        e.update(mHash, 0, mHash.length);
        e.update(salt, 0, salt.length);
        return e.finish(hash.size());
    }

    static byte[] mgf1(Registry.HashSpec hash, byte[] seed, int length) {
        byte[] out = new byte[length];
        byte[] counter = new byte[4];
        for (int done = 0, c = 0; done < length; c++) {
            counter[0] = (byte) (c >>> 24);
            counter[1] = (byte) (c >>> 16);
            counter[2] = (byte) (c >>> 8);
            counter[3] = (byte) c;
            HashEngine e = hash.newEngine();
            e.update(seed, 0, seed.length);
            e.update(counter, 0, 4);
            byte[] h = e.finish(hash.size());
            int n = Math.min(h.length, length - done);
            System.arraycopy(h, 0, out, done, n);
            done += n;
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------------
    // Encryption

    static byte[] oaepEncrypt(RsaKey key, Registry.HashSpec hash, byte[] label, byte[] m) {
        int k = key.size();
        int hLen = hash.size();
        if (m.length > k - 2 * hLen - 2) {
            throw dataTooLargeForKeySize();
        }
        byte[] lHash = digest(hash, label);
        byte[] db = new byte[k - hLen - 1];
        System.arraycopy(lHash, 0, db, 0, hLen);
        db[db.length - m.length - 1] = 1;
        System.arraycopy(m, 0, db, db.length - m.length, m.length);
        byte[] seed = Randoms.bytes(hLen);
        byte[] dbMask = mgf1(hash, seed, db.length);
        for (int i = 0; i < db.length; i++) {
            db[i] ^= dbMask[i];
        }
        byte[] seedMask = mgf1(hash, db, hLen);
        for (int i = 0; i < hLen; i++) {
            seed[i] ^= seedMask[i];
        }
        byte[] em = new byte[k];
        System.arraycopy(seed, 0, em, 1, hLen);
        System.arraycopy(db, 0, em, 1 + hLen, db.length);
        return publicOp(key, em);
    }

    static byte[] oaepDecrypt(RsaKey key, Registry.HashSpec hash, byte[] label, byte[] c) {
        int k = key.size();
        int hLen = hash.size();
        byte[] em = privateInput(key, c);
        em = privateOp(key, em);
        boolean bad = k < 2 * hLen + 2 || em[0] != 0;
        byte[] seed = Arrays.copyOfRange(em, 1, 1 + hLen);
        byte[] db = Arrays.copyOfRange(em, 1 + hLen, k);
        byte[] seedMask = mgf1(hash, db, hLen);
        for (int i = 0; i < hLen; i++) {
            seed[i] ^= seedMask[i];
        }
        byte[] dbMask = mgf1(hash, seed, db.length);
        for (int i = 0; i < db.length; i++) {
            db[i] ^= dbMask[i];
        }
        bad |= !MessageDigest.isEqual(Arrays.copyOf(db, hLen), digest(hash, label));
        int one = -1;
        for (int i = hLen; i < db.length; i++) {
            if (one < 0 && db[i] == 1) {
                one = i;
            } else if (one < 0 && db[i] != 0) {
                bad = true;
            }
        }
        if (bad || one < 0) {
            throw rsaError("ERR_OSSL_RSA_OAEP_DECODING_ERROR", "02000079", "oaep decoding error");
        }
        return Arrays.copyOfRange(db, one + 1, db.length);
    }

    /** The ciphertext of a private-key operation: OpenSSL's length and range checks. */
    private static byte[] privateInput(RsaKey key, byte[] c) {
        int k = key.size();
        if (c.length > k) {
            throw rsaError("ERR_OSSL_RSA_DATA_GREATER_THAN_MOD_LEN", "0200006C", "data greater than mod len");
        }
        byte[] in = c.length == k ? c : Der.unsigned(new BigInteger(1, c), k);
        if (!belowModulus(key, in)) {
            throw rsaError("ERR_OSSL_RSA_DATA_TOO_LARGE_FOR_MODULUS", "02000084", "data too large for modulus");
        }
        return in;
    }

    private static byte[] digest(Registry.HashSpec hash, byte[] data) {
        HashEngine e = hash.newEngine();
        e.update(data, 0, data.length);
        return e.finish(hash.size());
    }

    /** PKCS#1 v1.5 type 2 (publicEncrypt's RSA_PKCS1_PADDING): 00 02 nonzero-random 00 M. */
    static byte[] pkcs1Encrypt(RsaKey key, byte[] m) {
        int k = key.size();
        if (m.length > k - 11) {
            throw dataTooLargeForKeySize();
        }
        byte[] em = new byte[k];
        em[1] = 2;
        byte[] ps = new byte[k - m.length - 3];
        for (int i = 0; i < ps.length; i++) {
            byte b;
            do {
                b = (byte) Randoms.RANDOM.nextInt(256);
            } while (b == 0);
            ps[i] = b;
        }
        System.arraycopy(ps, 0, em, 2, ps.length);
        System.arraycopy(m, 0, em, 3 + ps.length, m.length);
        return publicOp(key, em);
    }

    /** privateEncrypt with RSA_PKCS1_PADDING: type 1 padding, deterministic. */
    static byte[] pkcs1PrivateEncrypt(RsaKey key, byte[] m) {
        int k = key.size();
        if (m.length > k - 11) {
            throw dataTooLargeForKeySize();
        }
        return privateOp(key, pad1(m, k));
    }

    /** publicDecrypt with RSA_PKCS1_PADDING: removes type 1 padding. */
    static byte[] pkcs1PublicDecrypt(RsaKey key, byte[] c) {
        int k = key.size();
        if (c.length > k) {
            throw rsaError("ERR_OSSL_RSA_DATA_GREATER_THAN_MOD_LEN", "0200006C", "data greater than mod len");
        }
        byte[] in = c.length == k ? c : Der.unsigned(new BigInteger(1, c), k);
        if (!belowModulus(key, in)) {
            throw rsaError("ERR_OSSL_RSA_DATA_TOO_LARGE_FOR_MODULUS", "02000084", "data too large for modulus");
        }
        byte[] em = publicOp(key, in);
        if (em[0] != 0 || em[1] != 1) {
            throw rsaError("ERR_OSSL_RSA_INVALID_PADDING", "0200008A", "invalid padding");
        }
        int i = 2;
        while (i < k && em[i] == (byte) 0xff) {
            i++;
        }
        if (i == k || em[i] != 0 || i < 10) {
            throw rsaError("ERR_OSSL_RSA_INVALID_PADDING", "0200008A", "invalid padding");
        }
        return Arrays.copyOfRange(em, i + 1, k);
    }

    /** RSA_NO_PADDING in either direction: the input must be exactly k bytes and below n. */
    static byte[] noPadding(RsaKey key, byte[] in, boolean priv) {
        int k = key.size();
        if (in.length < k) {
            throw rsaError("ERR_OSSL_RSA_DATA_TOO_SMALL_FOR_KEY_SIZE", "0200007A", "data too small for key size");
        }
        if (in.length > k) {
            throw dataTooLargeForKeySize();
        }
        if (!belowModulus(key, in)) {
            throw rsaError("ERR_OSSL_RSA_DATA_TOO_LARGE_FOR_MODULUS", "02000084", "data too large for modulus");
        }
        return priv ? privateOp(key, in) : publicOp(key, in);
    }
}
