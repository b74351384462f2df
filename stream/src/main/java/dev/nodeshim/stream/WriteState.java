package dev.nodeshim.stream;

import dev.nodeshim.buffer.Buffer;
import dev.nodeshim.errors.Errors;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The writable half of a stream — shared by {@link Writable} and {@link Duplex} — and Node's rules
 * for it.
 *
 * <h2>The queue</h2>
 * <pre>
 *   write(c) ──► length += size(c) ──► [writing? corked? not constructed?] ──yes──► buffered
 *                       │                                 │ no
 *                       ▼                                 ▼
 *        returns length &lt; highWaterMark        _write(c, enc, onwrite)   (one at a time)
 * </pre>
 * {@code length} counts the chunk being written and every buffered one; {@code 'drain'} is emitted
 * when it falls back to 0 after a {@code write} returned false. When {@code _write} completes,
 * the next buffered chunk is written at once (all of them through {@code _writev} when it exists and
 * more than one waits); the write's own callback runs right away if {@code _write} completed
 * asynchronously, or on the next tick if it completed synchronously (consecutive synchronous
 * completions with the same callback share one tick, as in Node).
 *
 * <h2>Finishing</h2>
 * {@code end()} sets ending; once nothing is queued or being written, {@code _final} runs (at once,
 * synchronously inside {@code end()} when possible), then {@code 'prefinish'}, then on a later tick
 * the {@code end} callbacks, {@code 'finish'}, and with autoDestroy the destroy that leads to
 * {@code 'close'}.
 */
abstract class WriteState {
    private static final Callback NOP = err -> { };

    private record Request(Object chunk, String encoding, Callback callback) {
    }

    /** Synchronous completions waiting for one shared tick. */
    private static final class AfterTick {
        final Callback cb;
        int count = 1;

        AfterTick(Callback cb) {
            this.cb = cb;
        }
    }

    final Stream owner;
    final boolean objectMode;
    final long highWaterMark;
    final boolean decodeStrings;
    String defaultEncoding = "utf8";

    long length;
    boolean writing;
    int corked;
    boolean sync = true;
    boolean bufferProcessing;
    private Callback writeCb;
    private long writeLen;
    private final ArrayDeque<Request> buffered = new ArrayDeque<>();
    int pendingcb;
    boolean ending;
    boolean ended;
    boolean finished;
    boolean finalCalled;
    boolean prefinished;
    boolean needDrain;
    private AfterTick afterTick;
    private boolean nopTickPending;
    private final List<Callback> onFinished = new ArrayList<>();
    private final List<Callback> onErrorEmitted = new ArrayList<>();
    private final Callback onwrite = this::onWrite;

    WriteState(Stream owner, Settings s, boolean duplex) {
        this.owner = owner;
        this.objectMode = Boolean.TRUE.equals(s.objectMode) || duplex && Boolean.TRUE.equals(s.writableObjectMode);
        this.highWaterMark = Readable.resolveHighWaterMark(s, duplex ? s.writableHighWaterMark : null,
                "options.writableHighWaterMark", objectMode);
        this.decodeStrings = s.decodeStrings == null || s.decodeStrings;
        if (s.defaultEncoding != null) {
            defaultEncoding = s.defaultEncoding; // Node takes the option as given (setDefaultEncoding validates)
        }
    }

    // the owner's implementation
    abstract void write0(Object chunk, String encoding, Callback cb);

    abstract void writev0(List<WriteChunk> chunks, Callback cb);

    abstract boolean hasWritev();

    abstract void final0(Callback cb);

    abstract boolean hasFinal();

    /** The readable side's state for autoDestroy at finish, or null for a plain Writable. */
    abstract Readable readableSide();

    // ------------------------------------------------------------------------------------------------
    // write

    boolean write(Object chunk, String encoding, Callback cb) {
        Object r = writeOrFail(chunk, encoding, cb);
        return r instanceof Boolean b && b;
    }

