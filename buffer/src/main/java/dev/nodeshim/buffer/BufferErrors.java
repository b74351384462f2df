package dev.nodeshim.buffer;

import dev.nodeshim.errors.Errors;
import dev.nodeshim.errors.NodeError;

import java.util.List;

/**
 * The errors {@code buffer} raises that the shared {@link Errors} does not build (yet), worded as
 * Node 20 words them, character for character. Each factory names the Node code it stands for.
 *
 * <p>Candidates to move into {@code dev.nodeshim.errors.Errors}: {@link #bufferOutOfBounds},
 * {@link #invalidBufferSize}, {@link #stringTooLong}, {@link #bufferArgType}.
 */
final class BufferErrors {
    /** Node's {@code kMaxLength} in v20: 2^32. */
    static final long K_MAX_LENGTH = 4294967296L;

    private static final List<String> BUFFER_TYPES = List.of("Buffer", "Uint8Array");

    private BufferErrors() {
    }

    /**
     * {@code ERR_BUFFER_OUT_OF_BOUNDS} (a {@code RangeError}): {@code Attempt to access memory outside
     * buffer bounds}, or with a name {@code "offset" is outside of buffer bounds}.
     */
    static NodeError bufferOutOfBounds(String name) {
        String message = name == null
                ? "Attempt to access memory outside buffer bounds"
                : '"' + name + "\" is outside of buffer bounds";
        return new NodeError("RangeError", "ERR_BUFFER_OUT_OF_BOUNDS", message);
    }

    /** {@code ERR_INVALID_BUFFER_SIZE} (a {@code RangeError}): {@code Buffer size must be a multiple of 16-bits}. */
    static NodeError invalidBufferSize(int bits) {
        return new NodeError("RangeError", "ERR_INVALID_BUFFER_SIZE",
                "Buffer size must be a multiple of " + bits + "-bits");
    }

    /** {@code ERR_STRING_TOO_LONG} (an {@code Error}): {@code Cannot create a string longer than 0x1fffffe8 characters}. */
    static NodeError stringTooLong() {
        return new NodeError("Error", "ERR_STRING_TOO_LONG",
                "Cannot create a string longer than 0x1fffffe8 characters");
    }

    /** {@code ERR_INVALID_ARG_TYPE}: {@code The "target" argument must be an instance of Buffer or Uint8Array. Received null}. */
    static NodeError bufferArgType(String name, Object actual) {
        return Errors.invalidArgType(name, BUFFER_TYPES, actual);
    }

    /** {@code ERR_OUT_OF_RANGE} with Node's {@code validateOffset} range: {@code >= 0 && <= 6}. */
    static NodeError offsetRange(String name, long min, long max, long received) {
        return Errors.outOfRange(name, ">= " + min + " && <= " + max, received);
    }

    /**
     * {@code ERR_INVALID_ARG_VALUE} for a fill value that decodes to no bytes, the value inspected as
     * Node does ({@code 'zz'}, a long multi-line string in {@code 'a\n' +} pieces, {@code <Buffer >}).
     */
    static NodeError invalidFillValue(Object value) {
        return Errors.invalidArgValue("value", value);
    }

    /** V8's {@code RangeError: Array buffer allocation failed}: a size the JVM cannot hold in one array. */
    static NodeError allocationFailed() {
        return new NodeError("RangeError", null, "Array buffer allocation failed");
    }

    /** V8's {@code RangeError: Invalid typed array length: -1} (a negative {@code Buffer.poolSize}). */
    static NodeError invalidTypedArrayLength(long length) {
        return new NodeError("RangeError", null, "Invalid typed array length: " + length);
    }

    /** The plain {@code TypeError} V8 throws when a bigint write gets a non-bigint. */
    static NodeError cannotMixBigInt() {
        return new NodeError("TypeError", null, "Cannot mix BigInt and other types, use explicit conversions");
    }
}
