package dev.nodeshim.examples.childprocess;

import static dev.nodeshim.childprocess.ChildProcesses.fork;
import static dev.nodeshim.process.NodeProcess.process;

import dev.nodeshim.buffer.Buffer;
import dev.nodeshim.childprocess.ChildProcess;
import dev.nodeshim.childprocess.ForkOptions;
import dev.nodeshim.childprocess.JsMap;
import dev.nodeshim.events.Listener1;
import dev.nodeshim.loop.EventLoop;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * fork with {@code serialization: 'advanced'} (V8's structured clone, as {@code v8.serialize}): the
 * worker is handed what the default JSON channel would flatten or refuse — a {@code Map} of BigInt
 * prices, a {@code Set}, a {@code Date}, a {@code Buffer} and an object that refers to itself — and
 * answers with a BigInt, a Date, a Map with number keys and a Buffer, all arriving as themselves.
 * Builds on the seed's "方式四:fork" / "fork子进程充分利用CPU资源" (seeds/002_8bfa7c3e83a58264.txt),
 * whose worker gets only a string.
 *
 * <pre>{@code
 * if (process.argv[2] === 'worker') {
 *   process.on('message', (order) => {
 *     let total = 0n;
 *     for (const item of order.items) total += order.prices.get(item);
 *     const due = new Date(order.placed.getTime() + 30 * 24 * 60 * 60 * 1000);
 *     const letters = new Map();
 *     for (const byte of order.note) letters.set(byte, (letters.get(byte) || 0) + 1);
 *     process.send({ total, due, letters,
 *       shout: Buffer.from(order.note.toString('latin1').toUpperCase(), 'latin1'),
 *       sameOrder: order.self === order });
 *     process.disconnect();
 *   });
 * } else {
 *   const worker = fork(__filename, ['worker'], { serialization: 'advanced' });
 *   const order = {
 *     prices: new Map([['apple', 120n], ['pear', 95n], ['fig', 12345678901234567890n]]),
 *     items: new Set(['apple', 'fig', 'apple']),
 *     placed: new Date(Date.UTC(2024, 0, 31, 12, 0, 0)),
 *     note: Buffer.from('hello buffer'),
 *   };
 *   order.self = order; // JSON.stringify would throw on this cycle
 *   worker.send(order);
 *   worker.on('message', (result) => { ... console.log one line per field ... });
 *   worker.on('exit', (code, signal) => console.log(`worker exited with ${code}, ${signal}`));
 * }
 * }</pre>
 *
 * The Java stand-ins (see {@code V8Serializer}): a {@link JsMap} is a JavaScript {@code Map} (a plain
 * {@link Map} would be an object), a {@link Set} a {@code Set}, {@link BigInteger} a BigInt, {@link Instant}
 * a {@code Date}, the buffer module's {@link Buffer} a {@code Buffer}; received objects are
 * {@link LinkedHashMap}s, numbers {@code Integer} or {@code Double} (one JavaScript number type). The
 * worker is {@link Worker}, run in its own JVM by fork.
 */
public final class AdvancedFork {
    private static final Duration THIRTY_DAYS = Duration.ofDays(30);

    private AdvancedFork() {
    }

    /** The worker side: totals the order and answers once, then lets go of the channel. */
    public static final class Worker {
        private Worker() {
        }

        public static void main(String[] args) {
            System.exit(EventLoop.run(args, () -> process.on("message", (Listener1<Map<?, ?>>) order -> {
                Map<?, ?> prices = (Map<?, ?>) order.get("prices"); // a JsMap: keys keep their type
                BigInteger total = BigInteger.ZERO;
                for (Object item : (Set<?>) order.get("items")) {
                    total = total.add((BigInteger) prices.get(item));
                }
                Instant due = ((Instant) order.get("placed")).plus(THIRTY_DAYS);
                Buffer note = (Buffer) order.get("note");
                JsMap letters = new JsMap(); // Map<number, number>, in first-seen order
                for (int i = 0; i < note.length(); i++) {
                    letters.merge(note.get(i), 1, (a, b) -> (Integer) a + (Integer) b);
                }
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("total", total);
                result.put("due", due);
                result.put("letters", letters);
                result.put("shout", Buffer.from(note.toString("latin1").toUpperCase(Locale.ROOT), "latin1"));
                result.put("sameOrder", order.get("self") == order);
                process.send(result);
                process.disconnect();
            })));
        }
    }

    public static void run(Consumer<String> out) {
        EventLoop.run(() -> {
            ChildProcess worker = fork(Worker.class, List.of("worker"),
                    ForkOptions.defaults().serialization("advanced"));
            JsMap prices = new JsMap();
            prices.put("apple", BigInteger.valueOf(120));
            prices.put("pear", BigInteger.valueOf(95));
            prices.put("fig", new BigInteger("12345678901234567890"));
            Map<String, Object> order = new LinkedHashMap<>();
            order.put("prices", prices);
            order.put("items", new LinkedHashSet<>(List.of("apple", "fig", "apple"))); // a Set keeps one apple
            order.put("placed", LocalDateTime.of(2024, 1, 31, 12, 0, 0).toInstant(ZoneOffset.UTC));
            order.put("note", Buffer.from("hello buffer"));
            order.put("self", order); // JSON would refuse this cycle; V8's format keeps it
            worker.send(order);

            worker.on("message", (Listener1<Map<?, ?>>) result -> {
                Object total = result.get("total");
                out.accept("total " + total + " (" + (total instanceof BigInteger ? "bigint" : "?") + ")");
                Object due = result.get("due");
                out.accept("due " + isoString((Instant) due) + " (a Date: " + (due instanceof Instant) + ")");
                List<String> letters = new ArrayList<>();
                ((Map<?, ?>) result.get("letters")).forEach((b, n) ->
                        letters.add((char) ((Number) b).intValue() + "=" + n));
                out.accept("letters " + String.join(" ", letters));
                Object shout = result.get("shout");
                out.accept("shout " + shout + " (a Buffer: " + (shout instanceof Buffer) + ")");
                out.accept("cycle kept: " + result.get("sameOrder"));
            });
            worker.on("exit", (Integer code, String signal) -> out.accept("worker exited with " + code + ", " + signal));
        });
    }

    /** {@code Date.prototype.toISOString}: always three digits of milliseconds. */
    private static String isoString(Instant t) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
                .withZone(ZoneOffset.UTC).format(t);
    }

    public static void main(String[] args) {
        run(System.out::println);
    }
}
