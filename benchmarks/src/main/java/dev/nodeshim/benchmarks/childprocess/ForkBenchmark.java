package dev.nodeshim.benchmarks.childprocess;

import static dev.nodeshim.process.NodeProcess.process;

import dev.nodeshim.childprocess.ChildProcess;
import dev.nodeshim.childprocess.ChildProcesses;
import dev.nodeshim.errors.NodeError;
import dev.nodeshim.loop.EventLoop;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * {@code fork} to the child's first message: {@code fork(Hello)} of a child that sends {@code 'up'} as
 * it starts (then disconnects and ends), timed until the parent's {@code 'message'}. The child's exit
 * is waited for after each operation, outside the timing (JMH leaves {@code Level.Invocation} helpers
 * out), so children never overlap. ops/s is one over the latency. The Node twin
 * ({@code benchmarks/node/childprocess.js}, row {@code forkFirstMessage}) forks itself in its
 * {@code hello} mode and times the same span.
 *
 * <p>The children map the class-data-sharing archive of the fork start path ({@code ClassDataArchive}
 * in the childprocess module; JMH's jar is a class path it applies to): the first fork of a fresh
 * machine trains it during the warm-up. {@code -jvmArgsAppend -Dnodeshim.fork.classDataSharing=false}
 * measures without it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ForkBenchmark {
    private final EventLoop loop = EventLoop.current();
    private CompletableFuture<Object> exited;

    /** The forked program: one message as it starts. */
    public static final class Hello {
        public static void main(String[] args) {
            System.exit(EventLoop.run(args, () -> {
                process.send("up");
                process.disconnect();
            }));
        }
    }

    /** {@code fork(Hello)} until its {@code 'message'}. */
    @Benchmark
    public Object forkFirstMessage() {
        CompletableFuture<Object> message = new CompletableFuture<>();
        CompletableFuture<Object> exit = new CompletableFuture<>();
        exited = exit;
        loop.execute(() -> {
            ChildProcess child = ChildProcesses.fork(Hello.class, List.of());
            child.on("message", (Object m) -> message.complete(m));
            child.on("error", (NodeError e) -> message.completeExceptionally(e));
            child.on("exit", (Integer code, String signal) -> exit.complete(code));
        });
        Object m = message.join();
        if (!"up".equals(m)) {
            throw new IllegalStateException("the child sent " + m);
        }
        return m;
    }

    /** Waits for the child's exit (not timed). */
    @TearDown(Level.Invocation)
    public void awaitExit() {
        if (exited != null) {
            exited.join();
        }
    }
}
