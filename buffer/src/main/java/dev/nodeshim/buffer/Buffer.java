package dev.nodeshim.buffer;

import dev.nodeshim.errors.Errors;
import dev.nodeshim.errors.Inspectable;
import dev.nodeshim.errors.NodeError;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Node's {@code Buffer}: a fixed-length view of bytes in a shared backing store, with Node 20's
 * methods, encodings, pool and errors.
 *
 * <h2>A view over shared memory</h2>
 * A buffer is three things: a backing {@link ArrayBuffer} ({@link #buffer()}), a
 * {@link #byteOffset()} into it and a {@link #length()}. Everything that Node documents as sharing
 * memory shares it here: {@link #subarray}/{@link #slice}, {@link #from(ArrayBuffer, long, long)},
 * {@link #wrap(byte[])} and the buffers cut from one pool slab. Writing through one view is seen by
 * every view that overlaps it.
 *
 * <pre>
 *  ArrayBuffer (buffer())       byteOffset()=3       byteOffset()+length()
 *  +-----+-----+-----+-----+-----+-----+-----+-----+-----+-----+
 *  |  ?  |  ?  |  ?  | 68  | 65  | 6c  | 6c  | 6f  |  ?  |  ?  |
 *  +-----+-----+-----+-----+-----+-----+-----+-----+-----+-----+
 *                     \________ buf: index 0 .. 4 ________/
 *
 *  buf.subarray(1, 3):  index 0..1 = array[4..5] (65 6c), same memory:
 *  buf.subarray(1, 3).set(0, 0x45)  makes  buf.toString() == "hEllo"
 * </pre>
 *
 * The bytes outside {@code [byteOffset, byteOffset + length)} (the {@code ?}s) belong to other
 * buffers when the store is a pool slab (see {@link #allocUnsafe}); never write through
 * {@code buffer().array()} outside your range.
 *
 * <h2>Indexes and numbers</h2>
 * <ul>
 * <li>{@link #get(int)} returns the byte (0..255), or <b>-1 for Node's {@code undefined}</b> when the
 *     index is out of range; {@link #set(int, double)} stores {@code ToUint8(value)} and, like Node's
 *     {@code buf[i] = v}, silently does nothing out of range.</li>
 * <li>Offsets, lengths, starts and ends are {@code long}, so that any integer a Node program could
 *     pass gets Node's own error, e.g. {@code Received 4_294_967_297}. Java {@code int}s widen to
 *     them.</li>
 * <li>Values written by {@code write*Int*} are {@code double}, as JavaScript numbers are: a value
 *     out of range throws {@code ERR_OUT_OF_RANGE}, a fraction is truncated, {@code NaN} writes 0.
 *     {@code readUInt32*} and the variable-width reads return {@code long}; 8- and 16-bit reads and
 *     {@code readInt32*} return {@code int}; {@code readFloat*} returns {@code float}; 64-bit reads
 *     return {@link BigInteger} (Node's bigint).</li>
 * <li>Encodings are strings, looked up as Node does ({@link Encoding#lookup}). Where Node treats a
 *     {@code null} encoding specially (as an offset, or as {@code utf8}) so does this class; each
 *     method says so.</li>
 * </ul>
 *
 * <h2>Errors</h2>
 * Bad input throws {@link NodeError} with Node's name, code and message, e.g.
 * {@code RangeError [ERR_OUT_OF_RANGE]: The value of "offset" is out of range. It must be >= 0 and
 * <= 6. Received 7}; no other exception escapes for bad input, and a write that throws has written
 * nothing.
 *
 * <h2>Threads</h2>
 * A buffer is not synchronised (no more than a {@code byte[]}); the pool is per thread (see
 * {@link #allocUnsafe}).
 */
public final class Buffer implements Comparable<Buffer>, Inspectable {
    /** Node's {@code buffer.kMaxLength} in v20 (2^32). The JVM caps one array at about 2^31. */
    public static final long K_MAX_LENGTH = BufferErrors.K_MAX_LENGTH;
    /** Node's {@code buffer.kStringMaxLength} (V8's, 2^29 - 24). */
    public static final int K_STRING_MAX_LENGTH = (1 << 29) - 24;

    private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;
    private static volatile int inspectMaxBytes = 50;

    private final ArrayBuffer buffer;
    private final byte[] a;
    private final int off;
    private final int len;

    Buffer(ArrayBuffer buffer, int byteOffset, int length) {
        this.buffer = buffer;
        this.a = buffer.array();
        this.off = byteOffset;
        this.len = length;
    }

    // ------------------------------------------------------------------------------------------
    // Creating buffers
    // ------------------------------------------------------------------------------------------

    private static int checkSize(long size) {
        if (size < 0 || size > K_MAX_LENGTH) {
            throw BufferErrors.offsetRange("size", 0, K_MAX_LENGTH, size);
        }
        if (size > MAX_ARRAY) {
            throw BufferErrors.allocationFailed();
        }
        return (int) size;
    }

    private static Buffer fresh(int size) {
        try {
            return new Buffer(new ArrayBuffer(size), 0, size);
        } catch (OutOfMemoryError e) {
            throw BufferErrors.allocationFailed();
        }
    }

    private static Buffer empty() {
        return new Buffer(new ArrayBuffer(0), 0, 0);
    }

    /** Node's {@code allocate}: the pool for small sizes, a store of its own otherwise. */
    private static Buffer allocate(int size) {
        if (size <= 0) {
            return empty();
        }
        if (SlabPool.pooled(size)) {
            return SlabPool.allocate(size);
        }
        return fresh(size);
    }

    /**
     * {@code Buffer.alloc(size)}: {@code size} zero bytes in a store of their own (never pooled).
     *
     * @throws NodeError {@code ERR_OUT_OF_RANGE} when {@code size} is not in {@code [0, 2^32]};
     *                   {@code RangeError: Array buffer allocation failed} beyond the JVM's array limit
     */
    public static Buffer alloc(long size) {
        return fresh(checkSize(size));
    }

    /** {@code Buffer.alloc(size, fill)} with a number: every byte is {@code ToUint8(fill)}. */
    public static Buffer alloc(long size, double fill) {
        int n = checkSize(size);
        Buffer b = fresh(n);
        if (fill != 0 && n > 0) {
            b.fill(fill);
        }
        return b;
    }

    /** {@code Buffer.alloc(size, fill)} with a string, in utf8. */
    public static Buffer alloc(long size, String fill) {
        return alloc(size, fill, null);
    }

    /**
     * {@code Buffer.alloc(size, fill, encoding)}: the encoded {@code fill} repeated. A {@code null} or
     * empty encoding is utf8. With {@code size} 0 nothing is checked but the size.
     *
     * @throws NodeError {@code ERR_UNKNOWN_ENCODING}; {@code ERR_INVALID_ARG_VALUE} when {@code fill}
     *                   encodes to no bytes ({@code 'zz'} in hex)
     */
    public static Buffer alloc(long size, String fill, String encoding) {
        int n = checkSize(size);
        Buffer b = fresh(n);
        if (fill != null && n > 0) {
            b.fillString(fill, null, encoding, 0, n);
        }
        return b;
    }

    /** {@code Buffer.alloc(size, fill)} with bytes: {@code fill} repeated. */
    public static Buffer alloc(long size, Buffer fill) {
        int n = checkSize(size);
        Buffer b = fresh(n);
        if (fill != null && n > 0) {
            b.fillBytes(fill, 0, n);
        }
        return b;
    }

    /**
     * {@code Buffer.allocUnsafe(size)}. Sizes below {@code poolSize() >>> 1} (4096) are cut from the
     * calling thread's 8 KiB slab, Node's way:
     *
     * <pre>
     *  Buffer x = allocUnsafe(5), y = allocUnsafe(13), z = allocUnsafe(3);
     *
     *  slab  +-------+---+-------------+---+-----+---+-----------------------+
     *        | x (5) |   | y (13)      |   |z (3)|   |        free           |
     *        +-------+---+-------------+---+-----+---+-----------------------+
     *        0       5   8             21  24    27  32                   8192
     *  x.byteOffset()==0, y.byteOffset()==8, z.byteOffset()==24, all share x.buffer()
     * </pre>
     *
     * A request that does not fit in the rest of the slab starts a new slab; 4096 bytes and more get
     * a store of their own. See {@code SlabPool} for the whole algorithm and the thread model.
     */
    public static Buffer allocUnsafe(long size) {
        return allocate(checkSize(size));
    }

    /** {@code Buffer.allocUnsafeSlow(size)}: a store of its own, never pooled. */
    public static Buffer allocUnsafeSlow(long size) {
        return fresh(checkSize(size));
    }

    /** {@code Buffer.from(string)}: the UTF-8 bytes of {@code string} (pooled when small). */
    public static Buffer from(String string) {
        return from(string, (String) null);
    }

    /**
     * {@code Buffer.from(string, encoding)}. A {@code null} or empty encoding is utf8 (Node ignores a
     * non-string or empty encoding here).
     *
     * @throws NodeError {@code ERR_UNKNOWN_ENCODING}; {@code ERR_INVALID_ARG_TYPE} for a null string
     */
    public static Buffer from(String string, String encoding) {
        if (string == null) {
            throw Errors.invalidArgType("first argument",
                    List.of("string", "Buffer", "ArrayBuffer", "Array", "Array-like Object"), null);
        }
        Encoding e;
        if (encoding == null || encoding.isEmpty()) {
            if (string.isEmpty()) {
                return empty();
            }
            e = Encoding.UTF8;
        } else {
            e = Encoding.lookup(encoding);
            if (e == null) {
                throw Errors.unknownEncoding(encoding);
            }
            if (string.isEmpty()) {
                return empty();
            }
        }
        return fromStringFast(string, e);
    }

    /** {@code Buffer.from(string, encoding)} with an {@link Encoding}. */
    public static Buffer from(String string, Encoding encoding) {
        return from(string, encoding == null ? null : encoding.canonicalName());
    }

    /**
     * Node's {@code fromStringFast}. The pool decision is made on a cheap upper bound, as Node makes
     * it: a string of {@code poolSize >>> 1} units or more gets a store of its own; otherwise
     * {@code 4 * length} bytes are reserved in the slab (or, when that bound reaches the threshold,
     * the encoding's byte length is computed and used instead); the offset then moves by the bytes
     * actually written. So {@code from("a".repeat(1100))} starts a new slab when fewer than 4400
     * bytes are left, although it writes only 1100.
     */
    static Buffer fromStringFast(String s, Encoding e) {
        long maxLength = SlabPool.poolSize() >>> 1;
        long length = s.length();
        if (length >= maxLength) {
            return createFromString(s, e, -1);
        }
        byte[] utf8 = null;
        length *= 4;
        if (length >= maxLength) {
            if (e == Encoding.UTF8) {
                // Encoded once, into a per-thread scratch when the string is short enough; the
                // pool decision then uses the real length, and the bytes are copied where they go.
                Utf8Writer writer = Utf8Writer.current();
                utf8 = writer.encodeShort(s);
                if (utf8 == null) {
                    utf8 = Utf8.encode(s);
                    length = utf8.length;
                } else {
                    length = writer.length();
                }
                if (length >= maxLength) {
                    return new Buffer(ArrayBuffer.wrap(Arrays.copyOf(utf8, (int) length)), 0, (int) length);
                }
            } else {
                length = e.byteLength(s);
            }
        }
        if (length >= maxLength) {
            return createFromString(s, e, length);
        }
        SlabPool pool = SlabPool.current();
        ArrayBuffer slab = pool.reserve((int) length);
        int at = pool.offset();
        int actual;
        if (utf8 != null) {
            actual = (int) length;
            System.arraycopy(utf8, 0, slab.array(), at, actual);
        } else {
            // utf8 included: 4 * length bytes are reserved, room for every character, so this writes
            // straight into the slab what Utf8.encode would return.
            actual = e.write(s, slab.array(), at, (int) length);
        }
        pool.advance(actual);
        return new Buffer(slab, at, actual);
    }

    /** Node's native {@code createFromString}: a store of its own, sized {@code size} or by the encoding. */
    private static Buffer createFromString(String s, Encoding e, long size) {
        if (e == Encoding.UTF8 && size < 0) {
            byte[] bytes = Utf8.encode(s);
            return new Buffer(ArrayBuffer.wrap(bytes), 0, bytes.length);
        }
        long n = size < 0 ? e.byteLength(s) : size;
        if (n > MAX_ARRAY) {
            throw BufferErrors.allocationFailed();
        }
        Buffer store = fresh((int) n);
        int actual = e.write(s, store.a, 0, (int) n);
        return new Buffer(store.buffer, 0, actual);
    }

    /** {@code Buffer.from(array)}: each value {@code & 255} (pooled when small). */
    public static Buffer from(int[] values) {
        if (values == null) {
            throw Errors.invalidArgType("first argument",
                    List.of("string", "Buffer", "ArrayBuffer", "Array", "Array-like Object"), null);
        }
        Buffer b = allocate(values.length);
        for (int i = 0; i < values.length; i++) {
            b.a[b.off + i] = (byte) values[i];
        }
        return b;
    }

    /**
     * {@code Buffer.from(array)} for JavaScript numbers: each value converted as a {@code Uint8Array}
     * element is ({@code ToUint8}: 257.5 stores 1, -255 stores 1, NaN stores 0); pooled when small.
     */
    public static Buffer from(double[] values) {
        if (values == null) {
            throw Errors.invalidArgType("first argument",
                    List.of("string", "Buffer", "ArrayBuffer", "Array", "Array-like Object"), null);
        }
        Buffer b = allocate(values.length);
        for (int i = 0; i < values.length; i++) {
            b.a[b.off + i] = toUint8(values[i]);
        }
        return b;
    }

    /** {@code Buffer.from(uint8Array)}: a copy of {@code bytes} (pooled when small). Use {@link #wrap} to share. */
    public static Buffer from(byte[] bytes) {
        if (bytes == null) {
            throw Errors.invalidArgType("first argument",
                    List.of("string", "Buffer", "ArrayBuffer", "Array", "Array-like Object"), null);
        }
        Buffer b = allocate(bytes.length);
        System.arraycopy(bytes, 0, b.a, b.off, bytes.length);
        return b;
    }

    /** {@code Buffer.from(buffer)}: a copy (pooled when small). */
    public static Buffer from(Buffer other) {
        if (other == null) {
            throw Errors.invalidArgType("first argument",
                    List.of("string", "Buffer", "ArrayBuffer", "Array", "Array-like Object"), null);
        }
        Buffer b = allocate(other.len);
        System.arraycopy(other.a, other.off, b.a, b.off, other.len);
        return b;
    }

    /** A copy of the remaining bytes of {@code bytes} (its position is not moved; pooled when small). */
    public static Buffer from(ByteBuffer bytes) {
        if (bytes == null) {
            throw Errors.invalidArgType("first argument",
                    List.of("string", "Buffer", "ArrayBuffer", "Array", "Array-like Object"), null);
        }
        Buffer b = allocate(bytes.remaining());
        bytes.duplicate().get(b.a, b.off, b.len);
        return b;
    }

    /** {@code Buffer.from(arrayBuffer)}: a view of the whole store, sharing memory. */
    public static Buffer from(ArrayBuffer arrayBuffer) {
        return from(arrayBuffer, 0, -1, false);
    }

    /** {@code Buffer.from(arrayBuffer, byteOffset)}: a view from {@code byteOffset} to the end. */
    public static Buffer from(ArrayBuffer arrayBuffer, long byteOffset) {
        return from(arrayBuffer, byteOffset, -1, false);
    }

    /**
     * {@code Buffer.from(arrayBuffer, byteOffset, length)}: a view sharing memory. A length
     * {@code <= 0} is an empty view.
     *
     * @throws NodeError {@code ERR_BUFFER_OUT_OF_BOUNDS} ({@code "offset" is outside of buffer bounds},
     *                   {@code "length" is outside of buffer bounds})
     */
    public static Buffer from(ArrayBuffer arrayBuffer, long byteOffset, long length) {
        return from(arrayBuffer, byteOffset, length, true);
    }

    private static Buffer from(ArrayBuffer ab, long byteOffset, long length, boolean lengthGiven) {
        if (ab == null) {
            throw Errors.invalidArgType("first argument",
                    List.of("string", "Buffer", "ArrayBuffer", "Array", "Array-like Object"), null);
        }
        long maxLength = ab.byteLength() - byteOffset;
        if (maxLength < 0) {
            throw BufferErrors.bufferOutOfBounds("offset");
        }
        if (byteOffset < 0) {
            throw new NodeError("RangeError", null, "Start offset " + byteOffset + " is outside the bounds of the buffer");
        }
        long n;
        if (!lengthGiven) {
            n = maxLength;
        } else if (length > 0) {
            if (length > maxLength) {
                throw BufferErrors.bufferOutOfBounds("length");
            }
            n = length;
        } else {
            n = 0;
        }
        return new Buffer(ab, (int) byteOffset, (int) n);
    }

    /** A buffer over {@code array} itself (no copy): Java interop, like {@code Buffer.from(arrayBuffer)}. */
    public static Buffer wrap(byte[] array) {
        ArrayBuffer ab = ArrayBuffer.wrap(array);
        return new Buffer(ab, 0, array.length);
    }

    /** A buffer over {@code array[offset, offset + length)} (no copy). */
    public static Buffer wrap(byte[] array, int offset, int length) {
        return from(ArrayBuffer.wrap(array), offset, length);
    }

    /** {@code Buffer.concat(list)}: the buffers one after the other (pooled when small). */
    public static Buffer concat(List<Buffer> list) {
        return concat(list, -1, false);
    }

    /** {@code Buffer.concat(list, totalLength)}: truncated or zero-padded to {@code totalLength}. */
    public static Buffer concat(List<Buffer> list, long totalLength) {
        return concat(list, totalLength, true);
    }

    /** {@code Buffer.concat([...buffers])}. */
    public static Buffer concat(Buffer... buffers) {
        return concat(buffers == null ? null : Arrays.asList(buffers), -1, false);
    }

    private static Buffer concat(List<Buffer> list, long totalLength, boolean lengthGiven) {
        if (list == null) {
            throw Errors.invalidArgType("list", "Array", null);
        }
        if (list.isEmpty()) {
            return empty();
        }
        long length;
        if (!lengthGiven) {
            length = 0;
            for (Buffer b : list) {
                if (b == null) {
                    // Node reads list[i].length before it checks the type
                    throw new NodeError("TypeError", null, "Cannot read properties of null (reading 'length')");
                }
                length += b.len;
            }
        } else {
            if (totalLength < 0 || totalLength > K_MAX_LENGTH) {
                throw BufferErrors.offsetRange("length", 0, K_MAX_LENGTH, totalLength);
            }
            length = totalLength;
        }
        Buffer out = allocUnsafe(length);
        int pos = 0;
        for (int i = 0; i < list.size(); i++) {
            Buffer b = list.get(i);
            if (b == null) {
                throw BufferErrors.bufferArgType("list[" + i + "]", null);
            }
            int n = Math.min(b.len, out.len - pos);
            System.arraycopy(b.a, b.off, out.a, out.off + pos, n);
            pos += n;
        }
        if (pos < out.len) {
            Arrays.fill(out.a, out.off + pos, out.off + out.len, (byte) 0);
        }
        return out;
    }

    /** {@code Buffer.compare(buf1, buf2)}: -1, 0 or 1, bytewise then by length. */
    public static int compare(Buffer buf1, Buffer buf2) {
        if (buf1 == null) {
            throw BufferErrors.bufferArgType("buf1", null);
        }
        if (buf2 == null) {
            throw BufferErrors.bufferArgType("buf2", null);
        }
        return compareRanges(buf1.a, buf1.off, buf1.len, buf2.a, buf2.off, buf2.len);
    }

    private static int compareRanges(byte[] x, int xo, int xl, byte[] y, int yo, int yl) {
        int n = Math.min(xl, yl);
        int i = Arrays.mismatch(x, xo, xo + n, y, yo, yo + n);
        if (i >= 0) {
            return (x[xo + i] & 0xFF) < (y[yo + i] & 0xFF) ? -1 : 1;
        }
        return Integer.compare(xl, yl);
    }

    /** {@code Buffer.byteLength(string)}: its UTF-8 length. */
    public static int byteLength(String string) {
        return byteLength(string, null);
    }

    /**
     * {@code Buffer.byteLength(string, encoding)}: Node's count (an estimate for base64 and hex:
     * {@code 'a b c'} is 3 in base64). An unknown or {@code null} encoding counts as utf8, as in Node.
     */
    public static int byteLength(String string, String encoding) {
        if (string == null) {
            throw Errors.invalidArgType("string", List.of("string", "Buffer", "ArrayBuffer"), null);
        }
        Encoding e = Encoding.lookup(encoding);
        return (e == null ? Encoding.UTF8 : e).byteLength(string);
    }

    /** {@code Buffer.byteLength(buffer)}: its length. */
    public static int byteLength(Buffer buffer) {
        if (buffer == null) {
            throw Errors.invalidArgType("string", List.of("string", "Buffer", "ArrayBuffer"), null);
        }
        return buffer.len;
    }

    /** {@code Buffer.isBuffer(obj)}. */
    public static boolean isBuffer(Object obj) {
        return obj instanceof Buffer;
    }

    /** {@code Buffer.isEncoding(encoding)}: whether Node knows the name (any case); false for null and "". */
    public static boolean isEncoding(String encoding) {
        return encoding != null && !encoding.isEmpty() && Encoding.lookup(encoding) != null;
    }

    /** {@code Buffer.poolSize}: the size of new pool slabs (8192). */
    public static int poolSize() {
        return SlabPool.poolSize();
    }

    /** Sets {@code Buffer.poolSize}; takes effect for the threshold at once and for the next slab. */
    public static void poolSize(int size) {
        SlabPool.poolSize(size);
    }

    /** {@code buffer.INSPECT_MAX_BYTES}: how many bytes {@link #inspect()} shows (50). */
    public static int inspectMaxBytes() {
        return inspectMaxBytes;
    }

    /** Sets {@code buffer.INSPECT_MAX_BYTES}. */
    public static void inspectMaxBytes(int max) {
        if (max < 0) {
            throw Errors.outOfRange("value", ">= 0", max);
        }
        inspectMaxBytes = max;
    }

    // ------------------------------------------------------------------------------------------
    // Module functions: atob, btoa, isUtf8, isAscii
    // ------------------------------------------------------------------------------------------

    /**
     * {@code buffer.atob(data)}: WHATWG forgiving-base64 decoding to a Latin-1 string. ASCII
     * whitespace (tab, LF, FF, CR, space) is ignored; only the standard alphabet is accepted; at most
     * two {@code =}, only at the end, and only when they complete a group of four. A {@code null}
     * argument is the string {@code "null"}, as JavaScript's template literal makes it.
     *
     * @throws NodeError a {@code DOMException} named {@code InvalidCharacterError} ({@code code} is
     *                   null here; Node's {@code err.code} is the number 5, kept in
     *                   {@code props().get("code")}): {@code Invalid character} or {@code The string to
     *                   be decoded is not correctly encoded.}
     */
    public static String atob(String data) {
        String input = String.valueOf(data);
        int significant = 0;
        int equals = 0;
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            if (c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' ') {
                continue;
            }
            boolean alphabet = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '+' || c == '/';
            if (c == '=') {
                significant++;
                equals++;
                if (equals > 2) {
                    throw invalidCharacter("Invalid character");
                }
            } else if (alphabet) {
                significant++;
                if (equals > 0) {
                    throw invalidCharacter("Invalid character");
                }
            } else {
                throw invalidCharacter("Invalid character");
            }
        }
        int remainder = significant % 4;
        if (remainder == 0) {
            remainder = (significant - equals) % 4;
        } else if (equals > 0) {
            throw invalidCharacter("Invalid character");
        }
        if (remainder == 1) {
            throw invalidCharacter("The string to be decoded is not correctly encoded.");
        }
        return from(input, "base64").toString("latin1");
    }

    /**
     * {@code buffer.btoa(data)}: the base64 of a Latin-1 string; a {@code null} argument is
     * {@code "null"}.
     *
     * @throws NodeError {@code InvalidCharacterError} ({@code Invalid character}) for a character
     *                   above U+00FF
     */
    public static String btoa(String data) {
        String input = String.valueOf(data);
        for (int i = 0; i < input.length(); i++) {
            if (input.charAt(i) > 0xFF) {
                throw invalidCharacter("Invalid character");
            }
        }
        byte[] latin1 = new byte[input.length()];
        Encoding.writeLowBytes(input, latin1, 0, latin1.length);
        return Base64Codec.encode(latin1, 0, latin1.length, false);
    }

    private static NodeError invalidCharacter(String message) {
        return new NodeError("InvalidCharacterError", null, message).withProp("code", 5);
    }

    /** {@code buffer.isUtf8(input)}: whether the bytes are well-formed UTF-8 (no surrogates, no overlongs). */
    public static boolean isUtf8(Buffer input) {
        if (input == null) {
            throw Errors.invalidArgType("input", List.of("ArrayBuffer", "Buffer", "TypedArray"), null);
        }
        if (Utf8.isAscii(input.a, input.off, input.len)) {
            return true;
        }
        try {
            java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(input.a, input.off, input.len));
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }

    /**
     * {@code buffer.transcode(source, fromEnc, toEnc)}: re-encodes the bytes of {@code source} from
     * one character encoding to another, into a new buffer (never pooled). Only ascii, latin1,
     * utf8 and utf16le (with Node's aliases; {@code null} is utf8), with ICU's substitution rules as
     * Node 20 has them (see {@code Transcoder}).
     *
     * @throws NodeError an {@code Error} with {@code code} {@code U_ILLEGAL_ARGUMENT_ERROR} (another
     *                   encoding) or {@code U_INVALID_CHAR_FOUND} (invalid utf8 towards utf16le, a
     *                   lone surrogate towards utf8), message {@code Unable to transcode Buffer [CODE]},
     *                   and the ICU {@code errno} in {@code props()}; {@code ERR_INVALID_ARG_TYPE} for a
     *                   null source
     */
    public static Buffer transcode(Buffer source, String fromEnc, String toEnc) {
        return Transcoder.transcode(source, fromEnc, toEnc);
    }

    /**
     * {@code Buffer.copyBytesFrom(view)}: a copy of the memory of a typed array. {@code view} is a
     * Java primitive array standing for a typed array ({@code byte[]}, {@code short[]},
     * {@code char[]}, {@code int[]}, {@code float[]}, {@code long[]}, {@code double[]}, elements
     * little-endian as on Node's platforms) or a {@link Buffer}. Pooled when small, like
     * {@link #from(byte[])}.
     *
     * @throws NodeError {@code ERR_INVALID_ARG_TYPE} ({@code The "view" argument must be an instance
     *                   of TypedArray. Received ...}) for anything else
     */
    public static Buffer copyBytesFrom(Object view) {
        return copyBytesFrom(view, 0, 0, false, false);
    }

    /** {@code Buffer.copyBytesFrom(view, offset)}: from element {@code offset} to the end. */
    public static Buffer copyBytesFrom(Object view, long offset) {
        return copyBytesFrom(view, offset, 0, true, false);
    }

    /**
     * {@code Buffer.copyBytesFrom(view, offset, length)}: elements {@code [offset, offset + length)},
     * clamped to the view (an offset past the end gives an empty buffer).
     *
     * @throws NodeError {@code ERR_OUT_OF_RANGE} for a negative offset or length
     *                   ({@code It must be >= 0 && <= 9007199254740991})
     */
    public static Buffer copyBytesFrom(Object view, long offset, long length) {
        return copyBytesFrom(view, offset, length, true, true);
    }

    private static Buffer copyBytesFrom(Object view, long offset, long length, boolean offsetGiven, boolean lengthGiven) {
        byte[] bytes = TypedArrayBytes.copyBytes(view, offset, length, offsetGiven, lengthGiven);
        return bytes.length == 0 ? empty() : from(bytes);
    }

    /** Node's {@code buffer.constants}. */
    public static final class Constants {
        /** {@code buffer.constants.MAX_LENGTH}: the largest buffer Node 20 allows (2^32). */
        public static final long MAX_LENGTH = K_MAX_LENGTH;
        /** {@code buffer.constants.MAX_STRING_LENGTH}: V8's longest string (2^29 - 24). */
        public static final int MAX_STRING_LENGTH = K_STRING_MAX_LENGTH;

        private Constants() {
        }
    }

    /** {@code buffer.isAscii(input)}: whether every byte is below 0x80. */
    public static boolean isAscii(Buffer input) {
        if (input == null) {
            throw Errors.invalidArgType("input", List.of("ArrayBuffer", "Buffer", "TypedArray"), null);
        }
        return Utf8.isAscii(input.a, input.off, input.len);
    }

    // ------------------------------------------------------------------------------------------
    // Properties, indexing, Java interop
    // ------------------------------------------------------------------------------------------

    /** {@code buf.length}. */
    public int length() {
        return len;
    }

    /** {@code buf.byteOffset}: where this view starts in {@link #buffer()}. */
    public int byteOffset() {
        return off;
    }

    /** {@code buf.buffer}: the backing store, shared with every view of it (a whole slab when pooled). */
    public ArrayBuffer buffer() {
        return buffer;
    }

    /** {@code buf[index]}: the byte 0..255, or <b>-1 for {@code undefined}</b> (index out of range). */
    public int get(int index) {
        if (index < 0 || index >= len) {
            return -1;
        }
        return a[off + index] & 0xFF;
    }

    /**
     * {@code buf[index] = value}: stores {@code ToUint8(value)} (so 256 stores 0, -1 stores 255, 1.7
     * stores 1, NaN stores 0); out of range it does nothing, as in Node.
     */
    public void set(int index, double value) {
        if (index >= 0 && index < len) {
            a[off + index] = toUint8(value);
        }
    }

    /** {@code buf[index] = value} for an integer: stores {@code value & 255}; nothing out of range. */
    public void set(int index, int value) {
        if (index >= 0 && index < len) {
            a[off + index] = (byte) value;
        }
    }

    private static byte toUint8(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return 0;
        }
        double t = value < 0 ? Math.ceil(value) : Math.floor(value);
        return (byte) (long) (t % 256);
    }

    /** A copy of the bytes. */
    public byte[] toByteArray() {
        return Arrays.copyOfRange(a, off, off + len);
    }

    /** A {@link ByteBuffer} sharing this buffer's memory (position 0, limit {@link #length()}). */
    public ByteBuffer asByteBuffer() {
        return ByteBuffer.wrap(a, off, len).slice();
    }

    /** {@code buf.keys()}: the indexes {@code 0 .. length - 1} as an unmodifiable list. */
    public List<Integer> keys() {
        return new AbstractList<>() {
            @Override
            public Integer get(int index) {
                java.util.Objects.checkIndex(index, len);
                return index;
            }

            @Override
            public int size() {
                return len;
            }
        };
    }

    /**
     * {@code buf.entries()}: {@code [index, byte]} pairs as an unmodifiable list view (reads through to
     * the memory).
     */
    public List<Map.Entry<Integer, Integer>> entries() {
        return new AbstractList<>() {
            @Override
            public Map.Entry<Integer, Integer> get(int index) {
                java.util.Objects.checkIndex(index, len);
                return Map.entry(index, a[off + index] & 0xFF);
            }

            @Override
            public int size() {
                return len;
            }
        };
    }

    /** An {@link java.io.InputStream} over this buffer's bytes (shared memory, no copy). */
    public java.io.InputStream inputStream() {
        return new java.io.ByteArrayInputStream(a, off, len);
    }

    /** Writes this buffer's bytes to {@code out}. */
    public void writeTo(java.io.OutputStream out) throws java.io.IOException {
        out.write(a, off, len);
    }

    /**
     * Reads {@code in} to its end into a new buffer (not pooled); the stream is not closed. For
     * collecting a stream into a {@code Buffer}, as Node code collects {@code 'data'} chunks.
     */
    public static Buffer readAll(java.io.InputStream in) throws java.io.IOException {
        if (in == null) {
            throw Errors.invalidArgType("in", "InputStream", null);
        }
        return wrap(in.readAllBytes());
    }

    /** {@code buf.values()}: the bytes as an unmodifiable list view (reads through to the memory). */
    public List<Integer> values() {
        return new AbstractList<>() {
            @Override
            public Integer get(int index) {
                if (index < 0 || index >= len) {
                    throw new IndexOutOfBoundsException(index);
                }
                return a[off + index] & 0xFF;
            }

            @Override
            public int size() {
                return len;
            }
        };
    }

    // ------------------------------------------------------------------------------------------
    // Strings
    // ------------------------------------------------------------------------------------------

    /** {@code buf.toString()}: the bytes decoded as UTF-8 (invalid input as U+FFFD per maximal subpart). */
    @Override
    public String toString() {
        return Utf8.decode(a, off, len);
    }

    /**
     * {@code buf.toString(encoding)}.
     *
     * @throws NodeError {@code ERR_UNKNOWN_ENCODING}, also for {@code null} and {@code ""} (Node's
     *                   {@code Unknown encoding: null}) unless the buffer is empty
     */
    public String toString(String encoding) {
        return toString(encoding, 0, len, false);
    }

    /** {@code buf.toString(encoding, start)}. */
    public String toString(String encoding, long start) {
        return toString(encoding, start, len, false);
    }

    /**
     * {@code buf.toString(encoding, start, end)}: {@code start} is clamped to 0, {@code end} to the
     * length; an empty range gives {@code ""} before the encoding is even looked at, as in Node.
     */
    public String toString(String encoding, long start, long end) {
        return toString(encoding, start, end, true);
    }

    /** {@code buf.toString(encoding)} with an {@link Encoding}. */
    public String toString(Encoding encoding) {
        return encoding.decode(a, off, len);
    }

    private String toString(String encoding, long start, long end, boolean endGiven) {
        if (start <= 0) {
            start = 0;
        } else if (start >= len) {
            return "";
        }
        if (!endGiven || end > len) {
            end = len;
        }
        if (end <= start) {
            return "";
        }
        Encoding e = Encoding.lookup(encoding);
        if (e == null) {
            throw Errors.unknownEncoding(encoding);
        }
        int n = (int) (end - start);
        if (n > K_STRING_MAX_LENGTH && (e != Encoding.UTF16LE || n / 2 > K_STRING_MAX_LENGTH)) {
            throw BufferErrors.stringTooLong();
        }
        return e.decode(a, off + (int) start, n);
    }

    /** {@code buf.write(string)}: UTF-8 from offset 0, whole characters only; returns bytes written. */
    public int write(String string) {
        return doWrite(string, 0, len, null);
    }

    /**
     * {@code buf.write(string, encoding)}. A {@code null} encoding is, as in Node, an offset that is
     * not a number: {@code ERR_INVALID_ARG_TYPE} ({@code The "offset" argument must be of type number.
     * Received null}); {@code ""} is utf8.
     */
    public int write(String string, String encoding) {
        if (encoding == null) {
            throw Errors.invalidArgType("offset", "number", null);
        }
        return doWrite(string, 0, len, encoding);
    }

    /** {@code buf.write(string, offset)}. */
    public int write(String string, long offset) {
        int o = (int) validateOffset(offset, "offset", len);
        return doWrite(string, o, len - o, null);
    }

    /** {@code buf.write(string, offset, encoding)}; a {@code null} encoding is a bad {@code length}, as in Node. */
    public int write(String string, long offset, String encoding) {
        int o = (int) validateOffset(offset, "offset", len);
        if (encoding == null) {
            throw Errors.invalidArgType("length", "number", null);
        }
        return doWrite(string, o, len - o, encoding);
    }

    /** {@code buf.write(string, offset, length)}. */
    public int write(String string, long offset, long length) {
        return write(string, offset, length, null);
    }

    /**
     * {@code buf.write(string, offset, length, encoding)}: writes at most {@code length} bytes (and no
     * more than fit) of {@code string} encoded, never a partial character (utf8, utf16le); returns the
     * number of bytes written. A {@code null} or empty encoding is utf8.
     *
     * @throws NodeError {@code ERR_OUT_OF_RANGE} ({@code It must be >= 0 && <= 6}) for {@code offset}
     *                   or {@code length}; {@code ERR_UNKNOWN_ENCODING}; nothing is written then
     */
    public int write(String string, long offset, long length, String encoding) {
        int o = (int) validateOffset(offset, "offset", len);
        int l = (int) validateOffset(length, "length", len);
        return doWrite(string, o, Math.min(l, len - o), encoding);
    }

    private int doWrite(String string, int offset, int length, String encoding) {
        Encoding e = encoding == null || encoding.isEmpty() ? Encoding.UTF8 : Encoding.lookup(encoding);
        if (e == null) {
            throw Errors.unknownEncoding(encoding);
        }
        if (string == null) {
            throw new NodeError("TypeError", "ERR_INVALID_ARG_TYPE", "argument must be a string");
        }
        return e.write(string, a, off + offset, length);
    }

    /** Node's {@code validateOffset(value, name, 0, max)}: {@code It must be >= 0 && <= max}. */
    private static long validateOffset(long value, String name, long max) {
        if (value < 0 || value > max) {
            throw BufferErrors.offsetRange(name, 0, max, value);
        }
        return value;
    }

    // ------------------------------------------------------------------------------------------
    // fill
    // ------------------------------------------------------------------------------------------

    /** {@code buf.fill(value)}: every byte {@code ToUint8(value)}. Returns this buffer. */
    public Buffer fill(double value) {
        Arrays.fill(a, off, off + len, toUint8(value));
        return this;
    }

    /** {@code buf.fill(value, offset)}. */
    public Buffer fill(double value, long offset) {
        long o = validateOffset(offset, "offset", K_MAX_LENGTH);
        if (o < len) {
            Arrays.fill(a, off + (int) o, off + len, toUint8(value));
        }
        return this;
    }

    /**
     * {@code buf.fill(value, offset, end)}: {@code offset >= end} fills nothing.
     *
     * @throws NodeError {@code ERR_OUT_OF_RANGE} for {@code offset} ({@code >= 0 && <= 4294967296}) or
     *                   {@code end} ({@code >= 0 && <= length})
     */
    public Buffer fill(double value, long offset, long end) {
        validateOffset(offset, "offset", K_MAX_LENGTH);
        int e = (int) validateOffset(end, "end", len);
        if (offset < e) {
            Arrays.fill(a, off + (int) offset, off + e, toUint8(value));
        }
        return this;
    }

    /** {@code buf.fill(string)}: the UTF-8 bytes repeated ({@code ""} fills zeros). */
    public Buffer fill(String value) {
        return fillString(value, Encoding.UTF8, null, 0, len);
    }

    /**
     * {@code buf.fill(string, encoding)}. A {@code null} encoding is, as in Node, a bad offset
     * ({@code ERR_INVALID_ARG_TYPE}); {@code ""} is utf8.
     *
     * @throws NodeError {@code ERR_UNKNOWN_ENCODING}; {@code ERR_INVALID_ARG_VALUE} when the string
     *                   encodes to no bytes
     */
    public Buffer fill(String value, String encoding) {
        if (encoding == null) {
            resolveFillEncoding(value, null);
            throw Errors.invalidArgType("offset", "number", null);
        }
        if (len == 0) {
            resolveFillEncoding(value, encoding); // Node returns (offset 0 >= end 0) once the encoding is known
            return this;
        }
        return fillString(value, null, encoding, 0, len);
    }

    /** {@code buf.fill(string, offset)}. */
    public Buffer fill(String value, long offset) {
        return fillString(value, offset, len, false, null);
    }

    /** {@code buf.fill(string, offset, encoding)}; a {@code null} encoding is a bad {@code end}, as in Node. */
    public Buffer fill(String value, long offset, String encoding) {
        if (encoding == null) {
            resolveFillEncoding(value, null);
            validateOffset(offset, "offset", K_MAX_LENGTH);
            throw Errors.invalidArgType("end", "number", null);
        }
        return fillString(value, offset, len, false, encoding);
    }

    /** {@code buf.fill(string, offset, end)}. */
    public Buffer fill(String value, long offset, long end) {
        return fillString(value, offset, end, true, null);
    }

    /** {@code buf.fill(string, offset, end, encoding)}; a {@code null} or empty encoding is utf8. */
    public Buffer fill(String value, long offset, long end, String encoding) {
        return fillString(value, offset, end, true, encoding);
    }

    private Buffer fillString(String value, long offset, long end, boolean endGiven, String encoding) {
        Encoding e = resolveFillEncoding(value, encoding);
        validateOffset(offset, "offset", K_MAX_LENGTH);
        int stop = endGiven ? (int) validateOffset(end, "end", len) : len;
        if (offset >= stop) {
            return this;
        }
        return fillString(value, e, encoding, (int) offset, stop);
    }

    private static Encoding resolveFillEncoding(String value, String encoding) {
        if (value == null) {
            throw Errors.invalidArgType("value", List.of("string", "Buffer", "Uint8Array", "number"), null);
        }
        Encoding e = encoding == null || encoding.isEmpty() ? Encoding.UTF8 : Encoding.lookup(encoding);
        if (e == null) {
            throw Errors.unknownEncoding(encoding);
        }
        return e;
    }

    /** Fills {@code [from, to)} (valid, non-empty unless to == from) with the encoded string. */
    private Buffer fillString(String value, Encoding e, String encoding, int from, int to) {
        if (e == null) {
            e = resolveFillEncoding(value, encoding);
        }
        if (value == null) {
            throw Errors.invalidArgType("value", List.of("string", "Buffer", "Uint8Array", "number"), null);
        }
        if (value.isEmpty()) {
            Arrays.fill(a, off + from, off + to, (byte) 0);
            return this;
        }
        if (value.length() == 1) {
            char c = value.charAt(0);
            if ((e == Encoding.UTF8 && c < 0x80) || e == Encoding.LATIN1) {
                Arrays.fill(a, off + from, off + to, (byte) c);
                return this;
            }
        }
        byte[] bytes;
        if (e == Encoding.UTF8) {
            bytes = Utf8.encode(value);
        } else {
            byte[] tmp = new byte[e.byteLength(value)];
            int n = e.write(value, tmp, 0, tmp.length);
            bytes = n == tmp.length ? tmp : Arrays.copyOf(tmp, n);
        }
        if (bytes.length == 0) {
            throw BufferErrors.invalidFillValue(value);
        }
        repeat(bytes, 0, bytes.length, from, to);
        return this;
    }

    private void repeat(byte[] src, int srcOff, int srcLen, int from, int to) {
        int first = Math.min(srcLen, to - from);
        System.arraycopy(src, srcOff, a, off + from, first);
        // Double the filled prefix until the range is full (overlapping-free copies from ourselves).
        int filled = first;
        int total = to - from;
        while (filled < total) {
            int n = Math.min(filled, total - filled);
            System.arraycopy(a, off + from, a, off + from + filled, n);
            filled += n;
        }
    }

    /** {@code buf.fill(buffer)}: its bytes repeated. */
    public Buffer fill(Buffer value) {
        return fillBuffer(value, 0, len, false, false);
    }

    /** {@code buf.fill(buffer, offset)}. */
    public Buffer fill(Buffer value, long offset) {
        return fillBuffer(value, offset, len, true, false);
    }

    /**
     * {@code buf.fill(buffer, offset, end)}.
     *
     * @throws NodeError {@code ERR_INVALID_ARG_VALUE} for an empty {@code value} ({@code Received <Buffer >})
     */
    public Buffer fill(Buffer value, long offset, long end) {
        return fillBuffer(value, offset, end, true, true);
    }

    private Buffer fillBuffer(Buffer value, long offset, long end, boolean offsetGiven, boolean endGiven) {
        if (value == null) {
            throw Errors.invalidArgType("value", List.of("string", "Buffer", "Uint8Array", "number"), null);
        }
        int from = 0;
        int to = len;
        if (offsetGiven) {
            validateOffset(offset, "offset", K_MAX_LENGTH);
            to = endGiven ? (int) validateOffset(end, "end", len) : len;
            if (offset >= to) {
                return this;
            }
            from = (int) offset;
        }
        return fillBytes(value, from, to);
    }

    private Buffer fillBytes(Buffer value, int from, int to) {
        if (value.len == 0) {
            throw BufferErrors.invalidFillValue(value);
        }
        if (to <= from) {
            return this;
        }
        // The value may overlap this buffer: copy it first.
        byte[] src = Arrays.copyOfRange(value.a, value.off, value.off + Math.min(value.len, to - from));
        repeat(src, 0, src.length, from, to);
        return this;
    }

    // ------------------------------------------------------------------------------------------
    // Searching
    // ------------------------------------------------------------------------------------------

    /** {@code buf.indexOf(string)}: the first index of its UTF-8 bytes, or -1. */
    public int indexOf(String value) {
        return searchString(value, null, false, null, true);
    }

    /**
     * {@code buf.indexOf(string, encoding)}. A {@code null} encoding is Node's {@code byteOffset}
     * {@code null}, i.e. 0 in utf8.
     */
    public int indexOf(String value, String encoding) {
        return encoding == null ? searchString(value, 0L, false, null, true)
                : searchString(value, null, true, encoding, true);
    }

    /**
     * {@code buf.indexOf(string, byteOffset)}: a negative offset counts from the end; an offset past
     * the end finds nothing (but an empty string is found at {@code length}).
     */
    public int indexOf(String value, long byteOffset) {
        return searchString(value, byteOffset, false, null, true);
    }

    /**
     * {@code buf.indexOf(string, byteOffset, encoding)}.
     *
     * @throws NodeError {@code ERR_UNKNOWN_ENCODING} (also for {@code null}: {@code Unknown encoding: null})
     */
    public int indexOf(String value, long byteOffset, String encoding) {
        return searchString(value, byteOffset, true, encoding, true);
    }

    /** {@code buf.indexOf(bytes)}. */
    public int indexOf(Buffer value) {
        return searchBuffer(value, null, null, true);
    }

    /** {@code buf.indexOf(bytes, byteOffset)}. */
    public int indexOf(Buffer value, long byteOffset) {
        return searchBuffer(value, byteOffset, null, true);
    }

    /** {@code buf.indexOf(bytes, byteOffset, encoding)}: only utf16le changes anything (2-byte units). */
    public int indexOf(Buffer value, long byteOffset, String encoding) {
        return searchBuffer(value, byteOffset, encoding, true);
    }

    /** {@code buf.indexOf(number)}: the first byte equal to {@code value & 255}, or -1. */
    public int indexOf(long value) {
        return searchNumber(value, null, true);
    }

    /** {@code buf.indexOf(number, byteOffset)}. */
    public int indexOf(long value, long byteOffset) {
        return searchNumber(value, byteOffset, true);
    }

    /** {@code buf.indexOf(number, encoding)}: the encoding is ignored for numbers, as in Node. */
    public int indexOf(long value, String encoding) {
        return searchNumber(value, null, true);
    }

    /** {@code buf.indexOf(number, byteOffset, encoding)}: the encoding is ignored for numbers. */
    public int indexOf(long value, long byteOffset, String encoding) {
        return searchNumber(value, byteOffset, true);
    }

    /** {@code buf.indexOf(bytes, encoding)}: as {@link #indexOf(Buffer, long, String)} from offset 0. */
    public int indexOf(Buffer value, String encoding) {
        return searchBuffer(value, null, encoding, true);
    }

    /** {@code buf.lastIndexOf(string)}. */
    public int lastIndexOf(String value) {
        return searchString(value, null, false, null, false);
    }

    /** {@code buf.lastIndexOf(string, encoding)}; a {@code null} encoding is byteOffset 0 (Node's {@code +null}). */
    public int lastIndexOf(String value, String encoding) {
        return encoding == null ? searchString(value, 0L, false, null, false)
                : searchString(value, null, true, encoding, false);
    }

    /** {@code buf.lastIndexOf(string, byteOffset)}: the last match starting at or before {@code byteOffset}. */
    public int lastIndexOf(String value, long byteOffset) {
        return searchString(value, byteOffset, false, null, false);
    }

    /** {@code buf.lastIndexOf(string, byteOffset, encoding)}. */
    public int lastIndexOf(String value, long byteOffset, String encoding) {
        return searchString(value, byteOffset, true, encoding, false);
    }

    /** {@code buf.lastIndexOf(bytes)}. */
    public int lastIndexOf(Buffer value) {
        return searchBuffer(value, null, null, false);
    }

    /** {@code buf.lastIndexOf(bytes, byteOffset)}. */
    public int lastIndexOf(Buffer value, long byteOffset) {
        return searchBuffer(value, byteOffset, null, false);
    }

    /** {@code buf.lastIndexOf(bytes, byteOffset, encoding)}. */
    public int lastIndexOf(Buffer value, long byteOffset, String encoding) {
        return searchBuffer(value, byteOffset, encoding, false);
    }

    /** {@code buf.lastIndexOf(number)}. */
    public int lastIndexOf(long value) {
        return searchNumber(value, null, false);
    }

    /** {@code buf.lastIndexOf(number, byteOffset)}. */
    public int lastIndexOf(long value, long byteOffset) {
        return searchNumber(value, byteOffset, false);
    }

    /**
     * {@code buf.lastIndexOf(number, encoding)}: the encoding is ignored for numbers; a {@code null}
     * encoding is Node's {@code byteOffset} {@code null}, i.e. 0.
     */
    public int lastIndexOf(long value, String encoding) {
        return searchNumber(value, encoding == null ? 0L : null, false);
    }

    /** {@code buf.lastIndexOf(number, byteOffset, encoding)}: the encoding is ignored for numbers. */
    public int lastIndexOf(long value, long byteOffset, String encoding) {
        return searchNumber(value, byteOffset, false);
    }

    /** {@code buf.lastIndexOf(bytes, encoding)}; a {@code null} encoding is {@code byteOffset} 0 (Node's {@code +null}). */
    public int lastIndexOf(Buffer value, String encoding) {
        return searchBuffer(value, encoding == null ? 0L : null, encoding, false);
    }

    /** {@code buf.includes(string)}. */
    public boolean includes(String value) {
        return indexOf(value) != -1;
    }

    /** {@code buf.includes(string, encoding)}. */
    public boolean includes(String value, String encoding) {
        return indexOf(value, encoding) != -1;
    }

    /** {@code buf.includes(string, byteOffset)}. */
    public boolean includes(String value, long byteOffset) {
        return indexOf(value, byteOffset) != -1;
    }

    /** {@code buf.includes(string, byteOffset, encoding)}. */
    public boolean includes(String value, long byteOffset, String encoding) {
        return indexOf(value, byteOffset, encoding) != -1;
    }

    /** {@code buf.includes(bytes)}. */
    public boolean includes(Buffer value) {
        return indexOf(value) != -1;
    }

    /** {@code buf.includes(bytes, byteOffset)}. */
    public boolean includes(Buffer value, long byteOffset) {
        return indexOf(value, byteOffset) != -1;
    }

    /** {@code buf.includes(bytes, encoding)}. */
    public boolean includes(Buffer value, String encoding) {
        return indexOf(value, encoding) != -1;
    }

    /** {@code buf.includes(bytes, byteOffset, encoding)}. */
    public boolean includes(Buffer value, long byteOffset, String encoding) {
        return indexOf(value, byteOffset, encoding) != -1;
    }

    /** {@code buf.includes(number, encoding)}. */
    public boolean includes(long value, String encoding) {
        return indexOf(value, encoding) != -1;
    }

    /** {@code buf.includes(number, byteOffset, encoding)}. */
    public boolean includes(long value, long byteOffset, String encoding) {
        return indexOf(value, byteOffset, encoding) != -1;
    }

    /** {@code buf.includes(number)}. */
    public boolean includes(long value) {
        return indexOf(value) != -1;
    }

    /** {@code buf.includes(number, byteOffset)}. */
    public boolean includes(long value, long byteOffset) {
        return indexOf(value, byteOffset) != -1;
    }

    /** Node's byteOffset coercion: clamped to int32; absent is 0 forwards and length backwards. */
    private long normalizeSearchOffset(Long byteOffset, boolean forward) {
        if (byteOffset == null) {
            return forward ? 0 : len;
        }
        return Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, byteOffset));
    }

    /** Node's {@code IndexOfOffset}: where the search starts, or -1 when nothing can match. */
    private static long indexOfOffset(long length, long offset, long needleLength, boolean forward) {
        if (offset < 0) {
            if (offset + length >= 0) {
                return length + offset;
            }
            if (forward || needleLength == 0) {
                return 0;
            }
            return -1;
        }
        if (offset + needleLength <= length) {
            return offset;
        }
        if (needleLength == 0) {
            return length;
        }
        if (forward) {
            return -1;
        }
        return length - 1;
    }

    private int searchNumber(long value, Long byteOffset, boolean forward) {
        long start = indexOfOffset(len, normalizeSearchOffset(byteOffset, forward), 1, forward);
        if (start <= -1 || len == 0) {
            return -1;
        }
        byte b = (byte) value;
        if (forward) {
            int i = Utf8.indexOfByte(a, off + (int) start, off + len, b);
            return i < 0 ? -1 : i - off;
        } else {
            for (int i = (int) start; i >= 0; i--) {
                if (a[off + i] == b) {
                    return i;
                }
            }
        }
        return -1;
    }

    private int searchString(String value, Long byteOffset, boolean encodingGiven, String encoding, boolean forward) {
        if (value == null) {
            throw Errors.invalidArgType("value", List.of("number", "string", "Buffer", "Uint8Array"), null);
        }
        long offset = normalizeSearchOffset(byteOffset, forward);
        Encoding e = Encoding.UTF8;
        if (encodingGiven) {
            e = Encoding.lookup(encoding);
            if (e == null) {
                throw Errors.unknownEncoding(encoding);
            }
        }
        switch (e) {
            case UTF8: {
                byte[] needle = Utf8.encodeGeneralized(value); // lone surrogates as ED xx xx, as V8 gives them
                return searchBytes(needle, 0, needle.length, offset, false, forward, false);
            }
            case UTF16LE: {
                byte[] needle = new byte[value.length() * 2];
                Encoding.UTF16LE.write(value, needle, 0, needle.length);
                return searchBytes(needle, 0, needle.length, offset, true, forward, false);
            }
            case LATIN1: {
                byte[] needle = new byte[value.length()];
                Encoding.writeLowBytes(value, needle, 0, needle.length);
                return searchBytes(needle, 0, needle.length, offset, false, forward, false);
            }
            default: {
                // Node decodes these through a (pooled) Buffer first.
                Buffer needle = fromStringFast(value, e);
                return searchBytes(needle.a, needle.off, needle.len, offset, false, forward, true);
            }
        }
    }

    private int searchBuffer(Buffer value, Long byteOffset, String encoding, boolean forward) {
        if (value == null) {
            throw Errors.invalidArgType("value", List.of("number", "string", "Buffer", "Uint8Array"), null);
        }
        long offset = normalizeSearchOffset(byteOffset, forward);
        boolean ucs2 = encoding != null && Encoding.lookup(encoding) == Encoding.UTF16LE;
        return searchBytes(value.a, value.off, value.len, offset, ucs2, forward, true);
    }

    /**
     * Node's native {@code IndexOfString}/{@code IndexOfBuffer}. {@code ucs2} searches 2-byte units
     * aligned to the start of the buffer. {@code bufferPath} reproduces a quirk of Node's buffer search:
     * in ucs2 a miss in an odd-length buffer reports {@code length - 1} instead of -1.
     */
    private int searchBytes(byte[] n, int no, int nl, long byteOffset, boolean ucs2, boolean forward, boolean bufferPath) {
        // Node's string search in ucs2 rounds the haystack down to whole units first; its buffer search does not.
        int hl = ucs2 && !bufferPath ? len & ~1 : len;
        long start = indexOfOffset(hl, byteOffset, nl, forward);
        if (nl == 0) {
            return (int) start;
        }
        if (hl == 0 || start <= -1) {
            return -1;
        }
        if ((forward && nl + start > hl) || nl > hl) {
            return -1;
        }
        if (ucs2) {
            if (len < 2 || nl < 2) {
                return -1;
            }
            int units = len / 2;
            int needleUnits = nl / 2;
            int from = (int) (start / 2);
            int found = forward ? forwardUnits(n, no, needleUnits, units, from) : backwardUnits(n, no, needleUnits, units, from);
            if (found < 0) {
                return bufferPath && units * 2 != len ? units * 2 : -1;
            }
            return found * 2;
        }
        return forward ? forwardBytes(n, no, nl, (int) start) : backwardBytes(n, no, nl, (int) start);
    }

    private int forwardBytes(byte[] n, int no, int nl, int from) {
        int i = ByteSearch.indexOf(a, off + from, off + len, n, no, nl);
        return i < 0 ? -1 : i - off;
    }

    private int backwardBytes(byte[] n, int no, int nl, int from) {
        int i = Math.min(from, len - nl);
        byte first = n[no];
        for (; i >= 0; i--) {
            if (a[off + i] == first && Arrays.equals(a, off + i, off + i + nl, n, no, no + nl)) {
                return i;
            }
        }
        return -1;
    }

    private int forwardUnits(byte[] n, int no, int nu, int units, int from) {
        for (int u = from; u + nu <= units; u++) {
            if (Arrays.equals(a, off + 2 * u, off + 2 * (u + nu), n, no, no + 2 * nu)) {
                return u;
            }
        }
        return -1;
    }

    private int backwardUnits(byte[] n, int no, int nu, int units, int from) {
        for (int u = Math.min(from, units - nu); u >= 0; u--) {
            if (Arrays.equals(a, off + 2 * u, off + 2 * (u + nu), n, no, no + 2 * nu)) {
                return u;
            }
        }
        return -1;
    }

    // ------------------------------------------------------------------------------------------
    // Comparing and copying
    // ------------------------------------------------------------------------------------------

    /**
     * Node's {@code buf.equals(otherBuffer)} where {@code other} is a Buffer: the same bytes. For any
     * other object (including {@code null}) this returns false, keeping Java's {@code equals}
     * contract where Node would throw {@code ERR_INVALID_ARG_TYPE}. Buffers are mutable: do not keep
     * one as a key in a hash map while writing to it.
     */
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof Buffer)) {
            return false;
        }
        Buffer b = (Buffer) other;
        return len == b.len && Arrays.equals(a, off, off + len, b.a, b.off, b.off + b.len);
    }

    /** A hash of the current bytes (consistent with {@link #equals}). */
    @Override
    public int hashCode() {
        int h = 1;
        for (int i = off, end = off + len; i < end; i++) {
            h = 31 * h + a[i];
        }
        return h;
    }

    /** {@code buf.compare(target)}: -1, 0 or 1. */
    public int compare(Buffer target) {
        if (target == null) {
            throw BufferErrors.bufferArgType("target", null);
        }
        return compareRanges(a, off, len, target.a, target.off, target.len);
    }

    /** {@link Comparable}: the same order as {@link #compare(Buffer)} (unsigned bytes, then length). */
    @Override
    public int compareTo(Buffer other) {
        return compare(other);
    }

    /** {@code buf.compare(target, targetStart)}. */
    public int compare(Buffer target, long targetStart) {
        return compare(target, targetStart, null, null, null);
    }

    /** {@code buf.compare(target, targetStart, targetEnd)}. */
    public int compare(Buffer target, long targetStart, long targetEnd) {
        return compare(target, targetStart, targetEnd, null, null);
    }

    /** {@code buf.compare(target, targetStart, targetEnd, sourceStart)}. */
    public int compare(Buffer target, long targetStart, long targetEnd, long sourceStart) {
        return compare(target, targetStart, targetEnd, sourceStart, null);
    }

    /**
     * {@code buf.compare(target, targetStart, targetEnd, sourceStart, sourceEnd)}: compares
     * {@code this[sourceStart, sourceEnd)} with {@code target[targetStart, targetEnd)}.
     *
     * @throws NodeError {@code ERR_OUT_OF_RANGE}: starts must be {@code >= 0 && <= 4294967296}, ends
     *                   {@code >= 0 && <=} their buffer's length
     */
    public int compare(Buffer target, long targetStart, long targetEnd, long sourceStart, long sourceEnd) {
        return compare(target, targetStart, (Long) targetEnd, (Long) sourceStart, (Long) sourceEnd);
    }

    private int compare(Buffer target, long targetStart, Long targetEnd, Long sourceStart, Long sourceEnd) {
        if (target == null) {
            throw BufferErrors.bufferArgType("target", null);
        }
        long ts = validateOffset(targetStart, "targetStart", K_MAX_LENGTH);
        long te = targetEnd == null ? target.len : validateOffset(targetEnd, "targetEnd", target.len);
        long ss = sourceStart == null ? 0 : validateOffset(sourceStart, "sourceStart", K_MAX_LENGTH);
        long se = sourceEnd == null ? len : validateOffset(sourceEnd, "sourceEnd", len);
        if (ss >= se) {
            return ts >= te ? 0 : -1;
        }
        if (ts >= te) {
            return 1;
        }
        // ss < se <= len and ts < te <= target.len
        return compareRanges(a, off + (int) ss, (int) (se - ss), target.a, target.off + (int) ts, (int) (te - ts));
    }

    /** {@code buf.copy(target)}: copies as much as fits; returns the number of bytes copied. */
    public int copy(Buffer target) {
        return copy(target, 0L, null, null);
    }

    /** {@code buf.copy(target, targetStart)}. */
    public int copy(Buffer target, long targetStart) {
        return copy(target, targetStart, null, null);
    }

    /** {@code buf.copy(target, targetStart, sourceStart)}. */
    public int copy(Buffer target, long targetStart, long sourceStart) {
        return copy(target, targetStart, sourceStart, null);
    }

    /**
     * {@code buf.copy(target, targetStart, sourceStart, sourceEnd)}: copies
     * {@code this[sourceStart, sourceEnd)} to {@code target[targetStart...]}, as much as fits
     * (overlapping ranges of one store are handled like {@code memmove}); returns bytes copied.
     *
     * @throws NodeError {@code ERR_OUT_OF_RANGE}: {@code targetStart} and {@code sourceEnd} must be
     *                   {@code >= 0}, {@code sourceStart} {@code >= 0 && <= length}
     */
    public int copy(Buffer target, long targetStart, long sourceStart, long sourceEnd) {
        return copy(target, targetStart, (Long) sourceStart, (Long) sourceEnd);
    }

    private int copy(Buffer target, long targetStart, Long sourceStart, Long sourceEnd) {
        if (target == null) {
            throw BufferErrors.bufferArgType("target", null);
        }
        if (targetStart < 0) {
            throw Errors.outOfRange("targetStart", ">= 0", targetStart);
        }
        long ss = 0;
        if (sourceStart != null) {
            ss = sourceStart;
            if (ss < 0 || ss > len) {
                throw BufferErrors.offsetRange("sourceStart", 0, len, ss);
            }
        }
        long se = len;
        if (sourceEnd != null) {
            se = sourceEnd;
            if (se < 0) {
                throw Errors.outOfRange("sourceEnd", ">= 0", se);
            }
        }
        if (targetStart >= target.len || ss >= se) {
            return 0;
        }
        long n = Math.min(Math.min(se - ss, target.len - targetStart), len - ss);
        System.arraycopy(a, off + (int) ss, target.a, target.off + (int) targetStart, (int) n);
        return (int) n;
    }

    /**
     * {@code buf.subarray(start)}: the view from {@code start} (negative counts from the end) to the
     * end, sharing memory.
     */
    public Buffer subarray(long start) {
        return subarray(start, len);
    }

    /** {@code buf.subarray()}: a new view of the same bytes. */
    public Buffer subarray() {
        return subarray(0, len);
    }

    /**
     * {@code buf.subarray(start, end)}: the view {@code [start, end)}, sharing memory; negative
     * indexes count from the end, both are clamped to {@code [0, length]}, and {@code end <= start}
     * is an empty view (still over the same store, at {@code byteOffset() + start}).
     *
     * <pre>
     *  buf        [h e l l o]        subarray(1, -1)  ->  [e l l]  (byteOffset()+1, same buffer())
     * </pre>
     */
    public Buffer subarray(long start, long end) {
        int s = adjust(start);
        int e = adjust(end);
        return new Buffer(buffer, off + s, Math.max(0, e - s));
    }

    /** {@code buf.slice()}: same as {@link #subarray()} (shares memory, unlike {@code TypedArray.slice}). */
    public Buffer slice() {
        return subarray();
    }

    /** {@code buf.slice(start)}: same as {@link #subarray(long)}. */
    public Buffer slice(long start) {
        return subarray(start);
    }

    /** {@code buf.slice(start, end)}: same as {@link #subarray(long, long)} — shares memory. */
    public Buffer slice(long start, long end) {
        return subarray(start, end);
    }

    private int adjust(long index) {
        if (index < 0) {
            index += len;
            return index > 0 ? (int) index : 0;
        }
        return index < len ? (int) index : len;
    }

    // ------------------------------------------------------------------------------------------
    // Byte order
    // ------------------------------------------------------------------------------------------

    /**
     * {@code buf.swap16()}: swaps each pair of bytes in place; returns this buffer.
     *
     * @throws NodeError {@code ERR_INVALID_BUFFER_SIZE} ({@code Buffer size must be a multiple of 16-bits})
     */
    public Buffer swap16() {
        if ((len & 1) != 0) {
            throw BufferErrors.invalidBufferSize(16);
        }
        for (int i = off, end = off + len; i < end; i += 2) {
            byte t = a[i];
            a[i] = a[i + 1];
            a[i + 1] = t;
        }
        return this;
    }

    /** {@code buf.swap32()}: reverses each group of four bytes in place. */
    public Buffer swap32() {
        if ((len & 3) != 0) {
            throw BufferErrors.invalidBufferSize(32);
        }
        for (int i = off, end = off + len; i < end; i += 4) {
            reverse(i, 4);
        }
        return this;
    }

    /** {@code buf.swap64()}: reverses each group of eight bytes in place. */
    public Buffer swap64() {
        if ((len & 7) != 0) {
            throw BufferErrors.invalidBufferSize(64);
        }
        for (int i = off, end = off + len; i < end; i += 8) {
            reverse(i, 8);
        }
        return this;
    }

    private void reverse(int from, int n) {
        for (int i = from, j = from + n - 1; i < j; i++, j--) {
            byte t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    // ------------------------------------------------------------------------------------------
    // JSON and inspect
    // ------------------------------------------------------------------------------------------

    /** {@code buf.toJSON()}: {@code {type: 'Buffer', data: [bytes...]}} as an ordered map. */
    public Map<String, Object> toJSON() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", "Buffer");
        Integer[] data = new Integer[len];
        for (int i = 0; i < len; i++) {
            data[i] = a[off + i] & 0xFF;
        }
        json.put("data", List.of(data));
        return json;
    }

    /**
     * {@code util.inspect(buf)}: {@code <Buffer 68 65 6c 6c 6f>}, at most {@link #inspectMaxBytes()}
     * bytes then {@code ... 10 more bytes}; {@code <Buffer >} when empty. Error messages show a
     * Buffer so, through {@link dev.nodeshim.errors.Inspect}.
     */
    @Override
    public String inspect() {
        int max = inspectMaxBytes;
        int shown = Math.min(max, len);
        StringBuilder out = new StringBuilder(9 + shown * 3 + 24).append("<Buffer");
        final String digits = "0123456789abcdef";
        for (int i = 0; i < shown; i++) {
            int b = a[off + i] & 0xFF;
            out.append(' ').append(digits.charAt(b >> 4)).append(digits.charAt(b & 15));
        }
        if (len > max) {
            int more = len - max;
            out.append(" ... ").append(more).append(more == 1 ? " more byte" : " more bytes");
        }
        if (shown == 0 && len <= max) {
            out.append(' ');
        }
        return out.append('>').toString();
    }

    // ------------------------------------------------------------------------------------------
    // Numbers: bounds and value checks
    // ------------------------------------------------------------------------------------------

    /** The index of a valid {@code n}-byte access at {@code offset}, or Node's bounds error. */
    private int at(long offset, int n) {
        if (offset < 0 || offset > len - n) {
            throw boundsError(offset, (long) len - n);
        }
        return off + (int) offset;
    }

    private static NodeError boundsError(long value, long max) {
        if (max < 0) {
            return BufferErrors.bufferOutOfBounds(null);
        }
        return Errors.outOfRange("offset", ">= 0 and <= " + max, value);
    }

    private static void checkByteLength(long byteLength) {
        if (byteLength < 1 || byteLength > 6) {
            throw Errors.outOfRange("byteLength", ">= 1 and <= 6", byteLength);
        }
    }

    /** Node's {@code checkInt} value part (messages by width), for 1..6 bytes. */
    private static void checkInt(double value, long min, long max, int bytes) {
        if (value > max || value < min) {
            String range;
            if (bytes > 4) {
                int bits = bytes * 8;
                range = min == 0 ? ">= 0 and < 2 ** " + bits
                        : ">= -(2 ** " + (bits - 1) + ") and < 2 ** " + (bits - 1);
            } else {
                range = ">= " + min + " and <= " + max;
            }
            throw Errors.outOfRange("value", range, value);
        }
    }

    /** {@code ToUint32} of a number in range (truncation toward zero, NaN is 0). */
    private static long low32(double value) {
        return ((long) value) & 0xFFFFFFFFL;
    }

    // ------------------------------------------------------------------------------------------
    // Reads
    // ------------------------------------------------------------------------------------------

    private int u8(int i) {
        return a[i] & 0xFF;
    }

    private long le(int i, int n) {
        long v = 0;
        for (int k = n - 1; k >= 0; k--) {
            v = v << 8 | (a[i + k] & 0xFF);
        }
        return v;
    }

    private long be(int i, int n) {
        long v = 0;
        for (int k = 0; k < n; k++) {
            v = v << 8 | (a[i + k] & 0xFF);
        }
        return v;
    }

    /**
     * {@code buf.readUInt8([offset])}: the byte at {@code offset} (default 0).
     *
     * @throws NodeError {@code ERR_OUT_OF_RANGE} ({@code It must be >= 0 and <= length - 1}) or
     *                   {@code ERR_BUFFER_OUT_OF_BOUNDS} when the buffer is too short for any offset
     */
    public int readUInt8(long offset) {
        return u8(at(offset, 1));
    }

    public int readUInt8() {
        return readUInt8(0);
    }

    public int readUint8(long offset) {
        return readUInt8(offset);
    }

    public int readUint8() {
        return readUInt8(0);
    }

    public int readInt8(long offset) {
        return a[at(offset, 1)];
    }

    public int readInt8() {
        return readInt8(0);
    }

    public int readUInt16LE(long offset) {
        return (int) le(at(offset, 2), 2);
    }

    public int readUInt16LE() {
        return readUInt16LE(0);
    }

    public int readUint16LE(long offset) {
        return readUInt16LE(offset);
    }

    public int readUint16LE() {
        return readUInt16LE(0);
    }

    public int readUInt16BE(long offset) {
        return (int) be(at(offset, 2), 2);
    }

    public int readUInt16BE() {
        return readUInt16BE(0);
    }

    public int readUint16BE(long offset) {
        return readUInt16BE(offset);
    }

    public int readUint16BE() {
        return readUInt16BE(0);
    }

    public int readInt16LE(long offset) {
        return (short) le(at(offset, 2), 2);
    }

    public int readInt16LE() {
        return readInt16LE(0);
    }

    public int readInt16BE(long offset) {
        return (short) be(at(offset, 2), 2);
    }

    public int readInt16BE() {
        return readInt16BE(0);
    }

    /** {@code buf.readUInt32LE([offset])}: 0 .. 2^32-1. */
    public long readUInt32LE(long offset) {
        int i = at(offset, 4);
        return (a[i] & 0xFF) | (a[i + 1] & 0xFF) << 8 | (a[i + 2] & 0xFF) << 16 | ((long) (a[i + 3] & 0xFF)) << 24;
    }

    public long readUInt32LE() {
        return readUInt32LE(0);
    }

    public long readUint32LE(long offset) {
        return readUInt32LE(offset);
    }

    public long readUint32LE() {
        return readUInt32LE(0);
    }

    public long readUInt32BE(long offset) {
        return be(at(offset, 4), 4);
    }

    public long readUInt32BE() {
        return readUInt32BE(0);
    }

    public long readUint32BE(long offset) {
        return readUInt32BE(offset);
    }

    public long readUint32BE() {
        return readUInt32BE(0);
    }

    public int readInt32LE(long offset) {
        return (int) le(at(offset, 4), 4);
    }

    public int readInt32LE() {
        return readInt32LE(0);
    }

    public int readInt32BE(long offset) {
        return (int) be(at(offset, 4), 4);
    }

    public int readInt32BE() {
        return readInt32BE(0);
    }

    /**
     * {@code buf.readUIntLE(offset, byteLength)}: an unsigned integer of 1 to 6 bytes.
     *
     * @throws NodeError {@code ERR_OUT_OF_RANGE} for {@code byteLength} ({@code >= 1 and <= 6}, checked
     *                   first) or {@code offset}; {@code ERR_BUFFER_OUT_OF_BOUNDS}
     */
    public long readUIntLE(long offset, long byteLength) {
        checkByteLength(byteLength);
        int n = (int) byteLength;
        return le(at(offset, n), n);
    }

    public long readUintLE(long offset, long byteLength) {
        return readUIntLE(offset, byteLength);
    }

    public long readUIntBE(long offset, long byteLength) {
        checkByteLength(byteLength);
        int n = (int) byteLength;
        return be(at(offset, n), n);
    }

    public long readUintBE(long offset, long byteLength) {
        return readUIntBE(offset, byteLength);
    }

    /** {@code buf.readIntLE(offset, byteLength)}: a two's complement integer of 1 to 6 bytes. */
    public long readIntLE(long offset, long byteLength) {
        checkByteLength(byteLength);
        int n = (int) byteLength;
        long v = le(at(offset, n), n);
        int shift = 64 - 8 * n;
        return v << shift >> shift;
    }

    public long readIntBE(long offset, long byteLength) {
        checkByteLength(byteLength);
        int n = (int) byteLength;
        long v = be(at(offset, n), n);
        int shift = 64 - 8 * n;
        return v << shift >> shift;
    }

    /** {@code buf.readBigUInt64LE([offset])}: 0 .. 2^64-1 as a {@link BigInteger} (Node's bigint). */
    public BigInteger readBigUInt64LE(long offset) {
        return unsigned64(le(at(offset, 8), 8));
    }

    public BigInteger readBigUInt64LE() {
        return readBigUInt64LE(0);
    }

    public BigInteger readBigUint64LE(long offset) {
        return readBigUInt64LE(offset);
    }

    public BigInteger readBigUint64LE() {
        return readBigUInt64LE(0);
    }

    public BigInteger readBigUInt64BE(long offset) {
        return unsigned64(be(at(offset, 8), 8));
    }

    public BigInteger readBigUInt64BE() {
        return readBigUInt64BE(0);
    }

    public BigInteger readBigUint64BE(long offset) {
        return readBigUInt64BE(offset);
    }

    public BigInteger readBigUint64BE() {
        return readBigUInt64BE(0);
    }

    public BigInteger readBigInt64LE(long offset) {
        return BigInteger.valueOf(le(at(offset, 8), 8));
    }

    public BigInteger readBigInt64LE() {
        return readBigInt64LE(0);
    }

    public BigInteger readBigInt64BE(long offset) {
        return BigInteger.valueOf(be(at(offset, 8), 8));
    }

    public BigInteger readBigInt64BE() {
        return readBigInt64BE(0);
    }

    private static BigInteger unsigned64(long v) {
        BigInteger b = BigInteger.valueOf(v);
        return v >= 0 ? b : b.add(BigInteger.ONE.shiftLeft(64));
    }

    public float readFloatLE(long offset) {
        return Float.intBitsToFloat((int) le(at(offset, 4), 4));
    }

    public float readFloatLE() {
        return readFloatLE(0);
    }

    public float readFloatBE(long offset) {
        return Float.intBitsToFloat((int) be(at(offset, 4), 4));
    }

    public float readFloatBE() {
        return readFloatBE(0);
    }

    public double readDoubleLE(long offset) {
        return Double.longBitsToDouble(le(at(offset, 8), 8));
    }

    public double readDoubleLE() {
        return readDoubleLE(0);
    }

    public double readDoubleBE(long offset) {
        return Double.longBitsToDouble(be(at(offset, 8), 8));
    }

    public double readDoubleBE() {
        return readDoubleBE(0);
    }

    // ------------------------------------------------------------------------------------------
    // Writes: value checked first, then the offset; nothing is written when either fails.
    // ------------------------------------------------------------------------------------------

    private void putLE(int i, long v, int n) {
        for (int k = 0; k < n; k++) {
            a[i + k] = (byte) v;
            v >>= 8;
        }
    }

    private void putBE(int i, long v, int n) {
        for (int k = n - 1; k >= 0; k--) {
            a[i + k] = (byte) v;
            v >>= 8;
        }
    }

    /** The bits Node writes for a 1..6-byte integer value (V8 number to bytes, quirks included). */
    private static long intBits(double value, int n) {
        if (n <= 4) {
            return low32(value);
        }
        // Node writes the low 32 bits as ToUint32(value) and the rest as floor(value / 2^32).
        long hi = Double.isNaN(value) ? 0 : (long) Math.floor(value * 0x1p-32);
        return (hi << 32) | low32(value);
    }

    private int writeInt(double value, long offset, int n, long min, long max, boolean littleEndian) {
        checkInt(value, min, max, n);
        int i = at(offset, n);
        long bits = intBits(value, n);
        if (littleEndian) {
            putLE(i, bits, n);
        } else {
            putBE(i, bits, n);
        }
        return (int) offset + n;
    }

    /**
     * {@code buf.writeUInt8(value[, offset])}; returns {@code offset + 1}.
     *
     * @throws NodeError {@code ERR_OUT_OF_RANGE} for {@code value} ({@code >= 0 and <= 255}, checked
     *                   first) or {@code offset}; {@code ERR_BUFFER_OUT_OF_BOUNDS}
     */
    public int writeUInt8(double value, long offset) {
        return writeInt(value, offset, 1, 0, 0xFF, true);
    }

    public int writeUInt8(double value) {
        return writeUInt8(value, 0);
    }

    public int writeUint8(double value, long offset) {
        return writeUInt8(value, offset);
    }

    public int writeUint8(double value) {
        return writeUInt8(value, 0);
    }

    public int writeInt8(double value, long offset) {
        return writeInt(value, offset, 1, -0x80, 0x7F, true);
    }

    public int writeInt8(double value) {
        return writeInt8(value, 0);
    }

    public int writeUInt16LE(double value, long offset) {
        return writeInt(value, offset, 2, 0, 0xFFFF, true);
    }

    public int writeUInt16LE(double value) {
        return writeUInt16LE(value, 0);
    }

    public int writeUint16LE(double value, long offset) {
        return writeUInt16LE(value, offset);
    }

    public int writeUint16LE(double value) {
        return writeUInt16LE(value, 0);
    }

    public int writeUInt16BE(double value, long offset) {
        return writeInt(value, offset, 2, 0, 0xFFFF, false);
    }

    public int writeUInt16BE(double value) {
        return writeUInt16BE(value, 0);
    }

    public int writeUint16BE(double value, long offset) {
        return writeUInt16BE(value, offset);
    }

    public int writeUint16BE(double value) {
        return writeUInt16BE(value, 0);
    }

    public int writeInt16LE(double value, long offset) {
        return writeInt(value, offset, 2, -0x8000, 0x7FFF, true);
    }

    public int writeInt16LE(double value) {
        return writeInt16LE(value, 0);
    }

    public int writeInt16BE(double value, long offset) {
        return writeInt(value, offset, 2, -0x8000, 0x7FFF, false);
    }

    public int writeInt16BE(double value) {
        return writeInt16BE(value, 0);
    }

    public int writeUInt32LE(double value, long offset) {
        return writeInt(value, offset, 4, 0, 0xFFFFFFFFL, true);
    }

    public int writeUInt32LE(double value) {
        return writeUInt32LE(value, 0);
    }

    public int writeUint32LE(double value, long offset) {
        return writeUInt32LE(value, offset);
    }

    public int writeUint32LE(double value) {
        return writeUInt32LE(value, 0);
    }

    public int writeUInt32BE(double value, long offset) {
        return writeInt(value, offset, 4, 0, 0xFFFFFFFFL, false);
    }

    public int writeUInt32BE(double value) {
        return writeUInt32BE(value, 0);
    }

    public int writeUint32BE(double value, long offset) {
        return writeUInt32BE(value, offset);
    }

    public int writeUint32BE(double value) {
        return writeUInt32BE(value, 0);
    }

    public int writeInt32LE(double value, long offset) {
        return writeInt(value, offset, 4, Integer.MIN_VALUE, Integer.MAX_VALUE, true);
    }

    public int writeInt32LE(double value) {
        return writeInt32LE(value, 0);
    }

    public int writeInt32BE(double value, long offset) {
        return writeInt(value, offset, 4, Integer.MIN_VALUE, Integer.MAX_VALUE, false);
    }

    public int writeInt32BE(double value) {
        return writeInt32BE(value, 0);
    }

    /**
     * {@code buf.writeUIntLE(value, offset, byteLength)}: 1 to 6 bytes; {@code byteLength} is checked
     * first, then the value ({@code >= 0 and < 2 ** 48} for 6 bytes), then the offset.
     */
    public int writeUIntLE(double value, long offset, long byteLength) {
        checkByteLength(byteLength);
        int n = (int) byteLength;
        return writeInt(value, offset, n, 0, (1L << (8 * n)) - 1, true);
    }

    public int writeUintLE(double value, long offset, long byteLength) {
        return writeUIntLE(value, offset, byteLength);
    }

    public int writeUIntBE(double value, long offset, long byteLength) {
        checkByteLength(byteLength);
        int n = (int) byteLength;
        return writeInt(value, offset, n, 0, (1L << (8 * n)) - 1, false);
    }

    public int writeUintBE(double value, long offset, long byteLength) {
        return writeUIntBE(value, offset, byteLength);
    }

    public int writeIntLE(double value, long offset, long byteLength) {
        checkByteLength(byteLength);
        int n = (int) byteLength;
        return writeInt(value, offset, n, -(1L << (8 * n - 1)), (1L << (8 * n - 1)) - 1, true);
    }

    public int writeIntBE(double value, long offset, long byteLength) {
        checkByteLength(byteLength);
        int n = (int) byteLength;
        return writeInt(value, offset, n, -(1L << (8 * n - 1)), (1L << (8 * n - 1)) - 1, false);
    }

    private static final BigInteger U64_LIMIT = BigInteger.ONE.shiftLeft(64);
    private static final BigInteger I64_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger I64_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private int writeBig(BigInteger value, long offset, boolean signed, boolean littleEndian) {
        if (value != null) {
            boolean bad = signed ? value.compareTo(I64_MIN) < 0 || value.compareTo(I64_MAX) > 0
                    : value.signum() < 0 || value.compareTo(U64_LIMIT) >= 0;
            if (bad) {
                String range = signed ? ">= -(2n ** 63n) and < 2n ** 63n" : ">= 0n and < 2n ** 64n";
                throw Errors.outOfRange("value", range, value);
            }
        }
        int i = at(offset, 8);
        if (value == null) {
            throw BufferErrors.cannotMixBigInt();
        }
        long bits = value.longValue();
        if (littleEndian) {
            putLE(i, bits, 8);
        } else {
            putBE(i, bits, 8);
        }
        return (int) offset + 8;
    }

    /**
     * {@code buf.writeBigInt64LE(value[, offset])}: {@code value} must be {@code >= -(2n ** 63n) and
     * < 2n ** 63n}; returns {@code offset + 8}.
     */
    public int writeBigInt64LE(BigInteger value, long offset) {
        return writeBig(value, offset, true, true);
    }

    public int writeBigInt64LE(BigInteger value) {
        return writeBigInt64LE(value, 0);
    }

    /** {@code writeBigInt64LE} with a Java {@code long} (always in range). */
    public int writeBigInt64LE(long value, long offset) {
        return writeBigInt64LE(BigInteger.valueOf(value), offset);
    }

    public int writeBigInt64BE(BigInteger value, long offset) {
        return writeBig(value, offset, true, false);
    }

    public int writeBigInt64BE(BigInteger value) {
        return writeBigInt64BE(value, 0);
    }

    public int writeBigInt64BE(long value, long offset) {
        return writeBigInt64BE(BigInteger.valueOf(value), offset);
    }

    /** {@code buf.writeBigUInt64LE(value[, offset])}: {@code value} must be {@code >= 0n and < 2n ** 64n}. */
    public int writeBigUInt64LE(BigInteger value, long offset) {
        return writeBig(value, offset, false, true);
    }

    public int writeBigUInt64LE(BigInteger value) {
        return writeBigUInt64LE(value, 0);
    }

    public int writeBigUint64LE(BigInteger value, long offset) {
        return writeBigUInt64LE(value, offset);
    }

    public int writeBigUint64LE(BigInteger value) {
        return writeBigUInt64LE(value, 0);
    }

    public int writeBigUInt64BE(BigInteger value, long offset) {
        return writeBig(value, offset, false, false);
    }

    public int writeBigUInt64BE(BigInteger value) {
        return writeBigUInt64BE(value, 0);
    }

    public int writeBigUint64BE(BigInteger value, long offset) {
        return writeBigUInt64BE(value, offset);
    }

    public int writeBigUint64BE(BigInteger value) {
        return writeBigUInt64BE(value, 0);
    }

    /** {@code buf.writeFloatLE(value[, offset])}: rounded to float32 (any value, no range check). */
    public int writeFloatLE(double value, long offset) {
        putLE(at(offset, 4), Float.floatToIntBits((float) value), 4);
        return (int) offset + 4;
    }

    public int writeFloatLE(double value) {
        return writeFloatLE(value, 0);
    }

    public int writeFloatBE(double value, long offset) {
        putBE(at(offset, 4), Float.floatToIntBits((float) value), 4);
        return (int) offset + 4;
    }

    public int writeFloatBE(double value) {
        return writeFloatBE(value, 0);
    }

    public int writeDoubleLE(double value, long offset) {
        putLE(at(offset, 8), Double.doubleToLongBits(value), 8);
        return (int) offset + 8;
    }

    public int writeDoubleLE(double value) {
        return writeDoubleLE(value, 0);
    }

    public int writeDoubleBE(double value, long offset) {
        putBE(at(offset, 8), Double.doubleToLongBits(value), 8);
        return (int) offset + 8;
    }

    public int writeDoubleBE(double value) {
        return writeDoubleBE(value, 0);
    }
}
