package dev.nodeshim.crypto;

import static dev.nodeshim.crypto.Crypto.createCipheriv;
import static dev.nodeshim.crypto.Crypto.createDecipheriv;
import static dev.nodeshim.crypto.NodeAssert.assertNodeError;
import static dev.nodeshim.crypto.NodeAssert.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.nodeshim.buffer.Buffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** createCipheriv/createDecipheriv: Node 20's argument, length, state and AEAD rules (printed by node). */
class CipherTest {
    private static final byte[] K16 = filled(16, 1);
    private static final byte[] K32 = filled(32, 1);
    private static final byte[] IV12 = filled(12, 2);
    private static final byte[] IV16 = new byte[16];

    private static byte[] filled(int n, int v) {
        byte[] b = new byte[n];
        java.util.Arrays.fill(b, (byte) v);
        return b;
    }

    @Test
    void nameKeyAndIvChecksInNodesOrder() {
        assertNodeError("Error", "ERR_CRYPTO_UNKNOWN_CIPHER", "Unknown cipher", () -> createCipheriv("nope", new byte[3], IV16));
        assertNodeError("TypeError", "ERR_INVALID_ARG_TYPE", "The \"key\" argument must be of type string or an instance of "
                + "ArrayBuffer, Buffer, TypedArray, DataView, KeyObject, or CryptoKey. Received null",
                () -> createCipheriv("nope", null, IV16));
        assertNodeError("TypeError", "ERR_INVALID_ARG_TYPE", "The \"key\" argument must be of type string or an instance of "
                + "ArrayBuffer, Buffer, TypedArray, DataView, KeyObject, or CryptoKey. Received type number (5)",
                () -> createCipheriv("aes-128-cbc", 5, IV16));
        assertNodeError("TypeError", "ERR_INVALID_ARG_TYPE", "The \"iv\" argument must be of type string or an instance of "
                + "ArrayBuffer, Buffer, TypedArray, or DataView. Received type number (5)",
                () -> createCipheriv("aes-128-cbc", K16, 5));
        assertNodeError("TypeError", "ERR_INVALID_ARG_TYPE", "The \"cipher\" argument must be of type string. Received null",
                () -> createCipheriv(null, K16, IV16));
        assertNodeError("TypeError", "ERR_CRYPTO_INVALID_IV", "Invalid initialization vector",
                () -> createCipheriv("aes-128-cbc", new byte[3], new byte[3]));
        assertNodeError("RangeError", "ERR_CRYPTO_INVALID_KEYLEN", "Invalid key length",
                () -> createCipheriv("aes-128-cbc", new byte[17], IV16));
        assertNodeError("Error", "ERR_OSSL_EVP_UNSUPPORTED", "error:0308010C:digital envelope routines::unsupported",
                () -> createCipheriv("des-ecb", new byte[3], null));
        assertNodeError("TypeError", "ERR_CRYPTO_INVALID_IV", "Invalid initialization vector",
                () -> createCipheriv("aes-128-ecb", K16, IV16));
        assertNodeError("TypeError", "ERR_CRYPTO_INVALID_IV", "Invalid initialization vector",
                () -> createCipheriv("aes-128-gcm", K16, new byte[0]));
        assertNodeError("TypeError", "ERR_CRYPTO_INVALID_IV", "Invalid initialization vector",
                () -> createCipheriv("aes-128-gcm", K16, new byte[129]));
        Cipher longIv = createCipheriv("aes-128-gcm", new byte[16], new byte[128]);
        longIv.update("a");
        longIv.doFinal();
        assertEquals("485a705dcb138b6ac40a32dda6dd2b6d", longIv.getAuthTag().toString("hex"));
        assertNodeError("TypeError", "ERR_CRYPTO_INVALID_IV", "Invalid initialization vector",
                () -> createCipheriv("aes-128-ccm", K16, new byte[14], CipherOptions.defaults().authTagLength(16)));
        assertNodeError("TypeError", "ERR_CRYPTO_INVALID_IV", "Invalid initialization vector",
                () -> createCipheriv("aes-128-ocb", K16, new byte[16], CipherOptions.defaults().authTagLength(16)));
        assertNodeError("Error", "ERR_OSSL_XTS_DUPLICATED_KEYS", "error:1C800095:Provider routines::xts duplicated keys",
                () -> createCipheriv("aes-128-xts", K32, IV16));
        // deciphering with equal XTS halves is allowed
        createDecipheriv("aes-128-xts", K32, IV16);
        // key and IV as strings are their UTF-8 bytes; ECB takes a null IV; names in any case
        assertEquals("0488b85eeaa11c4f77b1575dc1b1ecc3",
                createCipheriv("AES-128-CBC", K16, "0123456789abcdef").doFinal("hex"));
        assertEquals(16, createCipheriv("2.16.840.1.101.3.4.1.2", K16, IV16).doFinal().length());
        assertEquals(0, createCipheriv("aes-128-ecb", K16, null).setAutoPadding(false).doFinal().length());
    }

