package dev.nodeshim.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nodeshim.buffer.Buffer;
import dev.nodeshim.buffer.Encoding;
import dev.nodeshim.crypto.Cipher;
import dev.nodeshim.crypto.CipherOptions;
import dev.nodeshim.crypto.Crypto;
import dev.nodeshim.crypto.Decipher;
import dev.nodeshim.crypto.Hash;
import dev.nodeshim.crypto.HashOptions;
import dev.nodeshim.crypto.Hmac;
import dev.nodeshim.crypto.ScryptOptions;
import dev.nodeshim.errors.NodeError;
import java.io.ByteArrayOutputStream;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Java half of the {@code crypto.*} probes of shared/CONFORMANCE.md: {@code hash}, {@code hmac},
 * {@code cipher}, {@code pbkdf2}, {@code hkdf}, {@code scrypt}, {@code timingSafeEqual}. The argument
 * mapping (conformance-tests/PROBES.md, "crypto"): a chunk that is a string goes to the String
 * overload ({@code update(s)}, {@code update(s, enc)}), bytes to the Buffer one; an output encoding
 * that Node answers with a Buffer ({@code "buffer"}, an unknown name) is the Java method that returns
 * the Buffer ({@code digest()}); byte results are returned as {@code byte[]}.
 */
public final class CryptoProbes {
    private CryptoProbes() {
    }

    public static void register(ProbeRegistry r) {
        r.register("crypto.hash", legacyAware(CryptoProbes::hash));
        r.register("crypto.hmac", legacyAware(CryptoProbes::hmac));
        r.register("crypto.cipher", legacyAware(CryptoProbes::cipher));
        r.register("crypto.pbkdf2", legacyAware(CryptoProbes::pbkdf2));
        r.register("crypto.hkdf", legacyAware(CryptoProbes::hkdf));
        r.register("crypto.scrypt", legacyAware(CryptoProbes::scrypt));
        r.register("crypto.timingSafeEqual", CryptoProbes::timingSafeEqual);
        r.register("crypto.cipherScript", legacyAware(CryptoProbes::cipherScript));
    }

    /**
     * A case with {@code "legacyProvider": true} was made by {@code node --openssl-legacy-provider}: the
     * probe runs with {@link Crypto#setLegacyProvider} on (process-wide, as Node's flag; cases run one
     * at a time) and turns it off again.
     */
    private static Probe legacyAware(Probe probe) {
        return in -> {
            if (!in.path("legacyProvider").asBoolean(false)) {
                return probe.run(in);
            }
            Crypto.setLegacyProvider(true);
            try {
                return probe.run(in);
            } finally {
                Crypto.setLegacyProvider(false);
            }
        };
    }

    private static byte[] hexOf(JsonNode j) {
        return HexFormat.of().parseHex(j.get("$hex").asText());
    }

    private static boolean isHex(JsonNode j) {
        return j != null && j.isObject() && j.has("$hex");
    }

    private static boolean isEncoded(JsonNode j) {
        return j != null && j.isObject() && j.has("s");
    }

    /** A chunk as one value: a String, byte[], or (for {s, enc}) the Buffer it means. */
    static Object chunkValue(JsonNode j) {
        if (j == null || j.isNull()) {
            return null;
        }
        if (j.isTextual()) {
            return j.textValue();
        }
        if (isHex(j)) {
            return hexOf(j);
        }
        if (isEncoded(j)) {
            return Buffer.from(j.get("s").asText(), j.get("enc").asText());
        }
        throw new Inexpressible("not a chunk: " + j);
    }

    private static String algorithm(JsonNode in) {
        JsonNode a = in.get("algorithm");
        if (a == null || !a.isTextual()) {
            throw new Inexpressible("algorithm must be a string: " + a);
        }
        return a.textValue();
    }

    /** Whether Node answers this output encoding with a string (else a Buffer). */
    private static boolean stringEncoding(JsonNode in) {
        JsonNode e = in.get("outputEncoding");
        return e != null && e.isTextual() && Encoding.lookup(e.textValue()) != null;
    }

    static Object hash(JsonNode in) {
        String alg = algorithm(in);
        Hash h = in.has("outputLength")
                ? Crypto.createHash(alg, HashOptions.defaults().outputLength(in.get("outputLength").asLong()))
                : Crypto.createHash(alg);
        for (JsonNode c : in.get("data")) {
            if (c.isTextual()) {
                h.update(c.textValue());
            } else if (isEncoded(c)) {
                h.update(c.get("s").asText(), c.get("enc").asText());
            } else {
                h.update(Buffer.wrap(hexOf(c)));
            }
        }
        return stringEncoding(in) ? h.digest(in.get("outputEncoding").textValue()) : h.digest().toByteArray();
    }

