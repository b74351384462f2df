package dev.nodeshim.crypto;

/**
 * The options of {@code generateKeyPair(Sync)(type, options)}: {@code modulusLength},
 * {@code publicExponent} (rsa, rsa-pss, dsa), {@code hashAlgorithm}, {@code mgf1HashAlgorithm},
 * {@code saltLength} (rsa-pss), {@code divisorLength} (dsa), {@code namedCurve}, {@code paramEncoding}
 * (ec), {@code group}, {@code prime}, {@code primeLength}, {@code generator} (dh), and
 * {@code publicKeyEncoding}/{@code privateKeyEncoding}: with an encoding, that half of the pair is
 * returned exported (a String, Buffer or JWK map) instead of as a {@link KeyObject}. Unset members are
 * Node's undefined; immutable, with fluent withers.
 *
 * <pre>{@code generateKeyPairSync("rsa", KeyPairOptions.defaults().modulusLength(2048)
 *         .privateKeyEncoding(KeyExportOptions.pem("pkcs8")))}</pre>
 */
public final class KeyPairOptions {
    final Long modulusLength;
    final Long publicExponent;
    final String hashAlgorithm;
    final String mgf1HashAlgorithm;
    final Long saltLength;
    final Long divisorLength;
    final String namedCurve;
    final String paramEncoding;
    final KeyExportOptions publicKeyEncoding;
    final KeyExportOptions privateKeyEncoding;
    /** The dh options: group, prime, primeLength, generator (null: undefined). */
    final String group;
    final Object prime;
    final Long primeLength;
    final Long generator;

    private KeyPairOptions(Long modulusLength, Long publicExponent, String hashAlgorithm, String mgf1HashAlgorithm,
            Long saltLength, Long divisorLength, String namedCurve, String paramEncoding,
            KeyExportOptions publicKeyEncoding, KeyExportOptions privateKeyEncoding, String group, Object prime,
            Long primeLength, Long generator) {
        this.modulusLength = modulusLength;
        this.publicExponent = publicExponent;
        this.hashAlgorithm = hashAlgorithm;
        this.mgf1HashAlgorithm = mgf1HashAlgorithm;
        this.saltLength = saltLength;
        this.divisorLength = divisorLength;
        this.namedCurve = namedCurve;
        this.paramEncoding = paramEncoding;
        this.publicKeyEncoding = publicKeyEncoding;
        this.privateKeyEncoding = privateKeyEncoding;
        this.group = group;
        this.prime = prime;
        this.primeLength = primeLength;
        this.generator = generator;
    }

