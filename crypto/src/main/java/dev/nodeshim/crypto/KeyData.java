package dev.nodeshim.crypto;

import java.util.Map;

/**
 * The material of an asymmetric key, one subclass per family ({@link RsaKey}, {@link DsaKey},
 * {@link EcKey}, {@link OkpKey}, {@link DhKey}): what {@link KeyObject} shows (type, details) and the encodings it
 * exports, each built from the key's numbers in the exact bytes OpenSSL 3 writes, so that an export
 * equals Node's byte for byte.
 *
 * <p>Immutable; a private key holds its public half too (OpenSSL's keys do).
 */
abstract class KeyData {
    /** Node's {@code asymmetricKeyType}: rsa, rsa-pss, dsa, ec, ed25519, ed448, x25519, x448, dh. */
    abstract String type();

    abstract boolean isPrivate();

    /** The public half (this, for a public key). */
    abstract KeyData publicPart();

    /** SubjectPublicKeyInfo (RFC 5280), as {@code type: 'spki'} exports it. */
    abstract byte[] spki();

    /** PrivateKeyInfo (RFC 5208), as {@code type: 'pkcs8'} exports it; private keys only. */
    abstract byte[] pkcs8();

    abstract AsymmetricKeyDetails details();

    /** The JWK members in Node's order; Node's error for a family JWK cannot express. */
    Map<String, Object> jwk() {
        throw KeyErrors.jwkUnsupportedKeyType();
    }

    /** Whether the two keys are the same key: same family, numbers and parameters. */
    boolean sameKey(KeyData other) {
        if (!type().equals(other.type()) || isPrivate() != other.isPrivate()) {
            return false;
        }
        return java.util.Arrays.equals(isPrivate() ? pkcs8() : spki(), isPrivate() ? other.pkcs8() : other.spki());
    }

    /** AlgorithmIdentifier with the given OID and parameters (already DER). */
    static byte[] algorithm(String oid, byte[] params) {
        return params == null ? Der.seq(Der.oid(oid)) : Der.seq(Der.oid(oid), params);
    }

    static byte[] spki(byte[] algorithm, byte[] publicKey) {
        return Der.seq(algorithm, Der.bits(publicKey));
    }

    static byte[] pkcs8(byte[] algorithm, byte[] privateKey) {
        return Der.seq(Der.integer(0), algorithm, Der.octets(privateKey));
    }
}
