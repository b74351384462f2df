package dev.nodeshim.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nodeshim.buffer.Buffer;
import dev.nodeshim.crypto.Crypto;
import dev.nodeshim.crypto.DiffieHellman;
import dev.nodeshim.crypto.DiffieHellmanGroup;
import dev.nodeshim.crypto.DiffieHellmanOptions;
import dev.nodeshim.crypto.ECDH;
import dev.nodeshim.crypto.GeneratedKeyPair;
import dev.nodeshim.crypto.KeyExportOptions;
import dev.nodeshim.crypto.KeyInput;
import dev.nodeshim.crypto.KeyObject;
import dev.nodeshim.crypto.KeyPairOptions;
import java.math.BigInteger;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Java half of the key-agreement probes (generator: {@code generator/crypto-agreement.js}):
 * {@code crypto.ecdh} of shared/CONFORMANCE.md, and {@code crypto.dh} — a DiffieHellman from a group
 * name or from a prime and generator, its {@code verifyError}, the public key of a set private key
 * and the secret with a peer key; {@code crypto.diffieHellman} (the one-shot of KeyObjects) and
 * {@code crypto.dhKeyPair} ({@code generateKeyPairSync('dh', options)}: the form of each half and the
 * group in its SPKI). The conventions of both are in the generator's header.
 */
public final class CryptoAgreementProbes {
    private CryptoAgreementProbes() {
    }

    public static void register(ProbeRegistry r) {
        r.register("crypto.ecdh", CryptoAgreementProbes::ecdh);
        r.register("crypto.dh", CryptoAgreementProbes::dh);
        r.register("crypto.diffieHellman", CryptoAgreementProbes::diffieHellman);
        r.register("crypto.dhKeyPair", CryptoAgreementProbes::dhKeyPair);
    }

    private static byte[] hex(JsonNode j) {
        return HexFormat.of().parseHex(j.get("$hex").asText());
    }

    static Object ecdh(JsonNode in) {
        ECDH e = Crypto.createECDH(in.get("curve").textValue());
        e.setPrivateKey(hex(in.get("privateKey")));
        return e.computeSecret(hex(in.get("publicKey"))).toByteArray();
    }

    static Object dh(JsonNode in) {
        Map<String, Object> o = new LinkedHashMap<>();
        if (in.has("group")) {
            DiffieHellmanGroup g = Crypto.getDiffieHellman(in.get("group").textValue());
            o.put("verifyError", g.verifyError());
            o.put("prime", g.getPrime().toByteArray());
            o.put("generator", g.getGenerator().toByteArray());
            return o;
        }
        byte[] prime = hex(in.get("prime"));
        JsonNode gen = in.get("generator");
        DiffieHellman d = gen == null ? Crypto.createDiffieHellman(prime)
                : Crypto.createDiffieHellman(prime, gen.isNumber() ? (Object) gen.intValue() : hex(gen));
        o.put("verifyError", d.verifyError());
        if (in.has("privateKey")) {
            d.setPrivateKey(hex(in.get("privateKey")));
            o.put("publicKey", d.generateKeys().toByteArray());
        }
        if (in.has("publicKey")) {
            o.put("secret", d.computeSecret(hex(in.get("publicKey"))).toByteArray());
        }
        return o;
    }

    /** A key member: {@code {create, key, format?, type?}} as a KeyObject, or {@code {value}} as that value. */
    private static Object keyOf(JsonNode spec) {
        if (spec.has("value")) {
            Object v = Values.decode(spec.get("value"));
            return v instanceof byte[] b ? Buffer.from(b) : v;
        }
        JsonNode k = spec.get("key");
        String create = spec.get("create").textValue();
        if (create.equals("secret")) {
            return Crypto.createSecretKey(hex(k));
        }
        KeyInput input = KeyInput.of(k.isTextual() ? k.textValue() : hex(k));
        if (spec.has("format")) {
            input = input.format(spec.get("format").textValue());
        }
        if (spec.has("type")) {
            input = input.type(spec.get("type").textValue());
        }
        return create.equals("private") ? Crypto.createPrivateKey(input) : Crypto.createPublicKey(input);
    }

    static Object diffieHellman(JsonNode in) {
        if (in.has("options")) {
            if (!(Values.decode(in.get("options")) instanceof dev.nodeshim.errors.Undefined)) {
                throw new Inexpressible("diffieHellman options other than undefined: " + in.get("options"));
            }
            return Crypto.diffieHellman((DiffieHellmanOptions) null).toByteArray();
        }
        DiffieHellmanOptions o = DiffieHellmanOptions.defaults();
        if (in.has("privateKey")) {
            o = o.privateKey(keyOf(in.get("privateKey")));
        }
        if (in.has("publicKey")) {
            o = o.publicKey(keyOf(in.get("publicKey")));
        }
        return Crypto.diffieHellman(o).toByteArray();
    }

