package dev.nodeshim.errors;

/**
 * JavaScript's {@code JSON.stringify(s)} for a string, as ES2019's well-formed stringify writes it:
 * {@code "} and {@code \} escaped, {@code \b \f \n \r \t} by name, other controls and lone surrogates
 * as lowercase {@code \}{@code uXXXX}, a surrogate pair and everything else as it is. Used by error
 * messages ({@code Received type string ("it's")}) and by the IPC channel's JSON.
 */
public final class JsonString {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonString() {
    }

    /** {@code JSON.stringify(s)}. */
    public static String quote(String s) {
        return append(new StringBuilder(s.length() + 2), s).toString();
    }

    /** Appends {@code JSON.stringify(s)} to {@code out} and returns it. */
    public static StringBuilder append(StringBuilder out, String s) {
        out.append('"');
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.append(c).append(s.charAt(++i));
                    } else if (c < 0x20 || Character.isSurrogate(c)) {
                        out.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 15])
                                .append(HEX[(c >> 4) & 15]).append(HEX[c & 15]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"');
    }
}
