package dev.nodeshim.crypto;

import dev.nodeshim.errors.Errors;
import dev.nodeshim.errors.NodeError;
import dev.nodeshim.errors.Undefined;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAKeyGenParameterSpec;
import java.util.List;
import java.util.function.Supplier;

/**
 * Key generation: {@code generateKeyPair(Sync)} and {@code generateKey(Sync)}. Arguments are checked on
 * the calling thread in Node's order ({@link #pair} returns the work, which the asynchronous forms run
 * on a helper thread); what OpenSSL refuses only while generating (an RSA modulus under 512 bits, an
 * even exponent) is Node's error at that point.
 *
 * <p>Where the numbers come from: RSA primes from the JDK's {@code KeyPairGenerator} (its CRT key);
 * DSA domain parameters searched as FIPS 186-4 A.1 searches (see {@link #dsaParams}); EC scalars, EdDSA seeds and X25519/X448
 * scalars (clamped, as OpenSSL stores them) straight from the CSPRNG, the public halves computed as
 * when a key is read.
 */
final class KeyGen {
    private static final List<String> PAIR_TYPES = List.of("rsa", "rsa-pss", "dsa", "ec", "ed25519", "ed448",
            "x25519", "x448", "dh");
    private static final long UINT32 = 4294967295L;
    private static final long INT32 = 2147483647L;

    private KeyGen() {
    }

    static Supplier<GeneratedKeyPair> pair(String type, KeyPairOptions options) {
        if (type == null) {
            throw Errors.invalidArgType("type", "string", null);
        }
        if (!PAIR_TYPES.contains(type)) {
            throw Errors.invalidArgValue("type", type, "must be a supported key type");
        }
        boolean needsOptions = type.startsWith("rsa") || type.equals("dsa") || type.equals("ec") || type.equals("dh");
        if (options == null) {
            if (needsOptions) {
                throw Errors.invalidArgType("options", "object", Undefined.INSTANCE);
            }
            options = KeyPairOptions.defaults();
        }
        KeyPairOptions o = options;
        Supplier<KeyData> make;
        switch (type) {
            case "rsa", "rsa-pss" -> {
                int bits = (int) uint32(o.modulusLength, "options.modulusLength");
                long e = o.publicExponent == null ? 65537 : optionalUint32(o.publicExponent, "options.publicExponent");
                RsaKey.Pss pss = null;
                if (type.equals("rsa-pss")) {
                    pss = pssParams(o);
                }
                RsaKey.Pss params = pss;
                make = () -> rsa(type.equals("rsa-pss"), params, bits, e);
            }
            case "dsa" -> {
                int bits = (int) uint32(o.modulusLength, "options.modulusLength");
                int divisor = o.divisorLength == null ? -1 : (int) int32(o.divisorLength, "options.divisorLength");
                make = () -> dsa(bits, divisor);
            }
            case "ec" -> {
                if (o.namedCurve == null) {
                    throw Errors.invalidArgType("options.namedCurve", "string", Undefined.INSTANCE);
                }
                if (o.paramEncoding != null && !o.paramEncoding.equals("named") && !o.paramEncoding.equals("explicit")) {
                    throw KeyErrors.invalidProperty("options.paramEncoding", o.paramEncoding);
                }
                Curve c = Curve.byName(o.namedCurve);
                if (c == null) {
                    throw new NodeError("TypeError", "ERR_CRYPTO_INVALID_CURVE", "Invalid EC curve name");
                }
                boolean explicit = "explicit".equals(o.paramEncoding);
                make = () -> ec(c, explicit);
            }
            case "dh" -> {
                // Node checks the encodings of a dh pair before its own options
                checkEncoding(o.publicKeyEncoding, true, type, "options.publicKeyEncoding");
                checkEncoding(o.privateKeyEncoding, false, type, "options.privateKeyEncoding");
                make = dh(o);
            }
            default -> {
                OkpKey.Kind k = OkpKey.Kind.byType(type);
                make = () -> okp(k);
            }
        }
        checkEncoding(o.publicKeyEncoding, true, type, "options.publicKeyEncoding");
        checkEncoding(o.privateKeyEncoding, false, type, "options.privateKeyEncoding");
        Supplier<KeyData> gen = make;
        return () -> {
            KeyData priv = gen.get();
            KeyObject privateKey = KeyObject.of(priv);
            KeyObject publicKey = KeyObject.of(priv.publicPart());
            return new GeneratedKeyPair(
                    o.publicKeyEncoding == null ? publicKey : publicKey.export(o.publicKeyEncoding),
                    o.privateKeyEncoding == null ? privateKey : privateKey.export(o.privateKeyEncoding));
        };
    }

