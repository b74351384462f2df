package dev.nodeshim.childprocess;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A JavaScript {@code Map}, for the advanced serialization: a received {@code Map} arrives as one
 * (keys of any type, in insertion order), and one sent arrives as a {@code Map} in JavaScript. Any
 * other {@link java.util.Map} is sent as a plain object (keys as strings), as a {@code Map} is in the
 * JSON serialization.
 */
public final class JsMap extends LinkedHashMap<Object, Object> {
    private static final long serialVersionUID = 1L;

    /** An empty Map. */
    public JsMap() {
    }

    /** A Map with {@code entries}' entries, in their order. */
    public JsMap(Map<?, ?> entries) {
        super(entries);
    }
}
