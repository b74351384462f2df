package dev.nodeshim.crypto;

import static dev.nodeshim.crypto.Crypto.hkdf;
import static dev.nodeshim.crypto.Crypto.hkdfSync;
import static dev.nodeshim.crypto.Crypto.pbkdf2;
import static dev.nodeshim.crypto.Crypto.pbkdf2Async;
import static dev.nodeshim.crypto.Crypto.pbkdf2Sync;
import static dev.nodeshim.crypto.Crypto.scrypt;
import static dev.nodeshim.crypto.Crypto.scryptSync;
import static dev.nodeshim.crypto.NodeAssert.assertNodeError;
import static dev.nodeshim.crypto.NodeAssert.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.nodeshim.buffer.Buffer;
import dev.nodeshim.loop.EventLoop;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** pbkdf2, scrypt and hkdf against values and errors printed by Node 20. */
class KdfTest {
    private static String h(Buffer b) {
        return b.toString("hex");
    }

    @Test
    void pbkdf2MatchesNode() {
        assertEquals("95c9338ea3a049dc400b5ed6617b5c45bdda0c14", h(pbkdf2Sync("pw", "salt", 1, 20, "sha1")));
        assertEquals("632c2812e46d4604102ba7618e9d6d7d2f8128f6266b4a03264d2a0460b7dcb388b3b1131f741bcbeb02541c8c2e97bd"
                + "8bed62ab6425542e45512b7312f440eb", h(pbkdf2Sync("password", "salt", 1000, 64, "sha256")));
        assertEquals("85b4005127887fb8a00c637ed8ee422e2390a9c2529930e9a5fed239acaa19a73e7a9230b567ef45d704d9ad5bf1b1a4c5"
                + "b4e210a1998594b2562a5285619b4d7970ecc437aa878e8d92b8549a1bff230adc87c4279f61564de5babc4a68df8f41226"
                + "de0", h(pbkdf2Sync(new byte[] {0, (byte) 255, (byte) 128}, "sàlt", 3, 100, "sha512")));
        assertEquals("7707a0647b20a494f286cd484e35b19e86abd7b79c3dfb23592460ee3ea8512d14",
                h(pbkdf2Sync("pw", Buffer.from("salt"), 2, 33, "sha3-256")));
        assertEquals("8c2ca3e38a51fb40cf37f83d66231ce2c0cc632e", h(pbkdf2Sync("pw", "salt", 2, 20, "blake2b512")));
        assertEquals("1cd9772410c23ed33fee3473b1d1070c9ea5d060", h(pbkdf2Sync("pw", "salt", 1, 20, "md5-sha1")));
        assertEquals(0, pbkdf2Sync("pw", "salt", 1, 0, "sha1").length());
    }

    @Test
    void pbkdf2Errors() {
        assertNodeError("RangeError", "ERR_OUT_OF_RANGE",
                "The value of \"iterations\" is out of range. It must be >= 1 && <= 2147483647. Received 0",
                () -> pbkdf2Sync("pw", "salt", 0, 20, "sha1"));
        assertNodeError("RangeError", "ERR_OUT_OF_RANGE",
                "The value of \"keylen\" is out of range. It must be >= 0 && <= 2147483647. Received 2147483648",
                () -> pbkdf2Sync("pw", "salt", 1, 2147483648L, "sha1"));
        assertNodeError("TypeError", "ERR_CRYPTO_INVALID_DIGEST", "Invalid digest: nope",
                () -> pbkdf2Sync("pw", "salt", 1, 20, "nope"));
        assertNodeError("Error", null, "Deriving bits failed", () -> pbkdf2Sync("pw", "salt", 1, 20, "shake128"));
        assertNodeError("Error", null, "error:0308010C:digital envelope routines::unsupported",
                () -> pbkdf2Sync("pw", "salt", 1, 20, "md4"));
        assertNodeError("TypeError", "ERR_INVALID_ARG_TYPE",
                "The \"digest\" argument must be of type string. Received null", () -> pbkdf2Sync("pw", "salt", 1, 20, null));
        assertNodeError("TypeError", "ERR_INVALID_ARG_TYPE", "The \"password\" argument must be of type string or an "
                + "instance of ArrayBuffer, Buffer, TypedArray, or DataView. Received null",
                () -> pbkdf2Sync(null, "salt", 1, 20, "sha1"));
        assertNodeError("TypeError", "ERR_INVALID_ARG_TYPE", "The \"password\" argument must be of type string or an "
                + "instance of ArrayBuffer, Buffer, TypedArray, or DataView. Received type number (5)",
                () -> pbkdf2Sync(5, "salt", 1, 20, "sha1"));
        assertNodeError("TypeError", "ERR_INVALID_ARG_TYPE", "The \"salt\" argument must be of type string or an "
                + "instance of ArrayBuffer, Buffer, TypedArray, or DataView. Received null",
                () -> pbkdf2Sync("pw", null, 1, 20, "sha1"));
        assertNodeError("TypeError", "ERR_INVALID_ARG_TYPE",
                "The \"callback\" argument must be of type function. Received null",
                () -> pbkdf2("pw", "salt", 1, 20, "sha1", null));
    }

