package dev.nodeshim.crypto;

import dev.nodeshim.buffer.Buffer;
import dev.nodeshim.errors.NodeError;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * What {@link DiffieHellman} and {@link DiffieHellmanGroup} share: the group ({@code p}, {@code g}),
 * the key pair, key generation, the secret and Node's errors for them.
 */
abstract class DhBase {
    /** OpenSSL's DH_check bits, as Node's {@code crypto.constants} name them. */
    static final int P_NOT_PRIME = 0x01;
    static final int P_NOT_SAFE_PRIME = 0x02;
    static final int NOT_SUITABLE_GENERATOR = 0x08;
    static final int MODULUS_TOO_SMALL = 0x80;
    static final int MODULUS_TOO_LARGE = 0x100;
    /** OpenSSL 3's bounds on the modulus of a DH operation, in bits. */
    static final int MIN_BITS = 512;
    static final int MAX_BITS = 10_000;

    private static final SecureRandom RANDOM = new SecureRandom();

    final BigInteger p;
    final BigInteger g;
    private int verifyError;
    BigInteger x;
    BigInteger y;

    /** @param verifyError the check's result when known (the MODP groups), else -1: computed when asked */
    DhBase(BigInteger p, BigInteger g, int verifyError) {
        this.p = p;
        this.g = g;
        this.verifyError = verifyError;
    }

    /**
     * {@code dh.verifyError}: the bits of OpenSSL's parameter check (0 when p is a safe prime of
     * 512 to 10,000 bits and {@code 1 < g < p-1}); see the class Javadoc of {@link DiffieHellman}.
     */
    public int verifyError() {
        if (verifyError < 0) {
            verifyError = check(p, g);
        }
        return verifyError;
    }

    static int check(BigInteger p, BigInteger g) {
        int r = 0;
        int bits = p.bitLength();
        if (bits < MIN_BITS) {
            r |= MODULUS_TOO_SMALL;
        }
        if (bits > MAX_BITS) {
            r |= MODULUS_TOO_LARGE;
        }
        if (g.compareTo(p.subtract(BigInteger.ONE)) >= 0) {
            r |= NOT_SUITABLE_GENERATOR;
        }
        // An even p is "not prime" even when it is 2; then (p-1)/2 is tested like an odd prime's.
        if (!p.testBit(0)) {
            r |= P_NOT_PRIME;
        }
        if (!p.isProbablePrime(64)) {
            r |= P_NOT_PRIME;
        } else if (!p.shiftRight(1).isProbablePrime(64)) {
            r |= P_NOT_SAFE_PRIME;
        }
        return r;
    }

    /**
     * {@code dh.generateKeys()}: computes the public key {@code g^x mod p} from the private key, making
     * a random private key first when there is none; returns the public key.
     *
     * @throws NodeError {@code ERR_OSSL_DH_MODULUS_TOO_SMALL} below 512 bits,
     *         {@code ERR_OSSL_DH_MODULUS_TOO_LARGE} above 10,000
     */
    public Buffer generateKeys() {
        checkModulus(p.bitLength());
        if (x == null) {
            BigInteger k;
            do {
                k = new BigInteger(p.bitLength() - 1, RANDOM);
            } while (k.signum() == 0);
            x = k;
        }
        y = g.modPow(x, p);
        return Buffer.wrap(minimal(y));
    }

    /** {@code dh.generateKeys(encoding)}. */
    public String generateKeys(String encoding) {
        var e = Bytes.outputEncoding(encoding);
        return Bytes.encode(generateKeys().toByteArray(), e);
    }

    static void checkModulus(int bits) {
        if (bits < MIN_BITS) {
            throw CryptoErrors.openssl("ERR_OSSL_DH_MODULUS_TOO_SMALL", "0280007E", "Diffie-Hellman routines",
                    "modulus too small");
        }
        if (bits > MAX_BITS) {
            throw CryptoErrors.openssl("ERR_OSSL_DH_MODULUS_TOO_LARGE", "02800067", "Diffie-Hellman routines",
                    "modulus too large");
        }
    }

    /**
     * {@code dh.computeSecret(otherPublicKey)}: {@code y^x mod p}, left-padded to the prime's length.
     *
     * @throws NodeError {@code ERR_CRYPTO_INVALID_KEYLEN} ({@code Supplied key is too small} for a peer
     *         key ≤ 1, {@code Supplied key is too large} for one ≥ p-1) or {@code ERR_CRYPTO_INVALID_KEYTYPE}
     *         ({@code Invalid key type}: no private key, or a secret of 0, 1 or p-1)
     */
    public Buffer computeSecret(Object otherPublicKey) {
        return computeSecret(otherPublicKey, null);
    }

