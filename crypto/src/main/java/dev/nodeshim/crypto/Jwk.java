package dev.nodeshim.crypto;

import java.math.BigInteger;
import java.util.Base64;
import java.util.Map;

/** JSON Web Key members (RFC 7517/7518): base64url numbers and coordinates, and reading them as Node does. */
final class Jwk {
    private Jwk() {
    }

    static String b64(byte[] b) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** A non-negative integer in the fewest bytes (RFC 7518's Base64urlUInt). */
    static String b64(BigInteger v) {
        byte[] b = v.toByteArray();
        if (b.length > 1 && b[0] == 0) {
            b = java.util.Arrays.copyOfRange(b, 1, b.length);
        }
        return b64(b);
    }

    /**
     * The member {@code name} of {@code jwk} as bytes: Node's type error when it is not a string. A
     * string is read as Node's base64url decoder reads it (lenient: other characters end the input).
     */
    static byte[] bytes(Map<?, ?> jwk, String name) {
        Object v = jwk.get(name);
        if (!(v instanceof String s)) {
            throw dev.nodeshim.errors.Errors.invalidArgType("key." + name, "string",
                    v == null ? dev.nodeshim.errors.Undefined.INSTANCE : v);
        }
        return dev.nodeshim.buffer.Buffer.from(s, "base64url").toByteArray();
    }

    static BigInteger number(Map<?, ?> jwk, String name) {
        return new BigInteger(1, bytes(jwk, name));
    }
}
