package dev.nodeshim.stream;

import dev.nodeshim.buffer.Buffer;
import dev.nodeshim.errors.Errors;
import java.util.ArrayList;
import java.util.List;

/**
 * Node's {@code WritableState} and the writable algorithm of {@code lib/internal/streams/writable.js},
 * shared by {@link Writable} and {@link Duplex}.
 *
 * <p>The timing rules it keeps: a write callback completed synchronously by {@code _write} is called on
 * the next tick (consecutive ones with the same callback are batched into one tick), an asynchronous
 * one at once; 'drain' comes just before those callbacks, once the queue is empty after a write
 * returned false; 'prefinish' is synchronous and 'finish' is always on a later tick than
 * {@code end()}; {@code _final} runs when {@code end()} finds nothing left to write.
 */
final class WritableState extends StreamState {
    /** A write with no callback: Node's {@code nop}, which lets sync completions skip the tick. */
    static final Callback NOP = err -> { };

    private record Request(Object chunk, String encoding, Callback callback) {
    }

    private static final class TickInfo {
        final Callback cb;
        int count = 1;

        TickInfo(Callback cb) {
            this.cb = cb;
        }
    }

    private final Stream stream;
    final Callback onwrite = this::onwrite;

    boolean decodeStrings;
    String defaultEncoding = "utf8";
    int length;
    int corked;
    int writelen;
    int pendingcb;
    Callback writecb = NOP;
    boolean writing;
    boolean expectWriteCb;
    boolean sync = true;
    boolean bufferProcessing;
    boolean needDrain;
    boolean ending;
    boolean ended;
    boolean finished;
    boolean finalCalled;
    boolean prefinished;
    boolean afterWritePending;
    /** Node's afterWriteTickInfo: sync completions of the same callback counted into one tick. */
    private TickInfo afterWriteTickInfo;
    /** null when nothing is buffered (Node's kBuffered clear). */
    ArrayList<Request> buffered;
    int bufferedIndex;
    boolean allBuffers = true;
    boolean allNoop = true;
    /** Callbacks given to end(), or null. */
    List<Callback> onFinished;
    /** Node's {@code writable === false}: the writable side of a Duplex made with {@code writable: false}. */
    boolean writableDisabled;

    WritableState(Opts o, Stream stream, boolean isDuplex) {
        this.stream = stream;
        objectMode = Boolean.TRUE.equals(o.objectMode) || (isDuplex && o.writableObjectMode);
        highWaterMark = highWaterMark(o, "writableHighWaterMark", isDuplex, objectMode);
        decodeStrings = o.decodeStrings;
        emitClose = o.emitClose;
        autoDestroy = o.autoDestroy;
        String def = o.defaultEncoding;
        if (def != null && !def.equals("utf8") && !def.equals("utf-8")) {
            if (!Buffer.isEncoding(def)) {
                throw Errors.unknownEncoding(def);
            }
            defaultEncoding = def;
        }
    }

    void onConstructed() {
        if (!writing) {
            clearBuffer();
        }
        if (ending) {
            finishMaybe(false);
        }
    }

    // ------------------------------------------------------------------ write

    /** Node's {@code _write(stream, chunk, encoding, cb)}: true/false, or the error it reported. */
    Object write(Object chunk, String encoding, Callback cb) {
        if (cb == null) {
            cb = NOP;
        }
        if (chunk == null) {
            throw StreamErrors.nullValues();
        }
        if (!objectMode) {
            if (encoding == null || encoding.isEmpty()) {
                encoding = defaultEncoding;
            } else if (!encoding.equals("buffer") && !Buffer.isEncoding(encoding)) {
                throw Errors.unknownEncoding(encoding);
            }
            if (chunk instanceof String s) {
                if (decodeStrings) {
                    chunk = Buffer.from(s, encoding);
                    encoding = "buffer";
                }
            } else if (chunk instanceof Buffer) {
                encoding = "buffer";
            } else if (chunk instanceof byte[] bytes) {
                chunk = Buffer.wrap(bytes);
                encoding = "buffer";
            } else {
                throw StreamErrors.invalidChunk(chunk);
            }
        }
        RuntimeException err = null;
        if (ending) {
            err = StreamErrors.writeAfterEnd();
        } else if (destroyed) {
            err = StreamErrors.destroyed("write");
        }
        if (err != null) {
            RuntimeException e = err;
            Callback c = cb;
            Stream.nextTick(() -> c.call(e));
            stream.errorOrDestroy(err, true);
            return err;
        }
        pendingcb++;
        return writeOrBuffer(chunk, encoding, cb);
    }

    private int lengthOf(Object chunk) {
        if (objectMode) {
            return 1;
        }
        return chunk instanceof Buffer b ? b.length() : ((String) chunk).length();
    }

