package dev.nodeshim.crypto;

import dev.nodeshim.errors.NodeError;

/**
 * A Node-style callback {@code (err, value) => …} of the asynchronous crypto functions
 * ({@code randomBytes}, {@code pbkdf2}, {@code scrypt}, …): called once, on the event loop thread,
 * with {@code err} null on success.
 */
@FunctionalInterface
public interface CryptoCallback<T> {
    void call(NodeError err, T value);
}
