package dev.nodeshim.conformance;

import static dev.nodeshim.conformance.BufferArgs.buf;
import static dev.nodeshim.conformance.BufferArgs.field;
import static dev.nodeshim.conformance.BufferArgs.kind;
import static dev.nodeshim.conformance.BufferArgs.noOverload;
import static dev.nodeshim.conformance.BufferArgs.sig;
import static dev.nodeshim.conformance.BufferArgs.type;
import static dev.nodeshim.conformance.BufferArgs.value;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nodeshim.buffer.Buffer;
import java.util.List;

/**
 * The Java half of {@code buffer.indexOf}, {@code buffer.lastIndexOf} and {@code buffer.includes}:
 * {@code bytes.method(value, ...args)} where {@code value} is a string ({@code String}; null is the
 * {@code String} null), bytes ({@link Buffer}) or an integer ({@code long}), and {@code args} are
 * {@code byteOffset} ({@code long}) and {@code encoding} ({@code String}, also in byteOffset's place,
 * as Node allows). The overload is the one {@link Buffer} declares for those parameter types.
 */
final class BufferSearchProbes {
    private BufferSearchProbes() {
    }

    static void register(ProbeRegistry r) {
        for (String m : List.of("indexOf", "lastIndexOf", "includes")) {
            r.register("buffer." + m, in -> search(in, m));
        }
    }

    static Object search(JsonNode in, String method) throws Exception {
        Buffer b = buf(field(in, "bytes"));
        JsonNode value = field(in, "value");
        List<JsonNode> a = BufferArgs.args(in);
        String sig = kind(value) + sig(a);
        if (!sig.matches("[SNBL](|[SN]|L|L[SN])")) {
            throw noOverload(method, sig);
        }
        Class<?>[] types = new Class<?>[sig.length()];
        Object[] values = new Object[sig.length()];
        for (int i = 0; i < sig.length(); i++) {
            JsonNode j = i == 0 ? value : a.get(i - 1);
            types[i] = type(sig.charAt(i));
            values[i] = value(j, types[i]);
        }
        return BufferArgs.call(b, method, types, values);
    }
}