    private boolean writeOrBuffer(Object chunk, String encoding, Callback callback) {
        int len = lengthOf(chunk);
        length += len;
        if (writing || errored != null || corked > 0 || !constructed) {
            if (buffered == null) {
                buffered = new ArrayList<>();
            }
            buffered.add(new Request(chunk, encoding, callback));
            if (allBuffers && !"buffer".equals(encoding)) {
                allBuffers = false;
            }
            if (allNoop && callback != NOP) {
                allNoop = false;
            }
        } else {
            writelen = len;
            writecb = callback;
            writing = true;
            sync = true;
            expectWriteCb = true;
            stream.callWrite(chunk, encoding, onwrite);
            sync = false;
        }
        boolean ret = length < highWaterMark || length == 0;
        if (!ret) {
            needDrain = true;
        }
        // False when errored or destroyed, to break synchronous while (write(...)) loops.
        return ret && !destroyed && errored == null;
    }

    private void doWrite(boolean writev, int len, Object chunk, String encoding, Callback cb) {
        writelen = len;
        writecb = cb;
        writing = true;
        sync = true;
        expectWriteCb = true;
        if (destroyed) {
            onwrite.call(StreamErrors.destroyed("write"));
        } else if (writev) {
            @SuppressWarnings("unchecked")
            List<Chunk> chunks = (List<Chunk>) chunk;
            stream.callWritev(chunks, onwrite);
        } else {
            stream.callWrite(chunk, encoding, onwrite);
        }
        sync = false;
    }

    private void onwriteError(Throwable er, Callback cb) {
        --pendingcb;
        cb.call(er);
        // Buffered callbacks fail too; the error event must follow the callback.
        errorBuffer();
        stream.errorOrDestroy(er, false);
    }

    private void onwrite(Throwable er) {
        if (!expectWriteCb) {
            stream.errorOrDestroy(StreamErrors.multipleCallback(), false);
            return;
        }
        boolean wasSync = sync;
        Callback cb = writecb;
        writecb = NOP;
        writing = false;
        expectWriteCb = false;
        length -= writelen;
        writelen = 0;
        if (er != null) {
            if (errored == null) {
                errored = er;
            }
            if (stream.rs != null && stream.rs.errored == null) {
                stream.rs.errored = er;
            }
            if (wasSync) {
                Stream.nextTick(() -> onwriteError(er, cb));
            } else {
                onwriteError(er, cb);
            }
            return;
        }
        if (buffered != null) {
            clearBuffer();
        }
        if (wasSync) {
            // Node 20 writes `state & kDestroyed !== 0`, which by precedence is `state & 1`: the
            // object-mode bit. So in object mode a sync completion always takes the tick.
            boolean needDrainNow = needDrain && length == 0;
            boolean needTick = needDrainNow || objectMode || cb != NOP;
            if (cb == NOP) {
                if (!afterWritePending && needTick) {
                    Stream.nextTick(() -> afterWrite(1, NOP));
                    afterWritePending = true;
                } else {
                    pendingcb--;
                    if (ending) {
                        finishMaybe(true);
                    }
                }
            } else if (afterWriteTickInfo != null && afterWriteTickInfo.cb == cb) {
                afterWriteTickInfo.count++;
            } else if (needTick) {
                TickInfo info = new TickInfo(cb);
                afterWriteTickInfo = info;
                afterWritePending = true;
                Stream.nextTick(() -> afterWriteTick(info));
            } else {
                pendingcb--;
                if (ending) {
                    finishMaybe(true);
                }
            }
        } else {
            afterWrite(1, cb);
        }
    }

    private void afterWriteTick(TickInfo info) {
        afterWriteTickInfo = null;
        afterWrite(info.count, info.cb);
    }

    private void afterWrite(int count, Callback cb) {
        afterWritePending = false;
        if (needDrain && !ending && !destroyed && length == 0) {
            needDrain = false;
            stream.emit("drain");
        }
        while (count-- > 0) {
            pendingcb--;
            cb.call(null);
        }
        if (destroyed) {
            errorBuffer();
        }
        if (ending) {
            finishMaybe(true);
        }
    }

    /** Fails every buffered write and end() callback (after destroy or a write error). */
    void errorBuffer() {
        if (writing) {
            return;
        }
        if (buffered != null) {
            for (int n = bufferedIndex; n < buffered.size(); n++) {
                Request r = buffered.get(n);
                length -= lengthOf(r.chunk());
                r.callback().call(errored != null ? errored : StreamErrors.destroyed("write"));
            }
        }
        callFinishedCallbacks(errored != null ? errored : StreamErrors.destroyed("end"));
        resetBuffer();
    }

    private void resetBuffer() {
        buffered = null;
        bufferedIndex = 0;
        allBuffers = true;
        allNoop = true;
    }

