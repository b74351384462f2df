package dev.nodeshim.childprocess;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.nodeshim.buffer.ArrayBuffer;
import dev.nodeshim.buffer.Buffer;
import dev.nodeshim.errors.Errors;
import dev.nodeshim.errors.NodeError;
import dev.nodeshim.errors.Undefined;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Node's {@code v8.Serializer} (as {@code v8.DefaultSerializer}): writes Java values in V8's value
 * serialization format, version 15, byte for byte what {@code v8.serialize(value)} gives in node 20
 * for the JavaScript value each Java value stands for. It is also the advanced IPC serialization
 * ({@code serialization: 'advanced'}), which frames these bytes ({@link AdvancedFrames}).
 *
 * <pre>{@code
 * Buffer b = V8Serializer.serialize(Map.of("a", 1));   // v8.serialize({a: 1}): ff 0f 6f 22 01 61 49 02 7b 01
 * }</pre>
 *
 * <h2>Java value → JavaScript value</h2>
 * <ul>
 *   <li>{@code null} → {@code null}; {@link Undefined} → {@code undefined}; {@code Boolean} → a boolean;
 *       {@code CharSequence}/{@code Character} → a string (one byte a character when every character is
 *       below U+0100, else UTF-16, padded as V8 pads);</li>
 *   <li>numbers → a Number, written as V8 writes one: an integer in int32 range (not -0) as a Smi, any
 *       other value as a double; {@code Long} and {@code BigDecimal} beyond 2^53 are rounded as
 *       {@code Number(x)} rounds; {@code BigInteger} → a BigInt;</li>
 *   <li>a {@link JsMap} → a {@code Map}; any other {@code Map} → an object (keys by
 *       {@code String.valueOf}, integer keys first in ascending order as JavaScript orders them);
 *       a {@code Set} → a {@code Set}; other {@code Iterable}s and object arrays → a dense array;
 *       {@code boolean[]} → an array of booleans;</li>
 *   <li>a {@link Buffer} or {@code byte[]} → a {@code Buffer}; {@code short[]}, {@code char[]},
 *       {@code int[]}, {@code float[]}, {@code double[]}, {@code long[]} → {@code Int16Array},
 *       {@code Uint16Array}, {@code Int32Array}, {@code Float32Array}, {@code Float64Array},
 *       {@code BigInt64Array}; a {@link TypedArray} → its type; {@link ArrayBuffer} or a
 *       {@link ByteBuffer} (its remaining bytes) → an {@code ArrayBuffer};</li>
 *   <li>{@link java.time.Instant}/{@link java.util.Date} → a {@code Date} (milliseconds);
 *       {@link RegExp}/{@link Pattern} → a {@code RegExp};</li>
 *   <li>a {@code Throwable} → an Error: the prototype of its {@link NodeError#name()} when that is one
 *       of JavaScript's ({@code TypeError}, {@code RangeError}, …; else {@code Error}), its message, its
 *       cause, and its {@code stack} (a {@code NodeError}'s {@code stack} property, else
 *       {@code Name: message} and the Java frames as {@code "    at …"} lines);</li>
 *   <li>records → objects of their components; enums → their name; other objects → what Jackson's
 *       {@code valueToTree} makes of them (beans: objects of their properties), written by the rules
 *       above.</li>
 * </ul>
 * An object met again (by identity) is written as a reference to its first copy, so repeated and
 * circular structures arrive with the same shape. A lambda, or an object Jackson cannot map, fails
 * with Node's {@code Error: <value> could not be cloned.} (a lambda reads as V8 prints a function
 * without source: {@code function () { [native code] }}; an object as {@code #<Class>}).
 * Nesting too deep for the stack fails with {@code RangeError: Maximum call stack size exceeded}.
 */
public final class V8Serializer {
    /** Made on the first bean sent: a forked child that sends plain values never builds an ObjectMapper. */
    private static final class Jackson {
        static final ObjectMapper MAPPER = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    }

    private static final List<String> ERROR_PROTOTYPES = List.of("EvalError", "RangeError", "ReferenceError",
            "SyntaxError", "TypeError", "URIError");
    private static final byte[] ERROR_TAGS = {V8Wire.EVAL_ERROR, V8Wire.RANGE_ERROR, V8Wire.REFERENCE_ERROR,
        V8Wire.SYNTAX_ERROR, V8Wire.TYPE_ERROR, V8Wire.URI_ERROR};

    private byte[] buf = new byte[64];
    private int size;
    private final IdentityHashMap<Object, Integer> ids = new IdentityHashMap<>();
    private int nextId;
    /** Node's IPC serializer marks each host object with a 0 first (a bare one fails its assertion). */
    private final boolean channel;

    /** {@code new v8.DefaultSerializer()}. */
    public V8Serializer() {
        this(false);
    }

    V8Serializer(boolean channel) {
        this.channel = channel;
    }

    /** {@code v8.serialize(value)}: the header and the value. */
    public static Buffer serialize(Object value) {
        V8Serializer s = new V8Serializer();
        s.writeHeader();
        s.writeValue(value);
        return s.releaseBuffer();
    }

    /**
     * One IPC message in advanced mode: its length (4 bytes, big-endian) and its bytes, written in one
     * array (a several-MiB Buffer is copied once, into it).
     */
    static byte[] serializeFrame(Object value) {
        V8Serializer s = new V8Serializer(true);
        s.size = 4; // the length goes here
        s.writeHeader();
        s.writeValue(value);
        int n = s.size - 4;
        s.buf[0] = (byte) (n >>> 24);
        s.buf[1] = (byte) (n >>> 16);
        s.buf[2] = (byte) (n >>> 8);
        s.buf[3] = (byte) n;
        return s.size == s.buf.length ? s.buf : Arrays.copyOf(s.buf, s.size);
    }

    /** {@code serializer.writeHeader()}: {@code 0xFF} and the format version (15). */
    public void writeHeader() {
        put(V8Wire.VERSION_TAG);
        varint(V8Wire.VERSION);
    }

    /**
     * {@code serializer.writeValue(value)}.
     *
     * @throws NodeError {@code Error: … could not be cloned.} for a value that has no JavaScript form
     */
    public void writeValue(Object value) {
        try {
            value(value);
        } catch (StackOverflowError e) {
            throw new NodeError("RangeError", null, "Maximum call stack size exceeded", e);
        }
    }

    /** {@code serializer.releaseBuffer()}: what was written, as a Buffer; the serializer starts empty again. */
    public Buffer releaseBuffer() {
        Buffer b = Buffer.wrap(Arrays.copyOf(buf, size));
        buf = new byte[64];
        size = 0;
        return b;
    }

    /** {@code serializer.writeUint32(value)}: a varint. */
    public void writeUint32(long value) {
        varint(value & 0xFFFFFFFFL);
    }

    /** {@code serializer.writeUint64(hi, lo)}: a varint of {@code hi << 32 | lo}. */
    public void writeUint64(long hi, long lo) {
        long v = (hi & 0xFFFFFFFFL) << 32 | (lo & 0xFFFFFFFFL);
        while ((v & ~0x7FL) != 0) {
            put((byte) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        put((byte) v);
    }

    /** {@code serializer.writeDouble(value)}: eight bytes, little-endian. */
    public void writeDouble(double value) {
        long bits = Double.doubleToRawLongBits(value);
        ensure(8);
        for (int i = 0; i < 8; i++) {
            buf[size++] = (byte) (bits >>> (8 * i));
        }
    }

    /** {@code serializer.writeRawBytes(buffer)}. */
    public void writeRawBytes(byte[] bytes) {
        raw(bytes, 0, bytes.length);
    }

    // ------------------------------------------------------------------------------------------------

    private void value(Object v) {
        if (v == null) {
            put(V8Wire.NULL);
        } else if (v == Undefined.INSTANCE) {
            put(V8Wire.UNDEFINED);
        } else if (v instanceof Boolean b) {
            put(b ? V8Wire.TRUE : V8Wire.FALSE);
        } else if (v instanceof CharSequence || v instanceof Character) {
            string(v.toString());
        } else if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            smi(((Number) v).intValue());
        } else if (v instanceof BigInteger big) {
            put(V8Wire.BIGINT);
            bigint(big);
        } else if (v instanceof Long l) {
            number(l.doubleValue()); // Number(l): rounds beyond 2^53
        } else if (v instanceof Number n) {
            number(n.doubleValue());
        } else if (v instanceof Enum<?> e) {
            string(e.name());
        } else if (v instanceof dev.nodeshim.events.Symbol sym) {
            throw notCloneable(sym.toString());
        } else {
            Integer id = ids.get(v);
            if (id != null) {
                put(V8Wire.OBJECT_REFERENCE);
                varint(id);
                return;
            }
            receiver(v);
        }
    }

    /** Everything JavaScript holds by reference: it gets the next id (V8 numbers them as it meets them). */
    private void receiver(Object v) {
        if (v instanceof JsonNode node) {
            if (!node.isContainerNode()) {
                node(node); // a string, number, … read off a bean: a primitive
                return;
            }
        }
        ids.put(v, nextId++);
        if (v instanceof JsMap m) {
            put(V8Wire.BEGIN_MAP);
            for (Map.Entry<Object, Object> e : m.entrySet()) {
                value(e.getKey());
                value(e.getValue());
            }
            put(V8Wire.END_MAP);
            varint(2L * m.size());
        } else if (v instanceof Map<?, ?> m) {
            LinkedHashMap<String, Object> props = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                props.put(String.valueOf(e.getKey()), e.getValue());
            }
            object(props);
        } else if (v instanceof Set<?> s) {
            put(V8Wire.BEGIN_SET);
            int n = 0;
            for (Object o : s) {
                value(o);
                n++;
            }
            put(V8Wire.END_SET);
            varint(n);
        } else if (v instanceof Buffer b) {
            host(10, b.buffer().array(), b.byteOffset(), b.length());
        } else if (v instanceof byte[] a) {
            host(10, a, 0, a.length);
        } else if (v instanceof TypedArray t) {
            host(t.typeIndex(), t.bytes(), 0, t.bytes().length);
        } else if (v instanceof short[] || v instanceof char[] || v instanceof int[] || v instanceof float[]
                || v instanceof double[] || v instanceof long[]) {
            TypedArray t = TypedArray.of(v);
            host(t.typeIndex(), t.bytes(), 0, t.bytes().length);
        } else if (v instanceof boolean[] a) {
            put(V8Wire.BEGIN_DENSE_ARRAY);
            varint(a.length);
            for (boolean b : a) {
                put(b ? V8Wire.TRUE : V8Wire.FALSE);
            }
            endDense(a.length);
        } else if (v instanceof Object[] a) {
            put(V8Wire.BEGIN_DENSE_ARRAY);
            varint(a.length);
            for (Object o : a) {
                value(o);
            }
            endDense(a.length);
        } else if (v instanceof Collection<?> c) {
            dense(c.iterator(), c.size());
        } else if (v instanceof Iterable<?> it) {
            List<Object> all = new ArrayList<>();
            it.forEach(all::add);
            dense(all.iterator(), all.size());
        } else if (v instanceof ArrayBuffer ab) {
            put(V8Wire.ARRAY_BUFFER);
            varint(ab.byteLength());
            raw(ab.array(), 0, ab.byteLength());
        } else if (v instanceof ByteBuffer bb) {
            byte[] bytes = new byte[bb.remaining()];
            bb.duplicate().get(bytes);
            put(V8Wire.ARRAY_BUFFER);
            varint(bytes.length);
            raw(bytes, 0, bytes.length);
        } else if (v instanceof java.time.Instant t) {
            put(V8Wire.DATE);
            writeDouble(t.toEpochMilli());
        } else if (v instanceof java.util.Date d) {
            put(V8Wire.DATE);
            writeDouble(d.getTime());
        } else if (v instanceof RegExp re) {
            regexp(re);
        } else if (v instanceof Pattern p) {
            regexp(RegExp.of(p));
        } else if (v instanceof Throwable t) {
            error(t);
        } else if (v instanceof JsonNode node) {
            node(node);
        } else if (v instanceof Record r) {
            LinkedHashMap<String, Object> props = new LinkedHashMap<>();
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                try {
                    c.getAccessor().setAccessible(true);
                    props.put(c.getName(), c.getAccessor().invoke(r));
                } catch (ReflectiveOperationException | RuntimeException e) {
                    throw notCloneable("#<" + r.getClass().getSimpleName() + ">");
                }
            }
            object(props);
        } else if ("function".equals(Errors.typeOf(v))) {
            throw notCloneable("function () { [native code] }");
        } else {
            JsonNode tree;
            try {
                tree = Jackson.MAPPER.valueToTree(v);
            } catch (IllegalArgumentException e) {
                throw notCloneable("#<" + v.getClass().getSimpleName() + ">");
            }
            node(tree);
        }
    }

    /** An object: array-index keys first, ascending (JavaScript's own-property order), then the rest. */
    private void object(Map<String, Object> props) {
        put(V8Wire.BEGIN_OBJECT);
        List<String> index = null;
        for (String k : props.keySet()) {
            if (arrayIndex(k) >= 0) {
                if (index == null) {
                    index = new ArrayList<>();
                }
                index.add(k);
            }
        }
        if (index != null) {
            index.sort((a, b) -> Long.compare(arrayIndex(a), arrayIndex(b)));
            for (String k : index) {
                key(k);
                value(props.get(k));
            }
        }
        for (Map.Entry<String, Object> e : props.entrySet()) {
            if (index == null || arrayIndex(e.getKey()) < 0) {
                key(e.getKey());
                value(e.getValue());
            }
        }
        put(V8Wire.END_OBJECT);
        varint(props.size());
    }

    /** A property key: an array index as a number (a Smi up to 2^31 - 1), any other as a string. */
    private void key(String k) {
        long index = arrayIndex(k);
        if (index < 0) {
            string(k);
        } else if (index <= Integer.MAX_VALUE) {
            smi((int) index);
        } else {
            put(V8Wire.DOUBLE);
            writeDouble(index);
        }
    }

    /** The key as an array index (canonical digits, below 2^32 - 1), or -1. */
    static long arrayIndex(String k) {
        int n = k.length();
        if (n == 0 || n > 10 || (n > 1 && k.charAt(0) == '0')) {
            return -1;
        }
        long v = 0;
        for (int i = 0; i < n; i++) {
            char c = k.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v < 4294967295L ? v : -1;
    }

    private void dense(Iterator<?> it, int n) {
        put(V8Wire.BEGIN_DENSE_ARRAY);
        varint(n);
        int written = 0;
        while (it.hasNext() && written < n) {
            value(it.next());
            written++;
        }
        while (written++ < n) {
            put(V8Wire.UNDEFINED); // the collection shrank meanwhile: keep the promised length
        }
        endDense(n);
    }

    private void endDense(int length) {
        put(V8Wire.END_DENSE_ARRAY);
        varint(0);
        varint(length);
    }

    /** Node's host object for a view: its type, its byte length, the bytes it views (nothing else). */
    private void host(int type, byte[] bytes, int off, int len) {
        put(V8Wire.HOST_OBJECT);
        if (channel) {
            varint(0);
        }
        varint(type);
        varint(len);
        raw(bytes, off, len);
    }

    private void regexp(RegExp re) {
        int flags = 0;
        for (int i = 0; i < re.flags().length(); i++) {
            flags |= V8Wire.flagBit(re.flags().charAt(i));
        }
        put(V8Wire.REGEXP);
        string(re.source());
        varint(flags);
    }

    private void error(Throwable t) {
        String name = t instanceof NodeError ne ? ne.name() : "Error";
        put(V8Wire.ERROR);
        int proto = ERROR_PROTOTYPES.indexOf(name);
        if (proto >= 0) {
            put(ERROR_TAGS[proto]);
        }
        String message = t.getMessage();
        if (message != null) {
            put(V8Wire.ERROR_MESSAGE);
            string(message);
        }
        Object cause = t.getCause();
        if (cause == null && t instanceof NodeError ne && ne.props().containsKey("cause")) {
            cause = ne.prop("cause");
        }
        if (cause != null) {
            put(V8Wire.ERROR_CAUSE);
            value(cause);
        }
        put(V8Wire.ERROR_STACK);
        string(stack(t, name, message));
        put(V8Wire.ERROR_END);
    }

    private static String stack(Throwable t, String name, String message) {
        if (t instanceof NodeError ne && ne.prop("stack") instanceof String s) {
            return s;
        }
        StringBuilder sb = new StringBuilder(name);
        if (message != null && !message.isEmpty()) {
            sb.append(": ").append(message);
        }
        for (StackTraceElement f : t.getStackTrace()) {
            sb.append("\n    at ").append(f.getClassName()).append('.').append(f.getMethodName()).append(" (")
                    .append(f.getFileName() == null ? "unknown" : f.getFileName());
            if (f.getLineNumber() >= 0) {
                sb.append(':').append(f.getLineNumber());
            }
            sb.append(')');
        }
        return sb.toString();
    }

    /** A Jackson tree (a bean's properties): objects, arrays and primitives as JSON would give them. */
    private void node(JsonNode n) {
        switch (n.getNodeType()) {
            case OBJECT -> {
                LinkedHashMap<String, Object> props = new LinkedHashMap<>();
                n.fields().forEachRemaining(e -> props.put(e.getKey(), e.getValue()));
                object(props);
            }
            case ARRAY -> {
                List<Object> items = new ArrayList<>();
                n.elements().forEachRemaining(items::add);
                dense(items.iterator(), items.size());
            }
            case STRING -> string(n.textValue());
            case BOOLEAN -> put(n.booleanValue() ? V8Wire.TRUE : V8Wire.FALSE);
            case NUMBER -> {
                if (n.isBigInteger()) {
                    number(n.bigIntegerValue().doubleValue());
                } else {
                    number(n.doubleValue());
                }
            }
            case BINARY -> {
                try {
                    byte[] b = n.binaryValue();
                    host(10, b, 0, b.length);
                } catch (java.io.IOException e) {
                    throw notCloneable("#<Binary>");
                }
            }
            default -> put(V8Wire.NULL);
        }
    }

    private void number(double d) {
        if (d == (int) d && !(d == 0 && Double.doubleToRawLongBits(d) != 0)) {
            smi((int) d); // V8 keeps integers in int32 range as Smis (node 20 on 64 bits)
        } else {
            put(V8Wire.DOUBLE);
            writeDouble(d);
        }
    }

    private void smi(int i) {
        put(V8Wire.INT32);
        varint(((long) i << 1 ^ (i >> 31)) & 0xFFFFFFFFL); // ZigZag
    }

    /** A BigInt: its byte length (64-bit digits) times two plus the sign, then the digits, little-endian. */
    private void bigint(BigInteger big) {
        BigInteger mag = big.abs();
        int digits = (mag.bitLength() + 63) / 64;
        varint((long) digits * 8 * 2 | (big.signum() < 0 ? 1 : 0));
        byte[] be = mag.toByteArray(); // big-endian, maybe with a leading 0
        ensure(digits * 8);
        for (int i = 0; i < digits * 8; i++) {
            int from = be.length - 1 - i;
            buf[size++] = from >= 0 ? be[from] : 0;
        }
    }

    /** One byte a character when all are Latin-1; else UTF-16LE, after a padding byte when the data would start odd. */
    private void string(String s) {
        int n = s.length();
        boolean oneByte = true;
        for (int i = 0; i < n && oneByte; i++) {
            oneByte = s.charAt(i) <= 0xFF;
        }
        if (oneByte) {
            put(V8Wire.ONE_BYTE_STRING);
            varint(n);
            ensure(n);
            for (int i = 0; i < n; i++) {
                buf[size++] = (byte) s.charAt(i);
            }
            return;
        }
        long byteLength = 2L * n;
        if (((size + 1 + varintSize(byteLength)) & 1) != 0) {
            put(V8Wire.PADDING); // V8 aligns two-byte string data on an even offset
        }
        put(V8Wire.TWO_BYTE_STRING);
        varint(byteLength);
        ensure(2 * n);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            buf[size++] = (byte) c;
            buf[size++] = (byte) (c >>> 8);
        }
    }

    private static int varintSize(long v) {
        int n = 1;
        while ((v >>>= 7) != 0) {
            n++;
        }
        return n;
    }

    private void varint(long v) {
        ensure(10);
        while ((v & ~0x7FL) != 0) {
            buf[size++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buf[size++] = (byte) v;
    }

    private void put(byte b) {
        ensure(1);
        buf[size++] = b;
    }

    private void raw(byte[] bytes, int off, int len) {
        ensure(len);
        System.arraycopy(bytes, off, buf, size, len);
        size += len;
    }

    private void ensure(int n) {
        if (size + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(size + n, buf.length * 2));
        }
    }

    private static NodeError notCloneable(String what) {
        return new NodeError("Error", null, what + " could not be cloned.");
    }
}
