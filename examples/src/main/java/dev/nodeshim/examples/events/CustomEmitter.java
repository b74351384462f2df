package dev.nodeshim.examples.events;

import dev.nodeshim.events.EventEmitter;
import java.util.function.Consumer;

/**
 * Ports "## 如何继承EventEmitter" (seeds/002_8bfa7c3e83a58264.txt): a class of your own that is an
 * EventEmitter, the way {@code net.Server} and {@code stream.Stream} are.
 *
 * <pre>{@code
 * const EventEmitter = require("events");
 *
 * class Alarm extends EventEmitter {
 *     ring(time) {
 *         this.emit("ring", time);
 *     }
 * }
 *
 * const alarm = new Alarm();
 * alarm.on("ring", (time) => console.log(`ring at ${time}`));
 * alarm.ring("6:00");                               // ring at 6:00
 * console.log(alarm instanceof EventEmitter);       // true
 * console.log(alarm.listenerCount("ring"));         // 1
 * }</pre>
 *
 * The seed's class ({@code class MyEmitter extends EventEmitter {}}) has no behaviour and its
 * snippet prints nothing; the port gives it a method that emits, which is what subclasses are for.
 * The seed's pre-class forms ({@code EventEmitter.call(this)} with {@code util.inherits} or
 * {@code Object.setPrototypeOf}) are all {@code extends} in Java.
 */
public final class CustomEmitter {
    private CustomEmitter() {
    }

    /** {@code class Alarm extends EventEmitter}. */
    static class Alarm extends EventEmitter {
        void ring(String time) {
            emit("ring", time);
        }
    }

    public static void run(Consumer<String> out) {
        Alarm alarm = new Alarm();
        alarm.on("ring", (String time) -> out.accept("ring at " + time));
        alarm.ring("6:00");
        out.accept(String.valueOf(alarm instanceof EventEmitter));
        out.accept(String.valueOf(alarm.listenerCount("ring")));
    }

    public static void main(String[] args) {
        run(System.out::println);
    }
}