    @Test
    void scryptMatchesNode() {
        assertEquals("c0b515908e61334cae6d6003c00be60e", h(scryptSync("pw", "salt", 16)));
        assertEquals("4cbdb601720926082a6dd5a15313d860", h(scryptSync("pw", "salt", 16, ScryptOptions.defaults().N(2))));
        assertEquals("c5d06c368e4a07b8a98e9a06773fcf4a", h(scryptSync("pw", "salt", 16, ScryptOptions.defaults().cost(16))));
        assertEquals("63e38f95374a981a636f5f7a0ab44dd2",
                h(scryptSync("pw", "salt", 16, ScryptOptions.defaults().blockSize(1).parallelization(2))));
        assertEquals("fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b3731622eaf30d92e22a3886ff109279d9830da"
                + "c727afb94a83ee6d8360cbdfa2cc0640", h(scryptSync("password", "NaCl", 64,
                ScryptOptions.defaults().N(1024).r(8).p(16))));
        // 0 means the default, as in Node
        assertEquals("c0b515908e61334cae6d6003c00be60e", h(scryptSync("pw", "salt", 16,
                ScryptOptions.defaults().N(0).r(0).p(0).maxmem(0))));
        assertEquals("307a56ada8f28f6d3154d47b7680c895", h(scryptSync("pw", "salt", 16,
                ScryptOptions.defaults().N(1024).r(1).p(1).maxmem(129 * 1024 + 1))));
        assertEquals("8490a98e8b57dad4a0acf88031b699b9", h(scryptSync("pw", "salt", 16,
                ScryptOptions.defaults().N(32768).r(1).p(1).maxmem(1L << 30))));
        assertEquals(0, scryptSync("pw", "salt", 0).length());
    }

    @Test
    void scryptParameterRules() {
        String limit = "Invalid scrypt params: error:030000AC:digital envelope routines::memory limit exceeded";
        ScryptOptions d = ScryptOptions.defaults();
        assertNodeError("RangeError", "ERR_CRYPTO_INVALID_SCRYPT_PARAMS", "Invalid scrypt params",
                () -> scryptSync("pw", "salt", 16, d.N(3)));
        assertNodeError("RangeError", "ERR_CRYPTO_INVALID_SCRYPT_PARAMS", "Invalid scrypt params",
                () -> scryptSync("pw", "salt", 16, d.N(1)));
        assertNodeError("RangeError", "ERR_CRYPTO_INVALID_SCRYPT_PARAMS", limit, () -> scryptSync("pw", "salt", 16, d.N(1 << 20)));
        assertNodeError("RangeError", "ERR_CRYPTO_INVALID_SCRYPT_PARAMS", limit,
                () -> scryptSync("pw", "salt", 16, d.N(16384).r(8).p(1).maxmem(16 * 1024 * 1024 + 1)));
        assertNodeError("RangeError", "ERR_CRYPTO_INVALID_SCRYPT_PARAMS", limit, () -> scryptSync("pw", "salt", 16, d.p(1 << 30)));
        assertNodeError("RangeError", "ERR_CRYPTO_INVALID_SCRYPT_PARAMS", limit,
                () -> scryptSync("pw", "salt", 16, d.N(65536).r(1).p(1).maxmem(1L << 30)));
        assertNodeError("RangeError", "ERR_CRYPTO_INVALID_SCRYPT_PARAMS", limit,
                () -> scryptSync("pw", "salt", 16, d.N(1024).r(1).p(1).maxmem(128 * 1024)));
        assertNodeError("Error", "ERR_CRYPTO_SCRYPT_INVALID_PARAMETER", "Invalid scrypt parameter",
                () -> scryptSync("pw", "salt", 16, d.N(16).cost(16)));
        assertNodeError("RangeError", "ERR_OUT_OF_RANGE",
                "The value of \"N\" is out of range. It must be >= 0 && <= 4294967295. Received 4294967296",
                () -> scryptSync("pw", "salt", 16, d.N(1L << 32)));
        assertNodeError("RangeError", "ERR_OUT_OF_RANGE",
                "The value of \"maxmem\" is out of range. It must be >= 0 && <= 9007199254740991. Received -1",
                () -> scryptSync("pw", "salt", 16, d.maxmem(-1)));
        assertNodeError("RangeError", "ERR_OUT_OF_RANGE",
                "The value of \"keylen\" is out of range. It must be >= 0 && <= 2147483647. Received -1",
                () -> scryptSync("pw", "salt", -1));
    }

