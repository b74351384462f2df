package dev.nodeshim.benchmarks.childprocess;

import static dev.nodeshim.process.NodeProcess.process;

import dev.nodeshim.childprocess.ChildProcess;
import dev.nodeshim.childprocess.ChildProcesses;
import dev.nodeshim.childprocess.ForkOptions;
import dev.nodeshim.events.Listener1;
import dev.nodeshim.loop.EventLoop;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * IPC round trips with a forked child: the parent sends {@code {"i": n}}, the child's
 * {@code process.on("message")} sends it back, the parent's {@code 'message'} listener sends the
 * next one. The Node twin is {@code benchmarks/node/childprocess.js} (same message, same echo
 * child, same batches). {@link #roundTripAdvanced()} does the same with a second child forked with
 * {@code serialization: 'advanced'} (twin row {@code roundTripAdvanced}).
 *
 * <p>One child per trial, started in {@link #start()} and warmed up by JMH's warmup iterations. The
 * channel lives on the default loop; an invocation posts one batch of {@value #BATCH} sequential
 * round trips to it and waits for the batch's end, so the two thread handoffs between the JMH thread
 * and the loop are spread over {@value #BATCH} round trips.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class IpcBenchmark {
    static final int BATCH = 1000;

    private final EventLoop loop = EventLoop.current();
    private ChildProcess child;
    /** The same echo child with {@code serialization: 'advanced'}. */
    private ChildProcess advanced;
    private int left;
    private CompletableFuture<Integer> batchDone;

    /** The echo child. */
    public static final class Echo {
        public static void main(String[] args) {
            System.exit(EventLoop.run(args, () -> process.on("message", (Listener1<Object>) m -> process.send(m))));
        }
    }

    @Setup(Level.Trial)
    public void start() {
        child = startEcho(ForkOptions.defaults());
        advanced = startEcho(ForkOptions.defaults().serialization("advanced"));
    }

    private ChildProcess startEcho(ForkOptions options) {
        CompletableFuture<Void> up = new CompletableFuture<>();
        ChildProcess[] started = {null};
        loop.execute(() -> {
            ChildProcess child = ChildProcesses.fork(Echo.class, java.util.List.of(), options);
            started[0] = child;
            child.on("message", (Listener1<Object>) m -> {
                if (batchDone == null) {
                    up.complete(null); // the first echo: the child is up
                } else if (--left > 0) {
                    child.send(Map.of("i", left));
                } else {
                    CompletableFuture<Integer> done = batchDone;
                    batchDone = null;
                    done.complete(((Number) ((Map<?, ?>) m).get("i")).intValue());
                }
            });
            child.send("up?");
        });
        up.join();
        return started[0];
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int roundTrip() {
        return batch(child);
    }

    /** The same round trips with {@code serialization: 'advanced'} (V8's format, framed by length). */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int roundTripAdvanced() {
        return batch(advanced);
    }

    private int batch(ChildProcess child) {
        CompletableFuture<Integer> done = new CompletableFuture<>();
        loop.execute(() -> {
            left = BATCH;
            batchDone = done;
            child.send(Map.of("i", left));
        });
        int last = done.join();
        if (last != 1) {
            throw new IllegalStateException("the batch ended on " + last);
        }
        return last;
    }

    @TearDown(Level.Trial)
    public void stop() {
        stop(child);
        stop(advanced);
    }

    private void stop(ChildProcess child) {
        CompletableFuture<Void> gone = new CompletableFuture<>();
        loop.execute(() -> {
            child.on("exit", () -> gone.complete(null));
            child.disconnect(); // the echo child then has nothing holding its loop and ends
        });
        gone.join();
    }
}
