package dev.nodeshim.crypto;

import java.security.MessageDigest;

/**
 * One running hash computation, whatever implements it: a JCA {@link MessageDigest} (the JDK's, or
 * BouncyCastle's through {@link BouncyCastle#provider()}), one of ours ({@link Keccak}, {@link Blake2b},
 * {@link Blake2s}, {@link Mdc2}), or two engines side by side (md5-sha1). Not thread-safe; {@link Hash} and {@link Hmac} confine one to one user.
 */
interface HashEngine {
    void update(byte[] a, int off, int len);

    /** The remaining bytes of {@code b}; a heap buffer is read in place. */
    default void update(java.nio.ByteBuffer b) {
        if (b.hasArray()) {
            update(b.array(), b.arrayOffset() + b.position(), b.remaining());
            b.position(b.limit());
        } else {
            byte[] chunk = new byte[Math.min(b.remaining(), 8192)];
            while (b.hasRemaining()) {
                int n = Math.min(chunk.length, b.remaining());
                b.get(chunk, 0, n);
                update(chunk, 0, n);
            }
        }
    }

    /** Ends the computation and returns {@code length} bytes of output (the digest size unless XOF). */
    byte[] finish(int length);

    /** An independent engine in the same state. */
    HashEngine copy();

    /** A JCA digest; {@link #copy()} clones it (every JDK and BouncyCastle digest is cloneable). */
    final class Jca implements HashEngine {
        private final MessageDigest md;

        Jca(MessageDigest md) {
            this.md = md;
        }

        @Override
        public void update(byte[] a, int off, int len) {
            md.update(a, off, len);
        }

        @Override
        public byte[] finish(int length) {
            return md.digest();
        }

        @Override
        public HashEngine copy() {
            try {
                return new Jca((MessageDigest) md.clone());
            } catch (CloneNotSupportedException e) {
                throw new IllegalStateException(md.getAlgorithm() + " cannot be copied", e);
            }
        }
    }

    /** OpenSSL's md5-sha1: the MD5 digest followed by the SHA-1 digest of the same input (TLS 1.0's PRF hash). */
    final class Concat implements HashEngine {
        private final HashEngine first;
        private final HashEngine second;

        Concat(HashEngine first, HashEngine second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void update(byte[] a, int off, int len) {
            first.update(a, off, len);
            second.update(a, off, len);
        }

        @Override
        public byte[] finish(int length) {
            return Bytes.concat(first.finish(-1), second.finish(-1));
        }

        @Override
        public HashEngine copy() {
            return new Concat(first.copy(), second.copy());
        }
    }
}
