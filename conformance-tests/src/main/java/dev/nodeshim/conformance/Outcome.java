package dev.nodeshim.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nodeshim.errors.NodeError;
import java.util.Iterator;
import java.util.Objects;

/**
 * A case's {@code out}: {@code {"ok": V}} or
 * {@code {"throws": {"name", "code", "message", "props"?}}}, built here from what a probe returned or
 * threw so it can be compared with {@link Values#equal} against the expected one.
 */
public final class Outcome {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Outcome() {
    }

    /** {@code {"ok": V}} for a probe's return value. */
    public static JsonNode ok(Object value) {
        ObjectNode o = NODES.objectNode();
        o.set("ok", Values.encode(value));
        return o;
    }

    /**
     * {@code {"throws": …}} for what a probe threw. {@code props} is present only when the expected
     * outcome has it, and holds the same keys: the error's own fields a probe names are the ones the
     * case recorded (a key the Java error lacks is left out, so the comparison reports it missing).
     *
     * @param expected the case's expected {@code out}, or {@code null}
     */
    public static JsonNode threw(Throwable t, JsonNode expected) {
        ObjectNode e = NODES.objectNode();
        e.put("name", errorName(t));
        e.put("code", errorCode(t));
        e.put("message", Objects.toString(t.getMessage(), ""));
        JsonNode expectedProps = expected == null ? null : expected.path("throws").get("props");
        if (expectedProps != null && expectedProps.isObject()) {
            ObjectNode props = NODES.objectNode();
            Iterator<String> keys = expectedProps.fieldNames();
            while (keys.hasNext()) {
                String k = keys.next();
                if (t instanceof NodeError ne && ne.props().containsKey(k)) {
                    props.set(k, encodeOrDescribe(ne.prop(k)));
                } else {
                    props.set(k, Values.encode(dev.nodeshim.errors.Undefined.INSTANCE)); // JS: a missing property reads as undefined
                }
            }
            e.set("props", props);
        }
        ObjectNode o = NODES.objectNode();
        o.set("throws", e);
        return o;
    }

    /** Node's {@code err.name}: the NodeError's, else the Java class name (which matches no Node name). */
    public static String errorName(Throwable t) {
        return t instanceof NodeError ne ? ne.name() : t.getClass().getName();
    }

    /** Node's {@code err.code}, {@code null} when absent. */
    public static String errorCode(Throwable t) {
        return t instanceof NodeError ne ? ne.code() : null;
    }

    private static JsonNode encodeOrDescribe(Object v) {
        try {
            return Values.encode(v);
        } catch (IllegalArgumentException e) {
            return NODES.textNode("<" + e.getMessage() + ">");
        }
    }
}
