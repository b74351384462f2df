package dev.nodeshim.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nodeshim.buffer.ArrayBuffer;
import dev.nodeshim.buffer.Buffer;
import dev.nodeshim.childprocess.JsMap;
import dev.nodeshim.childprocess.RegExp;
import dev.nodeshim.childprocess.TypedArray;
import dev.nodeshim.childprocess.V8Deserializer;
import dev.nodeshim.childprocess.V8Serializer;
import dev.nodeshim.errors.NodeError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code v8.*} probes of PROBES.md: {@code v8.serialize} (a value, in the value encoding extended
 * with {@code $map}, {@code $set}, {@code $date}, {@code $regexp}, {@code $typed},
 * {@code $arraybuffer}, {@code $errorobj}) → its bytes, and {@code v8.deserialize} (bytes) → the value,
 * in the same encoding. Performed by the childprocess module's {@link V8Serializer} and
 * {@link V8Deserializer} (the advanced IPC serialization).
 */
final class V8Probes {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private V8Probes() {
    }

    static void register(ProbeRegistry r) {
        r.register("v8.serialize", in -> V8Serializer.serialize(decode(in.get("value"))).toByteArray());
        r.register("v8.deserialize", in -> encode(V8Deserializer.deserialize(
                Buffer.wrap(HexFormat.of().parseHex(in.get("bytes").get("$hex").asText())))));
    }

    /** The extended value JSON as the Java value the mapping gives for it. */
    static Object decode(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isArray()) {
            List<Object> out = new ArrayList<>();
            v.forEach(x -> out.add(decode(x)));
            return out;
        }
        if (!v.isObject()) {
            return Values.decode(v);
        }
        if (v.size() == 1) {
            Map.Entry<String, JsonNode> only = v.properties().iterator().next();
            JsonNode x = only.getValue();
            switch (only.getKey()) {
                case "$map" -> {
                    JsMap m = new JsMap();
                    x.forEach(e -> m.put(decode(e.get(0)), decode(e.get(1))));
                    return m;
                }
                case "$set" -> {
                    Set<Object> s = new LinkedHashSet<>();
                    x.forEach(e -> s.add(decode(e)));
                    return s;
                }
                case "$date" -> {
                    return Instant.ofEpochMilli(x.asLong());
                }
                case "$regexp" -> {
                    return new RegExp(x.get(0).asText(), x.get(1).asText());
                }
                case "$typed" -> {
                    return new TypedArray(x.get(0).asText(), HexFormat.of().parseHex(x.get(1).asText()));
                }
                case "$arraybuffer" -> {
                    return ArrayBuffer.wrap(HexFormat.of().parseHex(x.asText()));
                }
                case "$errorobj" -> {
                    return new NodeError(x.get(0).asText(), null, x.get(1).asText()).withProp("stack", x.get(2).asText());
                }
                case "$undefined", "$hex", "$bigint", "$num" -> {
                    return Values.decode(v);
                }
                default -> {
                    // an ordinary object with one key
                }
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        v.properties().forEach(e -> out.put(e.getKey(), decode(e.getValue())));
        return out;
    }

    /** A Java value read by the deserializer, in the extended value JSON. */
    static JsonNode encode(Object v) {
        return Values.encode(v, V8Probes::special);
    }

    private static JsonNode special(Object v) {
        if (v instanceof Buffer b) {
            return tagged("$hex", NODES.textNode(b.toString("hex")));
        }
        if (v instanceof TypedArray t) {
            return typed(t.type(), t.bytes());
        }
        TypedArray view = TypedArray.of(v); // short[], char[], int[], float[], double[], long[]
        if (view != null) {
            return typed(view.type(), view.bytes());
        }
        if (v instanceof ArrayBuffer ab) {
            return tagged("$arraybuffer", NODES.textNode(HexFormat.of().formatHex(ab.array(), 0, ab.byteLength())));
        }
        if (v instanceof JsMap m) {
            ArrayNode a = NODES.arrayNode();
            m.forEach((k, x) -> a.add(NODES.arrayNode().add(encode(k)).add(encode(x))));
            return tagged("$map", a);
        }
        if (v instanceof Set<?> s) {
            ArrayNode a = NODES.arrayNode();
            s.forEach(x -> a.add(encode(x)));
            return tagged("$set", a);
        }
        if (v instanceof Instant t) {
            return tagged("$date", NODES.numberNode(t.toEpochMilli()));
        }
        if (v instanceof RegExp re) {
            return tagged("$regexp", NODES.arrayNode().add(re.source()).add(re.flags()));
        }
        if (v instanceof NodeError e) {
            ArrayNode a = NODES.arrayNode().add(e.name()).add(e.getMessage());
            a.add(e.prop("stack") instanceof String s ? NODES.textNode(s) : NODES.nullNode());
            return tagged("$errorobj", a);
        }
        return null;
    }

    private static JsonNode typed(String type, byte[] bytes) {
        return tagged("$typed", NODES.arrayNode().add(type).add(HexFormat.of().formatHex(bytes)));
    }

    private static ObjectNode tagged(String tag, JsonNode value) {
        ObjectNode o = NODES.objectNode();
        o.set(tag, value);
        return o;
    }
}
