package dev.nodeshim.crypto;

import dev.nodeshim.errors.Errors;

/**
 * The options of {@code createHash(algorithm, options)} and {@code hash.copy(options)}: an immutable
 * value with fluent withers, Node's defaults ({@code outputLength} unset: the algorithm's own size).
 *
 * <pre>{@code createHash("shake256", HashOptions.defaults().outputLength(64))}</pre>
 */
public final class HashOptions {
    private static final HashOptions DEFAULTS = new HashOptions(-1);
    /** Node's bound for {@code options.outputLength}: a uint32. */
    static final long MAX_OUTPUT_LENGTH = 4294967295L;

    private final long outputLength;

    private HashOptions(long outputLength) {
        this.outputLength = outputLength;
    }

    /** No options: every hash gives its default output. */
    public static HashOptions defaults() {
        return DEFAULTS;
    }

    /**
     * {@code outputLength}: the output length in bytes of an XOF (shake128, shake256); on other hashes
     * only their own digest size is accepted (OpenSSL's rule).
     *
     * @throws dev.nodeshim.errors.NodeError {@code ERR_OUT_OF_RANGE} below 0 or above 2^32 - 1
     */
    public HashOptions outputLength(long outputLength) {
        if (outputLength < 0 || outputLength > MAX_OUTPUT_LENGTH) {
            throw Errors.outOfRange("options.outputLength", ">= 0 && <= 4294967295", outputLength);
        }
        return new HashOptions(outputLength);
    }

    /** The output length, or -1 when unset. */
    public long outputLength() {
        return outputLength;
    }
}