    @Test
    void hkdfMatchesNode() {
        assertEquals("9ca0d662557439e3b83365f2da4626d3",
                Buffer.from(hkdfSync("sha256", "key", "salt", "info", 16)).toString("hex"));
        assertEquals("24156e2c35525baaf3d0fbb92b734c8032a110a3f12e2596e441e1924870d84c3a500652a723738024432451046fd237"
                + "efad8392fb686c5277a59e01053916536ce56ffa4036f0224573100a07a8dafb96aba25a717b1ef32723bd136a8770834b"
                + "8b6198", Buffer.from(hkdfSync("sha512", "key", "salt", "info", 100)).toString("hex"));
        assertEquals("885fc029b3224b896e09e0bbe5eb347ec59e6827c8e857b394f54ff49b88a8f65344749c342e356c47fc",
                Buffer.from(hkdfSync("sha1", new byte[0], "", "", 42)).toString("hex"));
        assertEquals("5671abc8e3027e56e38d80827fd93cc4", Buffer.from(hkdfSync("md5-sha1", "k", "s", "i", 16)).toString("hex"));
        assertEquals(8160, hkdfSync("sha256", "key", "salt", "info", 255 * 32).byteLength());
        assertEquals(0, hkdfSync("sha256", "key", "salt", "info", 0).byteLength());
        assertEquals(16, hkdfSync("sha256", "key", "salt", "x".repeat(1024), 16).byteLength());
    }

    @Test
    void hkdfErrors() {
        assertNodeError("RangeError", "ERR_CRYPTO_INVALID_KEYLEN", "Invalid key length",
                () -> hkdfSync("sha256", "key", "salt", "info", 255 * 32 + 1));
        assertNodeError("RangeError", "ERR_OUT_OF_RANGE", "The value of \"info\" is out of range. It must be must not "
                + "contain more than 1024 bytes. Received 1025", () -> hkdfSync("sha256", "key", "salt", "x".repeat(1025), 16));
        assertNodeError("TypeError", "ERR_CRYPTO_INVALID_DIGEST", "Invalid digest: nope",
                () -> hkdfSync("nope", "key", "salt", "info", 16));
        assertNodeError("Error", null, "Deriving bits failed", () -> hkdfSync("shake128", "key", "salt", "info", 16));
        // an XOF's bound is 255 times its default output length
        assertNodeError("RangeError", "ERR_CRYPTO_INVALID_KEYLEN", "Invalid key length",
                () -> hkdfSync("shake128", "key", "salt", "info", 255 * 16 + 1));
        assertNodeError("TypeError", "ERR_INVALID_ARG_TYPE", "The \"ikm\" argument must be of type string or an instance "
                + "of SecretKeyObject, ArrayBuffer, TypedArray, DataView, or Buffer. Received null",
                () -> hkdfSync("sha256", null, "salt", "info", 16));
        assertNodeError("TypeError", "ERR_INVALID_ARG_TYPE", "The \"info\" argument must be of type string or an instance "
                + "of ArrayBuffer, TypedArray, DataView, or Buffer. Received null",
                () -> hkdfSync("sha256", "k", "s", null, 16));
        assertNodeError("RangeError", "ERR_OUT_OF_RANGE",
                "The value of \"length\" is out of range. It must be >= 0 && <= 4294967296. Received 4_294_967_297",
                () -> hkdfSync("sha256", "k", "s", "i", 4294967297L));
    }

    @Test
    void asyncFormsCallBackOnTheLoop() {
        List<String> trace = new ArrayList<>();
        Thread[] loop = new Thread[1];
        EventLoop.run(() -> {
            loop[0] = Thread.currentThread();
            pbkdf2("pw", "salt", 1, 20, "sha1", (err, key) -> {
                assertNull(err);
                assertSame(loop[0], Thread.currentThread());
                trace.add("pbkdf2 " + key.toString("hex"));
            });
            scrypt("pw", "salt", 16, (err, key) -> trace.add("scrypt " + key.toString("hex")));
            hkdf("sha256", "key", "salt", "info", 16, (err, ab) -> trace.add("hkdf " + Buffer.from(ab).toString("hex")));
            pbkdf2("pw", "salt", 1, 20, "shake128", (err, key) -> trace.add("error " + err.getMessage() + " " + key));
            pbkdf2Async("pw", "salt", 1, 20, "sha1").thenAccept(key -> {
                assertSame(loop[0], Thread.currentThread());
                trace.add("future " + key.length());
            });
        });
        trace.sort(null);
        assertEquals(List.of("error Deriving bits failed null", "future 20", "hkdf 9ca0d662557439e3b83365f2da4626d3",
                "pbkdf2 95c9338ea3a049dc400b5ed6617b5c45bdda0c14", "scrypt c0b515908e61334cae6d6003c00be60e"), trace);
        assertEquals(3, hex("0a0b0c").length);
    }
}
