package dev.nodeshim.crypto;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An RFC 8410 key: ed25519, ed448 (RFC 8032 signatures), x25519, x448 (RFC 7748 key agreement). The
 * raw public key and, for a private key, the raw private key (the seed for EdDSA). The public key is
 * derived with BouncyCastle's RFC 8032 / 7748 code.
 */
final class OkpKey extends KeyData {
    enum Kind {
        ED25519("ed25519", "Ed25519", Oids.ED25519, 32, 32),
        ED448("ed448", "Ed448", Oids.ED448, 57, 57),
        X25519("x25519", "X25519", Oids.X25519, 32, 32),
        X448("x448", "X448", Oids.X448, 56, 56);

        final String type;
        final String crv;
        final String oid;
        final int privateSize;
        final int publicSize;

        Kind(String type, String crv, String oid, int privateSize, int publicSize) {
            this.type = type;
            this.crv = crv;
            this.oid = oid;
            this.privateSize = privateSize;
            this.publicSize = publicSize;
        }

        static Kind byOid(String oid) {
            for (Kind k : values()) {
                if (k.oid.equals(oid)) {
                    return k;
                }
            }
            return null;
        }

        static Kind byType(String type) {
            for (Kind k : values()) {
                if (k.type.equals(type)) {
                    return k;
                }
            }
            return null;
        }

        static Kind byCrv(String crv) {
            for (Kind k : values()) {
                if (k.crv.equals(crv)) {
                    return k;
                }
            }
            return null;
        }

        /** The public key of a private key. */
        byte[] publicOf(byte[] priv) {
            byte[] pub = new byte[publicSize];
            switch (this) {
                case ED25519 -> org.bouncycastle.math.ec.rfc8032.Ed25519.generatePublicKey(priv, 0, pub, 0);
                case ED448 -> org.bouncycastle.math.ec.rfc8032.Ed448.generatePublicKey(priv, 0, pub, 0);
                case X25519 -> org.bouncycastle.math.ec.rfc7748.X25519.scalarMultBase(priv, 0, pub, 0);
                case X448 -> org.bouncycastle.math.ec.rfc7748.X448.scalarMultBase(priv, 0, pub, 0);
                default -> throw new IllegalStateException();
            }
            return pub;
        }
    }

    final Kind kind;
    final byte[] pub;
    final byte[] priv;

    OkpKey(Kind kind, byte[] pub, byte[] priv) {
        this.kind = kind;
        this.pub = pub;
        this.priv = priv;
    }

    static OkpKey ofPrivate(Kind kind, byte[] priv) {
        return new OkpKey(kind, kind.publicOf(priv), priv);
    }

    @Override
    String type() {
        return kind.type;
    }

    @Override
    boolean isPrivate() {
        return priv != null;
    }

    @Override
    KeyData publicPart() {
        return isPrivate() ? new OkpKey(kind, pub, null) : this;
    }

    @Override
    byte[] spki() {
        return spki(algorithm(kind.oid, null), pub);
    }

    @Override
    byte[] pkcs8() {
        return pkcs8(algorithm(kind.oid, null), Der.octets(priv));
    }

    @Override
    AsymmetricKeyDetails details() {
        return AsymmetricKeyDetails.NONE;
    }

    @Override
    Map<String, Object> jwk() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("crv", kind.crv);
        if (isPrivate()) {
            m.put("d", Jwk.b64(priv));
        }
        m.put("x", Jwk.b64(pub));
        m.put("kty", "OKP");
        return m;
    }
}
