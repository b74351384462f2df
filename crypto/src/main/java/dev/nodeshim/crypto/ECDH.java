package dev.nodeshim.crypto;

import dev.nodeshim.buffer.Buffer;
import dev.nodeshim.errors.Errors;
import dev.nodeshim.errors.NodeError;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/**
 * Node's {@code ECDH}: elliptic-curve Diffie-Hellman on one of the curves of
 * {@link Crypto#getCurves()}.
 *
 * <pre>{@code
 * ECDH alice = createECDH("prime256v1");
 * Buffer alicePub = alice.generateKeys();
 * Buffer secret = alice.computeSecret(bobPub);      // the x coordinate of d·Q, field-sized
 * }</pre>
 *
 * <h2>Guarantees</h2>
 * <ul>
 * <li>The same private key and peer public key give the same secret as Node 20 with OpenSSL 3, on
 *     every curve: the x coordinate of {@code d·Q}, left-padded to the field's size.</li>
 * <li>A peer key is accepted exactly when OpenSSL accepts it: a point on the curve, in uncompressed
 *     ({@code 04}), compressed ({@code 02}/{@code 03}) or hybrid ({@code 06}/{@code 07}) form. As in
 *     OpenSSL, a point outside the prime-order subgroup (possible on curves with a cofactor) is not
 *     refused: use a prime-order curve, or validate, when small-subgroup attacks matter.</li>
 * <li>The secret is raw shared x; derive keys from it with a KDF ({@code hkdfSync}), never use it as
 *     a key directly.</li>
 * <li>Private keys come from the JDK's {@link SecureRandom}, uniform in {@code [1, n-1]}.</li>
 * </ul>
 * Not thread-safe (Node's objects are loop-confined).
 *
 * <p>Java divergence: methods that take an output encoding return a String, so {@code "buffer"} is
 * {@code ERR_UNKNOWN_ENCODING} for them; for Node's {@code getPublicKey(null, 'compressed')} call
 * {@link #getPublicKey(Format)}.
 */
public final class ECDH {
    /** The point formats of {@code getPublicKey}, {@code generateKeys} and {@code convertKey}. */
    public enum Format {
        COMPRESSED, UNCOMPRESSED, HYBRID;

        static Format of(String name) {
            if (name == null) {
                return UNCOMPRESSED;
            }
            switch (name) {
                case "compressed":
                    return COMPRESSED;
                case "uncompressed":
                    return UNCOMPRESSED;
                case "hybrid":
                    return HYBRID;
                default:
                    throw new NodeError("TypeError", "ERR_CRYPTO_ECDH_INVALID_FORMAT", "Invalid ECDH format: " + name);
            }
        }
    }

    static final List<String> KEY_TYPES = List.of("string", "ArrayBuffer", "Buffer", "TypedArray", "DataView");
    private static final SecureRandom RANDOM = new SecureRandom();
    /** d·G with a precomputed table per base point (BouncyCastle keeps it on the point's curve). */
    private static final FixedPointCombMultiplier COMB = new FixedPointCombMultiplier();

    private final EcdhCurves.Params curve;
    private BigInteger privateKey;
    /** The public point; null before any key is set. */
    private ECPoint publicKey;
    /** Whether the public key is known to be d·G (set from the private key, or checked once). */
    private boolean pairChecked;

    private ECDH(EcdhCurves.Params curve) {
        this.curve = curve;
    }

    /** {@code crypto.createECDH(curveName)}. */
    static ECDH create(String curveName) {
        return new ECDH(curve(curveName));
    }

    private static EcdhCurves.Params curve(String name) {
        if (name == null) {
            throw Errors.invalidArgType("curve", "string", null);
        }
        EcdhCurves.Params p = EcdhCurves.get(name);
        if (p == null) {
            throw new NodeError("TypeError", "ERR_CRYPTO_INVALID_CURVE", "Invalid EC curve name");
        }
        return p;
    }

    // ------------------------------------------------------------------------------------------------
    // generateKeys

    /** {@code ecdh.generateKeys()}: a new key pair; returns the public key, uncompressed. */
    public Buffer generateKeys() {
        return generateKeys(Format.UNCOMPRESSED);
    }

    /** {@code ecdh.generateKeys(undefined, format)}: a new key pair; the public key in {@code format}. */
    public Buffer generateKeys(Format format) {
        BigInteger n = curve.order();
        BigInteger d;
        do {
            d = new BigInteger(n.bitLength(), RANDOM);
        } while (d.signum() == 0 || d.compareTo(n) >= 0);
        setPrivate(d);
        return getPublicKey(format);
    }

