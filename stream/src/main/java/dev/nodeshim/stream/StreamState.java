package dev.nodeshim.stream;

/** What Node keeps in both {@code _readableState} and {@code _writableState}: the destroy machinery's flags. */
abstract class StreamState {
    boolean objectMode;
    int highWaterMark;
    boolean emitClose = true;
    boolean autoDestroy = true;
    boolean destroyed;
    boolean closed;
    boolean closeEmitted;
    boolean errorEmitted;
    /** Starts true: asynchronous construction is opt-in (a {@code construct} function). */
    boolean constructed = true;
    Throwable errored;

    /** Node's {@code getHighWaterMark}: the option (validated, floored) or the default for the mode. */
    static int highWaterMark(Opts o, String duplexKey, boolean isDuplex, boolean objectMode) {
        Integer hwm = o.highWaterMark;
        if (hwm == null && isDuplex) {
            hwm = duplexKey.equals("readableHighWaterMark") ? o.readableHighWaterMark : o.writableHighWaterMark;
        }
        if (hwm != null) {
            if (hwm < 0) {
                throw dev.nodeshim.errors.Errors.invalidArgValue(
                        isDuplex ? "options." + duplexKey : "options.highWaterMark", hwm);
            }
            return hwm;
        }
        return HighWaterMarks.get(objectMode);
    }
}
