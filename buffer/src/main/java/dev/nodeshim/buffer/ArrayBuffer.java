package dev.nodeshim.buffer;

/**
 * The backing store of one or more {@link Buffer}s, JavaScript's {@code ArrayBuffer}: a fixed-size
 * {@code byte[]} with an identity. Two buffers share memory exactly when their {@link Buffer#buffer()}
 * is the same object, which is how Node code tells that two pooled buffers came from the same slab:
 *
 * <pre>{@code
 * Buffer a = Buffer.allocUnsafe(10), b = Buffer.allocUnsafe(10);
 * a.buffer() == b.buffer()      // true: both are slices of the current 8 KiB slab
 * a.buffer().byteLength()       // 8192
 * }</pre>
 *
 * <p>The array is exposed for Java interop ({@link #array()}); writing through it writes every buffer
 * that views the range written.
 */
public final class ArrayBuffer {
    private final byte[] array;

    /** A new zero-filled store of {@code byteLength} bytes. */
    public ArrayBuffer(int byteLength) {
        if (byteLength < 0) {
            throw BufferErrors.invalidTypedArrayLength(byteLength);
        }
        this.array = new byte[byteLength];
    }

    private ArrayBuffer(byte[] array) {
        this.array = array;
    }

    /** A store over {@code array} itself, not a copy. */
    public static ArrayBuffer wrap(byte[] array) {
        if (array == null) {
            throw dev.nodeshim.errors.Errors.invalidArgType("array", "Uint8Array", null);
        }
        return new ArrayBuffer(array);
    }

    /** The size in bytes, {@code arrayBuffer.byteLength}. */
    public int byteLength() {
        return array.length;
    }

    /** The backing array itself (not a copy). */
    public byte[] array() {
        return array;
    }

    @Override
    public String toString() {
        return "ArrayBuffer { byteLength: " + array.length + " }";
    }
}
