package dev.nodeshim.crypto;

/**
 * One running encryption or decryption with OpenSSL's chunking: {@link #update} returns what
 * OpenSSL's {@code EVP_CipherUpdate} returns for the same calls (stream modes at once, block modes
 * every complete block, a decrypting padded mode all but a last complete block), {@link #doFinal}
 * the rest. The AEAD methods are used only by engines whose {@link #aead()} is true; {@link CipherBase}
 * enforces Node's state rules around them, so engines see only calls in a valid order.
 */
abstract class CipherEngine {
    static final String UNSUPPORTED_STATE = "Trying to add data in unsupported state";

    abstract byte[] update(byte[] in, int off, int len);

    abstract byte[] doFinal();

    /** Block modes only: PKCS#7 padding on (the default) or off. */
    void setAutoPadding(boolean padding) {
    }

    boolean aead() {
        return false;
    }

    /** Whether message bytes (not just empty updates) have been processed: AAD must come before them. */
    boolean textStarted() {
        return false;
    }

    /** OCB hashes associated data independently of the message, so it takes AAD after update too. */
    boolean aadAfterUpdate() {
        return false;
    }

    /** Associated data; {@code plaintextLength} is CCM's declared message length, or -1. */
    void aad(byte[] aad, long plaintextLength) {
        throw new UnsupportedOperationException();
    }

    /** Whether {@link #tag()} has a tag (an encryption whose doFinal succeeded). */
    boolean hasTag() {
        return false;
    }

    /** The tag, after {@link #doFinal} of an encryption. */
    byte[] tag() {
        throw new UnsupportedOperationException();
    }

    /** The expected tag of a decryption, of a length already checked. */
    void setTag(byte[] tag) {
        throw new UnsupportedOperationException();
    }

    static byte[] slice(byte[] a, int off, int len) {
        byte[] r = new byte[len];
        System.arraycopy(a, off, r, 0, len);
        return r;
    }

    static void xor(byte[] a, int aOff, byte[] b, int bOff, byte[] out, int outOff, int len) {
        for (int i = 0; i < len; i++) {
            out[outOff + i] = (byte) (a[aOff + i] ^ b[bOff + i]);
        }
    }

    /** Constant-time comparison of the first {@code len} bytes. */
    static boolean equalPrefix(byte[] a, byte[] b, int len) {
        int d = 0;
        for (int i = 0; i < len; i++) {
            d |= a[i] ^ b[i];
        }
        return d == 0;
    }

    static dev.nodeshim.errors.NodeError authFailed() {
        return CryptoErrors.plain("Unsupported state or unable to authenticate data");
    }

    static dev.nodeshim.errors.NodeError unsupportedState() {
        return CryptoErrors.plain(UNSUPPORTED_STATE);
    }

    static dev.nodeshim.errors.NodeError wrongFinalBlockLength() {
        return CryptoErrors.openssl("ERR_OSSL_WRONG_FINAL_BLOCK_LENGTH", "1C80006B", "Provider routines",
                "wrong final block length");
    }

    static dev.nodeshim.errors.NodeError badDecrypt() {
        return CryptoErrors.openssl("ERR_OSSL_BAD_DECRYPT", "1C800064", "Provider routines", "bad decrypt");
    }

    /**
     * aes-*-ocb with {@code authTagLength: 0}: Node creates the object, but OpenSSL refused the tag length,
     * so the context is unusable. As in Node: setAuthTag takes only the empty tag (once), setAAD is an
     * invalid state, every update (an empty one too) is "Trying to add data in unsupported state", final
     * is "Unsupported state or unable to authenticate data", and getAuthTag after it gives the empty tag.
     */
    static final class TaglessOcb extends CipherEngine {
        private boolean finalCalled;

        @Override
        boolean aead() {
            return true;
        }

        @Override
        byte[] update(byte[] in, int off, int len) {
            throw unsupportedState();
        }

        @Override
        byte[] doFinal() {
            finalCalled = true;
            throw authFailed();
        }

        @Override
        void aad(byte[] aad, long plaintextLength) {
            throw CipherBase.invalidState("setAAD");
        }

        @Override
        void setTag(byte[] tag) {
        }

        @Override
        boolean hasTag() {
            return finalCalled;
        }

        @Override
        byte[] tag() {
            return Bytes.EMPTY;
        }
    }

    /** A cipher Node lists but OpenSSL 3 cannot drive through this API (aes-*-cbc-hmac-sha*): any data is refused. */
    static final class Unsupported extends CipherEngine {
        @Override
        byte[] update(byte[] in, int off, int len) {
            if (len > 0) {
                throw unsupportedState();
            }
            return Bytes.EMPTY;
        }

        @Override
        byte[] doFinal() {
            return Bytes.EMPTY;
        }
    }
}
