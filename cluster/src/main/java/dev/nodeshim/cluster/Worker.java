package dev.nodeshim.cluster;

import static dev.nodeshim.process.NodeProcess.process;

import dev.nodeshim.childprocess.ChildProcess;
import dev.nodeshim.events.EventEmitter;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * Node's {@code cluster.Worker}: in the primary, one per {@code fork()} ({@code cluster.workers()});
 * in a worker, the one {@code cluster.worker()}. An {@link EventEmitter} whose events, in the primary,
 * are emitted on the loop just before the cluster's event of the same name (node 20's order, except
 * {@code 'message'}, which the cluster gets first):
 * <ul>
 *   <li>{@code "online"} () — the worker runs (the start of its loop, see {@link Cluster});</li>
 *   <li>{@code "listening"} ({@link ListeningAddress}) — a server of the worker listens;</li>
 *   <li>{@code "message"} (Object) — a message from the worker's {@code process.send};</li>
 *   <li>{@code "disconnect"} () — the IPC channel closed;</li>
 *   <li>{@code "exit"} (Integer code, String signal) — the worker process ended;</li>
 *   <li>{@code "error"} (Throwable) — the child process's {@code 'error'}.</li>
 * </ul>
 * In a worker it emits {@code "message"} (what {@code process} receives) and {@code "disconnect"}.
 */
public final class Worker extends EventEmitter {
    private final int id;
    private final ChildProcess child;
    private final Primary primary;
    private final WorkerSide side;
    private Boolean exitedAfterDisconnect;
    private boolean exited;
    /** The primary called disconnect() or kill() (supervision must not replace it). */
    private boolean stoppedByPrimary;
    private boolean disconnectRequested;
    private int weight = 1;

    /** The primary's view of a forked worker. */
    Worker(int id, ChildProcess child, Primary primary) {
        this.id = id;
        this.child = child;
        this.primary = primary;
        this.side = null;
    }

    /** The worker's view of itself. */
    Worker(int id, WorkerSide side) {
        this.id = id;
        this.child = null;
        this.primary = null;
        this.side = side;
    }

    /** {@code worker.id}: 1 for the first fork, then 2, … (never reused). */
    public int id() {
        return id;
    }

    /**
     * {@code worker.process}: in the primary, the {@link ChildProcess} that {@code fork} returned. In a
     * worker, Node gives the global {@code process}; Java's types differ, so this returns null there —
     * use {@code NodeProcess.process}.
     */
    public ChildProcess process() {
        return child;
    }

    /** {@code worker.send(message)}. */
    public boolean send(Object message) {
        return send(message, null);
    }

    /**
     * {@code worker.send(message[, callback])}: in the primary, to that worker's
     * {@code process.on("message")}; in a worker, to the primary (as {@code process.send}). See
     * {@link ChildProcess#send(Object, Consumer)}.
     */
    public boolean send(Object message, Consumer<Throwable> callback) {
        return child != null ? child.send(message, callback) : process.send(message, callback);
    }

    /**
     * {@code worker.disconnect()}. In the primary: asks the worker to disconnect itself (it closes its
     * servers, letting what is in flight finish, then closes the channel), stops routing connections to
     * it, and sets {@link #exitedAfterDisconnect()}; {@code 'disconnect'} follows when the channel
     * closes. As in node 20 (checked), the worker leaves {@code cluster.workers()} at once. In a worker:
     * the same from its side. Returns this worker.
     */
    public Worker disconnect() {
        if (child != null) {
            stoppedByPrimary = true;
            exitedAfterDisconnect = true;
            if (!disconnectRequested && child.connected()) {
                disconnectRequested = true;
                primary.forget(this); // node 20 drops it from cluster.workers at once (checked)
                primary.stopRouting(this);
                child.send(Protocol.message("disconnect"));
            }
        } else {
            side.disconnect();
        }
        return this;
    }

    /** {@code worker.kill()}: SIGTERM. */
    public void kill() {
        kill("SIGTERM");
    }

    /**
     * {@code worker.kill(signal)}: in the primary, ends the worker process with {@code signal} at once
     * (as node 20, {@link #exitedAfterDisconnect()} stays false: checked, cluster-exits.js); in a worker,
     * sends {@code signal} to its own process.
     */
    public void kill(String signal) {
        if (child != null) {
            stoppedByPrimary = true;
            primary.stopRouting(this);
            child.kill(signal);
        } else {
            try {
                new ProcessBuilder("kill", "-s", signal.startsWith("SIG") ? signal.substring(3) : signal,
                        Long.toString(ProcessHandle.current().pid())).inheritIO().start().waitFor();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** {@code worker.destroy()}: Node's old name of {@link #kill()}. */
    public void destroy() {
        kill();
    }

    /** This worker's weight in {@code SCHED_RR} (not in Node; nginx's weighted round robin): 1 by default. */
    public int weight() {
        return weight;
    }

    /**
     * Sets this worker's weight in {@code SCHED_RR}: it gets {@code weight} connections for every one a
     * worker of weight 1 gets, spread out as nginx spreads them. Primary only; applies at once, also to
     * ports it already serves. Returns this worker.
     *
     * @throws IllegalArgumentException for a weight below 1
     */
    public Worker weight(int value) {
        if (value < 1) {
            throw new IllegalArgumentException("a weight must be >= 1: " + value);
        }
        weight = value;
        if (primary != null) {
            primary.weight(this, value);
        }
        return this;
    }

    /**
     * The worker's {@code process.memoryUsage()} ({@code rss}, {@code heapTotal}, {@code heapUsed} in
     * bytes), reported by the worker over the channel (not in Node; what PM2 shows). Primary only;
     * completes on the loop, with an empty map when the worker cannot answer (not connected, or a worker
     * that never called into {@code Cluster}: then it never completes — combine with a timeout).
     */
    public java.util.concurrent.CompletableFuture<java.util.Map<String, Long>> memoryUsage() {
        if (primary == null) {
            dev.nodeshim.process.NodeProcess.MemoryUsage m = process.memoryUsage();
            return java.util.concurrent.CompletableFuture.completedFuture(
                    java.util.Map.of("rss", m.rss(), "heapTotal", m.heapTotal(), "heapUsed", m.heapUsed()));
        }
        return primary.memoryUsage(this);
    }

    /** {@code worker.isConnected()}: whether its IPC channel is open. */
    public boolean isConnected() {
        return child != null ? child.connected() : process.connected();
    }

    /** {@code worker.isDead()}: whether the worker process has ended ({@code 'exit'} was emitted). */
    public boolean isDead() {
        return exited;
    }

    /**
     * {@code worker.exitedAfterDisconnect}: null (Node's {@code undefined}) until the worker disconnects
     * or exits; then true if {@code disconnect()} was called (on either side), false otherwise.
     */
    public Boolean exitedAfterDisconnect() {
        return exitedAfterDisconnect;
    }

    /** {@code worker.suicide}: Node's old name of {@link #exitedAfterDisconnect()}. */
    public Boolean suicide() {
        return exitedAfterDisconnect;
    }

    // ------------------------------------------------------------------------------------------------
    // package

    void exitedAfterDisconnect(boolean value) {
        exitedAfterDisconnect = value;
    }

    boolean disconnectRequested() {
        return disconnectRequested;
    }

    boolean stoppedByPrimary() {
        return stoppedByPrimary;
    }

    void markExited() {
        exited = true;
        if (exitedAfterDisconnect == null) {
            exitedAfterDisconnect = false;
        }
    }

    @Override
    public String toString() {
        return "Worker " + id + (child != null ? " (pid " + child.pid() + ")" : "");
    }
}