    /** {@code ecdh.generateKeys(encoding)}. */
    public String generateKeys(String encoding) {
        return generateKeys(encoding, null);
    }

    /**
     * {@code ecdh.generateKeys(encoding, format)}: the public key as a string.
     *
     * @throws NodeError {@code ERR_CRYPTO_ECDH_INVALID_FORMAT}; {@code ERR_UNKNOWN_ENCODING}
     */
    public String generateKeys(String encoding, String format) {
        Format f = Format.of(format);
        var e = Bytes.outputEncoding(encoding);
        return Bytes.encode(generateKeys(f).toByteArray(), e);
    }

    // ------------------------------------------------------------------------------------------------
    // computeSecret

    /**
     * {@code ecdh.computeSecret(otherPublicKey)}: a Buffer, {@code byte[]} or string (utf8).
     *
     * @throws NodeError {@code ERR_CRYPTO_INVALID_KEYPAIR} ({@code Invalid key pair}) when this ECDH
     *         has no keys or its public key does not belong to its private key;
     *         {@code ERR_CRYPTO_ECDH_INVALID_PUBLIC_KEY} for a key that is no point on the curve;
     *         {@code ERR_CRYPTO_OPERATION_FAILED} ({@code Failed to compute ECDH key}) when there is
     *         no private key or the result is the point at infinity
     */
    public Buffer computeSecret(Object otherPublicKey) {
        return computeSecret(otherPublicKey, null);
    }

    /** {@code ecdh.computeSecret(otherPublicKey, inputEncoding)}: the encoding applies to a string key. */
    public Buffer computeSecret(Object otherPublicKey, String inputEncoding) {
        byte[] peer = keyBytes(otherPublicKey, inputEncoding, "key");
        if (!keyPairValid()) {
            throw new NodeError("RangeError", "ERR_CRYPTO_INVALID_KEYPAIR", "Invalid key pair");
        }
        ECPoint q = decode(curve, peer);
        if (q == null) {
            throw new NodeError("Error", "ERR_CRYPTO_ECDH_INVALID_PUBLIC_KEY",
                    "Public key is not valid for specified curve");
        }
        if (privateKey == null || q.isInfinity()) {
            throw failed("Failed to compute ECDH key");
        }
        if (isP256()) {
            // every finite point of P-256 has order n, so d·Q is never infinity
            ECPoint a = q.normalize();
            return Buffer.wrap(P256.ecdh(Der.unsigned(privateKey, 32), a.getAffineXCoord().toBigInteger(),
                    a.getAffineYCoord().toBigInteger()));
        }
        ECPoint s = q.multiply(privateKey).normalize();
        if (s.isInfinity()) {
            throw failed("Failed to compute ECDH key");
        }
        return Buffer.wrap(Der.unsigned(s.getAffineXCoord().toBigInteger(), curve.fieldBytes()));
    }

    /** {@code ecdh.computeSecret(otherPublicKey, inputEncoding, outputEncoding)}: the secret as a string. */
    public String computeSecret(Object otherPublicKey, String inputEncoding, String outputEncoding) {
        var e = Bytes.outputEncoding(outputEncoding);
        return Bytes.encode(computeSecret(otherPublicKey, inputEncoding).toByteArray(), e);
    }

    // ------------------------------------------------------------------------------------------------
    // Keys

    /**
     * {@code ecdh.getPrivateKey()}: the private scalar, big-endian without leading zeros (as Node's).
     *
     * @throws NodeError {@code ERR_CRYPTO_OPERATION_FAILED} ({@code Failed to get ECDH private key})
     */
    public Buffer getPrivateKey() {
        if (privateKey == null) {
            throw failed("Failed to get ECDH private key");
        }
        byte[] b = privateKey.toByteArray();
        return Buffer.wrap(b[0] == 0 ? Arrays.copyOfRange(b, 1, b.length) : b);
    }

    /** {@code ecdh.getPrivateKey(encoding)}. */
    public String getPrivateKey(String encoding) {
        var e = Bytes.outputEncoding(encoding);
        return Bytes.encode(getPrivateKey().toByteArray(), e);
    }

    /** {@code ecdh.getPublicKey()}: uncompressed ({@code 04 x y}). */
    public Buffer getPublicKey() {
        return getPublicKey(Format.UNCOMPRESSED);
    }

    /**
     * {@code ecdh.getPublicKey(null, format)}.
     *
     * @throws NodeError {@code ERR_CRYPTO_OPERATION_FAILED} ({@code Failed to get ECDH public key})
     */
    public Buffer getPublicKey(Format format) {
        if (publicKey == null) {
            throw failed("Failed to get ECDH public key");
        }
        return Buffer.wrap(encode(publicKey, format));
    }

