package dev.nodeshim.crypto;

import java.math.BigInteger;

/**
 * Node's {@code DiffieHellman}: finite-field Diffie-Hellman over a prime {@code p} and generator
 * {@code g}, from {@code crypto.createDiffieHellman(…)}.
 *
 * <pre>{@code
 * DiffieHellman alice = createDiffieHellman(2048);          // generates a safe prime: slow, as in Node
 * DiffieHellman bob = createDiffieHellman(alice.getPrime(), alice.getGenerator());
 * Buffer a = alice.generateKeys(), b = bob.generateKeys();
 * alice.computeSecret(b).equals(bob.computeSecret(a));       // true
 * }</pre>
 *
 * <h2>Guarantees</h2>
 * <ul>
 * <li>The same prime, generator and keys give the same public key ({@code g^x mod p}, without leading
 *     zeros) and the same secret ({@code y^x mod p}, left-padded to the prime's length) as Node 20
 *     with OpenSSL 3, and the same errors: a secret of 0, 1 or {@code p-1} is refused
 *     ({@code Supplied key is too small}/{@code too large} by the peer key, else {@code Invalid key type}).</li>
 * <li>{@link #verifyError()} has OpenSSL's {@code DH_check} bits: {@code DH_CHECK_P_NOT_PRIME} (1),
 *     {@code DH_CHECK_P_NOT_SAFE_PRIME} (2), {@code DH_NOT_SUITABLE_GENERATOR} (8, when {@code g >= p-1}),
 *     {@code DH_MODULUS_TOO_SMALL} (0x80, below 512 bits), {@code DH_MODULUS_TOO_LARGE} (0x100, above
 *     10,000 bits). Primality is tested with {@link BigInteger#isProbablePrime} (error below 2^-64).</li>
 * <li>No security below 2048 bits; a peer key is not checked to lie in the prime-order subgroup
 *     (as in OpenSSL without q): derive keys from the secret with a KDF.</li>
 * </ul>
 * Not thread-safe (Node's objects are loop-confined).
 */
public final class DiffieHellman extends DhBase {
    DiffieHellman(BigInteger prime, BigInteger generator) {
        super(prime, generator, -1);
    }

    /**
     * {@code dh.setPrivateKey(privateKey)}: any bytes (a string is utf8); the public key is not
     * recomputed until {@link #generateKeys()}, as in Node.
     */
    public DiffieHellman setPrivateKey(Object privateKey) {
        return setPrivateKey(privateKey, null);
    }

    /** {@code dh.setPrivateKey(privateKey, encoding)}: the encoding applies to a string key. */
    public DiffieHellman setPrivateKey(Object privateKey, String encoding) {
        x = new BigInteger(1, ECDH.keyBytes(privateKey, encoding, "key"));
        return this;
    }

    /** {@code dh.setPublicKey(publicKey)}: any bytes (a string is utf8). */
    public DiffieHellman setPublicKey(Object publicKey) {
        return setPublicKey(publicKey, null);
    }

    /** {@code dh.setPublicKey(publicKey, encoding)}. */
    public DiffieHellman setPublicKey(Object publicKey, String encoding) {
        y = new BigInteger(1, ECDH.keyBytes(publicKey, encoding, "key"));
        return this;
    }
}
