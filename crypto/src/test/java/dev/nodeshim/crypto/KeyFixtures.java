package dev.nodeshim.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** keys.tsv (written by src/test/node/keys.js): Node's keys and what Node said about them. */
final class KeyFixtures {
    static final Map<String, Map<String, String>> KEYS = load();

    private KeyFixtures() {
    }

    private static Map<String, Map<String, String>> load() {
        Map<String, Map<String, String>> m = new LinkedHashMap<>();
        try {
            for (String line : NodeAssert.resourceLines("keys.tsv")) {
                String[] f = line.split("\t", 3);
                m.computeIfAbsent(f[0], k -> new LinkedHashMap<>()).put(f[1], f[2]);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return m;
    }

    static String get(String key, String field) {
        return KEYS.get(key).get(field);
    }

    /** A b64:/json: value's text. */
    static String text(String v) {
        return new String(Base64.getDecoder().decode(v.substring(v.indexOf(':') + 1)), StandardCharsets.UTF_8);
    }

    static boolean isError(String v) {
        return v.startsWith("!");
    }

    /** A flat JSON object of strings and numbers, as a map of strings. */
    static Map<String, Object> json(String s) {
        Map<String, Object> m = new LinkedHashMap<>();
        Matcher x = Pattern.compile("\"([^\"]+)\":(\"([^\"]*)\"|[0-9]+)").matcher(s);
        while (x.find()) {
            m.put(x.group(1), x.group(3) != null ? x.group(3) : x.group(2));
        }
        return m;
    }

    /** A map as Node's JSON.stringify writes it (strings quoted, numbers and bigints as the fixture writes them). */
    static String toJson(Map<String, Object> m) {
        StringBuilder sb = new StringBuilder("{");
        for (Map.Entry<String, Object> e : m.entrySet()) {
            if (sb.length() > 1) {
                sb.append(',');
            }
            Object v = e.getValue();
            sb.append('"').append(e.getKey()).append("\":");
            sb.append(v instanceof Integer ? v.toString() : "\"" + v + "\"");
        }
        return sb.append('}').toString();
    }
}