    /** {@code ecdh.getPublicKey(encoding)}. */
    public String getPublicKey(String encoding) {
        return getPublicKey(encoding, null);
    }

    /** {@code ecdh.getPublicKey(encoding, format)}; format is compressed, uncompressed or hybrid. */
    public String getPublicKey(String encoding, String format) {
        Format f = Format.of(format);
        var e = Bytes.outputEncoding(encoding);
        return Bytes.encode(getPublicKey(f).toByteArray(), e);
    }

    /**
     * {@code ecdh.setPrivateKey(privateKey)}: sets the private key and derives the public key from it.
     *
     * @throws NodeError {@code ERR_CRYPTO_INVALID_KEYTYPE} ({@code Private key is not valid for
     *         specified curve.}) unless {@code 1 <= d < n}
     */
    public ECDH setPrivateKey(Object privateKey) {
        return setPrivateKey(privateKey, null);
    }

    /** {@code ecdh.setPrivateKey(privateKey, encoding)}: the encoding applies to a string key. */
    public ECDH setPrivateKey(Object privateKey, String encoding) {
        byte[] b = keyBytes(privateKey, encoding, "key");
        BigInteger d = new BigInteger(1, b);
        if (d.signum() == 0 || d.compareTo(curve.order()) >= 0) {
            throw new NodeError("RangeError", "ERR_CRYPTO_INVALID_KEYTYPE",
                    "Private key is not valid for specified curve.");
        }
        setPrivate(d);
        return this;
    }

    /**
     * {@code ecdh.setPublicKey(publicKey[, encoding])}: deprecated in Node (DEP0031), kept for
     * porting: it replaces the public key only, so a later {@code computeSecret} fails with
     * {@code Invalid key pair} unless it matches the private key.
     *
     * @throws NodeError {@code ERR_CRYPTO_OPERATION_FAILED} ({@code Failed to convert Buffer to
     *         EC_POINT}) for a key that is no point on the curve
     */
    @Deprecated
    public ECDH setPublicKey(Object publicKey, String encoding) {
        byte[] b = keyBytes(publicKey, encoding, "key");
        ECPoint q = decode(curve, b);
        if (q == null) {
            throw failed("Failed to convert Buffer to EC_POINT");
        }
        this.publicKey = q;
        pairChecked = false;
        return this;
    }

    /** {@code ecdh.setPublicKey(publicKey)}; see {@link #setPublicKey(Object, String)}. */
    @Deprecated
    public ECDH setPublicKey(Object publicKey) {
        return setPublicKey(publicKey, null);
    }

    /** Java addition: the curve's name as given to {@code createECDH}. */
    public String curve() {
        return curve.name();
    }

    // ------------------------------------------------------------------------------------------------
    // convertKey

    /** {@code ECDH.convertKey(key, curve)}: the point uncompressed. */
    public static Buffer convertKey(Object key, String curve) {
        return convertKey(key, curve, null, Format.UNCOMPRESSED);
    }

    /** {@code ECDH.convertKey(key, curve, inputEncoding, undefined, format)}: the point in {@code format}. */
    public static Buffer convertKey(Object key, String curve, String inputEncoding, Format format) {
        byte[] b = keyBytes(key, inputEncoding, "key");
        if (curve == null) {
            throw Errors.invalidArgType("curve", "string", null);
        }
        EcdhCurves.Params p = curve(curve);
        ECPoint q = decode(p, b);
        if (q == null) {
            throw failed("Failed to convert Buffer to EC_POINT");
        }
        return Buffer.wrap(encode(q, format));
    }

    /**
     * {@code ECDH.convertKey(key, curve, inputEncoding, outputEncoding[, format])}: converts a public
     * point between formats; returns it as a string.
     *
     * @throws NodeError {@code ERR_CRYPTO_ECDH_INVALID_FORMAT}, {@code ERR_CRYPTO_INVALID_CURVE},
     *         {@code ERR_CRYPTO_OPERATION_FAILED} ({@code Failed to convert Buffer to EC_POINT}),
     *         {@code ERR_UNKNOWN_ENCODING}
     */
    public static String convertKey(Object key, String curve, String inputEncoding, String outputEncoding,
            String format) {
        byte[] b = keyBytes(key, inputEncoding, "key");
        if (curve == null) {
            throw Errors.invalidArgType("curve", "string", null);
        }
        Format f = Format.of(format);
        EcdhCurves.Params p = curve(curve);
        ECPoint q = decode(p, b);
        if (q == null) {
            throw failed("Failed to convert Buffer to EC_POINT");
        }
        var e = Bytes.outputEncoding(outputEncoding);
        return Bytes.encode(encode(q, f), e);
    }

