package dev.nodeshim.examples.events;

import static dev.nodeshim.loop.Timers.setImmediate;

import dev.nodeshim.events.EventEmitter;
import dev.nodeshim.loop.EventLoop;
import java.util.function.Consumer;

/**
 * Ports "## 异步还是同步" (seeds/002_8bfa7c3e83a58264.txt): {@code emit} calls listeners
 * synchronously, in registration order; a listener that wants to run later says so with
 * {@code setImmediate} (or {@code process.nextTick}).
 *
 * <pre>{@code
 * const events = require("events");
 * const emitter = new events.EventEmitter();
 *
 * emitter.on("test", function () {
 *     console.log(111);
 * });
 * emitter.emit("test");
 * console.log(222);
 * // 111
 * // 222
 *
 * emitter.on("later", () => {
 *     setImmediate(() => {        // synchronous listener, asynchronous work
 *         console.log('111');
 *     });
 * });
 * emitter.emit("later");
 * console.log(222);
 * // 222
 * // 111
 * }</pre>
 *
 * The seed uses the event name {@code "test"} in both snippets; one script uses two names so the
 * first listener does not also run in the second part.
 */
public final class SyncOrder {
    private SyncOrder() {
    }

    public static void run(Consumer<String> out) {
        EventLoop.run(() -> {
            EventEmitter emitter = new EventEmitter();

            emitter.on("test", () -> out.accept("111"));
            emitter.emit("test");
            out.accept("222");

            emitter.on("later", () -> setImmediate(() -> out.accept("111")));
            emitter.emit("later");
            out.accept("222");
        });
    }

    public static void main(String[] args) {
        run(System.out::println);
    }
}
