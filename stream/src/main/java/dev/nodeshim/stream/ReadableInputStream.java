package dev.nodeshim.stream;

import dev.nodeshim.buffer.Buffer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A blocking {@link InputStream} view of a {@link Readable}, for Java code on another thread
 * ({@link Streams#toInputStream}). Built on {@link StreamIterator}: a {@code read} with no bytes in
 * hand asks the loop for one chunk and waits, so the stream is read only as fast as this InputStream
 * is, and its own highWaterMark bounds what is buffered ahead.
 *
 * <p>Buffer chunks are read as bytes; string chunks (after {@code setEncoding}) as their UTF-8 bytes;
 * other objects are an {@code IOException}. The stream's error is rethrown as an {@code IOException}
 * with it as the cause. {@link #close()} before the end destroys the stream.
 */
final class ReadableInputStream extends InputStream {
    private final StreamIterator chunks;
    private byte[] current = new byte[0];
    private int pos;
    private boolean eof;

    ReadableInputStream(Readable stream) {
        this.chunks = stream.iterator();
    }

    private boolean fill() throws IOException {
        while (pos >= current.length) {
            if (eof) {
                return false;
            }
            boolean more;
            Object chunk;
            try {
                more = chunks.hasNext();
                chunk = more ? chunks.next() : null;
            } catch (RuntimeException e) {
                eof = true;
                throw new IOException(e.getMessage(), e);
            }
            if (!more) {
                eof = true;
                return false;
            }
            if (chunk instanceof Buffer b) {
                current = b.toByteArray();
            } else if (chunk instanceof String s) {
                current = s.getBytes(StandardCharsets.UTF_8);
            } else {
                throw new IOException("not a byte stream: a chunk of type " + chunk.getClass().getName());
            }
            pos = 0;
        }
        return true;
    }

    @Override
    public int read() throws IOException {
        return fill() ? current[pos++] & 0xFF : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(len, current.length - pos);
        System.arraycopy(current, pos, b, off, n);
        pos += n;
        return n;
    }

    @Override
    public int available() {
        return current.length - pos;
    }

    @Override
    public void close() {
        eof = true;
        chunks.close();
    }
}
