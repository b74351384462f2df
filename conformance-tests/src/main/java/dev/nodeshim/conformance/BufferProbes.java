package dev.nodeshim.conformance;

import static dev.nodeshim.conformance.BufferArgs.buf;
import static dev.nodeshim.conformance.BufferArgs.d;
import static dev.nodeshim.conformance.BufferArgs.field;
import static dev.nodeshim.conformance.BufferArgs.fields;
import static dev.nodeshim.conformance.BufferArgs.kind;
import static dev.nodeshim.conformance.BufferArgs.l;
import static dev.nodeshim.conformance.BufferArgs.noOverload;
import static dev.nodeshim.conformance.BufferArgs.s;
import static dev.nodeshim.conformance.BufferArgs.sig;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nodeshim.buffer.Buffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Java half of the {@code buffer.*} probes that make buffers and strings: {@code buffer.from},
 * {@code alloc}, {@code toString}, {@code byteLength}, {@code isEncoding}, {@code write}, {@code fill},
 * {@code transcode} and {@code pool} (shared/CONFORMANCE.md; the argument mapping is
 * {@link BufferArgs}, documented in conformance-tests/PROBES.md). {@link #register} also registers
 * the probes of {@link BufferRangeProbes}, {@link BufferSearchProbes} and {@link BufferNumberProbes}.
 *
 * <p>A probe returns the bytes of a buffer result as {@code byte[]} (the {@code $hex} value).
 */
public final class BufferProbes {
    private BufferProbes() {
    }

    public static void register(ProbeRegistry r) {
        r.register("buffer.from", BufferProbes::from);
        r.register("buffer.alloc", BufferProbes::alloc);
        r.register("buffer.toString", BufferProbes::toStringProbe);
        r.register("buffer.byteLength", BufferProbes::byteLength);
        r.register("buffer.isEncoding", BufferProbes::isEncoding);
        r.register("buffer.write", BufferProbes::write);
        r.register("buffer.fill", BufferProbes::fill);
        r.register("buffer.transcode", BufferProbes::transcode);
        r.register("buffer.pool", BufferProbes::pool);
        BufferRangeProbes.register(r);
        BufferSearchProbes.register(r);
        BufferNumberProbes.register(r);
    }

    static byte[] bytes(Buffer b) {
        return b.toByteArray();
    }

    /** {@code buffer.from}: value and encoding; an array goes to {@code from(int[])} or, when an element is no int, {@code from(double[])}. */
    static Object from(JsonNode in) {
        List<JsonNode> f = fields(in, "value", "encoding");
        String sig = sig(f);
        switch (sig) {
            case "S":
                return bytes(Buffer.from(s(f.get(0))));
            case "SS":
            case "SN":
                return bytes(Buffer.from(s(f.get(0)), s(f.get(1))));
            case "N":
                return bytes(Buffer.from((String) null));
            case "B":
                return bytes(Buffer.from(buf(f.get(0))));
            case "A":
                return bytes(fromArray(f.get(0)));
            default:
                throw noOverload("Buffer.from", sig);
        }
    }

    private static Buffer fromArray(JsonNode array) {
        int n = array.size();
        boolean ints = true;
        for (JsonNode x : array) {
            char k = kind(x);
            if (k != 'L' && k != 'D') {
                throw new Inexpressible("Buffer.from(array) of a non-number: " + x);
            }
            if (k == 'D' || l(x) != (int) l(x)) {
                ints = false;
            }
        }
        if (ints) {
            int[] v = new int[n];
            for (int i = 0; i < n; i++) {
                v[i] = (int) l(array.get(i));
            }
            return Buffer.from(v);
        }
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = d(array.get(i));
        }
        return Buffer.from(v);
    }

    /** {@code buffer.alloc}: size, fill (number, string or bytes), encoding (with a string fill). */
    static Object alloc(JsonNode in) {
        List<JsonNode> f = fields(in, "size", "fill", "encoding");
        String sig = sig(f);
        switch (sig) {
            case "L":
                return bytes(Buffer.alloc(l(f.get(0))));
            case "LL":
            case "LD":
                return bytes(Buffer.alloc(l(f.get(0)), d(f.get(1))));
            case "LS":
                return bytes(Buffer.alloc(l(f.get(0)), s(f.get(1))));
            case "LSS":
            case "LSN":
                return bytes(Buffer.alloc(l(f.get(0)), s(f.get(1)), s(f.get(2))));
            case "LB":
                return bytes(Buffer.alloc(l(f.get(0)), buf(f.get(1))));
            default:
                throw noOverload("Buffer.alloc", sig);
        }
    }

    /** {@code buffer.toString}: encoding, start, end. */
    static Object toStringProbe(JsonNode in) {
        Buffer b = buf(field(in, "bytes"));
        List<JsonNode> f = fields(in, "encoding", "start", "end");
        String sig = sig(f);
        switch (sig) {
            case "":
                return b.toString();
            case "S":
            case "N":
                return b.toString(s(f.get(0)));
            case "SL":
            case "NL":
                return b.toString(s(f.get(0)), l(f.get(1)));
            case "SLL":
            case "NLL":
                return b.toString(s(f.get(0)), l(f.get(1)), l(f.get(2)));
            default:
                throw noOverload("toString", sig);
        }
    }

    /** {@code buffer.byteLength}: string (or bytes), encoding. */
    static Object byteLength(JsonNode in) {
        List<JsonNode> f = fields(in, "string", "encoding");
        String sig = sig(f);
        switch (sig) {
            case "S":
            case "N":
                return Buffer.byteLength(s(f.get(0)));
            case "SS":
            case "SN":
                return Buffer.byteLength(s(f.get(0)), s(f.get(1)));
            case "B":
                return Buffer.byteLength(buf(f.get(0)));
            default:
                throw noOverload("Buffer.byteLength", sig);
        }
    }

    /** {@code buffer.isEncoding}. */
    static Object isEncoding(JsonNode in) {
        List<JsonNode> f = fields(in, "encoding");
        String sig = sig(f);
        if (sig.equals("S") || sig.equals("N")) {
            return Buffer.isEncoding(s(f.get(0)));
        }
        throw noOverload("Buffer.isEncoding", sig);
    }

    /** {@code buffer.write}: {@code Buffer.alloc(size).write(string, ...args)} → {written, bytes}. */
    static Object write(JsonNode in) {
        JsonNode sizeNode = field(in, "size");
        JsonNode stringNode = field(in, "string");
        if (kind(stringNode) != 'S' && kind(stringNode) != 'N') {
            throw noOverload("write", String.valueOf(kind(stringNode)));
        }
        String string = s(stringNode);
        List<JsonNode> a = BufferArgs.args(in);
        String sig = sig(a);
        Buffer b = Buffer.alloc(l(sizeNode));
        int n;
        switch (sig) {
            case "":
                n = b.write(string);
                break;
            case "S":
            case "N":
                n = b.write(string, s(a.get(0)));
                break;
            case "L":
                n = b.write(string, l(a.get(0)));
                break;
            case "LS":
            case "LN":
                n = b.write(string, l(a.get(0)), s(a.get(1)));
                break;
            case "LL":
                n = b.write(string, l(a.get(0)), l(a.get(1)));
                break;
            case "LLS":
            case "LLN":
                n = b.write(string, l(a.get(0)), l(a.get(1)), s(a.get(2)));
                break;
            default:
                throw noOverload("write", "string, " + sig);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("written", n);
        out.put("bytes", bytes(b));
        return out;
    }

    /** {@code buffer.fill}: {@code Buffer.alloc(size).fill(value, ...args)} → the bytes returned. */
    static Object fill(JsonNode in) {
        Buffer b = Buffer.alloc(l(field(in, "size")));
        JsonNode value = field(in, "value");
        List<JsonNode> a = BufferArgs.args(in);
        String sig = sig(a);
        char v = kind(value);
        Buffer r;
        if (v == 'L' || v == 'D') {
            double x = d(value);
            switch (sig) {
                case "":
                    r = b.fill(x);
                    break;
                case "L":
                    r = b.fill(x, l(a.get(0)));
                    break;
                case "LL":
                    r = b.fill(x, l(a.get(0)), l(a.get(1)));
                    break;
                default:
                    throw noOverload("fill", "number, " + sig);
            }
        } else if (v == 'B') {
            Buffer x = buf(value);
            switch (sig) {
                case "":
                    r = b.fill(x);
                    break;
                case "L":
                    r = b.fill(x, l(a.get(0)));
                    break;
                case "LL":
                    r = b.fill(x, l(a.get(0)), l(a.get(1)));
                    break;
                default:
                    throw noOverload("fill", "bytes, " + sig);
            }
        } else if (v == 'S') {
            String x = s(value);
            switch (sig) {
                case "":
                    r = b.fill(x);
                    break;
                case "S":
                case "N":
                    r = b.fill(x, s(a.get(0)));
                    break;
                case "L":
                    r = b.fill(x, l(a.get(0)));
                    break;
                case "LS":
                case "LN":
                    r = b.fill(x, l(a.get(0)), s(a.get(1)));
                    break;
                case "LL":
                    r = b.fill(x, l(a.get(0)), l(a.get(1)));
                    break;
                case "LLS":
                case "LLN":
                    r = b.fill(x, l(a.get(0)), l(a.get(1)), s(a.get(2)));
                    break;
                default:
                    throw noOverload("fill", "string, " + sig);
            }
        } else {
            throw noOverload("fill", v + ", " + sig);
        }
        return bytes(r);
    }

    /** {@code buffer.transcode}: source, from, to. */
    static Object transcode(JsonNode in) {
        List<JsonNode> f = fields(in, "bytes", "from", "to");
        String sig = sig(f);
        if (!sig.matches("[BN][SN][SN]")) {
            throw noOverload("Buffer.transcode", sig);
        }
        return bytes(Buffer.transcode(buf(f.get(0)), s(f.get(1)), s(f.get(2))));
    }

    /**
     * {@code buffer.pool}: {@code allocUnsafe(4095)} until a fresh slab, then for each size
     * {@code [byteOffset, same store as the previous buffer, store byteLength]}.
     */
    static Object pool(JsonNode in) {
        JsonNode sizes = field(in, "sizes");
        if (!sizes.isArray()) {
            throw new Inexpressible("\"sizes\" is not an array");
        }
        for (JsonNode s : sizes) {
            l(s); // all expressible before anything is allocated
        }
        Buffer prev = Buffer.allocUnsafe(4095);
        while (true) {
            Buffer b = Buffer.allocUnsafe(4095);
            boolean fresh = b.buffer() != prev.buffer();
            prev = b;
            if (fresh) {
                break;
            }
        }
        List<Object> out = new ArrayList<>();
        for (JsonNode s : sizes) {
            Buffer b = Buffer.allocUnsafe(l(s));
            out.add(List.of(b.byteOffset(), b.buffer() == prev.buffer(), b.buffer().byteLength()));
            prev = b;
        }
        return out;
    }
}
