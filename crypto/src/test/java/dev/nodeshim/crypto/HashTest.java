package dev.nodeshim.crypto;

import static dev.nodeshim.crypto.Crypto.createHash;
import static dev.nodeshim.crypto.Crypto.createHmac;
import static dev.nodeshim.crypto.Crypto.getHashes;
import static dev.nodeshim.crypto.NodeAssert.assertNodeError;
import static dev.nodeshim.crypto.NodeAssert.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodeshim.buffer.Buffer;
import dev.nodeshim.errors.NodeError;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hash and Hmac against values printed by Node 20 (src/test/node/hashes.js and the scripts quoted). */
class HashTest {
    private static final byte[] LONG_KEY = new byte[200];

    static {
        for (int i = 0; i < 200; i++) {
            LONG_KEY[i] = (byte) i;
        }
    }

    @Test
    void everyNameOfGetHashesGivesNodesDigestAndHmac() throws Exception {
        List<String> rows = NodeAssert.resourceLines("hashes.tsv");
        assertEquals(52 * 4, rows.size());
        for (String row : rows) {
            String[] f = row.split("\t");
            byte[] data = f[1].equals("-") ? new byte[0] : hex(f[1]);
            String where = f[0] + " of " + data.length + " bytes";
            assertEquals(f[2], createHash(f[0]).update(data).digest("hex"), where);
            // the same bytes in two updates, one of them a Buffer view
            int cut = data.length / 3;
            assertEquals(f[2], createHash(f[0]).update(Arrays.copyOf(data, cut))
                    .update(Buffer.from(data).subarray(cut, data.length)).digest("hex"), where);
            if (!f[3].equals("-")) {
                assertEquals(f[3], createHmac(f[0], "key").update(data).digest("hex"), where);
                assertEquals(f[4], createHmac(f[0], LONG_KEY).update(data).digest("hex"), where);
            }
        }
    }

    @Test
    void getHashesIsNodes() {
        List<String> names = getHashes();
        assertEquals(52, names.size());
        assertEquals("RSA-MD5", names.get(0));
        assertEquals("ssl3-sha1", names.get(51));
    }

    @Test
    void openssl3SpellingsOidsAndAnyCaseAreAccepted() {
        String empty256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
        for (String n : List.of("SHA256", "sha-256", "SHA2-256", "RSA-SHA256", "sha256WithRSAEncryption",
                "2.16.840.1.101.3.4.2.1")) {
            assertEquals(empty256, createHash(n).digest("hex"), n);
        }
        assertEquals("6ed0dd02806fa89e25de060c19d3ac86cabb87d6a0ddd05c333b84f4", createHash("SHA512/224".equals("x")
                ? "" : "RSA-SHA512/224").digest("hex"));
        assertEquals(64, createHash("BLAKE2B-512").digest().length());
        assertEquals("sha256", createHash("RSA-SHA256").algorithm());
    }

    @Test
    void unknownAndLegacyNames() {
        assertNodeError("Error", null, "Digest method not supported", () -> createHash("nope"));
        assertNodeError("Error", null, "Digest method not supported", () -> createHash("SHA512/256"));
        NodeError e = assertNodeError("Error", "ERR_OSSL_EVP_UNSUPPORTED",
                "error:0308010C:digital envelope routines::unsupported", () -> createHash("md4"));
        assertEquals("digital envelope routines", e.prop("library"));
        assertEquals("unsupported", e.prop("reason"));
        assertNodeError("Error", "ERR_OSSL_EVP_UNSUPPORTED", "error:0308010C:digital envelope routines::unsupported",
                () -> createHash("whirlpool"));
        assertNodeError("TypeError", "ERR_INVALID_ARG_TYPE",
                "The \"algorithm\" argument must be of type string. Received null", () -> createHash(null));
    }

