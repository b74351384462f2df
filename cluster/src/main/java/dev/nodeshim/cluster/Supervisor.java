package dev.nodeshim.cluster;

import static dev.nodeshim.cluster.Cluster.cluster;

import dev.nodeshim.events.EventEmitter;
import dev.nodeshim.events.Listener1;
import dev.nodeshim.events.Listener3;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What PM2 adds to a Node cluster, for the workers forked through it: a worker that exits unexpectedly
 * is replaced, after a delay that grows while it keeps crashing ({@link Backoff}, PM2's defaults in
 * {@link SupervisorOptions}); a slot in a crash loop is given up. A worker that exited after
 * {@code disconnect()} (either side, so also after {@code cluster.disconnect()}) or the primary's
 * {@code kill()} is never replaced, nor is any after {@link #close()}. A restart already waiting for
 * its delay is cancelled by {@link #close()} only: close the supervisor before {@code cluster.disconnect()}
 * when shutting down.
 *
 * <p>Each {@link #fork} makes a <em>slot</em>: the worker and its replacements, forked with the same
 * {@code env}. Events, on the loop:
 * <ul>
 *   <li>{@code "restart"} (Worker replacement, Worker dead, Long delayMs) — a replacement was forked;</li>
 *   <li>{@code "errored"} (Worker last, Integer restarts) — the slot is given up;</li>
 *   <li>{@code "reload"} (Worker replacement, Worker old) — during {@link #reload} (or a memory
 *       reload), a replacement listens and takes the slot; the old one is being disconnected;</li>
 *   <li>{@code "memory"} (Worker w, Long rss) — with {@link SupervisorOptions#maxMemory}, a check found
 *       the worker over the limit: its slot is reloaded.</li>
 * </ul>
 * Loop-confined, like the cluster.
 */
public final class Supervisor extends EventEmitter {
    /** A slot's state for operators: {@code starting}, {@code online}, {@code waiting} (to restart),
     * {@code stopped}, {@code errored}. */
    public record SlotStatus(int slot, int workerId, Long pid, String state, int restarts, long uptimeMs) {}

    private static final class Slot {
        final int index;
        final Map<String, String> env;
        final Backoff backoff;
        Worker worker;
        long startedAt;
        String state = "starting";
        Runnable cancel;

        Slot(int index, Map<String, String> env, Backoff backoff) {
            this.index = index;
            this.env = env;
            this.backoff = backoff;
        }
    }

    private final SupervisorOptions options;
    private final List<Slot> slots = new ArrayList<>();
    private final Listener3<Worker, Integer, String> onExit = this::exited;
    private final Listener1<Worker> onOnline = this::online;
    private boolean closed;

    private Supervisor(SupervisorOptions options) {
        this.options = options;
        cluster.on("exit", onExit);
        cluster.on("online", onOnline);
        scheduleMemoryCheck();
    }

    // ------------------------------------------------------------------------------------------------
    // Memory limit (PM2's max_memory_restart)

    private Runnable memoryTimer;
    private final java.util.Set<Slot> reloading = new java.util.HashSet<>();

    private void scheduleMemoryCheck() {
        if (options.maxMemory > 0 && !closed) {
            memoryTimer = options.scheduler.scheduleUnref(this::checkMemory, options.memoryCheckMs);
        }
    }

    /** Every live worker reports its memory; a slot whose worker is over the limit is reloaded. */
    private void checkMemory() {
        memoryTimer = null;
        if (closed) {
            return;
        }
        for (Slot s : slots) {
            Worker w = s.worker;
            if (!s.state.equals("online") || reloading.contains(s)) {
                continue;
            }
            w.memoryUsage().thenAccept(m -> {
                Long rss = m.get("rss");
                if (rss != null && rss > options.maxMemory && s.worker == w && !closed && reloading.add(s)) {
                    emit("memory", w, rss);
                    java.util.concurrent.CompletableFuture<Void> done = new java.util.concurrent.CompletableFuture<>();
                    done.whenComplete((v, e) -> reloading.remove(s));
                    reloadNext(List.of(s), 0, 30_000, done);
                }
            });
        }
        scheduleMemoryCheck();
    }

    /** A supervisor of the workers forked through it. */
    public static Supervisor of(SupervisorOptions options) {
        return new Supervisor(options == null ? SupervisorOptions.defaults() : options);
    }

    /** {@code cluster.fork()} in a new supervised slot. */
    public Worker fork() {
        return fork(null);
    }

    /** {@code cluster.fork(env)} in a new supervised slot; replacements get the same {@code env}. */
    public Worker fork(Map<String, String> env) {
        if (closed) {
            throw new IllegalStateException("supervisor closed");
        }
        Slot s = new Slot(slots.size(), env == null ? null : Map.copyOf(env), new Backoff(options));
        slots.add(s);
        start(s);
        return s.worker;
    }

    private void start(Slot s) {
        s.worker = cluster.fork(s.env);
        s.startedAt = options.clock.getAsLong();
        s.state = "starting";
    }

    private Slot slotOf(Worker w) {
        for (Slot s : slots) {
            if (s.worker == w) {
                return s;
            }
        }
        return null;
    }

    private void online(Worker w) {
        Slot s = slotOf(w);
        if (s != null) {
            s.state = "online";
        }
    }

    private void exited(Worker w, Integer code, String signal) {
        Slot s = slotOf(w);
        if (s == null) {
            return;
        }
        if (closed || cluster.shuttingDown() || w.stoppedByPrimary() || Boolean.TRUE.equals(w.exitedAfterDisconnect())) {
            s.state = "stopped";
            return;
        }
        long delay = s.backoff.onExit(options.clock.getAsLong() - s.startedAt);
        if (delay < 0) {
            s.state = "errored";
            emit("errored", w, s.backoff.restarts());
            return;
        }
        s.state = "waiting";
        s.cancel = options.scheduler.schedule(() -> {
            s.cancel = null;
            if (closed || cluster.shuttingDown()) {
                s.state = "stopped";
                return;
            }
            start(s);
            emit("restart", s.worker, w, delay);
        }, delay);
    }

    /** {@link #reload(Duration)} with 30 s for each replacement to listen. */
    public java.util.concurrent.CompletableFuture<Void> reload() {
        return reload(Duration.ofSeconds(30));
    }

    /**
     * Rolling, zero-downtime reload (PM2's {@code pm2 reload}): one slot after the other, forks the
     * replacement, waits until it listens (with {@link SupervisorOptions#waitReady}: until it sends
     * {@code "ready"}), then takes it as the slot's worker and disconnects the old
     * one — the primary stops routing to it at once, the connections already forwarded to it end, its
     * servers close letting what is in flight finish — and waits for the old one's exit before the next
     * slot. Completes on the loop; fails (and leaves the slot's old worker in place, killing the
     * replacement) when a replacement exits or does not listen (send {@code "ready"}) within
     * {@code listenTimeout}.
     */
    public java.util.concurrent.CompletableFuture<Void> reload(Duration listenTimeout) {
        java.util.concurrent.CompletableFuture<Void> done = new java.util.concurrent.CompletableFuture<>();
        List<Slot> live = new ArrayList<>();
        for (Slot s : slots) {
            if (s.state.equals("starting") || s.state.equals("online")) {
                live.add(s);
            }
        }
        reloadNext(live, 0, listenTimeout.toMillis(), done);
        return done;
    }

    private void reloadNext(List<Slot> live, int i, long timeoutMs, java.util.concurrent.CompletableFuture<Void> done) {
        if (i == live.size() || closed) {
            done.complete(null);
            return;
        }
        Slot s = live.get(i);
        Worker old = s.worker;
        Worker fresh = cluster.fork(s.env);
        boolean[] settled = {false};
        Runnable[] cancelTimeout = {null};
        dev.nodeshim.events.Listener2<Integer, String> failedExit = (code, signal) -> {
            if (!settled[0]) {
                settled[0] = true;
                cancelTimeout[0].run();
                done.completeExceptionally(new IllegalStateException(
                        "replacement " + fresh + " exited (" + code + ", " + signal + ") before "
                        + (options.waitReady ? "it was ready" : "listening")));
            }
        };
        fresh.once("exit", failedExit);
        cancelTimeout[0] = options.scheduler.schedule(() -> {
            if (!settled[0]) {
                settled[0] = true;
                fresh.off("exit", failedExit);
                fresh.kill();
                done.completeExceptionally(new java.util.concurrent.TimeoutException("replacement " + fresh
                        + (options.waitReady ? " did not send 'ready'" : " did not listen") + " within " + timeoutMs + " ms"));
            }
        }, timeoutMs);
        Runnable takeOver = () -> {
            if (settled[0]) {
                return;
            }
            settled[0] = true;
            cancelTimeout[0].run();
            fresh.off("exit", failedExit);
            s.worker = fresh;
            s.startedAt = options.clock.getAsLong();
            s.state = "online";
            emit("reload", fresh, old);
            if (old.isDead()) {
                reloadNext(live, i + 1, timeoutMs, done);
                return;
            }
            // on the next tick: the cluster's own 'exit' for the old worker comes first
            old.once("exit", () -> dev.nodeshim.process.NodeProcess.process.nextTick(
                    () -> reloadNext(live, i + 1, timeoutMs, done)));
            old.disconnect();
        };
        if (options.waitReady) {
            Listener1<Object>[] ready = new Listener1[1];
            ready[0] = m -> {
                if ("ready".equals(m)) {
                    fresh.off("message", ready[0]);
                    takeOver.run();
                }
            };
            fresh.on("message", ready[0]);
        } else {
            fresh.once("listening", (Listener1<ListeningAddress>) a -> takeOver.run());
        }
    }

    /** Per slot: the current worker, its pid, state, restarts since it was last stable, uptime. */
    public List<SlotStatus> slots() {
        long now = options.clock.getAsLong();
        List<SlotStatus> out = new ArrayList<>();
        for (Slot s : slots) {
            boolean live = s.state.equals("starting") || s.state.equals("online");
            out.add(new SlotStatus(s.index, s.worker.id(), s.worker.process().pid(), s.state, s.backoff.restarts(),
                    live ? now - s.startedAt : 0));
        }
        return out;
    }

    /**
     * {@link #slots()} with each live worker's memory ({@link Worker#memoryUsage()}) and CPU time:
     * the operator's view PM2 gives. Completes on the loop once every live worker has answered.
     */
    public java.util.concurrent.CompletableFuture<List<WorkerStatus>> status() {
        List<SlotStatus> base = slots();
        List<java.util.concurrent.CompletableFuture<WorkerStatus>> parts = new ArrayList<>();
        for (int i = 0; i < base.size(); i++) {
            SlotStatus st = base.get(i);
            Worker w = slots.get(i).worker;
            Long cpu = st.pid() == null ? null : ProcessHandle.of(st.pid()).flatMap(h -> h.info().totalCpuDuration())
                    .map(Duration::toMillis).orElse(null);
            java.util.concurrent.CompletableFuture<Map<String, Long>> mem = w.isDead()
                    ? java.util.concurrent.CompletableFuture.completedFuture(Map.of()) : w.memoryUsage();
            parts.add(mem.thenApply(m -> new WorkerStatus(st, m.get("rss"), m.get("heapUsed"), m.get("heapTotal"), cpu)));
        }
        return java.util.concurrent.CompletableFuture.allOf(parts.toArray(new java.util.concurrent.CompletableFuture<?>[0]))
                .thenApply(v -> parts.stream().map(java.util.concurrent.CompletableFuture::join).toList());
    }

    /** A slot with its worker's memory in bytes and CPU time in ms; null where unknown. */
    public record WorkerStatus(SlotStatus slot, Long rss, Long heapUsed, Long heapTotal, Long cpuMs) {}

    /** Stops supervising: pending restarts are cancelled, no exit is restarted any more. Idempotent. */
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (memoryTimer != null) {
            memoryTimer.run();
            memoryTimer = null;
        }
        for (Slot s : slots) {
            if (s.cancel != null) {
                s.cancel.run();
                s.cancel = null;
                s.state = "stopped";
            }
        }
        cluster.off("exit", onExit);
        cluster.off("online", onOnline);
    }
}
