package dev.nodeshim.examples.events;

import dev.nodeshim.events.EventEmitter;
import java.util.function.Consumer;

/**
 * Ports "## once方法" (seeds/002_8bfa7c3e83a58264.txt): a {@code once} listener runs for the first
 * emit only and is removed before it runs; an {@code on} listener runs for every emit. Listeners run
 * in the order they were added.
 *
 * <pre>{@code
 * emitter.once("test", function () {
 *     console.log("once");
 * });
 * emitter.on("test", function () {
 *     console.log("on");
 * });
 *
 * emitter.emit("test");
 * emitter.emit("test");
 * emitter.emit("test");
 * console.log(emitter.listenerCount("test"));
 * // once
 * // on
 * // on
 * // on
 * // 1
 * }</pre>
 */
public final class OnceVsOn {
    private OnceVsOn() {
    }

    public static void run(Consumer<String> out) {
        EventEmitter emitter = new EventEmitter();

        emitter.once("test", () -> out.accept("once"));
        emitter.on("test", () -> out.accept("on"));

        emitter.emit("test");
        emitter.emit("test");
        emitter.emit("test");
        out.accept(String.valueOf(emitter.listenerCount("test")));
    }

    public static void main(String[] args) {
        run(System.out::println);
    }
}
