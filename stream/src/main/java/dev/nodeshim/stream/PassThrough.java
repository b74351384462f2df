package dev.nodeshim.stream;

/**
 * Node's {@code stream.PassThrough}: a {@link Transform} that outputs its input unchanged, with all
 * of Transform's buffering and backpressure.
 */
public class PassThrough extends Transform {
    /** {@code new PassThrough()}. */
    public PassThrough() {
        this(TransformOptions.defaults());
    }

    /** {@code new PassThrough(options)}. */
    public PassThrough(TransformOptions options) {
        super(options);
    }

    @Override
    protected void _transform(Object chunk, String encoding, TransformCallback callback) {
        if (opts.transform != null) {
            super._transform(chunk, encoding, callback);
        } else {
            callback.call(null, chunk);
        }
    }
}
