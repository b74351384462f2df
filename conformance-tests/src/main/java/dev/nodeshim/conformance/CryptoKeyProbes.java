package dev.nodeshim.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nodeshim.buffer.Buffer;
import dev.nodeshim.crypto.Crypto;
import dev.nodeshim.crypto.KeyExportOptions;
import dev.nodeshim.crypto.KeyInput;
import dev.nodeshim.crypto.KeyObject;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The Java half of the key probes of shared/CONFORMANCE.md: {@code crypto.sign}, {@code crypto.verify},
 * {@code crypto.keyExport}, and {@code crypto.rsaCrypt} (added here; PROBES.md) (generator:
 * {@code generator/crypto-keys.js}). Node's key object
 * {@code {key, padding, saltLength, dsaEncoding}} is a {@link KeyInput}; export options a
 * {@link KeyExportOptions} with the members the case has; results come back as Node's do (PEM
 * {@code String}, DER bytes, a JWK map, a boolean).
 */
public final class CryptoKeyProbes {
    private static final Pattern PRIVATE_PEM = Pattern.compile("^-----BEGIN [A-Z ]*PRIVATE KEY-----");

    private CryptoKeyProbes() {
    }

    public static void register(ProbeRegistry r) {
        r.register("crypto.sign", CryptoKeyProbes::sign);
        r.register("crypto.verify", CryptoKeyProbes::verify);
        r.register("crypto.keyExport", CryptoKeyProbes::keyExport);
        r.register("crypto.rsaCrypt", CryptoKeyProbes::rsaCrypt);
        r.register("crypto.keyImport", CryptoKeyProbes::keyImport);
        r.register("crypto.ecKeyPair", CryptoKeyProbes::ecKeyPair);
    }

    private static String algorithm(JsonNode in) {
        JsonNode a = in.get("algorithm");
        if (a == null || a.isNull()) {
            return null;
        }
        if (!a.isTextual()) {
            throw new Inexpressible("algorithm must be a string or null: " + a);
        }
        return a.textValue();
    }

    /** {@code {key: pem, ...options}}. */
    private static KeyInput key(JsonNode in) {
        KeyInput k = KeyInput.of(in.get("key").textValue());
        JsonNode o = in.get("options");
        if (o == null) {
            return k;
        }
        if (o.has("padding")) {
            k = k.padding(o.get("padding").asInt());
        }
        if (o.has("saltLength")) {
            k = k.saltLength(o.get("saltLength").asInt());
        }
        if (o.has("dsaEncoding")) {
            k = k.dsaEncoding(o.get("dsaEncoding").textValue());
        }
        if (o.has("oaepHash")) {
            k = k.oaepHash(o.get("oaepHash").textValue());
        }
        if (o.has("oaepLabel")) {
            k = k.oaepLabel(HexFormat.of().parseHex(o.get("oaepLabel").get("$hex").asText()));
        }
        return k;
    }

    /** A data chunk: a String (UTF-8), bytes, or a {s, enc} string as the bytes it means. */
    private static Object data(JsonNode j) {
        Object v = CryptoProbes.chunkValue(j);
        return v instanceof Buffer b ? b.toByteArray() : v;
    }

    static Object sign(JsonNode in) {
        return Crypto.sign(algorithm(in), data(in.get("data")), key(in)).toByteArray();
    }

    static Object verify(JsonNode in) {
        byte[] sig = HexFormat.of().parseHex(in.get("signature").get("$hex").asText());
        return Crypto.verify(algorithm(in), data(in.get("data")), key(in), sig);
    }

    /** {@code crypto[op]({key, ...options}, data)} for publicEncrypt, privateDecrypt, privateEncrypt, publicDecrypt. */
    static Object rsaCrypt(JsonNode in) {
        KeyInput key = key(in);
        Object data = data(in.get("data"));
        Buffer out = switch (in.get("op").textValue()) {
            case "publicEncrypt" -> Crypto.publicEncrypt(key, data);
            case "privateDecrypt" -> Crypto.privateDecrypt(key, data);
            case "privateEncrypt" -> Crypto.privateEncrypt(key, data);
            case "publicDecrypt" -> Crypto.publicDecrypt(key, data);
            default -> throw new Inexpressible("unknown op " + in.get("op"));
        };
        return out.toByteArray();
    }

