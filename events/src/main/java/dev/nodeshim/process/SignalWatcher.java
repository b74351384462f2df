package dev.nodeshim.process;

import dev.nodeshim.errors.NodeError;
import dev.nodeshim.loop.EventLoop;
import java.util.HashMap;
import java.util.Map;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Turns OS signals into {@code process} events, as Node's signal events: the first listener for a
 * signal name installs a JVM handler ({@code sun.misc.Signal}) in place of the default action, the
 * removal of the last one puts the previous handler back. A signal that arrives is posted to the loop
 * on which a listener was last added and emitted there as {@code (name, number)}.
 *
 * <p>The handler holds no {@code Ref}: as in Node, a signal listener does not keep the loop alive.
 */
final class SignalWatcher {
    /** Node's {@code os.constants.signals} on Linux, aliases included. */
    private static final Map<String, Integer> NUMBERS = new HashMap<>();

    static {
        String[] names = {
            "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT", "SIGBUS", "SIGFPE", "SIGKILL",
            "SIGUSR1", "SIGSEGV", "SIGUSR2", "SIGPIPE", "SIGALRM", "SIGTERM", "SIGSTKFLT", "SIGCHLD",
            "SIGCONT", "SIGSTOP", "SIGTSTP", "SIGTTIN", "SIGTTOU", "SIGURG", "SIGXCPU", "SIGXFSZ",
            "SIGVTALRM", "SIGPROF", "SIGWINCH", "SIGIO", "SIGPWR", "SIGSYS",
        };
        for (int i = 0; i < names.length; i++) {
            NUMBERS.put(names[i], i + 1);
        }
        NUMBERS.put("SIGIOT", 6);
        NUMBERS.put("SIGPOLL", 29);
    }

    /** The JVM's names for Node's aliases. */
    private static final Map<String, String> JVM_NAMES = Map.of("SIGIOT", "ABRT", "SIGPOLL", "IO");

    private record Installed(Signal signal, SignalHandler previous) {
    }

    private final NodeProcess process;
    private final Map<String, Installed> installed = new HashMap<>();
    private final Map<String, EventLoop> targets = new HashMap<>();

    SignalWatcher(NodeProcess process) {
        this.process = process;
    }

    /** Whether {@code event} is a signal name Node knows (other names are ordinary events). */
    static boolean isSignal(Object event) {
        return event instanceof String s && NUMBERS.containsKey(s);
    }

    /**
     * Called before a listener for {@code name} is added: installs the handler for the first one and
     * makes the calling thread's loop the one the signal is delivered to.
     *
     * @throws NodeError Node's {@code Error: uv_signal_start EINVAL} for SIGKILL and SIGSTOP
     * @throws UnsupportedOperationException for a signal the JVM keeps for itself (SIGQUIT, SIGSEGV,
     *                                       SIGFPE, SIGILL), which Node would accept
     */
    synchronized void adding(String name) {
        if (!installed.containsKey(name)) {
            int number = NUMBERS.get(name);
            if (number == 9 || number == 19) {
                // Node: libuv refuses to watch SIGKILL and SIGSTOP; the listener is not added.
                throw new NodeError("Error", "EINVAL", "uv_signal_start EINVAL")
                        .withProp("errno", -22).withProp("syscall", "uv_signal_start");
            }
            Signal signal;
            SignalHandler previous;
            try {
                signal = new Signal(JVM_NAMES.getOrDefault(name, name.substring(3)));
                previous = Signal.handle(signal, s -> deliver(name, number));
            } catch (IllegalArgumentException e) {
                throw new UnsupportedOperationException(
                        "process.on('" + name + "') is not available in a JVM: " + e.getMessage(), e);
            }
            installed.put(name, new Installed(signal, previous));
        }
        targets.put(name, EventLoop.current());
    }

    /** Called after a listener for {@code name} is removed: the last one restores the default. */
    synchronized void removed(String name) {
        if (process.listenerCount(name) > 0) {
            return;
        }
        Installed i = installed.remove(name);
        targets.remove(name);
        if (i != null) {
            Signal.handle(i.signal(), i.previous());
        }
    }

    /** On the JVM's signal thread: the listeners run on the loop. */
    private void deliver(String name, int number) {
        EventLoop loop;
        synchronized (this) {
            loop = targets.get(name);
        }
        if (loop != null) {
            loop.execute(() -> process.emit(name, name, number));
        }
    }
}
