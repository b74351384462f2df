package dev.nodeshim.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nodeshim.errors.NodeError;
import dev.nodeshim.loop.EventLoop;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Node's errors, name|code|message as {@code node} v20.20.2 printed them for the same calls
 * ({@code x.name + '|' + x.code + '|' + x.message}).
 */
class StreamErrorsTest {

    private static String describe(Throwable t) {
        NodeError e = (NodeError) t;
        return e.name() + "|" + e.code() + "|" + e.getMessage();
    }

    private static Writable sink() {
        return new Writable(WritableOptions.defaults().write((c, e, cb) -> cb.call(null)));
    }

    @Test
    void thrownSynchronously() {
        assertEquals("TypeError|ERR_INVALID_ARG_TYPE|The \"chunk\" argument must be of type string or an instance "
                + "of Buffer, TypedArray, or DataView. Received type number (5)",
                describe(assertThrows(NodeError.class, () -> sink().write(5))));
        assertEquals("TypeError|ERR_STREAM_NULL_VALUES|May not write null values to stream",
                describe(assertThrows(NodeError.class, () -> sink().write((Object) null))));
        assertEquals("TypeError|ERR_UNKNOWN_ENCODING|Unknown encoding: nope",
                describe(assertThrows(NodeError.class, () -> sink().write("a", "nope"))));
        assertEquals("TypeError|ERR_INVALID_ARG_VALUE|The property 'options.highWaterMark' is invalid. Received -1",
                describe(assertThrows(NodeError.class,
                        () -> new Readable(ReadableOptions.defaults().highWaterMark(-1)))));
        assertEquals("TypeError|ERR_INVALID_ARG_VALUE|The property 'options.readableHighWaterMark' is invalid. "
                + "Received -2", describe(assertThrows(NodeError.class,
                        () -> new Duplex(DuplexOptions.defaults().readableHighWaterMark(-2)))));
        assertEquals("TypeError|ERR_INVALID_ARG_TYPE|The \"iterable\" argument must be an instance of Iterable. "
                + "Received type number (5)", describe(assertThrows(NodeError.class, () -> Readable.from((Object) 5))));
        assertEquals("RangeError|ERR_OUT_OF_RANGE|The value of \"size\" is out of range. It must be <= 1GiB. "
                + "Received 1073741825", describe(assertThrows(NodeError.class, () -> new Readable().read(0x40000001))));
        assertEquals("TypeError|ERR_MISSING_ARGS|The \"streams\" argument must be specified",
                describe(assertThrows(NodeError.class,
                        () -> Streams.pipeline(List.of(new Readable()), err -> { }))));
    }

    @Test
    void reportedThroughEventsAndCallbacks() {
        List<String> got = new ArrayList<>();
        EventLoop.run(() -> {
            Writable twice = new Writable(WritableOptions.defaults().write((c, e, cb) -> {
                cb.call(null);
                cb.call(null);
            }));
            twice.on("error", (Throwable x) -> got.add(describe(x)));
            twice.write("x");

            Writable none = new Writable();
            none.on("error", (Throwable x) -> got.add(describe(x)));
            try {
                none.write("x");
            } catch (NodeError x) {
                got.add("thrown " + x.code());
            }

            Writable destroyed = sink();
            destroyed.on("error", (Throwable x) -> { });
            destroyed.destroy();
            destroyed.write("x", er -> got.add(describe(er)));

            Writable ended = sink();
            ended.end();
            dev.nodeshim.loop.Timers.setImmediate(() -> ended.end(er -> got.add(describe(er))));

            Readable r9 = new Readable(ReadableOptions.defaults().autoDestroy(false).read((s, n) -> { }));
            r9.on("error", (Throwable x) -> got.add(describe(x)));
            r9.on("end", () -> r9.unshift("z"));
            r9.push(null);
            r9.resume();
        });
        assertEquals(List.of(
                "thrown ERR_METHOD_NOT_IMPLEMENTED",
                "Error|ERR_MULTIPLE_CALLBACK|Callback called multiple times",
                "Error|ERR_STREAM_DESTROYED|Cannot call write after a stream was destroyed",
                "Error|ERR_STREAM_UNSHIFT_AFTER_END_EVENT|stream.unshift() after end event",
                "Error|ERR_STREAM_ALREADY_FINISHED|Cannot call end after a stream was finished"), got);
    }
}
