package dev.nodeshim.stream;

import dev.nodeshim.errors.Errors;
import dev.nodeshim.errors.NodeError;
import java.util.List;

/**
 * Node 20's stream errors, worded character for character as {@code lib/internal/errors.js} words
 * them (each checked against {@code node}, see {@code StreamErrorsTest}).
 */
public final class StreamErrors {
    private StreamErrors() {
    }

    /** {@code Error [ERR_STREAM_PUSH_AFTER_EOF]: stream.push() after EOF}. */
    public static NodeError pushAfterEof() {
        return new NodeError("Error", "ERR_STREAM_PUSH_AFTER_EOF", "stream.push() after EOF");
    }

    /** {@code Error [ERR_STREAM_UNSHIFT_AFTER_END_EVENT]: stream.unshift() after end event}. */
    public static NodeError unshiftAfterEndEvent() {
        return new NodeError("Error", "ERR_STREAM_UNSHIFT_AFTER_END_EVENT", "stream.unshift() after end event");
    }

    /** {@code Error [ERR_STREAM_WRITE_AFTER_END]: write after end}. */
    public static NodeError writeAfterEnd() {
        return new NodeError("Error", "ERR_STREAM_WRITE_AFTER_END", "write after end");
    }

    /** {@code Error [ERR_STREAM_DESTROYED]: Cannot call write after a stream was destroyed}. */
    public static NodeError destroyed(String method) {
        return new NodeError("Error", "ERR_STREAM_DESTROYED",
                "Cannot call " + method + " after a stream was destroyed");
    }

    /** {@code Error [ERR_STREAM_ALREADY_FINISHED]: Cannot call end after a stream was finished}. */
    public static NodeError alreadyFinished(String method) {
        return new NodeError("Error", "ERR_STREAM_ALREADY_FINISHED",
                "Cannot call " + method + " after a stream was finished");
    }

    /** {@code Error [ERR_MULTIPLE_CALLBACK]: Callback called multiple times}. */
    public static NodeError multipleCallback() {
        return new NodeError("Error", "ERR_MULTIPLE_CALLBACK", "Callback called multiple times");
    }

    /** {@code TypeError [ERR_STREAM_NULL_VALUES]: May not write null values to stream}. */
    public static NodeError nullValues() {
        return new NodeError("TypeError", "ERR_STREAM_NULL_VALUES", "May not write null values to stream");
    }

    /** {@code Error [ERR_STREAM_PREMATURE_CLOSE]: Premature close}. */
    public static NodeError prematureClose() {
        return new NodeError("Error", "ERR_STREAM_PREMATURE_CLOSE", "Premature close");
    }

    /** {@code Error [ERR_METHOD_NOT_IMPLEMENTED]: The _read() method is not implemented}. */
    public static NodeError methodNotImplemented(String method) {
        return new NodeError("Error", "ERR_METHOD_NOT_IMPLEMENTED", "The " + method + " method is not implemented");
    }

    /** {@code Error [ERR_STREAM_CANNOT_PIPE]: Cannot pipe, not readable}. */
    public static NodeError cannotPipe() {
        return new NodeError("Error", "ERR_STREAM_CANNOT_PIPE", "Cannot pipe, not readable");
    }

    /** Node's {@code AbortError}: name {@code AbortError}, code {@code ABORT_ERR}. */
    public static NodeError abortError() {
        return new NodeError("AbortError", "ABORT_ERR", "The operation was aborted");
    }

    /** {@code ERR_INVALID_ARG_TYPE} for a chunk that is neither a string nor a Buffer (nor a byte[]). */
    static NodeError invalidChunk(Object chunk) {
        return Errors.invalidArgType("chunk", List.of("string", "Buffer", "TypedArray", "DataView"), chunk);
    }
}
