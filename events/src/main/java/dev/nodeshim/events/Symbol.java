package dev.nodeshim.events;

/**
 * A JavaScript {@code Symbol}: an event name that is equal only to itself, whatever its
 * description ({@link Events#errorMonitor} is one). Prints as {@code Symbol(description)}.
 */
public final class Symbol {
    private final String description;

    public Symbol(String description) {
        this.description = description;
    }

    /** The description given at creation, or {@code null}. */
    public String description() {
        return description;
    }

    @Override
    public String toString() {
        return "Symbol(" + (description == null ? "" : description) + ")";
    }
}
