package dev.nodeshim.crypto;

import dev.nodeshim.buffer.Buffer;
import dev.nodeshim.buffer.Encoding;

/**
 * Bytes to strings across update() calls, as Node's string decoder does for a cipher's output
 * encoding: a character (utf8, utf16le) or base64 group cut between two calls is held until the next
 * call completes it (utf16le exactly as Node's decoder holds and completes units, see
 * {@link #writeUtf16}). At the end an incomplete utf8 character becomes one U+FFFD, an odd utf16le byte
 * is dropped, a held high surrogate is emitted alone, and base64 is padded.
 */
final class OutputDecoder {
    final Encoding encoding;
    private byte[] carry = Bytes.EMPTY;

    OutputDecoder(Encoding encoding) {
        this.encoding = encoding;
    }

    /** utf16le only: bytes still needed to complete {@link #carry} (Node's lastNeed), and its full size. */
    private int need;
    private int total;

    String write(byte[] bytes) {
        if (encoding == Encoding.UTF16LE) {
            return writeUtf16(bytes);
        }
        byte[] data = Bytes.concat(carry, bytes);
        int keep = held(data);
        carry = CipherEngine.slice(data, data.length - keep, keep);
        return Buffer.wrap(data, 0, data.length - keep).toString(encoding);
    }

    /**
     * utf16le as Node's decoder runs it: bytes completing a held unit (an odd byte, or the unit after a
     * held high surrogate) are emitted as soon as they complete it, whatever they make; then an even rest
     * holds a trailing high surrogate, an odd rest holds only its last byte.
     */
    private String writeUtf16(byte[] b) {
        StringBuilder r = new StringBuilder();
        int i = 0;
        if (need > 0) {
            int take = Math.min(need, b.length);
            carry = Bytes.concat(carry, CipherEngine.slice(b, 0, take));
            need -= take;
            i = take;
            if (need > 0) {
                return "";
            }
            r.append(Buffer.wrap(carry).toString(encoding));
            carry = Bytes.EMPTY;
        }
        int n = b.length - i;
        if (n == 0) {
            return r.toString();
        }
        if ((n & 1) == 1) {
            r.append(Buffer.wrap(b, i, n - 1).toString(encoding));
            carry = CipherEngine.slice(b, b.length - 1, 1);
            need = 1;
            total = 2;
            return r.toString();
        }
        if (isHighSurrogate(b, b.length - 2)) {
            r.append(Buffer.wrap(b, i, n - 2).toString(encoding));
            carry = CipherEngine.slice(b, b.length - 2, 2);
            need = 2;
            total = 4;
            return r.toString();
        }
        return r.append(Buffer.wrap(b, i, n).toString(encoding)).toString();
    }

    String end(byte[] bytes) {
        if (encoding == Encoding.UTF16LE) {
            String s = writeUtf16(bytes);
            if (need == 0) {
                return s;
            }
            // Node's end(): the held bytes that came, cut to whole units
            String rest = Buffer.wrap(carry, 0, total - need).toString(encoding);
            carry = Bytes.EMPTY;
            need = 0;
            return s + rest;
        }
        String s = write(bytes);
        byte[] rest = carry;
        carry = Bytes.EMPTY;
        if (rest.length == 0) {
            return s;
        }
        switch (encoding) {
            case UTF8:
                return s + "\ufffd";
            default:
                return s + Buffer.wrap(rest).toString(encoding);
        }
    }

    /** How many trailing bytes of {@code data} wait for the next call. */
    private int held(byte[] data) {
        int n = data.length;
        switch (encoding) {
            case UTF8:
                return utf8Incomplete(data);
            case BASE64:
            case BASE64URL:
                return n % 3;
            default:
                return 0;
        }
    }

    private static boolean isHighSurrogate(byte[] d, int i) {
        int unit = (d[i] & 0xff) | (d[i + 1] & 0xff) << 8;
        return unit >= 0xd800 && unit <= 0xdbff;
    }

    /** The length of an incomplete UTF-8 sequence at the end: a lead byte whose continuations have not all come. */
    private static int utf8Incomplete(byte[] d) {
        int n = d.length;
        for (int back = 1; back <= Math.min(3, n); back++) {
            int b = d[n - back] & 0xff;
            if ((b & 0xc0) == 0x80) {
                continue;
            }
            int need = (b & 0xe0) == 0xc0 ? 2 : (b & 0xf0) == 0xe0 ? 3 : (b & 0xf8) == 0xf0 ? 4 : 0;
            return need > back ? back : 0;
        }
        return 0;
    }
}
