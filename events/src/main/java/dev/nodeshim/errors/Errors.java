package dev.nodeshim.errors;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Node's error messages, built in one place (as Node's {@code lib/internal/errors.js} does) so that
 * every module words an error the same way, character for character.
 */
public final class Errors {
    /** Node's kTypes: typeof names, and "Function" and "Object", which mean the types function and object. */
    private static final Set<String> PRIMITIVE_TYPES = Set.of(
            "string", "function", "number", "object", "Function", "Object", "boolean", "bigint", "symbol");
    private static final Pattern CLASS_NAME = Pattern.compile("^([A-Z][a-z0-9]*)+$");

    private Errors() {
    }

    /**
     * {@code ERR_INVALID_ARG_TYPE} (a {@code TypeError}): {@code The "listener" argument must be of
     * type function. Received null}.
     *
     * @param name     the argument's name; a name ending in {@code " argument"} is used as is
     *                 ({@code The first argument must be …}), a dotted name is a property
     * @param expected primitive type names ({@code string}), class names ({@code Buffer}) or other
     *                 descriptions ({@code Array-like Object}), as Node lists them
     * @param actual   the value received
     */
    public static NodeError invalidArgType(String name, List<String> expected, Object actual) {
        StringBuilder msg = new StringBuilder("The ");
        if (name.endsWith(" argument")) {
            msg.append(name).append(' ');
        } else {
            msg.append('"').append(name).append("\" ").append(name.contains(".") ? "property " : "argument ");
        }
        msg.append("must be ");
        List<String> types = new ArrayList<>();
        List<String> instances = new ArrayList<>();
        List<String> other = new ArrayList<>();
        for (String value : expected) {
            if (PRIMITIVE_TYPES.contains(value)) {
                types.add(value.toLowerCase(Locale.ROOT));
            } else if (CLASS_NAME.matcher(value).matches()) {
                instances.add(value);
            } else {
                other.add(value);
            }
        }
        // Node folds 'object' into the instance list when there are instances.
        if (!instances.isEmpty() && types.remove("object")) {
            instances.add("Object");
        }
        if (!types.isEmpty()) {
            msg.append(list(types, "one of type ", "of type "));
            if (!instances.isEmpty() || !other.isEmpty()) {
                msg.append(" or ");
            }
        }
        if (!instances.isEmpty()) {
            if (instances.size() > 2) {
                msg.append(list(instances, "an instance of ", "an instance of "));
            } else {
                msg.append("an instance of ").append(instances.get(0));
                if (instances.size() == 2) {
                    msg.append(" or ").append(instances.get(1));
                }
            }
            if (!other.isEmpty()) {
                msg.append(" or ");
            }
        }
        if (!other.isEmpty()) {
            if (other.size() > 1) {
                msg.append(list(other, "one of ", ""));
            } else {
                String only = other.get(0);
                if (!only.toLowerCase().equals(only)) {
                    msg.append("an ");
                }
                msg.append(only);
            }
        }
        msg.append(". ").append(received(actual));
        return new NodeError("TypeError", "ERR_INVALID_ARG_TYPE", msg.toString());
    }

    /** {@link #invalidArgType(String, List, Object)} with one expected type. */
    public static NodeError invalidArgType(String name, String expected, Object actual) {
        return invalidArgType(name, List.of(expected), actual);
    }

    private static String list(List<String> items, String manyPrefix, String onePrefix) {
        if (items.size() == 1) {
            return onePrefix + items.get(0);
        }
        if (items.size() == 2) {
            return manyPrefix + items.get(0) + " or " + items.get(1);
        }
        List<String> head = items.subList(0, items.size() - 1);
        return manyPrefix + String.join(", ", head) + ", or " + items.get(items.size() - 1);
    }

    /**
     * Node's {@code determineSpecificType}: {@code Received null}, {@code Received type number (5)},
     * {@code Received type string ('abc')}, {@code Received an instance of Map},
     * {@code Received function name}. A string is not inspected: one longer than 28 characters is cut
     * to 25 and {@code ...}, then put in single quotes as is, or through {@code JSON.stringify} when it
     * holds a single quote ({@code Received type string ("it's")}). Numbers, bigints and booleans are
     * never cut.
     */
    public static String received(Object value) {
        if (value == null || value instanceof Undefined) {
            return "Received " + (value == null ? "null" : "undefined");
        }
        String type = typeOf(value);
        if (type.equals("function")) {
            return "Received function " + functionName(value);
        }
        if (type.equals("object")) {
            return "Received an instance of " + className(value);
        }
        if (type.equals("string")) {
            String s = value.toString();
            if (s.length() > 28) {
                s = s.substring(0, 25) + "...";
            }
            return "Received type string (" + (s.indexOf('\'') < 0 ? "'" + s + "'" : JsonString.quote(s)) + ")";
        }
        return "Received type " + type + " (" + Inspect.inspect(value) + ")";
    }

    /** JavaScript's {@code typeof} for the Java stand-in of a value. */
    public static String typeOf(Object value) {
        if (value == null) {
            return "object";
        }
        if (value instanceof Undefined) {
            return "undefined";
        }
        if (value instanceof CharSequence || value instanceof Character) {
            return "string";
        }
        if (value instanceof BigInteger) {
            return "bigint";
        }
        if (value instanceof Number) {
            return "number";
        }
        if (value instanceof Boolean) {
            return "boolean";
        }
        if (value instanceof dev.nodeshim.events.Symbol) {
            return "symbol";
        }
        if (isFunction(value)) {
            return "function";
        }
        return "object";
    }

