package dev.nodeshim.crypto;

import dev.nodeshim.errors.NodeError;

/**
 * The errors of Node's crypto module, worded as Node 20 with OpenSSL 3 words them, built in one
 * place. OpenSSL-formatted errors ({@code error:1C800064:Provider routines::bad decrypt}) carry
 * OpenSSL's {@code library} and {@code reason} as props, as Node's do.
 */
final class CryptoErrors {
    private CryptoErrors() {
    }

    /** An OpenSSL error as Node surfaces it: {@code error:<hex>:<library>::<reason>}, name Error. */
    static NodeError openssl(String code, String hex, String library, String reason) {
        return new NodeError("Error", code, "error:" + hex + ":" + library + "::" + reason)
                .withProp("library", library).withProp("reason", reason);
    }

    /** {@code Digest method not supported} (createHash with an unknown name); no code. */
    static NodeError digestNotSupported() {
        return new NodeError("Error", null, "Digest method not supported");
    }

    /** {@code ERR_CRYPTO_INVALID_DIGEST}: {@code Invalid digest: x} (a TypeError). */
    static NodeError invalidDigest(String name) {
        return new NodeError("TypeError", "ERR_CRYPTO_INVALID_DIGEST", "Invalid digest: " + name);
    }

    /** OpenSSL 3 refuses an algorithm that lives only in its legacy provider (md4, des-ecb, bf…). */
    static NodeError unsupported() {
        return openssl("ERR_OSSL_EVP_UNSUPPORTED", "0308010C", "digital envelope routines", "unsupported");
    }

    /** An output length on a hash that is not an XOF, or a wrong one. */
    static NodeError notXof() {
        return openssl("ERR_OSSL_EVP_NOT_XOF_OR_INVALID_LENGTH", "030000B2", "digital envelope routines",
                "not XOF or invalid length");
    }

    /** What OpenSSL reports for an HMAC over an XOF: an empty error queue. */
    static NodeError emptyOpensslError() {
        return new NodeError("Error", null, "error:00000000:lib(0)::reason(0)");
    }

    /** {@code ERR_CRYPTO_HASH_FINALIZED}: {@code Digest already called}. */
    static NodeError hashFinalized() {
        return new NodeError("Error", "ERR_CRYPTO_HASH_FINALIZED", "Digest already called");
    }


    /** {@code ERR_CRYPTO_INVALID_KEYLEN}: {@code Invalid key length} (a RangeError). */
    static NodeError invalidKeyLength() {
        return new NodeError("RangeError", "ERR_CRYPTO_INVALID_KEYLEN", "Invalid key length");
    }

    /** {@code ERR_CRYPTO_INVALID_IV}: {@code Invalid initialization vector} (a TypeError). */
    static NodeError invalidIv() {
        return new NodeError("TypeError", "ERR_CRYPTO_INVALID_IV", "Invalid initialization vector");
    }

    /** {@code ERR_CRYPTO_UNKNOWN_CIPHER}: {@code Unknown cipher} (an Error). */
    static NodeError unknownCipher() {
        return new NodeError("Error", "ERR_CRYPTO_UNKNOWN_CIPHER", "Unknown cipher");
    }

    /** An error with no code and a plain message, as Node's cipher state errors are. */
    static NodeError plain(String message) {
        return new NodeError("Error", null, message);
    }

    /** A TypeError with a code. */
    static NodeError type(String code, String message) {
        return new NodeError("TypeError", code, message);
    }

    /** A RangeError with a code. */
    static NodeError range(String code, String message) {
        return new NodeError("RangeError", code, message);
    }
}
