package dev.nodeshim.stream;

import dev.nodeshim.buffer.Buffer;
import dev.nodeshim.events.Listener;
import dev.nodeshim.events.Listener0;
import dev.nodeshim.events.Listener1;
import dev.nodeshim.events.Listener2;
import dev.nodeshim.events.Listener3;
import dev.nodeshim.events.Listener4;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Node's {@code stream.Readable}: a source of chunks with a buffer bounded by highWaterMark.
 *
 * <pre>{@code
 * Readable r = new Readable(ReadableOptions.defaults().read(self -> { self.push("a"); self.push(null); }));
 * r.on("data", (Buffer chunk) -> System.out.println(chunk));
 * r.on("end", () -> System.out.println("end"));
 * }</pre>
 *
 * <h2>How data moves</h2>
 * The implementation ({@link #_read} or the {@code read} option) is asked for data when the buffer
 * holds less than highWaterMark; it answers with {@link #push} — at once or later — and
 * {@code push(null)} ends the stream. The consumer takes data in one of two modes:
 * <ul>
 * <li><b>flowing</b> ({@code 'data'} listener, {@link #resume()}, {@link #pipe}): each chunk is
 *     emitted as {@code 'data'} as soon as it can be. A chunk pushed while the buffer is empty and no
 *     {@code _read} is running synchronously is emitted within the {@code push} call.</li>
 * <li><b>paused</b> ({@code 'readable'} listener, {@link #read(long)}): {@code 'readable'} says "call
 *     read() now"; read until it returns {@code null}.</li>
 * </ul>
 * {@code readableFlowing()} is {@code null} until the consumer chooses, as in Node. Adding a
 * {@code 'readable'} listener wins over {@code 'data'}.
 *
 * <h2>Node's sizing rules for {@code read(n)}</h2>
 * <ul>
 * <li>{@code read()} returns everything buffered (in flowing mode: the first chunk); in object mode
 *     always one object.</li>
 * <li>{@code read(n)} returns exactly {@code n} bytes (or characters after {@link #setEncoding}),
 *     joining or splitting chunks; {@code null} if fewer are buffered — unless the stream has ended,
 *     then whatever is left.</li>
 * <li>{@code read(n)} with {@code n} above highWaterMark raises highWaterMark to the next power of
 *     two (at most 1 GiB, beyond it {@code ERR_OUT_OF_RANGE}).</li>
 * <li>{@code read(0)} returns {@code null} and only triggers a {@code _read} (or a {@code 'readable'}
 *     when the buffer is already at highWaterMark).</li>
 * </ul>
 *
 * <h2>Typed listeners</h2>
 * {@code on("data", (Buffer chunk) -> …)}; after {@code setEncoding}, {@code (String chunk) -> …};
 * in object mode any type. {@code on("error", (Throwable err) -> …)}.
 */
public class Readable extends Stream {
    /** Node 20's default highWaterMark: 16 KiB of bytes, or 16 objects. */
    static final long DEFAULT_HWM = 16 * 1024;
    static final long DEFAULT_OBJECT_HWM = 16;
    private static final long MAX_HWM = 1L << 30;

    final boolean objectMode;
    long highWaterMark;

    private final ArrayDeque<Object> buffer = new ArrayDeque<>();
    long length;

    /** null: no consumer yet; TRUE: flowing; FALSE: paused by the consumer. */
    Boolean flowing;
    /** Node's separate "paused" bit: set by pause(), cleared by resume(), null until either. */
    Boolean paused;
    boolean ended;
    boolean endEmitted;
    boolean reading;
    /** True while inside _read: a push then only buffers (no 'data' from inside _read). */
    boolean sync = true;
    boolean needReadable;
    boolean emittedReadable;
    boolean readableListening;
    boolean resumeScheduled;
    boolean readingMore;
    boolean dataEmitted;
    /**
     * Whether someone listens for 'data', as node tracks it: set when a 'data' listener is added,
     * re-checked by removeListener('data'), but not by removeAllListeners (after which node still
     * emits pushed chunks as 'data', to nobody — observed in node 20).
     */
    boolean dataListening;

    private ChunkDecoder decoder;

    final List<Pipe> pipes = new ArrayList<>();
    /**
     * The pipe destinations whose 'drain' the source waits for, as node keeps them: null, the one
     * destination (one pipe), or a set once there were several pipes ({@link #multiAwaitDrain}).
     * The difference shows: an empty set still counts as "waiting" when a pipe is cleaned up.
     */
    Object awaitDrainWriters;
    boolean multiAwaitDrain;

    /** A readable with Node's defaults; override {@link #_read}. */
    public Readable() {
        this(ReadableOptions.defaults());
    }

    /** {@code new Readable(options)}. */
    public Readable(ReadableOptions options) {
        this(options == null ? Settings.EMPTY : options.s, false);
    }

    /** For Duplex: the readable side of {@code s}. */
    Readable(Settings s, boolean duplex) {
        super(s);
        boolean om = Boolean.TRUE.equals(s.objectMode) || duplex && Boolean.TRUE.equals(s.readableObjectMode);
        this.objectMode = om;
        this.highWaterMark = resolveHighWaterMark(s, duplex ? s.readableHighWaterMark : null,
                "options.readableHighWaterMark", om);
        if (s.encoding != null) {
            decoder = new ChunkDecoder(s.encoding);
        }
    }

    static long resolveHighWaterMark(Settings s, Long sideValue, String sideName, boolean objectMode) {
        if (s.highWaterMark != null) {
            if (s.highWaterMark < 0) {
                throw StreamErrors.badHighWaterMark("options.highWaterMark", s.highWaterMark);
            }
            return s.highWaterMark;
        }
        if (sideValue != null) {
            if (sideValue < 0) {
                throw StreamErrors.badHighWaterMark(sideName, sideValue);
            }
            return sideValue;
        }
        return objectMode ? DEFAULT_OBJECT_HWM : DEFAULT_HWM;
    }

    // ------------------------------------------------------------------------------------------------
    // Factories

    /**
     * Node's {@code Readable.from(iterable)}: an object-mode stream (highWaterMark 1) that pulls one
     * element per {@code _read}. An element {@code null} fails the stream with
     * {@code ERR_STREAM_NULL_VALUES}; an exception from the iterator destroys it with that
     * exception. Destroying the stream closes an {@link AutoCloseable} iterator.
     */
    public static Readable from(Iterable<?> iterable) {
        return from(iterable, ReadableOptions.defaults());
    }

    /** {@link #from(Iterable)} with options ({@code objectMode} stays on unless set to false). */
    public static Readable from(Iterable<?> iterable, ReadableOptions options) {
        if (iterable == null) {
            throw dev.nodeshim.errors.Errors.invalidArgType("iterable", "Iterable", null);
        }
        return FromIterator.create(iterable.iterator(), options);
    }

    /** {@link #from(Iterable)} for an iterator (a generator, in Node's terms). */
    public static Readable from(Iterator<?> iterator) {
        if (iterator == null) {
            throw dev.nodeshim.errors.Errors.invalidArgType("iterable", "Iterable", null);
        }
        return FromIterator.create(iterator, ReadableOptions.defaults());
    }

    /** Node's {@code Readable.from(string)}: one chunk, the whole string (not its characters). */
    public static Readable from(String string) {
        return FromIterator.create(List.of(string).iterator(), ReadableOptions.defaults());
    }

    /** Node's {@code Readable.from(buffer)}: one chunk, the whole buffer. */
    public static Readable from(Buffer buffer) {
        return FromIterator.create(List.of(buffer).iterator(), ReadableOptions.defaults());
    }

    /**
     * A byte stream reading {@code in} on a helper thread, only while the stream wants data (from
     * its {@code _read} until a {@code push} returns false) and at most highWaterMark bytes ahead of
     * the loop, so a slow consumer slows the producer down. Chunks are at most highWaterMark bytes.
     * End of input ends the stream; an {@link java.io.IOException} destroys it with that error;
     * destroying the stream closes {@code in}.
     */
    public static Readable fromInputStream(InputStream in) {
        return fromInputStream(in, ReadableOptions.defaults());
    }

    /** {@link #fromInputStream(InputStream)} with options (highWaterMark is the read size). */
    public static Readable fromInputStream(InputStream in, ReadableOptions options) {
        return new InputStreamReadable(in, options);
    }

    /**
     * This stream as a blocking {@link InputStream}, for code on other threads. The stream is read in
     * paused mode, and only while the bytes the InputStream holds are under highWaterMark, so memory
     * stays bounded whatever the reader's pace. {@code close()} destroys the stream.
     */
    public InputStream toInputStream() {
        return new ReadableInputStream(this);
    }

    // ------------------------------------------------------------------------------------------------
    // Producer side

    /**
     * Node's {@code _read(size)}: produce data with {@link #push}, now or later. Called again only
     * after a push. The default calls the {@code read} option, or fails the stream with
     * {@code ERR_METHOD_NOT_IMPLEMENTED}.
     */
    protected void _read(int size) {
        if (settings.read != null) {
            settings.read.read(this, size);
            return;
        }
        throw StreamErrors.notImplemented("_read()");
    }

    /**
     * Adds a chunk to the end of the buffer ({@code null} ends the stream).
     *
     * @return false when the buffer reached highWaterMark (stop pushing until the next {@code _read})
     */
    public boolean push(Object chunk) {
        return accept(chunk, null, false);
    }

    /** {@link #push(Object)} of a string in {@code encoding}. */
    public boolean push(Object chunk, String encoding) {
        return accept(chunk, encoding, false);
    }

    /** Puts a chunk back at the front of the buffer, to be read first. */
    public boolean unshift(Object chunk) {
        return accept(chunk, null, true);
    }

    /** {@link #unshift(Object)} of a string in {@code encoding}. */
    public boolean unshift(Object chunk, String encoding) {
        return accept(chunk, encoding, true);
    }

    private boolean accept(Object chunk, String encoding, boolean front) {
        if (chunk == null) {
            reading = false;
            onEof();
            return false;
        }
        Object c;
        try {
            c = normalize(chunk, encoding, front);
        } catch (dev.nodeshim.errors.NodeError e) {
            errorOrDestroy(e, false);
            return false;
        }
        if (objectMode || sizeOf(c) > 0) {
            if (front) {
                if (endEmitted) {
                    errorOrDestroy(StreamErrors.unshiftAfterEnd(), false);
                } else if (destroyed || errored != null) {
                    return false;
                } else {
                    add(c, true);
                }
            } else if (ended) {
                errorOrDestroy(StreamErrors.pushAfterEof(), false);
            } else if (destroyed || errored != null) {
                return false;
            } else {
                reading = false;
                if (decoder != null && c instanceof Buffer b) {
                    c = decoder.write(b);
                    if (sizeOf(c) > 0) {
                        add(c, false);
                    } else {
                        scheduleReadMore();
                    }
                } else {
                    add(c, false);
                }
            }
        } else if (!front) {
            // an empty chunk: the _read call is over, nothing is added
            reading = false;
            scheduleReadMore();
        }
        return !ended && (length < highWaterMark || length == 0);
    }

    /** The chunk as it is stored: a Buffer, a String (same encoding as the stream's), or any object. */
    private Object normalize(Object chunk, String encoding, boolean front) {
        if (objectMode) {
            return chunk;
        }
        if (chunk instanceof CharSequence cs) {
            String s = cs.toString();
            String enc = encoding == null ? "utf8" : encoding;
            String mine = decoder == null ? null : decoder.encoding();
            if (mine != null && mine.equals(canonical(enc))) {
                return s;
            }
            Buffer b = Buffer.from(s, enc);
            return front && mine != null ? b.toString(mine) : b;
        }
        if (chunk instanceof Buffer b) {
            return front && decoder != null ? b.toString(decoder.encoding()) : b;
        }
        if (chunk instanceof byte[] bytes) {
            Buffer b = Buffer.from(bytes);
            return front && decoder != null ? b.toString(decoder.encoding()) : b;
        }
        throw StreamErrors.badChunk(chunk);
    }

    private static String canonical(String enc) {
        dev.nodeshim.buffer.Encoding e = dev.nodeshim.buffer.Encoding.lookup(enc);
        return e == null ? enc : e.canonicalName();
    }

    private long sizeOf(Object chunk) {
        if (objectMode) {
            return 1;
        }
        if (chunk instanceof Buffer b) {
            return b.length();
        }
        return ((String) chunk).length();
    }

    /** Stores or emits a chunk that passed every check. */
    private void add(Object chunk, boolean front) {
        if (flowing == Boolean.TRUE && length == 0 && !sync && dataListening) {
            // the consumer is waiting and nothing is queued ahead: straight to 'data'
            clearAwaitDrain();
            dataEmitted = true;
            emit("data", chunk);
        } else {
            length += sizeOf(chunk);
            if (front) {
                buffer.addFirst(chunk);
            } else {
                buffer.addLast(chunk);
            }
            if (needReadable) {
                scheduleReadable();
            }
        }
        scheduleReadMore();
    }

    private void onEof() {
        if (ended) {
            return;
        }
        if (decoder != null) {
            String rest = decoder.end();
            if (!rest.isEmpty()) {
                buffer.addLast(rest);
                length += rest.length();
            }
        }
        ended = true;
        if (sync) {
            scheduleReadable();
        } else {
            // pushed from outside _read: tell the consumer now, not on a later tick
            needReadable = false;
            emittedReadable = true;
            readableNow();
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Consumer side

    /** {@code read()}: everything buffered (flowing: the first chunk), or {@code null}. */
    public <T> T read() {
        return readImpl(0, true);
    }

    /**
     * {@code read(n)}: exactly {@code n} bytes or characters (one object in object mode), or
     * {@code null} when not enough are buffered and the stream has not ended. See the class comment.
     *
     * @throws dev.nodeshim.errors.NodeError {@code ERR_OUT_OF_RANGE} for {@code n} above 1 GiB
     */
    public <T> T read(long n) {
        return readImpl(n, false);
    }

    @SuppressWarnings("unchecked")
    private <T> T readImpl(long asked, boolean all) {
        if (!all && asked > highWaterMark) {
            highWaterMark = grownHighWaterMark(asked);
        }
        if (all || asked != 0) {
            emittedReadable = false;
        }
        if (!all && asked == 0 && needReadable
                && ((highWaterMark != 0 ? length >= highWaterMark : length > 0) || ended)) {
            if (length == 0 && ended) {
                endSoon();
            } else {
                scheduleReadable();
            }
            return null;
        }
        long n = howMuch(asked, all);
        if (n == 0 && ended) {
            if (length == 0) {
                endSoon();
            }
            return null;
        }
        boolean callRead = needReadable || length == 0 || length - n < highWaterMark;
        if (ended || reading || destroyed || errored != null || !constructed) {
            callRead = false;
        } else if (callRead) {
            reading = true;
            sync = true;
            if (length == 0) {
                needReadable = true;
            }
            try {
                _read((int) Math.min(highWaterMark, Integer.MAX_VALUE));
            } catch (RuntimeException | Error e) {
                errorOrDestroy(e, false);
            }
            sync = false;
            if (!reading) {
                // _read pushed synchronously: size the answer against the new buffer
                n = howMuch(asked, all);
            }
        }
        Object ret = n > 0 ? take(n, all) : null;
        if (ret == null) {
            needReadable = length <= highWaterMark;
            n = 0;
        } else {
            clearAwaitDrain();
        }
        if (length == 0) {
            if (!ended) {
                needReadable = true;
            }
            if ((all || asked != n) && ended) {
                endSoon();
            }
        }
        if (ret != null && !errorEmitted && !closeEmitted) {
            dataEmitted = true;
            emit("data", ret);
        }
        return (T) ret;
    }

    /** Data went out: nobody is waited for any more. */
    @SuppressWarnings("unchecked")
    void clearAwaitDrain() {
        if (multiAwaitDrain) {
            ((java.util.Set<Object>) awaitDrainWriters).clear();
        } else {
            awaitDrainWriters = null;
        }
    }

    private static long grownHighWaterMark(long n) {
        if (n > MAX_HWM) {
            throw StreamErrors.readSizeTooLarge(n);
        }
        // the next power of two, so that repeated larger reads do not regrow it each time
        return n <= 1 ? 1 : Long.highestOneBit(n - 1) << 1;
    }

    private long howMuch(long n, boolean all) {
        if ((!all && n <= 0) || (length == 0 && ended)) {
            return 0;
        }
        if (objectMode) {
            return 1;
        }
        if (all) {
            return flowing == Boolean.TRUE && length > 0 ? sizeOf(buffer.peekFirst()) : length;
        }
        if (n <= length) {
            return n;
        }
        return ended ? length : 0;
    }

    /** Removes {@code n} units from the front of the buffer (joining or splitting chunks). */
    private Object take(long n, boolean all) {
        if (length == 0) {
            return null;
        }
        if (objectMode) {
            length -= 1;
            return buffer.pollFirst();
        }
        if (n >= length) {
            Object out;
            if (buffer.size() == 1) {
                out = buffer.pollFirst();
            } else if (decoder != null) {
                StringBuilder sb = new StringBuilder((int) length);
                for (Object c : buffer) {
                    sb.append((String) c);
                }
                out = sb.toString();
            } else {
                List<Buffer> parts = new ArrayList<>(buffer.size());
                for (Object c : buffer) {
                    parts.add((Buffer) c);
                }
                out = Buffer.concat(parts, length);
            }
            buffer.clear();
            length = 0;
            return out;
        }
        length -= n;
        Object first = buffer.peekFirst();
        if (first instanceof String s) {
            if (n == s.length()) {
                return buffer.pollFirst();
            }
            if (n < s.length()) {
                buffer.pollFirst();
                buffer.addFirst(s.substring((int) n));
                return s.substring(0, (int) n);
            }
            StringBuilder sb = new StringBuilder((int) n);
            while (sb.length() < n) {
                String c = (String) buffer.pollFirst();
                int want = (int) (n - sb.length());
                if (c.length() > want) {
                    sb.append(c, 0, want);
                    buffer.addFirst(c.substring(want));
                } else {
                    sb.append(c);
                }
            }
            return sb.toString();
        }
        Buffer head = (Buffer) first;
        if (n == head.length()) {
            return buffer.pollFirst(); // exactly the first chunk (flowing mode's usual case): no copy
        }
        if (n < head.length()) {
            buffer.pollFirst();
            buffer.addFirst(head.subarray(n));
            return head.subarray(0, n);
        }
        Buffer out = Buffer.allocUnsafe(n);
        int filled = 0;
        while (filled < n) {
            Buffer c = (Buffer) buffer.pollFirst();
            int want = (int) (n - filled);
            if (c.length() > want) {
                c.copy(out, filled, 0, want);
                buffer.addFirst(c.subarray(want));
                filled += want;
            } else {
                c.copy(out, filled);
                filled += c.length();
            }
        }
        return out;
    }

    // --- scheduled steps

    private void scheduleReadable() {
        needReadable = false;
        if (!emittedReadable) {
            emittedReadable = true;
            loop.nextTick(this::readableNow);
        }
    }

    private void readableNow() {
        if (!destroyed && errored == null && (length > 0 || ended)) {
            emit("readable");
            emittedReadable = false;
        }
        // observed: this raises needReadable for a paused consumer but never lowers it
        needReadable = needReadable || flowing != Boolean.TRUE && !ended && length <= highWaterMark;
        flow();
    }

    void flow() {
        while (flowing == Boolean.TRUE && read() != null) {
            // each read() emits its chunk as 'data'
        }
    }

    private void scheduleReadMore() {
        if (!readingMore && constructed) {
            readingMore = true;
            loop.nextTick(this::readMore);
        }
    }

    /** Fills the buffer up to highWaterMark ahead of the consumer, one _read at a time. */
    private void readMore() {
        while (!reading && !ended && (length < highWaterMark || (flowing == Boolean.TRUE && length == 0))) {
            long before = length;
            read(0);
            if (before == length) {
                break; // _read pushed nothing synchronously; it will push later
            }
        }
        readingMore = false;
    }

    private void endSoon() {
        if (!endEmitted) {
            ended = true;
            loop.nextTick(this::endNow);
        }
    }

    private void endNow() {
        // an error suppresses a pending 'end'; a plain destroy() does not (node emits it, then 'close')
        if (errored != null || errorEmitted || closeEmitted || endEmitted || length != 0) {
            return;
        }
        endEmitted = true;
        emit("end");
        afterEnd();
    }

    /** After 'end': auto-destroy (a Duplex also looks at its writable side). */
    void afterEnd() {
        if (autoDestroy) {
            destroy();
        }
    }

    @Override
    void afterConstruct() {
        if (needReadable) {
            scheduleReadMore();
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Modes

    /** Switches to flowing mode ({@code 'resume'} follows on the next tick). */
    public Readable resume() {
        if (flowing != Boolean.TRUE) {
            // a 'readable' listener keeps the stream paused: resume() then only schedules
            flowing = !readableListening;
            if (!resumeScheduled) {
                resumeScheduled = true;
                loop.nextTick(this::resumeNow);
            }
        }
        paused = false;
        return this;
    }

    private void resumeNow() {
        if (!reading) {
            read(0);
        }
        resumeScheduled = false;
        emit("resume");
        flow();
        if (flowing == Boolean.TRUE && !reading) {
            read(0);
        }
    }

    /** Stops flowing mode; {@code 'pause'} is emitted at once. Data stays buffered. */
    public Readable pause() {
        if (flowing != Boolean.FALSE) {
            flowing = false;
            emit("pause");
        }
        paused = true;
        return this;
    }

    /** Whether the consumer paused the stream ({@code pause()}, or a {@code 'readable'} listener). */
    public boolean isPaused() {
        return paused == Boolean.TRUE || flowing == Boolean.FALSE;
    }

    /**
     * Decodes the data as {@code encoding}: {@code 'data'} and {@code read()} then give Strings and
     * never split a character. Data already buffered is decoded too.
     *
     * @throws dev.nodeshim.errors.NodeError {@code ERR_UNKNOWN_ENCODING}
     */
    public Readable setEncoding(String encoding) {
        ChunkDecoder d = new ChunkDecoder(encoding);
        decoder = d;
        StringBuilder sb = new StringBuilder();
        for (Object c : buffer) {
            sb.append(c instanceof Buffer b ? d.write(b) : (String) c);
        }
        buffer.clear();
        length = sb.length();
        if (length > 0) {
            buffer.add(sb.toString());
        }
        return this;
    }

    // ------------------------------------------------------------------------------------------------
    // Pipes

    /**
     * Node's {@code src.pipe(dest)}: writes every chunk to {@code dest}, pausing while
     * {@code dest.write} returns false until its {@code 'drain'}, and ends {@code dest} after
     * {@code 'end'}. Returns {@code dest}, for chaining. An error is not forwarded (use
     * {@link Streams#pipeline}).
     */
    public <W extends Stream & WritableStream> W pipe(W dest) {
        return pipe(dest, true);
    }

    /** {@code src.pipe(dest, {end})}: with {@code end} false, {@code dest} stays open after {@code 'end'}. */
    public <W extends Stream & WritableStream> W pipe(W dest, boolean end) {
        if (dest == null) {
            // node's own error here is JavaScript's, from calling dest.on
            throw new dev.nodeshim.errors.NodeError("TypeError", null, "Cannot read properties of null (reading 'on')");
        }
        Pipe.connect(this, dest, end);
        return dest;
    }

    /** Detaches every pipe destination ({@code 'unpipe'} on each). */
    public Readable unpipe() {
        if (pipes.isEmpty()) {
            return this;
        }
        List<Pipe> all = copy(pipes);
        pipes.clear();
        pause();
        for (Pipe p : all) {
            p.dest.emit("unpipe", this, new Pipe.UnpipeInfo());
        }
        return this;
    }

    /** Detaches {@code dest}; the stream pauses when it was the last destination. */
    public Readable unpipe(Stream dest) {
        int at = -1;
        for (int i = 0; i < pipes.size(); i++) {
            if (pipes.get(i).dest == dest) {
                at = i;
                break;
            }
        }
        if (at < 0) {
            return this;
        }
        pipes.remove(at);
        if (pipes.isEmpty()) {
            pause();
        }
        dest.emit("unpipe", this, new Pipe.UnpipeInfo());
        return this;
    }

    // ------------------------------------------------------------------------------------------------
    // Properties

    /** True while it is safe to call {@link #read}: not destroyed, not ended, no error emitted. */
    public boolean readable() {
        return !destroyed && !errorEmitted && !endEmitted;
    }

    /** Whether {@code 'end'} was emitted. */
    public boolean readableEnded() {
        return endEmitted;
    }

    /** {@code null} (no consumer yet), {@code true} (flowing) or {@code false} (paused). */
    public Boolean readableFlowing() {
        return flowing;
    }

    /** Bytes, characters (with an encoding) or objects buffered. */
    public long readableLength() {
        return length;
    }

    /** The highWaterMark (it grows when {@code read(n)} asks for more). */
    public long readableHighWaterMark() {
        return highWaterMark;
    }

    /** Whether the stream is in object mode. */
    public boolean readableObjectMode() {
        return objectMode;
    }

    /** The encoding set by {@link #setEncoding}, or {@code null}. */
    public String readableEncoding() {
        return decoder == null ? null : decoder.encoding();
    }

    /** Whether the stream was destroyed or errored before {@code 'end'}. */
    public boolean readableAborted() {
        return (destroyed || errored != null) && !endEmitted;
    }

    /** Whether {@code 'data'} was ever emitted. */
    public boolean readableDidRead() {
        return dataEmitted;
    }

    @Override
    public Readable destroy() {
        super.destroy();
        return this;
    }

    @Override
    public Readable destroy(Throwable err) {
        super.destroy(err);
        return this;
    }

    // ------------------------------------------------------------------------------------------------
    // Listener hooks: adding 'data' starts the flow, 'readable' switches to paused mode

    private void listenerAdded(Object event) {
        if ("data".equals(event)) {
            dataListening = true;
            readableListening = listenerCount("readable") > 0;
            if (flowing != Boolean.FALSE) {
                resume();
            }
        } else if ("readable".equals(event)) {
            if (!endEmitted && !readableListening) {
                readableListening = true;
                needReadable = true;
                flowing = false;
                emittedReadable = false;
                if (length > 0) {
                    scheduleReadable();
                } else if (!reading) {
                    loop.nextTick(() -> read(0));
                }
            }
        }
    }

    private void updateReadableListening() {
        readableListening = listenerCount("readable") > 0;
        if (resumeScheduled && paused == Boolean.FALSE) {
            flowing = true;
        } else if (listenerCount("data") > 0) {
            resume();
        } else if (!readableListening) {
            flowing = null;
        }
    }

    @Override
    public Readable removeListener(Object event, Object listener) {
        super.removeListener(event, listener);
        if ("readable".equals(event)) {
            loop.nextTick(this::updateReadableListening);
        } else if ("data".equals(event)) {
            dataListening = listenerCount("data") > 0;
        }
        return this;
    }

    @Override
    public Readable off(Object event, Object listener) {
        return removeListener(event, listener);
    }

    @Override
    public Readable removeAllListeners() {
        super.removeAllListeners();
        loop.nextTick(this::updateReadableListening);
        return this;
    }

    @Override
    public Readable removeAllListeners(Object event) {
        super.removeAllListeners(event);
        if ("readable".equals(event)) {
            loop.nextTick(this::updateReadableListening);
        }
        return this;
    }

    // on, addListener and once go through the hooks (Node's once is an on of a wrapper);
    // prependListener does not, as in Node.

    @Override
    public Readable on(Object event, Listener listener) {
        super.on(event, listener);
        listenerAdded(event);
        return this;
    }

    @Override
    public Readable on(Object event, Listener0 listener) {
        super.on(event, listener);
        listenerAdded(event);
        return this;
    }

    @Override
    public <A> Readable on(Object event, Listener1<A> listener) {
        super.on(event, listener);
        listenerAdded(event);
        return this;
    }

    @Override
    public <A, B> Readable on(Object event, Listener2<A, B> listener) {
        super.on(event, listener);
        listenerAdded(event);
        return this;
    }

    @Override
    public <A, B, C> Readable on(Object event, Listener3<A, B, C> listener) {
        super.on(event, listener);
        listenerAdded(event);
        return this;
    }

    @Override
    public <A, B, C, D> Readable on(Object event, Listener4<A, B, C, D> listener) {
        super.on(event, listener);
        listenerAdded(event);
        return this;
    }

    @Override
    public Readable addListener(Object event, Listener listener) {
        return on(event, listener);
    }

    @Override
    public Readable addListener(Object event, Listener0 listener) {
        return on(event, listener);
    }

    @Override
    public <A> Readable addListener(Object event, Listener1<A> listener) {
        return on(event, listener);
    }

    @Override
    public <A, B> Readable addListener(Object event, Listener2<A, B> listener) {
        return on(event, listener);
    }

    @Override
    public <A, B, C> Readable addListener(Object event, Listener3<A, B, C> listener) {
        return on(event, listener);
    }

    @Override
    public <A, B, C, D> Readable addListener(Object event, Listener4<A, B, C, D> listener) {
        return on(event, listener);
    }

    @Override
    public Readable once(Object event, Listener listener) {
        super.once(event, listener);
        listenerAdded(event);
        return this;
    }

    @Override
    public Readable once(Object event, Listener0 listener) {
        super.once(event, listener);
        listenerAdded(event);
        return this;
    }

    @Override
    public <A> Readable once(Object event, Listener1<A> listener) {
        super.once(event, listener);
        listenerAdded(event);
        return this;
    }

    @Override
    public <A, B> Readable once(Object event, Listener2<A, B> listener) {
        super.once(event, listener);
        listenerAdded(event);
        return this;
    }

    @Override
    public <A, B, C> Readable once(Object event, Listener3<A, B, C> listener) {
        super.once(event, listener);
        listenerAdded(event);
        return this;
    }

    @Override
    public <A, B, C, D> Readable once(Object event, Listener4<A, B, C, D> listener) {
        super.once(event, listener);
        listenerAdded(event);
        return this;
    }
}
