package dev.nodeshim.buffer;

import java.nio.charset.StandardCharsets;

/**
 * The character encodings of Node's {@code buffer}, with Node's names and edge behaviour.
 *
 * <p>Names are looked up case-insensitively with Node's aliases ({@link #lookup}):
 *
 * <table>
 * <caption>names</caption>
 * <tr><th>encoding</th><th>accepted names</th></tr>
 * <tr><td>{@link #UTF8}</td><td>{@code utf8}, {@code utf-8}</td></tr>
 * <tr><td>{@link #UTF16LE}</td><td>{@code utf16le}, {@code utf-16le}, {@code ucs2}, {@code ucs-2}</td></tr>
 * <tr><td>{@link #LATIN1}</td><td>{@code latin1}, {@code binary}</td></tr>
 * <tr><td>{@link #ASCII}</td><td>{@code ascii}</td></tr>
 * <tr><td>{@link #BASE64}</td><td>{@code base64}</td></tr>
 * <tr><td>{@link #BASE64URL}</td><td>{@code base64url}</td></tr>
 * <tr><td>{@link #HEX}</td><td>{@code hex}</td></tr>
 * </table>
 *
 * <p>Encoding a string (UTF-16 code units) to bytes:
 * <ul>
 * <li>utf8: lone surrogates become {@code EF BF BD}; see {@code Utf8}.</li>
 * <li>utf16le: two bytes per unit, little-endian; lone surrogates kept as they are.</li>
 * <li>latin1 and ascii: the low byte of each unit ({@code 'Ā'} U+0100 is {@code 00}); Node writes
 *     ascii exactly as latin1.</li>
 * <li>base64, base64url, hex: decoded leniently; see {@code Base64Codec} and {@code HexCodec}.</li>
 * </ul>
 * Decoding bytes to a string: utf8 with U+FFFD per maximal subpart; utf16le drops an odd last byte;
 * latin1 maps each byte to the same code point; ascii clears the high bit ({@code 0xC3} reads as
 * {@code 'C'}); base64 is padded, base64url is not; hex is lowercase.
 */
public enum Encoding {
    UTF8("utf8") {
        @Override
        int byteLength(String s) {
            return Utf8.byteLength(s);
        }

        @Override
        int write(String s, byte[] dst, int off, int max) {
            return Utf8.write(s, dst, off, max);
        }

        @Override
        String decode(byte[] a, int off, int len) {
            return Utf8.decode(a, off, len);
        }
    },
    UTF16LE("utf16le") {
        @Override
        int byteLength(String s) {
            return (int) Math.min(2L * s.length(), Integer.MAX_VALUE);
        }

        @Override
        int write(String s, byte[] dst, int off, int max) {
            int units = Math.min(s.length(), max >>> 1);
            for (int i = 0, o = off; i < units; i++, o += 2) {
                char c = s.charAt(i);
                dst[o] = (byte) c;
                dst[o + 1] = (byte) (c >> 8);
            }
            return units * 2;
        }

        @Override
        String decode(byte[] a, int off, int len) {
            int units = len >>> 1;
            char[] out = new char[units];
            for (int i = 0, p = off; i < units; i++, p += 2) {
                out[i] = (char) ((a[p] & 0xFF) | (a[p + 1] & 0xFF) << 8);
            }
            return new String(out);
        }
    },
    LATIN1("latin1") {
        @Override
        int byteLength(String s) {
            return s.length();
        }

        @Override
        int write(String s, byte[] dst, int off, int max) {
            return writeLowBytes(s, dst, off, max);
        }

        @Override
        String decode(byte[] a, int off, int len) {
            return new String(a, off, len, StandardCharsets.ISO_8859_1);
        }
    },
    ASCII("ascii") {
        @Override
        int byteLength(String s) {
            return s.length();
        }

        @Override
        int write(String s, byte[] dst, int off, int max) {
            return writeLowBytes(s, dst, off, max);
        }

        @Override
        String decode(byte[] a, int off, int len) {
            if (Utf8.isAscii(a, off, len)) {
                return new String(a, off, len, StandardCharsets.ISO_8859_1);
            }
            byte[] masked = new byte[len];
            for (int i = 0; i < len; i++) {
                masked[i] = (byte) (a[off + i] & 0x7F);
            }
            return new String(masked, StandardCharsets.ISO_8859_1);
        }
    },
    BASE64("base64") {
        @Override
        int byteLength(String s) {
            return Base64Codec.byteLength(s);
        }

        @Override
        int write(String s, byte[] dst, int off, int max) {
            return Base64Codec.decode(s, dst, off, max, false);
        }

        @Override
        String decode(byte[] a, int off, int len) {
            return Base64Codec.encode(a, off, len, false);
        }
    },
    BASE64URL("base64url") {
        @Override
        int byteLength(String s) {
            return Base64Codec.byteLength(s);
        }

        @Override
        int write(String s, byte[] dst, int off, int max) {
            return Base64Codec.decode(s, dst, off, max, true);
        }

        @Override
        String decode(byte[] a, int off, int len) {
            return Base64Codec.encode(a, off, len, true);
        }
    },
    HEX("hex") {
        @Override
        int byteLength(String s) {
            return HexCodec.byteLength(s);
        }

        @Override
        int write(String s, byte[] dst, int off, int max) {
            return HexCodec.decode(s, dst, off, max);
        }

        @Override
        String decode(byte[] a, int off, int len) {
            return HexCodec.encode(a, off, len);
        }
    };

