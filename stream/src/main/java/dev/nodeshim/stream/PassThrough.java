package dev.nodeshim.stream;

/** Node's {@code stream.PassThrough}: a {@link Transform} that passes every chunk on unchanged. */
public class PassThrough extends Transform {
    /** A pass-through with Node's defaults. */
    public PassThrough() {
        this(TransformOptions.defaults());
    }

    /** {@code new PassThrough(options)} (a {@code transform} option is ignored). */
    public PassThrough(TransformOptions options) {
        super(options);
    }

    @Override
    protected void _transform(Object chunk, String encoding, TransformCallback callback) {
        callback.call(null, chunk);
    }
}
