package dev.nodeshim.crypto;

import dev.nodeshim.buffer.Buffer;
import dev.nodeshim.errors.Errors;
import dev.nodeshim.errors.NodeError;
import java.util.List;

/**
 * The one-shot {@code sign}/{@code verify} and the RSA encryption functions: reading Node's key argument
 * ({@link KeyInput} options), the data, and running {@link Signer} or {@link Rsa}.
 */
final class Signatures {
    private static final List<String> DATA = List.of("ArrayBuffer", "Buffer", "TypedArray", "DataView");

    private Signatures() {
    }

    record Call(KeyData key, Signer.Options options) {
    }

    static NodeError notInitialised() {
        return new NodeError("Error", "ERR_CRYPTO_INVALID_STATE", "Not initialised");
    }

    static NodeError unsupportedOperation() {
        return new NodeError("Error", "ERR_CRYPTO_UNSUPPORTED_OPERATION", "Unsupported crypto operation");
    }

    static Call privateCall(Object key) {
        Signer.Options o = options(key);
        return new Call(Keys.privateKey(key, "key"), o);
    }

    static Call publicCall(Object key) {
        Signer.Options o = options(key);
        return new Call(Keys.publicKey(key, "key"), o);
    }

    private static Signer.Options options(Object key) {
        if (!(key instanceof KeyInput in)) {
            return new Signer.Options(null, null, false);
        }
        if (in.dsaEncoding != null && !in.dsaEncoding.equals("der") && !in.dsaEncoding.equals("ieee-p1363")) {
            throw KeyErrors.invalidProperty("options.dsaEncoding", in.dsaEncoding);
        }
        return new Signer.Options(in.padding, in.saltLength, "ieee-p1363".equals(in.dsaEncoding));
    }

    static byte[] data(Object data, String name) {
        if (data instanceof String s) {
            return Bytes.utf8(s);
        }
        if (data instanceof byte[] b) {
            return b;
        }
        if (data instanceof Buffer b) {
            return b.toByteArray();
        }
        throw Errors.invalidArgType(name, DATA, data == null ? dev.nodeshim.errors.Undefined.INSTANCE : data);
    }

    private static byte[] digest(Registry.HashSpec hash, byte[] data) {
        if (hash == null) {
            return data;
        }
        HashEngine e = hash.newEngine();
        e.update(data, 0, data.length);
        return e.finish(hash.size());
    }

    static Buffer sign(String algorithm, Object data, Object key) {
        return prepareSign(algorithm, data, key).get();
    }

    /** A sign call with its arguments checked (Node throws these at once, callback or not), ready to run. */
    static java.util.function.Supplier<Buffer> prepareSign(String algorithm, Object data, Object key) {
        byte[] d = data(data, "data");
        Call call = privateCall(key);
        Registry.HashSpec hash = Signer.digestFor(call.key(), algorithm);
        byte[] copy = d.clone();
        return () -> Buffer.wrap(Signer.sign(call.key(), hash, digest(hash, copy), call.options()));
    }

    static boolean verify(String algorithm, Object data, Object key, Object signature) {
        return prepareVerify(algorithm, data, key, signature).get();
    }

    static java.util.function.Supplier<Boolean> prepareVerify(String algorithm, Object data, Object key,
            Object signature) {
        byte[] d = data(data, "data").clone();
        if (!(signature instanceof byte[]) && !(signature instanceof Buffer)) {
            throw Errors.invalidArgType("signature", List.of("Buffer", "TypedArray", "DataView"),
                    signature == null ? dev.nodeshim.errors.Undefined.INSTANCE : signature);
        }
        byte[] sig = data(signature, "signature").clone();
        Call call = publicCall(key);
        Registry.HashSpec hash = Signer.digestFor(call.key(), algorithm);
        return () -> Signer.verify(call.key(), hash, digest(hash, d), sig, call.options());
    }

