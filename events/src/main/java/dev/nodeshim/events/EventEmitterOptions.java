package dev.nodeshim.events;

/**
 * Options of {@code new EventEmitter(options)}: an immutable value with fluent withers.
 *
 * @param captureRejections route failed {@link AsyncListener} stages to {@code 'error'}
 */
public record EventEmitterOptions(boolean captureRejections) {
    /** Node's defaults: {@code captureRejections} follows {@link EventEmitter#captureRejectionsDefault()}. */
    public static EventEmitterOptions defaults() {
        return new EventEmitterOptions(EventEmitter.captureRejectionsDefault());
    }

    /** A copy with {@code captureRejections} set. */
    public EventEmitterOptions captureRejections(boolean value) {
        return new EventEmitterOptions(value);
    }
}
