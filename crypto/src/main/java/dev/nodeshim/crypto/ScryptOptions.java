package dev.nodeshim.crypto;

/**
 * The options of {@code scrypt(password, salt, keylen, options)}: an immutable value with fluent
 * withers and Node's defaults ({@code N} = {@code cost} = 16384, {@code r} = {@code blockSize} = 8,
 * {@code p} = {@code parallelization} = 1, {@code maxmem} = 32 MiB). A value of 0 means the default,
 * as in Node. Setting both a name and its alias ({@code N} and {@code cost}) is Node's
 * {@code ERR_CRYPTO_SCRYPT_INVALID_PARAMETER} when the options are used.
 */
public final class ScryptOptions {
    private static final ScryptOptions DEFAULTS = new ScryptOptions(null, null, null, null, null, null, null);

    final Long n;
    final Long cost;
    final Long r;
    final Long blockSize;
    final Long p;
    final Long parallelization;
    final Long maxmem;

    private ScryptOptions(Long n, Long cost, Long r, Long blockSize, Long p, Long parallelization, Long maxmem) {
        this.n = n;
        this.cost = cost;
        this.r = r;
        this.blockSize = blockSize;
        this.p = p;
        this.parallelization = parallelization;
        this.maxmem = maxmem;
    }

    /** Node's defaults. */
    public static ScryptOptions defaults() {
        return DEFAULTS;
    }

    /** {@code N}: the CPU/memory cost, a power of two greater than 1. */
    public ScryptOptions N(long value) {
        return new ScryptOptions(value, cost, r, blockSize, p, parallelization, maxmem);
    }

    /** {@code cost}: an alias of {@link #N(long)}. */
    public ScryptOptions cost(long value) {
        return new ScryptOptions(n, value, r, blockSize, p, parallelization, maxmem);
    }

    /** {@code r}: the block size. */
    public ScryptOptions r(long value) {
        return new ScryptOptions(n, cost, value, blockSize, p, parallelization, maxmem);
    }

    /** {@code blockSize}: an alias of {@link #r(long)}. */
    public ScryptOptions blockSize(long value) {
        return new ScryptOptions(n, cost, r, value, p, parallelization, maxmem);
    }

    /** {@code p}: the parallelization. */
    public ScryptOptions p(long value) {
        return new ScryptOptions(n, cost, r, blockSize, value, parallelization, maxmem);
    }

    /** {@code parallelization}: an alias of {@link #p(long)}. */
    public ScryptOptions parallelization(long value) {
        return new ScryptOptions(n, cost, r, blockSize, p, value, maxmem);
    }

    /** {@code maxmem}: the memory bound in bytes; scrypt needs about {@code 128 * N * r} bytes. */
    public ScryptOptions maxmem(long value) {
        return new ScryptOptions(n, cost, r, blockSize, p, parallelization, value);
    }
}
