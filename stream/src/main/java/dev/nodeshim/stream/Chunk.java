package dev.nodeshim.stream;

/**
 * One buffered write as {@code _writev} receives it (Node's {@code {chunk, encoding}}): the chunk is a
 * {@code Buffer} with encoding {@code "buffer"} unless strings are not decoded or the stream is in
 * object mode.
 */
public record Chunk(Object chunk, String encoding) {
}
