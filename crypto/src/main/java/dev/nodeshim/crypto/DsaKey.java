package dev.nodeshim.crypto;

import java.math.BigInteger;

/** A DSA key (FIPS 186): domain parameters p, q, g; public y; private x. JWK cannot express it. */
final class DsaKey extends KeyData {
    final BigInteger p;
    final BigInteger q;
    final BigInteger g;
    final BigInteger y;
    final BigInteger x;

    DsaKey(BigInteger p, BigInteger q, BigInteger g, BigInteger y, BigInteger x) {
        this.p = p;
        this.q = q;
        this.g = g;
        this.y = y;
        this.x = x;
    }

    @Override
    String type() {
        return "dsa";
    }

    @Override
    boolean isPrivate() {
        return x != null;
    }

    @Override
    KeyData publicPart() {
        return isPrivate() ? new DsaKey(p, q, g, y, null) : this;
    }

    private byte[] algorithm() {
        return algorithm(Oids.DSA, Der.seq(Der.integer(p), Der.integer(q), Der.integer(g)));
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
        return new AsymmetricKeyDetails(p.bitLength(), null, null, null, null, q.bitLength(), null);
    }

    static BigInteger[] parseParams(Der.Tlv params) throws Der.Malformed {
        Der.Reader r = params.reader();
        BigInteger[] pqg = {r.next().integer(), r.next().integer(), r.next().integer()};
        r.end();
        return pqg;
    }
}
