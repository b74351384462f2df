package dev.nodeshim.errors;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An error as Node raises it: a JavaScript error {@linkplain #name() name} ({@code TypeError},
 * {@code RangeError}, {@code Error}, …), an optional Node {@linkplain #code() code}
 * ({@code ERR_INVALID_ARG_TYPE}, …) and Node's message, character for character.
 *
 * <p>{@link #toString()} prints what {@code String(err)} prints in Node:
 * {@code TypeError [ERR_INVALID_ARG_TYPE]: The "listener" argument must be of type function. Received null}.
 *
 * <p>Other own properties of the JavaScript error ({@code errno}, {@code syscall}, {@code status}, …)
 * are kept in {@link #props()}. Messages for the codes are built in one place, {@link Errors}.
 */
public class NodeError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final String code;
    private final Map<String, Object> props = new LinkedHashMap<>();

    /**
     * @param name    the JavaScript error name, e.g. {@code "TypeError"}
     * @param code    Node's code, or {@code null} for an error without one
     * @param message the message, exactly as Node words it
     */
    public NodeError(String name, String code, String message) {
        this(name, code, message, null);
    }

    public NodeError(String name, String code, String message, Throwable cause) {
        super(message, cause);
        this.name = Objects.requireNonNull(name, "name");
        this.code = code;
    }

    /** A plain {@code new Error(message)}: name {@code Error}, no code. */
    public static NodeError of(String message) {
        return new NodeError("Error", null, message);
    }

    /** The JavaScript error name: {@code Error}, {@code TypeError}, {@code RangeError}, … */
    public String name() {
        return name;
    }

    /** Node's error code, or {@code null} when the error has none (Node's {@code err.code === undefined}). */
    public String code() {
        return code;
    }

    /** The error's other own properties, in insertion order (read-only view). */
    public Map<String, Object> props() {
        return Collections.unmodifiableMap(props);
    }

    /** One own property, or {@code null}. */
    public Object prop(String key) {
        return props.get(key);
    }

    /** Sets an own property (as {@code err.key = value} does in Node) and returns this error. */
    public NodeError withProp(String key, Object value) {
        props.put(key, value);
        return this;
    }

    /** Node's {@code String(err)}: {@code Name [CODE]: message}, or {@code Name: message} without a code. */
    @Override
    public String toString() {
        String head = code == null ? name : name + " [" + code + "]";
        String message = getMessage();
        return message == null || message.isEmpty() ? head : head + ": " + message;
    }
}
