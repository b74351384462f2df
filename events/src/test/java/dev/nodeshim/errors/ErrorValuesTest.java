package dev.nodeshim.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodeshim.events.Symbol;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.RecordComponent;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every value in {@code node/error-values.jsonl} (written by {@code node/error-values.js}, which
 * makes Node 20 throw its argument errors for about 600 values) is rebuilt as its Java stand-in,
 * passed to the same error builder, and the message must be Node's, character for character.
 *
 * <p>The Java stand-ins of JavaScript values:
 * <table>
 * <tr><th>JavaScript</th><th>Java</th></tr>
 * <tr><td>string</td><td>{@link String}</td></tr>
 * <tr><td>number</td><td>{@link Double}; an integer also as {@link Long}, and as {@link Integer} when it fits</td></tr>
 * <tr><td>bigint</td><td>{@link BigInteger}</td></tr>
 * <tr><td>boolean, null, undefined</td><td>{@link Boolean}, {@code null}, {@link Undefined#INSTANCE}</td></tr>
 * <tr><td>symbol</td><td>{@link Symbol}</td></tr>
 * <tr><td>Array</td><td>{@link List}</td></tr>
 * <tr><td>plain object</td><td>{@link Map} (a {@link LinkedHashMap}, keys in insertion order)</td></tr>
 * <tr><td>instance of class X</td><td>a record named X with the same components</td></tr>
 * <tr><td>Uint8Array</td><td>{@code byte[]}</td></tr>
 * <tr><td>an object or array that holds itself</td><td>a {@link Map} or {@link List} that holds itself</td></tr>
 * <tr><td>Buffer</td><td>an {@link Inspectable} named Buffer (the buffer module's Buffer is one)</td></tr>
 * <tr><td>function f / anonymous function</td><td>an object of class {@code f} implementing a functional
 * interface / a lambda</td></tr>
 * </table>
 */
class ErrorValuesTest {
    /** Objects read as LinkedHashMaps (key order kept); a lone surrogate escape stays one char. */
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();
    private static final Pattern RANGE = Pattern.compile(
            "The value of \"([^\"]*)\" is out of range\\. It must be (.*?)\\. Received .*", Pattern.DOTALL);

    record Foo(Object a) {
    }

    record Point(Object x, Object y) {
    }

    record Empty() {
    }

    record Box(Object value) {
    }

    /** A JavaScript function named {@code validate}. */
    @SuppressWarnings("checkstyle:TypeName")
    static final class validate implements Runnable {
        @Override
        public void run() {
        }
    }

    /** The stand-in of Node's Buffer: the buffer module's Buffer shows itself the same way. */
    static final class Buffer implements Inspectable {
        private final byte[] bytes;

        Buffer(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public String inspect() {
            StringBuilder out = new StringBuilder("<Buffer");
            for (int i = 0; i < Math.min(bytes.length, 50); i++) {
                out.append(' ').append(String.format("%02x", bytes[i] & 0xFF));
            }
            if (bytes.length == 0) {
                out.append(' ');
            }
            if (bytes.length > 50) {
                out.append(" ... ").append(bytes.length - 50).append(" more byte").append(bytes.length > 51 ? "s" : "");
            }
            return out.append('>').toString();
        }
    }

    /**
     * Every message of a value is Node's, except where Node lays out an array of more than six entries
     * in columns, which {@link Inspect} does not do: those are compared too, and only counted.
     */
    @Test
    void everyMessageIsNodes() throws IOException {
        List<String> differences = new ArrayList<>();
        List<String> columnLayout = new ArrayList<>();
        int compared = 0;
        int columnCases = 0;
        int line = 0;
        for (String json : lines()) {
            line++;
            @SuppressWarnings("unchecked")
            Map<String, Object> c = (Map<String, Object>) JSON.readValue(json, Object.class);
            @SuppressWarnings("unchecked")
            Map<String, Object> spec = (Map<String, Object>) c.get("v");
            boolean isNumber = spec.get("t").equals("number");
            boolean columns = hasLongArray(spec, 0);
            List<String> out = columns ? columnLayout : differences;
            for (Object value : variants(spec)) {
                String variant = value == null ? "null" : value.getClass().getSimpleName();
                List<String[]> pairs = new ArrayList<>();
                if (c.get("type") instanceof String expected) {
                    pairs.add(new String[] {"type", expected, isNumber
                            ? Errors.invalidArgType("listener", "function", value).getMessage()
                            : Errors.invalidArgType("setMaxListeners", "number", value).getMessage()});
                }
                if (c.get("value") instanceof String expected) {
                    pairs.add(new String[] {"value", expected,
                            Errors.invalidArgValue(isNumber ? "stdio" : "flags", value).getMessage()});
                }
                if (c.get("range") instanceof String expected) {
                    Matcher m = RANGE.matcher(expected);
                    assertTrue(m.matches(), expected);
                    pairs.add(new String[] {"range", expected,
                            Errors.outOfRange(m.group(1), m.group(2), value).getMessage()});
                }
                if (c.get("unhandled") instanceof String expected) {
                    pairs.add(new String[] {"unhandled", expected, Errors.unhandledError(value).getMessage()});
                }
                for (String[] p : pairs) {
                    compared++;
                    columnCases += columns ? 1 : 0;
                    if (!p[1].equals(p[2])) {
                        out.add("line " + line + " " + p[0] + " (" + variant + ")\n  node: " + p[1]
                                + "\n  java: " + p[2]);
                    }
                }
            }
        }
        List<String> all = new ArrayList<>(differences);
        all.addAll(columnLayout);
        java.nio.file.Files.write(java.nio.file.Path.of("target", "error-values-differences.txt"), all);
        System.out.println("ErrorValuesTest: " + line + " values, " + compared + " messages compared, "
                + differences.size() + " differ; of " + columnCases + " messages of values holding an array of"
                + " more than 6 entries, " + columnLayout.size() + " differ (Node's column layout)");
        assertTrue(compared > 1500, "messages compared: " + compared);
        assertEquals(List.of(), differences.subList(0, Math.min(5, differences.size())),
                differences.size() + " messages differ (all in target/error-values-differences.txt)");
    }

    /** Whether the value shows an array of more than six entries, which Node may lay out in columns. */
    @SuppressWarnings("unchecked")
    private static boolean hasLongArray(Map<String, Object> spec, int depth) {
        String t = (String) spec.get("t");
        if (depth > 2) {
            return false;
        }
        if (t.equals("uint8array")) {
            return ((String) spec.get("v")).length() > 12;
        }
        if (t.equals("array")) {
            List<Object> items = (List<Object>) spec.get("v");
            if (items.size() > 6) {
                return true;
            }
            for (Object item : items) {
                if (hasLongArray((Map<String, Object>) item, depth + 1)) {
                    return true;
                }
            }
        }
        if (t.equals("object") || t.equals("record")) {
            for (Object entry : (List<Object>) spec.get("v")) {
                if (hasLongArray((Map<String, Object>) ((List<Object>) entry).get(1), depth + 1)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<String> lines() throws IOException {
        try (InputStream in = ErrorValuesTest.class.getResourceAsStream("/node/error-values.jsonl");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return r.lines().filter(l -> !l.isEmpty()).toList();
        }
    }

    /** The Java values that stand for the described JavaScript value: one, or three for an integer. */
    private static List<Object> variants(Map<String, Object> spec) {
        List<Object> out = new ArrayList<>();
        if (spec.get("t").equals("number")) {
            double d = Double.parseDouble((String) spec.get("v"));
            out.add(d);
            if (isSafeInteger(d)) {
                out.add((long) d);
                if (d == (int) d) {
                    out.add((int) d);
                }
            }
        } else {
            out.add(build(spec, new ArrayList<>()));
        }
        return out;
    }

    private static boolean isSafeInteger(double d) {
        return d == Math.rint(d) && Math.abs(d) <= 9007199254740991.0 && !(d == 0 && 1 / d < 0);
    }

    @SuppressWarnings("unchecked")
    private static Object build(Map<String, Object> spec, List<Object> open) {
        Object v = spec.get("v");
        switch ((String) spec.get("t")) {
            case "null":
                return null;
            case "undefined":
                return Undefined.INSTANCE;
            case "string":
            case "boolean":
                return v;
            case "number": {
                double d = Double.parseDouble((String) v);
                return isSafeInteger(d) ? (Object) (long) d : (Object) d;
            }
            case "bigint":
                return new BigInteger((String) v);
            case "symbol":
                return new Symbol((String) v);
            case "function":
                return spec.get("name").equals("validate") ? new validate() : (Runnable) () -> { };
            case "buffer":
                return new Buffer(HexFormat.of().parseHex((String) v));
            case "uint8array":
                return HexFormat.of().parseHex((String) v);
            case "cycle":
                return open.get(((Number) spec.get("up")).intValue());
            case "array": {
                List<Object> list = new ArrayList<>();
                open.add(list);
                for (Object item : (List<Object>) v) {
                    list.add(build((Map<String, Object>) item, open));
                }
                open.remove(open.size() - 1);
                return list;
            }
            case "object": {
                Map<String, Object> map = new LinkedHashMap<>();
                open.add(map);
                for (Object entry : (List<Object>) v) {
                    List<Object> kv = (List<Object>) entry;
                    map.put((String) kv.get(0), build((Map<String, Object>) kv.get(1), open));
                }
                open.remove(open.size() - 1);
                return map;
            }
            case "record": {
                // A record cannot hold itself: what it holds is built before it, so it opens nothing.
                open.add(null);
                Object record = record((String) spec.get("name"), (List<Object>) v, open);
                open.remove(open.size() - 1);
                return record;
            }
            default:
                throw new IllegalArgumentException(spec.toString());
        }
    }

    @SuppressWarnings("unchecked")
    private static Object record(String name, List<Object> entries, List<Object> open) {
        Class<?> type = switch (name) {
            case "Foo" -> Foo.class;
            case "Point" -> Point.class;
            case "Empty" -> Empty.class;
            case "Box" -> Box.class;
            default -> throw new IllegalArgumentException(name);
        };
        RecordComponent[] components = type.getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            List<Object> kv = (List<Object>) entries.get(i);
            assertEquals(components[i].getName(), kv.get(0));
            args[i] = build((Map<String, Object>) kv.get(1), open);
            types[i] = Object.class;
        }
        try {
            return type.getDeclaredConstructor(types).newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