    @Test
    void tagLengthIsCheckedBeforeKeyLength() {
        assertNodeError("TypeError", "ERR_CRYPTO_INVALID_AUTH_TAG", "authTagLength required for aes-128-ccm",
                () -> createCipheriv("aes-128-ccm", new byte[3], IV12));
        assertNodeError("TypeError", "ERR_CRYPTO_INVALID_AUTH_TAG", "Invalid authentication tag length: 5",
                () -> createCipheriv("aes-128-gcm", new byte[3], IV12, CipherOptions.defaults().authTagLength(5)));
        assertNodeError("TypeError", "ERR_CRYPTO_INVALID_IV", "Invalid initialization vector",
                () -> createCipheriv("aes-128-ocb", K16, new byte[16], CipherOptions.defaults().authTagLength(17)));
        assertNodeError("Error", "ERR_OSSL_XTS_DUPLICATED_KEYS", "error:1C800095:Provider routines::xts duplicated keys",
                () -> createCipheriv("aes-128-xts", new byte[32], IV16, CipherOptions.defaults().authTagLength(5)));
    }

    @Test
    void tagLengthRules() {
        assertNodeError("TypeError", "ERR_CRYPTO_INVALID_AUTH_TAG", "Invalid authentication tag length: 5",
                () -> createCipheriv("aes-128-gcm", K16, IV12, CipherOptions.defaults().authTagLength(5)));
        assertNodeError("TypeError", "ERR_CRYPTO_INVALID_AUTH_TAG", "authTagLength required for aes-128-ccm",
                () -> createCipheriv("aes-128-ccm", K16, IV12));
        assertNodeError("TypeError", "ERR_CRYPTO_INVALID_AUTH_TAG", "authTagLength required for aes-128-ocb",
                () -> createDecipheriv("aes-128-ocb", K16, IV12));
        assertNodeError("TypeError", "ERR_CRYPTO_INVALID_AUTH_TAG", "Invalid authentication tag length: 17",
                () -> createCipheriv("aes-128-ocb", K16, IV12, CipherOptions.defaults().authTagLength(17)));
        for (int n : new int[] {4, 8, 12, 13, 14, 15, 16}) {
            createDecipheriv("aes-128-gcm", K16, IV12).setAuthTag(new byte[n]);
        }
        for (int n : new int[] {0, 1, 3, 5, 17}) {
            assertNodeError("TypeError", "ERR_CRYPTO_INVALID_AUTH_TAG", "Invalid authentication tag length: " + n,
                    () -> createDecipheriv("aes-128-gcm", K16, IV12).setAuthTag(new byte[n]));
        }
        assertNodeError("TypeError", "ERR_CRYPTO_INVALID_AUTH_TAG", "Invalid authentication tag length: 12",
                () -> createDecipheriv("aes-128-gcm", K16, IV12, CipherOptions.defaults().authTagLength(16))
                        .setAuthTag(new byte[12]));
        assertNodeError("TypeError", "ERR_CRYPTO_INVALID_AUTH_TAG", "Invalid authentication tag length: 8",
                () -> createDecipheriv("chacha20-poly1305", K32, IV12).setAuthTag(new byte[8]));
        // tags Node computed
        Cipher g = createCipheriv("aes-128-gcm", K16, IV12, CipherOptions.defaults().authTagLength(4));
        g.update("abc");
        g.doFinal();
        assertEquals("88de83e9", g.getAuthTag().toString("hex"));
        for (int[] t : new int[][] {{4, 0}, {8, 1}, {16, 2}}) {
            Cipher o = createCipheriv("aes-128-ocb", K16, IV12, CipherOptions.defaults().authTagLength(t[0]));
            o.update("ab");
            o.doFinal();
            assertEquals(List.of("5b01620b", "4abc418354fae06a", "92d0641b56f441ffb380019d7443b37a").get(t[1]),
                    o.getAuthTag().toString("hex"));
        }
        Cipher p = createCipheriv("chacha20-poly1305", K32, IV12, CipherOptions.defaults().authTagLength(8));
        p.update("ab");
        p.doFinal();
        assertEquals("4679a6bdfcb84078", p.getAuthTag().toString("hex"));
        Cipher one = createCipheriv("aes-128-gcm", K16, new byte[1]);
        one.update("ab");
        one.doFinal();
        assertEquals("c417238cd3da42dea6ebc3fce62db867", one.getAuthTag().toString("hex"));
    }

