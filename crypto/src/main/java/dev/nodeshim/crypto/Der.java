package dev.nodeshim.crypto;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The small part of DER (ITU-T X.690) that key encodings need: a reader over one TLV at a time and
 * writers for SEQUENCE, INTEGER, OCTET STRING, BIT STRING, NULL, OBJECT IDENTIFIER and context tags.
 *
 * <p>The reader is strict where OpenSSL is (definite lengths only, lengths inside the input) and
 * reports any malformation as {@link Malformed}, which the key decoder turns into OpenSSL's error.
 * Writers produce canonical DER: minimal lengths, minimal two's-complement integers.
 */
final class Der {
    static final int INTEGER = 0x02;
    static final int BIT_STRING = 0x03;
    static final int OCTET_STRING = 0x04;
    static final int NULL = 0x05;
    static final int OID = 0x06;
    static final int SEQUENCE = 0x30;

    private Der() {
    }

    /** Input that is not the DER expected. */
    static final class Malformed extends Exception {
        Malformed(String what) {
            super(what, null, false, false);
        }
    }

    /** One decoded TLV: its tag and its content bytes (a view into the input). */
    record Tlv(int tag, byte[] in, int start, int length) {
        byte[] content() {
            byte[] b = new byte[length];
            System.arraycopy(in, start, b, 0, length);
            return b;
        }

        Reader reader() {
            return new Reader(in, start, start + length);
        }

        BigInteger integer() throws Malformed {
            if (tag != INTEGER || length == 0) {
                throw new Malformed("integer");
            }
            return new BigInteger(content());
        }

        /** A non-negative INTEGER as an int. */
        int smallInt() throws Malformed {
            BigInteger v = integer();
            if (v.signum() < 0 || v.bitLength() > 31) {
                throw new Malformed("int");
            }
            return v.intValue();
        }

        String oid() throws Malformed {
            if (tag != OID) {
                throw new Malformed("oid");
            }
            return decodeOid(content());
        }

        byte[] octets() throws Malformed {
            if (tag != OCTET_STRING) {
                throw new Malformed("octets");
            }
            return content();
        }

        /** A BIT STRING's bytes, which must have no unused bits. */
        byte[] bits() throws Malformed {
            if (tag != BIT_STRING || length == 0 || in[start] != 0) {
                throw new Malformed("bits");
            }
            byte[] b = new byte[length - 1];
            System.arraycopy(in, start + 1, b, 0, b.length);
            return b;
        }

        /** The whole TLV's encoding (for re-emitting an element unchanged). */
        byte[] encoded() {
            return Der.tlv(tag, content());
        }
    }

    /** Reads consecutive TLVs from a range of bytes. */
    static final class Reader {
        private final byte[] in;
        private int pos;
        private final int end;

        Reader(byte[] in) {
            this(in, 0, in.length);
        }

        Reader(byte[] in, int from, int end) {
            this.in = in;
            this.pos = from;
            this.end = end;
        }

        boolean more() {
            return pos < end;
        }

        int peekTag() {
            return pos < end ? in[pos] & 0xff : -1;
        }

        Tlv next() throws Malformed {
            if (pos + 2 > end) {
                throw new Malformed("short");
            }
            int tag = in[pos++] & 0xff;
            if ((tag & 0x1f) == 0x1f) {
                throw new Malformed("high tag");
            }
            int len = in[pos++] & 0xff;
            if (len >= 0x80) {
                int n = len & 0x7f;
                if (n == 0 || n > 3 || pos + n > end) {
                    throw new Malformed("length");
                }
                len = 0;
                for (int i = 0; i < n; i++) {
                    len = (len << 8) | (in[pos++] & 0xff);
                }
            }
            if (len > end - pos) {
                throw new Malformed("too long");
            }
            Tlv t = new Tlv(tag, in, pos, len);
            pos += len;
            return t;
        }

