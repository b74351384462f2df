package dev.nodeshim.crypto;

import dev.nodeshim.buffer.Buffer;
import dev.nodeshim.errors.Errors;
import dev.nodeshim.errors.NodeError;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.crypto.generators.SCrypt;

/**
 * PBKDF2 (RFC 8018), scrypt (RFC 7914) and HKDF (RFC 5869) with Node 20's argument rules and errors.
 * Validation happens on the calling thread, derivation in {@link #pbkdf2}, {@link #scrypt} and
 * {@link #hkdf}, which the asynchronous forms run on a helper thread.
 *
 * <h2>Guarantees</h2>
 * The same inputs give Node's bytes. PBKDF2 and HKDF run on this module's HMAC over any hash of
 * {@link Crypto#getHashes()} (not XOFs); scrypt is BouncyCastle's, behind OpenSSL's parameter checks,
 * so a parameter set Node refuses is refused here before any memory is allocated.
 */
final class Kdf {
    static final List<String> BINARY = List.of("string", "ArrayBuffer", "Buffer", "TypedArray", "DataView");
    static final List<String> HKDF_KEY = List.of("string", "SecretKeyObject", "ArrayBuffer", "TypedArray", "DataView",
            "Buffer");
    static final List<String> HKDF_BINARY = List.of("string", "ArrayBuffer", "TypedArray", "DataView", "Buffer");
    /** Node's scrypt default maxmem: 32 MiB (also OpenSSL's when 0 is passed). */
    static final long SCRYPT_MAXMEM = 32L << 20;
    private static final long SCRYPT_PR_MAX = (1L << 30) - 1;
    static final long MAX_SAFE_INTEGER = (1L << 53) - 1;

    private Kdf() {
    }

    /**
     * The bytes of a binary-like argument: a String (UTF-8), byte[] or Buffer, copied (the derivation
     * may run on another thread while the caller changes its array).
     */
    static byte[] binary(Object v, String name, List<String> types) {
        if (v instanceof String s) {
            return Bytes.utf8(s).clone();
        }
        if (v instanceof byte[] b) {
            return b.clone();
        }
        if (v instanceof Buffer b) {
            return b.toByteArray();
        }
        throw Errors.invalidArgType(name, types, v);
    }

    static NodeError derivingFailed() {
        return new NodeError("Error", null, "Deriving bits failed");
    }

    /** The hash for PBKDF2/HKDF: Node's errors for a missing, unknown, legacy or XOF digest. */
    static Registry.HashSpec digest(String digest) {
        if (digest == null) {
            throw Errors.invalidArgType("digest", "string", null);
        }
        Registry.HashSpec spec = Registry.hash(digest);
        if (spec == null) {
            if (Registry.legacyHash(digest)) {
                // pbkdf2/hkdf surface OpenSSL's error text without Node's code
                throw new NodeError("Error", null, "error:0308010C:digital envelope routines::unsupported");
            }
            throw CryptoErrors.invalidDigest(digest);
        }
        return spec;
    }

    // ------------------------------------------------------------------------------------------------
    // PBKDF2

    /** A validated pbkdf2 call, ready to run on any thread. */
    record Pbkdf2(byte[] password, byte[] salt, int iterations, int keylen, Registry.HashSpec spec) {
        static Pbkdf2 of(Object password, Object salt, long iterations, long keylen, String digest) {
            byte[] pw = binary(password, "password", BINARY);
            byte[] s = binary(salt, "salt", BINARY);
            if (iterations < 1 || iterations > Integer.MAX_VALUE) {
                throw Errors.outOfRange("iterations", ">= 1 && <= 2147483647", iterations);
            }
            if (keylen < 0 || keylen > Integer.MAX_VALUE) {
                throw Errors.outOfRange("keylen", ">= 0 && <= 2147483647", keylen);
            }
            if (digest == null) {
                throw Errors.invalidArgType("digest", "string", null);
            }
            return new Pbkdf2(pw, s, (int) iterations, (int) keylen, Kdf.digest(digest));
        }

