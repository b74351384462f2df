package dev.nodeshim.crypto;

/**
 * The options of {@code createCipheriv}/{@code createDecipheriv}: {@code authTagLength} for the AEAD
 * modes (required for CCM and OCB; GCM's default is 16 bytes, chacha20-poly1305's 16). Immutable, with
 * a fluent wither.
 */
public final class CipherOptions {
    private static final CipherOptions DEFAULTS = new CipherOptions(-1);

    private final int authTagLength;

    private CipherOptions(int authTagLength) {
        this.authTagLength = authTagLength;
    }

    public static CipherOptions defaults() {
        return DEFAULTS;
    }

    /** {@code authTagLength}: the tag length in bytes; checked against the mode when the cipher is created. */
    public CipherOptions authTagLength(int authTagLength) {
        if (authTagLength < 0) {
            throw new dev.nodeshim.errors.NodeError("TypeError", "ERR_INVALID_ARG_VALUE",
                    "The property 'options.authTagLength' is invalid. Received " + authTagLength);
        }
        return new CipherOptions(authTagLength);
    }

    /** The tag length, or -1 when unset. */
    public int authTagLength() {
        return authTagLength;
    }
}
