package dev.nodeshim.conformance;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One line of a case file. {@code problem} is set (and the other fields may be missing) when the
 * line could not be read as a case; such a case fails.
 */
public record Case(String id, String probe, JsonNode in, JsonNode out, String source, int line, String problem) {
    /** The module a case counts under in the summary: the probe's prefix ({@code events.script} → {@code events}). */
    public String module() {
        String name = probe != null ? probe : id != null ? id.replace('/', '.') : null;
        if (name == null || name.isEmpty()) {
            return "(unreadable)";
        }
        int dot = name.indexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    /** The id, or the file and line for a line without one. */
    public String label() {
        return id != null ? id : source + ":" + line;
    }
}