    @Test
    void stateRules() {
        Cipher c = createCipheriv("aes-128-cbc", K16, IV16);
        assertNodeError("Error", "ERR_CRYPTO_INVALID_STATE", "Invalid state for operation setAAD", () -> c.setAAD(new byte[1]));
        c.doFinal();
        assertNodeError("Error", null, "Trying to add data in unsupported state", () -> c.update("a"));
        assertNodeError("Error", "ERR_CRYPTO_INVALID_STATE", "Invalid state", c::doFinal);
        assertNodeError("Error", "ERR_CRYPTO_INVALID_STATE", "Invalid state for operation setAutoPadding",
                () -> c.setAutoPadding(false));
        assertNodeError("Error", "ERR_CRYPTO_INVALID_STATE", "Invalid state for operation getAuthTag", c::getAuthTag);
        Cipher g = createCipheriv("aes-128-gcm", K16, IV12);
        assertNodeError("Error", "ERR_CRYPTO_INVALID_STATE", "Invalid state for operation getAuthTag", g::getAuthTag);
        g.setAAD(Buffer.from("x")).setAAD(Buffer.from("y"));
        g.update("ab");
        assertNodeError("Error", "ERR_CRYPTO_INVALID_STATE", "Invalid state for operation setAAD", () -> g.setAAD(new byte[1]));
        assertNodeError("TypeError", "ERR_INVALID_ARG_TYPE", "The \"aadbuf\" argument must be of type string or an instance "
                + "of ArrayBuffer, Buffer, TypedArray, or DataView. Received null", () -> g.setAAD((byte[]) null));
        Decipher d = createDecipheriv("aes-128-gcm", K16, IV12);
        d.update("ab");
        d.setAuthTag(new byte[16]);
        assertNodeError("Error", "ERR_CRYPTO_INVALID_STATE", "Invalid state for operation setAuthTag",
                () -> d.setAuthTag(new byte[16]));
        assertNodeError("Error", "ERR_CRYPTO_INVALID_STATE", "Invalid state for operation setAuthTag",
                () -> createDecipheriv("aes-128-cbc", K16, IV16).setAuthTag(new byte[16]));
        assertNodeError("TypeError", "ERR_INVALID_ARG_TYPE", "The \"buffer\" argument must be of type string or an instance "
                + "of ArrayBuffer, Buffer, TypedArray, or DataView. Received null",
                () -> createDecipheriv("aes-128-gcm", K16, IV12).setAuthTag((byte[]) null));
        // setAAD twice is one AAD: Node's tag for "xy"
        Cipher xy = createCipheriv("aes-128-gcm", K16, IV12).setAAD(Buffer.from("x")).setAAD(Buffer.from("y"));
        xy.doFinal();
        assertEquals("b1331284cc9c596d832a57e4a03db7f5", xy.getAuthTag().toString("hex"));
        Cipher ocb = createCipheriv("aes-128-ocb", K16, IV12, CipherOptions.defaults().authTagLength(16));
        ocb.update("a");
        ocb.setAAD(Buffer.from("a"));
        Cipher padLater = createCipheriv("aes-128-cbc", K16, IV16);
        padLater.update("abc");
        assertSame(padLater, padLater.setAutoPadding(false));
        assertEquals(16, padLater.update(new byte[13]).length());
        assertEquals(0, padLater.doFinal().length());
    }