    static Object hmac(JsonNode in) {
        String alg = algorithm(in);
        Object key = chunkValue(in.get("key"));
        Hmac h;
        if (key instanceof String s) {
            h = Crypto.createHmac(alg, s);
        } else if (key instanceof byte[] b) {
            h = Crypto.createHmac(alg, b);
        } else {
            h = Crypto.createHmac(alg, (Buffer) key);
        }
        for (JsonNode c : in.get("data")) {
            if (c.isTextual()) {
                h.update(c.textValue());
            } else if (isEncoded(c)) {
                h.update(c.get("s").asText(), c.get("enc").asText());
            } else {
                h.update(Buffer.wrap(hexOf(c)));
            }
        }
        return stringEncoding(in) ? h.digest(in.get("outputEncoding").textValue()) : h.digest().toByteArray();
    }

    static Object cipher(JsonNode in) {
        String alg = algorithm(in);
        Object key = chunkValue(in.get("key"));
        Object iv = chunkValue(in.get("iv"));
        CipherOptions options = CipherOptions.defaults();
        if (in.has("options") && in.get("options").has("authTagLength")) {
            options = options.authTagLength(in.get("options").get("authTagLength").asInt());
        }
        boolean decrypt = in.get("decrypt").asBoolean();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Map<String, Object> result = new LinkedHashMap<>();
        if (decrypt) {
            Decipher d = Crypto.createDecipheriv(alg, key, iv, options);
            if (in.has("aad")) {
                if (in.has("plaintextLength")) {
                    d.setAAD(hexOf(in.get("aad")), in.get("plaintextLength").asLong());
                } else {
                    d.setAAD(hexOf(in.get("aad")));
                }
            }
            if (in.has("autoPadding")) {
                d.setAutoPadding(in.get("autoPadding").asBoolean());
            }
            if (in.has("authTag")) {
                d.setAuthTag(hexOf(in.get("authTag")));
            }
            for (JsonNode c : in.get("data")) {
                Buffer part = c.isTextual() ? d.update(c.textValue())
                        : isEncoded(c) ? d.update(c.get("s").asText(), c.get("enc").asText()) : d.update(Buffer.wrap(hexOf(c)));
                out.writeBytes(part.toByteArray());
            }
            out.writeBytes(d.doFinal().toByteArray());
            result.put("data", out.toByteArray());
            result.put("authTag", null);
            return result;
        }
        if (in.has("authTag")) {
            throw new Inexpressible("a Cipher has no setAuthTag in Java");
        }
        Cipher e = Crypto.createCipheriv(alg, key, iv, options);
        if (in.has("aad")) {
            if (in.has("plaintextLength")) {
                e.setAAD(hexOf(in.get("aad")), in.get("plaintextLength").asLong());
            } else {
                e.setAAD(hexOf(in.get("aad")));
            }
        }
        if (in.has("autoPadding")) {
            e.setAutoPadding(in.get("autoPadding").asBoolean());
        }
        for (JsonNode c : in.get("data")) {
            Buffer part = c.isTextual() ? e.update(c.textValue())
                    : isEncoded(c) ? e.update(c.get("s").asText(), c.get("enc").asText()) : e.update(Buffer.wrap(hexOf(c)));
            out.writeBytes(part.toByteArray());
        }
        out.writeBytes(e.doFinal().toByteArray());
        result.put("data", out.toByteArray());
        byte[] tag;
        try {
            tag = e.getAuthTag().toByteArray();
        } catch (NodeError notAead) {
            tag = null;
        }
        result.put("authTag", tag);
        return result;
    }

    static Object pbkdf2(JsonNode in) {
        JsonNode digest = in.get("digest");
        return Crypto.pbkdf2Sync(chunkValue(in.get("password")), chunkValue(in.get("salt")), in.get("iterations").asLong(),
                in.get("keylen").asLong(), digest == null || digest.isNull() ? null : digest.asText()).toByteArray();
    }

    static Object hkdf(JsonNode in) {
        return Buffer.from(Crypto.hkdfSync(in.get("digest").asText(), chunkValue(in.get("ikm")), chunkValue(in.get("salt")),
                chunkValue(in.get("info")), in.get("keylen").asLong())).toByteArray();
    }

