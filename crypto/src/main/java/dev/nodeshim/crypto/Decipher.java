package dev.nodeshim.crypto;

import dev.nodeshim.buffer.Buffer;

/**
 * Node's {@code Decipher} (from {@code createDecipheriv}): for AEAD modes {@link #setAuthTag} (before
 * {@link #doFinal()}), then {@code update} the ciphertext and {@code doFinal()} (Node's {@code final()}).
 *
 * <h2>Guarantees</h2>
 * <ul>
 * <li>Same inputs: the same plaintext, and the same errors, as Node 20 — {@code bad decrypt} for wrong
 *     padding, {@code wrong final block length} for a ciphertext that is not whole blocks, {@code
 *     Unsupported state or unable to authenticate data} for a wrong tag or tampered AEAD data.</li>
 * <li>update() returns what Node's returns: stream and AEAD modes at once, block modes by complete
 *     blocks, keeping a last block back while padding is on (it may be the padding).</li>
 * <li>What update() returned in an AEAD mode is unauthenticated until doFinal() returned normally
 *     (gcm, ocb and chacha20-poly1305 decrypt before they verify, as OpenSSL does). CBC padding errors
 *     are a padding oracle: authenticate ciphertexts before decrypting them.</li>
 * </ul>
 * Not thread-safe. Its {@code Transform} stream face is {@link #stream()}.
 */
public final class Decipher extends CipherBase {
    Decipher(Setup setup) {
        super(setup, false);
    }

    /** {@code decipher.update(string, inputEncoding)} (hex, base64…; an unknown one is utf8). */
    public Buffer update(String data, String inputEncoding) {
        byte[] in = input(data, inputEncoding);
        return Buffer.wrap(updateBytes(in, 0, in.length));
    }

    /** {@code decipher.update(string)}: UTF-8 input. */
    public Buffer update(String data) {
        return update(data, (String) null);
    }

    /**
     * {@code decipher.update(string, inputEncoding, outputEncoding)}: the plaintext as a string, a
     * character cut between calls held for the next. Java divergence: {@code "buffer"} as output
     * encoding is {@code ERR_UNKNOWN_ENCODING}.
     */
    public String update(String data, String inputEncoding, String outputEncoding) {
        Bytes.outputEncoding(outputEncoding);
        byte[] in = input(data, inputEncoding);
        return encodeOut(updateBytes(in, 0, in.length), outputEncoding, false);
    }

    /** {@code decipher.update(buffer)}. */
    public Buffer update(Buffer data) {
        Bytes.requireData(data, "data");
        return Buffer.wrap(updateBytes(data.buffer().array(), data.byteOffset(), data.length()));
    }

    /** {@code decipher.update(buffer, inputEncoding, outputEncoding)}. */
    public String update(Buffer data, String inputEncoding, String outputEncoding) {
        Bytes.requireData(data, "data");
        Bytes.outputEncoding(outputEncoding);
        return encodeOut(updateBytes(data.buffer().array(), data.byteOffset(), data.length()), outputEncoding, false);
    }

    /** Java interop: the remaining bytes of a {@link java.nio.ByteBuffer} (its position moves to its limit). */
    public Buffer update(java.nio.ByteBuffer data) {
        Bytes.requireData(data, "data");
        if (finalized) {
            throw CipherEngine.unsupportedState();
        }
        byte[] in = new byte[data.remaining()];
        data.get(in);
        return Buffer.wrap(updateBytes(in, 0, in.length));
    }

    /** {@code decipher.update(uint8array)}. */
    public Buffer update(byte[] data) {
        Bytes.requireData(data, "data");
        return Buffer.wrap(updateBytes(data, 0, data.length));
    }

    /** {@code decipher.final()}: the rest, after checking padding or the tag. */
    public Buffer doFinal() {
        return Buffer.wrap(finalBytes());
    }

    /** {@code decipher.final(outputEncoding)}. */
    public String doFinal(String outputEncoding) {
        Bytes.outputEncoding(outputEncoding);
        return encodeOut(finalBytes(), outputEncoding, true);
    }

    /** {@code decipher.setAutoPadding()}. */
    public Decipher setAutoPadding() {
        return setAutoPadding(true);
    }

    /** {@code decipher.setAutoPadding(autoPadding)}: with false, no padding is checked or removed. */
    public Decipher setAutoPadding(boolean autoPadding) {
        autoPadding(autoPadding);
        return this;
    }

    /** {@code decipher.setAAD(buffer)}. */
    public Decipher setAAD(Buffer aad) {
        aad(aadBytes(aad), -1);
        return this;
    }

    /** {@code decipher.setAAD(uint8array)}. */
    public Decipher setAAD(byte[] aad) {
        aad(aadBytes(aad), -1);
        return this;
    }

    /** {@code decipher.setAAD(buffer, {plaintextLength})} (CCM). */
    public Decipher setAAD(Buffer aad, long plaintextLength) {
        byte[] a = aadBytes(aad);
        checkPlaintextLength(plaintextLength);
        aad(a, plaintextLength);
        return this;
    }

    /** {@code decipher.setAAD(uint8array, {plaintextLength})} (CCM). */
    public Decipher setAAD(byte[] aad, long plaintextLength) {
        byte[] a = aadBytes(aad);
        checkPlaintextLength(plaintextLength);
        aad(a, plaintextLength);
        return this;
    }

    /** {@code decipher.setAuthTag(buffer)}. */
    public Decipher setAuthTag(Buffer tag) {
        if (tag == null) {
            throw dev.nodeshim.errors.Errors.invalidArgType("buffer", IV_TYPES, null);
        }
        return setAuthTag(tag.toByteArray());
    }

    /**
     * {@code decipher.setAuthTag(uint8array)}: the tag to check in doFinal (once, before doFinal).
     *
     * @throws dev.nodeshim.errors.NodeError {@code ERR_CRYPTO_INVALID_STATE} for a mode without a tag, a
     *         second call or after doFinal; {@code ERR_CRYPTO_INVALID_AUTH_TAG} for a length the mode or
     *         {@code authTagLength} does not allow
     */
    public Decipher setAuthTag(byte[] tag) {
        if (tag == null) {
            throw dev.nodeshim.errors.Errors.invalidArgType("buffer", IV_TYPES, null);
        }
        if (!engine.aead() || finalized || tagSet) {
            throw invalidState("setAuthTag");
        }
        int n = tag.length;
        boolean ok = tagLength >= 0 ? n == tagLength : CipherFactory.validGcmTag(n);
        if (!ok) {
            throw CryptoErrors.type("ERR_CRYPTO_INVALID_AUTH_TAG", "Invalid authentication tag length: " + n);
        }
        tagSet = true;
        engine.setTag(tag);
        return this;
    }

    private boolean tagSet;
}