        Tlv next(int tag) throws Malformed {
            Tlv t = next();
            if (t.tag() != tag) {
                throw new Malformed("wrong tag");
            }
            return t;
        }

        void end() throws Malformed {
            if (pos != end) {
                throw new Malformed("trailing");
            }
        }
    }

    /** The single TLV that must make up all of {@code der}, with the given tag. */
    static Tlv parse(byte[] der, int tag) throws Malformed {
        Reader r = new Reader(der);
        Tlv t = r.next(tag);
        r.end();
        return t;
    }

    // ------------------------------------------------------------------------------------------------
    // Writing

    static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
        out.write(tag);
        int n = content.length;
        if (n < 0x80) {
            out.write(n);
        } else if (n < 0x100) {
            out.write(0x81);
            out.write(n);
        } else if (n < 0x10000) {
            out.write(0x82);
            out.write(n >>> 8);
            out.write(n);
        } else {
            out.write(0x83);
            out.write(n >>> 16);
            out.write(n >>> 8);
            out.write(n);
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    static byte[] seq(byte[]... parts) {
        return tlv(SEQUENCE, cat(parts));
    }

    static byte[] seq(List<byte[]> parts) {
        return tlv(SEQUENCE, cat(parts.toArray(new byte[0][])));
    }

    static byte[] integer(BigInteger v) {
        return tlv(INTEGER, v.toByteArray());
    }

    static byte[] integer(long v) {
        return integer(BigInteger.valueOf(v));
    }

    static byte[] octets(byte[] v) {
        return tlv(OCTET_STRING, v);
    }

    static byte[] bits(byte[] v) {
        byte[] c = new byte[v.length + 1];
        System.arraycopy(v, 0, c, 1, v.length);
        return tlv(BIT_STRING, c);
    }

    static byte[] nul() {
        return new byte[] {NULL, 0};
    }

    static byte[] oid(String dotted) {
        return tlv(OID, encodeOid(dotted));
    }

    /** A constructed context-specific tag {@code [n]} around {@code content}. */
    static byte[] explicit(int n, byte[] content) {
        return tlv(0xa0 | n, content);
    }

    static byte[] cat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** {@code v} as an unsigned big-endian number of exactly {@code n} bytes. */
    static byte[] unsigned(BigInteger v, int n) {
        byte[] b = v.toByteArray();
        if (b.length == n) {
            return b;
        }
        byte[] r = new byte[n];
        if (b.length > n) {
            System.arraycopy(b, b.length - n, r, 0, n);
        } else {
            System.arraycopy(b, 0, r, n - b.length, b.length);
        }
        return r;
    }

    static byte[] encodeOid(String dotted) {
        String[] p = dotted.split("\\.");
        List<Long> arcs = new ArrayList<>();
        arcs.add(Long.parseLong(p[0]) * 40 + Long.parseLong(p[1]));
        for (int i = 2; i < p.length; i++) {
            arcs.add(Long.parseLong(p[i]));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (long a : arcs) {
            int groups = 1;
            for (long x = a >>> 7; x != 0; x >>>= 7) {
                groups++;
            }
            for (int g = groups - 1; g >= 0; g--) {
                int b = (int) ((a >>> (7 * g)) & 0x7f);
                out.write(g == 0 ? b : b | 0x80);
            }
        }
        return out.toByteArray();
    }

    static String decodeOid(byte[] b) throws Malformed {
        if (b.length == 0 || (b[b.length - 1] & 0x80) != 0) {
            throw new Malformed("oid");
        }
        StringBuilder sb = new StringBuilder();
        long v = 0;
        boolean first = true;
        for (byte x : b) {
            v = (v << 7) | (x & 0x7f);
            if ((x & 0x80) == 0) {
                if (first) {
                    long a = Math.min(v / 40, 2);
                    sb.append(a).append('.').append(v - 40 * a);
                    first = false;
                } else {
                    sb.append('.').append(v);
                }
                v = 0;
            }
        }
        return sb.toString();
    }
}