    @Test
    void paddingAndAuthenticationErrors() {
        Decipher d = createDecipheriv("aes-128-cbc", K16, IV16);
        d.update(new byte[17]);
        assertNodeError("Error", "ERR_OSSL_WRONG_FINAL_BLOCK_LENGTH", "error:1C80006B:Provider routines::wrong final block length",
                d::doFinal);
        Decipher bad = createDecipheriv("aes-128-cbc", K16, IV16);
        bad.update(new byte[32]);
        assertEquals("bad decrypt", assertNodeError("Error", "ERR_OSSL_BAD_DECRYPT",
                "error:1C800064:Provider routines::bad decrypt", bad::doFinal).prop("reason"));
        assertNodeError("Error", "ERR_OSSL_WRONG_FINAL_BLOCK_LENGTH", "error:1C80006B:Provider routines::wrong final block length",
                () -> createDecipheriv("aes-128-cbc", K16, IV16).doFinal());
        Cipher np = createCipheriv("aes-128-cbc", K16, IV16).setAutoPadding(false);
        np.update("abc");
        assertNodeError("Error", "ERR_OSSL_WRONG_FINAL_BLOCK_LENGTH", "error:1C80006B:Provider routines::wrong final block length",
                np::doFinal);
        assertEquals("33083240d65cbc72aa0b44f3e19ea95a",
                createDecipheriv("aes-128-ecb", K16, null).setAutoPadding(false).update(new byte[16]).toString("hex"));
        // GCM: a tampered byte fails in doFinal, after update returned the unauthenticated plaintext
        Cipher e = createCipheriv("aes-128-gcm", K16, IV12);
        byte[] ct = Bytes.concat(e.update("hello").toByteArray(), e.doFinal().toByteArray());
        byte[] tag = e.getAuthTag().toByteArray();
        ct[0] ^= 1;
        Decipher t = createDecipheriv("aes-128-gcm", K16, IV12).setAuthTag(tag);
        assertEquals(5, t.update(ct).length());
        assertNodeError("Error", null, "Unsupported state or unable to authenticate data", t::doFinal);
        assertNodeError("Error", null, "Unsupported state or unable to authenticate data", () -> {
            Decipher n = createDecipheriv("aes-128-gcm", K16, IV12);
            n.update("ab");
            n.doFinal();
        });
    }

    @Test
    void ccmRules() {
        CipherOptions t16 = CipherOptions.defaults().authTagLength(16);
        Cipher c = createCipheriv("aes-128-ccm", K16, IV12, t16);
        assertEquals("397d4536d6", c.update("hello").toString("hex"));
        c.doFinal();
        assertEquals("6f56006d3183d80878dd95cc0ef643ae", c.getAuthTag().toString("hex"));
        Cipher twice = createCipheriv("aes-128-ccm", K16, IV12, t16);
        twice.update("hello");
        assertNodeError("Error", null, "Trying to add data in unsupported state", () -> twice.update("x"));
        assertNodeError("TypeError", "ERR_MISSING_ARGS", "options.plaintextLength required for CCM mode with AAD",
                () -> createCipheriv("aes-128-ccm", K16, IV12, t16).setAAD(Buffer.from("aad")));
        Cipher aad = createCipheriv("aes-128-ccm", K16, IV12, t16).setAAD(Buffer.from("aad"), 5);
        assertEquals("397d4536d6", aad.update("hello").toString("hex"));
        aad.doFinal();
        assertEquals("ecc0b407fdb57c0871ffb41005ceeeb8", aad.getAuthTag().toString("hex"));
        Cipher wrong = createCipheriv("aes-128-ccm", K16, IV12, t16).setAAD(Buffer.from("aad"), 4);
        assertNodeError("Error", null, "Trying to add data in unsupported state", () -> wrong.update("hello"));
        assertNodeError("Error", "ERR_OSSL_TAG_NOT_SET", "error:1C800077:Provider routines::tag not set",
                () -> createCipheriv("aes-128-ccm", K16, IV12, t16).doFinal());
        assertNodeError("RangeError", "ERR_CRYPTO_INVALID_MESSAGELEN", "Invalid message length",
                () -> createCipheriv("aes-128-ccm", K16, new byte[13], t16).update(new byte[70000]));
        assertNodeError("RangeError", "ERR_CRYPTO_INVALID_MESSAGELEN", "Invalid message length",
                () -> createCipheriv("aes-128-ccm", K16, new byte[13], t16).setAAD(new byte[1], 70000));
        assertNodeError("TypeError", "ERR_INVALID_ARG_VALUE", "The property 'options.plaintextLength' is invalid. Received -1",
                () -> createCipheriv("aes-128-ccm", K16, IV12, t16).setAAD(new byte[1], -1));
        Decipher good = createDecipheriv("aes-128-ccm", K16, IV12, t16).setAuthTag(hex("6f56006d3183d80878dd95cc0ef643ae"));
        assertEquals("hello", good.update(hex("397d4536d6")).toString("utf8"));
        assertEquals(0, good.doFinal().length());
        Decipher badTag = createDecipheriv("aes-128-ccm", K16, IV12, t16).setAuthTag(new byte[16]);
        assertEquals(0, badTag.update(new byte[5]).length());
        assertNodeError("Error", null, "Unsupported state or unable to authenticate data", badTag::doFinal);
    }

