package dev.nodeshim.conformance;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The Java half of a probe (see {@code shared/CONFORMANCE.md}): performs one case's {@code in} on
 * nodeshim and returns the result as a Java value that {@link Values#encode} can express (a
 * {@link JsonNode} is taken as it is). Throwing a {@link dev.nodeshim.errors.NodeError} is the
 * {@code {"throws": …}} outcome; throwing {@link Inexpressible} says the case cannot be written in
 * Java, which counts as a failure.
 */
@FunctionalInterface
public interface Probe {
    Object run(JsonNode in) throws Exception;
}
