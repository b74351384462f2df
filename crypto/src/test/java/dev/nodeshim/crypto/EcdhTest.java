package dev.nodeshim.crypto;

import static dev.nodeshim.crypto.Crypto.createECDH;
import static dev.nodeshim.crypto.Crypto.getCurves;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodeshim.buffer.Buffer;
import dev.nodeshim.errors.NodeError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** ECDH against values node 20 printed (the conformance probe crypto.ecdh covers every curve). */
class EcdhTest {
    private static final String G_P256 = "046b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296"
            + "4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5";
    private static final String TWO_G = "047cf27b188d034f7e8a52380304b51ac3c08969e277f21b35a60b48fc4766997807775510db8ed"
            + "040293d9ac69f7430dbba7dade63ce982299e04b79d227873d1";

    private static Buffer hex(String s) {
        return Buffer.from(s, "hex");
    }

    private static void fails(String name, String code, String message, Executable e) {
        NodeError err = assertThrows(NodeError.class, e);
        assertEquals(name + " " + code + " " + message, err.name() + " " + err.code() + " " + err.getMessage());
    }

    @Test
    void publicKeyInEachFormat() {
        ECDH e = createECDH("prime256v1").setPrivateKey(hex("01"));
        assertEquals("01", e.getPrivateKey("hex"));
        assertEquals(G_P256, e.getPublicKey("hex"));
        assertEquals("036b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296", e.getPublicKey("hex", "compressed"));
        assertEquals("07" + G_P256.substring(2), e.getPublicKey("hex", "hybrid"));
        assertEquals(G_P256.substring(0, 66).replaceFirst("^04", "03"), e.getPublicKey(ECDH.Format.COMPRESSED).toString("hex"));
    }

    @Test
    void secretIsFieldSizedXInAnyPeerFormat() {
        ECDH e = createECDH("prime256v1").setPrivateKey(hex("03"));
        ECDH f = createECDH("prime256v1").setPrivateKey(hex("02"));
        String expected = "b01a172a76a4602c92d3242cb897dde3024c740debb215b4c6b0aae93c2291a9";
        for (ECDH.Format fmt : ECDH.Format.values()) {
            assertEquals(expected, e.computeSecret(f.getPublicKey(fmt)).toString("hex"));
        }
        assertEquals("sBoXKnakYCyS0yQsuJfd4wJMdA3rshW0xrCq6Twikak=", e.computeSecret(f.getPublicKey("hex"), "hex", "base64"));
        ECDH s = createECDH("secp521r1").setPrivateKey(hex("01"));
        ECDH t = createECDH("secp521r1").setPrivateKey(hex("02"));
        assertEquals(66, s.computeSecret(t.getPublicKey()).length());
        assertEquals(133, s.getPublicKey().length());
    }

    @Test
    void generatedKeysAgree() {
        for (String curve : new String[] {"secp256k1", "brainpoolP256r1", "sect163k1", "SM2", "wap-wsg-idm-ecid-wtls8",
                "Oakley-EC2N-3", "c2pnb176v1"}) {
            ECDH a = createECDH(curve);
            ECDH b = createECDH(curve);
            Buffer pa = a.generateKeys();
            Buffer pb = b.generateKeys(ECDH.Format.COMPRESSED);
            assertEquals(a.computeSecret(pb).toString("hex"), b.computeSecret(pa).toString("hex"), curve);
        }
        assertEquals(82, getCurves().size());
    }

    @Test
    void convertKey() {
        assertEquals("037cf27b188d034f7e8a52380304b51ac3c08969e277f21b35a60b48fc47669978",
                ECDH.convertKey(hex(TWO_G), "prime256v1", null, "hex", "compressed"));
        assertEquals(TWO_G, ECDH.convertKey("037cf27b188d034f7e8a52380304b51ac3c08969e277f21b35a60b48fc47669978",
                "prime256v1", "hex", "hex"));
        assertEquals("00", ECDH.convertKey(hex("00"), "prime256v1").toString("hex"));
        fails("TypeError", "ERR_CRYPTO_ECDH_INVALID_FORMAT", "Invalid ECDH format: x",
                () -> ECDH.convertKey(Buffer.alloc(65), "nope", null, "hex", "x"));
        fails("Error", "ERR_CRYPTO_OPERATION_FAILED", "Failed to convert Buffer to EC_POINT",
                () -> ECDH.convertKey(Buffer.alloc(65), "prime256v1"));
        fails("TypeError", "ERR_CRYPTO_INVALID_CURVE", "Invalid EC curve name", () -> ECDH.convertKey(hex(TWO_G), "PRIME256V1"));
    }

