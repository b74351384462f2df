package dev.nodeshim.examples.events;

import dev.nodeshim.events.EventEmitter;
import java.util.function.Consumer;

/**
 * Ports the seed's first example ("## 基本使用", seeds/002_8bfa7c3e83a58264.txt): one listener with
 * one argument, one emit.
 *
 * <pre>{@code
 * const EventEmitter = require('events').EventEmitter;
 * const emitter = new EventEmitter();
 *
 * emitter.on("起床", function (time) {
 *     console.log(`早上${time}开始起床，新的一天加油`);
 * });
 *
 * emitter.emit("起床", "6:00");   // 早上6:00开始起床，新的一天加油
 * }</pre>
 *
 * The seed's comment under the script misquotes its own template string ("早上6:00起床"); the line
 * above is what Node prints.
 */
public final class WakeUp {
    private WakeUp() {
    }

    public static void run(Consumer<String> out) {
        EventEmitter emitter = new EventEmitter();

        emitter.on("起床", (String time) -> out.accept("早上" + time + "开始起床，新的一天加油"));

        emitter.emit("起床", "6:00");
    }

    public static void main(String[] args) {
        run(System.out::println);
    }
}
