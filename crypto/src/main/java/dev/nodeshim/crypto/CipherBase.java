package dev.nodeshim.crypto;

import dev.nodeshim.buffer.Buffer;
import dev.nodeshim.buffer.Encoding;
import dev.nodeshim.errors.Errors;
import dev.nodeshim.errors.NodeError;
import java.util.List;

/**
 * What {@link Cipher} and {@link Decipher} share: Node's argument checks, Node's state rules and the
 * output encodings. The byte work is the {@link CipherEngine}'s.
 */
abstract class CipherBase {
    /** The Transform of {@link #stream()}, made on first call. */
    private dev.nodeshim.stream.Transform stream;

    static final List<String> KEY_TYPES = List.of("string", "ArrayBuffer", "Buffer", "TypedArray", "DataView",
            "KeyObject", "CryptoKey");
    static final List<String> IV_TYPES = List.of("string", "ArrayBuffer", "Buffer", "TypedArray", "DataView");
    static final List<String> AAD_TYPES = IV_TYPES;

    final Registry.CipherSpec spec;
    final CipherEngine engine;
    final boolean encrypt;
    /** The tag length fixed at creation, or -1 (a GCM decipher without authTagLength). */
    final int tagLength;
    boolean finalized;
    boolean updated;
    private OutputDecoder decoder;

    CipherBase(Setup s, boolean encrypt) {
        this.spec = s.spec;
        this.engine = s.engine;
        this.tagLength = s.tagLength;
        this.encrypt = encrypt;
    }

    /** A validated cipher, ready to construct. */
    record Setup(Registry.CipherSpec spec, CipherEngine engine, int tagLength) {
    }

    static byte[] keyBytes(Object key) {
        if (key instanceof String s) {
            return Bytes.utf8(s);
        }
        if (key instanceof byte[] b) {
            return b.clone();
        }
        if (key instanceof Buffer b) {
            return b.toByteArray();
        }
        if (key instanceof KeyObject k) {
            return KeyObject.secretBytesOf(k).clone();
        }
        throw Errors.invalidArgType("key", KEY_TYPES, key);
    }

    static byte[] ivBytes(Object iv) {
        if (iv == null) {
            return null;
        }
        if (iv instanceof String s) {
            return Bytes.utf8(s);
        }
        if (iv instanceof byte[] b) {
            return b.clone();
        }
        if (iv instanceof Buffer b) {
            return b.toByteArray();
        }
        throw Errors.invalidArgType("iv", IV_TYPES, iv);
    }

    // ------------------------------------------------------------------------------------------------
    // update / final

    /**
     * This cipher as Node's {@code Transform} stream: each written chunk goes through {@code update}
     * and what it returns is pushed; when the writable side ends, what {@code final()} returns is
     * pushed. An error of either (a bad padding, a failed authentication, a state error) destroys the
     * stream with it ({@code 'error'}, then {@code 'close'}). Made on first call, the same object after.
     *
     * <pre>{@code
     * pipeline(input, createCipheriv("aes-256-ctr", key, iv).stream(), output, err -> ...);
     * }</pre>
     *
     * Java divergence: in Node the Cipher is itself the Transform; here building one is deferred to
     * this call, to keep update()/final() as cheap as before.
     */
    public final dev.nodeshim.stream.Transform stream() {
        if (stream == null) {
            stream = CryptoStream.of(CryptoStream.cipher(this));
        }
        return stream;
    }

    final byte[] updateBytes(byte[] in, int off, int len) {
        if (finalized) {
            throw CipherEngine.unsupportedState();
        }
        byte[] out = engine.update(in, off, len);
        updated = true;
        return out;
    }

    final byte[] input(String data, String inputEncoding) {
        return Bytes.decode(data, inputEncoding, "data");
    }

    final String encodeOut(byte[] out, String outputEncoding, boolean end) {
        Encoding e = Bytes.outputEncoding(outputEncoding);
        if (decoder == null) {
            decoder = new OutputDecoder(e);
        } else if (decoder.encoding != e) {
            throw new NodeError("Error", "ERR_INTERNAL_ASSERTION", "Cannot change encoding\nThis is caused by either a "
                    + "bug in Node.js or incorrect usage of Node.js internals.\nPlease open an issue with this stack "
                    + "trace at https://github.com/nodejs/node/issues\n");
        }
        return end ? decoder.end(out) : decoder.write(out);
    }

    final byte[] finalBytes() {
        if (finalized) {
            throw new NodeError("Error", "ERR_CRYPTO_INVALID_STATE", "Invalid state");
        }
        finalized = true;
        return engine.doFinal();
    }

    final void autoPadding(boolean padding) {
        if (finalized) {
            throw invalidState("setAutoPadding");
        }
        engine.setAutoPadding(padding);
    }

    static NodeError invalidState(String operation) {
        return new NodeError("Error", "ERR_CRYPTO_INVALID_STATE", "Invalid state for operation " + operation);
    }

    // ------------------------------------------------------------------------------------------------
    // AEAD

    final void aad(byte[] aad, long plaintextLength) {
        if (!engine.aead() || finalized) {
            throw invalidState("setAAD");
        }
        if (engine instanceof CcmEngine ccm) {
            if (plaintextLength < 0) {
                throw new NodeError("TypeError", "ERR_MISSING_ARGS", "options.plaintextLength required for CCM mode with AAD");
            }
            if (plaintextLength > ccm.maxMessageLength()) {
                throw CryptoErrors.range("ERR_CRYPTO_INVALID_MESSAGELEN", "Invalid message length");
            }
        }
        // OpenSSL takes AAD until message bytes went through (an empty update does not count), and empty
        // AAD at any time before final. (For CCM and chacha20-poly1305 Node also takes non-empty AAD after
        // the message, with an effect on the tag that is OpenSSL's internal state: refused here.)
        boolean late = updated && (engine instanceof CcmEngine || engine.textStarted()) && !engine.aadAfterUpdate();
        if (late && aad.length > 0) {
            throw invalidState("setAAD");
        }
        if (late) {
            return;
        }
        engine.aad(aad, plaintextLength);
    }

    static byte[] aadBytes(Object aad) {
        if (aad instanceof byte[] b) {
            return b.clone();
        }
        if (aad instanceof Buffer b) {
            return b.toByteArray();
        }
        if (aad instanceof String s) {
            return Bytes.utf8(s);
        }
        throw Errors.invalidArgType("aadbuf", AAD_TYPES, aad);
    }

    static void checkPlaintextLength(long plaintextLength) {
        if (plaintextLength < 0 || plaintextLength > Integer.MAX_VALUE) {
            throw new NodeError("TypeError", "ERR_INVALID_ARG_VALUE",
                    "The property 'options.plaintextLength' is invalid. Received " + plaintextLength);
        }
    }
}
