package dev.nodeshim.crypto;

import dev.nodeshim.buffer.Buffer;
import java.util.Map;

/**
 * Node's {@code {publicKey, privateKey}} of {@code generateKeyPair(Sync)}: each a {@link KeyObject}, or,
 * when its encoding was given, the export (a PEM {@code String}, a DER {@link Buffer}, a JWK
 * {@code Map}). The typed accessors cast, with a clear message when the member has another form.
 */
public record GeneratedKeyPair(Object publicKey, Object privateKey) {
    public KeyObject publicKeyObject() {
        return as(publicKey, KeyObject.class, "publicKey");
    }

    public KeyObject privateKeyObject() {
        return as(privateKey, KeyObject.class, "privateKey");
    }

    public String publicKeyPem() {
        return as(publicKey, String.class, "publicKey");
    }

    public String privateKeyPem() {
        return as(privateKey, String.class, "privateKey");
    }

    public Buffer publicKeyDer() {
        return as(publicKey, Buffer.class, "publicKey");
    }

    public Buffer privateKeyDer() {
        return as(privateKey, Buffer.class, "privateKey");
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> privateKeyJwk() {
        return as(privateKey, Map.class, "privateKey");
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> publicKeyJwk() {
        return as(publicKey, Map.class, "publicKey");
    }

    private static <T> T as(Object v, Class<T> type, String name) {
        if (!type.isInstance(v)) {
            throw new IllegalStateException(name + " is a " + v.getClass().getSimpleName() + ", not a "
                    + type.getSimpleName() + " (see the encoding options of the generation)");
        }
        return type.cast(v);
    }
}
