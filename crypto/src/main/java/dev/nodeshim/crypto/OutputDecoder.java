package dev.nodeshim.crypto;

import dev.nodeshim.buffer.Buffer;
import dev.nodeshim.buffer.Encoding;

/**
 * Bytes to strings across update() calls, as Node's string decoder does for a cipher's output
 * encoding: a character (utf8, utf16le) or base64 group cut between two calls is held until the next
 * call completes it. At the end an incomplete utf8 character becomes one U+FFFD, an odd utf16le byte
 * is dropped, a held high surrogate is emitted alone, and base64 is padded.
 */
final class OutputDecoder {
    final Encoding encoding;
    private byte[] carry = Bytes.EMPTY;

    OutputDecoder(Encoding encoding) {
        this.encoding = encoding;
    }

    String write(byte[] bytes) {
        byte[] data = Bytes.concat(carry, bytes);
        int keep = held(data);
        carry = CipherEngine.slice(data, data.length - keep, keep);
        return Buffer.wrap(data, 0, data.length - keep).toString(encoding);
    }

    String end(byte[] bytes) {
        String s = write(bytes);
        byte[] rest = carry;
        carry = Bytes.EMPTY;
        if (rest.length == 0) {
            return s;
        }
        switch (encoding) {
            case UTF8:
                return s + "\ufffd";
            case UTF16LE:
                return s + Buffer.wrap(rest, 0, rest.length & ~1).toString(encoding);
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
            case UTF16LE: {
                if ((n & 1) == 1) {
                    // an odd byte; and a high surrogate just before it waits too
                    return n >= 3 && isHighSurrogate(data, n - 3) ? 3 : 1;
                }
                return n >= 2 && isHighSurrogate(data, n - 2) ? 2 : 0;
            }
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