    /** Node's write: Boolean, or the Throwable it reported (write after end, destroyed). */
    private Object writeOrFail(Object chunk, String encoding, Callback cb) {
        String enc;
        if (encoding == null) {
            // Node: in object mode a chunk written without an encoding reaches _write with none
            enc = objectMode ? null : defaultEncoding;
        } else if (!encoding.equals("buffer") && !Buffer.isEncoding(encoding)) {
            throw Errors.unknownEncoding(encoding);
        } else {
            enc = encoding;
        }
        Callback callback = cb == null ? NOP : cb;
        if (chunk == null) {
            throw StreamErrors.nullValues();
        }
        Object c = chunk;
        if (!objectMode) {
            if (chunk instanceof CharSequence cs) {
                if (decodeStrings) {
                    c = Buffer.from(cs.toString(), enc);
                    enc = "buffer";
                } else {
                    c = cs.toString();
                }
            } else if (chunk instanceof Buffer) {
                enc = "buffer";
            } else if (chunk instanceof byte[] bytes) {
                c = Buffer.from(bytes);
                enc = "buffer";
            } else {
                throw StreamErrors.badChunk(chunk);
            }
        }
        Throwable err = null;
        if (ending) {
            err = StreamErrors.writeAfterEnd();
        } else if (owner.destroyed) {
            err = StreamErrors.destroyed("write");
        }
        if (err != null) {
            Throwable e = err;
            owner.loop.nextTick(() -> callback.call(e));
            owner.errorOrDestroy(err, true);
            return err;
        }
        pendingcb++;
        return writeOrBuffer(c, enc, callback);
    }

    private long sizeOf(Object chunk) {
        if (objectMode) {
            return 1;
        }
        return chunk instanceof Buffer b ? b.length() : ((String) chunk).length();
    }

    private boolean writeOrBuffer(Object chunk, String enc, Callback cb) {
        long len = sizeOf(chunk);
        length += len;
        if (writing || corked > 0 || owner.errored != null || !owner.constructed) {
            buffered.addLast(new Request(chunk, enc, cb));
        } else {
            writeLen = len;
            writeCb = cb;
            writing = true;
            sync = true;
            write0(chunk, enc, onwrite);
            sync = false;
        }
        // Node measures after the hand-off: a _write that completed synchronously has already
        // taken its chunk off the count, so write() returns true however big the chunk was.
        boolean ret = length < highWaterMark;
        if (!ret) {
            needDrain = true;
        }
        return ret && owner.errored == null && !owner.destroyed;
    }

    private void onWrite(Throwable er) {
        boolean wasSync = sync;
        Callback cb = writeCb;
        if (cb == null) {
            owner.errorOrDestroy(StreamErrors.multipleCallback(), false);
            return;
        }
        writing = false;
        writeCb = null;
        length -= writeLen;
        writeLen = 0;
        if (er != null) {
            if (owner.errored == null) {
                owner.errored = er;
            }
            if (wasSync) {
                owner.loop.nextTick(() -> writeFailed(er, cb));
            } else {
                writeFailed(er, cb);
            }
            return;
        }
        if (!buffered.isEmpty()) {
            clearBuffer();
        }
        if (wasSync) {
            if (cb == NOP) {
                // Observed in node 20: a callback-less write that completes synchronously is
                // settled at once (pendingcb is visibly 0 right after write()), except that one tick
                // does the after-write steps (drain, finishing) for it when a 'drain' is due (the
                // queue emptied after write() returned false) and, in object mode, always; while
                // that tick is pending, further such completions are settled at once.
                if (!nopTickPending && (objectMode || needDrain && length == 0)) {
                    nopTickPending = true;
                    owner.loop.nextTick(() -> {
                        nopTickPending = false;
                        afterWrite(1, NOP);
                    });
                } else {
                    pendingcb--;
                }
                return;
            }
            if (afterTick != null && afterTick.cb == cb) {
                afterTick.count++;
            } else {
                AfterTick t = new AfterTick(cb);
                afterTick = t;
                owner.loop.nextTick(() -> {
                    afterTick = null;
                    afterWrite(t.count, t.cb);
                });
            }
        } else {
            afterWrite(1, cb);
        }
    }

