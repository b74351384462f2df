package dev.nodeshim.examples.crypto;

import static dev.nodeshim.crypto.Crypto.createPrivateKey;
import static dev.nodeshim.crypto.Crypto.createPublicKey;
import static dev.nodeshim.crypto.Crypto.createSign;
import static dev.nodeshim.crypto.Crypto.createVerify;
import static dev.nodeshim.crypto.Crypto.generateKeyPairSync;
import static dev.nodeshim.crypto.Crypto.sign;
import static dev.nodeshim.crypto.Crypto.verify;

import dev.nodeshim.buffer.Buffer;
import dev.nodeshim.crypto.GeneratedKeyPair;
import dev.nodeshim.crypto.KeyExportOptions;
import dev.nodeshim.crypto.KeyInput;
import dev.nodeshim.crypto.KeyObject;
import dev.nodeshim.crypto.KeyPairOptions;
import dev.nodeshim.crypto.Sign;
import dev.nodeshim.crypto.Verify;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Signing and verification, which the seed's crypto chapter names (签名、以及验证, seeds/002_8bfa7c3e83a58264.txt)
 * without code: the usual Node passage ({@code src/test/resources/crypto/SignVerify.js}), line for line.
 *
 * <pre>{@code
 * const sign = crypto.createSign('SHA256');
 * sign.update('some data ');
 * sign.update('to sign');
 * const signature = sign.sign(privateKey, 'base64');
 * const verify = crypto.createVerify('SHA256');
 * verify.update('some data to sign');
 * console.log(verify.verify(publicKey, signature, 'base64'));   // true
 * }</pre>
 *
 * RSA PKCS#1 v1.5 and Ed25519 signatures are deterministic, so they print Node's bytes; the ECDSA one is
 * random, so only its length and its verification are printed.
 */
public final class SignVerify {
    static final String PRIVATE_KEY = """
            -----BEGIN PRIVATE KEY-----
            MIICeAIBADANBgkqhkiG9w0BAQEFAASCAmIwggJeAgEAAoGBALxKzJFI/0+CsEd+
            HkU2oS8364M0RjVzgwOcAACZECltMSwfLtkaOmnCz6fSBh9GHmG6gyIMnQWHQ4g7
            2Nus3JNgUwaqPH2FYo3PaujZr2kkduID9crpBElYQxEQU0JfIkgQdcTdvUg6i4IA
            Ji1pR1oQ1vBRonFoGrWLN/YYC1HlAgMBAAECgYBv01SO7HWEuS8MJqC/pmQv8NwU
            PhV8ZS/oEtwFfuIUWF8dvx9JnMQYT7SYDKnKJRCiJez/adJPmDfJTxHJ1W3hrC6K
            A7PGy6wC4MotWONiNoayqet+xaInAwe22FvBN0GL4PJnmq9Os10DBFHcZltkbjld
            evMY0wth+JQAF3RuOQJBAOHGWsbjvN4C1gFo6xiFLD3xOWEqESwdH40Z22HdcYhV
            gdwqQhFKOqG41u4YGTTMcs73xHkxUpqoHzM6fo5gnNcCQQDVf9uO9jwxBHYlMF+G
            aYD9JFIWm2rom/5+i1fbP1Uj+PCLoDxL4mWfYDH2GIuRUBfnvQYrO4shB6/ge0W2
            SJOjAkEA2jvVOzKfOSocmjhEJutzHFyzTgxPlQiBmu5HdI2MVG/ymlHukq/hhLka
            aAK7OqH0x8IPE+ZtJjkkD2yXMCCK+QJBAINWUD62A3k0AWoHQ/xv0sXnHgiCO1Y1
            AG3gUn+xijLC5Vc/j1gvQcy1ZIa7ur/9wXbxtWXLD1+WVv+FVfE43HkCQQCfJjOj
            ZETdhaBqAw54/2OZVn6WMLMuCNssFGyBdIYMtmwzlfJiGcvLHOOJTcMXtDFjLaKI
            4Vg4uNBAawR1dV76
            -----END PRIVATE KEY-----
            """;
    static final String ED25519_KEY = """
            -----BEGIN PRIVATE KEY-----
            MC4CAQAwBQYDK2VwBCIEIIs4mqKvDrs0n/inR/ViGK383Le0hMpAb5PydKfoGvRi
            -----END PRIVATE KEY-----
            """;

    private SignVerify() {
    }

    public static void run(Consumer<String> out) {
        KeyObject publicKey = createPublicKey(PRIVATE_KEY);

        Sign sign = createSign("SHA256");
        sign.update("some data ");
        sign.update("to sign");
        String signature = sign.sign(PRIVATE_KEY, "base64");
        out.accept(signature);

        Verify verify = createVerify("SHA256");
        verify.update("some data to sign");
        out.accept(String.valueOf(verify.verify(publicKey, signature, "base64")));
        out.accept(String.valueOf(verify("sha256", Buffer.from("some other data"), publicKey,
                Buffer.from(signature, "base64"))));

        KeyObject edKey = createPrivateKey(ED25519_KEY);
        Buffer edSignature = sign(null, Buffer.from("hello"), edKey);
        out.accept(edSignature.toString("hex"));
        out.accept(String.valueOf(verify(null, Buffer.from("hello"), createPublicKey(edKey), edSignature)));
        @SuppressWarnings("unchecked")
        Map<String, Object> jwk = (Map<String, Object>) createPublicKey(edKey).export(KeyExportOptions.jwk());
        out.accept((String) jwk.get("x"));

        GeneratedKeyPair ec = generateKeyPairSync("ec", KeyPairOptions.defaults().namedCurve("P-256"));
        Buffer ecSignature = sign("sha256", Buffer.from("hello"),
                KeyInput.of(ec.privateKeyObject()).dsaEncoding("ieee-p1363"));
        out.accept(String.valueOf(ecSignature.length()));
        out.accept(String.valueOf(verify("sha256", Buffer.from("hello"),
                KeyInput.of(ec.publicKeyObject()).dsaEncoding("ieee-p1363"), ecSignature)));
    }

    public static void main(String[] args) {
        run(System.out::println);
    }
}