    /**
     * {@code createPrivateKey}/{@code createPublicKey({key, format, type, passphrase, encoding})} → the key's
     * type, asymmetricKeyType, details, and its SPKI (and PKCS#8) DER.
     */
    static Object keyImport(JsonNode in) {
        JsonNode k = in.get("key");
        Object key = k.isTextual() ? k.textValue() : Values.decode(k);
        KeyInput input = KeyInput.of(key);
        if (in.has("format")) {
            input = input.format(in.get("format").textValue());
        }
        if (in.has("type")) {
            input = input.type(in.get("type").textValue());
        }
        if (in.has("passphrase")) {
            input = input.passphrase(in.get("passphrase").textValue());
        }
        if (in.has("encoding")) {
            input = input.encoding(in.get("encoding").textValue());
        }
        KeyObject o = in.get("create").textValue().equals("private") ? Crypto.createPrivateKey(input)
                : Crypto.createPublicKey(input);
        java.util.Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("type", o.type());
        out.put("asymmetricKeyType", o.asymmetricKeyType());
        out.put("details", o.asymmetricKeyDetails().toMap());
        KeyObject pub = o.type().equals("private") ? Crypto.createPublicKey(o) : o;
        out.put("spki", ((Buffer) pub.export(KeyExportOptions.der("spki"))).toByteArray());
        if (o.type().equals("private")) {
            out.put("pkcs8", ((Buffer) o.export(KeyExportOptions.der("pkcs8"))).toByteArray());
        }
        return out;
    }

    /**
     * {@code generateKeyPairSync('ec', {namedCurve, paramEncoding?})} → both halves' details and the
     * parameters the public key's SPKI carries (the curve's OID or ECParameters), which do not depend
     * on the random key.
     */
    static Object ecKeyPair(JsonNode in) {
        JsonNode o = in.get("options");
        dev.nodeshim.crypto.KeyPairOptions options = dev.nodeshim.crypto.KeyPairOptions.defaults()
                .namedCurve(o.get("namedCurve").textValue());
        if (o.has("paramEncoding")) {
            options = options.paramEncoding(o.get("paramEncoding").textValue());
        }
        dev.nodeshim.crypto.GeneratedKeyPair kp = Crypto.generateKeyPairSync("ec", options);
        java.util.Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("details", kp.privateKeyObject().asymmetricKeyDetails().toMap());
        out.put("publicDetails", kp.publicKeyObject().asymmetricKeyDetails().toMap());
        byte[] spki = ((Buffer) kp.publicKeyObject().export(KeyExportOptions.der("spki"))).toByteArray();
        out.put("spkiParams", spkiParams(spki));
        return out;
    }

    /** The AlgorithmIdentifier parameters of a SubjectPublicKeyInfo, whole TLV. */
    private static byte[] spkiParams(byte[] spki) {
        int alg = contentStart(spki, contentStart(spki, 0));
        int oidEnd = end(spki, alg);
        return java.util.Arrays.copyOfRange(spki, oidEnd, end(spki, oidEnd));
    }

    private static int contentStart(byte[] b, int off) {
        int len = b[off + 1] & 0xff;
        return len < 0x80 ? off + 2 : off + 2 + (len & 0x7f);
    }

    private static int end(byte[] b, int off) {
        int len = b[off + 1] & 0xff;
        int p = off + 2;
        if (len >= 0x80) {
            int n = len & 0x7f;
            len = 0;
            for (int k = 0; k < n; k++) {
                len = len << 8 | b[p++] & 0xff;
            }
        }
        return p + len;
    }

    static Object keyExport(JsonNode in) {
        String pem = in.get("key").textValue();
        KeyInput input = KeyInput.of(pem);
        if (in.has("passphrase")) {
            input = input.passphrase(in.get("passphrase").textValue());
        }
        KeyObject key = PRIVATE_PEM.matcher(pem).find() ? Crypto.createPrivateKey(input) : Crypto.createPublicKey(input);
        JsonNode e = in.get("export");
        KeyExportOptions o = KeyExportOptions.defaults();
        if (e.has("format")) {
            o = o.format(e.get("format").textValue());
        }
        if (e.has("type")) {
            o = o.type(e.get("type").textValue());
        }
        if (e.has("cipher")) {
            o = o.cipher(e.get("cipher").textValue());
        }
        if (e.has("passphrase")) {
            o = o.passphrase(e.get("passphrase").textValue());
        }
        Object out = key.export(o);
        return out instanceof Buffer b ? b.toByteArray() : out;
    }
}
