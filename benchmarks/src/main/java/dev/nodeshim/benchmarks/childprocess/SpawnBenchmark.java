package dev.nodeshim.benchmarks.childprocess;

import dev.nodeshim.buffer.Buffer;
import dev.nodeshim.childprocess.ChildProcess;
import dev.nodeshim.childprocess.ChildProcesses;
import dev.nodeshim.errors.NodeError;
import dev.nodeshim.loop.EventLoop;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Process start-up rows: {@code spawn('true')} until {@code 'close'}, {@code exec('echo hi')} until
 * its callback, and 500 {@code spawn('true')} started at once until the last {@code 'close'}. The
 * Node twin is {@code benchmarks/node/childprocess.js} (same commands, one operation at a time).
 *
 * <p>Everything runs on the default loop, as a Java program calling these APIs without
 * {@code EventLoop.run} would. An invocation posts {@value #SEQUENCE} operations in a row (each
 * started from the previous one's callback, on the loop) and waits for the last, so the handoff
 * between the JMH thread and the loop is not what is measured.
 *
 * <p>The JDK starts processes with {@code posix_spawn} of its {@code jspawnhelper}, which then execs
 * the command: two execs per child. {@code -Djdk.lang.Process.launchMechanism=VFORK} (the JDK's
 * default on Linux until JDK 12) makes it one; run {@code bin/bench childprocess
 * -jvmArgsAppend -Djdk.lang.Process.launchMechanism=VFORK} to see the difference.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SpawnBenchmark {
    static final int PARALLEL = 500;
    static final int SEQUENCE = 20;
    static final long STDOUT_BYTES = 2L * 1024 * 1024 * 1024;

    private final EventLoop loop = EventLoop.current();

    /** {@code spawn('true')} to {@code 'close'}, {@value #SEQUENCE} in a row on the loop. */
    @Benchmark
    @OperationsPerInvocation(SEQUENCE)
    public int spawnTrue() {
        CompletableFuture<Integer> done = new CompletableFuture<>();
        loop.execute(() -> spawnInARow(SEQUENCE, done));
        return done.join();
    }

    private void spawnInARow(int left, CompletableFuture<Integer> done) {
        if (left == 0) {
            done.complete(SEQUENCE);
            return;
        }
        CompletableFuture<Integer> closed = new CompletableFuture<>();
        closed.whenComplete((code, err) -> {
            if (err != null) {
                done.completeExceptionally(err);
            } else {
                check(code);
                spawnInARow(left - 1, done);
            }
        });
        startTrue(closed);
    }

    /** {@code exec('echo hi', callback)} to the callback, {@value #SEQUENCE} in a row on the loop. */
    @Benchmark
    @OperationsPerInvocation(SEQUENCE)
    public int execEchoHi() {
        CompletableFuture<Integer> done = new CompletableFuture<>();
        loop.execute(() -> execInARow(SEQUENCE, done));
        return done.join();
    }

    private void execInARow(int left, CompletableFuture<Integer> done) {
        if (left == 0) {
            done.complete(SEQUENCE);
            return;
        }
        ChildProcesses.exec("echo hi", (NodeError err, Object stdout, Object stderr) -> {
            if (err != null || !"hi\n".equals(stdout)) {
                done.completeExceptionally(new IllegalStateException("exec gave " + err + " / " + stdout));
            } else {
                execInARow(left - 1, done);
            }
        });
    }

    /** 500 {@code spawn('true')} at once, to the last {@code 'close'}: one operation is all 500. */
    @Benchmark
    public int spawn500Parallel() {
        CompletableFuture<Integer> all = new CompletableFuture<>();
        loop.execute(() -> {
            int[] left = {PARALLEL};
            for (int i = 0; i < PARALLEL; i++) {
                CompletableFuture<Integer> closed = new CompletableFuture<>();
                closed.thenAccept(code -> {
                    check(code);
                    if (--left[0] == 0) {
                        all.complete(PARALLEL);
                    }
                });
                startTrue(closed);
            }
        });
        return all.join();
    }

    /**
     * {@code spawn('head', ['-c', 2 GiB, '/dev/zero'])} with a {@code 'data'} listener counting the
     * bytes, to {@code 'close'}: one operation is 2 GiB through the pipe and the stream (GB/s is
     * ops/s x 2.147).
     */
    @Benchmark
    public long stdout2GiB() {
        CompletableFuture<Long> done = new CompletableFuture<>();
        loop.execute(() -> {
            long[] n = {0};
            ChildProcess child = ChildProcesses.spawn("head", List.of("-c", String.valueOf(STDOUT_BYTES), "/dev/zero"));
            child.stdout().on("data", (Buffer b) -> n[0] += b.length());
            child.on("close", (Integer code, String signal) -> done.complete(n[0]));
        });
        long n = done.join();
        if (n != STDOUT_BYTES) {
            throw new IllegalStateException("read " + n + " bytes");
        }
        return n;
    }

    private static void startTrue(CompletableFuture<Integer> closed) {
        ChildProcess child = ChildProcesses.spawn("true", List.of());
        child.on("error", (NodeError e) -> closed.completeExceptionally(e));
        child.on("close", (Integer code, String signal) -> closed.complete(code));
    }

    private static int check(int code) {
        if (code != 0) {
            throw new IllegalStateException("true exited with " + code);
        }
        return code;
    }
}