    /** {@code ECDH.convertKey(key, curve, inputEncoding, outputEncoding)}: uncompressed. */
    public static String convertKey(Object key, String curve, String inputEncoding, String outputEncoding) {
        return convertKey(key, curve, inputEncoding, outputEncoding, null);
    }

    // ------------------------------------------------------------------------------------------------

    private void setPrivate(BigInteger d) {
        privateKey = d;
        publicKey = isP256() ? curve.g().getCurve().decodePoint(P256.publicKey(Der.unsigned(d, 32)))
                : COMB.multiply(curve.g(), d).normalize();
        pairChecked = true;
    }

    /** prime256v1, whose multiplications are {@link P256}'s (a private key here is always in [1, n - 1]). */
    private boolean isP256() {
        return curve.name().equals("prime256v1");
    }

    /** OpenSSL's key-pair check: a public key that is a finite point, equal to d·G when d is set. */
    private boolean keyPairValid() {
        if (publicKey == null || publicKey.isInfinity()) {
            return false;
        }
        if (privateKey == null || pairChecked) {
            return true;
        }
        byte[] expected = isP256() ? P256.publicKey(Der.unsigned(privateKey, 32))
                : COMB.multiply(curve.g(), privateKey).normalize().getEncoded(false);
        pairChecked = Arrays.equals(expected, publicKey.getEncoded(false));
        return pairChecked;
    }

    /** A point in any of OpenSSL's encodings, checked to be on the curve (only), or null. */
    static ECPoint decode(EcdhCurves.Params curve, byte[] encoded) {
        if (encoded.length == 0) {
            return null;
        }
        try {
            int type = encoded[0] & 0xff;
            if (type == 0x06 || type == 0x07) {
                // Hybrid: the uncompressed point, whose y bit must be the one its compressed form
                // carries (on binary curves that is a bit of y/x, not of y, so BouncyCastle's own
                // hybrid check does not apply).
                byte[] plain = encoded.clone();
                plain[0] = 0x04;
                ECPoint q = curve.loose().decodePoint(plain).normalize();
                return (q.getEncoded(true)[0] & 1) == (type & 1) ? onCurve(curve, q) : null;
            }
            return onCurve(curve, curve.loose().decodePoint(encoded).normalize());
        } catch (IllegalArgumentException | ArithmeticException e) {
            return null;
        }
    }

    /**
     * On a curve of prime order every point of the curve is in the group, so a decoded point moves to
     * BouncyCastle's own curve class, whose arithmetic is specialised (P-256's is many times faster
     * than the generic one of the loose twin); on curves with a cofactor it stays where it was decoded.
     */
    private static ECPoint onCurve(EcdhCurves.Params curve, ECPoint q) {
        if (q == null || !BigInteger.ONE.equals(curve.x9().getH())) {
            return q;
        }
        ECCurve c = curve.x9().getCurve();
        if (q.isInfinity()) {
            return c.getInfinity();
        }
        return c.createPoint(q.getAffineXCoord().toBigInteger(), q.getAffineYCoord().toBigInteger());
    }

    private static byte[] encode(ECPoint q, Format format) {
        if (q.isInfinity()) {
            return new byte[] {0};
        }
        switch (format) {
            case COMPRESSED:
                return q.getEncoded(true);
            case HYBRID: {
                // 06 or 07: the uncompressed point with the compressed form's y bit.
                byte[] b = q.getEncoded(false);
                b[0] = (byte) (0x06 | (q.getEncoded(true)[0] & 1));
                return b;
            }
            default:
                return q.getEncoded(false);
        }
    }

    /** A key argument's bytes: a string in {@code encoding} (none, or {@code "buffer"}: utf8), bytes as they are. */
    static byte[] keyBytes(Object key, String encoding, String name) {
        if (key instanceof String s) {
            if (encoding == null || "buffer".equals(encoding)) {
                return Bytes.utf8(s);
            }
            return Buffer.from(s, encoding).toByteArray();
        }
        if (key instanceof byte[] b) {
            return b;
        }
        if (key instanceof Buffer b) {
            return b.toByteArray();
        }
        throw Errors.invalidArgType(name, KEY_TYPES, key);
    }

    private static NodeError failed(String message) {
        return new NodeError("Error", "ERR_CRYPTO_OPERATION_FAILED", message);
    }
}
