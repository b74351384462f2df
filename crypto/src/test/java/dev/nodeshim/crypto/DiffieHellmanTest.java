package dev.nodeshim.crypto;

import static dev.nodeshim.crypto.Crypto.createDiffieHellman;
import static dev.nodeshim.crypto.Crypto.getDiffieHellman;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nodeshim.buffer.Buffer;
import dev.nodeshim.errors.NodeError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** DiffieHellman against facts node 20 printed (the crypto.dh conformance probe has the bulk). */
class DiffieHellmanTest {
    private static void fails(String name, String code, String message, Executable e) {
        NodeError err = assertThrows(NodeError.class, e);
        assertEquals(name + " " + code + " " + message, err.name() + " " + err.code() + " " + err.getMessage());
    }

    private static Buffer hex(String s) {
        return Buffer.from(s, "hex");
    }

    @Test
    void groupsAndTheirSizes() {
        String[] names = {"modp1", "modp2", "modp5", "modp14", "modp15", "modp16", "modp17", "MODP18"};
        int[] sizes = {96, 128, 192, 256, 384, 512, 768, 1024};
        for (int i = 0; i < names.length; i++) {
            DiffieHellmanGroup g = getDiffieHellman(names[i]);
            assertEquals(sizes[i], g.getPrime().length());
            assertEquals("02", g.getGenerator("hex"));
            assertEquals(0, g.verifyError());
        }
        fails("Error", "ERR_CRYPTO_UNKNOWN_DH_GROUP", "Unknown DH group", () -> getDiffieHellman("modp3"));
        fails("TypeError", "ERR_INVALID_ARG_TYPE", "Group name must be a string", () -> getDiffieHellman(null));
    }

    @Test
    void keysAndSecretPaddedToThePrime() {
        Buffer p = getDiffieHellman("modp1").getPrime();
        DiffieHellman d = createDiffieHellman(p, 2);
        d.setPrivateKey(hex("03"));
        assertEquals("08", d.generateKeys("hex"));
        DiffieHellman e = createDiffieHellman(p, 2).setPrivateKey(hex("01"));
        e.generateKeys();
        assertEquals("00".repeat(95) + "05", e.computeSecret(hex("05")).toString("hex"));
        // both sides agree on random keys
        DiffieHellmanGroup a = getDiffieHellman("modp2");
        DiffieHellmanGroup b = getDiffieHellman("modp2");
        Buffer pa = a.generateKeys();
        Buffer pb = b.generateKeys();
        assertEquals(a.computeSecret(pb).toString("hex"), b.computeSecret(pa).toString("hex"));
    }

    @Test
    void nodesErrors() {
        Buffer p = getDiffieHellman("modp1").getPrime();
        DiffieHellman d = createDiffieHellman(p, 2);
        fails("Error", "ERR_CRYPTO_INVALID_STATE", "No public key - did you forget to generate one?", d::getPublicKey);
        fails("Error", "ERR_CRYPTO_INVALID_STATE", "No private key - did you forget to generate one?", d::getPrivateKey);
        fails("RangeError", "ERR_CRYPTO_INVALID_KEYTYPE", "Invalid key type", () -> d.computeSecret(hex("05")));
        d.setPrivateKey(hex("03"));
        fails("RangeError", "ERR_CRYPTO_INVALID_KEYLEN", "Supplied key is too small", () -> d.computeSecret(hex("01")));
        fails("RangeError", "ERR_CRYPTO_INVALID_KEYLEN", "Supplied key is too large", () -> d.computeSecret(p));
        fails("Error", "ERR_OSSL_DH_MODULUS_TOO_SMALL", "error:0280007E:Diffie-Hellman routines::modulus too small",
                () -> createDiffieHellman(100));
        fails("Error", "ERR_OSSL_DH_MODULUS_TOO_LARGE", "error:02800067:Diffie-Hellman routines::modulus too large",
                () -> createDiffieHellman(10001));
        fails("Error", "ERR_OSSL_DH_BAD_GENERATOR", "error:02800065:Diffie-Hellman routines::bad generator",
                () -> createDiffieHellman(512, 1));
        fails("Error", null, "Initialization failed", () -> createDiffieHellman(32, hex("02")));
        fails("RangeError", "ERR_OUT_OF_RANGE", "The value of \"sizeOrKey\" is out of range. It must be an integer. "
                + "Received 2.5", () -> createDiffieHellman(2.5));
        fails("TypeError", "ERR_UNKNOWN_ENCODING", "Unknown encoding: bogus", () -> createDiffieHellman(p, "02", "bogus"));
    }

    @Test
    void argumentsByType() {
        Buffer p = getDiffieHellman("modp1").getPrime();
        assertEquals("02", createDiffieHellman(p, "hex").getGenerator("hex"));
        assertEquals("686578", createDiffieHellman(p.toString("hex"), "hex", "hex").getGenerator("hex"));
        assertEquals("02", createDiffieHellman(p, "02", "hex").getGenerator("hex"));
        assertEquals("3035", createDiffieHellman(hex("17"), "05").getGenerator("hex"));
        assertEquals(137, createDiffieHellman("17", "bogus").verifyError());
        assertEquals(p.toString("hex"), createDiffieHellman(p.toString("hex"), "hex", 2).getPrime("hex"));
    }

    @Test
    void aGeneratedPrimeIsASafePrimeOfThatLength() {
        DiffieHellman a = createDiffieHellman(512);
        assertEquals(64, a.getPrime().length());
        assertEquals(0, a.verifyError());
        DiffieHellman b = createDiffieHellman(a.getPrime(), a.getGenerator());
        Buffer pa = a.generateKeys();
        Buffer pb = b.generateKeys();
        assertEquals(a.computeSecret(pb).toString("hex"), b.computeSecret(pa).toString("hex"));
    }

    @Test
    void verifyErrorLikeOpensslsCheck() {
        int[][] pgv = {{0, 2, 137}, {2, 2, 139}, {3, 2, 138}, {4, 2, 129}, {5, 4, 136}, {7, 2, 128}, {13, 2, 130},
            {23, 5, 128}};
        for (int[] c : pgv) {
            assertEquals(c[2], createDiffieHellman(new byte[] {(byte) c[0]}, c[1]).verifyError(), "p=" + c[0]);
        }
    }
}
