package dev.nodeshim.crypto;

import dev.nodeshim.buffer.Encoding;
import dev.nodeshim.errors.Errors;
import dev.nodeshim.errors.NodeError;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;

/**
 * Node's argument rules for {@code createDiffieHellman(prime[, primeEncoding][, generator][,
 * generatorEncoding])} and {@code createDiffieHellman(primeLength[, generator])}, and the MODP groups
 * of {@code getDiffieHellman}.
 *
 * <p>Which argument is which follows the types, as in Node: a number first is a prime length (a safe
 * prime of that many bits is generated); a string second argument that names an encoding is the
 * prime's encoding, any other value there is the generator; a string generator is read in the
 * encoding after it (utf8 without one); a missing, null or 0 generator is 2.
 */
final class DhArgs {
    private DhArgs() {
    }

    private static final List<String> TYPES = List.of("number", "string", "ArrayBuffer", "Buffer", "TypedArray",
            "DataView");
    private static final SecureRandom RANDOM = new SecureRandom();

    static DiffieHellman create(Object prime, Object... rest) {
        if (prime instanceof Number n) {
            int bits = int32(n, "sizeOrKey");
            Object gen = rest.length > 0 ? rest[0] : null;
            if (gen != null && !(gen instanceof Number)) {
                // Node: a prime length with a generator that is not a number
                throw new NodeError("Error", null, "Initialization failed");
            }
            BigInteger g = generator(gen, null);
            DhBase.checkModulus(bits);
            checkGenerator(g);
            return new DiffieHellman(safePrime(bits, g), g);
        }
        if (!(prime instanceof String || prime instanceof byte[] || prime instanceof dev.nodeshim.buffer.Buffer)) {
            throw Errors.invalidArgType("sizeOrKey", TYPES, prime);
        }
        int i = 0;
        String primeEncoding = null;
        if (rest.length > 0 && rest[0] instanceof String s && isEncoding(s)) {
            primeEncoding = s;
            i = 1;
        }
        Object gen = rest.length > i ? rest[i] : null;
        String genEncoding = rest.length > i + 1 && rest[i + 1] instanceof String s ? s : null;
        if (gen != null && !(gen instanceof Number || gen instanceof String || gen instanceof byte[]
                || gen instanceof dev.nodeshim.buffer.Buffer)) {
            throw Errors.invalidArgType("generator", TYPES, gen);
        }
        if (gen instanceof String && genEncoding != null && !isEncoding(genEncoding)) {
            throw Errors.unknownEncoding(genEncoding);
        }
        byte[] pb = ECDH.keyBytes(prime, primeEncoding, "sizeOrKey");
        if (pb.length == 0) {
            throw CryptoErrors.openssl("ERR_OSSL_BN_BITS_TOO_SMALL", "01800076", "bignum routines", "bits too small");
        }
        BigInteger g = generator(gen, genEncoding);
        checkGenerator(g);
        return new DiffieHellman(new BigInteger(1, pb), g);
    }

    private static boolean isEncoding(String s) {
        return "buffer".equals(s) || Encoding.lookup(s) != null;
    }

    private static BigInteger generator(Object gen, String encoding) {
        if (gen == null) {
            return BigInteger.TWO;
        }
        if (gen instanceof Number n) {
            int v = int32(n, "generator");
            return v == 0 ? BigInteger.TWO : BigInteger.valueOf(v);
        }
        return new BigInteger(1, ECDH.keyBytes(gen, encoding, "generator"));
    }

    private static void checkGenerator(BigInteger g) {
        if (g.compareTo(BigInteger.ONE) <= 0) {
            throw CryptoErrors.openssl("ERR_OSSL_DH_BAD_GENERATOR", "02800065", "Diffie-Hellman routines",
                    "bad generator");
        }
    }

    private static int int32(Number n, String name) {
        double d = n.doubleValue();
        if (n instanceof Double || n instanceof Float) {
            if (d != Math.rint(d) || Double.isInfinite(d)) {
                throw Errors.outOfRange(name, "an integer", n);
            }
        }
        if (d < Integer.MIN_VALUE || d > Integer.MAX_VALUE) {
            throw Errors.outOfRange(name, ">= -2147483648 && <= 2147483647", n);
        }
        return (int) d;
    }

