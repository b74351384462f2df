package dev.nodeshim.crypto;

import java.security.Provider;

/**
 * The one BouncyCastle provider nodeshim uses, created on first use and never added to the JVM's
 * global provider list ({@link java.security.Security}): a user's own {@code getInstance} calls see
 * exactly the providers they had before.
 *
 * <p>Nothing loads BouncyCastle until an algorithm the JDK lacks is asked for: the registry
 * ({@link Registry}) only names this class inside the factories of such algorithms, and the JVM
 * initialises a holder class on first access, so a program that hashes with sha256 and encrypts
 * with aes-256-gcm never loads a BouncyCastle class. Initialisation of the holder is thread-safe
 * by the JVM's class-initialisation lock; after that, reads are plain static-field reads.
 *
 * <p>Rejected alternatives: {@code Security.addProvider} (changes which implementation every other
 * library in the process gets for names both providers have); one provider per call (the provider's
 * constructor registers hundreds of services and costs milliseconds).
 */
final class BouncyCastle {
    private BouncyCastle() {
    }

    /** Set when the holder initialises; readable without initialising it (for tests of laziness). */
    private static volatile boolean created;

    private static final class Holder {
        static final Provider PROVIDER = create();

        private static Provider create() {
            Provider p = new org.bouncycastle.jce.provider.BouncyCastleProvider();
            created = true;
            return p;
        }
    }

    /** The provider, created on first call. */
    static Provider provider() {
        return Holder.PROVIDER;
    }

    /** Whether the provider has been created in this JVM. */
    static boolean created() {
        return created;
    }
}
