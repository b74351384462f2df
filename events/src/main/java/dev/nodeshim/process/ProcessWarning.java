package dev.nodeshim.process;

import dev.nodeshim.errors.NodeError;

/**
 * The error object {@code process.emitWarning(message, type, code)} makes (Node's
 * {@code createWarningObject}): an {@code Error} whose name is the warning type ({@code Warning},
 * {@code DeprecationWarning}, …) and whose {@code code}, when given, is an own property. Unlike Node's
 * internal errors, its {@link #toString()} leaves the code out: {@code String(warning)} is
 * {@code DeprecationWarning: message}, and the stderr line puts the code in front:
 * {@code (node:PID) [DEP0001] DeprecationWarning: message}.
 */
public final class ProcessWarning extends NodeError {
    private static final long serialVersionUID = 1L;

    /**
     * @param type    the warning's name ({@code Warning} when null)
     * @param code    the warning's code, or null
     * @param message the warning text
     */
    public ProcessWarning(String type, String code, String message) {
        super(type == null ? "Warning" : type, code, message);
    }

    /** {@code Name: message}, as {@code String(warning)} prints in Node. */
    @Override
    public String toString() {
        String message = getMessage();
        return message == null || message.isEmpty() ? name() : name() + ": " + message;
    }
}