    /**
     * A safe prime {@code p = 2q + 1} of exactly {@code bits} bits, {@code q} prime, with the congruence
     * OpenSSL's parameter generation gives it (observed from Node): {@code p ≡ 23 (mod 24)} for
     * generator 2 (2 is then a square, so it generates the subgroup of order q), {@code p ≡ 59
     * (mod 60)} for generator 5, and {@code p ≡ 11 (mod 12)}, which every safe prime above 7 is, for
     * any other generator.
     *
     * <p>The search: q runs through a window of {@code q0 + k·m} (m fixes the congruence), a sieve by
     * the odd primes below 2,000 drops every k for which q or 2q + 1 has a small factor, and only the
     * survivors get a Fermat test of p and then Miller-Rabin for both. Drawing q with
     * {@code BigInteger.probablePrime} and testing 2q + 1 afterwards, as this did before, spends a full
     * primality test on each of a few hundred q: ten times slower.
     */
    static BigInteger safePrime(int bits, BigInteger g) {
        long m;
        long r;
        if (g.equals(BigInteger.TWO)) {
            m = 12;
            r = 11;
        } else if (g.equals(BigInteger.valueOf(5))) {
            m = 30;
            r = 29;
        } else {
            m = 6;
            r = 5;
        }
        BigInteger bm = BigInteger.valueOf(m);
        int window = 4096;
        boolean[] composite = new boolean[window];
        while (true) {
            BigInteger q0 = new BigInteger(bits - 1, RANDOM).setBit(bits - 2);
            q0 = q0.subtract(q0.mod(bm)).add(BigInteger.valueOf(r));
            java.util.Arrays.fill(composite, false);
            for (int sp : SMALL_PRIMES) {
                long mq = q0.mod(BigInteger.valueOf(sp)).longValue();
                long step = m % sp;
                if (step == 0) {
                    continue; // q ≡ r (mod sp) on the whole window, and r was chosen coprime
                }
                // k with q0 + k·m ≡ 0, and with 2(q0 + k·m) + 1 ≡ 0 (mod sp)
                long inv = modInverse(step, sp);
                long k1 = Math.floorMod(-mq * inv, sp);
                long k2 = Math.floorMod((-(2 * mq + 1)) * modInverse(2 * step % sp, sp), sp);
                for (long k = k1; k < window; k += sp) {
                    composite[(int) k] = true;
                }
                for (long k = k2; k < window; k += sp) {
                    composite[(int) k] = true;
                }
            }
            for (int k = 0; k < window; k++) {
                if (composite[k]) {
                    continue;
                }
                BigInteger q = q0.add(BigInteger.valueOf(k * m));
                BigInteger p = q.shiftLeft(1).add(BigInteger.ONE);
                if (p.bitLength() != bits) {
                    break;
                }
                if (BigInteger.TWO.modPow(p.subtract(BigInteger.ONE), p).equals(BigInteger.ONE)
                        && q.isProbablePrime(64) && p.isProbablePrime(64)) {
                    return p;
                }
            }
        }
    }

    private static final int[] SMALL_PRIMES = java.util.stream.IntStream.range(3, 2000)
            .filter(n -> BigInteger.valueOf(n).isProbablePrime(30)).toArray();

    private static long modInverse(long a, long mod) {
        return BigInteger.valueOf(a).modInverse(BigInteger.valueOf(mod)).longValue();
    }

    // ------------------------------------------------------------------------------------------------
    // getDiffieHellman

    private static final class Groups {
        static final java.util.Map<String, BigInteger> PRIMES = load("dh-groups.tsv");
        /** RFC 7919's primes, as {@code openssl genpkey -genparam -algorithm DH -pkeyopt group:ffdheN} writes them. */
        static final java.util.Map<String, BigInteger> FFDHE = load("ffdhe-groups.tsv");

        private static java.util.Map<String, BigInteger> load(String file) {
            java.util.Map<String, BigInteger> m = new java.util.HashMap<>();
            try (InputStream in = DhArgs.class.getResourceAsStream(file);
                 BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
                for (String line; (line = r.readLine()) != null; ) {
                    int tab = line.indexOf('\t');
                    if (tab > 0) {
                        m.put(line.substring(0, tab), new BigInteger(line.substring(tab + 1), 16));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return m;
        }
    }

    /**
     * Whether {@code p} is the prime of a group OpenSSL knows by name: a MODP group, or one of RFC 7919's
     * ffdhe groups (which {@code getDiffieHellman} does not offer, as in Node, but keys may use).
     */
    static boolean isGroupPrime(BigInteger p) {
        return Groups.PRIMES.containsValue(p) || Groups.FFDHE.containsValue(p);
    }

    static DiffieHellmanGroup group(String name) {
        if (name == null) {
            throw new NodeError("TypeError", "ERR_INVALID_ARG_TYPE", "Group name must be a string");
        }
        BigInteger p = Groups.PRIMES.get(name.toLowerCase(Locale.ROOT));
        if (p == null) {
            throw new NodeError("Error", "ERR_CRYPTO_UNKNOWN_DH_GROUP", "Unknown DH group");
        }
        return new DiffieHellmanGroup(p);
    }
}
