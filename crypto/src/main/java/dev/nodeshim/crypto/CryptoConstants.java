package dev.nodeshim.crypto;

/**
 * Node's {@code crypto.constants} that the key functions take: RSA paddings and PSS salt lengths
 * (OpenSSL's values, as Node exposes them).
 */
public final class CryptoConstants {
    public static final int RSA_PKCS1_PADDING = 1;
    public static final int RSA_NO_PADDING = 3;
    public static final int RSA_PKCS1_OAEP_PADDING = 4;
    public static final int RSA_X931_PADDING = 5;
    public static final int RSA_PKCS1_PSS_PADDING = 6;
    /** PSS salt as long as the digest. */
    public static final int RSA_PSS_SALTLEN_DIGEST = -1;
    /** PSS salt as long as the key allows, when signing. */
    public static final int RSA_PSS_SALTLEN_MAX_SIGN = -2;
    /** PSS salt length read from the signature, when verifying. */
    public static final int RSA_PSS_SALTLEN_AUTO = -2;

    private CryptoConstants() {
    }
}
