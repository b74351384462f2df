package dev.nodeshim.childprocess;

import dev.nodeshim.buffer.ArrayBuffer;
import dev.nodeshim.buffer.Buffer;
import dev.nodeshim.errors.NodeError;
import dev.nodeshim.errors.Undefined;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Node's {@code v8.Deserializer} (as {@code v8.DefaultDeserializer}): reads what {@code v8.serialize}
 * writes (format versions 13 to 15; node 20 writes 15) into Java values. The reverse of
 * {@link V8Serializer}, and the reading half of the advanced IPC serialization.
 *
 * <h2>JavaScript value → Java value</h2>
 * <ul>
 *   <li>{@code undefined} → {@link Undefined#INSTANCE}; {@code null} → {@code null}; booleans →
 *       {@code Boolean}; strings → {@code String};</li>
 *   <li>a Number → an {@code Integer} when it is an integer in int range (not -0), else a
 *       {@code Double} (as {@link JsonMessages} reads JSON; read either with
 *       {@code ((Number) v).doubleValue()}); a BigInt → {@code BigInteger};</li>
 *   <li>an object → a {@code LinkedHashMap<String, Object>} in its property order (as JSON's);
 *       an array, dense or sparse → an {@code ArrayList} (a hole → {@code Undefined.INSTANCE}; other
 *       properties of an array are dropped); a {@code Map} → a {@link JsMap}; a {@code Set} → a
 *       {@code LinkedHashSet};</li>
 *   <li>a {@code Date} → an {@link Instant} (an Invalid Date → {@code null}); a {@code RegExp} → a
 *       {@link RegExp}; boxed primitives ({@code new Number(1)}, …) → the primitive;</li>
 *   <li>a {@code Buffer} → a {@link Buffer}; {@code Int16Array}, {@code Uint16Array}, {@code Int32Array},
 *       {@code Float32Array}, {@code Float64Array}, {@code BigInt64Array} → {@code short[]},
 *       {@code char[]}, {@code int[]}, {@code float[]}, {@code double[]}, {@code long[]}; the other
 *       typed arrays and {@code DataView} → a {@link TypedArray}; an {@code ArrayBuffer} → an
 *       {@link ArrayBuffer};</li>
 *   <li>an Error → a {@link NodeError} with its name ({@code Error}, {@code TypeError}, … from its
 *       prototype), message, no code, its {@code stack} as the property {@code "stack"}, and its cause
 *       (a {@code Throwable} cause as the Java cause, any other as the property {@code "cause"}).</li>
 * </ul>
 * A reference to an object read before gives the same Java object, so repeated and circular
 * structures keep their shape. Bytes that are not a value fail with Node's {@code Error: Unable to
 * deserialize cloned data.}; a header of another version with {@code Error: Unable to deserialize
 * cloned data due to invalid or unsupported version.}; nesting too deep for the stack with
 * {@code RangeError: Maximum call stack size exceeded}.
 */
public final class V8Deserializer {
    /** Sparse arrays are given as lists up to this length; a longer one ends after its last element. */
    private static final long MAX_SPARSE_LENGTH = 1 << 24;

    /** An object whose id is taken and whose value is still being read. */
    private static final Object PENDING = new Object();

    private final byte[] data;
    private final int end;
    private int pos;
    private int version;
    private final List<Object> objects = new ArrayList<>();
    /** Node's IPC deserializer expects a 0 before each host object's view. */
    private final boolean channel;

    /** {@code new v8.DefaultDeserializer(buffer)}. */
    public V8Deserializer(Buffer buffer) {
        this(buffer.buffer().array(), buffer.byteOffset(), buffer.length(), false);
    }

    V8Deserializer(byte[] data, int off, int len, boolean channel) {
        this.data = data;
        this.pos = off;
        this.end = off + len;
        this.channel = channel;
    }

    /**
     * {@code v8.deserialize(buffer)}: the header, then one value.
     *
     * @throws NodeError Node's errors for bytes that are not a value
     */
    public static Object deserialize(Buffer buffer) {
        V8Deserializer d = new V8Deserializer(buffer);
        d.readHeader();
        return d.readValue();
    }

    /** One IPC message in advanced mode (without its length). */
    static Object deserializeMessage(byte[] data, int off, int len) {
        V8Deserializer d = new V8Deserializer(data, off, len, true);
        d.readHeader();
        return d.readValue();
    }

    /**
     * {@code deserializer.readHeader()}: {@code 0xFF} and a version this reader knows.
     *
     * @throws NodeError {@code Unable to deserialize cloned data due to invalid or unsupported version.}
     */
    public boolean readHeader() {
        int start = pos;
        try {
            if (pos < end && data[pos] == V8Wire.VERSION_TAG) {
                pos++;
                version = (int) varint();
                if (version >= 13 && version <= V8Wire.VERSION) {
                    return true;
                }
            }
        } catch (NodeError e) {
            // fall through: not a header
        }
        pos = start;
        throw new NodeError("Error", null, "Unable to deserialize cloned data due to invalid or unsupported version.");
    }

    /** {@code deserializer.getWireFormatVersion()}. */
    public int getWireFormatVersion() {
        return version;
    }

    /** {@code deserializer.readValue()}. */
    public Object readValue() {
        try {
            return value();
        } catch (StackOverflowError e) {
            // node 20: v8.deserialize of 100,000 nested arrays
            throw new NodeError("RangeError", null, "Maximum call stack size exceeded", e);
        } catch (RuntimeException e) {
            if (e instanceof NodeError ne && ne.getMessage().startsWith("Unable to deserialize")) {
                throw ne;
            }
            throw invalid();
        }
    }

    /** {@code deserializer.readUint32()}. */
    public long readUint32() {
        return varint() & 0xFFFFFFFFL;
    }

    /** {@code deserializer.readDouble()}. */
    public double readDouble() {
        need(8);
        long bits = 0;
        for (int i = 7; i >= 0; i--) {
            bits = bits << 8 | (data[pos + i] & 0xFF);
        }
        pos += 8;
        return Double.longBitsToDouble(bits);
    }

    /** {@code deserializer.readRawBytes(length)}. */
    public byte[] readRawBytes(int length) {
        need(length);
        byte[] b = Arrays.copyOfRange(data, pos, pos + length);
        pos += length;
        return b;
    }

    // ------------------------------------------------------------------------------------------------

    private Object value() {
        byte tag = tag();
        switch (tag) {
            case V8Wire.VERIFY_OBJECT_COUNT -> {
                varint();
                return value();
            }
            case V8Wire.UNDEFINED -> {
                return Undefined.INSTANCE;
            }
            case V8Wire.NULL -> {
                return null;
            }
            case V8Wire.TRUE -> {
                return Boolean.TRUE;
            }
            case V8Wire.FALSE -> {
                return Boolean.FALSE;
            }
            case V8Wire.INT32 -> {
                long z = varint();
                return (int) ((z >>> 1) ^ -(z & 1));
            }
            case V8Wire.UINT32 -> {
                return number((double) (varint() & 0xFFFFFFFFL));
            }
            case V8Wire.DOUBLE -> {
                return number(readDouble());
            }
            case V8Wire.BIGINT -> {
                return bigint();
            }
            case V8Wire.UTF8_STRING, V8Wire.ONE_BYTE_STRING, V8Wire.TWO_BYTE_STRING -> {
                return string(tag);
            }
            case V8Wire.OBJECT_REFERENCE -> {
                long id = varint();
                if (id >= objects.size() || objects.get((int) id) == PENDING) {
                    throw invalid();
                }
                return objects.get((int) id);
            }
            default -> {
                return receiver(tag);
            }
        }
    }

    private Object receiver(byte tag) {
        int id = objects.size();
        objects.add(PENDING);
        Object v;
        switch (tag) {
            case V8Wire.BEGIN_OBJECT -> {
                LinkedHashMap<String, Object> o = new LinkedHashMap<>();
                objects.set(id, o);
                properties(o, V8Wire.END_OBJECT);
                return o;
            }
            case V8Wire.BEGIN_DENSE_ARRAY -> {
                long n = varint();
                if (n > end - pos) {
                    throw invalid(); // each element takes a byte at least
                }
                ArrayList<Object> list = new ArrayList<>((int) n);
                objects.set(id, list);
                for (long i = 0; i < n; i++) {
                    if (peek() == V8Wire.THE_HOLE) {
                        pos++;
                        list.add(Undefined.INSTANCE);
                    } else {
                        list.add(value());
                    }
                }
                properties(new LinkedHashMap<>(), V8Wire.END_DENSE_ARRAY); // an array's other properties: dropped
                varint(); // the length again
                return list;
            }
            case V8Wire.BEGIN_SPARSE_ARRAY -> {
                long n = varint();
                ArrayList<Object> list = new ArrayList<>();
                objects.set(id, list);
                LinkedHashMap<String, Object> props = new LinkedHashMap<>();
                properties(props, V8Wire.END_SPARSE_ARRAY);
                varint();
                long last = -1;
                for (String k : props.keySet()) {
                    last = Math.max(last, V8Serializer.arrayIndex(k));
                }
                long length = n > MAX_SPARSE_LENGTH ? Math.min(n, last + 1) : n;
                list.addAll(java.util.Collections.nCopies((int) length, Undefined.INSTANCE)); // the holes
                for (Map.Entry<String, Object> e : props.entrySet()) {
                    long i = V8Serializer.arrayIndex(e.getKey());
                    if (i >= 0 && i < length) {
                        list.set((int) i, e.getValue()); // other named properties of an array are dropped
                    }
                }
                return list;
            }
            case V8Wire.BEGIN_MAP -> {
                JsMap m = new JsMap();
                objects.set(id, m);
                while (peek() != V8Wire.END_MAP) {
                    Object k = value();
                    m.put(k, value());
                }
                pos++;
                varint();
                return m;
            }
            case V8Wire.BEGIN_SET -> {
                Set<Object> s = new LinkedHashSet<>();
                objects.set(id, s);
                while (peek() != V8Wire.END_SET) {
                    s.add(value());
                }
                pos++;
                varint();
                return s;
            }
            case V8Wire.DATE -> {
                double ms = readDouble();
                v = Double.isNaN(ms) ? null : Instant.ofEpochMilli((long) ms);
            }
            case V8Wire.TRUE_OBJECT -> v = Boolean.TRUE;
            case V8Wire.FALSE_OBJECT -> v = Boolean.FALSE;
            case V8Wire.NUMBER_OBJECT -> v = number(readDouble());
            case V8Wire.BIGINT_OBJECT -> v = bigint();
            case V8Wire.STRING_OBJECT -> v = string(tag());
            case V8Wire.REGEXP -> {
                String source = string(tag());
                long bits = varint();
                StringBuilder flags = new StringBuilder();
                for (char f : V8Wire.FLAG_ORDER.toCharArray()) {
                    if ((bits & V8Wire.flagBit(f)) != 0) {
                        flags.append(f);
                    }
                }
                v = new RegExp(source, flags.toString());
            }
            case V8Wire.ARRAY_BUFFER -> {
                int n = length();
                v = ArrayBuffer.wrap(readRawBytes(n));
            }
            case V8Wire.RESIZABLE_ARRAY_BUFFER -> {
                int n = length();
                varint(); // the maximum length
                v = ArrayBuffer.wrap(readRawBytes(n));
            }
            case V8Wire.HOST_OBJECT -> v = host();
            case V8Wire.ERROR -> v = error();
            default -> throw invalid(); // views without a host object, shared memory, wasm, …
        }
        objects.set(id, v);
        return v;
    }

    /** Key/value pairs up to {@code endTag} and the count after it. */
    private void properties(Map<String, Object> into, byte endTag) {
        long count = 0;
        while (peek() != endTag) {
            Object key = value();
            String k;
            if (key instanceof String s) {
                k = s;
            } else if (key instanceof Number n) {
                k = JsonMessages.jsNumber(n.doubleValue());
            } else {
                throw invalid();
            }
            into.put(k, value());
            count++;
        }
        pos++;
        if (varint() != count) {
            throw invalid();
        }
    }

    private Object host() {
        if (channel && varint() != 0) {
            throw invalid();
        }
        long type = varint();
        int n = length();
        if (type < 0 || type >= V8Wire.VIEW_TYPES.size() || n % V8Wire.elementSize((int) type) != 0) {
            throw invalid();
        }
        byte[] bytes = readRawBytes(n);
        ByteBuffer bb = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        switch ((int) type) {
            case 10 -> {
                return Buffer.wrap(bytes);
            }
            case 3 -> {
                short[] a = new short[n / 2];
                bb.asShortBuffer().get(a);
                return a;
            }
            case 4 -> {
                char[] a = new char[n / 2];
                bb.asCharBuffer().get(a);
                return a;
            }
            case 5 -> {
                int[] a = new int[n / 4];
                bb.asIntBuffer().get(a);
                return a;
            }
            case 7 -> {
                float[] a = new float[n / 4];
                bb.asFloatBuffer().get(a);
                return a;
            }
            case 8 -> {
                double[] a = new double[n / 8];
                bb.asDoubleBuffer().get(a);
                return a;
            }
            case 11 -> {
                long[] a = new long[n / 8];
                bb.asLongBuffer().get(a);
                return a;
            }
            default -> {
                return new TypedArray(V8Wire.VIEW_TYPES.get((int) type), bytes);
            }
        }
    }

    private NodeError error() {
        String name = "Error";
        String message = null;
        String stack = null;
        Object cause = null;
        boolean hasCause = false;
        while (true) {
            byte t = tag();
            switch (t) {
                case V8Wire.EVAL_ERROR -> name = "EvalError";
                case V8Wire.RANGE_ERROR -> name = "RangeError";
                case V8Wire.REFERENCE_ERROR -> name = "ReferenceError";
                case V8Wire.SYNTAX_ERROR -> name = "SyntaxError";
                case V8Wire.TYPE_ERROR -> name = "TypeError";
                case V8Wire.URI_ERROR -> name = "URIError";
                case V8Wire.ERROR_MESSAGE -> message = string(tag());
                case V8Wire.ERROR_STACK -> stack = string(tag());
                case V8Wire.ERROR_CAUSE -> {
                    cause = value();
                    hasCause = true;
                }
                case V8Wire.ERROR_END -> {
                    NodeError e = new NodeError(name, null, message == null ? "" : message,
                            cause instanceof Throwable th ? th : null);
                    if (stack != null) {
                        e.withProp("stack", stack);
                    }
                    if (hasCause && !(cause instanceof Throwable)) {
                        e.withProp("cause", cause);
                    }
                    return e;
                }
                default -> throw invalid();
            }
        }
    }

    private BigInteger bigint() {
        long bitfield = varint();
        int bytes = (int) (bitfield >>> 1);
        need(bytes);
        byte[] be = new byte[bytes + 1];
        for (int i = 0; i < bytes; i++) {
            be[bytes - i] = data[pos + i];
        }
        pos += bytes;
        BigInteger mag = new BigInteger(be);
        return (bitfield & 1) != 0 ? mag.negate() : mag;
    }

    private String string(byte tag) {
        int n = length();
        need(n);
        String s;
        switch (tag) {
            case V8Wire.ONE_BYTE_STRING -> s = new String(data, pos, n, StandardCharsets.ISO_8859_1);
            case V8Wire.TWO_BYTE_STRING -> {
                if ((n & 1) != 0) {
                    throw invalid();
                }
                char[] chars = new char[n / 2]; // by hand: the JDK's decoder replaces lone surrogates
                for (int i = 0; i < chars.length; i++) {
                    chars[i] = (char) ((data[pos + 2 * i] & 0xFF) | (data[pos + 2 * i + 1] & 0xFF) << 8);
                }
                s = new String(chars);
            }
            case V8Wire.UTF8_STRING -> s = new String(data, pos, n, StandardCharsets.UTF_8);
            default -> throw invalid();
        }
        pos += n;
        return s;
    }

    /** Integral values in int range as Integer (not -0), as the JSON reader gives them. */
    private static Object number(double d) {
        if (d == (int) d && Double.doubleToRawLongBits(d) != Long.MIN_VALUE) {
            return (int) d;
        }
        return d;
    }

    /** The next tag, after any padding. */
    private byte tag() {
        byte t;
        do {
            need(1);
            t = data[pos++];
        } while (t == V8Wire.PADDING);
        return t;
    }

    private byte peek() {
        while (true) {
            need(1);
            if (data[pos] != V8Wire.PADDING) {
                return data[pos];
            }
            pos++;
        }
    }

    private int length() {
        long n = varint();
        if (n > end - pos) {
            throw invalid();
        }
        return (int) n;
    }

    private long varint() {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            need(1);
            byte b = data[pos++];
            v |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return v;
            }
        }
        throw invalid();
    }

    private void need(int n) {
        if (n < 0 || end - pos < n) {
            throw invalid();
        }
    }

    private static NodeError invalid() {
        return new NodeError("Error", null, "Unable to deserialize cloned data.");
    }
}
