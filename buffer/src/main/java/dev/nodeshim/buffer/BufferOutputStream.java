package dev.nodeshim.buffer;

import java.io.OutputStream;
import java.util.Arrays;

/**
 * An {@link OutputStream} that collects what is written into a growing array and hands it out as a
 * {@link Buffer}: the Java-side way to build a buffer from code that writes to a stream (the
 * counterpart of collecting {@code 'data'} chunks and calling {@code Buffer.concat}).
 * Not synchronised; {@link #close()} does nothing.
 */
public final class BufferOutputStream extends OutputStream {
    private byte[] bytes;
    private int count;

    /** A stream with a small initial capacity. */
    public BufferOutputStream() {
        this(256);
    }

    /** A stream with room for {@code initialCapacity} bytes before it grows. */
    public BufferOutputStream(int initialCapacity) {
        if (initialCapacity < 0) {
            throw new IllegalArgumentException("initialCapacity < 0: " + initialCapacity);
        }
        bytes = new byte[initialCapacity];
    }

    @Override
    public void write(int b) {
        ensure(1);
        bytes[count++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        ensure(len);
        System.arraycopy(b, off, bytes, count, len);
        count += len;
    }

    /** Writes the bytes of {@code buf}. */
    public void write(Buffer buf) {
        write(buf.buffer().array(), buf.byteOffset(), buf.length());
    }

    /** How many bytes were written. */
    public int size() {
        return count;
    }

    /** Forgets what was written (keeps the capacity). */
    public void reset() {
        count = 0;
    }

    /** A new buffer (not pooled) holding a copy of everything written so far. */
    public Buffer toBuffer() {
        return Buffer.wrap(Arrays.copyOf(bytes, count));
    }

    private void ensure(int more) {
        long need = (long) count + more;
        if (need > Integer.MAX_VALUE - 8) {
            throw BufferErrors.allocationFailed();
        }
        if (need > bytes.length) {
            bytes = Arrays.copyOf(bytes, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(need, 2L * bytes.length)));
        }
    }
}
