package dev.nodeshim.crypto;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Node's {@code keyObject.asymmetricKeyDetails}: the members Node shows for the key's family, the
 * others null. rsa: {@code modulusLength}, {@code publicExponent}; rsa-pss: those, and when the key
 * is restricted to PSS parameters also {@code hashAlgorithm}, {@code mgf1HashAlgorithm},
 * {@code saltLength}; dsa: {@code modulusLength}, {@code divisorLength}; ec: {@code namedCurve};
 * ed25519, ed448, x25519, x448, dh: none.
 */
public record AsymmetricKeyDetails(Integer modulusLength, BigInteger publicExponent, String hashAlgorithm,
        String mgf1HashAlgorithm, Integer saltLength, Integer divisorLength, String namedCurve) {
    static final AsymmetricKeyDetails NONE = new AsymmetricKeyDetails(null, null, null, null, null, null, null);

    /** The members Node's object has, in its order (a bigint publicExponent as {@link BigInteger}). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "modulusLength", modulusLength);
        put(m, "publicExponent", publicExponent);
        put(m, "hashAlgorithm", hashAlgorithm);
        put(m, "mgf1HashAlgorithm", mgf1HashAlgorithm);
        put(m, "saltLength", saltLength);
        put(m, "divisorLength", divisorLength);
        put(m, "namedCurve", namedCurve);
        return m;
    }

    private static void put(Map<String, Object> m, String k, Object v) {
        if (v != null) {
            m.put(k, v);
        }
    }
}