    static Object scrypt(JsonNode in) {
        Object password = chunkValue(in.get("password"));
        Object salt = chunkValue(in.get("salt"));
        long keylen = in.get("keylen").asLong();
        if (!in.has("options")) {
            return Crypto.scryptSync(password, salt, keylen).toByteArray();
        }
        JsonNode o = in.get("options");
        ScryptOptions s = ScryptOptions.defaults();
        if (o.has("N")) {
            s = s.N(o.get("N").asLong());
        }
        if (o.has("cost")) {
            s = s.cost(o.get("cost").asLong());
        }
        if (o.has("r")) {
            s = s.r(o.get("r").asLong());
        }
        if (o.has("blockSize")) {
            s = s.blockSize(o.get("blockSize").asLong());
        }
        if (o.has("p")) {
            s = s.p(o.get("p").asLong());
        }
        if (o.has("parallelization")) {
            s = s.parallelization(o.get("parallelization").asLong());
        }
        if (o.has("maxmem")) {
            s = s.maxmem(o.get("maxmem").asLong());
        }
        return Crypto.scryptSync(password, salt, keylen, s).toByteArray();
    }

    static Object timingSafeEqual(JsonNode in) {
        return Crypto.timingSafeEqual(hexOf(in.get("a")), hexOf(in.get("b")));
    }

    /**
     * {@code crypto.cipherScript} (PROBES.md): one Cipher or Decipher driven through a list of actions,
     * each recorded as {@code ["ok", value]} or {@code ["threw", name, code, message]}.
     */
    static Object cipherScript(JsonNode in) {
        String alg = algorithm(in);
        Object key = chunkValue(in.get("key"));
        Object iv = chunkValue(in.get("iv"));
        CipherOptions options = CipherOptions.defaults();
        if (in.has("options") && in.get("options").has("authTagLength")) {
            options = options.authTagLength(in.get("options").get("authTagLength").asInt());
        }
        boolean decrypt = in.get("decrypt").asBoolean();
        Cipher e = decrypt ? null : Crypto.createCipheriv(alg, key, iv, options);
        Decipher d = decrypt ? Crypto.createDecipheriv(alg, key, iv, options) : null;
        java.util.List<Object> trace = new java.util.ArrayList<>();
        for (JsonNode step : in.get("steps")) {
            String action = step.get(0).asText();
            try {
                Object r;
                switch (action) {
                    case "update": {
                        Buffer data = Buffer.wrap(hexOf(step.get(1)));
                        r = (decrypt ? d.update(data) : e.update(data)).toByteArray();
                        break;
                    }
                    case "updateEnc": {
                        Buffer data = Buffer.wrap(hexOf(step.get(1)));
                        String enc = step.get(2).asText();
                        r = decrypt ? d.update(data, null, enc) : e.update(data, null, enc);
                        break;
                    }
                    case "final":
                        r = (decrypt ? d.doFinal() : e.doFinal()).toByteArray();
                        break;
                    case "finalEnc":
                        r = decrypt ? d.doFinal(step.get(1).asText()) : e.doFinal(step.get(1).asText());
                        break;
                    case "setAAD": {
                        byte[] aad = hexOf(step.get(1));
                        if (step.size() > 2) {
                            long n = step.get(2).asLong();
                            if (decrypt) {
                                d.setAAD(aad, n);
                            } else {
                                e.setAAD(aad, n);
                            }
                        } else if (decrypt) {
                            d.setAAD(aad);
                        } else {
                            e.setAAD(aad);
                        }
                        r = null;
                        break;
                    }
                    case "setAutoPadding":
                        if (decrypt) {
                            d.setAutoPadding(step.get(1).asBoolean());
                        } else {
                            e.setAutoPadding(step.get(1).asBoolean());
                        }
                        r = null;
                        break;
                    case "getAuthTag":
                        if (decrypt) {
                            throw new Inexpressible("a Decipher has no getAuthTag in Java");
                        }
                        r = e.getAuthTag().toByteArray();
                        break;
                    case "setAuthTag":
                        if (!decrypt) {
                            throw new Inexpressible("a Cipher has no setAuthTag in Java");
                        }
                        d.setAuthTag(hexOf(step.get(1)));
                        r = null;
                        break;
                    default:
                        throw new Inexpressible("unknown action " + action);
                }
                trace.add(java.util.Arrays.asList("ok", r));
            } catch (NodeError err) {
                trace.add(java.util.Arrays.asList("threw", err.name(), err.code(), err.getMessage()));
            }
        }
        return trace;
    }
}