    @Test
    void outputEncodingsHoldCutCharacters() {
        byte[] ct = createCipheriv("aes-128-ctr", K16, IV16).update("héllo wörld").toByteArray();
        Decipher d = createDecipheriv("aes-128-ctr", K16, IV16);
        assertEquals("h", d.update(Buffer.from(ct).subarray(0, 2), null, "utf8"));
        assertEquals("éllo w", d.update(Buffer.from(ct).subarray(2, 9), null, "utf8"));
        assertEquals("\ufffd", d.doFinal("utf8"));
        Cipher b = createCipheriv("aes-128-ctr", K16, IV16);
        assertEquals("18zM", b.update("abc", "utf8", "base64"));
        assertEquals("", b.update("d", "utf8", "base64"));
        assertEquals("ng==", b.doFinal("base64"));
        Cipher u = createCipheriv("aes-128-ctr", K16, IV16);
        assertEquals("쳗", u.update("abc", "utf8", "ucs2"));
        assertEquals("", u.doFinal("ucs2"));
        Cipher mixed = createCipheriv("aes-128-ctr", K16, IV16);
        mixed.update("abc", "utf8", "hex");
        assertEquals("ERR_INTERNAL_ASSERTION", assertNodeErrorCode(() -> mixed.update("d", "utf8", "base64")));
        assertNodeError("TypeError", "ERR_UNKNOWN_ENCODING", "Unknown encoding: nope",
                () -> createCipheriv("aes-128-ctr", K16, IV16).update("ff00", "hex", "nope"));
        assertEquals("d0c89fca", createCipheriv("aes-128-ctr", K16, IV16).update("ff00", "nope", "hex"));
        assertEquals("d7cc", createCipheriv("aes-128-ctr", K16, IV16).update(Buffer.from("ab"), "hex", "hex"));
        assertNodeError("TypeError", "ERR_INVALID_ARG_VALUE", "The argument 'encoding' is invalid for data of length 3. "
                + "Received 'hex'", () -> createCipheriv("aes-128-ctr", K16, IV16).update("abc", "hex"));
        assertNodeError("TypeError", "ERR_INVALID_ARG_TYPE", "The \"data\" argument must be of type string or an instance "
                + "of Buffer, TypedArray, or DataView. Received null", () -> createCipheriv("aes-128-ctr", K16, IV16)
                .update((byte[]) null));
    }

    private static String assertNodeErrorCode(org.junit.jupiter.api.function.Executable call) {
        return org.junit.jupiter.api.Assertions.assertThrows(dev.nodeshim.errors.NodeError.class, call).code();
    }

