package dev.nodeshim.crypto;

import java.math.BigInteger;

/**
 * Node's {@code DiffieHellmanGroup}, from {@code crypto.getDiffieHellman(groupName)}: finite-field
 * Diffie-Hellman on one of the well-known MODP groups (RFC 2409: modp1, modp2; RFC 3526: modp5,
 * modp14 to modp18), generator 2. As in Node it cannot take keys from outside
 * ({@code setPublicKey}/{@code setPrivateKey} do not exist): keys come from {@link #generateKeys()}.
 *
 * <h2>Guarantees</h2>
 * The same as {@link DiffieHellman}'s. The groups' primes are safe primes, so {@link #verifyError()} is 0.
 */
public final class DiffieHellmanGroup extends DhBase {
    DiffieHellmanGroup(BigInteger prime) {
        super(prime, BigInteger.TWO, 0);
    }
}