    /** {@code dh.computeSecret(otherPublicKey, inputEncoding)}. */
    public Buffer computeSecret(Object otherPublicKey, String inputEncoding) {
        BigInteger peer = new BigInteger(1, ECDH.keyBytes(otherPublicKey, inputEncoding, "key"));
        int size = (p.bitLength() + 7) / 8;
        if (p.bitLength() < MIN_BITS) {
            // Node gives a zero-filled buffer of the prime's size when OpenSSL refuses the small modulus.
            return Buffer.alloc(size);
        }
        BigInteger z = x == null || p.bitLength() > MAX_BITS ? null : peer.modPow(x, p);
        BigInteger pMinus1 = p.subtract(BigInteger.ONE);
        if (z == null || z.compareTo(BigInteger.ONE) <= 0 || z.equals(pMinus1)) {
            if (peer.compareTo(BigInteger.ONE) <= 0) {
                throw new NodeError("RangeError", "ERR_CRYPTO_INVALID_KEYLEN", "Supplied key is too small");
            }
            if (peer.compareTo(pMinus1) >= 0) {
                throw new NodeError("RangeError", "ERR_CRYPTO_INVALID_KEYLEN", "Supplied key is too large");
            }
            throw new NodeError("RangeError", "ERR_CRYPTO_INVALID_KEYTYPE", "Invalid key type");
        }
        return Buffer.wrap(Der.unsigned(z, size));
    }

    /** {@code dh.computeSecret(otherPublicKey, inputEncoding, outputEncoding)}. */
    public String computeSecret(Object otherPublicKey, String inputEncoding, String outputEncoding) {
        var e = Bytes.outputEncoding(outputEncoding);
        return Bytes.encode(computeSecret(otherPublicKey, inputEncoding).toByteArray(), e);
    }

    /** {@code dh.getPrime()}: p without leading zeros. */
    public Buffer getPrime() {
        return Buffer.wrap(minimal(p));
    }

    /** {@code dh.getPrime(encoding)}. */
    public String getPrime(String encoding) {
        return Bytes.encode(minimal(p), Bytes.outputEncoding(encoding));
    }

    /** {@code dh.getGenerator()}: g without leading zeros. */
    public Buffer getGenerator() {
        return Buffer.wrap(minimal(g));
    }

    /** {@code dh.getGenerator(encoding)}. */
    public String getGenerator(String encoding) {
        return Bytes.encode(minimal(g), Bytes.outputEncoding(encoding));
    }

    /**
     * {@code dh.getPublicKey()}.
     *
     * @throws NodeError {@code ERR_CRYPTO_INVALID_STATE} ({@code No public key - did you forget to generate one?})
     */
    public Buffer getPublicKey() {
        if (y == null) {
            throw new NodeError("Error", "ERR_CRYPTO_INVALID_STATE", "No public key - did you forget to generate one?");
        }
        return Buffer.wrap(minimal(y));
    }

    /** {@code dh.getPublicKey(encoding)}. */
    public String getPublicKey(String encoding) {
        var e = Bytes.outputEncoding(encoding);
        return Bytes.encode(getPublicKey().toByteArray(), e);
    }

    /**
     * {@code dh.getPrivateKey()}.
     *
     * @throws NodeError {@code ERR_CRYPTO_INVALID_STATE} ({@code No private key - did you forget to generate one?})
     */
    public Buffer getPrivateKey() {
        if (x == null) {
            throw new NodeError("Error", "ERR_CRYPTO_INVALID_STATE", "No private key - did you forget to generate one?");
        }
        return Buffer.wrap(minimal(x));
    }

    /** {@code dh.getPrivateKey(encoding)}. */
    public String getPrivateKey(String encoding) {
        var e = Bytes.outputEncoding(encoding);
        return Bytes.encode(getPrivateKey().toByteArray(), e);
    }

    /** Big-endian without leading zeros; zero is no bytes at all (OpenSSL's BN_bn2bin). */
    static byte[] minimal(BigInteger v) {
        if (v.signum() == 0) {
            return Bytes.EMPTY;
        }
        byte[] b = v.toByteArray();
        return b[0] == 0 ? Arrays.copyOfRange(b, 1, b.length) : b;
    }
}
