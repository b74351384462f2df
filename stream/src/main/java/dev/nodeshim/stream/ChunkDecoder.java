package dev.nodeshim.stream;

import dev.nodeshim.buffer.Buffer;
import dev.nodeshim.buffer.Encoding;
import dev.nodeshim.errors.Errors;

/**
 * Turns a byte stream into strings without ever cutting a character in two, for
 * {@link Readable#setEncoding}. It holds back the shortest tail of each chunk that cannot be
 * decoded yet and puts it in front of the next chunk:
 * <ul>
 * <li>utf8: a trailing sequence that is still a valid prefix of a character (so {@code E2 82} waits
 *     for its third byte, while {@code E0 80} can never become valid and is decoded, to U+FFFD, at
 *     once). Everything else goes through the buffer module's decoder, so replacement characters
 *     are exactly {@code Buffer.toString}'s.</li>
 * <li>utf16le: an odd byte, and a high surrogate whose low half may follow (see {@link #writeUtf16}).</li>
 * <li>base64 and base64url: up to two bytes, so each chunk encodes whole 3-byte groups and no padding
 *     appears in the middle of the text.</li>
 * <li>latin1, ascii, hex: nothing; every byte stands alone.</li>
 * </ul>
 * {@link #end()} decodes whatever is held: an incomplete utf8 character becomes U+FFFD, a lone
 * high surrogate stays a lone surrogate, an odd utf16le byte is dropped, base64 gets its padding.
 * So the concatenation of every {@code write} and the {@code end} equals decoding all bytes at once.
 */
final class ChunkDecoder {
    private final Encoding encoding;
    private byte[] held = new byte[0];
    /** utf16le: how many bytes the held character needs in all (2: a unit, 4: a surrogate pair). */
    private int heldTotal;

    ChunkDecoder(String name) {
        Encoding e = Encoding.lookup(name);
        if (e == null) {
            throw Errors.unknownEncoding(name);
        }
        this.encoding = e;
    }

    /** Node's canonical name of the encoding ({@code utf8}, {@code utf16le}, …). */
    String encoding() {
        return encoding.canonicalName();
    }

    /** The text of {@code chunk}'s complete characters, with what was held before in front. */
    String write(Buffer chunk) {
        if (encoding == Encoding.UTF16LE) {
            return writeUtf16(chunk.toByteArray());
        }
        byte[] all = join(chunk);
        int keep = tailToHold(all);
        held = keep == 0 ? new byte[0] : java.util.Arrays.copyOfRange(all, all.length - keep, all.length);
        return decode(all, all.length - keep);
    }

    /** The text of whatever is still held; the decoder is empty afterwards. */
    String end() {
        byte[] rest = held;
        held = new byte[0];
        if (rest.length == 0) {
            return "";
        }
        return Buffer.wrap(rest).toString(encoding.canonicalName());
    }

    /** Bytes held back, waiting for the rest of their character. */
    int pending() {
        return held.length;
    }

    /**
     * utf16le completes what it holds first — a unit (held as an odd byte) or a surrogate pair (held
     * as its high half) — and only then looks at the rest of the chunk: an odd last byte is held;
     * with an even rest, a last unit that is a high surrogate is held for its pair. A unit completed
     * from an odd byte is given out even when it is a high surrogate, and so is a high surrogate
     * before an odd last byte: Node's decoder does both, and the pieces still join to the whole.
     */
    private String writeUtf16(byte[] in) {
        int i = 0;
        String prefix = "";
        if (held.length > 0) {
            int take = Math.min(heldTotal - held.length, in.length);
            byte[] h = java.util.Arrays.copyOf(held, held.length + take);
            System.arraycopy(in, 0, h, held.length, take);
            i = take;
            if (h.length < heldTotal) {
                held = h;
                return "";
            }
            prefix = decode(h, h.length);
            held = new byte[0];
        }
        int rest = in.length - i;
        int keep;
        if ((rest & 1) == 1) {
            keep = 1;
            heldTotal = 2;
        } else if (rest >= 2 && isHighSurrogate(in, in.length - 2)) {
            keep = 2;
            heldTotal = 4;
        } else {
            keep = 0;
        }
        held = java.util.Arrays.copyOfRange(in, in.length - keep, in.length);
        byte[] body = java.util.Arrays.copyOfRange(in, i, in.length - keep);
        return prefix + decode(body, body.length);
    }

    private static boolean isHighSurrogate(byte[] a, int at) {
        int hi = a[at + 1] & 0xff;
        return hi >= 0xD8 && hi <= 0xDB;
    }

    private byte[] join(Buffer chunk) {
        byte[] bytes = chunk.toByteArray();
        if (held.length == 0) {
            return bytes;
        }
        byte[] all = new byte[held.length + bytes.length];
        System.arraycopy(held, 0, all, 0, held.length);
        System.arraycopy(bytes, 0, all, held.length, bytes.length);
        return all;
    }

    private String decode(byte[] a, int len) {
        return len == 0 ? "" : Buffer.wrap(a, 0, len).toString(encoding.canonicalName());
    }

    private int tailToHold(byte[] a) {
        int n = a.length;
        switch (encoding) {
            case UTF8:
                return utf8Tail(a, n);
            case BASE64:
            case BASE64URL:
                return n % 3;
            default:
                return 0;
        }
    }

    /**
     * Length of the trailing utf8 sequence to hold: scanning back over continuation bytes
     * ({@code 10xxxxxx}) to the first other byte, a lead byte by its bit pattern ({@code 110xxxxx},
     * {@code 1110xxxx}, {@code 11110xxx}) whose sequence is longer than what follows it is held,
     * with its continuation bytes. The pattern alone decides, as in Node: {@code C0} or {@code F5},
     * which can never start a valid character, are held too, and become U+FFFD with the next write.
     */
    private static int utf8Tail(byte[] a, int n) {
        for (int back = 1; back <= 3 && back <= n; back++) {
            int b = a[n - back] & 0xff;
            if ((b & 0xC0) == 0x80) {
                continue;
            }
            int need = (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : (b & 0xF8) == 0xF0 ? 4 : 0;
            return need > back ? back : 0;
        }
        return 0;
    }

    /** Whether {@code a[start, start+len)} (lead byte first) is a proper prefix of some valid character. */
    private static boolean validPrefix(byte[] a, int start, int len) {
        int lead = a[start] & 0xff;
        for (int i = 1; i < len; i++) {
            int c = a[start + i] & 0xff;
            int lo = 0x80;
            int hi = 0xBF;
            if (i == 1) {
                // Unicode's table 3-7: the second byte's range depends on the lead byte
                if (lead == 0xE0) {
                    lo = 0xA0;
                } else if (lead == 0xED) {
                    hi = 0x9F;
                } else if (lead == 0xF0) {
                    lo = 0x90;
                } else if (lead == 0xF4) {
                    hi = 0x8F;
                }
            }
            if (c < lo || c > hi) {
                return false;
            }
        }
        return true;
    }
}
