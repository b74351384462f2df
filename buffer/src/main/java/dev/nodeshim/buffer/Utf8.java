package dev.nodeshim.buffer;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * UTF-8 as Node (V8 and WHATWG) does it.
 *
 * <p><b>Encoding.</b> A JavaScript string is UTF-16 code units; a lone surrogate (a high surrogate not
 * followed by a low one, or a low one not preceded by a high one) encodes as U+FFFD, {@code EF BF BD}.
 * Writing into a buffer, and encoding strings of up to 4096 units, is done by {@link Utf8Writer}
 * (the JDK's encoder set to Node's replacement, no allocation). A longer string is encoded with
 * {@code String.getBytes(UTF_8)} (the JDK vectorises it), which writes a lone surrogate as
 * {@code '?'}; so its output is used as is only when it holds no {@code 0x3F} byte at all (then
 * nothing was replaced), and otherwise the string is encoded again, exactly.
 *
 * <p><b>Decoding.</b> Invalid input decodes with one U+FFFD per <i>maximal subpart</i> (the WHATWG
 * decoder, Unicode 15 §3.9): {@code ED A0 80} is three U+FFFD, a truncated {@code E2 82} at the end is
 * one. The JDK's decoder is exact for valid input but differs on some invalid input (it folds a
 * truncated {@code ED A0} at the end into one U+FFFD where WHATWG makes two), so it is trusted only
 * when its result holds no U+FFFD at all; otherwise the bytes are decoded again here.
 */
final class Utf8 {
    private static final VarHandle LONGS =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long QUESTION_MARKS = 0x3F3F3F3F3F3F3F3FL;

    private Utf8() {
    }

    /** The UTF-8 bytes of {@code s}, lone surrogates as U+FFFD. May return a shared empty array. */
    static byte[] encode(String s) {
        Utf8Writer writer = Utf8Writer.current();
        byte[] scratch = writer.encodeShort(s);
        if (scratch != null) {
            return Arrays.copyOf(scratch, writer.length());
        }
        byte[] fast = s.getBytes(StandardCharsets.UTF_8);
        if (!containsQuestionMark(fast, 0, fast.length) || !hasSurrogate(s)) {
            return fast;
        }
        byte[] out = new byte[byteLength(s)];
        write(s, out, 0, out.length);
        return out;
    }

