package dev.nodeshim.conformance;

import static dev.nodeshim.conformance.BufferArgs.buf;
import static dev.nodeshim.conformance.BufferArgs.field;
import static dev.nodeshim.conformance.BufferArgs.kind;
import static dev.nodeshim.conformance.BufferArgs.l;
import static dev.nodeshim.conformance.BufferArgs.noOverload;
import static dev.nodeshim.conformance.BufferArgs.sig;
import static dev.nodeshim.conformance.BufferArgs.value;
import static dev.nodeshim.conformance.BufferProbes.bytes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nodeshim.buffer.Buffer;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Java half of {@code buffer.read} and {@code buffer.writeNumber}: the {@link Buffer} method of
 * the case's {@code method} name itself (so {@code readUint16LE} runs the Java alias
 * {@code readUint16LE}), with {@code long} offset and byteLength, a {@code double} value, or a
 * {@link BigInteger} value (null included) for the 64-bit methods. Results: {@code int}, {@code long},
 * {@code float} (widened exactly), {@code double} or {@link BigInteger}, as Buffer returns them.
 */
final class BufferNumberProbes {
    private BufferNumberProbes() {
    }

    static void register(ProbeRegistry r) {
        r.register("buffer.read", BufferNumberProbes::read);
        r.register("buffer.writeNumber", BufferNumberProbes::writeNumber);
    }

    private static String method(JsonNode in, String prefix) {
        String m = field(in, "method").asText();
        if (!m.startsWith(prefix)) {
            throw new Inexpressible("not a " + prefix + " method: " + m);
        }
        return m;
    }

    /** {@code buffer.read}: {@code bytes[method](offset, byteLength)}. */
    static Object read(JsonNode in) throws Exception {
        Buffer b = buf(field(in, "bytes"));
        String m = method(in, "read");
        List<JsonNode> a = BufferArgs.args(in);
        String sig = sig(a);
        if (!sig.matches("L{0,2}")) {
            throw noOverload(m, sig);
        }
        Class<?>[] types = new Class<?>[a.size()];
        Object[] values = new Object[a.size()];
        for (int i = 0; i < a.size(); i++) {
            types[i] = long.class;
            values[i] = l(a.get(i));
        }
        return BufferArgs.call(b, m, types, values);
    }

    /** {@code buffer.writeNumber}: {@code b = Buffer.alloc(size); r = b[method](value, ...args)} → {returned, bytes}. */
    static Object writeNumber(JsonNode in) throws Exception {
        Buffer b = Buffer.alloc(l(field(in, "size")));
        String m = method(in, "write");
        JsonNode value = field(in, "value");
        List<JsonNode> a = BufferArgs.args(in);
        String sig = kind(value) + sig(a);
        boolean big = m.contains("Big");
        if (!sig.matches(big ? "[GN]L?" : "[LD]L{0,2}")) {
            throw noOverload(m, sig);
        }
        Class<?>[] types = new Class<?>[sig.length()];
        Object[] values = new Object[sig.length()];
        types[0] = big ? BigInteger.class : double.class;
        values[0] = value(value, types[0]);
        for (int i = 1; i < sig.length(); i++) {
            types[i] = long.class;
            values[i] = l(a.get(i - 1));
        }
        Object r = BufferArgs.call(b, m, types, values);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("returned", r);
        out.put("bytes", bytes(b));
        return out;
    }
}