        Buffer derive() {
            if (spec.xof()) {
                throw derivingFailed();
            }
            return Buffer.wrap(pbkdf2(this));
        }
    }

    static byte[] pbkdf2(Pbkdf2 c) {
        PreparedHmac mac = new PreparedHmac(c.spec(), c.password());
        int h = c.spec().size();
        byte[] out = new byte[c.keylen()];
        byte[] index = new byte[4];
        for (int block = 1, done = 0; done < out.length; block++, done += h) {
            index[0] = (byte) (block >>> 24);
            index[1] = (byte) (block >>> 16);
            index[2] = (byte) (block >>> 8);
            index[3] = (byte) block;
            byte[] u = mac.mac(c.salt(), index);
            byte[] t = u.clone();
            for (int i = 1; i < c.iterations(); i++) {
                u = mac.mac(u);
                for (int j = 0; j < t.length; j++) {
                    t[j] ^= u[j];
                }
            }
            System.arraycopy(t, 0, out, done, Math.min(h, out.length - done));
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------------
    // scrypt

    /** A validated scrypt call. */
    record Scrypt(byte[] password, byte[] salt, int keylen, int n, int r, int p) {
        static Scrypt of(Object password, Object salt, long keylen, ScryptOptions o) {
            byte[] pw = binary(password, "password", BINARY);
            byte[] s = binary(salt, "salt", BINARY);
            if (keylen < 0 || keylen > Integer.MAX_VALUE) {
                throw Errors.outOfRange("keylen", ">= 0 && <= 2147483647", keylen);
            }
            if (o == null) {
                o = ScryptOptions.defaults();
            }
            long n = pick(o.n, "N", o.cost, "cost", 16384);
            long r = pick(o.r, "r", o.blockSize, "blockSize", 8);
            long p = pick(o.p, "p", o.parallelization, "parallelization", 1);
            long maxmem = SCRYPT_MAXMEM;
            if (o.maxmem != null) {
                if (o.maxmem < 0 || o.maxmem > MAX_SAFE_INTEGER) {
                    throw Errors.outOfRange("maxmem", ">= 0 && <= " + MAX_SAFE_INTEGER, o.maxmem);
                }
                maxmem = o.maxmem == 0 ? SCRYPT_MAXMEM : o.maxmem;
            }
            checkOpenssl(n, r, p, maxmem);
            return new Scrypt(pw, s, (int) keylen, (int) n, (int) r, (int) p);
        }

        Buffer derive() {
            if (keylen == 0) {
                return Buffer.alloc(0);
            }
            return Buffer.wrap(SCrypt.generate(password, salt, n, r, p, keylen));
        }
    }

    /** A parameter and its alias: at most one may be given; out of [0, 2^32 - 1] is a RangeError; 0 is the default. */
    private static long pick(Long value, String name, Long alias, String aliasName, long dflt) {
        if (value != null && alias != null) {
            throw new NodeError("Error", "ERR_CRYPTO_SCRYPT_INVALID_PARAMETER", "Invalid scrypt parameter");
        }
        Long v = value != null ? value : alias;
        String shown = value != null ? name : aliasName;
        if (v == null) {
            return dflt;
        }
        if (v < 0 || v > 4294967295L) {
            throw Errors.outOfRange(shown, ">= 0 && <= 4294967295", v);
        }
        return v == 0 ? dflt : v;
    }

    /** OpenSSL 3's scrypt parameter checks, in its order, with Node's wording of their errors. */
    private static void checkOpenssl(long n, long r, long p, long maxmem) {
        if (n < 2 || (n & (n - 1)) != 0) {
            throw invalidScrypt(null);
        }
        if (p > SCRYPT_PR_MAX / r) {
            throw memoryLimit();
        }
        if (16 * r <= 63 && n >= (1L << (16 * r))) {
            throw memoryLimit();
        }
        long blen = p * 128 * r;
        if (blen > Integer.MAX_VALUE) {
            throw memoryLimit();
        }
        // Vlen = 128 * r * (N + 2): compare without overflowing a long
        if (n + 2 > Long.MAX_VALUE / 128 / r) {
            throw memoryLimit();
        }
        long vlen = 128 * r * (n + 2);
        if (blen + vlen > maxmem) {
            throw memoryLimit();
        }
        if (n > Integer.MAX_VALUE) {
            // allowed by OpenSSL with a huge maxmem, but beyond a Java array
            throw memoryLimit();
        }
    }

    private static NodeError memoryLimit() {
        return invalidScrypt("error:030000AC:digital envelope routines::memory limit exceeded");
    }

    private static NodeError invalidScrypt(String detail) {
        return new NodeError("RangeError", "ERR_CRYPTO_INVALID_SCRYPT_PARAMS",
                detail == null ? "Invalid scrypt params" : "Invalid scrypt params: " + detail);
    }

    // ------------------------------------------------------------------------------------------------
    // HKDF

    /** A validated hkdf call. */
    record Hkdf(Registry.HashSpec spec, byte[] ikm, byte[] salt, byte[] info, int keylen) {
        static Hkdf of(String digest, Object ikm, Object salt, Object info, long keylen) {
            if (digest == null) {
                throw Errors.invalidArgType("digest", "string", null);
            }
            byte[] k = ikm instanceof KeyObject key ? KeyObject.secretBytesOf(key).clone() : binary(ikm, "ikm", HKDF_KEY);
            byte[] s = binary(salt, "salt", HKDF_BINARY);
            byte[] i = binary(info, "info", HKDF_BINARY);
            if (keylen < 0 || keylen > 4294967296L) {
                throw Errors.outOfRange("length", ">= 0 && <= 4294967296", keylen);
            }
            if (i.length > 1024) {
                throw Errors.outOfRange("info", "must not contain more than 1024 bytes", i.length);
            }
            Registry.HashSpec spec = Kdf.digest(digest);
            // for an XOF too, with its default output length (then deriving fails)
            if (keylen > 255L * spec.size()) {
                throw CryptoErrors.invalidKeyLength();
            }
            return new Hkdf(spec, k, s, i, (int) keylen);
        }

        byte[] derive() {
            if (spec.xof()) {
                throw derivingFailed();
            }
            byte[] prk = new PreparedHmac(spec, salt.length == 0 ? new byte[spec.size()] : salt).mac(ikm);
            PreparedHmac expand = new PreparedHmac(spec, prk);
            byte[] out = new byte[keylen];
            byte[] t = Bytes.EMPTY;
            for (int done = 0, counter = 1; done < keylen; counter++) {
                t = expand.mac(t, info, new byte[] {(byte) counter});
                int n = Math.min(t.length, keylen - done);
                System.arraycopy(t, 0, out, done, n);
                done += n;
            }
            return out;
        }
    }

    /** HMAC with the key's pads absorbed once; each {@link #mac} copies the two prepared states. */
    static final class PreparedHmac {
        private final HashEngine inner;
        private final HashEngine outer;
        private final int size;

        PreparedHmac(Registry.HashSpec spec, byte[] key) {
            int block = spec.blockSize();
            byte[] k = key;
            if (k.length > block) {
                HashEngine h = spec.newEngine();
                h.update(k, 0, k.length);
                k = h.finish(spec.size());
            }
            byte[] pad = Arrays.copyOf(k, block);
            for (int i = 0; i < block; i++) {
                pad[i] ^= 0x36;
            }
            inner = spec.newEngine();
            inner.update(pad, 0, block);
            for (int i = 0; i < block; i++) {
                pad[i] ^= 0x36 ^ 0x5c;
            }
            outer = spec.newEngine();
            outer.update(pad, 0, block);
            size = spec.size();
        }

        byte[] mac(byte[]... parts) {
            HashEngine in = inner.copy();
            for (byte[] part : parts) {
                in.update(part, 0, part.length);
            }
            byte[] h = in.finish(size);
            HashEngine out = outer.copy();
            out.update(h, 0, h.length);
            return out.finish(size);
        }
    }
}
