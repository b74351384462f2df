package dev.nodeshim.crypto;

import dev.nodeshim.buffer.Buffer;
import dev.nodeshim.errors.Errors;
import dev.nodeshim.errors.NodeError;
import java.math.BigInteger;
import org.bouncycastle.math.ec.ECPoint;

/**
 * {@code crypto.diffieHellman({privateKey, publicKey})}: the shared secret of two {@link KeyObject}s
 * of one type — dh (PKCS #3 over the keys' common group), ec (the x-coordinate of {@code d·Q}, ECDH
 * of SEC 1), x25519 and x448 (RFC 7748).
 *
 * <h2>Guarantees</h2>
 * The secret is Node's bytes: a dh secret is left-padded to the prime's length, an ec secret to the
 * field's, an X25519/X448 secret is 32/56 bytes. What Node refuses is refused with its error, in its
 * order: an option that is not a KeyObject, a private key that is not private, a secret public key,
 * keys of different types (or of a type that cannot agree), keys on different groups or curves; then
 * OpenSSL's checks of the peer and of the result: a dh peer value outside {@code 2 … p-2}, or, on a
 * MODP group OpenSSL knows by name, outside the prime-order subgroup; a dh secret of 1 or
 * {@code p-1}; an all-zero X25519/X448 result (a small-order peer point).
 *
 * <p>No key is checked further than that (an ec point was checked against its curve when the key was
 * read). Derive keys from the secret with a KDF ({@code hkdf}), never use it as a key directly.
 */
final class KeyAgreement {
    private KeyAgreement() {
    }

    static Buffer derive(DiffieHellmanOptions options) {
        if (options == null) {
            throw dev.nodeshim.errors.Errors.invalidArgType("options", "object", dev.nodeshim.errors.Undefined.INSTANCE);
        }
        if (!(options.privateKey instanceof KeyObject priv)) {
            throw invalidOption("options.privateKey", options.privateKey);
        }
        if (!(options.publicKey instanceof KeyObject pub)) {
            throw invalidOption("options.publicKey", options.publicKey);
        }
        if (!priv.type().equals("private")) {
            throw KeyErrors.invalidKeyType("private", priv.type());
        }
        if (pub.type().equals("secret")) {
            throw KeyErrors.invalidKeyType("private or public", "secret");
        }
        KeyData a = priv.data();
        KeyData b = pub.data();
        String ta = a.type();
        String tb = b.type();
        if (!ta.equals(tb) || !(a instanceof DhKey || a instanceof EcKey
                || (a instanceof OkpKey k && (k.kind == OkpKey.Kind.X25519 || k.kind == OkpKey.Kind.X448)))) {
            throw new NodeError("Error", "ERR_CRYPTO_INCOMPATIBLE_KEY",
                    "Incompatible key types for Diffie-Hellman: " + ta + " and " + tb);
        }
        if (a instanceof DhKey d) {
            return Buffer.wrap(dh(d, (DhKey) b));
        }
        if (a instanceof EcKey e) {
            return Buffer.wrap(ec(e, (EcKey) b));
        }
        return Buffer.wrap(x(((OkpKey) a), (OkpKey) b));
    }

    /** {@code The property 'options.privateKey' is invalid. Received …}, the value inspected as Node does. */
    private static NodeError invalidOption(String name, Object value) {
        return Errors.invalidArgValue(name, value);
    }

    private static NodeError mismatch() {
        return CryptoErrors.openssl("ERR_OSSL_MISMATCHING_DOMAIN_PARAMETERS", "1C8000CB", "Provider routines",
                "mismatching domain parameters");
    }

    private static NodeError dhError(String code, String hex, String reason) {
        return CryptoErrors.openssl(code, hex, "Diffie-Hellman routines", reason);
    }

