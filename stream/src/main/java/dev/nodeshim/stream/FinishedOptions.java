package dev.nodeshim.stream;

/**
 * Options of {@link Streams#finished}: {@code readable}/{@code writable} (which sides to wait for;
 * {@code null}, the default, means whichever the stream has) and {@code error} (whether an 'error'
 * event finishes; default true). Immutable, with fluent withers.
 */
public final class FinishedOptions {
    final Boolean readable;
    final Boolean writable;
    final boolean error;

    private FinishedOptions(Boolean readable, Boolean writable, boolean error) {
        this.readable = readable;
        this.writable = writable;
        this.error = error;
    }

    /** Node's defaults: both sides the stream has, errors included. */
    public static FinishedOptions defaults() {
        return new FinishedOptions(null, null, true);
    }

    /** {@code readable}: wait for the readable side ('end') or not. */
    public FinishedOptions readable(boolean value) {
        return new FinishedOptions(value, writable, error);
    }

    /** {@code writable}: wait for the writable side ('finish') or not. */
    public FinishedOptions writable(boolean value) {
        return new FinishedOptions(readable, value, error);
    }

    /** {@code error}: when false, an 'error' event alone does not finish. */
    public FinishedOptions error(boolean value) {
        return new FinishedOptions(readable, writable, value);
    }
}
