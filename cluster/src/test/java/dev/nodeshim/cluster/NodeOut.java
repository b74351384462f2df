package dev.nodeshim.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads what node 20 printed for a script in src/test/resources/node, and writes values as JSON.stringify. */
final class NodeOut {
    private static final ObjectMapper JSON = new ObjectMapper();

    private NodeOut() {}

    static List<String> lines(String name) {
        try (InputStream in = NodeOut.class.getResourceAsStream("/node/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a node worker's server {@code 'error'} carries, in node's order: name, code, message, then its own properties. */
    static Map<String, Object> fields(dev.nodeshim.errors.NodeError err) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", err.name());
        m.put("code", err.code());
        m.put("message", err.getMessage());
        m.putAll(err.props());
        return m;
    }

    /** A Boolean as JavaScript prints an optional one: null is {@code undefined}. */
    static String js(Boolean b) {
        return b == null ? "undefined" : b.toString();
    }
}
