package dev.nodeshim.buffer;

import dev.nodeshim.errors.NodeError;

import java.io.ByteArrayOutputStream;

/**
 * Node's {@code buffer.transcode(source, fromEnc, toEnc)}, which Node hands to ICU. The rules below
 * are ICU's as Node 20 drives it, each checked against Node:
 *
 * <ul>
 * <li>Only {@code ascii}, {@code latin1}, {@code utf8} and {@code utf16le} (with Node's aliases) on
 *     either side; anything else (hex, base64, an unknown name) fails with
 *     {@code U_ILLEGAL_ARGUMENT_ERROR}. A null or empty name means utf8; a name is read up to its
 *     first NUL, as Node's native parser reads it.</li>
 * <li>Decoding: latin1 is one code point per byte; ascii turns each byte {@code >= 0x80} into U+FFFD,
 *     except towards utf16le, where Node reads ascii as latin1; utf8 gives U+FFFD per maximal invalid
 *     subpart, except towards utf16le, where any invalid sequence fails with
 *     {@code U_INVALID_CHAR_FOUND}; utf16le drops an odd last byte, except towards utf16le, where it
 *     and every lone surrogate become U+FFFD; towards utf8 a lone surrogate fails with
 *     {@code U_INVALID_CHAR_FOUND}.</li>
 * <li>Encoding to ascii or latin1: a code point outside the charset becomes {@code ?}, unless it is
 *     one of ICU's default-ignorable code points (soft hyphen, zero-width space, BOM, variation
 *     selectors…), which ICU's substitution callback drops.</li>
 * </ul>
 * An empty source gives an empty buffer whatever the encodings; utf16le of a single byte towards utf8
 * fails with {@code U_INVALID_CHAR_FOUND}; towards utf16le a final high surrogate followed by the odd
 * byte is one U+FFFD. The result is a new buffer of its own (never from the pool).
 */
final class Transcoder {
    private static final int ERRNO_ILLEGAL_ARGUMENT = 1;
    private static final int ERRNO_INVALID_CHAR = 10;

    private Transcoder() {
    }

    static Buffer transcode(Buffer source, String fromEnc, String toEnc) {
        if (source == null) {
            throw BufferErrors.bufferArgType("source", null);
        }
        byte[] a = source.buffer().array();
        int off = source.byteOffset();
        int len = source.length();
        if (len == 0) {
            return Buffer.wrap(new byte[0]); // Node returns before it looks at the encodings
        }
        Encoding from = encoding(fromEnc);
        Encoding to = encoding(toEnc);
        if (!supported(from) || !supported(to)) {
            throw icuError("U_ILLEGAL_ARGUMENT_ERROR", ERRNO_ILLEGAL_ARGUMENT);
        }
        if (from == to && from == Encoding.LATIN1) {
            return Buffer.wrap(copy(a, off, len));
        }
        String text = decode(a, off, len, from, to);
        byte[] out = switch (to) {
            case UTF8 -> Utf8.encode(text);
            case UTF16LE -> utf16le(text);
            default -> narrow(text, to == Encoding.ASCII ? 0x7F : 0xFF);
        };
        return Buffer.wrap(out);
    }

    /**
     * How Node names the encodings of transcode: null and {@code ""} are utf8 (its
     * {@code normalizeEncoding}); any other name Node's JavaScript does not know goes to its native
     * parser as a C string, so only the part before the first NUL counts ({@code "latin1\0x"} is latin1).
     */
    private static Encoding encoding(String name) {
        if (name == null || name.isEmpty()) {
            return Encoding.UTF8;
        }
        int nul = name.indexOf('\0');
        return Encoding.lookup(nul < 0 ? name : name.substring(0, nul));
    }

    private static boolean supported(Encoding e) {
        return e == Encoding.ASCII || e == Encoding.LATIN1 || e == Encoding.UTF8 || e == Encoding.UTF16LE;
    }

    private static String decode(byte[] a, int off, int len, Encoding from, Encoding to) {
        switch (from) {
            case LATIN1:
                return latin1(a, off, len, false);
            case ASCII:
                return latin1(a, off, len, to != Encoding.UTF16LE);
            case UTF8:
                if (to == Encoding.UTF16LE) {
                    if (!Buffer.isUtf8(Buffer.wrap(a, off, len))) {
                        throw icuError("U_INVALID_CHAR_FOUND", ERRNO_INVALID_CHAR);
                    }
                }
                return Utf8.decode(a, off, len);
            default:
                return utf16(a, off, len, to);
        }
    }

