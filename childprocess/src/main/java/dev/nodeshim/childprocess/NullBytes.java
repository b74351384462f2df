package dev.nodeshim.childprocess;

import dev.nodeshim.errors.Errors;
import java.util.Map;

/**
 * Node's refusal of strings with a NUL character wherever one would reach {@code execve} (where C would
 * cut it short): {@code TypeError [ERR_INVALID_ARG_VALUE]: The argument 'args[0]' must be a string
 * without null bytes. Received 'a\x00b'} (node 20, observed for every name used here).
 */
final class NullBytes {
    private NullBytes() {
    }

    /** {@code value}, or Node's error naming it {@code name} ({@code 'file'}, {@code 'options.argv0'}…). */
    static String check(String name, String value) {
        if (value != null && value.indexOf('\0') >= 0) {
            throw Errors.invalidArgValue(name, value, "must be a string without null bytes");
        }
        return value;
    }

    /** {@code options.cwd}, whose message names the other types Node takes. */
    static String checkCwd(String dir) {
        if (dir != null && dir.indexOf('\0') >= 0) {
            throw Errors.invalidArgValue("options.cwd", dir, "must be a string, Uint8Array, or URL without null bytes");
        }
        return dir;
    }

    /** {@code options.env}: each name and each value (the name is quoted in the message as given). */
    static Map<String, String> checkEnv(Map<String, String> env) {
        if (env != null) {
            env.forEach((k, v) -> {
                check("options.env['" + k + "']", k);
                check("options.env['" + k + "']", v);
            });
        }
        return env;
    }
}
