package dev.nodeshim.crypto;

import dev.nodeshim.errors.NodeError;

/**
 * The callback of {@code generateKeyPair}: {@code (err, publicKey, privateKey) => …}, called once on the
 * event loop thread; each key a {@link KeyObject} or its export (see {@link GeneratedKeyPair}).
 */
@FunctionalInterface
public interface KeyPairCallback {
    void call(NodeError err, Object publicKey, Object privateKey);
}
