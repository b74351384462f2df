package dev.nodeshim.errors;

/**
 * JavaScript's {@code undefined}, for the few places where Java code must tell it apart from
 * {@code null}: {@code emit("error")} with no argument throws {@code Unhandled error. (undefined)},
 * {@code emit("error", (Object) null)} throws {@code Unhandled error. (null)}.
 */
public final class Undefined {
    /** The one {@code undefined} value. */
    public static final Undefined INSTANCE = new Undefined();

    private Undefined() {
    }

    @Override
    public String toString() {
        return "undefined";
    }
}
