package dev.nodeshim.crypto;

import dev.nodeshim.buffer.Buffer;

/**
 * The options of {@code keyObject.export(options)}: {@code format} ({@code "pem"}, {@code "der"},
 * {@code "jwk"}; for a secret key {@code "buffer"} or {@code "jwk"}), {@code type} ({@code "pkcs1"},
 * {@code "spki"}, {@code "pkcs8"}, {@code "sec1"}), and for private keys {@code cipher} and
 * {@code passphrase} (a String, {@code byte[]} or {@link Buffer}). Immutable, with fluent withers;
 * validated by {@code export} in Node's order.
 *
 * <pre>{@code key.export(KeyExportOptions.pem("pkcs8").cipher("aes-256-cbc").passphrase("top secret"))}</pre>
 */
public final class KeyExportOptions {
    private final String format;
    private final String type;
    private final String cipher;
    private final Object passphrase;

    private KeyExportOptions(String format, String type, String cipher, Object passphrase) {
        this.format = format;
        this.type = type;
        this.cipher = cipher;
        this.passphrase = passphrase;
    }

    /** No options set ({@code {}}). */
    public static KeyExportOptions defaults() {
        return new KeyExportOptions(null, null, null, null);
    }

    /** {@code {format: 'pem', type}}. */
    public static KeyExportOptions pem(String type) {
        return new KeyExportOptions("pem", type, null, null);
    }

    /** {@code {format: 'der', type}}. */
    public static KeyExportOptions der(String type) {
        return new KeyExportOptions("der", type, null, null);
    }

    /** {@code {format: 'jwk'}}. */
    public static KeyExportOptions jwk() {
        return new KeyExportOptions("jwk", null, null, null);
    }

    public KeyExportOptions format(String format) {
        return new KeyExportOptions(format, type, cipher, passphrase);
    }

    public KeyExportOptions type(String type) {
        return new KeyExportOptions(format, type, cipher, passphrase);
    }

    public KeyExportOptions cipher(String cipher) {
        return new KeyExportOptions(format, type, cipher, passphrase);
    }

    /** The passphrase: a String (UTF-8), {@code byte[]} or {@link Buffer}. */
    public KeyExportOptions passphrase(Object passphrase) {
        return new KeyExportOptions(format, type, cipher, passphrase);
    }

    public String format() {
        return format;
    }

    public String type() {
        return type;
    }

    public String cipher() {
        return cipher;
    }

    public Object passphrase() {
        return passphrase;
    }
}
