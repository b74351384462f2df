package dev.nodeshim.stream;

import dev.nodeshim.buffer.Buffer;
import dev.nodeshim.buffer.Encoding;
import dev.nodeshim.errors.Errors;

/**
 * Node's {@code string_decoder}: decodes a byte stream chunk by chunk without ever splitting a
 * character. Bytes that may begin an unfinished character are held back until the next
 * {@link #write} or {@link #end}.
 *
 * <ul>
 * <li><b>utf8</b>: up to 3 trailing bytes of an incomplete sequence are held (a lead byte whose
 *     sequence needs more bytes than the chunk has); {@link #end()} turns held bytes into one
 *     U+FFFD. Invalid bytes become U+FFFD per maximal subpart, as {@code Buffer#toString} does.</li>
 * <li><b>utf16le</b>: an odd trailing byte is held, and so is a high surrogate ending an even chunk.
 *     As in Node, a character completed from held bytes is emitted even when it is a high surrogate,
 *     and {@link #end()} emits a held surrogate alone.</li>
 * <li><b>base64 / base64url</b>: the trailing {@code length % 3} bytes are held; {@link #end()}
 *     encodes them (padded for base64).</li>
 * <li><b>hex, latin1, ascii</b>: nothing is ever held.</li>
 * </ul>
 * Not thread-safe (one decoder per stream).
 */
public final class StringDecoder {
    private final Encoding encoding;
    /** Held bytes (utf8: an incomplete sequence; utf16le: lastChar; base64: up to 2 bytes). */
    private final byte[] held = new byte[4];
    private int heldLength;
    /** utf16le only: bytes still needed to complete the held character, and its total size. */
    private int lastNeed;
    private int lastTotal;

    /** A utf8 decoder ({@code new StringDecoder()}). */
    public StringDecoder() {
        this("utf8");
    }

    /**
     * A decoder for {@code encoding} (Node's names and aliases, any case; {@code null} means utf8).
     *
     * @throws dev.nodeshim.errors.NodeError {@code ERR_UNKNOWN_ENCODING} for a name Node does not know
     */
    public StringDecoder(String encoding) {
        Encoding e = encoding == null ? Encoding.UTF8 : Encoding.lookup(encoding);
        if (e == null) {
            throw Errors.unknownEncoding(encoding);
        }
        this.encoding = e;
    }

    /** Node's {@code decoder.encoding}: the canonical name ({@code utf8}, {@code utf16le}, {@code latin1}, …). */
    public String encoding() {
        return encoding.canonicalName();
    }

    /** Decodes {@code buf}, holding back the bytes of an unfinished character. */
    public String write(Buffer buf) {
        byte[] bytes = buf.toByteArray();
        return switch (encoding) {
            case UTF8 -> writeUtf8(bytes);
            case UTF16LE -> writeUtf16(bytes);
            case BASE64, BASE64URL -> writeBase64(bytes);
            default -> decode(bytes, 0, bytes.length);
        };
    }

    /** Flushes held bytes ({@code decoder.end()}); the decoder can then be reused. */
    public String end() {
        String out;
        switch (encoding) {
            case UTF16LE -> out = lastNeed > 0 ? decode(held, 0, lastTotal - lastNeed) : "";
            case UTF8, BASE64, BASE64URL -> out = heldLength > 0 ? decode(held, 0, heldLength) : "";
            default -> out = "";
        }
        heldLength = 0;
        lastNeed = 0;
        lastTotal = 0;
        return out;
    }

    /** {@code decoder.end(buf)}: {@code write(buf) + end()}. */
    public String end(Buffer buf) {
        return write(buf) + end();
    }

    private String decode(byte[] a, int off, int len) {
        return Buffer.wrap(a, off, len).toString(encoding.canonicalName());
    }

    private byte[] withHeld(byte[] bytes) {
        if (heldLength == 0) {
            return bytes;
        }
        byte[] all = new byte[heldLength + bytes.length];
        System.arraycopy(held, 0, all, 0, heldLength);
        System.arraycopy(bytes, 0, all, heldLength, bytes.length);
        heldLength = 0;
        return all;
    }

    private String writeUtf8(byte[] bytes) {
        byte[] all = withHeld(bytes);
        int cut = all.length - incompleteUtf8Tail(all);
        heldLength = all.length - cut;
        System.arraycopy(all, cut, held, 0, heldLength);
        return cut == 0 ? "" : decode(all, 0, cut);
    }

    /**
     * How many trailing bytes start an unfinished sequence (Node's utf8CheckIncomplete): look back
     * at most 3 bytes, over continuation bytes, for a lead byte whose sequence is longer than what
     * follows it.
     */
    private static int incompleteUtf8Tail(byte[] a) {
        for (int back = 1; back <= 3 && back <= a.length; back++) {
            int b = a[a.length - back] & 0xFF;
            int need;
            if (b < 0x80) {
                return 0;
            } else if ((b & 0xC0) == 0x80) {
                continue; // continuation byte: keep looking for its lead
            } else if ((b & 0xE0) == 0xC0) {
                need = 2;
            } else if ((b & 0xF0) == 0xE0) {
                need = 3;
            } else if ((b & 0xF8) == 0xF0) {
                need = 4;
            } else {
                return 0;
            }
            return need > back ? back : 0;
        }
        return 0;
    }

    private String writeUtf16(byte[] buf) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        if (lastNeed > 0) {
            int p = lastTotal - lastNeed;
            if (lastNeed > buf.length) {
                System.arraycopy(buf, 0, held, p, buf.length);
                lastNeed -= buf.length;
                return "";
            }
            System.arraycopy(buf, 0, held, p, lastNeed);
            // Node's rule: a character completed from held bytes is emitted as is, even a high surrogate.
            out.append(decode(held, 0, lastTotal));
            i = lastNeed;
            lastNeed = 0;
        }
        int rest = buf.length - i;
        if (rest % 2 == 0) {
            String r = decode(buf, i, rest);
            if (!r.isEmpty() && Character.isHighSurrogate(r.charAt(r.length() - 1))) {
                lastNeed = 2;
                lastTotal = 4;
                held[0] = buf[buf.length - 2];
                held[1] = buf[buf.length - 1];
                return out.append(r, 0, r.length() - 1).toString();
            }
            return out.append(r).toString();
        }
        lastNeed = 1;
        lastTotal = 2;
        held[0] = buf[buf.length - 1];
        return out.append(decode(buf, i, rest - 1)).toString();
    }

    private String writeBase64(byte[] bytes) {
        byte[] all = withHeld(bytes);
        int keep = all.length % 3;
        int cut = all.length - keep;
        System.arraycopy(all, cut, held, 0, keep);
        heldLength = keep;
        return cut == 0 ? "" : decode(all, 0, cut);
    }
}
