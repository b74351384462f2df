package dev.nodeshim.cluster;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code SCHED_RR} in the primary: the primary owns the shared port and hands each accepted connection
 * to the next worker in turn, weighted as nginx does it ({@link SmoothWeighted}; every weight is 1
 * unless {@link Worker#weight(int)} says otherwise). How a connection reaches its worker is the
 * {@link Handoff}'s business, of one of two kinds fixed when the port is opened:
 * <ul>
 *   <li>{@link #open}: the bytes are relayed ({@link RelayHandoff}): each worker serves on a private
 *   loopback port; the primary connects to it and copies both ways. Works with any server; costs an
 *   extra loopback hop (measured in the README).</li>
 *   <li>{@link #passing}: the descriptor is passed ({@link DescriptorHandoff}), as Node does: the
 *   accepted socket goes to the worker once over a Unix socket and the primary is out of the path.
 *   Needs workers whose servers adopt descriptors ({@link AdoptingServer}) and Netty's epoll.</li>
 * </ul>
 *
 * <h2>Order, refusals, queueing</h2>
 * The worker list is changed on the loop thread and read by the handoff's accepting thread, under the
 * handle's lock. A worker that cannot take a connection (its private port refuses, or its Unix link is
 * gone: it is going away) is skipped for that connection; when every worker refuses, the connection
 * waits in the primary (as Node's round-robin handle keeps the connections no worker can take yet) and
 * goes to the next worker {@link #add added}; it is closed only when the handle closes.
 *
 * <h2>Draining</h2>
 * The handle counts, per worker, the connections it still holds for it: a relayed one until it ends, a
 * passed one until its descriptor is sent. A worker that is disconnecting is first taken out of the
 * turn ({@link #remove}); {@link #whenDrained} then tells when that count is 0 and the handoff has
 * {@link Handoff#retire retired} the worker (for descriptors: its link is closed, so the worker knows
 * it has read every descriptor when it reads the link's end). Only then does the worker close its
 * server. Without that, a connection handed over just before the worker stopped serving would be lost.
 *
 * @param <C> what the handoff accepts: a JDK socket channel, or a descriptor
 */
final class RoundRobinHandle<C> {
    /** How connections arrive and how one reaches a worker. Every method may be called on any thread. */
    interface Handoff<C> {
        /** The bound public address. */
        InetSocketAddress address();

        /** Starts accepting; each accepted connection goes to {@code route}. */
        void start(Consumer<C> route);

        /**
         * Offers {@code client} to worker {@code workerId} (private port {@code port}, when relayed).
         * Calls exactly one of {@code outcome}'s methods, at once or later, on any thread.
         */
        void offer(C client, int workerId, int port, Outcome outcome);

        /** After the worker's last offer has ended: ends whatever still leads to it, then runs {@code then}. */
        void retire(int workerId, Runnable then);

        /** Closes a connection no worker will get. */
        void discard(C client);

        /** Stops accepting; what was handed over goes on. */
        void close();

        /** Whether connections are passed as descriptors (workers must be {@link AdoptingServer}s). */
        default boolean passesDescriptors() {
            return false;
        }

        /** Descriptor passing: the Unix socket a worker links to. */
        default String linkPath() {
            throw new UnsupportedOperationException("a relay has no link");
        }

        /**
         * Descriptor passing: the next link from process {@code pid} is worker {@code workerId}'s;
         * {@code linked} runs (on a helper thread) once it is there.
         */
        default void expect(long pid, int workerId, Runnable linked) {
            throw new UnsupportedOperationException("a relay has no link");
        }

        /** Descriptor passing: process {@code pid} will never link (it exited). */
        default void forget(long pid) {
        }

        /** Shared listening (SCHED_NONE): sends the listening socket itself to the worker's link. */
        default void shareListening(int workerId) {
            throw new UnsupportedOperationException("a relay has no link");
        }
    }

    /** What became of one offer. */
    interface Outcome {
        /** The worker could not take it; the connection is still the primary's. */
        void refused();

        /** Taken, and the primary holds nothing of it for the worker any more. */
        void ended();
    }

    /** A worker's entry in the turn: its id and private port (0 when descriptors are passed). */
    record Target(int workerId, int port) {}

    private final Handoff<C> handoff;
    /** Under {@code this}: changed on the loop thread, read by the accepting thread. */
    private final SmoothWeighted<Target> targets = new SmoothWeighted<>();
    /** Connections no worker could take, oldest first; under {@code this}. */
    private final ArrayDeque<C> queued = new ArrayDeque<>();
    /** How many times {@link #add} ran; under {@code this}. */
    private long adds;
    private boolean closed;
    /** Connections held for a worker, per worker id; and who waits for a worker's to reach 0. Under {@code this}. */
    private final Map<Integer, Integer> active = new HashMap<>();
    private final Map<Integer, List<Runnable>> drainWaiters = new HashMap<>();
    /** Tests: runs (on the accepting thread) each time a connection is queued. */
    volatile Runnable onQueued = () -> { };

    private RoundRobinHandle(Handoff<C> handoff) {
        this.handoff = handoff;
    }

    /** A handle over {@code handoff}, accepting (also for handoffs of other kinds: {@link PipeHandoff}). */
    static <C> RoundRobinHandle<C> start(Handoff<C> handoff) {
        RoundRobinHandle<C> h = new RoundRobinHandle<>(handoff);
        handoff.start(h::route);
        return h;
    }

    /** Binds {@code address} (port 0: a free port, which every later worker then shares); relays bytes. */
    static RoundRobinHandle<?> open(InetSocketAddress address) throws IOException {
        return start(RelayHandoff.open(address));
    }

    /** Binds {@code address} and passes descriptors; only when {@link Descriptors#available()}. */
    static RoundRobinHandle<?> passing(InetSocketAddress address) throws IOException {
        return start(DescriptorHandoff.open(address));
    }

    /** The bound address. */
    InetSocketAddress address() {
        return handoff.address();
    }

    Handoff<C> handoff() {
        return handoff;
    }

    synchronized boolean isClosed() {
        return closed;
    }

    /** Routes connections to the worker too, after the workers already there; queued ones go first. */
    void add(int workerId, int port) {
        List<C> waiting;
        synchronized (this) {
            targets.add(new Target(workerId, port), 1);
            adds++;
            waiting = new ArrayList<>(queued);
            queued.clear();
        }
        waiting.forEach(this::route);
    }

    /** Stops routing to the worker; true when no worker is left. */
    synchronized boolean remove(int workerId) {
        targets.removeIf(t -> t.workerId() == workerId);
        return targets.size() == 0;
    }

    synchronized boolean has(int workerId) {
        return targets.anyMatch(t -> t.workerId() == workerId);
    }

    /** The worker's share: {@code weight} connections to every 1 of a worker of weight 1. */
    synchronized void weight(int workerId, int weight) {
        targets.weight(t -> t.workerId() == workerId, weight);
    }

    /** Stops accepting; connections already handed over go on, those still waiting are closed. */
    void close() {
        List<C> waiting;
        synchronized (this) {
            closed = true;
            waiting = new ArrayList<>(queued);
            queued.clear();
        }
        handoff.close();
        waiting.forEach(handoff::discard);
    }

    /**
     * Runs {@code callback} (on whichever thread ends the last one, or at once) when the handle holds
     * nothing more for the worker and the handoff has retired it. Call after {@link #remove}: no new
     * connections are handed to it.
     */
    void whenDrained(int workerId, Runnable callback) {
        Runnable retire = () -> handoff.retire(workerId, callback);
        synchronized (this) {
            if (active.getOrDefault(workerId, 0) > 0) {
                drainWaiters.computeIfAbsent(workerId, k -> new ArrayList<>()).add(retire);
                return;
            }
        }
        retire.run();
    }

    private void released(int workerId) {
        List<Runnable> run = null;
        synchronized (this) {
            int left = active.merge(workerId, -1, Integer::sum);
            if (left == 0) {
                active.remove(workerId);
                run = drainWaiters.remove(workerId);
            }
        }
        if (run != null) {
            run.forEach(Runnable::run);
        }
    }

    /** Hands {@code client} to a worker, or queues it when none takes it. */
    private void route(C client) {
        long seen;
        synchronized (this) {
            seen = adds;
        }
        offerFrom(client, 0, seen);
    }

    /** Offers {@code client} to the next worker in turn; {@code tries} workers have refused it so far. */
    private void offerFrom(C client, int tries, long seen) {
        Target t = null;
        boolean queue = false;
        synchronized (this) {
            if (tries >= targets.size() && adds != seen) {
                // a worker came while every other refused: try it rather than wait for the next
                tries = 0;
                seen = adds;
            }
            if (tries < targets.size()) {
                // Picking a worker and counting the connection as its own happen together, under the
                // lock remove() takes: once a worker is removed, every connection it will ever get is
                // already counted, so whenDrained cannot miss one still on its way.
                t = targets.next();
                active.merge(t.workerId(), 1, Integer::sum);
            } else if (!closed) {
                queued.add(client);
                queue = true;
            }
        }
        if (t == null) {
            if (queue) {
                onQueued.run();
            } else {
                handoff.discard(client); // the handle closed meanwhile
            }
            return;
        }
        Target picked = t;
        int nextTries = tries + 1;
        long nextSeen = seen;
        handoff.offer(client, t.workerId(), t.port(), new Outcome() {
            @Override
            public void refused() {
                released(picked.workerId());
                offerFrom(client, nextTries, nextSeen); // that worker is going away: the next one
            }

            @Override
            public void ended() {
                released(picked.workerId());
            }
        });
    }
}