    static byte[] dh(DhKey mine, DhKey peer) {
        if (!mine.sameGroup(peer)) {
            throw mismatch();
        }
        BigInteger p = mine.p;
        BigInteger pMinus1 = p.subtract(BigInteger.ONE);
        BigInteger y = peer.y;
        if (y.compareTo(BigInteger.ONE) <= 0) {
            throw dhError("ERR_OSSL_DH_CHECK_PUBKEY_TOO_SMALL", "0280007C", "check pubkey too small");
        }
        if (y.compareTo(pMinus1) >= 0) {
            throw dhError("ERR_OSSL_DH_CHECK_PUBKEY_TOO_LARGE", "0280007B", "check pubkey too large");
        }
        // On a group OpenSSL knows by name, q = (p-1)/2 is known and the peer must lie in its subgroup:
        // y^q = 1 (mod p). p is a safe prime there, so that is y being a square mod p, which the
        // Jacobi symbol tells for a fraction of a 2047-bit modPow's cost (it was 85 % of the time).
        if (KeyGen.isNamedGroup(p, mine.g) && jacobi(y, p) != 1) {
            throw dhError("ERR_OSSL_DH_CHECK_PUBKEY_INVALID", "0280007A", "check pubkey invalid");
        }
        BigInteger z = y.modPow(mine.x.abs(), p);
        if (z.compareTo(BigInteger.ONE) <= 0 || z.equals(pMinus1)) {
            throw dhError("ERR_OSSL_DH_INVALID_SECRET", "02800080", "invalid secret");
        }
        return Der.unsigned(z, (p.bitLength() + 7) / 8);
    }

    /**
     * The Jacobi symbol (a/n) for an odd positive n: by quadratic reciprocity, pulling out factors of
     * two ((2/n) = -1 exactly when n ≡ 3 or 5 mod 8) and swapping (a/n) = (n/a), with a sign change
     * when both are 3 mod 4. For a prime n it is the Legendre symbol: 1 for a nonzero square, -1 for a
     * non-square, 0 when n divides a.
     */
    static int jacobi(BigInteger a, BigInteger n) {
        a = a.mod(n);
        int t = 1;
        while (a.signum() != 0) {
            int zeros = a.getLowestSetBit();
            a = a.shiftRight(zeros);
            int n8 = n.intValue() & 7;
            if ((zeros & 1) == 1 && (n8 == 3 || n8 == 5)) {
                t = -t;
            }
            BigInteger swap = a;
            a = n;
            n = swap;
            if ((a.intValue() & 3) == 3 && (n.intValue() & 3) == 3) {
                t = -t;
            }
            a = a.mod(n);
        }
        return n.equals(BigInteger.ONE) ? t : 0;
    }

    static byte[] ec(EcKey mine, EcKey peer) {
        if (!mine.curve.sameAs(peer.curve)) {
            if ((mine.curve.openssl.equals(Curve.UNDEF) || peer.curve.openssl.equals(Curve.UNDEF))
                    && mine.curve.params().getCurve().equals(peer.curve.params().getCurve())) {
                // an unnamed group on the same curve equation: OpenSSL's parameter check lets it through and
                // the multiplication refuses the other group's point (observed with Node 20)
                throw CryptoErrors.openssl("ERR_OSSL_EC_INCOMPATIBLE_OBJECTS", "08000065", "elliptic curve routines",
                        "incompatible objects");
            }
            throw mismatch();
        }
        ECPoint q = peer.q().normalize();
        if (mine.curve.isP256()) {
            return P256.ecdh(Der.unsigned(mine.d, 32), q.getAffineXCoord().toBigInteger(),
                    q.getAffineYCoord().toBigInteger());
        }
        ECPoint s = q.multiply(mine.d).normalize();
        return Der.unsigned(s.getAffineXCoord().toBigInteger(), mine.curve.size);
    }

    static byte[] x(OkpKey mine, OkpKey peer) {
        byte[] out = new byte[mine.kind.publicSize];
        boolean ok = mine.kind == OkpKey.Kind.X25519
                ? org.bouncycastle.math.ec.rfc7748.X25519.calculateAgreement(mine.priv, 0, peer.pub, 0, out, 0)
                : org.bouncycastle.math.ec.rfc7748.X448.calculateAgreement(mine.priv, 0, peer.pub, 0, out, 0);
        if (!ok) {
            throw CryptoErrors.openssl("ERR_OSSL_FAILED_DURING_DERIVATION", "1C8000A4", "Provider routines",
                    "failed during derivation");
        }
        return out;
    }
}
