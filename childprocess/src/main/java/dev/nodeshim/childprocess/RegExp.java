package dev.nodeshim.childprocess;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A JavaScript {@code RegExp} as the advanced serialization carries it: its {@code source} and its
 * {@code flags} (in JavaScript's order, {@code "dgimsuvy"}). A received RegExp arrives as one; one
 * sent arrives in JavaScript as {@code new RegExp(source, flags)}. Java's {@link Pattern} is sent as
 * well (its {@code i}, {@code m} and {@code s} flags), but JavaScript's syntax is not Java's: use
 * {@link #toPattern()} only for the expressions the two read alike.
 *
 * @param source the pattern text, as {@code re.source}
 * @param flags  the flags, as {@code re.flags}
 */
public record RegExp(String source, String flags) {
    public RegExp {
        Objects.requireNonNull(source, "source");
        flags = flags == null ? "" : flags;
    }

    /** The flags of a {@link Pattern} that JavaScript has: {@code i}, {@code m}, {@code s}. */
    static RegExp of(Pattern p) {
        int f = p.flags();
        String flags = ((f & Pattern.CASE_INSENSITIVE) != 0 ? "i" : "") + ((f & Pattern.MULTILINE) != 0 ? "m" : "")
                + ((f & Pattern.DOTALL) != 0 ? "s" : "");
        return new RegExp(p.pattern(), flags);
    }

    /** A Java {@link Pattern} with the flags Java has ({@code i}, {@code m}, {@code s}; {@code u} adds Unicode case). */
    public Pattern toPattern() {
        int f = 0;
        if (flags.indexOf('i') >= 0) {
            f |= Pattern.CASE_INSENSITIVE;
        }
        if (flags.indexOf('m') >= 0) {
            f |= Pattern.MULTILINE;
        }
        if (flags.indexOf('s') >= 0) {
            f |= Pattern.DOTALL;
        }
        if (flags.indexOf('u') >= 0 || flags.indexOf('v') >= 0) {
            f |= Pattern.UNICODE_CASE;
        }
        return Pattern.compile(source, f);
    }

    /** {@code /source/flags}, as JavaScript prints it. */
    @Override
    public String toString() {
        return "/" + source + "/" + flags;
    }
}