    private static KeyExportOptions encoding(JsonNode e) {
        KeyExportOptions o = KeyExportOptions.defaults();
        if (e.has("format")) {
            o = o.format(e.get("format").textValue());
        }
        if (e.has("type")) {
            o = o.type(e.get("type").textValue());
        }
        return o;
    }

    private static long integral(JsonNode v, String name) {
        if (!v.isIntegralNumber()) {
            throw new Inexpressible(name + " must be an integer here: " + v);
        }
        return v.longValue();
    }

    static Object dhKeyPair(JsonNode in) {
        JsonNode j = in.get("options");
        KeyPairOptions o = KeyPairOptions.defaults();
        JsonNode v;
        if ((v = j.get("group")) != null && !v.isNull()) {
            if (!v.isTextual()) {
                throw new Inexpressible("group must be a string here: " + v);
            }
            o = o.group(v.textValue());
        }
        if ((v = j.get("prime")) != null && !v.isNull()) {
            Object p = Values.decode(v);
            o = o.prime(p instanceof byte[] b ? Buffer.from(b) : p);
        }
        if ((v = j.get("primeLength")) != null && !v.isNull()) {
            o = o.primeLength(integral(v, "primeLength"));
        }
        if ((v = j.get("generator")) != null && !v.isNull()) {
            o = o.generator(integral(v, "generator"));
        }
        if ((v = j.get("publicKeyEncoding")) != null) {
            o = o.publicKeyEncoding(encoding(v));
        }
        if ((v = j.get("privateKeyEncoding")) != null) {
            o = o.privateKeyEncoding(encoding(v));
        }
        GeneratedKeyPair kp = Crypto.generateKeyPairSync("dh", o);
        Object pub = kp.publicKey();
        byte[] spki = pub instanceof String pem ? ((Buffer) Crypto.createPublicKey(pem).export(KeyExportOptions.der("spki"))).toByteArray()
                : pub instanceof Buffer b ? b.toByteArray()
                : ((Buffer) ((KeyObject) pub).export(KeyExportOptions.der("spki"))).toByteArray();
        BigInteger[] pg = spkiGroup(spki);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("publicKey", form(pub));
        out.put("privateKey", form(kp.privateKey()));
        out.put("asymmetricKeyType", Crypto.createPublicKey(KeyInput.of(spki).format("der").type("spki")).asymmetricKeyType());
        out.put("primeBits", pg[0].bitLength());
        out.put("generator", pg[1].intValueExact());
        out.put("prime", j.has("primeLength") && !j.get("primeLength").isNull() ? null : unsigned(pg[0]));
        return out;
    }

    private static String form(Object half) {
        return half instanceof String ? "pem" : half instanceof Buffer ? "der" : "KeyObject";
    }

    private static byte[] unsigned(BigInteger v) {
        byte[] b = v.toByteArray();
        return b[0] == 0 && b.length > 1 ? java.util.Arrays.copyOfRange(b, 1, b.length) : b;
    }

    /** p and g of a dh SubjectPublicKeyInfo: SEQUENCE { SEQUENCE { OID, SEQUENCE { p, g } }, BIT STRING }. */
    private static BigInteger[] spkiGroup(byte[] der) {
        int[] at = {0};
        enter(der, at); // SubjectPublicKeyInfo
        enter(der, at); // AlgorithmIdentifier
        skip(der, at); // OID
        enter(der, at); // DHParameter
        return new BigInteger[] {integer(der, at), integer(der, at)};
    }

    private static int length(byte[] der, int[] at) {
        at[0]++; // tag
        int len = der[at[0]++] & 0xff;
        if (len >= 0x80) {
            int n = len & 0x7f;
            len = 0;
            for (int i = 0; i < n; i++) {
                len = (len << 8) | (der[at[0]++] & 0xff);
            }
        }
        return len;
    }

    private static void enter(byte[] der, int[] at) {
        length(der, at);
    }

    private static void skip(byte[] der, int[] at) {
        int len = length(der, at); // not at[0] += length(…): that would add to the index read before the call
        at[0] += len;
    }

    private static BigInteger integer(byte[] der, int[] at) {
        int len = length(der, at);
        BigInteger v = new BigInteger(java.util.Arrays.copyOfRange(der, at[0], at[0] + len));
        at[0] += len;
        return v;
    }
}