    /** {@code {}}: enough for ed25519, ed448, x25519, x448. */
    public static KeyPairOptions defaults() {
        return new KeyPairOptions(null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public KeyPairOptions modulusLength(long bits) {
        return new KeyPairOptions(bits, publicExponent, hashAlgorithm, mgf1HashAlgorithm, saltLength, divisorLength,
                namedCurve, paramEncoding, publicKeyEncoding, privateKeyEncoding, group, prime, primeLength, generator);
    }

    /** {@code publicExponent} (default 65537). */
    public KeyPairOptions publicExponent(long e) {
        return new KeyPairOptions(modulusLength, e, hashAlgorithm, mgf1HashAlgorithm, saltLength, divisorLength,
                namedCurve, paramEncoding, publicKeyEncoding, privateKeyEncoding, group, prime, primeLength, generator);
    }

    public KeyPairOptions hashAlgorithm(String hash) {
        return new KeyPairOptions(modulusLength, publicExponent, hash, mgf1HashAlgorithm, saltLength, divisorLength,
                namedCurve, paramEncoding, publicKeyEncoding, privateKeyEncoding, group, prime, primeLength, generator);
    }

    public KeyPairOptions mgf1HashAlgorithm(String hash) {
        return new KeyPairOptions(modulusLength, publicExponent, hashAlgorithm, hash, saltLength, divisorLength,
                namedCurve, paramEncoding, publicKeyEncoding, privateKeyEncoding, group, prime, primeLength, generator);
    }

    public KeyPairOptions saltLength(long bytes) {
        return new KeyPairOptions(modulusLength, publicExponent, hashAlgorithm, mgf1HashAlgorithm, bytes, divisorLength,
                namedCurve, paramEncoding, publicKeyEncoding, privateKeyEncoding, group, prime, primeLength, generator);
    }

    public KeyPairOptions divisorLength(long bits) {
        return new KeyPairOptions(modulusLength, publicExponent, hashAlgorithm, mgf1HashAlgorithm, saltLength, bits,
                namedCurve, paramEncoding, publicKeyEncoding, privateKeyEncoding, group, prime, primeLength, generator);
    }

    public KeyPairOptions namedCurve(String curve) {
        return new KeyPairOptions(modulusLength, publicExponent, hashAlgorithm, mgf1HashAlgorithm, saltLength,
                divisorLength, curve, paramEncoding, publicKeyEncoding, privateKeyEncoding, group, prime, primeLength, generator);
    }

    /** {@code paramEncoding}: {@code 'named'} (the default; explicit parameters are not written here). */
    public KeyPairOptions paramEncoding(String encoding) {
        return new KeyPairOptions(modulusLength, publicExponent, hashAlgorithm, mgf1HashAlgorithm, saltLength,
                divisorLength, namedCurve, encoding, publicKeyEncoding, privateKeyEncoding, group, prime, primeLength, generator);
    }

    public KeyPairOptions publicKeyEncoding(KeyExportOptions encoding) {
        return new KeyPairOptions(modulusLength, publicExponent, hashAlgorithm, mgf1HashAlgorithm, saltLength,
                divisorLength, namedCurve, paramEncoding, encoding, privateKeyEncoding, group, prime, primeLength, generator);
    }

    public KeyPairOptions privateKeyEncoding(KeyExportOptions encoding) {
        return new KeyPairOptions(modulusLength, publicExponent, hashAlgorithm, mgf1HashAlgorithm, saltLength,
                divisorLength, namedCurve, paramEncoding, publicKeyEncoding, encoding, group, prime, primeLength, generator);
    }

    /**
     * dh: {@code group}, one of the MODP groups of {@code getDiffieHellman} ({@code 'modp14'}…); not
     * with {@code prime}, {@code primeLength} or {@code generator}.
     */
    public KeyPairOptions group(String name) {
        return new KeyPairOptions(modulusLength, publicExponent, hashAlgorithm, mgf1HashAlgorithm, saltLength,
                divisorLength, namedCurve, paramEncoding, publicKeyEncoding, privateKeyEncoding, name, prime,
                primeLength, generator);
    }

    /** dh: {@code prime}, big-endian bytes ({@code byte[]} or Buffer). */
    public KeyPairOptions prime(Object prime) {
        return new KeyPairOptions(modulusLength, publicExponent, hashAlgorithm, mgf1HashAlgorithm, saltLength,
                divisorLength, namedCurve, paramEncoding, publicKeyEncoding, privateKeyEncoding, group, prime,
                primeLength, generator);
    }

    /** dh: {@code primeLength}, the size in bits of a safe prime to generate (slow above 1024, as in Node). */
    public KeyPairOptions primeLength(long bits) {
        return new KeyPairOptions(modulusLength, publicExponent, hashAlgorithm, mgf1HashAlgorithm, saltLength,
                divisorLength, namedCurve, paramEncoding, publicKeyEncoding, privateKeyEncoding, group, prime,
                bits, generator);
    }

    /** dh: {@code generator} (default 2) with {@code prime} or {@code primeLength}. */
    public KeyPairOptions generator(long g) {
        return new KeyPairOptions(modulusLength, publicExponent, hashAlgorithm, mgf1HashAlgorithm, saltLength,
                divisorLength, namedCurve, paramEncoding, publicKeyEncoding, privateKeyEncoding, group, prime,
                primeLength, g);
    }
}
