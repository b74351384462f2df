package dev.nodeshim.crypto;

import dev.nodeshim.buffer.Buffer;
import dev.nodeshim.errors.Errors;
import dev.nodeshim.errors.Undefined;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Node's {@code KeyObject}: a secret key (bytes for HMAC, ciphers, KDFs) or one half of an asymmetric
 * key pair (rsa, rsa-pss, dsa, ec, ed25519, ed448, x25519, x448, dh). Made by {@link Crypto#createSecretKey},
 * {@link Crypto#createPublicKey}, {@link Crypto#createPrivateKey} and the key generators.
 *
 * <h2>Guarantees</h2>
 * Immutable and safe to share between threads. {@link #export} gives the bytes OpenSSL 3 (so Node 20)
 * gives for the same key, in every format and type Node offers; an export with a {@code cipher} is
 * randomised (salt and IV), as Node's. A key read from any encoding is checked as far as OpenSSL
 * checks it when Node reads it (an EC point must be on its curve; an RSA key's numbers are taken as
 * given, as OpenSSL takes them). {@link #equals(KeyObject)} compares type, numbers and parameters.
 *
 * <p>Secret key bytes and private keys stay in the heap until garbage-collected; Java cannot wipe them
 * reliably (nor can Node).
 */
public final class KeyObject {
    private final byte[] secret;
    private final KeyData data;

    private KeyObject(byte[] secret, KeyData data) {
        this.secret = secret;
        this.data = data;
    }

    static KeyObject secret(byte[] bytes) {
        return new KeyObject(bytes, null);
    }

    static KeyObject of(KeyData data) {
        return new KeyObject(null, data);
    }

    KeyData data() {
        return data;
    }

    /** The bytes of a secret key (not copied: callers must not change them). */
    byte[] secretBytes() {
        return secret;
    }

    /**
     * The bytes of a secret key given where Node takes one (createHmac, createCipheriv, hkdf), or Node's
     * error for an asymmetric key.
     */
    static byte[] secretBytesOf(KeyObject k) {
        if (k.secret == null) {
            throw KeyErrors.invalidKeyType("secret", k.type());
        }
        return k.secret;
    }

    /** {@code keyObject.type}: {@code "secret"}, {@code "public"} or {@code "private"}. */
    public String type() {
        return data == null ? "secret" : data.isPrivate() ? "private" : "public";
    }

    /** {@code keyObject.asymmetricKeyType}, or null (Node's undefined) for a secret key. */
    public String asymmetricKeyType() {
        return data == null ? null : data.type();
    }

    /** {@code keyObject.asymmetricKeyDetails}, or null (undefined) for a secret key. */
    public AsymmetricKeyDetails asymmetricKeyDetails() {
        return data == null ? null : data.details();
    }

    /** {@code keyObject.symmetricKeySize} in bytes, or null (undefined) for an asymmetric key. */
    public Integer symmetricKeySize() {
        return secret == null ? null : secret.length;
    }

    /**
     * {@code keyObject.export()}: a secret key's bytes.
     *
     * @throws dev.nodeshim.errors.NodeError {@code ERR_INVALID_ARG_TYPE} for an asymmetric key, which
     *         needs options
     */
    public Buffer export() {
        if (secret == null) {
            throw Errors.invalidArgType("options", "object", Undefined.INSTANCE);
        }
        return Buffer.from(secret);
    }

    /**
     * {@code keyObject.export(options)}: a {@code String} for {@code pem}, a {@link Buffer} for
     * {@code der} (and a secret key's {@code buffer}), a {@code Map<String, Object>} of the JWK members
     * for {@code jwk} (Node's order).
     *
     * @throws dev.nodeshim.errors.NodeError Node's, in its order: {@code ERR_INVALID_ARG_VALUE} for a
     *         format or type that is not one of Node's (or not one for this kind of key), a cipher
     *         without passphrase or a passphrase without cipher; {@code ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS}
     *         for pkcs1 on a non-RSA key, sec1 on a non-EC key, or encryption of a DER pkcs1/sec1;
     *         {@code Unknown cipher}; {@code ERR_CRYPTO_JWK_UNSUPPORTED_KEY_TYPE} /
     *         {@code _CURVE} for keys JWK cannot express
     */
    public Object export(KeyExportOptions options) {
        if (options == null) {
            throw Errors.invalidArgType("options", "object", Undefined.INSTANCE);
        }
        String format = options.format();
        if (secret != null) {
            if (format == null || format.equals("buffer")) {
                return Buffer.from(secret);
            }
            if (format.equals("jwk")) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("kty", "oct");
                m.put("k", Jwk.b64(secret));
                return m;
            }
            throw KeyErrors.propertyOneOf("options.format", Arrays.asList(null, "buffer", "jwk"), format);
        }
        if ("jwk".equals(format)) {
            return data.jwk();
        }
        if (!"pem".equals(format) && !"der".equals(format)) {
            throw KeyErrors.invalidProperty("options.format", orUndefined(format));
        }
        String type = options.type();
        boolean pem = format.equals("pem");
        if (!data.isPrivate()) {
            if ("spki".equals(type)) {
                byte[] der = data.spki();
                return pem ? Pem.encode("PUBLIC KEY", "", der) : Buffer.wrap(der);
            }
            if ("pkcs1".equals(type)) {
                byte[] der = rsaOnly().pkcs1Public();
                return pem ? Pem.encode("RSA PUBLIC KEY", "", der) : Buffer.wrap(der);
            }
            throw KeyErrors.invalidProperty("options.type", orUndefined(type));
        }
        if (!"pkcs1".equals(type) && !"pkcs8".equals(type) && !"sec1".equals(type)) {
            throw KeyErrors.invalidProperty("options.type", orUndefined(type));
        }
        if (type.equals("pkcs1")) {
            rsaOnly();
        } else if (type.equals("sec1") && !(data instanceof EcKey)) {
            throw KeyErrors.incompatible("The selected key encoding sec1 can only be used for EC keys.");
        }
        String cipher = options.cipher();
        if (cipher != null && !pem && !type.equals("pkcs8")) {
            throw KeyErrors.incompatible("The selected key encoding " + type + " does not support encryption.");
        }
        byte[] pass = passphrase(options.passphrase(), "options.passphrase");
        if (cipher != null && pass == null) {
            throw KeyErrors.invalidProperty("options.passphrase", Undefined.INSTANCE);
        }
        if (cipher == null && pass != null) {
            throw KeyErrors.invalidProperty("options.cipher", Undefined.INSTANCE);
        }
        Registry.CipherSpec spec = cipher == null ? null : KeyCrypt.exportCipher(cipher);
        if (type.equals("pkcs8")) {
            byte[] der = data.pkcs8();
            if (spec != null) {
                der = KeyCrypt.encryptPkcs8(der, spec, pass);
            }
            return pem ? Pem.encode(spec == null ? "PRIVATE KEY" : "ENCRYPTED PRIVATE KEY", "", der) : Buffer.wrap(der);
        }
        byte[] der = type.equals("pkcs1") ? ((RsaKey) data).pkcs1Private() : ((EcKey) data).sec1();
        String label = type.equals("pkcs1") ? "RSA PRIVATE KEY" : "EC PRIVATE KEY";
        if (!pem) {
            return Buffer.wrap(der);
        }
        return spec == null ? Pem.encode(label, "", der) : KeyCrypt.encryptPem(label, der, spec, pass);
    }

    private RsaKey rsaOnly() {
        if (!(data instanceof RsaKey r) || r.pss) {
            throw KeyErrors.incompatible("The selected key encoding pkcs1 can only be used for RSA keys.");
        }
        return r;
    }

    private static Object orUndefined(Object v) {
        return v == null ? Undefined.INSTANCE : v;
    }

    /** A passphrase option's bytes, or null when absent; Node's error for another type. */
    static byte[] passphrase(Object p, String name) {
        if (p == null) {
            return null;
        }
        if (p instanceof String s) {
            return KeyCrypt.utf8(s);
        }
        if (p instanceof byte[] b) {
            return b.clone();
        }
        if (p instanceof Buffer b) {
            return b.toByteArray();
        }
        throw KeyErrors.invalidProperty(name, p);
    }

    /**
     * {@code keyObject.equals(otherKeyObject)}: the same type, key material and parameters.
     *
     * @throws dev.nodeshim.errors.NodeError {@code ERR_INVALID_ARG_TYPE} for null
     */
    public boolean equals(KeyObject other) {
        if (other == null) {
            throw Errors.invalidArgType("otherKeyObject", List.of("KeyObject"), null);
        }
        if (secret != null || other.secret != null) {
            return secret != null && other.secret != null && java.security.MessageDigest.isEqual(secret, other.secret);
        }
        return data.sameKey(other.data);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyObject k && equals(k);
    }

    @Override
    public int hashCode() {
        return secret != null ? secret.length : Arrays.hashCode(data.isPrivate() ? data.pkcs8() : data.spki());
    }

    // ------------------------------------------------------------------------------------------------
    // Java interop

    /**
     * The KeyObject of a {@code java.security} key: a {@link javax.crypto.SecretKey}'s bytes, a
     * {@link java.security.PublicKey}'s SubjectPublicKeyInfo, a {@link java.security.PrivateKey}'s PKCS#8.
     *
     * @throws IllegalArgumentException for a key without an encoding or of a family nodeshim does not read
     */
    public static KeyObject from(java.security.Key key) {
        return JavaKeys.from(key);
    }

    /** This key, or a private key's public half, as a {@link java.security.PublicKey} (by its SPKI encoding). */
    public java.security.PublicKey toPublicKey() {
        if (data == null) {
            throw KeyErrors.invalidKeyType("public", "secret");
        }
        return JavaKeys.toPublic(data);
    }

    /** This private key as a {@link java.security.PrivateKey} (by its PKCS#8 encoding). */
    public java.security.PrivateKey toPrivateKey() {
        if (data == null || !data.isPrivate()) {
            throw KeyErrors.invalidKeyType("private", type());
        }
        return JavaKeys.toPrivate(data);
    }

    /** This private key and its public half as a {@link java.security.KeyPair}. */
    public java.security.KeyPair toKeyPair() {
        return new java.security.KeyPair(toPublicKey(), toPrivateKey());
    }

    /** This secret key as a {@link javax.crypto.SecretKey} for {@code algorithm} ({@code "AES"}, {@code "HmacSHA256"}…). */
    public javax.crypto.SecretKey toSecretKey(String algorithm) {
        if (secret == null) {
            throw KeyErrors.invalidKeyType("secret", type());
        }
        return new javax.crypto.spec.SecretKeySpec(secret, algorithm);
    }

    /** Node's class names: {@code SecretKeyObject}, {@code PublicKeyObject}, {@code PrivateKeyObject}. */
    @Override
    public String toString() {
        String t = type();
        return Character.toUpperCase(t.charAt(0)) + t.substring(1) + "KeyObject";
    }
}
