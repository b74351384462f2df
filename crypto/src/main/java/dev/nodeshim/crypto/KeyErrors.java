package dev.nodeshim.crypto;

import dev.nodeshim.errors.Errors;
import dev.nodeshim.errors.Inspect;
import dev.nodeshim.errors.NodeError;
import java.util.List;

/** The errors of key objects, key encodings, sign/verify and RSA encryption, worded as Node 20's. */
final class KeyErrors {
    private KeyErrors() {
    }

    static NodeError jwkUnsupportedKeyType() {
        return new NodeError("Error", "ERR_CRYPTO_JWK_UNSUPPORTED_KEY_TYPE", "Unsupported JWK Key Type.");
    }

    static NodeError jwkUnsupportedCurve(String curve) {
        return new NodeError("Error", "ERR_CRYPTO_JWK_UNSUPPORTED_CURVE", "Unsupported JWK EC curve: " + curve + ".");
    }

    static NodeError invalidJwk() {
        return new NodeError("TypeError", "ERR_CRYPTO_INVALID_JWK", "Invalid JWK data");
    }

    /** {@code The property 'name' is invalid. Received value} (the value cut at 128 characters, as Node's). */
    static NodeError invalidProperty(String name, Object value) {
        return Errors.invalidArgValue(name, value);
    }

    /** {@code The property 'name' must be one of: 'a', 'b'. Received value}. */
    static NodeError propertyOneOf(String name, List<String> allowed, Object value) {
        StringBuilder sb = new StringBuilder();
        for (String a : allowed) {
            sb.append(sb.length() == 0 ? "" : ", ").append(a == null ? "undefined" : Inspect.inspect(a));
        }
        return Errors.invalidArgValue(name, value, "must be one of: " + sb);
    }

    static NodeError incompatible(String message) {
        return new NodeError("Error", "ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS", message);
    }

    static NodeError invalidKeyType(String expected, String actual) {
        return new NodeError("TypeError", "ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE",
                "Invalid key object type " + actual + ", expected " + expected + ".");
    }

    /** OpenSSL's DECODER error for input no decoder accepts. */
    static NodeError decoderUnsupported() {
        return CryptoErrors.openssl("ERR_OSSL_UNSUPPORTED", "1E08010C", "DECODER routines", "unsupported");
    }

    /** An encrypted key and no passphrase: OpenSSL's cancelled password prompt. */
    static NodeError passphraseMissing() {
        return CryptoErrors.openssl("ERR_OSSL_CRYPTO_INTERRUPTED_OR_CANCELLED", "07880109",
                "common libcrypto routines", "interrupted or cancelled");
    }

    static NodeError badDecrypt() {
        return CryptoErrors.openssl("ERR_OSSL_BAD_DECRYPT", "1C800064", "Provider routines", "bad decrypt");
    }

    /** OpenSSL's EVP error for a key its decoder recognised but could not read (a DH public key). */
    static NodeError decodeError() {
        return CryptoErrors.openssl("ERR_OSSL_EVP_DECODE_ERROR", "03000072", "digital envelope routines",
                "decode error");
    }

    static NodeError asn1WrongTag() {
        return CryptoErrors.openssl("ERR_OSSL_ASN1_WRONG_TAG", "068000A8", "asn1 encoding routines", "wrong tag");
    }

    static NodeError asn1NotEnoughData() {
        return CryptoErrors.openssl("ERR_OSSL_ASN1_NOT_ENOUGH_DATA", "0680008E", "asn1 encoding routines",
                "not enough data");
    }

    static NodeError asn1TooLong() {
        return CryptoErrors.openssl("ERR_OSSL_ASN1_TOO_LONG", "0680009B", "asn1 encoding routines", "too long");
    }

    static NodeError plain(String message) {
        return new NodeError("Error", null, message);
    }
}
