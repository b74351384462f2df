package dev.nodeshim.conformance;

/**
 * Thrown by a probe for a case it cannot perform in Java (an input type the Java API has no overload
 * for, a malformed {@code in}). The runner counts the case as failed, never as skipped.
 */
public final class Inexpressible extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Inexpressible(String message) {
        super(message);
    }
}
