package dev.nodeshim.process;

import static dev.nodeshim.process.NodeProcess.process;

import dev.nodeshim.events.Listener1;
import dev.nodeshim.events.Listener2;
import dev.nodeshim.loop.EventLoop;
import dev.nodeshim.loop.Ref;

/**
 * The program {@link SignalsTest} runs in a fresh JVM and then signals: {@code SignalMain SIGNAL MODE}
 * holds its loop open, prints {@code ready} and waits. MODE {@code listen} adds a listener that prints
 * what it got and lets the loop end; {@code removed} adds a listener and removes it again; {@code none}
 * adds nothing. The twin in Node ({@code listen}):
 * {@code const t = setInterval(() => {}, 1e6); process.on(S, (n, k) => { console.log("got", n, k); clearInterval(t); });
 * process.on("exit", c => console.log("exit", c)); console.log("ready")}.
 */
final class SignalMain {
    private SignalMain() {
    }

    public static void main(String[] args) {
        String signal = args[0];
        String mode = args[1];
        process.on("exit", (Listener1<Integer>) c -> System.out.println("exit " + c));
        System.exit(EventLoop.run(() -> {
            Ref hold = EventLoop.current().ref();
            Listener2<String, Integer> listener = (name, number) -> {
                System.out.println("got " + name + " " + number);
                hold.close();
            };
            if (!mode.equals("none")) {
                process.on(signal, listener);
            }
            if (mode.equals("removed")) {
                process.removeListener(signal, listener);
            }
            System.out.println("ready");
            System.out.flush();
        }));
    }
}
