package dev.nodeshim.crypto;

import dev.nodeshim.buffer.Buffer;
import java.util.Map;

/**
 * A key with its options, Node's key object argument ({@code {key, format, type, passphrase, encoding}}
 * of {@code createPrivateKey}/{@code createPublicKey}, with {@code padding}, {@code saltLength} and
 * {@code dsaEncoding} for {@code sign}/{@code verify}, and {@code padding}, {@code oaepHash} and
 * {@code oaepLabel} for {@code publicEncrypt} and its kin). Immutable, with fluent withers; unset
 * members are null, as Node's are undefined.
 *
 * <pre>{@code
 * createPrivateKey(KeyInput.of(der).format("der").type("pkcs8"));
 * sign("sha256", data, KeyInput.of(privateKey).padding(RSA_PKCS1_PSS_PADDING).saltLength(32));
 * createPublicKey(KeyInput.of(Map.of("kty", "OKP", "crv", "Ed25519", "x", "…")).format("jwk"));
 * }</pre>
 */
public final class KeyInput {
    final Object key;
    final String format;
    final String type;
    final Object passphrase;
    final String encoding;
    final Integer padding;
    final Integer saltLength;
    final String dsaEncoding;
    final String oaepHash;
    final Object oaepLabel;

    private KeyInput(Object key, String format, String type, Object passphrase, String encoding, Integer padding,
            Integer saltLength, String dsaEncoding, String oaepHash, Object oaepLabel) {
        this.key = key;
        this.format = format;
        this.type = type;
        this.passphrase = passphrase;
        this.encoding = encoding;
        this.padding = padding;
        this.saltLength = saltLength;
        this.dsaEncoding = dsaEncoding;
        this.oaepHash = oaepHash;
        this.oaepLabel = oaepLabel;
    }

    /**
     * {@code {key}}: a PEM or DER string, {@code byte[]}, {@link Buffer}, a JWK as a {@code Map}
     * (with {@code format("jwk")}) or, where Node takes one, a {@link KeyObject}.
     */
    public static KeyInput of(Object key) {
        return new KeyInput(key, null, null, null, null, null, null, null, null, null);
    }

    /** {@code {key: jwk, format: 'jwk'}}. */
    public static KeyInput jwk(Map<String, ?> jwk) {
        return of(jwk).format("jwk");
    }

    public KeyInput format(String format) {
        return new KeyInput(key, format, type, passphrase, encoding, padding, saltLength, dsaEncoding, oaepHash,
                oaepLabel);
    }

    public KeyInput type(String type) {
        return new KeyInput(key, format, type, passphrase, encoding, padding, saltLength, dsaEncoding, oaepHash,
                oaepLabel);
    }

    /** The passphrase of an encrypted key: a String (UTF-8), {@code byte[]} or {@link Buffer}. */
    public KeyInput passphrase(Object passphrase) {
        return new KeyInput(key, format, type, passphrase, encoding, padding, saltLength, dsaEncoding, oaepHash,
                oaepLabel);
    }

    /** The encoding of a string key ({@code 'base64'} for a DER given as base64…). */
    public KeyInput encoding(String encoding) {
        return new KeyInput(key, format, type, passphrase, encoding, padding, saltLength, dsaEncoding, oaepHash,
                oaepLabel);
    }

    /** {@code padding}: {@code RSA_PKCS1_PADDING}, {@code RSA_PKCS1_PSS_PADDING}, {@code RSA_PKCS1_OAEP_PADDING}… */
    public KeyInput padding(int padding) {
        return new KeyInput(key, format, type, passphrase, encoding, padding, saltLength, dsaEncoding, oaepHash,
                oaepLabel);
    }

    /** {@code saltLength} of PSS, or {@code RSA_PSS_SALTLEN_DIGEST}, {@code _MAX_SIGN}, {@code _AUTO}. */
    public KeyInput saltLength(int saltLength) {
        return new KeyInput(key, format, type, passphrase, encoding, padding, saltLength, dsaEncoding, oaepHash,
                oaepLabel);
    }

    /** {@code dsaEncoding} of (EC)DSA signatures: {@code 'der'} (the default) or {@code 'ieee-p1363'}. */
    public KeyInput dsaEncoding(String dsaEncoding) {
        return new KeyInput(key, format, type, passphrase, encoding, padding, saltLength, dsaEncoding, oaepHash,
                oaepLabel);
    }

    /** {@code oaepHash}: the hash of OAEP and its MGF1 (default {@code 'sha1'}). */
    public KeyInput oaepHash(String oaepHash) {
        return new KeyInput(key, format, type, passphrase, encoding, padding, saltLength, dsaEncoding, oaepHash,
                oaepLabel);
    }

    /** {@code oaepLabel}: OAEP's label, a String (UTF-8), {@code byte[]} or {@link Buffer}. */
    public KeyInput oaepLabel(Object oaepLabel) {
        return new KeyInput(key, format, type, passphrase, encoding, padding, saltLength, dsaEncoding, oaepHash,
                oaepLabel);
    }

    public Object key() {
        return key;
    }
}
