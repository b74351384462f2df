package dev.nodeshim.crypto;

import dev.nodeshim.buffer.Buffer;

/**
 * Node's {@code Cipher} (from {@code createCipheriv}): {@code update} the plaintext, then
 * {@link #doFinal()} (Node's {@code final()}, a keyword in Java), then, for AEAD modes, {@link #getAuthTag()}.
 *
 * <h2>Guarantees</h2>
 * <ul>
 * <li>Same algorithm, key, IV, options, AAD and bytes: the same ciphertext and tag as Node 20, for every
 *     name of {@link Crypto#getCiphers()}.</li>
 * <li>update() returns what Node's returns for the same calls: stream and AEAD modes (ctr, cfb*, ofb,
 *     gcm, chacha20*) every byte at once; block modes (ecb, cbc, ocb) every complete block; ccm, xts and
 *     key wrapping take one whole message per update().</li>
 * <li>Confidentiality only for a fresh IV per key (never reuse a GCM or ChaCha20 nonce: it reveals the
 *     authentication key); integrity only in the AEAD modes (gcm, ccm, ocb, chacha20-poly1305).</li>
 * <li>State errors as Node's: update after doFinal is {@code Trying to add data in unsupported state},
 *     a second doFinal {@code ERR_CRYPTO_INVALID_STATE}.</li>
 * </ul>
 * Not thread-safe. Its {@code Transform} stream face is {@link #stream()}.
 */
public final class Cipher extends CipherBase {
    Cipher(Setup setup) {
        super(setup, true);
    }

    /** {@code cipher.update(string)}: UTF-8 input; the output bytes. */
    public Buffer update(String data) {
        return update(data, (String) null);
    }

    /** {@code cipher.update(string, inputEncoding)}; an unknown input encoding is utf8, as in Node. */
    public Buffer update(String data, String inputEncoding) {
        byte[] in = input(data, inputEncoding);
        return Buffer.wrap(updateBytes(in, 0, in.length));
    }

    /**
     * {@code cipher.update(string, inputEncoding, outputEncoding)}: the output as a string; a character
     * cut between calls is held for the next (Node's decoder). Java divergence: {@code "buffer"} as the
     * output encoding is {@code ERR_UNKNOWN_ENCODING}; use the Buffer forms.
     */
    public String update(String data, String inputEncoding, String outputEncoding) {
        Bytes.outputEncoding(outputEncoding);
        byte[] in = input(data, inputEncoding);
        return encodeOut(updateBytes(in, 0, in.length), outputEncoding, false);
    }

    /** {@code cipher.update(buffer)}. */
    public Buffer update(Buffer data) {
        Bytes.requireData(data, "data");
        return Buffer.wrap(updateBytes(data.buffer().array(), data.byteOffset(), data.length()));
    }

    /** {@code cipher.update(buffer, inputEncoding, outputEncoding)}: the input encoding is ignored, as in Node. */
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

    /** {@code cipher.update(uint8array)}. */
    public Buffer update(byte[] data) {
        Bytes.requireData(data, "data");
        return Buffer.wrap(updateBytes(data, 0, data.length));
    }

    /** {@code cipher.final()}: the last bytes (the padded block of ecb/cbc, the partial block of ocb). */
    public Buffer doFinal() {
        return Buffer.wrap(finalBytes());
    }

    /** {@code cipher.final(outputEncoding)}: the last bytes as a string, ending the output decoder. */
    public String doFinal(String outputEncoding) {
        Bytes.outputEncoding(outputEncoding);
        return encodeOut(finalBytes(), outputEncoding, true);
    }

    /** {@code cipher.setAutoPadding()}: PKCS#7 padding on (the default). */
    public Cipher setAutoPadding() {
        return setAutoPadding(true);
    }

    /** {@code cipher.setAutoPadding(autoPadding)}: with false, the input must be whole blocks. */
    public Cipher setAutoPadding(boolean autoPadding) {
        autoPadding(autoPadding);
        return this;
    }

    /** {@code cipher.setAAD(buffer)}: associated data, authenticated but not encrypted (AEAD modes, before update). */
    public Cipher setAAD(Buffer aad) {
        aad(aadBytes(aad), -1);
        return this;
    }

    /** {@code cipher.setAAD(uint8array)}. */
    public Cipher setAAD(byte[] aad) {
        aad(aadBytes(aad), -1);
        return this;
    }

    /** {@code cipher.setAAD(buffer, {plaintextLength})}: CCM needs the message length up front. */
    public Cipher setAAD(Buffer aad, long plaintextLength) {
        byte[] a = aadBytes(aad);
        checkPlaintextLength(plaintextLength);
        aad(a, plaintextLength);
        return this;
    }

    /** {@code cipher.setAAD(uint8array, {plaintextLength})}. */
    public Cipher setAAD(byte[] aad, long plaintextLength) {
        byte[] a = aadBytes(aad);
        checkPlaintextLength(plaintextLength);
        aad(a, plaintextLength);
        return this;
    }

    /**
     * {@code cipher.getAuthTag()}: the tag, after {@link #doFinal()} of an AEAD mode.
     *
     * @throws dev.nodeshim.errors.NodeError {@code ERR_CRYPTO_INVALID_STATE} before doFinal or for a mode
     *         without a tag
     */
    public Buffer getAuthTag() {
        if (!engine.aead() || !finalized || !engine.hasTag()) {
            // after a failed final Node hands out uninitialised memory; nodeshim says the state is invalid
            throw invalidState("getAuthTag");
        }
        return Buffer.wrap(engine.tag());
    }
}