    private static long uint32(Long v, String name) {
        if (v == null) {
            throw Errors.invalidArgType(name, "number", Undefined.INSTANCE);
        }
        return optionalUint32(v, name);
    }

    private static long optionalUint32(long v, String name) {
        if (v < 0 || v > UINT32) {
            throw Errors.outOfRange(name, ">= 0 && <= 4294967295", v);
        }
        return v;
    }

    private static long int32(long v, String name) {
        if (v < 0 || v > INT32) {
            throw Errors.outOfRange(name, ">= 0 && <= 2147483647", v);
        }
        return v;
    }

    /** rsa-pss restrictions: present when any of hash, MGF1 hash, salt length is given (Node's defaults fill the rest). */
    private static RsaKey.Pss pssParams(KeyPairOptions o) {
        if (o.saltLength != null) {
            int32(o.saltLength, "options.saltLength");
        }
        String hash = o.hashAlgorithm == null ? null : digestName(o.hashAlgorithm);
        String mgf1 = o.mgf1HashAlgorithm == null ? null : digestName(o.mgf1HashAlgorithm);
        if (hash == null && mgf1 == null && o.saltLength == null) {
            return null;
        }
        String h = hash == null ? "sha1" : hash;
        int salt = o.saltLength == null ? Registry.hash(h).size() : o.saltLength.intValue();
        return new RsaKey.Pss(h, mgf1 == null ? h : mgf1, salt);
    }

    private static String digestName(String name) {
        Registry.HashSpec spec = Registry.hash(name);
        if (spec == null || !Oids.HASHES.containsKey(spec.name())) {
            throw CryptoErrors.invalidDigest(name);
        }
        return spec.name();
    }