    private final String canonical;

    Encoding(String canonical) {
        this.canonical = canonical;
    }

    /** Node's canonical name: {@code utf8}, {@code utf16le}, {@code latin1}, {@code ascii}, {@code base64}, {@code base64url}, {@code hex}. */
    public String canonicalName() {
        return canonical;
    }

    @Override
    public String toString() {
        return canonical;
    }

    /**
     * The encoding named {@code name} (any case, Node's aliases), or {@code null} when Node does not
     * know the name ({@code null}, {@code ""}, {@code "utf16"}, {@code "hex "}…).
     */
    public static Encoding lookup(String name) {
        if (name == null) {
            return null;
        }
        Encoding fast = exact(name);
        if (fast != null) {
            return fast;
        }
        int n = name.length();
        if (n < 3 || n > 9) {
            return null;
        }
        char[] lower = new char[n];
        for (int i = 0; i < n; i++) {
            char c = name.charAt(i);
            // JavaScript's toLowerCase maps only U+212A KELVIN SIGN outside ASCII onto ASCII, and
            // no encoding name holds a 'k'; so ASCII folding is exact here.
            lower[i] = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        }
        return exact(new String(lower));
    }

    private static Encoding exact(String name) {
        switch (name) {
            case "utf8":
            case "utf-8":
                return UTF8;
            case "ucs2":
            case "ucs-2":
            case "utf16le":
            case "utf-16le":
                return UTF16LE;
            case "latin1":
            case "binary":
                return LATIN1;
            case "ascii":
                return ASCII;
            case "base64":
                return BASE64;
            case "base64url":
                return BASE64URL;
            case "hex":
                return HEX;
            default:
                return null;
        }
    }

    /** Node's {@code byteLength} of {@code s} in this encoding (an upper bound for base64 and hex). */
    abstract int byteLength(String s);

    /** Encodes as much of {@code s} as fits (whole characters only) into {@code dst[off, off+max)}; returns bytes written. */
    abstract int write(String s, byte[] dst, int off, int max);

    /** Decodes {@code a[off, off+len)} to a string. */
    abstract String decode(byte[] a, int off, int len);

    @SuppressWarnings("deprecation")
    static int writeLowBytes(String s, byte[] dst, int off, int max) {
        int n = Math.min(s.length(), max);
        // String.getBytes(int, int, byte[], int) copies the low byte of each unit: exactly latin1.
        s.getBytes(0, n, dst, off);
        return n;
    }
}
