package dev.nodeshim.childprocess;

import dev.nodeshim.errors.Errors;
import dev.nodeshim.errors.NodeError;
import java.util.List;

/**
 * How an IPC channel puts messages on the wire: one of Node's {@code serialization} modes —
 * {@code 'json'} ({@link JsonLines}: {@code JSON.stringify} and a newline) or {@code 'advanced'}
 * ({@link AdvancedFrames}: V8's serialization behind a length).
 */
interface IpcSerialization {
    /** Node's default. */
    IpcSerialization JSON = new JsonLines();
    /** {@code 'advanced'}. */
    IpcSerialization ADVANCED = new AdvancedFrames();

    /** The mode's name, as Node's {@code serialization} option and {@code NODE_CHANNEL_SERIALIZATION_MODE} spell it. */
    String name();

    /**
     * One message's bytes on the wire.
     *
     * @throws NodeError the mode's error for a value it cannot carry (thrown by {@code send}, as Node does)
     */
    byte[] encode(Object message);

    /** A reader for one channel's received bytes (it keeps an incomplete message between reads). */
    Reader reader();

    /** Cuts received bytes into messages. */
    interface Reader {
        /**
         * Adds the messages completed by {@code data[off, off + len)} to {@code out}, in order: a
         * message may be {@code null}; one that cannot be read is an {@link Unreadable}.
         */
        void read(byte[] data, int off, int len, List<Object> out);
    }

    /** A received message that could not be read: its error is thrown on the loop when its turn comes. */
    record Unreadable(NodeError error) {
    }

    /**
     * The mode named {@code mode}: {@code null} or {@code "json"} is JSON, {@code "advanced"} advanced.
     *
     * @throws NodeError {@code ERR_INVALID_ARG_VALUE} for any other, with Node's message
     */
    static IpcSerialization of(String mode) {
        if (mode == null || mode.equals("json")) {
            return JSON;
        }
        if (mode.equals("advanced")) {
            return ADVANCED;
        }
        throw Errors.invalidArgValue("options.serialization", mode, "must be one of: undefined, 'json', 'advanced'");
    }
}