    @Test
    void nodesErrors() {
        fails("TypeError", "ERR_CRYPTO_INVALID_CURVE", "Invalid EC curve name", () -> createECDH("P-256"));
        fails("TypeError", "ERR_INVALID_ARG_TYPE", "The \"curve\" argument must be of type string. Received null",
                () -> createECDH(null));
        ECDH e = createECDH("prime256v1");
        fails("Error", "ERR_CRYPTO_OPERATION_FAILED", "Failed to get ECDH public key", e::getPublicKey);
        fails("Error", "ERR_CRYPTO_OPERATION_FAILED", "Failed to get ECDH private key", e::getPrivateKey);
        fails("RangeError", "ERR_CRYPTO_INVALID_KEYPAIR", "Invalid key pair", () -> e.computeSecret(hex(TWO_G)));
        for (String bad : new String[] {"", "00", "ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551"}) {
            fails("RangeError", "ERR_CRYPTO_INVALID_KEYTYPE", "Private key is not valid for specified curve.",
                    () -> e.setPrivateKey(hex(bad)));
        }
        e.setPrivateKey(hex("00ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632550"));
        assertEquals("ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632550", e.getPrivateKey("hex"));
        for (String bad : new String[] {"", "04", "05" + "00".repeat(31) + "05",
                TWO_G.substring(0, 64)}) {
            fails("Error", "ERR_CRYPTO_ECDH_INVALID_PUBLIC_KEY", "Public key is not valid for specified curve",
                    () -> e.computeSecret(hex(bad)));
        }
        fails("Error", "ERR_CRYPTO_OPERATION_FAILED", "Failed to compute ECDH key", () -> e.computeSecret(hex("00")));
        fails("TypeError", "ERR_INVALID_ARG_TYPE", "The \"key\" argument must be of type string or an instance of "
                + "ArrayBuffer, Buffer, TypedArray, or DataView. Received type number (5)", () -> e.computeSecret(5));
        fails("TypeError", "ERR_UNKNOWN_ENCODING", "Unknown encoding: bogus", () -> e.computeSecret("abcd", "bogus"));
        fails("TypeError", "ERR_CRYPTO_ECDH_INVALID_FORMAT", "Invalid ECDH format: bogus", () -> e.getPublicKey("hex", "bogus"));
        // a string key without an encoding is utf8, as in Node: the hex text is no point
        fails("Error", "ERR_CRYPTO_ECDH_INVALID_PUBLIC_KEY", "Public key is not valid for specified curve",
                () -> e.computeSecret(TWO_G));
    }

    @Test
    @SuppressWarnings("deprecation")
    void setPublicKeyReplacesOnlyThePublicKey() {
        ECDH z = createECDH("prime256v1");
        z.setPublicKey(hex(TWO_G));
        assertEquals(TWO_G, z.getPublicKey("hex"));
        fails("Error", "ERR_CRYPTO_OPERATION_FAILED", "Failed to compute ECDH key", () -> z.computeSecret(hex(TWO_G)));
        z.setPrivateKey(hex("05"));
        z.setPublicKey(hex(TWO_G));
        fails("RangeError", "ERR_CRYPTO_INVALID_KEYPAIR", "Invalid key pair", () -> z.computeSecret(hex(TWO_G)));
        fails("Error", "ERR_CRYPTO_OPERATION_FAILED", "Failed to convert Buffer to EC_POINT",
                () -> z.setPublicKey(Buffer.alloc(65)));
        assertTrue(createECDH("prime256v1").setPublicKey(hex("00")) != null);
    }
}
