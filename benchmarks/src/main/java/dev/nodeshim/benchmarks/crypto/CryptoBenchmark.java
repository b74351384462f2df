package dev.nodeshim.benchmarks.crypto;

import dev.nodeshim.buffer.Buffer;
import dev.nodeshim.crypto.Cipher;
import dev.nodeshim.crypto.Crypto;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * {@code dev.nodeshim.crypto}'s hashes, HMAC, ciphers and pbkdf2, one operation per invocation. The
 * Node twin is {@code benchmarks/node/crypto.js}: each method here has a row there with the same id
 * (the method name) doing the same work, and {@code bin/bench crypto} prints the two side by side.
 *
 * <p>What both sides do, so the comparison is fair:
 * <ul>
 * <li>Inputs are built once in {@link #setup()} from the same xorshift32 generator (seed
 *     {@value #SEED}), in this order: a 32-byte key (AES-256, ChaCha20 and the HMAC key), a 12-byte
 *     IV (GCM, ChaCha20-Poly1305), a 16-byte IV (CBC, CTR), 64 bytes for the small hash, a 16-byte
 *     password and a 16-byte salt, then 1 MiB of message.</li>
 * <li>A hash row is {@code createHash(alg).update(1 MiB).digest()}; a cipher row is
 *     {@code createCipheriv}, one {@code update(1 MiB)}, {@code final()} and, for the AEADs,
 *     {@code getAuthTag()} — a fresh object each time, as a server would make per message.</li>
 * <li>Every method returns its result, which JMH consumes (the twin stores it in a sink).</li>
 * <li>Every row's output is checked once before measuring and once after (when it is compiled):
 *     its SHA-256, taken here with the JDK's {@link MessageDigest}, must be the fingerprint Node
 *     printed for the same row ({@code node benchmarks/node/crypto.js --fingerprints}); a broken
 *     implementation fails the run instead of posting a fast score.</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CryptoBenchmark {
    static final int SEED = 0x2545F491;
    static final int MIB = 1 << 20;

    /** SHA-256 (hex) of each row's output, as Node 20 printed it. */
    static final Map<String, String> EXPECTED = Map.ofEntries(
            Map.entry("md5", "b5be6181385d9bc6b7f0f54905704229b93361c81807617bbd92b1c9ee23c38d"),
            Map.entry("sha1", "66d33f6f4493c2428d49945a07da70cd1855e7deadb69a6b1de6630078c5cb1b"),
            Map.entry("sha256", "a0a5a6724cf96765a2e8017a03726e36486103095bb3f6ff73965d8871ca5487"),
            Map.entry("sha512", "5c810a492c326ed6c72328e3ae5dc3366bc6949f4d2f62d13087b64d2855269c"),
            Map.entry("sha3_256", "73c11cc6a9576bee12d57cb0155b5395cc51f8fcff31d0c0e738023180010da9"),
            Map.entry("blake2b512", "8c3a168a037254a9214ebc71e041f1b8470b58023a0250d49808bb2547cc09a8"),
            Map.entry("hmacSha256", "3993854d7f594ef34cd2c79b7b391f97a02cedb7d46606b57d4487d7abbfdcc6"),
            Map.entry("aes256Gcm", "8d3ec2944197c5a1edf156c50880db21a508a37735c04e40c302c4d959a805b1"),
            Map.entry("aes256Cbc", "67a1b5be32207618788840405fa9bc3a8783dbfd79d35371467927f3bf043f59"),
            Map.entry("aes256Ctr", "a0c7d27d4772f436097967da72df03508891edf2f2bb9a574cbcd70e24ec4260"),
            Map.entry("chacha20Poly1305", "625b92140440c582f5bcfb4c5e1d91b507344ed46180b07c352488fb5a4017d0"),
            Map.entry("sha256Small", "daf2ec151e27355468db2f2a8152bcd5992c1c2e8956ebb8995e4302038f5277"),
            Map.entry("pbkdf2Sha256", "b0e04dbb7cf79196a2e79d930dcfe7b334a39af2c64647507b198856fecfde56")
    );

    byte[] key;
    byte[] iv12;
    byte[] iv16;
    Buffer small;
    byte[] password;
    byte[] salt;
    Buffer mib;

    /** xorshift32, written identically in the twin. */
    private int state = SEED;

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            int x = state;
            x ^= x << 13;
            x ^= x >>> 17;
            x ^= x << 5;
            state = x;
            b[i] = (byte) x;
        }
        return b;
    }

    @Setup
    public void setup() {
        key = bytes(32);
        iv12 = bytes(12);
        iv16 = bytes(16);
        small = Buffer.from(bytes(64));
        password = bytes(16);
        salt = bytes(16);
        mib = Buffer.from(bytes(MIB));
        check();
    }

    @TearDown
    public void tearDown() {
        check();
    }

    private void check() {
        expect("md5", md5());
        expect("sha1", sha1());
        expect("sha256", sha256());
        expect("sha512", sha512());
        expect("sha3_256", sha3_256());
        expect("blake2b512", blake2b512());
        expect("hmacSha256", hmacSha256());
        expect("aes256Gcm", aes256Gcm());
        expect("aes256Cbc", aes256Cbc());
        expect("aes256Ctr", aes256Ctr());
        expect("chacha20Poly1305", chacha20Poly1305());
        expect("sha256Small", sha256Small().getBytes(StandardCharsets.ISO_8859_1));
        expect("pbkdf2Sha256", pbkdf2Sha256());
    }

    private static void expect(String row, Buffer out) {
        byte[] b = new byte[out.length()];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) out.get(i);
        }
        expect(row, b);
    }

    private static void expect(String row, byte[] out) {
        try {
            String got = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(out));
            if (!got.equals(EXPECTED.get(row))) {
                throw new IllegalStateException(row + ": output differs from Node's (sha256 " + got + ")");
            }
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Buffer hash(String algorithm) {
        return Crypto.createHash(algorithm).update(mib).digest();
    }

    private Buffer encrypt(String algorithm, byte[] iv, boolean aead) {
        Cipher c = Crypto.createCipheriv(algorithm, key, iv);
        Buffer body = Buffer.concat(java.util.List.of(c.update(mib), c.doFinal()));
        return aead ? Buffer.concat(java.util.List.of(body, c.getAuthTag())) : body;
    }

    @Benchmark
    public Buffer md5() {
        return hash("md5");
    }

    @Benchmark
    public Buffer sha1() {
        return hash("sha1");
    }

    @Benchmark
    public Buffer sha256() {
        return hash("sha256");
    }

    @Benchmark
    public Buffer sha512() {
        return hash("sha512");
    }

    @Benchmark
    public Buffer sha3_256() {
        return hash("sha3-256");
    }

    @Benchmark
    public Buffer blake2b512() {
        return hash("blake2b512");
    }

    @Benchmark
    public Buffer hmacSha256() {
        return Crypto.createHmac("sha256", key).update(mib).digest();
    }

    @Benchmark
    public Buffer aes256Gcm() {
        return encrypt("aes-256-gcm", iv12, true);
    }

    @Benchmark
    public Buffer aes256Cbc() {
        return encrypt("aes-256-cbc", iv16, false);
    }

    @Benchmark
    public Buffer aes256Ctr() {
        return encrypt("aes-256-ctr", iv16, false);
    }

    @Benchmark
    public Buffer chacha20Poly1305() {
        return encrypt("chacha20-poly1305", iv12, true);
    }

    @Benchmark
    public String sha256Small() {
        return Crypto.createHash("sha256").update(small).digest("hex");
    }

    @Benchmark
    public Buffer pbkdf2Sha256() {
        return Crypto.pbkdf2Sync(password, salt, 1000, 32, "sha256");
    }
}