    @Test
    void xofOutputLengthFollowsNode() {
        assertEquals("7f9c2ba4e88f827d616045507605853e", createHash("shake128").digest("hex"));
        assertEquals("46b9dd2b0ba88d13233b3feb743eeb243fcd52ea62b81b82b50c27646ed5762f",
                createHash("shake256").digest("hex"));
        assertEquals("7f9c2ba4e8", createHash("shake128", HashOptions.defaults().outputLength(5)).digest("hex"));
        assertEquals("", createHash("shake128", HashOptions.defaults().outputLength(0)).digest("hex"));
        assertEquals("46b9dd2b0ba88d13233b3feb743eeb243fcd52ea62b81b82b50c27646ed5762fd75dc4ddd8c0f200cb05019d67b592f6"
                + "fc821c49479ab48640292eacb3b7c4be141e96616fb13957692cc7edd0b45ae3dc07223c8e92937bef84bc0eab862853"
                + "349ec755", createHash("shake256", HashOptions.defaults().outputLength(100)).digest("hex"));
        // a non-XOF accepts only its own size
        assertEquals(32, createHash("sha256", HashOptions.defaults().outputLength(32)).digest().length());
        assertNodeError("Error", "ERR_OSSL_EVP_NOT_XOF_OR_INVALID_LENGTH",
                "error:030000B2:digital envelope routines::not XOF or invalid length",
                () -> createHash("sha256", HashOptions.defaults().outputLength(16)));
        assertNodeError("RangeError", "ERR_OUT_OF_RANGE",
                "The value of \"options.outputLength\" is out of range. It must be >= 0 && <= 4294967295. Received -1",
                () -> HashOptions.defaults().outputLength(-1));
        assertNodeError("RangeError", "ERR_OUT_OF_RANGE", "The value of \"options.outputLength\" is out of range. "
                + "It must be >= 0 && <= 4294967295. Received 4294967296",
                () -> HashOptions.defaults().outputLength(4294967296L));
    }

    @Test
    void copyIsIndependentAndTakesItsOwnOutputLength() {
        Hash h = createHash("shake128", HashOptions.defaults().outputLength(3)).update("a");
        Hash k = h.copy(HashOptions.defaults().outputLength(4));
        assertEquals("85c8de88", k.digest("hex"));
        assertEquals("85c8de88d28866bf0868090b3961162b", h.copy().digest("hex"));
        Hash s = createHash("sha1").update("a");
        Hash t = s.copy();
        t.update("b");
        assertEquals("86f7e437faa5a7fce15d1ddcb9eaeaea377667b8", s.digest("hex"));
        assertEquals("da23614e02469a0d7c7bd1bdab5c9c474b1904dc", t.digest("hex"));
        assertNodeError("Error", "ERR_OSSL_EVP_NOT_XOF_OR_INVALID_LENGTH",
                "error:030000B2:digital envelope routines::not XOF or invalid length",
                () -> createHash("sha1").copy(HashOptions.defaults().outputLength(4)));
    }

    @Test
    void stateErrors() {
        Hash h = createHash("md5");
        h.digest();
        assertNodeError("Error", "ERR_CRYPTO_HASH_FINALIZED", "Digest already called", h::digest);
        assertNodeError("Error", "ERR_CRYPTO_HASH_FINALIZED", "Digest already called", () -> h.update("x"));
        assertNodeError("Error", "ERR_CRYPTO_HASH_FINALIZED", "Digest already called", h::copy);
        assertNodeError("Error", "ERR_CRYPTO_HASH_FINALIZED", "Digest already called", () -> h.digest("hex"));
        Hmac m = createHmac("md5", "k");
        m.digest();
        assertEquals("", m.digest("base64"));
        assertEquals(0, m.digest().length());
        assertNodeError("Error", "ERR_CRYPTO_HASH_FINALIZED", "Digest already called", () -> m.update("x"));
    }

    @Test
    void inputAndOutputEncodings() {
        assertEquals("187ef4436122d1cc2f40dc2b92f0eba0", createHash("md5").update("ab", "nope").digest("hex"));
        assertEquals("c9781ff7b1f4dc5933478fc9bd17bcd2", createHash("md5").update("e9ff", "HEX").digest("hex"));
        assertEquals("50c9d224c8295c70ca65afed3ece7d80", createHash("md5").update("e9ff", "Base64").digest("hex"));
        assertEquals("dcbfa1a52e875e8cb992d96b1f0c3b4c", createHash("md5").update("e9ff", "ucs-2").digest("hex"));
        assertEquals("e7f08f13d7e147c8713498f125a7de86", createHash("md5").update("e9ff", "binary").digest("hex"));
        assertEquals("Zt3Nl8/eq7L2+4qZm0vHbw==", createHash("md5").update("é").digest("Base64"));
        assertEquals("Zt3Nl8_eq7L2-4qZm0vHbw", createHash("md5").update("é").digest("base64url"));
        assertEquals("fÝÍ\u0097ÏÞ«²öû\u008a\u0099\u009bKÇo", createHash("md5").update("é").digest("latin1"));
        assertEquals("f]M\u0017O^+2v{\n\u0019\u001bKGo", createHash("md5").update("é").digest("ascii"));
        assertEquals("\udd66韍\udecf늫ﯶ馊䮛濇", createHash("md5").update("é").digest("UTF16LE"));
        assertNodeError("TypeError", "ERR_INVALID_ARG_VALUE",
                "The argument 'encoding' is invalid for data of length 3. Received 'hex'",
                () -> createHash("sha1").update("abc", "hex"));
        assertNodeError("TypeError", "ERR_INVALID_ARG_TYPE", "The \"data\" argument must be of type string or an "
                + "instance of Buffer, TypedArray, or DataView. Received null", () -> createHash("md5").update((String) null));
        // Java divergence: Node returns a Buffer for "buffer"; the String method refuses it and stays usable
        Hash h = createHash("md5");
        assertNodeError("TypeError", "ERR_UNKNOWN_ENCODING", "Unknown encoding: buffer", () -> h.digest("buffer"));
        assertEquals("d41d8cd98f00b204e9800998ecf8427e", h.digest("hex"));
    }