    void clearBuffer() {
        if (destroyed || bufferProcessing || corked > 0 || buffered == null || !constructed) {
            return;
        }
        ArrayList<Request> list = buffered;
        int i = bufferedIndex;
        int count = list.size() - i;
        if (count == 0) {
            return;
        }
        bufferProcessing = true;
        if (count > 1 && stream.hasWritev()) {
            pendingcb -= count - 1;
            List<Request> batch = new ArrayList<>(list.subList(i, list.size()));
            Callback callback = allNoop ? NOP : err -> {
                for (Request r : batch) {
                    r.callback().call(err);
                }
            };
            List<Chunk> chunks = new ArrayList<>(batch.size());
            for (Request r : batch) {
                chunks.add(new Chunk(r.chunk(), r.encoding()));
            }
            doWrite(true, length, List.copyOf(chunks), "", callback);
            resetBuffer();
        } else {
            do {
                Request r = list.get(i);
                list.set(i++, null);
                doWrite(false, lengthOf(r.chunk()), r.chunk(), r.encoding(), r.callback());
            } while (i < list.size() && !writing);
            if (buffered != list) {
                // destroyed or reset meanwhile
            } else if (i == list.size()) {
                resetBuffer();
            } else {
                bufferedIndex = i;
            }
        }
        bufferProcessing = false;
    }

    // ------------------------------------------------------------------ cork / end / finish

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
        String enc = encoding == null ? null : encoding.toLowerCase(java.util.Locale.ROOT);
        if (!Buffer.isEncoding(enc)) {
            throw Errors.unknownEncoding(encoding);
        }
        defaultEncoding = enc;
    }

    void end(Object chunk, String encoding, Callback cb) {
        Throwable err = null;
        if (chunk != null) {
            Object ret = write(chunk, encoding, null);
            if (ret instanceof Throwable t) {
                err = t;
            }
        }
        // end() fully uncorks.
        if (corked > 0) {
            corked = 1;
            uncork();
        }
        if (err != null) {
            // nothing: the write reported it
        } else if (!ending && errored == null) {
            // Forgiving on repeated end(): only the first one ends.
            ending = true;
            finishMaybe(true);
            ended = true;
        } else if (finished) {
            err = StreamErrors.alreadyFinished("end");
        } else if (destroyed) {
            err = StreamErrors.destroyed("end");
        }
        if (cb != null) {
            Throwable e = err;
            if (e != null) {
                Stream.nextTick(() -> cb.call(e));
            } else if (errored != null) {
                Throwable er = errored;
                Stream.nextTick(() -> cb.call(er));
            } else if (finished) {
                Stream.nextTick(() -> cb.call(null));
            } else {
                if (onFinished == null) {
                    onFinished = new ArrayList<>();
                }
                onFinished.add(cb);
            }
        }
    }

    private boolean needFinish() {
        return ending && constructed && length == 0 && !destroyed && !finished && !writing
                && !errorEmitted && !closeEmitted && errored == null && buffered == null;
    }

    private void onFinish(Throwable err) {
        if (prefinished) {
            stream.errorOrDestroy(err != null ? err : StreamErrors.multipleCallback(), false);
            return;
        }
        pendingcb--;
        if (err != null) {
            callFinishedCallbacks(err);
            stream.errorOrDestroy(err, sync);
        } else if (needFinish()) {
            prefinished = true;
            stream.emit("prefinish");
            // 'finish' is asynchronous relative to the _final callback (streams rely on it).
            pendingcb++;
            Stream.nextTick(this::finish);
        }
    }

    private void prefinish() {
        if (prefinished || finalCalled) {
            return;
        }
        if (stream.hasFinal() && !destroyed) {
            finalCalled = true;
            sync = true;
            pendingcb++;
            try {
                stream.callFinal(this::onFinish);
            } catch (RuntimeException | Error e) {
                onFinish(e);
            }
            sync = false;
        } else {
            finalCalled = true;
            prefinished = true;
            stream.emit("prefinish");
        }
    }

    void finishMaybe(boolean fromSync) {
        if (needFinish()) {
            prefinish();
            if (pendingcb == 0) {
                if (fromSync) {
                    pendingcb++;
                    Stream.nextTick(() -> {
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
    }

    private void finish() {
        pendingcb--;
        finished = true;
        callFinishedCallbacks(null);
        stream.emit("finish");
        if (autoDestroy) {
            // A Duplex is destroyed only when its readable side has ended as well.
            ReadableState r = stream.rs;
            boolean auto = r == null || (r.autoDestroy && (r.endEmitted || r.readableDisabled));
            if (auto) {
                stream.destroy();
            }
        }
    }

    private void callFinishedCallbacks(Throwable err) {
        if (onFinished == null) {
            return;
        }
        List<Callback> cbs = onFinished;
        onFinished = null;
        for (Callback cb : cbs) {
            cb.call(err);
        }
    }

    // ------------------------------------------------------------------ properties

    boolean writableFlag() {
        return !writableDisabled && !ending && !ended && !destroyed && errored == null;
    }

    boolean needDrainFlag() {
        return needDrain && !destroyed && !ending;
    }

    boolean aborted() {
        return !writableDisabled && (destroyed || errored != null) && !finished;
    }
}
