package dev.nodeshim.childprocess;

import static dev.nodeshim.process.NodeProcess.process;

import dev.nodeshim.events.Listener2;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The main class of every JVM started by {@code fork}: {@code java [execArgv] -cp <classpath>
 * dev.nodeshim.childprocess.ForkMain <mainClass> [args…]}.
 *
 * <p>It takes the parent's channel (the descriptor in {@code NODE_CHANNEL_FD}, as a Node child does —
 * so a {@code node} parent's {@code spawn(java, [..., ForkMain, Main], {stdio: [..., 'ipc']})} works —
 * or the socket path in {@value IpcChannel#ENV_PATH}; the variable is then removed from
 * {@code process.env()}, as Node removes {@code NODE_CHANNEL_FD}), attaches it to
 * {@code process} ({@code process.send}, {@code process.on("message")}, …), makes {@code process.argv()}
 * {@code [java, mainClass, args…]}, runs the {@link ForkPreload}s on the class path, and calls
 * {@code mainClass.main(args)}. The program runs its loop
 * as any nodeshim program does, with {@code EventLoop.run(args, () -> …)}; the channel joins the loop
 * on which {@code process} first gets a {@code 'message'}/{@code 'disconnect'} listener or
 * {@code process.send} is called (the default loop when that happens outside any loop).
 *
 * <p>As in Node, the channel keeps that loop alive only while {@code process} has {@code 'message'} or
 * {@code 'disconnect'} listeners (or after {@code process.channel().ref()}): when the parent dies or
 * disconnects, {@code 'disconnect'} is emitted, the channel lets go of the loop and a child with nothing
 * else to do ends.
 */
public final class ForkMain {
    /** The signals whose JVM handlers ForkMain replaces, so that they end the child by the signal. */
    static final List<String> DIES_BY = List.of("SIGTERM", "SIGINT", "SIGHUP");

    private ForkMain() {}

    /**
     * Attaches the channel and runs {@code args[0]}'s {@code main} with the rest.
     *
     * @throws Throwable whatever the program's main throws (the JVM then prints it and exits with 1)
     */
    public static void main(String[] args) throws Throwable {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: ForkMain <mainClass> [args...]");
        }
        dieBySignals();
        attachParentChannel();
        for (ForkPreload p : ServiceLoader.load(ForkPreload.class)) {
            p.preload();
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        // process.argv() takes [1] from the first word of sun.java.command: make it the program's class.
        System.setProperty("sun.java.command", args[0]);
        process.setArgs(Arrays.asList(rest));
        Class<?> main = Class.forName(args[0], true, ClassLoader.getSystemClassLoader());
        Method m = main.getMethod("main", String[].class);
        if (!Modifier.isStatic(m.getModifiers())) {
            throw new NoSuchMethodException(args[0] + ".main(String[]) is not static");
        }
        // Like the java launcher, a public static main is enough: the class itself need not be public.
        m.setAccessible(true);
        try {
            m.invoke(null, (Object) rest);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /**
     * Attaches the channel the parent gave this process, if any: a descriptor in {@code NODE_CHANNEL_FD}
     * (what Node passes, and nodeshim's spawn with an {@code 'ipc'} entry), else a socket path in
     * {@value IpcChannel#ENV_PATH} (nodeshim without its native library). As a Node child does, the
     * variables are then removed from {@code process.env()}.
     */
    private static void attachParentChannel() throws java.io.IOException {
        String fd = System.getenv("NODE_CHANNEL_FD");
        String path = System.getenv(IpcChannel.ENV_PATH);
        if (fd != null) {
            attach(IpcChannel.adopt(process, () -> { }, SocketPair.adopt(Integer.parseInt(fd.trim())), false)
                    .serialization(serialization(System.getenv("NODE_CHANNEL_SERIALIZATION_MODE"))));
            process.env().remove("NODE_CHANNEL_FD");
            process.env().remove("NODE_CHANNEL_SERIALIZATION_MODE");
            Command.notInherited(List.of("NODE_CHANNEL_FD", "NODE_CHANNEL_SERIALIZATION_MODE")); // nor do our children see them
        } else if (path != null) {
            attach(IpcChannel.connect(process, path).serialization(serialization(System.getenv(IpcChannel.ENV_SERIALIZATION))));
            process.env().remove(IpcChannel.ENV_PATH);
            process.env().remove(IpcChannel.ENV_SERIALIZATION);
            Command.notInherited(List.of(IpcChannel.ENV_PATH, IpcChannel.ENV_SERIALIZATION));
        }
    }

    /**
     * The parent's serialization: {@code advanced}, else JSON (unset means JSON for a Node child too;
     * node 20 dies at start with an internal TypeError for an unknown name, here it is JSON).
     */
    private static IpcSerialization serialization(String mode) {
        return "advanced".equals(mode) ? IpcSerialization.ADVANCED : IpcSerialization.JSON;
    }

    /**
     * SIGTERM, SIGINT and SIGHUP end this JVM by the signal, as they end a Node child: its parent sees
     * {@code (null, 'SIGTERM')}. The JVM's own handlers run the shutdown hooks and exit with 128 + n,
     * which the parent would see, exactly, as {@code (143, null)}. Here the hooks still run (the JVM's
     * custom, which Java programs rely on), and the process then dies by the signal
     * ({@link NativeSpawn#exitBySignal}). Node's rule kept: the default action applies only while
     * {@code process} has no listener for the signal (a listener installs its own handler and puts this
     * one back when removed). Without the native library the JVM's behaviour is kept.
     */
    private static void dieBySignals() {
        for (String name : DIES_BY) {
            sun.misc.Signal.handle(new sun.misc.Signal(name.substring(3)), s -> {
                if (NativeSpawn.AVAILABLE) {
                    NativeSpawn.exitBySignal(s.getNumber());
                }
                Runtime.getRuntime().exit(128 + s.getNumber());
            });
        }
    }

    /** Attaches {@code channel} to process and lets its listeners decide whether it holds the loop. */
    static void attach(IpcChannel channel) {
        process.attachChannel(channel);
        process.on("newListener", (Listener2<Object, Object>) (event, listener) -> {
            if (isChannelEvent(event)) {
                channel.ref();
            }
        });
        process.on("removeListener", (Listener2<Object, Object>) (event, listener) -> {
            if (isChannelEvent(event) && process.listenerCount("message") + process.listenerCount("disconnect") == 0) {
                channel.unref();
            }
        });
    }

    private static boolean isChannelEvent(Object event) {
        return "message".equals(event) || "disconnect".equals(event);
    }
}
