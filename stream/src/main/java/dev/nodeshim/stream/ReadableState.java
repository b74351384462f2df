package dev.nodeshim.stream;

import dev.nodeshim.buffer.Buffer;
import dev.nodeshim.errors.Errors;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/** Node's {@code ReadableState}: the readable side's buffer and flags (see {@link Readable} for the rules). */
final class ReadableState extends StreamState {
    final ArrayDeque<Object> buffer = new ArrayDeque<>();
    int length;
    List<Stream> pipes = new ArrayList<>();
    /** Node's awaitDrainWriters: null, the one dest awaited, or (multiAwaitDrain) a set of dests. */
    Object awaitDrainWriters;
    boolean multiAwaitDrain;

    boolean ended;
    boolean endEmitted;
    boolean reading;
    /** True while _read runs synchronously (and before the first read): events wait a tick. */
    boolean sync = true;
    boolean needReadable;
    boolean emittedReadable;
    boolean readableListening;
    boolean resumeScheduled;
    boolean readingMore;
    boolean dataEmitted;
    boolean dataListening;
    /** null until a consumer chose a mode (Node's readableFlowing). */
    Boolean flowing;
    /** Node's kPaused: null until pause()/resume() was called. */
    Boolean paused;
    /** Node's {@code readable === false}: the readable side of a Duplex made with {@code readable: false}. */
    boolean readableDisabled;

    StringDecoder decoder;
    String encoding;
    String defaultEncoding = "utf8";

    ReadableState(Opts o, boolean isDuplex) {
        objectMode = Boolean.TRUE.equals(o.objectMode) || (isDuplex && o.readableObjectMode);
        highWaterMark = highWaterMark(o, "readableHighWaterMark", isDuplex, objectMode);
        emitClose = o.emitClose;
        autoDestroy = o.autoDestroy;
        String def = o.defaultEncoding;
        if (def != null && !def.equals("utf8") && !def.equals("utf-8")) {
            if (!Buffer.isEncoding(def)) {
                throw Errors.unknownEncoding(def);
            }
            defaultEncoding = def;
        }
        if (o.encoding != null && !o.encoding.isEmpty()) {
            decoder = new StringDecoder(o.encoding);
            encoding = o.encoding;
        }
    }

    /** A chunk's length as Node counts it: 1 in object mode, else bytes of a Buffer or units of a string. */
    int lengthOf(Object chunk) {
        if (objectMode) {
            return 1;
        }
        return chunk instanceof Buffer b ? b.length() : ((String) chunk).length();
    }
}