    /** Node's checks of a publicKeyEncoding/privateKeyEncoding, before any key is made. */
    private static void checkEncoding(KeyExportOptions enc, boolean isPublic, String keyType, String prefix) {
        if (enc == null) {
            return;
        }
        String format = enc.format();
        if ("jwk".equals(format)) {
            return;
        }
        if (!"pem".equals(format) && !"der".equals(format)) {
            throw KeyErrors.invalidProperty(prefix + ".format", format == null ? Undefined.INSTANCE : format);
        }
        String type = enc.type();
        List<String> types = isPublic ? List.of("pkcs1", "spki") : List.of("pkcs1", "pkcs8", "sec1");
        if (type == null || !types.contains(type)) {
            throw KeyErrors.invalidProperty(prefix + ".type", type == null ? Undefined.INSTANCE : type);
        }
        if (type.equals("pkcs1") && !keyType.equals("rsa")) {
            throw KeyErrors.incompatible("The selected key encoding pkcs1 can only be used for RSA keys.");
        }
        if (type.equals("sec1") && !keyType.equals("ec")) {
            throw KeyErrors.incompatible("The selected key encoding sec1 can only be used for EC keys.");
        }
        if (!isPublic) {
            if (enc.cipher() != null && format.equals("der") && !type.equals("pkcs8")) {
                throw KeyErrors.incompatible("The selected key encoding " + type + " does not support encryption.");
            }
            byte[] pass = KeyObject.passphrase(enc.passphrase(), prefix + ".passphrase");
            if (enc.cipher() != null && pass == null) {
                throw KeyErrors.invalidProperty(prefix + ".passphrase", Undefined.INSTANCE);
            }
            if (enc.cipher() == null && pass != null) {
                throw KeyErrors.invalidProperty(prefix + ".cipher", Undefined.INSTANCE);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------

    private static KeyData rsa(boolean pss, RsaKey.Pss params, int bits, long e) {
        if (bits < 512) {
            throw KeyErrors.plain("error:1C8000AB:Provider routines::key size too small");
        }
        if (e < 3 || (e & 1) == 0) {
            throw KeyErrors.plain("error:020000B2:rsa routines::pub exponent out of range");
        }
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(new RSAKeyGenParameterSpec(Math.min(bits, 16384), BigInteger.valueOf(e)), Randoms.RANDOM);
            KeyPair kp = g.generateKeyPair();
            RSAPrivateCrtKey k = (RSAPrivateCrtKey) kp.getPrivate();
            return new RsaKey(pss, params, k.getModulus(), k.getPublicExponent(), k.getPrivateExponent(),
                    k.getPrimeP(), k.getPrimeQ(), k.getPrimeExponentP(), k.getPrimeExponentQ(), k.getCrtCoefficient());
        } catch (GeneralSecurityException ex) {
            throw new NodeError("Error", null, "RSA key generation failed: " + ex.getMessage(), ex);
        }
    }

    private static KeyData dsa(int bits, int divisor) {
        if (bits < 1024) {
            // OpenSSL's FFC generation refuses what FIPS 186-4 does not allow
            throw KeyErrors.plain("error:05000072:dsa routines::bad ffc parameters");
        }
        int n = divisor > 0 ? divisor : (bits >= 3072 ? 256 : 224);
        if (n < 160 || n >= bits) {
            throw KeyErrors.plain("error:05000072:dsa routines::bad ffc parameters");
        }
        BigInteger[] pqg = dsaParams(bits, n);
        BigInteger q = pqg[1];
        BigInteger x;
        do {
            x = new BigInteger(q.bitLength(), Randoms.RANDOM);
        } while (x.signum() == 0 || x.compareTo(q) >= 0);
        return new DsaKey(pqg[0], q, pqg[2], pqg[2].modPow(x, pqg[0]), x);
    }

    /**
     * DSA domain parameters with the shape FIPS 186-4 A.1 gives (q an N-bit prime, p an L-bit prime with
     * q | p - 1, g of order q), searched the same way but from the CSPRNG instead of a hash chain of a
     * seed: OpenSSL accepts L/N pairs (1024/224, 1024/256) that FIPS's own procedure, and so
     * BouncyCastle's generator, refuse.
     */
    private static BigInteger[] dsaParams(int l, int n) {
        java.util.Random rnd = Randoms.RANDOM;
        BigInteger q = BigInteger.probablePrime(n, rnd);
        BigInteger twoQ = q.shiftLeft(1);
        BigInteger p;
        while (true) {
            BigInteger x = new BigInteger(l, rnd).setBit(l - 1);
            p = x.subtract(x.mod(twoQ).subtract(BigInteger.ONE));
            if (p.bitLength() == l && p.isProbablePrime(64)) {
                break;
            }
        }
        BigInteger e = p.subtract(BigInteger.ONE).divide(q);
        BigInteger g = BigInteger.ONE;
        for (BigInteger h = BigInteger.TWO; g.equals(BigInteger.ONE); h = h.add(BigInteger.ONE)) {
            g = h.modPow(e, p);
        }
        return new BigInteger[] {p, q, g};
    }

    /**
     * The dh options, checked in Node's order (pairs that exclude each other, a missing group, then
     * each option's type and range); the work makes the group (a MODP group, the given prime, or a
     * new safe prime) and a private value as OpenSSL 3 draws it: for a group it knows by name (see
     * {@link #isNamedGroup}; named or given by its prime), {@link #NAMED_GROUP_BITS} random bits;
     * otherwise two bits fewer than the prime has.
     */
    private static Supplier<KeyData> dh(KeyPairOptions o) {
        if (o.group != null) {
            String other = o.prime != null ? "prime" : o.primeLength != null ? "primeLength"
                    : o.generator != null ? "generator" : null;
            if (other != null) {
                throw incompatiblePair("group", other);
            }
        } else if (o.prime != null && o.primeLength != null) {
            throw incompatiblePair("prime", "primeLength");
        }
        if (o.group == null && o.prime == null && o.primeLength == null) {
            throw new NodeError("TypeError", "ERR_MISSING_OPTION",
                    "At least one of the group, prime, or primeLength options is required");
        }
        if (o.group != null) {
            BigInteger p = DhArgs.group(o.group).p;
            return () -> dhKey(p, BigInteger.TWO);
        }
        BigInteger prime = null;
        if (o.prime != null) {
            if (!(o.prime instanceof byte[]) && !(o.prime instanceof dev.nodeshim.buffer.Buffer)) {
                throw Errors.invalidArgType("options.prime", List.of("Buffer", "TypedArray", "DataView"), o.prime);
            }
            prime = new BigInteger(1, o.prime instanceof byte[] b ? b : ((dev.nodeshim.buffer.Buffer) o.prime).toByteArray());
        }
        int bits = o.primeLength == null ? -1 : (int) int32(o.primeLength, "options.primeLength");
        BigInteger g = BigInteger.valueOf(o.generator == null ? 2 : int32(o.generator, "options.generator"));
        BigInteger p = prime;
        return () -> {
            // OpenSSL's bounds, reported without a code as Node reports a failed generation
            int size = p == null ? bits : p.bitLength();
            if (size < DhBase.MIN_BITS) {
                throw KeyErrors.plain("error:0280007E:Diffie-Hellman routines::modulus too small");
            }
            if (size > DhBase.MAX_BITS) {
                throw KeyErrors.plain("error:02800067:Diffie-Hellman routines::modulus too large");
            }
            return dhKey(p == null ? DhArgs.safePrime(bits, g) : p, g);
        };
    }

    private static NodeError incompatiblePair(String a, String b) {
        return new NodeError("TypeError", "ERR_INCOMPATIBLE_OPTION_PAIR",
                "Option \"" + a + "\" cannot be used in combination with option \"" + b + "\"");
    }

    /**
     * The private value length OpenSSL 3 uses for the groups it knows by name (RFC 3526's MODP groups
     * from 1536 bits, RFC 7919's ffdhe groups), by the prime's size; observed as the largest bit length
     * of many keys Node generated.
     */
    private static final java.util.Map<Integer, Integer> NAMED_GROUP_BITS = java.util.Map.of(
            1536, 200, 2048, 225, 3072, 275, 4096, 325, 6144, 375, 8192, 400);

    /** Whether OpenSSL 3 knows (p, g) as a named group: a MODP group of 1536 bits or more or an ffdhe group, generator 2. */
    static boolean isNamedGroup(BigInteger p, BigInteger g) {
        return NAMED_GROUP_BITS.containsKey(p.bitLength()) && g.equals(BigInteger.TWO) && DhArgs.isGroupPrime(p);
    }

    static KeyData dhKey(BigInteger p, BigInteger g) {
        int bits = isNamedGroup(p, g) ? NAMED_GROUP_BITS.get(p.bitLength()) : p.bitLength() - 2;
        BigInteger x;
        do {
            x = new BigInteger(bits, Randoms.RANDOM);
        } while (x.signum() == 0);
        return DhKey.ofPrivate(p, g, null, x);
    }

    static KeyData ec(Curve c) {
        return ec(c, false);
    }

    /** A key on {@code c}, d uniform in [1, n), written with explicit parameters when {@code explicit}. */
    static KeyData ec(Curve c, boolean explicit) {
        BigInteger n = c.order();
        BigInteger d;
        do {
            d = new BigInteger(n.bitLength(), Randoms.RANDOM);
        } while (d.signum() == 0 || d.compareTo(n) >= 0);
        return new EcKey(c, c.publicOf(d), d, explicit ? c.explicitParameters() : null);
    }

    static KeyData okp(OkpKey.Kind k) {
        byte[] priv = Randoms.bytes(k.privateSize);
        if (k == OkpKey.Kind.X25519) {
            priv[0] &= (byte) 248;
            priv[31] &= 127;
            priv[31] |= 64;
        } else if (k == OkpKey.Kind.X448) {
            priv[0] &= (byte) 252;
            priv[55] |= (byte) 128;
        }
        return OkpKey.ofPrivate(k, priv);
    }

    // ------------------------------------------------------------------------------------------------
    // generateKey

    static Supplier<KeyObject> secret(String type, long length) {
        if (type == null) {
            throw Errors.invalidArgType("type", "string", null);
        }
        switch (type) {
            case "hmac" -> {
                if (length < 8 || length > INT32) {
                    throw Errors.outOfRange("options.length", ">= 8 && <= 2147483647", length);
                }
                int bytes = (int) (length / 8);
                return () -> KeyObject.secret(Randoms.bytes(bytes));
            }
            case "aes" -> {
                if (length != 128 && length != 192 && length != 256) {
                    throw new NodeError("TypeError", "ERR_INVALID_ARG_VALUE",
                            "The property 'options.length' must be one of: 128, 192, 256. Received " + length);
                }
                int bytes = (int) (length / 8);
                return () -> KeyObject.secret(Randoms.bytes(bytes));
            }
            default -> throw Errors.invalidArgValue("type", type, "must be a supported key type");
        }
    }
}
