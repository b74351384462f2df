package dev.nodeshim.examples.events;

import static dev.nodeshim.loop.Timers.setTimeout;

import dev.nodeshim.events.EventEmitter;
import dev.nodeshim.events.Listener2;
import dev.nodeshim.loop.EventLoop;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Ports the seed's answer to "高并发场景下雪崩问题如何利用EventEmitter解决" (seeds/002_8bfa7c3e83a58264.txt,
 * under "## once方法"): many callers ask for the same slow, hot data at once; the first starts the
 * one read, every caller queues its callback with {@code once(key, cb)}, and the read's single
 * {@code emit(key, err, result)} answers them all (and, {@code once}, unregisters them all).
 *
 * <pre>{@code
 * const events = require("events");
 * const emitter = new events.EventEmitter();
 * const status = {};
 * let reads = 0;
 *
 * // stands in for fs.readFile / a database query: slow, and counted
 * function slowRead(file, cb) {
 *     reads++;
 *     setTimeout(() => cb(null, 'contents of ' + file), 50);
 * }
 *
 * function select(file, cb) {
 *     emitter.once(file, cb);
 *     if (status[file] === undefined) {
 *         status[file] = 'ready';
 *     }
 *     if (status[file] === 'ready') {
 *         status[file] = 'pending';             // a read is under way: later callers only wait
 *         slowRead(file, function (err, result) {
 *             emitter.emit(file, err, result);
 *             status[file] = 'ready';           // the next burst reads again
 *             console.log('reads:', reads);
 *             setTimeout(function () {
 *                 delete status[file];          // do not keep keys of files no one asks for
 *             }, 1000);
 *         });
 *     }
 * }
 *
 * for (let i = 0; i < 10; i++) {                // ten callers, one read
 *     select('/a.txt', function (err, result) {
 *         console.log(i, err, result);          // 0 null contents of /a.txt … 9 null contents of /a.txt
 *     });
 * }
 * setTimeout(() => {                            // after the burst: a fresh read
 *     select('/a.txt', (err, result) => console.log('late', err, result));
 * }, 200);
 * // … reads: 1, then late null contents of /a.txt, reads: 2
 * }</pre>
 *
 * <p>Fixed from the seed: its {@code stats}/{@code status} typos, and the read: Node's
 * {@code fs.readFile} is replaced on both sides by a counted {@code setTimeout}, so the example
 * shows the number of reads. The 1 s clean-up timer is kept; it is why the loop lives on for a
 * second after the last answer.
 *
 * <p>Keep in mind (true in Node too): each waiting caller is one listener, so an eleventh concurrent
 * caller trips the {@code MaxListenersExceededWarning} (the limit is 10); a real cache raises it with
 * {@code emitter.setMaxListeners(0)}.
 */
public final class CacheStampedeGuard {
    private final EventEmitter emitter = new EventEmitter();
    private final Map<String, String> status = new HashMap<>();
    private int reads;

    /** Stands in for {@code fs.readFile} / a database query: slow, and counted. */
    private void slowRead(String file, BiConsumer<Object, String> cb) {
        reads++;
        setTimeout(() -> cb.accept(null, "contents of " + file), 50);
    }

    /** The seed's {@code select(file, cb)}: cb gets (err, result) of the one read in flight. */
    void select(String file, Listener2<Object, String> cb, Consumer<String> out) {
        emitter.once(file, cb);
        status.putIfAbsent(file, "ready");
        if ("ready".equals(status.get(file))) {
            status.put(file, "pending");
            slowRead(file, (err, result) -> {
                emitter.emit(file, err, result);
                status.put(file, "ready");
                out.accept("reads: " + reads);
                setTimeout(() -> status.remove(file), 1000);
            });
        }
    }

    public static void run(Consumer<String> out) {
        EventLoop.run(() -> {
            CacheStampedeGuard cache = new CacheStampedeGuard();
            for (int i = 0; i < 10; i++) {
                int caller = i;
                cache.select("/a.txt", (err, result) -> out.accept(caller + " " + err + " " + result), out);
            }
            setTimeout(() -> cache.select("/a.txt",
                    (err, result) -> out.accept("late " + err + " " + result), out), 200);
        });
    }

    public static void main(String[] args) {
        run(System.out::println);
    }
}
