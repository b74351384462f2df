package dev.nodeshim.crypto;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;

/**
 * Java interop for {@link KeyObject}: to and from {@code java.security} keys through their standard
 * encodings (PKCS#8 for private keys, X.509 SubjectPublicKeyInfo for public ones). The JDK's
 * {@link KeyFactory} makes the Java key where the JDK has the algorithm; secp256k1, which the JDK
 * dropped, gets BouncyCastle's (the module's private provider instance), as do the other curves SunEC
 * lacks and keys with explicit parameters (BouncyCastle may write those back named).
 */
final class JavaKeys {
    private JavaKeys() {
    }

    static KeyObject from(Key key) {
        if (key == null) {
            throw dev.nodeshim.errors.Errors.invalidArgType("key", "Key", null);
        }
        byte[] encoded = key.getEncoded();
        if (encoded == null) {
            throw new IllegalArgumentException("a " + key.getAlgorithm() + " key with no encoding (a hardware key?)");
        }
        if (key instanceof javax.crypto.SecretKey) {
            return KeyObject.secret(encoded);
        }
        try {
            if (key instanceof PublicKey) {
                return KeyObject.of(KeyCodec.spki(encoded));
            }
            return KeyObject.of(KeyCodec.pkcs8(encoded));
        } catch (Der.Malformed e) {
            throw new IllegalArgumentException("not a key encoding nodeshim reads: " + key.getAlgorithm(), e);
        }
    }

    private static KeyFactory factory(KeyData k) throws GeneralSecurityException {
        if (k instanceof EcKey e && (e.curve.jca == null || e.explicit != null)) {
            return KeyFactory.getInstance("EC", BouncyCastle.provider());
        }
        String alg = switch (k.type()) {
            case "rsa" -> "RSA";
            case "rsa-pss" -> "RSASSA-PSS";
            case "dsa" -> "DSA";
            case "ec" -> "EC";
            case "ed25519" -> "Ed25519";
            case "ed448" -> "Ed448";
            case "x25519" -> "X25519";
            case "x448" -> "X448";
            case "dh" -> "DH";
            default -> throw new IllegalStateException(k.type());
        };
        return KeyFactory.getInstance(alg);
    }

    /**
     * The key as the JVM's factory can read it: an EC key on a curve BouncyCastle has no name for (the
     * WTLS curves, SM2, c2pnb176v1, the Oakley ones) goes with its explicit parameters.
     */
    private static KeyData forJava(KeyData k) {
        if (k instanceof EcKey e && e.explicit == null && e.curve.jca == null && !e.curve.bouncyCastleNames()) {
            return new EcKey(e.curve, e.point, e.d, e.curve.explicitParameters());
        }
        return k;
    }

    static PublicKey toPublic(KeyData k) {
        KeyData pub = forJava(k.publicPart());
        try {
            return factory(pub).generatePublic(new X509EncodedKeySpec(pub.spki()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JVM cannot make a " + k.type() + " public key: " + e.getMessage(), e);
        }
    }

    static PrivateKey toPrivate(KeyData k) {
        try {
            KeyData key = forJava(k);
            return factory(key).generatePrivate(new PKCS8EncodedKeySpec(key.pkcs8()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JVM cannot make a " + k.type() + " private key: " + e.getMessage(), e);
        }
    }
}
