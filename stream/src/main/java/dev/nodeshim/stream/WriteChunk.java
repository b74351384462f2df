package dev.nodeshim.stream;

/**
 * One buffered write as {@code _writev} receives it: Node's {@code {chunk, encoding}}. In byte mode
 * {@code chunk} is a {@link dev.nodeshim.buffer.Buffer} and {@code encoding} is {@code "buffer"}, or a
 * {@link String} with its encoding when {@code decodeStrings} is false; in object mode it is the
 * object written.
 */
public record WriteChunk(Object chunk, String encoding) {
}
