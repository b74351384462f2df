package dev.nodeshim.crypto;

import java.math.BigInteger;

/**
 * A finite-field Diffie-Hellman key as PKCS #3 describes it ({@code asymmetricKeyType 'dh'}, OID
 * dhKeyAgreement 1.2.840.113549.1.3.1): the group {@code p}, {@code g}, the optional
 * {@code privateValueLength} of the DHParameter, the public value {@code y = g^x mod p} and, for a
 * private key, {@code x}. JWK cannot express it.
 *
 * <p>What OpenSSL 3 takes when Node reads one (observed with Node 20): a public key's group is taken
 * as given (any p, any g, each read as an unsigned number); its y must be a minimal DER INTEGER (a
 * negative one is taken), else {@code decode error}. A private key needs an odd p of 512 to 10,000 bits (OpenSSL computes y from
 * x when it reads the key), else {@code DECODER routines::unsupported}. The checks of the peer's y
 * happen when a secret is derived ({@link KeyAgreement}).
 */
final class DhKey extends KeyData {
    final BigInteger p;
    final BigInteger g;
    /** The DHParameter's privateValueLength, or null when absent (kept so that exports give it back). */
    final BigInteger length;
    final BigInteger y;
    final BigInteger x;

    DhKey(BigInteger p, BigInteger g, BigInteger length, BigInteger y, BigInteger x) {
        this.p = p;
        this.g = g;
        this.length = length;
        this.y = y;
        this.x = x;
    }

    /**
     * The private key x on (p, g), with its public value computed. A negative x (a signed INTEGER, as
     * OpenSSL reads it) counts by its magnitude and is kept as given.
     */
    static DhKey ofPrivate(BigInteger p, BigInteger g, BigInteger length, BigInteger x) {
        return new DhKey(p, g, length, g.modPow(x.abs(), p), x);
    }

    @Override
    String type() {
        return "dh";
    }

    @Override
    boolean isPrivate() {
        return x != null;
    }

    @Override
    KeyData publicPart() {
        return isPrivate() ? new DhKey(p, g, length, y, null) : this;
    }

    private byte[] algorithm() {
        byte[] params = length == null ? Der.seq(Der.integer(p), Der.integer(g))
                : Der.seq(Der.integer(p), Der.integer(g), Der.integer(length));
        return algorithm(Oids.DH, params);
    }

    @Override
    byte[] spki() {
        return spki(algorithm(), Der.integer(y));
    }

    @Override
    byte[] pkcs8() {
        return pkcs8(algorithm(), Der.integer(x));
    }

    @Override
    AsymmetricKeyDetails details() {
        return AsymmetricKeyDetails.NONE;
    }

    /** The same group: OpenSSL compares p and g (a privateValueLength does not count). */
    boolean sameGroup(DhKey o) {
        return p.equals(o.p) && g.equals(o.g);
    }

    /** Node's equals: the group and y (and x for private keys), not the privateValueLength. */
    @Override
    boolean sameKey(KeyData other) {
        return other instanceof DhKey o && isPrivate() == o.isPrivate() && sameGroup(o) && y.equals(o.y)
                && (x == null || x.equals(o.x));
    }

    // ------------------------------------------------------------------------------------------------
    // Reading

    /**
     * The group of an AlgorithmIdentifier's parameters: SEQUENCE {p, g[, privateValueLength]}. OpenSSL
     * reads p and g as unsigned numbers (the bytes of a negative INTEGER are taken as a large positive
     * number, and written back so, with a leading zero: observed with Node 20), so they are read so
     * here; privateValueLength keeps its sign.
     *
     * @throws Der.Malformed for anything else
     */
    static BigInteger[] parseParams(Der.Tlv params) throws Der.Malformed {
        if (params == null || params.tag() != Der.SEQUENCE) {
            throw new Der.Malformed("dh params");
        }
        Der.Reader r = params.reader();
        BigInteger p = unsigned(r.next());
        BigInteger g = unsigned(r.next());
        BigInteger l = r.more() ? r.next().integer() : null; // this one is signed
        r.end();
        return new BigInteger[] {p, g, l};
    }

    private static BigInteger unsigned(Der.Tlv t) throws Der.Malformed {
        if (t.tag() != Der.INTEGER || t.length() == 0) {
            throw new Der.Malformed("integer");
        }
        return new BigInteger(1, t.content());
    }

    /** A SubjectPublicKeyInfo's DH key; OpenSSL's {@code decode error} for a malformed one. */
    static DhKey parsePublic(Der.Tlv params, byte[] key) {
        try {
            BigInteger[] pgl = parseParams(params);
            Der.Reader r = new Der.Reader(key);
            Der.Tlv t = r.next(Der.INTEGER);
            // the public value must be a minimal INTEGER (a negative one is kept as it is, as OpenSSL
            // keeps it); bytes after it are ignored
            byte[] c = t.content();
            if (c.length == 0 || (c.length > 1 && ((c[0] == 0 && c[1] >= 0) || (c[0] == -1 && c[1] < 0)))) {
                throw new Der.Malformed("dh public value");
            }
            return new DhKey(pgl[0], pgl[1], pgl[2], new BigInteger(c), null);
        } catch (Der.Malformed e) {
            throw KeyErrors.decodeError();
        }
    }

    /** A PrivateKeyInfo's DH key; OpenSSL's {@code unsupported} for one its decoder does not take. */
    static DhKey parsePrivate(Der.Tlv params, byte[] key) {
        try {
            BigInteger[] pgl = parseParams(params);
            BigInteger x = new Der.Reader(key).next().integer();
            BigInteger p = pgl[0];
            // y = g^x mod p is computed on reading: OpenSSL refuses the moduli it will not exponentiate
            // with (even, below 512 or above 10,000 bits)
            if (!p.testBit(0) || p.bitLength() < DhBase.MIN_BITS || p.bitLength() > DhBase.MAX_BITS) {
                throw new Der.Malformed("dh private key");
            }
            return ofPrivate(p, pgl[1], pgl[2], x);
        } catch (Der.Malformed e) {
            throw KeyErrors.decoderUnsupported();
        }
    }
}
