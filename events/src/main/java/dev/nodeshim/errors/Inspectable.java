package dev.nodeshim.errors;

/**
 * A value that says how {@link Inspect} shows it, as a JavaScript object does with a
 * {@code [util.inspect.custom]} method: the buffer module's {@code Buffer} shows itself as
 * {@code <Buffer 68 69>} in every error message that prints it.
 */
public interface Inspectable {
    /** How {@code util.inspect} shows this value; shown as is, at any depth, on one line or several. */
    String inspect();
}
