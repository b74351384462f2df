package dev.nodeshim.crypto;

import dev.nodeshim.buffer.Buffer;
import dev.nodeshim.errors.Errors;
import dev.nodeshim.errors.NodeError;
import java.security.SecureRandom;

/**
 * The random functions' validation and generation. One {@link SecureRandom} (the JDK's default: the
 * operating system's CSPRNG, non-blocking) serves every thread; SecureRandom is thread-safe.
 *
 * <h2>Guarantees</h2>
 * Every byte comes from a CSPRNG; {@code randomInt} is exactly uniform over {@code [min, max)}
 * (rejection sampling on 48-bit draws, never a biased modulo); {@code randomUUID} is an RFC 4122
 * version 4 UUID in lowercase.
 */
final class Randoms {
    static final SecureRandom RANDOM = new SecureRandom();
    /** Node's bound on sizes: a buffer of at most 2^31 - 1 bytes. */
    static final long MAX_SIZE = 2147483647L;
    /** Node's bound on {@code max - min} of randomInt: 2^48 - 1. */
    static final long RANGE_MAX = (1L << 48) - 1;
    static final long MAX_SAFE_INTEGER = (1L << 53) - 1;
    /** getRandomValues' quota: 65,536 bytes per call (the Web Crypto rule). */
    static final int QUOTA = 65536;

    private Randoms() {
    }

    static int checkSize(long size) {
        if (size < 0 || size > MAX_SIZE) {
            throw Errors.outOfRange("size", ">= 0 && <= " + MAX_SIZE, size);
        }
        return (int) size;
    }

    static byte[] bytes(int size) {
        byte[] b = new byte[size];
        RANDOM.nextBytes(b);
        return b;
    }

    /** Validates {@code randomFill}'s offset and size against a buffer of {@code length} bytes; returns the size. */
    static int checkFill(int length, long offset, Long size) {
        if (offset < 0 || offset > length) {
            throw Errors.outOfRange("offset", ">= 0 && <= " + length, offset);
        }
        long n = size == null ? length - offset : size;
        if (n < 0 || n > MAX_SIZE) {
            throw Errors.outOfRange("size", ">= 0 && <= " + MAX_SIZE, n);
        }
        if (n + offset > length) {
            throw Errors.outOfRange("size + offset", "<= " + length, n + offset);
        }
        return (int) n;
    }

    static void fill(byte[] a, int off, int len) {
        if (len == 0) {
            return;
        }
        if (off == 0 && len == a.length) {
            RANDOM.nextBytes(a);
        } else {
            byte[] r = bytes(len);
            System.arraycopy(r, 0, a, off, len);
        }
    }

    static void fill(Buffer b, long offset, Long size) {
        int n = checkFill(b.length(), offset, size);
        fill(b.buffer().array(), b.byteOffset() + (int) offset, n);
    }

    /** Validates randomInt's bounds as Node does, in Node's order. */
    static void checkRange(long min, long max) {
        if (Math.abs(min) > MAX_SAFE_INTEGER) {
            throw notSafe("min", min);
        }
        if (Math.abs(max) > MAX_SAFE_INTEGER) {
            throw notSafe("max", max);
        }
        if (max <= min) {
            throw Errors.outOfRange("max", "greater than the value of \"min\" (" + min + ")", max);
        }
        if (max - min > RANGE_MAX) {
            throw Errors.outOfRange("max - min", "<= " + RANGE_MAX, max - min);
        }
    }

    private static NodeError notSafe(String name, long value) {
        return new NodeError("TypeError", "ERR_INVALID_ARG_TYPE",
                "The \"" + name + "\" argument must be a safe integer. " + Errors.received(value));
    }

    /** A uniform integer in {@code [min, max)}; the bounds were checked. */
    static long nextInt(long min, long max) {
        long range = max - min;
        long limit = (1L << 48) - ((1L << 48) % range);
        byte[] b = new byte[6];
        while (true) {
            RANDOM.nextBytes(b);
            long x = 0;
            for (byte v : b) {
                x = (x << 8) | (v & 0xff);
            }
            if (x < limit) {
                return min + x % range;
            }
        }
    }

    static NodeError quotaExceeded() {
        return new NodeError("QuotaExceededError", null, "The requested length exceeds 65,536 bytes")
                .withProp("code", 22);
    }

    static NodeError typeMismatch() {
        return new NodeError("TypeMismatchError", null, "The data argument must be an integer-type TypedArray")
                .withProp("code", 17);
    }

    static void checkQuota(long bytes) {
        if (bytes > QUOTA) {
            throw quotaExceeded();
        }
    }
}
