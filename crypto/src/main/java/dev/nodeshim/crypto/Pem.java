package dev.nodeshim.crypto;

import java.util.Base64;

/**
 * PEM (RFC 7468) as OpenSSL reads and writes it: the first {@code -----BEGIN label-----} block of the
 * text, optional RFC 1421 headers (an encrypted traditional key's {@code Proc-Type} and
 * {@code DEK-Info}), base64 in 64-character lines.
 */
record Pem(String label, String dekInfo, byte[] der) {
    private static final String BEGIN = "-----BEGIN ";
    private static final String END = "-----END ";

    /** The first PEM block of {@code text}, or null when it has none that decodes. */
    static Pem decode(String text) {
        return decode(text, label -> true);
    }

    /** The first PEM block of {@code text} whose label {@code wanted} takes, or null. */
    static Pem decode(String text, java.util.function.Predicate<String> wanted) {
        int b = text.indexOf(BEGIN);
        while (b >= 0) {
            int labelEnd = text.indexOf("-----", b + BEGIN.length());
            int lineEnd = labelEnd < 0 ? -1 : lineEnd(text, labelEnd + 5);
            if (labelEnd < 0) {
                return null;
            }
            String label = text.substring(b + BEGIN.length(), labelEnd);
            String endLine = END + label + "-----";
            int e = text.indexOf(endLine, labelEnd);
            if (e < 0 || lineEnd < 0) {
                return null;
            }
            if (!wanted.test(label)) {
                b = text.indexOf(BEGIN, e + endLine.length());
                continue;
            }
            String body = text.substring(lineEnd, e);
            String dek = null;
            if (body.contains(":")) {
                int blank = body.indexOf("\n\n");
                int blankCr = body.indexOf("\r\n\r\n");
                int split = blank >= 0 ? blank : blankCr;
                if (split < 0) {
                    return null;
                }
                for (String h : body.substring(0, split).split("\r?\n")) {
                    if (h.startsWith("DEK-Info:")) {
                        dek = h.substring(9).trim();
                    }
                }
                body = body.substring(split);
            }
            try {
                byte[] der = Base64.getMimeDecoder().decode(body.replaceAll("\\s", ""));
                return new Pem(label, dek, der);
            } catch (IllegalArgumentException ex) {
                return null;
            }
        }
        return null;
    }

    private static int lineEnd(String text, int from) {
        int nl = text.indexOf('\n', from);
        return nl < 0 ? -1 : nl + 1;
    }

    /** {@code -----BEGIN label-----}, the headers (ending in a blank line, or empty), 64-char base64 lines. */
    static String encode(String label, String headers, byte[] der) {
        String b64 = Base64.getEncoder().encodeToString(der);
        StringBuilder sb = new StringBuilder(b64.length() + 100);
        sb.append(BEGIN).append(label).append("-----\n").append(headers);
        for (int i = 0; i < b64.length(); i += 64) {
            sb.append(b64, i, Math.min(b64.length(), i + 64)).append('\n');
        }
        return sb.append(END).append(label).append("-----\n").toString();
    }
}