    private void writeFailed(Throwable er, Callback cb) {
        pendingcb--;
        cb.call(er);
        failBuffered();
        owner.errorOrDestroy(er, false);
    }

    /** A completed write's bookkeeping: 'drain', the callbacks, then finishing (on a later tick). */
    private void afterWrite(int count, Callback cb) {
        boolean drain = !ending && !owner.destroyed && length == 0 && needDrain;
        if (drain) {
            needDrain = false;
            owner.emit("drain");
        }
        while (count-- > 0) {
            pendingcb--;
            cb.call(null);
        }
        if (owner.destroyed) {
            failBuffered();
        }
        // node finishes on a later tick, also after a write that completed asynchronously
        // (write('a', cb); end(); nextTick(A) prints cb, A, finish)
        finishMaybe(true);
    }

    /** Fails every buffered write and every pending end callback (the stream was destroyed or errored). */
    void failBuffered() {
        if (writing) {
            return;
        }
        List<Request> reqs = new ArrayList<>(buffered);
        buffered.clear();
        for (Request r : reqs) {
            length -= sizeOf(r.chunk);
            r.callback.call(owner.errored != null ? owner.errored : StreamErrors.destroyed("write"));
        }
        List<Callback> cbs = new ArrayList<>(onFinished);
        onFinished.clear();
        for (Callback c : cbs) {
            c.call(owner.errored != null ? owner.errored : StreamErrors.destroyed("end"));
        }
    }

    /** Destroy begins: buffered writes and end callbacks will fail on the next tick. */
    void onDestroyStarted() {
        if (!buffered.isEmpty() || !onFinished.isEmpty()) {
            owner.loop.nextTick(this::failBuffered);
        }
    }

    void clearBuffer() {
        if (corked > 0 || bufferProcessing || owner.destroyed || !owner.constructed || buffered.isEmpty()) {
            return;
        }
        bufferProcessing = true;
        int n = buffered.size();
        if (n > 1 && hasWritev()) {
            pendingcb -= n - 1;
            List<Request> reqs = new ArrayList<>(buffered);
            buffered.clear();
            List<WriteChunk> chunks = new ArrayList<>(n);
            boolean allNoop = true;
            for (Request r : reqs) {
                chunks.add(new WriteChunk(r.chunk, r.encoding));
                allNoop &= r.callback == NOP;
            }
            Callback all = allNoop ? NOP : err -> {
                for (Request r : reqs) {
                    r.callback.call(err);
                }
            };
            writeLen = length;
            writeCb = all;
            writing = true;
            sync = true;
            if (owner.destroyed) {
                onwrite.call(StreamErrors.destroyed("write"));
            } else {
                writev0(List.copyOf(chunks), onwrite);
            }
            sync = false;
        } else {
            do {
                Request r = buffered.pollFirst();
                writeLen = sizeOf(r.chunk);
                writeCb = r.callback;
                writing = true;
                sync = true;
                if (owner.destroyed) {
                    onwrite.call(StreamErrors.destroyed("write"));
                } else {
                    write0(r.chunk, r.encoding, onwrite);
                }
                sync = false;
            } while (!buffered.isEmpty() && !writing);
        }
        bufferProcessing = false;
    }

    // ------------------------------------------------------------------------------------------------
    // end and finish

