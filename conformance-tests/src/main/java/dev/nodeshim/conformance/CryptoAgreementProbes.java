package dev.nodeshim.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nodeshim.crypto.Crypto;
import dev.nodeshim.crypto.DiffieHellman;
import dev.nodeshim.crypto.DiffieHellmanGroup;
import dev.nodeshim.crypto.ECDH;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Java half of the key-agreement probes (generator: {@code generator/crypto-agreement.js}):
 * {@code crypto.ecdh} of shared/CONFORMANCE.md, and {@code crypto.dh} — a DiffieHellman from a group
 * name or from a prime and generator, its {@code verifyError}, the public key of a set private key
 * and the secret with a peer key.
 */
public final class CryptoAgreementProbes {
    private CryptoAgreementProbes() {
    }

    public static void register(ProbeRegistry r) {
        r.register("crypto.ecdh", CryptoAgreementProbes::ecdh);
        r.register("crypto.dh", CryptoAgreementProbes::dh);
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
}
