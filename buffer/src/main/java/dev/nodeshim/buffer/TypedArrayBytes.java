package dev.nodeshim.buffer;

import dev.nodeshim.errors.Errors;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * Java's primitive arrays as JavaScript typed arrays, for {@code Buffer.copyBytesFrom}: {@code byte[]}
 * is an {@code Int8Array}, {@code short[]}/{@code char[]} 16-bit, {@code int[]}/{@code float[]}
 * 32-bit, {@code long[]}/{@code double[]} 64-bit arrays, and a {@link Buffer} is a {@code Uint8Array}.
 * Elements are laid out little-endian, the byte order of the machines Node runs on (x64, arm64).
 */
final class TypedArrayBytes {
    private static final long MAX_SAFE_INTEGER = 9007199254740991L;

    private TypedArrayBytes() {
    }

    /**
     * Node's {@code copyBytesFrom}: validates, then copies elements {@code [offset, offset + length)}
     * (clamped to the view) as bytes. {@code offset}/{@code length} of -1 stand for "not given".
     */
    static byte[] copyBytes(Object view, long offset, long length, boolean offsetGiven, boolean lengthGiven) {
        int count = elementCount(view);
        if (count < 0) {
            throw Errors.invalidArgType("view", List.of("TypedArray"), view);
        }
        if (count == 0) {
            return new byte[0];
        }
        long start = 0;
        long end = count;
        if (offsetGiven) {
            checkInteger("offset", offset);
            if (offset >= count) {
                return new byte[0];
            }
            start = offset;
        }
        if (lengthGiven) {
            checkInteger("length", length);
            end = Math.min(count, start + length);
        }
        int from = (int) start;
        int n = (int) Math.max(0, end - start);
        return bytes(view, from, n);
    }

    private static void checkInteger(String name, long value) {
        // Node's validateInteger(value, name, 0): the upper bound is Number.MAX_SAFE_INTEGER.
        if (value < 0 || value > MAX_SAFE_INTEGER) {
            throw Errors.outOfRange(name, ">= 0 && <= " + MAX_SAFE_INTEGER, value);
        }
    }

    private static int elementCount(Object view) {
        if (view instanceof byte[] v) {
            return v.length;
        } else if (view instanceof Buffer v) {
            return v.length();
        } else if (view instanceof short[] v) {
            return v.length;
        } else if (view instanceof char[] v) {
            return v.length;
        } else if (view instanceof int[] v) {
            return v.length;
        } else if (view instanceof float[] v) {
            return v.length;
        } else if (view instanceof long[] v) {
            return v.length;
        } else if (view instanceof double[] v) {
            return v.length;
        }
        return -1;
    }

    private static byte[] bytes(Object view, int from, int n) {
        if (view instanceof byte[] v) {
            byte[] out = new byte[n];
            System.arraycopy(v, from, out, 0, n);
            return out;
        }
        if (view instanceof Buffer v) {
            byte[] out = new byte[n];
            System.arraycopy(v.buffer().array(), v.byteOffset() + from, out, 0, n);
            return out;
        }
        int size = view instanceof short[] || view instanceof char[] ? 2
                : view instanceof int[] || view instanceof float[] ? 4 : 8;
        ByteBuffer out = ByteBuffer.allocate(n * size).order(ByteOrder.LITTLE_ENDIAN);
        if (view instanceof short[] v) {
            out.asShortBuffer().put(v, from, n);
        } else if (view instanceof char[] v) {
            out.asCharBuffer().put(v, from, n);
        } else if (view instanceof int[] v) {
            out.asIntBuffer().put(v, from, n);
        } else if (view instanceof float[] v) {
            out.asFloatBuffer().put(v, from, n);
        } else if (view instanceof long[] v) {
            out.asLongBuffer().put(v, from, n);
        } else {
            out.asDoubleBuffer().put((double[]) view, from, n);
        }
        return out.array();
    }
}