    // ------------------------------------------------------------------------------------------------
    // publicEncrypt, privateDecrypt, privateEncrypt, publicDecrypt

    enum RsaOp {
        PUBLIC_ENCRYPT, PRIVATE_DECRYPT, PRIVATE_ENCRYPT, PUBLIC_DECRYPT
    }

    static Buffer rsa(RsaOp op, Object key, Object data) {
        boolean needsPrivate = op == RsaOp.PRIVATE_DECRYPT || op == RsaOp.PRIVATE_ENCRYPT;
        KeyInput in = key instanceof KeyInput k ? k : null;
        String oaepHash = in == null ? null : in.oaepHash;
        byte[] label = in == null || in.oaepLabel == null ? Bytes.EMPTY : data(in.oaepLabel, "key.oaepLabel");
        KeyData k = needsPrivate ? Keys.privateKey(key, "key") : Keys.anyKey(key, "key");
        byte[] d = data(data, "buffer");
        if (!(k instanceof RsaKey r)) {
            throw Signer.notSupportedForKeyType();
        }
        if (r.pss) {
            // an rsa-pss key is RSA to EVP, refused by the RSA provider itself
            throw Rsa.providerError("ERR_OSSL_OPERATION_NOT_SUPPORTED_FOR_THIS_KEYTYPE", "1C8000B2",
                    "operation not supported for this keytype");
        }
        int defaultPadding = op == RsaOp.PUBLIC_ENCRYPT || op == RsaOp.PRIVATE_DECRYPT
                ? CryptoConstants.RSA_PKCS1_OAEP_PADDING : CryptoConstants.RSA_PKCS1_PADDING;
        int padding = in == null || in.padding == null ? defaultPadding : in.padding;
        switch (padding) {
            case CryptoConstants.RSA_NO_PADDING:
                return Buffer.wrap(Rsa.noPadding(r, d, needsPrivate));
            case CryptoConstants.RSA_PKCS1_PADDING:
                switch (op) {
                    case PUBLIC_ENCRYPT:
                        return Buffer.wrap(Rsa.pkcs1Encrypt(r, d));
                    case PRIVATE_DECRYPT:
                        throw new NodeError("TypeError", "ERR_INVALID_ARG_VALUE", "RSA_PKCS1_PADDING is no longer "
                                + "supported for private decryption, this can be reverted with --security-revert=CVE-2023-46809");
                    case PRIVATE_ENCRYPT:
                        return Buffer.wrap(Rsa.pkcs1PrivateEncrypt(r, d));
                    default:
                        return Buffer.wrap(Rsa.pkcs1PublicDecrypt(r, d));
                }
            case CryptoConstants.RSA_PKCS1_OAEP_PADDING:
                if (op == RsaOp.PUBLIC_ENCRYPT || op == RsaOp.PRIVATE_DECRYPT) {
                    Registry.HashSpec hash = Registry.hash(oaepHash == null ? "sha1" : oaepHash);
                    if (hash == null || hash.xof()) {
                        throw new NodeError("Error", "ERR_OSSL_EVP_INVALID_DIGEST", "Invalid digest used");
                    }
                    return Buffer.wrap(op == RsaOp.PUBLIC_ENCRYPT ? Rsa.oaepEncrypt(r, hash, label, d)
                            : Rsa.oaepDecrypt(r, hash, label, d));
                }
                throw Rsa.providerError("ERR_OSSL_ILLEGAL_OR_UNSUPPORTED_PADDING_MODE", "1C8000A5",
                        "illegal or unsupported padding mode");
            default:
                if (op == RsaOp.PUBLIC_ENCRYPT || op == RsaOp.PRIVATE_DECRYPT) {
                    throw CryptoErrors.emptyOpensslError();
                }
                throw Rsa.providerError("ERR_OSSL_ILLEGAL_OR_UNSUPPORTED_PADDING_MODE", "1C8000A5",
                        "illegal or unsupported padding mode");
        }
    }
}
