package dev.nodeshim.benchmarks.events;

import dev.nodeshim.events.EventEmitter;
import dev.nodeshim.events.Listener0;
import dev.nodeshim.events.Listener1;
import dev.nodeshim.events.Listener2;
import dev.nodeshim.events.Listener3;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * {@link EventEmitter}'s hot paths, one operation per invocation. The Node twin is
 * {@code benchmarks/node/events.js}: each method here has a row there with the same id (the method
 * name) doing the same work, and {@code bin/bench events} prints the two side by side.
 *
 * <p>What both sides do, so the comparison is fair:
 * <ul>
 * <li>Every listener increments one counter ({@link #count} here, a closure variable there): real
 *     work the compiler cannot drop, and the same work on both sides. The counter is checked in
 *     {@link #check(BenchmarkParams)} so a broken emitter cannot post a fast score.</li>
 * <li>Ten listeners are ten distinct objects made by the same code (ten lambda instances capturing
 *     {@code this}; ten closures there), so call sites see one class, as V8 sees one function.</li>
 * <li>Arguments are fields read at each call ({@code a b c}), not constants; the Node twin reads the
 *     same values from variables.</li>
 * <li>{@code on}/{@code once} rows register the same listener object each time, as
 *     {@code e.on('x', fn)} does with a function kept in a variable.</li>
 * <li>JMH forks one JVM per benchmark; the twin runs each row in its own {@code node} process.</li>
 * </ul>
 *
 * <p>Each method returns what {@code emit} returns, so the call itself cannot be eliminated.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EventEmitterBenchmark {
    private static final String EVENT = "x";

    long count;

    Object a = "a";
    Object b = 2;
    Object c = 3.5;

    EventEmitter none;
    EventEmitter one0;
    EventEmitter one1;
    EventEmitter one2;
    EventEmitter one3;
    EventEmitter ten0;
    EventEmitter ten1;
    EventEmitter ten2;
    EventEmitter ten3;
    EventEmitter churn;
    EventEmitter onceEmitter;

    Listener0 churnListener;
    Listener0 onceListener;

    @Setup
    public void setup() {
        none = new EventEmitter();
        one0 = withListeners(1, 0);
        one1 = withListeners(1, 1);
        one2 = withListeners(1, 2);
        one3 = withListeners(1, 3);
        ten0 = withListeners(10, 0);
        ten1 = withListeners(10, 1);
        ten2 = withListeners(10, 2);
        ten3 = withListeners(10, 3);
        churn = new EventEmitter();
        onceEmitter = new EventEmitter();
        churnListener = () -> count++;
        onceListener = () -> count++;
    }

    private EventEmitter withListeners(int listeners, int arity) {
        EventEmitter e = new EventEmitter();
        for (int i = 0; i < listeners; i++) {
            switch (arity) {
                case 0 -> e.on(EVENT, (Listener0) () -> count++);
                case 1 -> e.on(EVENT, (Listener1<Object>) x -> count++);
                case 2 -> e.on(EVENT, (Listener2<Object, Object>) (x, y) -> count++);
                case 3 -> e.on(EVENT, (Listener3<Object, Object, Object>) (x, y, z) -> count++);
                default -> throw new IllegalArgumentException("arity " + arity);
            }
        }
        return e;
    }

    /** Fails the run when listeners were not called or leaked: a broken emitter must not post a fast score. */
    @TearDown
    public void check(BenchmarkParams params) {
        boolean expectsCalls = !params.getBenchmark().endsWith(".emit0Listeners")
                && !params.getBenchmark().endsWith(".onRemoveListener");
        if (expectsCalls && count == 0) {
            throw new IllegalStateException("no listener was called in " + params.getBenchmark());
        }
        if (churn.listenerCount(EVENT) != 0 || onceEmitter.listenerCount(EVENT) != 0) {
            throw new IllegalStateException("listeners leaked in " + params.getBenchmark());
        }
    }

    @Benchmark
    public boolean emit0Listeners() {
        return none.emit(EVENT);
    }

    @Benchmark
    public boolean emit1Listener0Args() {
        return one0.emit(EVENT);
    }

    @Benchmark
    public boolean emit1Listener1Arg() {
        return one1.emit(EVENT, a);
    }

    @Benchmark
    public boolean emit1Listener2Args() {
        return one2.emit(EVENT, a, b);
    }

    @Benchmark
    public boolean emit1Listener3Args() {
        return one3.emit(EVENT, a, b, c);
    }

    @Benchmark
    public boolean emit10Listeners0Args() {
        return ten0.emit(EVENT);
    }

    @Benchmark
    public boolean emit10Listeners1Arg() {
        return ten1.emit(EVENT, a);
    }

    @Benchmark
    public boolean emit10Listeners2Args() {
        return ten2.emit(EVENT, a, b);
    }

    @Benchmark
    public boolean emit10Listeners3Args() {
        return ten3.emit(EVENT, a, b, c);
    }

    /** One op: add a listener, then remove it ({@code e.on('x', fn); e.removeListener('x', fn)}). */
    @Benchmark
    public EventEmitter onRemoveListener() {
        churn.on(EVENT, churnListener);
        return churn.removeListener(EVENT, churnListener);
    }

    /** One op: a once listener and the emit that fires (and removes) it. */
    @Benchmark
    public boolean onceEmit() {
        onceEmitter.once(EVENT, onceListener);
        return onceEmitter.emit(EVENT);
    }
}
