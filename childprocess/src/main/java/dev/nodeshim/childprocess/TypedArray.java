package dev.nodeshim.childprocess;

import dev.nodeshim.errors.Errors;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;

/**
 * A typed array or {@code DataView} that has no Java array of its own kind ({@code Uint8Array},
 * {@code Int8Array}, {@code Uint8ClampedArray}, {@code Uint32Array}, {@code BigUint64Array},
 * {@code DataView}), as the advanced serialization carries it: the name of its type and the bytes it
 * views (little-endian elements, as on every machine Node runs on here). A received one arrives as
 * this record; one sent arrives as that type in JavaScript. ({@code Buffer}, {@code Int16Array},
 * {@code Uint16Array}, {@code Int32Array}, {@code Float32Array}, {@code Float64Array} and
 * {@code BigInt64Array} map to {@code Buffer}, {@code short[]}, {@code char[]}, {@code int[]},
 * {@code float[]}, {@code double[]} and {@code long[]}; those types are accepted here too.)
 *
 * @param type  the JavaScript type name, e.g. {@code "Uint8Array"}
 * @param bytes the viewed bytes (the record holds the array as given: do not change it afterwards)
 */
public record TypedArray(String type, byte[] bytes) {
    public TypedArray {
        Objects.requireNonNull(bytes, "bytes");
        int t = V8Wire.VIEW_TYPES.indexOf(type);
        if (t < 0) {
            throw Errors.invalidArgValue("type", type, "must be a typed array type or 'DataView'");
        }
        if (bytes.length % V8Wire.elementSize(t) != 0) {
            // new Int32Array(new ArrayBuffer(3)): byte length of Int32Array should be a multiple of 4
            throw new dev.nodeshim.errors.NodeError("RangeError", null,
                    "byte length of " + type + " should be a multiple of " + V8Wire.elementSize(t));
        }
    }

    /**
     * The typed array a Java primitive array stands for ({@code short[]} → {@code Int16Array},
     * {@code char[]} → {@code Uint16Array}, {@code int[]} → {@code Int32Array}, {@code float[]} →
     * {@code Float32Array}, {@code double[]} → {@code Float64Array}, {@code long[]} →
     * {@code BigInt64Array}), its elements little-endian; null for anything else.
     */
    public static TypedArray of(Object array) {
        ByteBuffer bb;
        String type;
        if (array instanceof short[] s) {
            bb = littleEndian(s.length * 2);
            bb.asShortBuffer().put(s);
            type = "Int16Array";
        } else if (array instanceof char[] c) {
            bb = littleEndian(c.length * 2);
            bb.asCharBuffer().put(c);
            type = "Uint16Array";
        } else if (array instanceof int[] i) {
            bb = littleEndian(i.length * 4);
            bb.asIntBuffer().put(i);
            type = "Int32Array";
        } else if (array instanceof float[] f) {
            bb = littleEndian(f.length * 4);
            bb.asFloatBuffer().put(f);
            type = "Float32Array";
        } else if (array instanceof double[] d) {
            bb = littleEndian(d.length * 8);
            bb.asDoubleBuffer().put(d);
            type = "Float64Array";
        } else if (array instanceof long[] l) {
            bb = littleEndian(l.length * 8);
            bb.asLongBuffer().put(l);
            type = "BigInt64Array";
        } else {
            return null;
        }
        return new TypedArray(type, bb.array());
    }

    private static ByteBuffer littleEndian(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** The index Node writes for this type. */
    int typeIndex() {
        return V8Wire.VIEW_TYPES.indexOf(type);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TypedArray t && t.type.equals(type) && Arrays.equals(t.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return type.hashCode() * 31 + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return type + Arrays.toString(bytes);
    }
}