    private static boolean hasSurrogate(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            if (Character.isSurrogate(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code a[off, off+len)} holds a {@code '?'} (SWAR, eight bytes at a time). */
    static boolean containsQuestionMark(byte[] a, int off, int len) {
        int i = off;
        int end = off + len;
        for (; i + 8 <= end; i += 8) {
            long v = (long) LONGS.get(a, i) ^ QUESTION_MARKS;
            if (((v - ONES) & ~v & HIGHS) != 0) {
                return true;
            }
        }
        for (; i < end; i++) {
            if (a[i] == '?') {
                return true;
            }
        }
        return false;
    }

    /** The first index of {@code b} in {@code a[from, to)}, or -1 (SWAR, eight bytes at a time). */
    static int indexOfByte(byte[] a, int from, int to, byte b) {
        long pattern = (b & 0xFFL) * ONES;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long v = (long) LONGS.get(a, i) ^ pattern;
            long found = (v - ONES) & ~v & HIGHS;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (a[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** Whether {@code a[off, off+len)} is all ASCII (SWAR). */
    static boolean isAscii(byte[] a, int off, int len) {
        int i = off;
        int end = off + len;
        long acc = 0;
        for (; i + 8 <= end; i += 8) {
            acc |= (long) LONGS.get(a, i);
        }
        for (; i < end; i++) {
            acc |= a[i];
        }
        return (acc & HIGHS) == 0;
    }

    /**
     * The bytes V8's {@code String::Utf8Value} makes of {@code s}, which is what Node's utf8 string
     * search ({@code indexOf}, {@code lastIndexOf}, {@code includes}) looks for: UTF-8, except that a
     * lone surrogate is encoded as if it were a code point ({@code \ud800} is {@code ED A0 80}), not
     * as U+FFFD. So a needle with a lone surrogate never matches the {@code EF BF BD} that
     * {@link #encode} writes for it.
     */
    static byte[] encodeGeneralized(String s) {
        if (!hasSurrogate(s)) {
            return encode(s);
        }
        byte[] out = new byte[byteLength(s)];
        int o = 0;
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                out[o++] = (byte) c;
            } else if (c < 0x800) {
                out[o++] = (byte) (0xC0 | (c >> 6));
                out[o++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                out[o++] = (byte) (0xF0 | (cp >> 18));
                out[o++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                out[o++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                out[o++] = (byte) (0x80 | (cp & 0x3F));
            } else {
                out[o++] = (byte) (0xE0 | (c >> 12));
                out[o++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                out[o++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        return out;
    }

    /** Node's {@code Buffer.byteLength(s, 'utf8')}: exact, a lone surrogate counting 3. */
    static int byteLength(String s) {
        int n = s.length();
        long total = n;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                if (c < 0x800) {
                    total += 1;
                } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    total += 2; // 4 bytes for 2 units
                    i++;
                } else {
                    total += 2;
                }
            }
        }
        return (int) Math.min(total, Integer.MAX_VALUE);
    }

    /**
     * Writes as many whole characters of {@code s} as fit in {@code max} bytes at {@code dst[off]}
     * (never a partial character) and returns the number of bytes written.
     */
    static int write(String s, byte[] dst, int off, int max) {
        return Utf8Writer.current().write(s, dst, off, max);
    }

    /** Decodes {@code a[off, off+len)}, invalid input as U+FFFD per maximal subpart. */
    static String decode(byte[] a, int off, int len) {
        if (len == 0) {
            return "";
        }
        String fast = new String(a, off, len, StandardCharsets.UTF_8);
        if (fast.indexOf('\uFFFD') < 0) {
            return fast;
        }
        return decodeExact(a, off, len);
    }

    /** The WHATWG UTF-8 decoder with replacement, written out. */
    static String decodeExact(byte[] a, int off, int len) {
        char[] out = new char[len];
        int o = 0;
        int i = off;
        int end = off + len;
        while (i < end) {
            int b = a[i++] & 0xFF;
            if (b < 0x80) {
                out[o++] = (char) b;
                continue;
            }
            int need;
            int cp;
            int lower = 0x80;
            int upper = 0xBF;
            if (b >= 0xC2 && b <= 0xDF) {
                need = 1;
                cp = b & 0x1F;
            } else if (b >= 0xE0 && b <= 0xEF) {
                need = 2;
                cp = b & 0x0F;
                if (b == 0xE0) {
                    lower = 0xA0;
                } else if (b == 0xED) {
                    upper = 0x9F;
                }
            } else if (b >= 0xF0 && b <= 0xF4) {
                need = 3;
                cp = b & 0x07;
                if (b == 0xF0) {
                    lower = 0x90;
                } else if (b == 0xF4) {
                    upper = 0x8F;
                }
            } else {
                out[o++] = '\uFFFD';
                continue;
            }
            boolean complete = true;
            for (int k = 0; k < need; k++) {
                if (i >= end) {
                    complete = false;
                    break;
                }
                int c = a[i] & 0xFF;
                if (c < lower || c > upper) {
                    complete = false; // the offending byte is not consumed
                    break;
                }
                lower = 0x80;
                upper = 0xBF;
                cp = (cp << 6) | (c & 0x3F);
                i++;
            }
            if (!complete) {
                out[o++] = '\uFFFD';
            } else if (cp >= 0x10000) {
                out[o++] = Character.highSurrogate(cp);
                out[o++] = Character.lowSurrogate(cp);
            } else {
                out[o++] = (char) cp;
            }
        }
        return new String(out, 0, o);
    }
}
