package dev.nodeshim.crypto;

import dev.nodeshim.errors.Undefined;

/**
 * The options of {@code crypto.diffieHellman(options)}: {@code privateKey} and {@code publicKey}, each a
 * {@link KeyObject}. A member never set is Node's undefined; set to {@code null} it is null (Node's
 * messages tell the two apart). Immutable, with fluent withers.
 *
 * <pre>{@code
 * Buffer secret = diffieHellman(DiffieHellmanOptions.of(alice.privateKeyObject(), bob.publicKeyObject()));
 * }</pre>
 */
public final class DiffieHellmanOptions {
    final Object privateKey;
    final Object publicKey;

    private DiffieHellmanOptions(Object privateKey, Object publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /** {@code {}}: neither key (diffieHellman refuses it, as Node does). */
    public static DiffieHellmanOptions defaults() {
        return new DiffieHellmanOptions(Undefined.INSTANCE, Undefined.INSTANCE);
    }

    /** {@code {privateKey, publicKey}}. */
    public static DiffieHellmanOptions of(Object privateKey, Object publicKey) {
        return new DiffieHellmanOptions(privateKey, publicKey);
    }

    /** {@code privateKey}: a private {@link KeyObject} of type dh, ec, x25519 or x448. */
    public DiffieHellmanOptions privateKey(Object key) {
        return new DiffieHellmanOptions(key, publicKey);
    }

    /** {@code publicKey}: a {@link KeyObject} of the same type and group or curve (a private key counts by its public half). */
    public DiffieHellmanOptions publicKey(Object key) {
        return new DiffieHellmanOptions(privateKey, key);
    }
}