    private static String latin1(byte[] a, int off, int len, boolean highIsInvalid) {
        char[] c = new char[len];
        for (int i = 0; i < len; i++) {
            int b = a[off + i] & 0xFF;
            c[i] = highIsInvalid && b >= 0x80 ? '\uFFFD' : (char) b;
        }
        return new String(c);
    }

    /** utf16le input: an odd last byte is dropped (or U+FFFD towards utf16le); lone surrogates per target. */
    private static String utf16(byte[] a, int off, int len, Encoding to) {
        int units = len >>> 1;
        if (units == 0 && to == Encoding.UTF8) {
            throw icuError("U_INVALID_CHAR_FOUND", ERRNO_INVALID_CHAR); // one lone byte: ICU's verdict
        }
        boolean oddByte = (len & 1) != 0;
        StringBuilder s = new StringBuilder(units + 1);
        for (int i = 0; i < units; i++) {
            char c = (char) ((a[off + 2 * i] & 0xFF) | (a[off + 2 * i + 1] & 0xFF) << 8);
            if (Character.isHighSurrogate(c) && i + 1 < units) {
                char d = (char) ((a[off + 2 * i + 2] & 0xFF) | (a[off + 2 * i + 3] & 0xFF) << 8);
                if (Character.isLowSurrogate(d)) {
                    s.append(c).append(d);
                    i++;
                    continue;
                }
            }
            if (Character.isSurrogate(c)) {
                if (to == Encoding.UTF8) {
                    throw icuError("U_INVALID_CHAR_FOUND", ERRNO_INVALID_CHAR);
                }
                // Towards utf16le ICU substitutes U+FFFD; towards ascii/latin1 the lone unit is
                // unmappable and becomes '?' in narrow().
                s.append(to == Encoding.UTF16LE ? '\uFFFD' : c);
                if (to == Encoding.UTF16LE && oddByte && i == units - 1 && Character.isHighSurrogate(c)) {
                    return s.toString(); // a final high surrogate and the odd byte: one truncated sequence
                }
            } else {
                s.append(c);
            }
        }
        if (oddByte && to == Encoding.UTF16LE) {
            s.append('\uFFFD');
        }
        return s.toString();
    }

    private static byte[] utf16le(String s) {
        byte[] out = new byte[s.length() * 2];
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            out[2 * i] = (byte) c;
            out[2 * i + 1] = (byte) (c >>> 8);
        }
        return out;
    }

    /** ascii ({@code max} 0x7F) or latin1 (0xFF): unmappable code points become '?' or vanish. */
    private static byte[] narrow(String s, int max) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp <= max) {
                out.write(cp);
            } else if (!isDefaultIgnorable(cp)) {
                out.write('?');
            }
        }
        return out.toByteArray();
    }

    /** The code points ICU's substitute callback skips (checked against Node over all of Unicode). */
    static boolean isDefaultIgnorable(int c) {
        return c == 0x00AD || c == 0x034F || c == 0x061C || c == 0x115F || c == 0x1160
                || (c >= 0x17B4 && c <= 0x17B5) || (c >= 0x180B && c <= 0x180F)
                || (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E)
                || (c >= 0x2060 && c <= 0x206F) || c == 0x3164 || (c >= 0xFE00 && c <= 0xFE0F)
                || c == 0xFEFF || c == 0xFFA0 || (c >= 0xFFF0 && c <= 0xFFF8)
                || (c >= 0x1BCA0 && c <= 0x1BCA3) || (c >= 0x1D173 && c <= 0x1D17A)
                || (c >= 0xE0000 && c <= 0xE0FFF);
    }

    private static byte[] copy(byte[] a, int off, int len) {
        byte[] out = new byte[len];
        System.arraycopy(a, off, out, 0, len);
        return out;
    }

    /** Node's transcode failure: a plain {@code Error} with ICU's code and errno. */
    private static NodeError icuError(String code, int errno) {
        return new NodeError("Error", code, "Unable to transcode Buffer [" + code + "]").withProp("errno", errno);
    }
}
