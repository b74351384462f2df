package dev.nodeshim.examples.crypto;

import static dev.nodeshim.crypto.Crypto.createCipheriv;
import static dev.nodeshim.crypto.Crypto.createDecipheriv;

import dev.nodeshim.crypto.Cipher;
import dev.nodeshim.crypto.Decipher;
import dev.nodeshim.errors.NodeError;
import java.util.function.Consumer;

/**
 * Ports the seed's Cipher passage ("## 对称密钥加密Cipher", seeds/002_8bfa7c3e83a58264.txt): encrypt with
 * {@code createCipheriv(algorithm, key, iv)}, {@code update(str, 'utf8', 'hex')} + {@code final('hex')},
 * and back with {@code createDecipheriv}.
 *
 * <pre>{@code
 * function cipher(str) {
 *     try {
 *         const cipher = crypto.createCipheriv('des-ecb', '12345678', '');
 *         let encrypted = cipher.update(str, 'utf8', 'hex');
 *         encrypted += cipher.final('hex');
 *         return encrypted;
 *     } catch (e) {
 *         console.log('加密失败');
 *         return e.message || e;
 *     }
 * }
 * }</pre>
 *
 * The seed's typos ({@code 'desc-ecb'}, {@code 'uft8'}, {@code encryted}) are fixed. Its comment's
 * ciphertext is not what any Node prints for this input; and Node 20 (OpenSSL 3) refuses des-ecb unless
 * started with {@code --openssl-legacy-provider} ({@code Crypto.setLegacyProvider(true)} here, which would
 * give {@code 28dba02eb5f6dd478852f80ed9fa959e}), so the seed's functions print 加密失败 / 解密失败 with
 * OpenSSL's {@code unsupported}. The same round trip then runs with aes-128-cbc, and once with a wrong
 * key: {@code bad decrypt}.
 */
public final class CipherRoundTrip {
    private CipherRoundTrip() {
    }

    static String cipher(Consumer<String> out, String str, String algorithm, String key, String iv) {
        try {
            Cipher cipher = createCipheriv(algorithm, key, iv);
            String encrypted = cipher.update(str, "utf8", "hex");
            encrypted += cipher.doFinal("hex");
            return encrypted;
        } catch (NodeError e) {
            out.accept("加密失败");
            return e.getMessage();
        }
    }

    static String decipher(Consumer<String> out, String encrypted, String algorithm, String key, String iv) {
        try {
            Decipher decipher = createDecipheriv(algorithm, key, iv);
            String decrypted = decipher.update(encrypted, "hex", "utf8");
            decrypted += decipher.doFinal("utf8");
            return decrypted;
        } catch (NodeError e) {
            out.accept("解密失败");
            return e.getMessage();
        }
    }

    public static void run(Consumer<String> out) {
        out.accept(cipher(out, "hello world !!!", "des-ecb", "12345678", ""));
        out.accept(decipher(out, "28dba02eb5f6dd478852f80ed9fa959e", "des-ecb", "12345678", ""));

        String encrypted = cipher(out, "hello world !!!", "aes-128-cbc", "1234567890abcdef", "abcdef1234567890");
        out.accept(encrypted);
        out.accept(decipher(out, encrypted, "aes-128-cbc", "1234567890abcdef", "abcdef1234567890"));
        out.accept(decipher(out, encrypted, "aes-128-cbc", "1234567890abcdeX", "abcdef1234567890"));
    }

    public static void main(String[] args) {
        run(System.out::println);
    }
}