    @Test
    void hmacErrors() {
        assertNodeError("TypeError", "ERR_CRYPTO_INVALID_DIGEST", "Invalid digest: nope", () -> createHmac("nope", "k"));
        assertNodeError("Error", "ERR_OSSL_EVP_UNSUPPORTED", "error:0308010C:digital envelope routines::unsupported",
                () -> createHmac("md4", "k"));
        assertNodeError("Error", null, "error:00000000:lib(0)::reason(0)", () -> createHmac("shake128", "k"));
        assertNodeError("TypeError", "ERR_INVALID_ARG_TYPE", "The \"key\" argument must be of type string or an "
                + "instance of ArrayBuffer, Buffer, TypedArray, DataView, KeyObject, or CryptoKey. Received null",
                () -> createHmac("sha256", (String) null));
        assertNodeError("TypeError", "ERR_INVALID_ARG_TYPE",
                "The \"hmac\" argument must be of type string. Received null", () -> createHmac(null, "k"));
        assertEquals("8bb990c40a7d61cb97597a942125025be50ac8beb74436e3735b98893a7f6620",
                createHmac("SHA256", "k").digest("hex"));
        assertEquals("fbdb1d1b18aa6c08324b7d64b71fb76370690e1d", createHmac("sha1", new byte[0]).digest("hex"));
        assertEquals("66de53608ebbe9ec8593bd95caa9bc6d524600421d0822b45e91e276afd45a23fc058545",
                createHmac("md5-sha1", "k").digest("hex"));
    }

    @Test
    void hmacKeyIsCopied() {
        byte[] key = {1, 2, 3};
        Hmac a = createHmac("sha256", key);
        key[0] = 9;
        assertNotEquals(a.digest("hex"), createHmac("sha256", key).digest("hex"));
        assertTrue(getHashes().contains("sm3"));
    }

    @Test
    void oneShotHashAsNode20() {
        assertEquals("a9993e364706816aba3e25717850c26c9cd0d89d", Crypto.hash("sha1", "abc"));
        assertEquals("qZk+NkcGgWq6PiVxeFDCbJzQ2J0=", Crypto.hash("sha1", Buffer.from("abc"), "base64"));
        assertEquals("66ddcd97cfdeabb2f6fb8a999b4bc76f", Crypto.hash("md5", "é", "HEX"));
        assertEquals("f\ufffd\u0357\ufffd\u07ab\ufffd\ufffd\ufffd\ufffd\ufffd\ufffdK\ufffdo", Crypto.hash("md5", "é", ""));
        assertEquals("85c8de88d28866bf0868090b3961162b", Crypto.hash("shake128", "a"));
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                Crypto.hash("2.16.840.1.101.3.4.2.1", new byte[0], "hex"));
        assertNodeError("Error", null, "Digest method nope is not supported", () -> Crypto.hash("nope", "abc"));
        assertNodeError("Error", "ERR_OSSL_EVP_UNSUPPORTED", "error:0308010C:digital envelope routines::unsupported",
                () -> Crypto.hash("md4", "a"));
        assertNodeError("TypeError", "ERR_INVALID_ARG_VALUE", "The argument 'outputEncoding' is invalid. Received 'nope'",
                () -> Crypto.hash("md5", "a", "nope"));
        assertNodeError("TypeError", "ERR_INVALID_ARG_TYPE",
                "The \"outputEncoding\" argument must be of type string. Received null", () -> Crypto.hash("md5", "a", null));
        assertNodeError("TypeError", "ERR_INVALID_ARG_TYPE", "The \"input\" argument must be of type string or an "
                + "instance of Buffer, TypedArray, or DataView. Received null", () -> Crypto.hash("md5", (String) null));
    }
}
