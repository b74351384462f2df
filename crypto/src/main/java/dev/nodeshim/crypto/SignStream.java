package dev.nodeshim.crypto;

import dev.nodeshim.buffer.Buffer;
import dev.nodeshim.stream.Callback;
import dev.nodeshim.stream.Writable;

/**
 * The {@link Writable} face of a {@link Sign} or {@link Verify} (their {@code stream()}): each written
 * chunk goes to the object's {@code update}; the end of input does nothing more, so after
 * {@code 'finish'} (or right after {@code end()}, as in Node) {@code sign(key)} / {@code verify(key,
 * signature)} gives the result of everything written.
 *
 * <p>An update() that throws (the object was already used by {@code sign}/{@code verify}) throws out
 * of {@code write()}, as Node's {@code _write} does.
 *
 * <p>Why an adapter and not {@code Sign extends Writable}: the same reason as {@link CryptoStream}'s —
 * a Writable is an EventEmitter with a write queue, more than a whole small {@code createSign().update()}
 * costs to set up, and most code never streams; the Writable is made on the first {@code stream()} call
 * and the stream module loads only then.
 */
final class SignStream extends Writable {
    /** What the Sign or Verify does with a chunk. */
    interface Updater {
        void update(Object chunk, String encoding);
    }

    private final Updater updater;

    private SignStream(Updater updater) {
        this.updater = updater;
    }

    /**
     * The Writable for a Sign or Verify. Typed {@code Writable} so that the caller's class verifies
     * without loading this one (and the stream module) until {@code stream()} is first called.
     */
    static Writable of(Updater updater) {
        return new SignStream(updater);
    }

    @Override
    protected void _write(Object chunk, String encoding, Callback callback) {
        updater.update(chunk, encoding);
        callback.call();
    }
}
