package dev.nodeshim.benchmarks.crypto;

import dev.nodeshim.buffer.Buffer;
import dev.nodeshim.crypto.Cipher;
import dev.nodeshim.crypto.Crypto;
import dev.nodeshim.crypto.KeyObject;
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
            Map.entry("pbkdf2Sha256", "b0e04dbb7cf79196a2e79d930dcfe7b334a39af2c64647507b198856fecfde56"),
            Map.entry("signEd25519", "943d576cd356fec1433c6b0f24682331300bd9ea8c6385c131b42aa7f032f3c0"),
            Map.entry("signRsa2048", "79031fcd45c88a0db47948f245f36e9ce89ea2509a07fd17f2e54296e2055e71")
    );

    /** Fixed keys of the sign rows (made once by node; the twin has the same PEMs). */
    static final String P256_PEM = """
            -----BEGIN PRIVATE KEY-----
            MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgvGgJUVRdufJjTLV7
            pgXWCL0lFKXMN15HNNzn7MPqHq2hRANCAAStIR+h+QejGUuZzUbPLxKjz3zSUFac
            LGYE0DQkyAUl9NncYO7Y9hprziTCyX/UL8UzM8SJnENFyDIhxPNa+4JX
            -----END PRIVATE KEY-----
            """;
    static final String ED25519_PEM = """
            -----BEGIN PRIVATE KEY-----
            MC4CAQAwBQYDK2VwBCIEICGv+K1/ytUiOR1cNmN9HRc6jdqJ1rp9oy0FmsazgL66
            -----END PRIVATE KEY-----
            """;
    static final String RSA2048_PEM = """
            -----BEGIN PRIVATE KEY-----
            MIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwggSkAgEAAoIBAQDbMC4hMYYVgi/I
            2TXtc3DftOkkPLmQv8kDp1zOWgOPqecPr7ZjbcqkE1WG0N8kGj1Vl/qVnIVeb9vi
            yjSRfAxfV1NjJwESEwe7ZUMJM8WXJ6v8AjDzwLjRRMSNeNhfGlqPvilnVRXxLIBx
            4Wi37GaOyMJYO1YJgjjqrmgFD7MGy9nkrfd3kp9tfNUfBnXh/F2agbFoKyRZSRQK
            B+kzHxly3lDAFjcrzvwNXs5h8BHtdHHP10AawCZ2lBEB5X5OrMO1yelcA63vDYFi
            d5NbPnGIyJSpFAqNB/2SuhqvyI6Ib4N2hunMCrS4A+iJi2FEl4/schvpZqXIJj3B
            vPpou9JNAgMBAAECggEAGL0Z38OMANPLmo2FgXzfjFLfY33PwI9yMSLhHdCECWF2
            7krPOO6p30CSt8oi/UX8OTO+ORz24pSZH+zhklq1Yhy5kSh+/Zq/QH5/2piIyx7T
            pvhaV7tJ63ipqdauA8yLfyDKjIVKb4jYdcH9WeY+dwwf/z8HNBXfYFbPRQ74uPdF
            77d1PDcCS3UsSNmd9Qc+QgHCoacbwKOjQXGrx6ni+fVOKDxGH8yP2K9P20rIw3jk
            SPhqlf5cFmn48dKv99hqPbXAi05mnazkcqE9TgA7UkkTc+cZ9G/dhC4ZWm2llHMa
            ZmD59j3jrcP8UWXIPsGt/JFXzGucLnL5dcsA/sIe8wKBgQDxeKORyIxG/q6M92mX
            QyXpraRkT/ASQ4OtbCpBrvVNRVf/e6b4ig1xKki330XT4viGbebYxmLk68Pi3KXx
            hm8H9wHIDcWC+zK9ISN3jfpGTOf0xZ3wuS8aJZrjmYI568KYcCmnfYrXbUyyiiWN
            kJ3Zwqdlg1NM3SoOGDDwq5F5vwKBgQDoYFFEc+Lb4uMIiTzeqtcZuvIOZZ7gO7CD
            DpdZYTUw1Uc7Z4CFBONir3pp1DYgOMq13SitNAp9l3SBPPxYf27KClWWVddtO5Ib
            DgfrEzL36FV5mA0kKbJBHjzCSPu31vCYoFKfRAYToQgXGHIbvbzmc72hBiofYLKk
            8zhcHhc+8wKBgEts6nLkGOUoMm+37JSiFdqbMalfytZ5nkzyZ3Si6N6dFXKpNiuW
            O8KoeZRtuosH76dV9vCpb0SgXEylrXP3EQGE51qM6rASNPQcwM5cW9vPs/iiLcZ+
            obbiHjKPxby/5sXk6y31KgRGkNmIC1jf3l6hzdYIomF1B+jlJ4xVmxhTAoGBALg/
            HlCTPg2wkOjEv9GhTZnmI2SM6HLMgQD5AcHplF4azTbpsvpFTPGDRyFAFIZp4Thf
            mY/zUloQS1zpeP/GUpa5qPDhMUU31XnEHz0hZOkxewxFJi5FLUP6cJxvd75lGzE4
            9Sm4qsTHin2dcWRThcKHhJR3KdDlP+APxOEtLqtHAoGBAMVkHVV350wLZzuCQMic
            r+PJUTbLcG3i1UxQKNEwTVNLeJhcF0ehgj8Ov4RJq9BrQjjRZ3C1fq6RyfBqLbJD
            BU0onvdruXM/t3ZEEBNlF2FOHpSIiBwhltuWxHnlbghxllG6nFBpVa4HWiWXlsgK
            wei4UcntOBMwGtADuueIs/Ew
            -----END PRIVATE KEY-----
            """;

    KeyObject p256;
    KeyObject p256Public;
    KeyObject ed25519;
    KeyObject rsa2048;

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
        p256 = Crypto.createPrivateKey(P256_PEM);
        p256Public = Crypto.createPublicKey(p256);
        ed25519 = Crypto.createPrivateKey(ED25519_PEM);
        rsa2048 = Crypto.createPrivateKey(RSA2048_PEM);
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
        // ECDSA signatures are randomised: checked by verifying, not by a fingerprint
        if (!Crypto.verify("sha256", small, p256Public, signEcdsaP256())) {
            throw new IllegalStateException("signEcdsaP256: the signature does not verify");
        }
        expect("signEd25519", signEd25519());
        expect("signRsa2048", signRsa2048());
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

    @Benchmark
    public Buffer signEcdsaP256() {
        return Crypto.sign("sha256", small, p256);
    }

    @Benchmark
    public Buffer signEd25519() {
        return Crypto.sign(null, small, ed25519);
    }

    @Benchmark
    public Buffer signRsa2048() {
        return Crypto.sign("sha256", small, rsa2048);
    }
}
