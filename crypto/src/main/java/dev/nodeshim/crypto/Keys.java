package dev.nodeshim.crypto;

import dev.nodeshim.buffer.Buffer;
import dev.nodeshim.buffer.Encoding;
import dev.nodeshim.errors.Errors;
import dev.nodeshim.errors.NodeError;
import dev.nodeshim.errors.Undefined;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * createSecretKey, createPrivateKey and createPublicKey, and the key arguments of sign, verify and the
 * RSA encryption functions: Node's accepted inputs (a PEM string, bytes holding PEM, a key object
 * {@code {key, format, type, passphrase, encoding}} — here {@link KeyInput} — or a {@link KeyObject})
 * and Node's checks, in its order.
 */
final class Keys {
    static final List<String> KEY_TYPES = List.of("string", "ArrayBuffer", "Buffer", "TypedArray", "DataView");
    private static final List<String> SIGN_KEY_TYPES = List.of("string", "ArrayBuffer", "Buffer", "TypedArray",
            "DataView", "KeyObject", "CryptoKey");

    private Keys() {
    }

    static KeyObject secret(Object key, String encoding) {
        if (key instanceof String s) {
            Encoding e = encoding == null ? Encoding.UTF8 : Encoding.lookup(encoding);
            return KeyObject.secret(Buffer.from(s, e == null ? Encoding.UTF8 : e).toByteArray());
        }
        if (key instanceof byte[] b) {
            return KeyObject.secret(b.clone());
        }
        if (key instanceof Buffer b) {
            return KeyObject.secret(b.toByteArray());
        }
        throw Errors.invalidArgType("key", KEY_TYPES, key == null ? Undefined.INSTANCE : key);
    }

    /** createPrivateKey(key). */
    static KeyObject createPrivate(Object key) {
        if (key instanceof KeyObject k) {
            throw keyObjectNotAccepted(k);
        }
        return KeyObject.of(decode(key, true, "key"));
    }

    /** createPublicKey(key): a private key's input gives its public half. */
    static KeyObject createPublic(Object key) {
        if (key instanceof KeyObject k) {
            if (!k.type().equals("private")) {
                throw KeyErrors.invalidKeyType("private", k.type());
            }
            return KeyObject.of(k.data().publicPart());
        }
        return KeyObject.of(decode(key, false, "key").publicPart());
    }

    private static NodeError keyObjectNotAccepted(KeyObject k) {
        return new NodeError("TypeError", "ERR_INVALID_ARG_TYPE", "The \"key\" argument must be of type string or an "
                + "instance of ArrayBuffer, Buffer, TypedArray, or DataView. Received an instance of " + k);
    }

    /**
     * The key of any accepted input. {@code wantPrivate}: only a private key is accepted; otherwise a
     * public one, or a private one (the caller takes its public half when that is what it needs).
     */
    static KeyData decode(Object input, boolean wantPrivate, String argName) {
        if (input instanceof KeyInput ki) {
            return decodeInput(ki, wantPrivate);
        }
        if (input instanceof String s) {
            return KeyCodec.pem(s, null, wantPrivate);
        }
        if (input instanceof byte[] || input instanceof Buffer) {
            return KeyCodec.pem(text(input), null, wantPrivate);
        }
        throw Errors.invalidArgType(argName, KEY_TYPES, input == null ? Undefined.INSTANCE : input);
    }

    private static String text(Object bytes) {
        byte[] b = bytes instanceof Buffer buf ? buf.toByteArray() : (byte[]) bytes;
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    private static KeyData decodeInput(KeyInput in, boolean wantPrivate) {
        Object key = in.key;
        String format = in.format == null ? "pem" : in.format;
        if (format.equals("jwk")) {
            if (!(key instanceof Map<?, ?> m)) {
                throw Errors.invalidArgType("key.key", "object", key == null ? Undefined.INSTANCE : key);
            }
            return KeyCodec.jwk(m, wantPrivate);
        }
        if (key instanceof KeyObject k) {
            if (k.data() == null) {
                throw KeyErrors.invalidKeyType(wantPrivate ? "private" : "public", "secret");
            }
            if (wantPrivate && !k.data().isPrivate()) {
                throw KeyErrors.invalidKeyType("private", "public");
            }
            return k.data();
        }
        if (!(key instanceof String) && !(key instanceof byte[]) && !(key instanceof Buffer)) {
            throw Errors.invalidArgType("key.key", KEY_TYPES, key == null ? Undefined.INSTANCE : key);
        }
        if (!format.equals("pem") && !format.equals("der")) {
            throw KeyErrors.invalidProperty("options.format", format);
        }
        String type = in.type;
        if (format.equals("der")) {
            boolean ok = type != null && (wantPrivate ? List.of("pkcs1", "pkcs8", "sec1").contains(type)
                    : List.of("pkcs1", "spki", "pkcs8", "sec1").contains(type));
            if (!ok) {
                throw KeyErrors.invalidProperty("options.type", type == null ? Undefined.INSTANCE : type);
            }
        }
        byte[] pass = KeyObject.passphrase(in.passphrase, "options.passphrase");
        if (format.equals("pem")) {
            return KeyCodec.pem(key instanceof String s ? s : text(key), pass, wantPrivate);
        }
        byte[] der = key instanceof String s ? stringBytes(s, in.encoding)
                : key instanceof Buffer b ? b.toByteArray() : ((byte[]) key).clone();
        return wantPrivate ? KeyCodec.derPrivate(der, type, pass) : KeyCodec.derPublic(der, type, pass);
    }

    private static byte[] stringBytes(String s, String encoding) {
        Encoding e = encoding == null ? Encoding.UTF8 : Encoding.lookup(encoding);
        return Buffer.from(s, e == null ? Encoding.UTF8 : e).toByteArray();
    }

    /** The private key of a sign/privateDecrypt/privateEncrypt argument. */
    static KeyData privateKey(Object input, String argName) {
        if (input instanceof KeyObject k) {
            if (!"private".equals(k.type())) {
                throw KeyErrors.invalidKeyType("private", k.type());
            }
            return k.data();
        }
        checkSignKeyType(input, argName);
        return decode(input, true, argName);
    }

    /** The public key of a verify/publicEncrypt/publicDecrypt argument (a private key's public half). */
    static KeyData publicKey(Object input, String argName) {
        if (input instanceof KeyObject k) {
            if (k.data() == null) {
                throw KeyErrors.invalidKeyType("private", "secret");
            }
            return k.data().publicPart();
        }
        checkSignKeyType(input, argName);
        return decode(input, false, argName).publicPart();
    }

    /** The key of publicEncrypt/publicDecrypt: a private key stays private (Node uses it as given). */
    static KeyData anyKey(Object input, String argName) {
        if (input instanceof KeyObject k) {
            if (k.data() == null) {
                throw KeyErrors.invalidKeyType("private", "secret");
            }
            return k.data();
        }
        checkSignKeyType(input, argName);
        return decode(input, false, argName);
    }

    private static void checkSignKeyType(Object input, String argName) {
        if (!(input instanceof String) && !(input instanceof byte[]) && !(input instanceof Buffer)
                && !(input instanceof KeyInput)) {
            throw Errors.invalidArgType(argName, SIGN_KEY_TYPES, input == null ? Undefined.INSTANCE : input);
        }
    }
}
