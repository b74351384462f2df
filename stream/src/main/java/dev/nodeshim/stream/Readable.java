package dev.nodeshim.stream;

import dev.nodeshim.buffer.Buffer;
import dev.nodeshim.events.Listener;
import dev.nodeshim.events.Listener0;
import dev.nodeshim.events.Listener1;
import dev.nodeshim.events.Listener2;
import dev.nodeshim.events.Listener3;
import dev.nodeshim.events.Listener4;
import dev.nodeshim.errors.Errors;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Node's {@code stream.Readable}, with Node 20's algorithm ({@code lib/internal/streams/readable.js})
 * and therefore its event order.
 *
 * <pre>{@code
 * Readable r = new Readable(ReadableOptions.defaults().read((self, size) -> {
 *     self.push("hello");
 *     self.push(null);                       // end of data
 * }));
 * r.on("data", (Buffer chunk) -> System.out.println(chunk));
 * r.on("end", () -> System.out.println("end"));
 * }</pre>
 * Or subclass it and override {@link #_read(int)}, as {@code class X extends Readable} does in Node.
 *
 * <h2>Chunks</h2>
 * Outside object mode a chunk is a {@link Buffer}, a {@code String} (encoded with the given or default
 * encoding) or a {@code byte[]} (wrapped, not copied, like a Uint8Array); anything else is
 * {@code ERR_INVALID_ARG_TYPE}. Data is delivered as {@code Buffer}, or as {@code String} after
 * {@link #setEncoding(String)}, which never splits a multi-byte character ({@link StringDecoder}). In
 * object mode a chunk is any non-null object.
 *
 * <h2>Modes and timing (Node's rules)</h2>
 * <ul>
 * <li>A stream starts paused ({@link #readableFlowing()} {@code null}). Adding a {@code 'data'}
 *     listener, {@link #resume()} or {@link #pipe} switch it to flowing; {@code 'resume'} and the
 *     first {@code 'data'} then come on the next tick. Adding a {@code 'readable'} listener switches
 *     to paused mode and takes precedence over {@code 'data'}.</li>
 * <li>{@code push()} called synchronously inside {@code _read} buffers; {@code 'readable'} is emitted
 *     on the next tick. A push from a later tick into a flowing, empty stream emits {@code 'data'}
 *     synchronously.</li>
 * <li>{@code 'end'} is emitted on the next tick after the last byte was read; with autoDestroy
 *     ({@code true} by default) the stream is then destroyed and {@code 'close'} follows one tick
 *     later.</li>
 * <li>{@code _read} is called only while the buffer holds less than {@code highWaterMark}: that is
 *     the backpressure every adapter relies on.</li>
 * </ul>
 *
 * <h2>Listening</h2>
 * {@code on}/{@code addListener}/{@code once} of {@code 'data'} and {@code 'readable'} change the
 * mode, as in Node; {@code prependListener} does not (in Node neither does it).
 */
public class Readable extends Stream {

    /** A Readable whose {@link #_read(int)} must be overridden ({@code new Readable()}). */
    public Readable() {
        this(ReadableOptions.defaults());
    }

    /** {@code new Readable(options)}. */
    public Readable(ReadableOptions options) {
        this(Objects.requireNonNull(options, "options").o, false);
        if (hasConstruct()) {
            construct(this::onReadableConstructed);
        }
    }

    /** For Duplex: builds the readable state only; the subclass runs the construct step. */
    Readable(Opts o, boolean isDuplex) {
        super(o);
        rs = new ReadableState(o, isDuplex);
    }

    void onReadableConstructed() {
        if (rs.needReadable) {
            maybeReadMore();
        }
    }

    /**
     * Produces data: call {@link #push(Object)} now or later. Called with the high water mark, only
     * while the buffer is below it and no read is pending. Default: the {@code read} option, else
     * {@code ERR_METHOD_NOT_IMPLEMENTED}.
     */
    protected void _read(int size) {
        if (opts.read != null) {
            opts.read.read(this, size);
        } else {
            throw StreamErrors.methodNotImplemented("_read()");
        }
    }

    // ------------------------------------------------------------------ push / unshift

    /** {@code readable.push(chunk)}; {@code push(null)} ends the stream. @return whether to push more (below highWaterMark) */
    public boolean push(Object chunk) {
        return push(chunk, null);
    }

    /** {@code readable.push(string, encoding)}. */
    public boolean push(Object chunk, String encoding) {
        ReadableState state = rs;
        return state.objectMode ? pushObject(state, chunk, encoding) : pushBytes(state, chunk, encoding);
    }

    private boolean pushBytes(ReadableState state, Object chunk, String encoding) {
        if (chunk == null) {
            state.reading = false;
            onEofChunk();
            return false;
        }
        if (chunk instanceof String s) {
            if (encoding == null || encoding.isEmpty()) {
                encoding = state.defaultEncoding;
            }
            if (!Objects.equals(state.encoding, encoding)) {
                chunk = Buffer.from(s, encoding);
                encoding = "";
            }
        } else if (chunk instanceof Buffer) {
            encoding = "";
        } else if (chunk instanceof byte[] bytes) {
            chunk = Buffer.wrap(bytes);
            encoding = "";
        } else {
            errorOrDestroy(StreamErrors.invalidChunk(chunk), false);
            return false;
        }
        if (state.lengthOf(chunk) <= 0) {
            state.reading = false;
            maybeReadMore();
            return canPushMore(state);
        }
        if (state.ended) {
            errorOrDestroy(StreamErrors.pushAfterEof(), false);
            return false;
        }
        if (state.destroyed || state.errored != null) {
            return false;
        }
        state.reading = false;
        if (state.decoder != null && encoding.isEmpty()) {
            chunk = state.decoder.write((Buffer) chunk);
            if (((String) chunk).isEmpty()) {
                maybeReadMore();
                return canPushMore(state);
            }
        }
        addChunk(state, chunk, false);
        return canPushMore(state);
    }

    private boolean pushObject(ReadableState state, Object chunk, String encoding) {
        if (chunk == null) {
            state.reading = false;
            onEofChunk();
            return false;
        }
        if (state.ended) {
            errorOrDestroy(StreamErrors.pushAfterEof(), false);
            return false;
        }
        if (state.destroyed || state.errored != null) {
            return false;
        }
        state.reading = false;
        if (state.decoder != null && (encoding == null || encoding.isEmpty()) && chunk instanceof Buffer b) {
            chunk = state.decoder.write(b);
        }
        addChunk(state, chunk, false);
        return canPushMore(state);
    }

    /** {@code readable.unshift(chunk)}: puts data back at the front of the buffer. */
    public boolean unshift(Object chunk) {
        return unshift(chunk, null);
    }

    /** {@code readable.unshift(string, encoding)}. */
    public boolean unshift(Object chunk, String encoding) {
        ReadableState state = rs;
        if (chunk == null) {
            state.reading = false;
            onEofChunk();
            return false;
        }
        if (!state.objectMode) {
            if (chunk instanceof String s) {
                if (encoding == null || encoding.isEmpty()) {
                    encoding = state.defaultEncoding;
                }
                if (!Objects.equals(state.encoding, encoding)) {
                    // Unshifting with an encoding set: the buffer holds strings in that encoding.
                    chunk = state.encoding != null
                            ? Buffer.from(s, encoding).toString(state.encoding)
                            : Buffer.from(s, encoding);
                }
            } else if (chunk instanceof byte[] bytes) {
                chunk = Buffer.wrap(bytes);
            } else if (!(chunk instanceof Buffer)) {
                errorOrDestroy(StreamErrors.invalidChunk(chunk), false);
                return false;
            }
            if (state.lengthOf(chunk) <= 0) {
                return canPushMore(state);
            }
        }
        if (state.endEmitted) {
            errorOrDestroy(StreamErrors.unshiftAfterEndEvent(), false);
        } else if (state.destroyed || state.errored != null) {
            return false;
        } else {
            addChunk(state, chunk, true);
        }
        return canPushMore(state);
    }

    private static boolean canPushMore(ReadableState state) {
        // Below the mark, or empty (so that a highWaterMark of 0 still lets data through).
        return !state.ended && (state.length < state.highWaterMark || state.length == 0);
    }

    private void addChunk(ReadableState state, Object chunk, boolean addToFront) {
        if (state.flowing == Boolean.TRUE && !state.sync && state.dataListening && state.length == 0) {
            // Flowing and nothing buffered: hand the chunk straight to 'data', synchronously.
            clearAwaitDrain(state);
            state.dataEmitted = true;
            emit("data", chunk);
        } else {
            state.length += state.lengthOf(chunk);
            if (addToFront) {
                state.buffer.addFirst(chunk);
            } else {
                state.buffer.addLast(chunk);
            }
            if (state.needReadable) {
                emitReadable();
            }
        }
        maybeReadMore();
    }

    private static void clearAwaitDrain(ReadableState state) {
        if (state.multiAwaitDrain) {
            ((Set<?>) state.awaitDrainWriters).clear();
        } else {
            state.awaitDrainWriters = null;
        }
    }

    // ------------------------------------------------------------------ read

    /** {@code readable.read()}: everything buffered (one chunk at a time when flowing), or {@code null}. */
    public Object read() {
        return read(Double.NaN);
    }

    /**
     * {@code readable.read(n)}: exactly {@code n} bytes (or characters after setEncoding), or
     * {@code null} when fewer are buffered and the stream has not ended; {@code read(0)} only
     * triggers a refill.
     *
     * @throws dev.nodeshim.errors.NodeError {@code ERR_OUT_OF_RANGE} when {@code n} is above 1 GiB
     */
    public Object read(int n) {
        return read((double) n);
    }

    private Object read(double n) {
        ReadableState state = rs;
        double nOrig = n;
        if (n > state.highWaterMark) {
            state.highWaterMark = computeNewHighWaterMark(n);
        }
        if (n != 0) {
            state.emittedReadable = false;
        }
        // read(0) with enough buffered (or ended): only schedule 'readable' (or 'end').
        if (n == 0 && state.needReadable
                && ((state.highWaterMark != 0 ? state.length >= state.highWaterMark : state.length > 0)
                        || state.ended)) {
            if (state.length == 0 && state.ended) {
                endReadable();
            } else {
                emitReadable();
            }
            return null;
        }
        int want = howMuchToRead(n, state);
        if (want == 0 && state.ended) {
            if (state.length == 0) {
                endReadable();
            }
            return null;
        }
        boolean doRead = state.needReadable;
        if (state.length == 0 || state.length - want < state.highWaterMark) {
            doRead = true;
        }
        if (state.ended || state.reading || state.destroyed || state.errored != null || !state.constructed) {
            doRead = false;
        } else if (doRead) {
            state.reading = true;
            state.sync = true;
            if (state.length == 0) {
                state.needReadable = true;
            }
            try {
                _read(state.highWaterMark);
            } catch (RuntimeException | Error e) {
                errorOrDestroy(e, false);
            }
            state.sync = false;
            // _read may have pushed synchronously: re-evaluate.
            if (!state.reading) {
                want = howMuchToRead(nOrig, state);
            }
        }
        Object ret = want > 0 ? fromList(want, state) : null;
        double got = want;
        if (ret == null) {
            state.needReadable = state.length <= state.highWaterMark;
            got = 0;
        } else {
            state.length -= want;
            clearAwaitDrain(state);
        }
        if (state.length == 0) {
            if (!state.ended) {
                state.needReadable = true;
            }
            // read() past EOF: 'end' on the next tick (NaN != anything, as in JavaScript).
            if (nOrig != got && state.ended) {
                endReadable();
            }
        }
        if (ret != null && !state.errorEmitted && !state.closeEmitted) {
            state.dataEmitted = true;
            emit("data", ret);
        }
        return ret;
    }

    private static int computeNewHighWaterMark(double n) {
        if (n > 0x40000000) {
            throw Errors.outOfRange("size", "<= 1GiB", (long) n);
        }
        // The next power of 2, so that the mark does not creep up in tiny steps.
        int v = (int) n - 1;
        v |= v >>> 1;
        v |= v >>> 2;
        v |= v >>> 4;
        v |= v >>> 8;
        v |= v >>> 16;
        return v + 1;
    }

    private static int howMuchToRead(double n, ReadableState state) {
        if (n <= 0 || (state.length == 0 && state.ended)) {
            return 0;
        }
        if (state.objectMode) {
            return 1;
        }
        if (Double.isNaN(n)) {
            // Only flow one chunk at a time.
            if (state.flowing == Boolean.TRUE && state.length > 0) {
                return state.lengthOf(state.buffer.peekFirst());
            }
            return state.length;
        }
        if (n <= state.length) {
            return (int) n;
        }
        return state.ended ? state.length : 0;
    }

    /** Takes {@code n} bytes (characters, or one object) off the front of the buffer. */
    private static Object fromList(int n, ReadableState state) {
        if (state.length == 0) {
            return null;
        }
        var buf = state.buffer;
        if (state.objectMode) {
            return buf.pollFirst();
        }
        Object first = buf.peekFirst();
        if (n >= state.length) {
            if (state.decoder != null) {
                StringBuilder sb = new StringBuilder();
                while (!buf.isEmpty()) {
                    sb.append((String) buf.pollFirst());
                }
                return sb.toString();
            }
            if (buf.size() == 1) {
                return buf.pollFirst();
            }
            List<Buffer> all = new ArrayList<>(buf.size());
            while (!buf.isEmpty()) {
                all.add((Buffer) buf.pollFirst());
            }
            return Buffer.concat(all, state.length);
        }
        int firstLength = state.lengthOf(first);
        if (n < firstLength) {
            buf.pollFirst();
            if (first instanceof String s) {
                buf.addFirst(s.substring(n));
                return s.substring(0, n);
            }
            Buffer b = (Buffer) first;
            buf.addFirst(b.subarray(n));
            return b.subarray(0, n);
        }
        if (n == firstLength) {
            return buf.pollFirst();
        }
        if (state.decoder != null) {
            StringBuilder sb = new StringBuilder();
            int left = n;
            while (left > 0) {
                String s = (String) buf.pollFirst();
                if (left >= s.length()) {
                    sb.append(s);
                    left -= s.length();
                } else {
                    sb.append(s, 0, left);
                    buf.addFirst(s.substring(left));
                    left = 0;
                }
            }
            return sb.toString();
        }
        Buffer ret = Buffer.allocUnsafe(n);
        int at = 0;
        while (at < n) {
            Buffer b = (Buffer) buf.pollFirst();
            int take = Math.min(b.length(), n - at);
            b.copy(ret, at, 0, take);
            if (take < b.length()) {
                buf.addFirst(b.subarray(take));
            }
            at += take;
        }
        return ret;
    }

    private void onEofChunk() {
        ReadableState state = rs;
        if (state.ended) {
            return;
        }
        if (state.decoder != null) {
            String rest = state.decoder.end();
            if (!rest.isEmpty()) {
                state.buffer.addLast(rest);
                state.length += state.objectMode ? 1 : rest.length();
            }
        }
        state.ended = true;
        if (state.sync) {
            // Inside _read: wait a tick, so that flow() does not emit data from within read().
            emitReadable();
        } else {
            // Emitted now: modules in the ecosystem rely on this 'readable' being synchronous.
            state.needReadable = false;
            state.emittedReadable = true;
            emitReadableNow();
        }
    }

    private void emitReadable() {
        ReadableState state = rs;
        state.needReadable = false;
        if (!state.emittedReadable) {
            state.emittedReadable = true;
            nextTick(this::emitReadableNow);
        }
    }

    private void emitReadableNow() {
        ReadableState state = rs;
        if (!state.destroyed && state.errored == null && (state.length > 0 || state.ended)) {
            emit("readable");
            state.emittedReadable = false;
        }
        // Another 'readable' is needed when paused, not ended, and at or below the mark.
        if (state.flowing != Boolean.TRUE && !state.ended && state.length <= state.highWaterMark) {
            state.needReadable = true;
        }
        flow();
    }

    private void maybeReadMore() {
        ReadableState state = rs;
        if (!state.readingMore && state.constructed) {
            state.readingMore = true;
            nextTick(this::maybeReadMoreNow);
        }
    }

    private void maybeReadMoreNow() {
        ReadableState state = rs;
        // Fill up to the mark (or keep a flowing stream going) while _read answers synchronously.
        while (!state.reading && !state.ended
                && (state.length < state.highWaterMark || (state.flowing == Boolean.TRUE && state.length == 0))) {
            int len = state.length;
            read(0);
            if (len == state.length) {
                break;
            }
        }
        state.readingMore = false;
    }

    private void endReadable() {
        ReadableState state = rs;
        if (!state.endEmitted) {
            state.ended = true;
            nextTick(this::endReadableNT);
        }
    }

    private void endReadableNT() {
        ReadableState state = rs;
        // Check that we didn't get one last unshift.
        if (state.errored == null && !state.closeEmitted && !state.endEmitted && state.length == 0) {
            state.endEmitted = true;
            emit("end");
            if (writableFlag() && !allowHalfOpen()) {
                nextTick(this::endWritableNT);
            } else if (state.autoDestroy) {
                // A Duplex is destroyed only when its writable side is done as well.
                WritableState w = ws;
                boolean autoDestroy = w == null || (w.autoDestroy && (w.finished || w.writableDisabled));
                if (autoDestroy) {
                    destroy();
                }
            }
        }
    }

    /** Duplex only. */
    boolean allowHalfOpen() {
        return true;
    }

    /** Duplex only: {@code end()} the writable side after 'end' when allowHalfOpen is false. */
    void endWritableNT() {
    }

    // ------------------------------------------------------------------ modes

    /** {@code readable.isPaused()}. */
    public boolean isPaused() {
        return rs.paused == Boolean.TRUE || rs.flowing == Boolean.FALSE;
    }

    /**
     * {@code readable.setEncoding(enc)}: data becomes strings, decoded without splitting characters;
     * what is already buffered is converted.
     *
     * @throws dev.nodeshim.errors.NodeError {@code ERR_UNKNOWN_ENCODING}
     */
    public Readable setEncoding(String encoding) {
        ReadableState state = rs;
        StringDecoder decoder = new StringDecoder(encoding);
        state.decoder = decoder;
        state.encoding = decoder.encoding();
        StringBuilder content = new StringBuilder();
        for (Object data : state.buffer) {
            content.append(data instanceof Buffer b ? decoder.write(b) : data.toString());
        }
        state.buffer.clear();
        if (content.length() > 0) {
            state.buffer.add(content.toString());
        }
        state.length = content.length();
        return this;
    }

    /** {@code readable.resume()}: switches to flowing mode ('resume' and data on the next tick). */
    public Readable resume() {
        ReadableState state = rs;
        if (state.flowing != Boolean.TRUE) {
            // With a 'readable' listener, resume() does not flow, but still schedules resume_.
            state.flowing = !state.readableListening;
            if (!state.resumeScheduled) {
                state.resumeScheduled = true;
                nextTick(this::resumeNow);
            }
        }
        state.paused = false;
        return this;
    }

    private void resumeNow() {
        ReadableState state = rs;
        if (!state.reading) {
            read(0);
        }
        state.resumeScheduled = false;
        emit("resume");
        flow();
        if (state.flowing == Boolean.TRUE && !state.reading) {
            read(0);
        }
    }

    /** {@code readable.pause()}: stops 'data' events; 'pause' is emitted synchronously. */
    public Readable pause() {
        ReadableState state = rs;
        if (state.flowing != Boolean.FALSE) {
            state.flowing = false;
            emit("pause");
        }
        state.paused = true;
        return this;
    }

    void flow() {
        ReadableState state = rs;
        while (state.flowing == Boolean.TRUE && read() != null) {
            // each read() emitted 'data'
        }
    }

    // ------------------------------------------------------------------ pipe

    /** {@code readable.pipe(dest)}: flows data into {@code dest}, ending it at 'end'. @return {@code dest} */
    public <W extends WritableStream> W pipe(W dest) {
        return pipe(dest, true);
    }

    /** {@code readable.pipe(dest, {end})}: with {@code end} false, {@code dest} is left open at 'end'. */
    public <W extends WritableStream> W pipe(W dest, boolean end) {
        new Pipe(this, (Stream) dest, end).start();
        return dest;
    }

    /** {@code readable.unpipe()}: detaches every destination. */
    public Readable unpipe() {
        ReadableState state = rs;
        if (state.pipes.isEmpty()) {
            return this;
        }
        List<Stream> dests = state.pipes;
        state.pipes = new ArrayList<>();
        pause();
        for (Stream d : dests) {
            d.emit("unpipe", this, new Pipe.UnpipeInfo());
        }
        return this;
    }

    /** {@code readable.unpipe(dest)}. */
    public Readable unpipe(WritableStream dest) {
        ReadableState state = rs;
        if (state.pipes.isEmpty()) {
            return this;
        }
        int index = state.pipes.indexOf(dest);
        if (index == -1) {
            return this;
        }
        state.pipes.remove(index);
        if (state.pipes.isEmpty()) {
            pause();
        }
        ((Stream) dest).emit("unpipe", this, new Pipe.UnpipeInfo());
        return this;
    }

    /** For Pipe: Node's multiAwaitDrain bookkeeping when a second destination is added. */
    void addPipe(Stream dest) {
        ReadableState state = rs;
        if (state.pipes.size() == 1 && !state.multiAwaitDrain) {
            state.multiAwaitDrain = true;
            Set<Object> set = new LinkedHashSet<>();
            if (state.awaitDrainWriters != null) {
                set.add(state.awaitDrainWriters);
            }
            state.awaitDrainWriters = set;
        }
        state.pipes.add(dest);
    }

    // ------------------------------------------------------------------ listeners

    /** Node's {@code Readable.prototype.on}: 'data' resumes, 'readable' switches to paused reading. */
    private void afterOn(Object ev) {
        ReadableState state = rs;
        if ("data".equals(ev)) {
            state.dataListening = true;
            if (listenerCount("readable") > 0) {
                state.readableListening = true;
            }
            if (state.flowing != Boolean.FALSE) {
                resume();
            }
        } else if ("readable".equals(ev)) {
            if (!state.endEmitted && !state.readableListening) {
                state.readableListening = true;
                state.needReadable = true;
                state.flowing = false;
                state.emittedReadable = false;
                if (state.length > 0) {
                    emitReadable();
                } else if (!state.reading) {
                    nextTick(() -> read(0));
                }
            }
        }
    }

    private void updateReadableListening() {
        ReadableState state = rs;
        state.readableListening = listenerCount("readable") > 0;
        if (state.resumeScheduled && state.paused == Boolean.FALSE) {
            // Flowing must be true now, or the scheduled resume will not flow.
            state.flowing = true;
        } else if (state.dataListening) {
            resume();
        } else if (!state.readableListening) {
            state.flowing = null;
        }
    }

    @Override
    public Readable removeListener(Object event, Object listener) {
        super.removeListener(event, listener);
        if ("readable".equals(event)) {
            // After the current 'readable' emit, before I/O: supports once('readable') cycles.
            nextTick(this::updateReadableListening);
        } else if ("data".equals(event) && listenerCount("data") == 0) {
            rs.dataListening = false;
        }
        return this;
    }

    @Override
    public Readable removeAllListeners() {
        super.removeAllListeners();
        nextTick(this::updateReadableListening);
        return this;
    }

    @Override
    public Readable removeAllListeners(Object event) {
        super.removeAllListeners(event);
        if ("readable".equals(event)) {
            nextTick(this::updateReadableListening);
        }
        return this;
    }

    @Override
    public Readable on(Object event, Listener listener) {
        super.on(event, listener);
        afterOn(event);
        return this;
    }

    @Override
    public Readable on(Object event, Listener0 listener) {
        super.on(event, listener);
        afterOn(event);
        return this;
    }

    @Override
    public <A> Readable on(Object event, Listener1<A> listener) {
        super.on(event, listener);
        afterOn(event);
        return this;
    }

    @Override
    public <A, B> Readable on(Object event, Listener2<A, B> listener) {
        super.on(event, listener);
        afterOn(event);
        return this;
    }

    @Override
    public <A, B, C> Readable on(Object event, Listener3<A, B, C> listener) {
        super.on(event, listener);
        afterOn(event);
        return this;
    }

    @Override
    public <A, B, C, D> Readable on(Object event, Listener4<A, B, C, D> listener) {
        super.on(event, listener);
        afterOn(event);
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
        afterOn(event);
        return this;
    }

    @Override
    public Readable once(Object event, Listener0 listener) {
        super.once(event, listener);
        afterOn(event);
        return this;
    }

    @Override
    public <A> Readable once(Object event, Listener1<A> listener) {
        super.once(event, listener);
        afterOn(event);
        return this;
    }

    @Override
    public <A, B> Readable once(Object event, Listener2<A, B> listener) {
        super.once(event, listener);
        afterOn(event);
        return this;
    }

    @Override
    public <A, B, C> Readable once(Object event, Listener3<A, B, C> listener) {
        super.once(event, listener);
        afterOn(event);
        return this;
    }

    @Override
    public <A, B, C, D> Readable once(Object event, Listener4<A, B, C, D> listener) {
        super.once(event, listener);
        afterOn(event);
        return this;
    }

    // ------------------------------------------------------------------ properties

    /** {@code readable.readable}: true until 'end', an error or destroy. */
    public boolean readable() {
        return readableFlag();
    }

    @Override
    boolean readableFlag() {
        ReadableState r = rs;
        return !r.readableDisabled && !r.destroyed && !r.errorEmitted && !r.endEmitted;
    }

    /** {@code readable.readableEnded}: whether 'end' has been emitted. */
    public boolean readableEnded() {
        return rs.endEmitted;
    }

    /** {@code readable.readableFlowing}: {@code null} (no mode chosen yet), {@code true} or {@code false}. */
    public Boolean readableFlowing() {
        return rs.flowing;
    }

    /** {@code readable.readableLength}: bytes (characters, objects) buffered. */
    public int readableLength() {
        return rs.length;
    }

    /** {@code readable.readableHighWaterMark}. */
    public int readableHighWaterMark() {
        return rs.highWaterMark;
    }

    /** {@code readable.readableObjectMode}. */
    public boolean readableObjectMode() {
        return rs.objectMode;
    }

    /** {@code readable.readableEncoding}: the encoding given to setEncoding, or {@code null}. */
    public String readableEncoding() {
        return rs.encoding;
    }

    /** {@code readable.readableDidRead}: whether 'data' has been emitted. */
    public boolean readableDidRead() {
        return rs.dataEmitted;
    }

    /** {@code readable.readableAborted}: destroyed or errored before 'end'. */
    public boolean readableAborted() {
        return !rs.readableDisabled && (rs.destroyed || rs.errored != null) && !rs.endEmitted;
    }

    /** A snapshot of the buffered chunks ({@code readable.readableBuffer}). */
    public List<Object> readableBuffer() {
        return List.copyOf(rs.buffer);
    }

    // ------------------------------------------------------------------ from / iteration

    /**
     * {@code Readable.from(iterable)}: an object-mode Readable (highWaterMark 1) yielding the
     * elements of an {@link Iterable}, an {@link java.util.Iterator}, a {@link java.util.stream.BaseStream}
     * or an array; a {@code String} or {@link Buffer} is pushed whole, as one chunk. A {@code null}
     * element is {@code ERR_STREAM_NULL_VALUES}. Destroying the stream closes an
     * {@link AutoCloseable} iterator or Java stream.
     *
     * @throws dev.nodeshim.errors.NodeError {@code ERR_INVALID_ARG_TYPE} when {@code iterable} is none of these
     */
    public static Readable from(Object iterable) {
        return FromIterable.create(iterable, ReadableOptions.defaults().o);
    }

    /** {@code Readable.from(iterable, options)}: the options override the defaults (object mode, highWaterMark 1). */
    public static Readable from(Object iterable, ReadableOptions options) {
        return FromIterable.create(iterable, options.o);
    }

    /**
     * The Java form of {@code for await (const chunk of readable)}: a blocking iterator for
     * <em>another thread</em> than the stream's loop. Each {@code hasNext()} asks the loop for one
     * {@code read()} and waits for a chunk, the end, or the error (thrown from {@code hasNext()}).
     * Nothing is read ahead of the consumer beyond the stream's own buffer, so backpressure holds.
     * {@code close()} destroys the stream, as breaking out of a {@code for await} does. While the
     * iterator is open it keeps the loop alive. Call this method on the loop thread.
     */
    public StreamIterator iterator() {
        return new StreamIterator(this);
    }
}