    void end(Object chunk, String encoding, Callback cb) {
        Throwable err = null;
        if (chunk != null) {
            Object r = writeOrFail(chunk, encoding, null);
            if (r instanceof Throwable t) {
                err = t;
            }
        }
        if (corked > 0) {
            corked = 1;
            uncork();
        }
        if (err == null) {
            if (owner.errored == null && !ending) {
                ending = true;
                finishMaybe(true);
                ended = true;
            } else if (finished) {
                err = StreamErrors.alreadyFinished("end");
            } else if (owner.destroyed) {
                err = StreamErrors.destroyed("end");
            }
        }
        if (cb != null) {
            if (err != null || finished) {
                Throwable e = err;
                owner.loop.nextTick(() -> cb.call(e));
            } else if (owner.errored != null) {
                // the stream failed (perhaps in this very end(), in _final): the callback gets the
                // error right after 'error' (and 'close') are emitted, or on the next tick if they were
                if (owner.errorEmitted) {
                    owner.loop.nextTick(() -> cb.call(owner.errored));
                } else {
                    onErrorEmitted.add(cb);
                }
            } else {
                onFinished.add(cb);
            }
        }
    }

    /** Calls the end callbacks that waited for the stream's error to be emitted. */
    void afterErrorEmitted() {
        List<Callback> cbs = new ArrayList<>(onErrorEmitted);
        onErrorEmitted.clear();
        for (Callback c : cbs) {
            c.call(owner.errored);
        }
    }

    private boolean needFinish() {
        return ending && !owner.destroyed && owner.constructed && length == 0 && owner.errored == null
                && buffered.isEmpty() && !finished && !writing && !owner.errorEmitted && !owner.closeEmitted;
    }

    void finishMaybe(boolean syncCall) {
        if (!needFinish()) {
            return;
        }
        prefinish();
        if (pendingcb == 0) {
            if (syncCall) {
                pendingcb++;
                owner.loop.nextTick(() -> {
                    if (needFinish()) {
                        finish();
                    } else {
                        pendingcb--;
                    }
                });
            } else if (needFinish()) {
                pendingcb++;
                finish();
            }
        }
    }

    private void prefinish() {
        if (prefinished || finalCalled) {
            return;
        }
        if (hasFinal() && !owner.destroyed) {
            finalCalled = true;
            callFinal();
        } else {
            prefinished = true;
            owner.emit("prefinish");
        }
    }

    private void callFinal() {
        boolean[] called = {false};
        Callback done = err -> {
            if (called[0]) {
                owner.errorOrDestroy(err != null ? err : StreamErrors.multipleCallback(), false);
                return;
            }
            called[0] = true;
            pendingcb--;
            if (err != null) {
                List<Callback> cbs = new ArrayList<>(onFinished);
                onFinished.clear();
                for (Callback c : cbs) {
                    c.call(err);
                }
                owner.errorOrDestroy(err, sync);
            } else if (needFinish()) {
                prefinished = true;
                owner.emit("prefinish");
                pendingcb++;
                owner.loop.nextTick(this::finish);
            }
        };
        sync = true;
        pendingcb++;
        try {
            final0(done);
        } catch (RuntimeException | Error e) {
            done.call(e);
        }
        sync = false;
    }

    private void finish() {
        pendingcb--;
        finished = true;
        List<Callback> cbs = new ArrayList<>(onFinished);
        onFinished.clear();
        for (Callback c : cbs) {
            c.call(null);
        }
        owner.emit("finish");
        if (owner.autoDestroy) {
            Readable r = readableSide();
            if (r == null || r.autoDestroy && r.endEmitted) {
                owner.destroy();
            }
        }
    }

    void afterConstruct() {
        if (!writing) {
            clearBuffer();
        }
        finishMaybe(false);
    }

    // ------------------------------------------------------------------------------------------------
    // cork, properties

    void cork() {
        corked++;
    }

    void uncork() {
        if (corked > 0) {
            corked--;
            if (!writing) {
                clearBuffer();
            }
        }
    }

    void setDefaultEncoding(String encoding) {
        String lower = encoding == null ? null : encoding.toLowerCase(java.util.Locale.ROOT);
        if (lower == null || !Buffer.isEncoding(lower)) {
            throw Errors.unknownEncoding(encoding);
        }
        defaultEncoding = lower;
    }

    boolean writable() {
        return !owner.destroyed && owner.errored == null && !ending && !ended;
    }

    boolean needDrainNow() {
        return !owner.destroyed && !ending && needDrain;
    }
}
