package dev.nodeshim.benchmarks.buffer;

import dev.nodeshim.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * {@link Buffer}'s hot paths, one operation per invocation. The Node twin is
 * {@code benchmarks/node/buffer.js}: each method here has a row there with the same id (the method
 * name) doing the same work, and {@code bin/bench buffer} prints the two side by side.
 *
 * <p>What both sides do, so the comparison is fair:
 * <ul>
 * <li>Inputs are built once in {@link #setup()} from the same xorshift32 generator (seed
 *     {@value #SEED}) written out on both sides, so both sides see byte-for-byte the same input:
 *     <ul>
 *     <li>{@code bytes1k}: 1024 pseudo-random bytes (the source of the base64 and hex rows, of
 *         {@code compare} and {@code readUInt32LE});</li>
 *     <li>{@code ascii1k}: 1024 printable ASCII characters (U+0020..U+007E), 1024 UTF-8 bytes;</li>
 *     <li>{@code cjk1k}: 341 CJK ideographs (U+4E00..U+9FFF, three UTF-8 bytes each) and one
 *         {@code '.'}: 342 UTF-16 units, 1024 UTF-8 bytes;</li>
 *     <li>{@code base64} and {@code hex}: {@code bytes1k} encoded (1368 and 2048 characters);</li>
 *     <li>{@code haystack}: 1 MiB of pseudo-random lowercase letters and spaces, with the needle
 *         {@code "nodeshim!"} (9 bytes) written at {@code 1 MiB - 100}; {@code '!'} occurs nowhere
 *         else, so that is the first match, while the needle's first byte {@code 'n'} occurs about
 *         every 27 bytes (a search has to reject many candidates);</li>
 *     <li>{@code parts}: 16 distinct 1 KiB buffers (16 KiB of generator output).</li>
 *     </ul></li>
 * <li>Every method returns its result, which JMH consumes (the twin stores it in a sink).</li>
 * <li>{@code readUInt32LE} reads at offsets 0, 1, ..., 1020, 0, ... in turn (every alignment), as
 *     Node's own buffer-read benchmark varies the offset.</li>
 * <li>Every operation's output is checked once before measuring and once after (when it is
 *     compiled) against an independent reference ({@code java.util.Base64}, {@code HexFormat},
 *     {@code String.getBytes}, a plain loop): a broken implementation fails the run instead of
 *     posting a fast score.</li>
 * <li>JMH forks one JVM per benchmark; the twin runs each row in its own {@code node} process.</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class BufferBenchmark {
    static final int SEED = 0x2545F491;
    static final int HAYSTACK_SIZE = 1 << 20;
    static final int NEEDLE_AT = HAYSTACK_SIZE - 100;
    static final String NEEDLE = "nodeshim!";

    byte[] bytes1k;
    String ascii1k;
    String cjk1k;
    String base64;
    String hex;
    Buffer buf1k;
    Buffer ascii1kBuf;
    Buffer cjk1kBuf;
    Buffer equalA;
    Buffer equalB;
    Buffer haystack;
    List<Buffer> parts;
    byte[] partsBytes;
    int readOffset;

    /** xorshift32, written identically in the twin. */
    private int state = SEED;

    private int next() {
        int x = state;
        x ^= x << 13;
        x ^= x >>> 17;
        x ^= x << 5;
        state = x;
        return x;
    }

    private int below(int n) {
        return Integer.remainderUnsigned(next(), n);
    }

    @Setup
    public void setup() {
        bytes1k = new byte[1024];
        for (int i = 0; i < bytes1k.length; i++) {
            bytes1k[i] = (byte) next();
        }
        char[] ascii = new char[1024];
        for (int i = 0; i < ascii.length; i++) {
            ascii[i] = (char) (0x20 + below(95));
        }
        ascii1k = new String(ascii);
        char[] cjk = new char[342];
        for (int i = 0; i < 341; i++) {
            cjk[i] = (char) (0x4E00 + below(0xA000 - 0x4E00));
        }
        cjk[341] = '.';
        cjk1k = new String(cjk);
        byte[] hay = new byte[HAYSTACK_SIZE];
        for (int i = 0; i < hay.length; i++) {
            int r = below(27);
            hay[i] = (byte) (r == 26 ? ' ' : 'a' + r);
        }
        byte[] needle = NEEDLE.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(needle, 0, hay, NEEDLE_AT, needle.length);
        partsBytes = new byte[16 * 1024];
        for (int i = 0; i < partsBytes.length; i++) {
            partsBytes[i] = (byte) next();
        }

        base64 = Base64.getEncoder().encodeToString(bytes1k);
        hex = HexFormat.of().formatHex(bytes1k);
        buf1k = Buffer.from(bytes1k);
        ascii1kBuf = Buffer.from(ascii1k.getBytes(StandardCharsets.UTF_8));
        cjk1kBuf = Buffer.from(cjk1k.getBytes(StandardCharsets.UTF_8));
        equalA = Buffer.from(bytes1k);
        equalB = Buffer.from(bytes1k);
        haystack = Buffer.wrap(hay);
        parts = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            parts.add(Buffer.from(Arrays.copyOfRange(partsBytes, i * 1024, (i + 1) * 1024)));
        }
        readOffset = 0;
        if (ascii1kBuf.length() != 1024 || cjk1kBuf.length() != 1024) {
            throw new IllegalStateException("inputs are not 1 KiB");
        }
        check();
    }

    /** Runs every operation once more, compiled by now, and checks its output again. */
    @TearDown
    public void tearDown() {
        check();
    }

    /** Every operation's output against an independent reference. */
    void check() {
        expectBytes("fromUtf8Ascii", fromUtf8Ascii(), ascii1k.getBytes(StandardCharsets.UTF_8));
        expectBytes("fromUtf8Cjk", fromUtf8Cjk(), cjk1k.getBytes(StandardCharsets.UTF_8));
        expect("toStringUtf8Ascii", toStringUtf8Ascii().equals(ascii1k));
        expect("toStringUtf8Cjk", toStringUtf8Cjk().equals(cjk1k));
        expect("toStringBase64", toStringBase64().equals(base64));
        expect("toStringHex", toStringHex().equals(hex));
        expectBytes("fromBase64", fromBase64(), bytes1k);
        expectBytes("fromHex", fromHex(), bytes1k);
        Buffer z = alloc64();
        expect("alloc64", z.length() == 64 && Arrays.equals(z.toByteArray(), new byte[64]));
        expect("allocUnsafe64", allocUnsafe64().length() == 64);
        expect("compareEqual1k", compareEqual1k() == 0
                && Buffer.compare(equalA, Buffer.from(new byte[1024])) == 1);
        expect("indexOf1MiB", indexOf1MiB() == NEEDLE_AT);
        int saved = readOffset;
        for (int k = 0; k < 1100; k++) {
            int o = readOffset;
            long expected = (bytes1k[o] & 0xFFL) | (bytes1k[o + 1] & 0xFFL) << 8
                    | (bytes1k[o + 2] & 0xFFL) << 16 | (bytes1k[o + 3] & 0xFFL) << 24;
            expect("readUInt32LE", readUInt32LE() == expected);
        }
        readOffset = saved;
        expectBytes("concat16x1k", concat16x1k(), partsBytes);
    }

    private static void expect(String row, boolean ok) {
        if (!ok) {
            throw new IllegalStateException(row + ": wrong result");
        }
    }

    private static void expectBytes(String row, Buffer actual, byte[] expected) {
        expect(row, Arrays.equals(actual.toByteArray(), expected));
    }

    /** {@code Buffer.from(ascii1k, 'utf8')}: 1024 ASCII characters to 1024 bytes (pooled). */
    @Benchmark
    public Buffer fromUtf8Ascii() {
        return Buffer.from(ascii1k, "utf8");
    }

    /** {@code Buffer.from(cjk1k, 'utf8')}: 342 UTF-16 units to 1024 bytes (pooled). */
    @Benchmark
    public Buffer fromUtf8Cjk() {
        return Buffer.from(cjk1k, "utf8");
    }

    /** {@code ascii1kBuf.toString('utf8')}. */
    @Benchmark
    public String toStringUtf8Ascii() {
        return ascii1kBuf.toString("utf8");
    }

    /** {@code cjk1kBuf.toString('utf8')}. */
    @Benchmark
    public String toStringUtf8Cjk() {
        return cjk1kBuf.toString("utf8");
    }

    /** {@code buf1k.toString('base64')}: 1024 bytes to 1368 characters. */
    @Benchmark
    public String toStringBase64() {
        return buf1k.toString("base64");
    }

    /** {@code buf1k.toString('hex')}: 1024 bytes to 2048 characters. */
    @Benchmark
    public String toStringHex() {
        return buf1k.toString("hex");
    }

    /** {@code Buffer.from(base64, 'base64')}: 1368 characters to 1024 bytes (pooled). */
    @Benchmark
    public Buffer fromBase64() {
        return Buffer.from(base64, "base64");
    }

    /** {@code Buffer.from(hex, 'hex')}: 2048 characters to 1024 bytes (pooled). */
    @Benchmark
    public Buffer fromHex() {
        return Buffer.from(hex, "hex");
    }

    /** {@code Buffer.alloc(64)}: zero-filled, a store of its own. */
    @Benchmark
    public Buffer alloc64() {
        return Buffer.alloc(64);
    }

    /** {@code Buffer.allocUnsafe(64)}: a slice of the 8 KiB slab. */
    @Benchmark
    public Buffer allocUnsafe64() {
        return Buffer.allocUnsafe(64);
    }

    /** {@code Buffer.compare(equalA, equalB)}: two distinct buffers with the same 1024 bytes. */
    @Benchmark
    public int compareEqual1k() {
        return Buffer.compare(equalA, equalB);
    }

    /** {@code haystack.indexOf('nodeshim!')}: found at {@code 1 MiB - 100}. */
    @Benchmark
    public int indexOf1MiB() {
        return haystack.indexOf(NEEDLE);
    }

    /** {@code buf1k.readUInt32LE(o)}, {@code o} = 0, 1, ..., 1020, 0, ... */
    @Benchmark
    public long readUInt32LE() {
        int o = readOffset;
        readOffset = o == 1020 ? 0 : o + 1;
        return buf1k.readUInt32LE(o);
    }

    /** {@code Buffer.concat(parts)}: 16 buffers of 1 KiB into one of 16 KiB. */
    @Benchmark
    public Buffer concat16x1k() {
        return Buffer.concat(parts);
    }
}
