package dev.nodeshim.buffer;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Writes strings as UTF-8 into a given place of a byte array, the way Node's {@code buf.write} and
 * {@code Buffer.from} do: a lone surrogate becomes {@code EF BF BD}, and a character that does not
 * fit whole is not written at all.
 *
 * <p>The work is done by the JDK's UTF-8 {@link CharsetEncoder} (its ASCII runs are copied by a
 * HotSpot intrinsic), set to replace malformed input — which for UTF-16 is exactly a lone surrogate,
 * one unit at a time — with the bytes of U+FFFD. It reads from a per-thread {@code char[]} filled by
 * {@link String#getChars}, so nothing is allocated per call. Long strings go in chunks that never end
 * between the two halves of a surrogate pair, so each chunk can be encoded as complete input.
 *
 * <p>One instance per thread ({@link #current()}); not reentrant, and nothing it calls calls back.
 */
final class Utf8Writer {
    private static final int CHUNK = 4096;
    /** The longest UTF-8 a string of {@link #CHUNK} units can make: 3 bytes per unit. */
    private static final int SCRATCH = 3 * CHUNK;
    private static final byte[] REPLACEMENT = {(byte) 0xEF, (byte) 0xBF, (byte) 0xBD};
    private static final ThreadLocal<Utf8Writer> WRITERS = ThreadLocal.withInitial(Utf8Writer::new);

    private final CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE)
            .replaceWith(REPLACEMENT);
    private final char[] chars = new char[CHUNK];
    private final byte[] bytes = new byte[SCRATCH];

    private Utf8Writer() {
    }

    static Utf8Writer current() {
        return WRITERS.get();
    }

    /**
     * Writes as many whole characters of {@code s} as fit into {@code dst[off, off+max)} and returns
     * the number of bytes written.
     */
    int write(String s, byte[] dst, int off, int max) {
        int n = s.length();
        int o = off;
        int end = off + max;
        for (int i = 0; i < n && o < end; ) {
            int j = Math.min(n, i + CHUNK);
            if (j < n && Character.isHighSurrogate(s.charAt(j - 1))) {
                j--; // keep the pair together: it goes with the next chunk
            }
            s.getChars(i, j, chars, 0);
            ByteBuffer out = ByteBuffer.wrap(dst, o, end - o);
            CharBuffer in = CharBuffer.wrap(chars, 0, j - i);
            encoder.reset();
            encoder.encode(in, out, true);
            o = out.position();
            if (in.hasRemaining()) {
                break; // the next character does not fit whole
            }
            i = j;
        }
        return o - off;
    }

    /**
     * The UTF-8 of {@code s} when it is at most {@link #CHUNK} units long, in a per-thread array
     * valid until the next call on this thread (its length is {@link #length()}); {@code null} for
     * a longer string.
     */
    byte[] encodeShort(String s) {
        if (s.length() > CHUNK) {
            return null;
        }
        length = write(s, bytes, 0, SCRATCH);
        return bytes;
    }

    private int length;

    /** The number of bytes the last {@link #encodeShort} produced. */
    int length() {
        return length;
    }
}
