package dev.nodeshim.loop;

import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The loop's timers, organised as Node's {@code lib/internal/timers.js} organises them, because the
 * organisation is observable when the loop runs late.
 *
 * <p><b>Algorithm.</b> One FIFO list per duration ({@code setTimeout(f, 5)} and {@code setTimeout(g, 5)}
 * share the 5 ms list), each timer stamped with its start time; a priority queue of the lists ordered
 * by expiry (the due time of the list's first timer; ties by list creation). The timers phase takes a
 * time {@code now} once and then, while the earliest list has expired: runs that list's timers in
 * order while {@code now - start >= duration}, and when it meets one that is not due yet, moves the
 * list's expiry to that timer's due time (at least {@code now + 1}) and reorders. So
 * <ul>
 *   <li>timers of equal duration fire in insertion order;</li>
 *   <li>a late loop drains a whole list before the next list, even when the next list's first timer
 *       was due earlier than this list's last one (as Node does);</li>
 *   <li>a timer created during the timers phase never fires in that same phase: its start is read from
 *       the clock ({@code >= now}), so {@code now - start < duration} for every duration {@code >= 1}.</li>
 * </ul>
 * Lists are intrusive doubly-linked lists through the {@link Timeout}s, so clear and refresh are O(1);
 * an emptied list leaves the map and the queue. The priority queue holds one entry per distinct
 * duration, so its O(n) removal is cheap in practice (Node's binary heap makes the same bet).
 *
 * <p>Also counts ref'd active timers (Node's {@code refCount}) for the loop's liveness. Loop thread only.
 */
final class TimerQueue {
    /** One list per duration. */
    static final class TimerList {
        final long duration;
        final long seq;
        long expiry;
        Timeout head;
        Timeout tail;

        TimerList(long duration, long expiry, long seq) {
            this.duration = duration;
            this.expiry = expiry;
            this.seq = seq;
        }
    }

    /** Runs one timer callback and what follows it (ticks, error handling); false stops the phase. */
    interface Runner {
        boolean run(Timeout timer);
    }

    private final Map<Long, TimerList> lists = new HashMap<>();
    private final PriorityQueue<TimerList> queue = new PriorityQueue<>((a, b) -> a.expiry != b.expiry
            ? Long.compare(a.expiry, b.expiry) : Long.compare(a.seq, b.seq));
    private long listSeq;
    private int refCount;
    private int activeCount;

    /** Appends {@code t} to its duration's list with the given start (Node's {@code insert}). */
    void insert(Timeout t, long start) {
        if (t.list != null) {
            unlink(t);
        }
        long duration = t.idleTimeout;
        t.start = start;
        TimerList list = lists.get(duration);
        if (list == null) {
            list = new TimerList(duration, start + duration, listSeq++);
            lists.put(duration, list);
            queue.add(list);
        }
        t.list = list;
        t.prev = list.tail;
        t.next = null;
        if (list.tail == null) {
            list.head = t;
        } else {
            list.tail.next = t;
        }
        list.tail = t;
    }

    /** Removes {@code t} from its list, dropping the list when it empties (Node's {@code unenroll}). */
    void remove(Timeout t) {
        TimerList list = t.list;
        if (list == null) {
            return;
        }
        unlink(t);
        if (list.head == null && lists.get(list.duration) == list) {
            lists.remove(list.duration);
            queue.remove(list);
        }
    }

    private static void unlink(Timeout t) {
        TimerList list = t.list;
        if (t.prev == null) {
            list.head = t.next;
        } else {
            t.prev.next = t.next;
        }
        if (t.next == null) {
            list.tail = t.prev;
        } else {
            t.next.prev = t.prev;
        }
        t.list = null;
        t.prev = null;
        t.next = null;
    }

    /**
     * The timers phase at time {@code now}. A timer is unlinked before its callback runs, so the
     * callback may clear, refresh or re-arm it. Returns false if {@code runner} asked to stop.
     */
    boolean runDue(long now, Runner runner) {
        TimerList list;
        while ((list = queue.peek()) != null && list.expiry <= now) {
            Timeout t;
            boolean moved = false;
            while ((t = list.head) != null) {
                if (now - t.start < list.duration) {
                    queue.remove(list);
                    list.expiry = Math.max(t.start + list.duration, now + 1);
                    queue.add(list);
                    moved = true;
                    break;
                }
                unlink(t);
                if (!runner.run(t)) {
                    return false;
                }
            }
            if (!moved && lists.get(list.duration) == list && list.head == null) {
                lists.remove(list.duration);
                queue.remove(list);
            } else if (!moved && lists.get(list.duration) != list) {
                queue.remove(list); // emptied and replaced during its own callbacks
            }
        }
        return true;
    }

    /** Milliseconds from {@code now} to the earliest expiry (0 if overdue), or -1 without timers. */
    long timeUntilNext(long now) {
        TimerList first = queue.peek();
        return first == null ? -1 : Math.max(0, first.expiry - now);
    }

    boolean isEmpty() {
        return queue.isEmpty();
    }

    void addRef(int delta) {
        refCount += delta;
    }

    int refCount() {
        return refCount;
    }

    void addActive(int delta) {
        activeCount += delta;
    }

    /** Armed timers, ref'd or not. */
    int activeCount() {
        return activeCount;
    }
}
