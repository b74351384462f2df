package dev.nodeshim.conformance;

import static dev.nodeshim.conformance.BufferArgs.buf;
import static dev.nodeshim.conformance.BufferArgs.field;
import static dev.nodeshim.conformance.BufferArgs.fields;
import static dev.nodeshim.conformance.BufferArgs.kind;
import static dev.nodeshim.conformance.BufferArgs.l;
import static dev.nodeshim.conformance.BufferArgs.noOverload;
import static dev.nodeshim.conformance.BufferArgs.sig;
import static dev.nodeshim.conformance.BufferProbes.bytes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nodeshim.buffer.Buffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Java half of the {@code buffer.*} probes over ranges and whole buffers: {@code compare},
 * {@code equals}, {@code concat}, {@code slice}, {@code copy}, {@code swap}, {@code toJSON},
 * {@code inspect} (shared/CONFORMANCE.md; arguments mapped by {@link BufferArgs}).
 */
final class BufferRangeProbes {
    private BufferRangeProbes() {
    }

    static void register(ProbeRegistry r) {
        r.register("buffer.compare", BufferRangeProbes::compare);
        r.register("buffer.equals", BufferRangeProbes::equalsProbe);
        r.register("buffer.concat", BufferRangeProbes::concat);
        r.register("buffer.slice", BufferRangeProbes::slice);
        r.register("buffer.copy", BufferRangeProbes::copy);
        r.register("buffer.swap", BufferRangeProbes::swap);
        r.register("buffer.toJSON", in -> buf(field(in, "bytes")).toJSON());
        r.register("buffer.inspect", in -> buf(field(in, "bytes")).inspect());
    }

    /** Bytes or null (kinds B, N). */
    private static Buffer target(JsonNode j, String what) {
        char k = kind(j);
        if (k != 'B' && k != 'N') {
            throw noOverload(what, String.valueOf(k));
        }
        return buf(j);
    }

    /** {@code buffer.compare}: {@code a.compare(b, targetStart, targetEnd, sourceStart, sourceEnd)}. */
    static Object compare(JsonNode in) {
        Buffer a = buf(field(in, "a"));
        Buffer b = target(field(in, "b"), "compare");
        List<JsonNode> x = BufferArgs.args(in);
        String sig = sig(x);
        switch (sig) {
            case "":
                return a.compare(b);
            case "L":
                return a.compare(b, l(x.get(0)));
            case "LL":
                return a.compare(b, l(x.get(0)), l(x.get(1)));
            case "LLL":
                return a.compare(b, l(x.get(0)), l(x.get(1)), l(x.get(2)));
            case "LLLL":
                return a.compare(b, l(x.get(0)), l(x.get(1)), l(x.get(2)), l(x.get(3)));
            default:
                throw noOverload("compare", "target, " + sig);
        }
    }

    /**
     * {@code buffer.equals}: {@code a.equals(b)}. Only bytes: Java's {@code equals(Object)} returns
     * false for anything else where Node throws, so other kinds are not expressible.
     */
    static Object equalsProbe(JsonNode in) {
        Buffer a = buf(field(in, "a"));
        JsonNode b = field(in, "b");
        if (kind(b) != 'B') {
            throw noOverload("equals", String.valueOf(kind(b)));
        }
        return a.equals(buf(b));
    }

    /** {@code buffer.concat}: list (array of bytes or nulls, or null), totalLength. */
    static Object concat(JsonNode in) {
        List<JsonNode> f = fields(in, "list", "totalLength");
        String sig = sig(f);
        List<Buffer> list = null;
        if (sig.startsWith("A")) {
            list = new ArrayList<>();
            for (JsonNode x : f.get(0)) {
                list.add(target(x, "Buffer.concat list element"));
            }
        }
        switch (sig) {
            case "A":
            case "N":
                return bytes(Buffer.concat(list));
            case "AL":
            case "NL":
                return bytes(Buffer.concat(list, l(f.get(1))));
            default:
                throw noOverload("Buffer.concat", sig);
        }
    }

    /** {@code buffer.slice}: {@code bytes.subarray(start, end)}. */
    static Object slice(JsonNode in) {
        Buffer b = buf(field(in, "bytes"));
        List<JsonNode> x = BufferArgs.args(in);
        String sig = sig(x);
        switch (sig) {
            case "":
                return bytes(b.subarray());
            case "L":
                return bytes(b.subarray(l(x.get(0))));
            case "LL":
                return bytes(b.subarray(l(x.get(0)), l(x.get(1))));
            default:
                throw noOverload("subarray", sig);
        }
    }

    /** {@code buffer.copy}: {@code n = source.copy(target, targetStart, sourceStart, sourceEnd)} → {copied, target}. */
    static Object copy(JsonNode in) {
        Buffer source = buf(field(in, "source"));
        Buffer target = target(field(in, "target"), "copy");
        List<JsonNode> x = BufferArgs.args(in);
        String sig = sig(x);
        int n;
        switch (sig) {
            case "":
                n = source.copy(target);
                break;
            case "L":
                n = source.copy(target, l(x.get(0)));
                break;
            case "LL":
                n = source.copy(target, l(x.get(0)), l(x.get(1)));
                break;
            case "LLL":
                n = source.copy(target, l(x.get(0)), l(x.get(1)), l(x.get(2)));
                break;
            default:
                throw noOverload("copy", "target, " + sig);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("copied", n);
        out.put("target", bytes(target));
        return out;
    }

    /** {@code buffer.swap}: {@code swap16()}, {@code swap32()} or {@code swap64()}. */
    static Object swap(JsonNode in) {
        Buffer b = buf(field(in, "bytes"));
        JsonNode bits = field(in, "bits");
        switch (bits.asText()) {
            case "16":
                return bytes(b.swap16());
            case "32":
                return bytes(b.swap32());
            case "64":
                return bytes(b.swap64());
            default:
                throw new Inexpressible("no swap" + bits);
        }
    }
}
