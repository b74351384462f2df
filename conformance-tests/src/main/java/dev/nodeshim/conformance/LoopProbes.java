package dev.nodeshim.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nodeshim.loop.EventLoop;
import dev.nodeshim.loop.Timers;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The Java half of the {@code loop} probes (conformance-tests/PROBES.md): {@code loop.order} runs a
 * tree of scheduling actions in a fresh {@link EventLoop} and returns the labels in the order their
 * callbacks ran.
 *
 * <p>{@code "io"} stands for a real I/O request: a helper thread posts the completion with
 * {@link EventLoop#execute} (the one way in from other threads). The scheduling callback waits for
 * the post to be made, so the loop cannot finish before the completion is queued, as a pending
 * {@code fs.stat} keeps Node's loop alive; the generator only writes scenarios in which nothing else
 * is due while an I/O request is pending, so when exactly it completes does not matter.
 */
public final class LoopProbes {
    private LoopProbes() {
    }

    public static void register(ProbeRegistry r) {
        r.register("loop.order", LoopProbes::order);
    }

    /** {@code loop.order}: the labels in execution order. */
    static Object order(JsonNode in) {
        JsonNode main = in.get("main");
        if (main == null || !main.isArray()) {
            throw new Inexpressible("loop.order needs \"main\" (an array of actions)");
        }
        List<String> trace = new ArrayList<>();
        RuntimeException[] failure = new RuntimeException[1];
        EventLoop.run(() -> {
            try {
                for (JsonNode n : main) {
                    schedule(n, trace);
                }
            } catch (RuntimeException e) {
                failure[0] = e;
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
        return trace;
    }

    private static void schedule(JsonNode node, List<String> trace) {
        String kind = node.path(0).asText();
        String label = node.path(1).asText();
        JsonNode children = node.get(node.size() - 1);
        if (!children.isArray()) {
            throw new Inexpressible("loop.order action " + node + ": the last element must be the children array");
        }
        Runnable body = () -> {
            trace.add(label);
            for (JsonNode c : children) {
                schedule(c, trace);
            }
        };
        switch (kind) {
            case "tick" -> EventLoop.current().nextTick(body);
            case "micro" -> EventLoop.current().queueMicrotask(body);
            case "immediate" -> Timers.setImmediate(body);
            case "timeout" -> Timers.setTimeout(body, node.path(2).asLong());
            case "interval" -> {
                long delay = node.path(2).asLong();
                interval(r -> Timers.setInterval(r, delay), Timers::clearInterval, node.path(3).asInt(), body);
            }
            case "io" -> {
                EventLoop loop = EventLoop.current();
                Thread io = new Thread(() -> loop.execute(body), "conformance-io");
                io.start();
                try {
                    io.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            default -> throw new Inexpressible("unknown loop.order action " + node);
        }
    }

    /** Starts an interval whose {@code runs}-th run clears it (after running {@code body}). */
    private static <H> void interval(Function<Runnable, H> start, Consumer<H> clear, int runs, Runnable body) {
        List<H> handle = new ArrayList<>(1);
        int[] count = new int[1];
        handle.add(start.apply(() -> {
            count[0]++;
            body.run();
            if (count[0] == runs) {
                clear.accept(handle.get(0));
            }
        }));
    }
}
