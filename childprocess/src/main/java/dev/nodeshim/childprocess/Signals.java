package dev.nodeshim.childprocess;

import dev.nodeshim.errors.NodeError;
import java.util.LinkedHashMap;
import java.util.Map;

/** POSIX signal names and numbers as Node's {@code os.constants.signals} has them on Linux. */
public final class Signals {
    private static final String[] NAMES = {
        null, "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT", "SIGBUS", "SIGFPE",
        "SIGKILL", "SIGUSR1", "SIGSEGV", "SIGUSR2", "SIGPIPE", "SIGALRM", "SIGTERM", "SIGSTKFLT",
        "SIGCHLD", "SIGCONT", "SIGSTOP", "SIGTSTP", "SIGTTIN", "SIGTTOU", "SIGURG", "SIGXCPU",
        "SIGXFSZ", "SIGVTALRM", "SIGPROF", "SIGWINCH", "SIGIO", "SIGPWR", "SIGSYS",
    };
    private static final Map<String, Integer> NUMBERS = new LinkedHashMap<>();

    static {
        for (int i = 1; i < NAMES.length; i++) {
            NUMBERS.put(NAMES[i], i);
        }
    }

    private Signals() {}

    /** The name of signal {@code number} ({@code 15 → "SIGTERM"}), or {@code null} when unknown. */
    public static String name(int number) {
        return number > 0 && number < NAMES.length ? NAMES[number] : null;
    }

    /** The number of signal {@code name} ({@code "SIGTERM" → 15}), or {@code null} when unknown. */
    public static Integer number(String name) {
        return NUMBERS.get(name);
    }

    /**
     * Node's {@code convertToValidSignal}: a known name or number, else
     * {@code TypeError [ERR_UNKNOWN_SIGNAL]: Unknown signal: X}.
     */
    static int toNumber(Object signal) {
        if (signal instanceof Integer n && name(n) != null) {
            return n;
        }
        if (signal instanceof String s && NUMBERS.containsKey(s)) {
            return NUMBERS.get(s);
        }
        throw new NodeError("TypeError", "ERR_UNKNOWN_SIGNAL", "Unknown signal: " + signal);
    }
}
