package dev.nodeshim.examples.events;

import dev.nodeshim.events.EventEmitter;
import dev.nodeshim.events.Listener2;
import java.util.function.Consumer;

/**
 * Ports "将this传给监听器" (seeds/002_8bfa7c3e83a58264.txt, "## 基本使用"): a listener receives the
 * emit's arguments and reaches the emitter.
 *
 * <pre>{@code
 * emitter.on("event", function (a, b) {
 *     console.log(a, b);                          // a b
 * });
 * // the seed's closure variant ("利用匿名函数的闭包")
 * emitter.on("event", (function (that) {
 *     return function (a, b) {
 *         console.log(that === emitter);          // true
 *     };
 * })(emitter));
 * emitter.on("event", function (a, b, c) {
 *     console.log(a, b, c === undefined);         // a b true
 * });
 * emitter.emit("event", 'a', 'b');
 * }</pre>
 *
 * <p>Java has no {@code this} for a listener, so the port takes the seed's closure variant: the
 * listener captures the emitter. (The seed's dump of {@code this}, {@code EventEmitter { _events: … }},
 * is {@code util.inspect} of Node internals and is not ported; its closure passes the module's
 * {@code this}, which is not the emitter — the snippet here passes the emitter, as the seed meant.)
 * Arguments arrive positionally; a listener may declare more parameters than were emitted, and the
 * missing ones are {@code null}, JavaScript's {@code undefined}.
 */
public final class ListenerArguments {
    private ListenerArguments() {
    }

    public static void run(Consumer<String> out) {
        EventEmitter emitter = new EventEmitter();

        emitter.on("event", (String a, String b) -> out.accept(a + " " + b));
        emitter.on("event", bindTo(emitter, emitter, out));
        emitter.on("event", (String a, String b, String c) -> out.accept(a + " " + b + " " + (c == null)));

        emitter.emit("event", "a", "b");
    }

    /** The seed's {@code (function (that) { return function (a, b) { … } })(emitter)}. */
    private static Listener2<String, String> bindTo(EventEmitter that, EventEmitter emitter, Consumer<String> out) {
        return (a, b) -> out.accept(String.valueOf(that == emitter));
    }

    public static void main(String[] args) {
        run(System.out::println);
    }
}
