package dev.nodeshim.crypto;

import dev.nodeshim.buffer.Buffer;
import dev.nodeshim.buffer.Encoding;
import dev.nodeshim.errors.Errors;
import dev.nodeshim.errors.NodeError;
import java.util.List;

/**
 * The data conversions every crypto class shares: Node's {@code string | Buffer | TypedArray} inputs
 * to bytes, and bytes to Node's output encodings.
 */
final class Bytes {
    static final byte[] EMPTY = new byte[0];
    private static final List<String> DATA_TYPES = List.of("string", "Buffer", "TypedArray", "DataView");

    private Bytes() {
    }

    /** The bytes of a buffer (a copy only when the buffer is a view into a larger array). */
    static byte[] of(Buffer b) {
        byte[] a = b.buffer().array();
        if (b.byteOffset() == 0 && b.length() == a.length) {
            return a;
        }
        return b.toByteArray();
    }

    /**
     * A string input with an input encoding, as Node's {@code update(data, inputEncoding)} reads it:
     * an encoding Node does not know (or none) is utf8; hex of odd length is refused.
     *
     * @param argName the argument's name in the type error ({@code data})
     */
    static byte[] decode(String data, String inputEncoding, String argName) {
        if (data == null) {
            throw Errors.invalidArgType(argName, DATA_TYPES, null);
        }
        Encoding e = inputEncoding == null ? Encoding.UTF8 : Encoding.lookup(inputEncoding);
        if (e == null) {
            e = Encoding.UTF8;
        }
        if (e == Encoding.HEX && (data.length() & 1) != 0) {
            throw new NodeError("TypeError", "ERR_INVALID_ARG_VALUE", "The argument 'encoding' is invalid for data of length "
                    + data.length() + ". Received 'hex'");
        }
        if (data.isEmpty()) {
            return EMPTY;
        }
        return of(Buffer.from(data, e));
    }

    /** A null check for a bytes input, with Node's type error. */
    static <T> T requireData(T data, String argName) {
        if (data == null) {
            throw Errors.invalidArgType(argName, DATA_TYPES, null);
        }
        return data;
    }

    /**
     * The string encoding named {@code name}, as an output encoding; Node returns a Buffer for any
     * other name, which a Java method returning a string cannot, so that is an
     * {@code ERR_UNKNOWN_ENCODING} here (use the method that returns a {@link Buffer}).
     */
    static Encoding outputEncoding(String name) {
        Encoding e = Encoding.lookup(name);
        if (e == null) {
            throw Errors.unknownEncoding(name);
        }
        return e;
    }

    /** {@code bytes} as a string in {@code e}. */
    static String encode(byte[] bytes, Encoding e) {
        return Buffer.wrap(bytes).toString(e);
    }

    /** A key or password input given as a string: its UTF-8 bytes. */
    static byte[] utf8(String s) {
        return s.isEmpty() ? EMPTY : of(Buffer.from(s, Encoding.UTF8));
    }

    static byte[] concat(byte[] a, byte[] b) {
        if (a.length == 0) {
            return b;
        }
        if (b.length == 0) {
            return a;
        }
        byte[] r = new byte[a.length + b.length];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