    private static boolean isFunction(Object value) {
        Class<?> c = value.getClass();
        if (c.isSynthetic() || c.getSimpleName().contains("$$Lambda")) {
            return true;
        }
        for (Class<?> i : c.getInterfaces()) {
            if (i.isAnnotationPresent(FunctionalInterface.class)) {
                return true;
            }
        }
        return false;
    }

    /** A function's name: its class's simple name, or {@code ""} for a lambda (an anonymous function). */
    static String functionName(Object fn) {
        String simple = fn.getClass().getSimpleName();
        int cut = simple.indexOf("$$Lambda");
        return cut >= 0 ? "" : simple;
    }

    private static String className(Object value) {
        if (value instanceof Map) {
            return "Object";
        }
        if (value instanceof Collection || value.getClass().isArray()) {
            return value instanceof byte[] ? "Uint8Array" : "Array";
        }
        if (value instanceof Throwable t) {
            return t instanceof NodeError e ? e.name() : "Error";
        }
        return value.getClass().getSimpleName();
    }

    /**
     * {@code ERR_OUT_OF_RANGE} (a {@code RangeError}): {@code The value of "offset" is out of range.
     * It must be >= 0 and <= 6. Received 7}. Integers beyond 2^32 in magnitude are printed with
     * Node's numerical separators ({@code 1_099_511_627_776}), bigints with an {@code n}.
     */
    public static NodeError outOfRange(String name, String range, Object received) {
        String shown;
        if (received instanceof BigInteger big) {
            shown = big.toString();
            if (big.abs().compareTo(BigInteger.ONE.shiftLeft(32)) > 0) {
                shown = Inspect.addNumericalSeparator(shown);
            }
            shown += "n";
        } else if (received instanceof Number n && isInteger(n) && Math.abs(n.doubleValue()) > 4294967296.0) {
            shown = Inspect.addNumericalSeparator(Inspect.numberToString(n.doubleValue()));
        } else {
            shown = Inspect.inspect(received);
        }
        return new NodeError("RangeError", "ERR_OUT_OF_RANGE",
                "The value of \"" + name + "\" is out of range. It must be " + range + ". Received " + shown);
    }

    private static boolean isInteger(Number n) {
        if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            return !Double.isInfinite(d) && d == Math.rint(d);
        }
        return true;
    }

    /** {@code ERR_INVALID_ARG_VALUE} (a {@code TypeError}): {@code The argument 'encoding' is invalid. Received 'x'}. */
    public static NodeError invalidArgValue(String name, Object value, String reason) {
        String kind = name.contains(".") ? "property" : "argument";
        String inspected = Inspect.inspect(value);
        if (inspected.length() > 128) {
            inspected = inspected.substring(0, 128) + "...";
        }
        return new NodeError("TypeError", "ERR_INVALID_ARG_VALUE",
                "The " + kind + " '" + name + "' " + reason + ". Received " + inspected);
    }

    /** {@link #invalidArgValue(String, Object, String)} with Node's default reason, {@code is invalid}. */
    public static NodeError invalidArgValue(String name, Object value) {
        return invalidArgValue(name, value, "is invalid");
    }

    /**
     * Node's {@code AbortError} (code {@code ABORT_ERR}): {@code The operation was aborted}, with the
     * signal's reason as {@code cause} — what an API that took an {@code AbortSignal} reports when it aborts.
     */
    public static NodeError abortError(Object cause) {
        NodeError e = new NodeError("AbortError", "ABORT_ERR", "The operation was aborted");
        return cause == null ? e : e.withProp("cause", cause);
    }

    /** {@code ERR_UNHANDLED_ERROR} (an {@code Error}): {@code Unhandled error. ('boom')}. */
    public static NodeError unhandledError(Object value) {
        String msg = "Unhandled error." + " (" + Inspect.inspect(value) + ")";
        return new NodeError("Error", "ERR_UNHANDLED_ERROR", msg).withProp("context", value);
    }

    /** {@code ERR_UNKNOWN_ENCODING} (a {@code TypeError}): {@code Unknown encoding: x}. */
    public static NodeError unknownEncoding(Object encoding) {
        return new NodeError("TypeError", "ERR_UNKNOWN_ENCODING", "Unknown encoding: " + encoding);
    }

    /** {@code ERR_MISSING_ARGS} (a {@code TypeError}): {@code The "name" argument must be specified}. */
    public static NodeError missingArgs(String... names) {
        StringBuilder msg = new StringBuilder("The ");
        List<String> quoted = new ArrayList<>();
        for (String n : names) {
            quoted.add('"' + n + '"');
        }
        if (quoted.size() == 1) {
            msg.append(quoted.get(0)).append(" argument");
        } else if (quoted.size() == 2) {
            msg.append(quoted.get(0)).append(" and ").append(quoted.get(1)).append(" arguments");
        } else {
            msg.append(String.join(", ", quoted.subList(0, quoted.size() - 1)))
                    .append(", and ").append(quoted.get(quoted.size() - 1)).append(" arguments");
        }
        return new NodeError("TypeError", "ERR_MISSING_ARGS", msg.append(" must be specified").toString());
    }
}
