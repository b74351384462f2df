package dev.nodeshim.crypto;

import java.math.BigInteger;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.bouncycastle.math.ec.rfc8032.Ed448;

/**
 * The signatures {@link Signer} takes from BouncyCastle: ECDSA and EdDSA. Kept apart so that RSA and DSA
 * signing never load a BouncyCastle class (the JVM's verifier resolves the types a method uses when it
 * checks the class that holds it).
 */
final class BcSigner {
    private BcSigner() {
    }

    /**
     * ECDSA on BouncyCastle's {@code ECDSASigner} (a fresh random k per signature, as OpenSSL) for every
     * curve. Not the JDK's {@code NONEwithECDSA}: measured here on P-256, SunEC signs at 2 k/s on JDK 17
     * and 7 k/s on JDK 25, BouncyCastle's specialised P-256 field code with its fixed-point comb at
     * 13-15 k/s on both.
     */
    static byte[] signEc(EcKey e, byte[] h) {
        ECDSASigner s = new ECDSASigner();
        s.init(true, new ParametersWithRandom(new ECPrivateKeyParameters(e.d, domain(e.curve)), Randoms.RANDOM));
        BigInteger[] rs = s.generateSignature(h);
        return Der.seq(Der.integer(rs[0]), Der.integer(rs[1]));
    }

    static boolean verifyEc(EcKey e, byte[] h, byte[] der) {
        BigInteger[] rs = Signer.parseDer(der);
        if (rs == null) {
            return false;
        }
        ECDSASigner s = new ECDSASigner();
        s.init(false, new ECPublicKeyParameters(e.q(), domain(e.curve)));
        return s.verifySignature(h, rs[0], rs[1]);
    }

    private static ECDomainParameters domain(Curve c) {
        return c.domain();
    }

    static byte[] signEdDsa(OkpKey k, byte[] m) {
        if (k.kind == OkpKey.Kind.ED25519) {
            byte[] sig = new byte[Ed25519.SIGNATURE_SIZE];
            Ed25519.sign(k.priv, 0, k.pub, 0, m, 0, m.length, sig, 0);
            return sig;
        }
        byte[] sig = new byte[Ed448.SIGNATURE_SIZE];
        Ed448.sign(k.priv, 0, k.pub, 0, Bytes.EMPTY, m, 0, m.length, sig, 0);
        return sig;
    }

    static boolean verifyEdDsa(OkpKey k, byte[] m, byte[] sig) {
        if (k.kind == OkpKey.Kind.ED25519) {
            return sig.length == Ed25519.SIGNATURE_SIZE && Ed25519.verify(sig, 0, k.pub, 0, m, 0, m.length);
        }
        return sig.length == Ed448.SIGNATURE_SIZE && Ed448.verify(sig, 0, k.pub, 0, Bytes.EMPTY, m, 0, m.length);
    }
}