    @Test
    void streamModesAndWrapping() {
        // chacha20's 32-bit block counter carries into the next IV word, as OpenSSL's does
        byte[] iv = new byte[16];
        iv[0] = iv[1] = iv[2] = iv[3] = (byte) 0xff;
        String out = createCipheriv("chacha20", K32, iv).update(new byte[128]).toString("hex");
        assertEquals("da6b76ce23a3ad8e6a3e8c103ddf6cccbcfec33ffc928a58b7399c93a6a1ac598f2d9f09b2d86818b1b86ed34ef6bd2c06f68a"
                + "3982d3afa0b81ac40d2bd96aba285355cd57ff7f94e5191e6fe26966a6bd203a3183f5918b9ecbfe93f0f72208278364e1bd"
                + "81f8ef5f50f42660c9953addb91204b0a05223d5533ff5eb33f3fa", out);
        // XTS: every update is one data unit under the same tweak
        byte[] k = new byte[32];
        for (int i = 0; i < 32; i++) {
            k[i] = (byte) i;
        }
        Cipher x = createCipheriv("aes-128-xts", k, filled(16, 3));
        assertEquals("b82a3f3af0fda49e54ddee5ea7c538fb", x.update(filled(16, 1)).toString("hex"));
        assertEquals("b82a3f3af0fda49e54ddee5ea7c538fb", x.update(filled(16, 1)).toString("hex"));
        assertEquals("a9cafc241c538b10883f077eb2e447f4b8",
                createCipheriv("aes-128-xts", k, filled(16, 3)).update(filled(17, 1)).toString("hex"));
        assertNodeError("Error", null, "Trying to add data in unsupported state",
                () -> createCipheriv("aes-128-xts", k, filled(16, 3)).update(new byte[15]));
        // RFC 3394's example key wrap, then the unwrap with a tampered byte
        byte[] kek = hex("000102030405060708090A0B0C0D0E0F");
        assertEquals("1fa68b0a8112b447aef34bd8fb5a7b829d3e862371d2cfe5", createCipheriv("aes128-wrap", kek,
                hex("a6a6a6a6a6a6a6a6")).update(hex("00112233445566778899AABBCCDDEEFF")).toString("hex"));
        byte[] wrapped = hex("1fa68b0a8112b447aef34bd8fb5a7b829d3e862371d2cfe5");
        wrapped[3] ^= 1;
        assertNodeError("Error", null, "Trying to add data in unsupported state",
                () -> createDecipheriv("aes128-wrap", kek, hex("a6a6a6a6a6a6a6a6")).update(wrapped));
        assertNodeError("Error", null, "Trying to add data in unsupported state",
                () -> createCipheriv("aes128-wrap", kek, hex("a6a6a6a6a6a6a6a6")).update(new byte[8]));
        // des3-wrap is randomised: a round trip
        byte[] k24 = new byte[24];
        for (int i = 0; i < 24; i++) {
            k24[i] = (byte) (i * 7);
        }
        byte[] w = createCipheriv("des3-wrap", k24, null).update(filled(16, 1)).toByteArray();
        assertEquals(32, w.length);
        assertEquals("01010101010101010101010101010101", createDecipheriv("des3-wrap", k24, null).update(w).toString("hex"));
        assertNodeError("Error", null, "Trying to add data in unsupported state",
                () -> createCipheriv("aes-128-cbc-hmac-sha1", K16, IV16).update("a"));
        assertEquals(131, Crypto.getCiphers().size());
    }

    @Test
    void aadAndCcmStateAsNodesScriptsShowed() {
        // AAD is taken until message bytes went through: an empty update does not count (Node's tag)
        byte[] k32 = new byte[32];
        for (int i = 0; i < 32; i++) {
            k32[i] = (byte) i;
        }
        Cipher g = createCipheriv("aes-256-gcm", k32, new byte[12]);
        g.update("");
        g.setAAD(Buffer.from("x"));
        g.doFinal();
        assertEquals("396b331f0135b92f1a63ec0c84b12ee7", g.getAuthTag().toString("hex"));
        // empty AAD at any time before final
        Cipher late = createCipheriv("aes-256-gcm", k32, new byte[12]);
        late.update("ab");
        late.setAAD(new byte[0]);
        assertNodeError("Error", "ERR_CRYPTO_INVALID_STATE", "Invalid state for operation setAAD", () -> late.setAAD(new byte[1]));
        // CCM decryption: a second update returns nothing and final fails, even after a good first one
        byte[] k16 = java.util.Arrays.copyOf(k32, 16);
        CipherOptions t16 = CipherOptions.defaults().authTagLength(16);
        Cipher c = createCipheriv("aes-128-ccm", k16, IV12, t16);
        Buffer ct = c.update("hello");
        c.doFinal();
        Decipher d = createDecipheriv("aes-128-ccm", k16, IV12, t16).setAuthTag(c.getAuthTag());
        assertEquals("hello", d.update(ct).toString("utf8"));
        assertEquals(0, d.update(ct).length());
        assertNodeError("Error", null, "Unsupported state or unable to authenticate data", d::doFinal);
        // CCM encryption: a refused second update makes final fail; a refused first one leaves no tag
        Cipher twice = createCipheriv("aes-128-ccm", k16, IV12, t16);
        twice.update("hello");
        assertNodeError("Error", null, "Trying to add data in unsupported state", () -> twice.update("x"));
        assertNodeError("Error", null, "Unsupported state or unable to authenticate data", twice::doFinal);
        Cipher wrongLength = createCipheriv("aes-128-ccm", k16, IV12, t16).setAAD(new byte[2], 8);
        assertNodeError("Error", null, "Trying to add data in unsupported state", () -> wrongLength.update("hello"));
        assertNodeError("Error", "ERR_OSSL_TAG_NOT_SET", "error:1C800077:Provider routines::tag not set", wrongLength::doFinal);
        assertNodeError("Error", "ERR_CRYPTO_INVALID_STATE", "Invalid state for operation getAuthTag", wrongLength::getAuthTag);
    }
}
