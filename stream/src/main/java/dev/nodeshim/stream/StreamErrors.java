package dev.nodeshim.stream;

import dev.nodeshim.errors.Errors;
import dev.nodeshim.errors.NodeError;
import java.util.List;

/** The stream module's errors, worded as Node 20 words them (each checked by running node). */
final class StreamErrors {
    private StreamErrors() {
    }

    static NodeError pushAfterEof() {
        return new NodeError("Error", "ERR_STREAM_PUSH_AFTER_EOF", "stream.push() after EOF");
    }

    static NodeError unshiftAfterEnd() {
        return new NodeError("Error", "ERR_STREAM_UNSHIFT_AFTER_END_EVENT", "stream.unshift() after end event");
    }

    static NodeError writeAfterEnd() {
        return new NodeError("Error", "ERR_STREAM_WRITE_AFTER_END", "write after end");
    }

    static NodeError nullValues() {
        return new NodeError("TypeError", "ERR_STREAM_NULL_VALUES", "May not write null values to stream");
    }

    /** {@code Cannot call write after a stream was destroyed}; {@code method} is {@code write}, {@code end}, {@code pipe}. */
    static NodeError destroyed(String method) {
        return new NodeError("Error", "ERR_STREAM_DESTROYED", "Cannot call " + method + " after a stream was destroyed");
    }

    static NodeError alreadyFinished(String method) {
        return new NodeError("Error", "ERR_STREAM_ALREADY_FINISHED",
                "Cannot call " + method + " after a stream was finished");
    }

    static NodeError prematureClose() {
        return new NodeError("Error", "ERR_STREAM_PREMATURE_CLOSE", "Premature close");
    }

    /** {@code The _read() method is not implemented}; {@code method} is e.g. {@code _read()}. */
    static NodeError notImplemented(String method) {
        return new NodeError("Error", "ERR_METHOD_NOT_IMPLEMENTED", "The " + method + " method is not implemented");
    }

    static NodeError multipleCallback() {
        return new NodeError("Error", "ERR_MULTIPLE_CALLBACK", "Callback called multiple times");
    }

    /** A chunk that is neither a string nor bytes, for push, unshift and write alike. */
    static NodeError badChunk(Object chunk) {
        return Errors.invalidArgType("chunk", List.of("string", "Buffer", "TypedArray", "DataView"), chunk);
    }

    static NodeError badHighWaterMark(String name, Object value) {
        return Errors.invalidArgValue(name, value);
    }

    static NodeError readSizeTooLarge(long n) {
        return Errors.outOfRange("size", "<= 1GiB", n);
    }
}
