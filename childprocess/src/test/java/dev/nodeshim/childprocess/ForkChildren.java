package dev.nodeshim.childprocess;

import static dev.nodeshim.process.NodeProcess.process;

import dev.nodeshim.events.Listener1;
import dev.nodeshim.loop.EventLoop;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The programs {@link ForkTest} forks; each is a main class, as a user's would be. */
final class ForkChildren {
    private ForkChildren() {}

    /**
     * Echoes every message, except commands: {@code {"cmd":"hello"}} answers with what the child sees
     * of itself, {@code {"cmd":"burst","n":N}} sends N {@code {"i":…}} then {@code "burst-done"},
     * {@code {"seq":i}} messages are counted and {@code {"cmd":"count"}} reports them,
     * {@code "bye"} disconnects.
     */
    static final class Echo {
        public static void main(String[] args) {
            System.exit(EventLoop.run(args, () -> {
                int[] seq = {0};
                boolean[] inOrder = {true};
                process.on("message", (Listener1<Object>) m -> {
                    if ("bye".equals(m)) {
                        process.disconnect();
                    } else if (m instanceof Map<?, ?> map && map.containsKey("seq")) {
                        inOrder[0] &= map.get("seq").equals(seq[0]);
                        seq[0]++;
                    } else if (m instanceof Map<?, ?> map && "count".equals(map.get("cmd"))) {
                        process.send(Map.of("received", seq[0], "inOrder", inOrder[0]));
                    } else if (m instanceof Map<?, ?> map && "burst".equals(map.get("cmd"))) {
                        int n = (Integer) map.get("n");
                        for (int i = 0; i < n; i++) {
                            process.send(Map.of("i", i));
                        }
                        process.send("burst-done");
                    } else if (m instanceof Map<?, ?> map && "hello".equals(map.get("cmd"))) {
                        Map<String, Object> me = new LinkedHashMap<>();
                        me.put("argv", process.argv().subList(1, process.argv().size()));
                        me.put("prop", System.getProperty("nodeshim.test"));
                        me.put("cwd", process.cwd());
                        me.put("env", process.env().get("NODESHIM_TEST_ENV"));
                        me.put("channelEnv", process.env().get(IpcChannel.ENV_PATH));
                        me.put("connected", process.connected());
                        process.send(me);
                    } else {
                        process.send(m);
                    }
                });
            }));
        }
    }

    /**
     * fork-child-side.js's child: traces process.send's callback and process.disconnect() with what
     * follows, and writes the trace to the file {@code args[0]} on 'exit'.
     */
    static final class ChildSide {
        public static void main(String[] args) {
            List<String> out = new ArrayList<>();
            System.exit(EventLoop.run(args, () -> {
                out.add("connected " + process.connected());
                process.on("message", (Listener1<Object>) m -> {
                    out.add("message " + JsonMessages.stringify(m));
                    process.send("ack", e -> {
                        out.add("send callback " + e);
                        process.on("disconnect", () -> out.add("disconnect " + process.connected()));
                        process.on("error", (Listener1<Throwable>) err -> out.add("error " + err));
                        process.disconnect();
                        out.add("connected " + process.connected());
                        process.nextTick(() -> out.add("tick"));
                        out.add("send " + process.send("x", err -> out.add("callback " + err)));
                        out.add("send " + process.send("y"));
                        process.disconnect();
                        out.add("returned");
                    });
                });
                process.on("exit", (Listener1<Integer>) code -> {
                    out.add("exit " + code);
                    try {
                        Files.write(Path.of(args[0]), out);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
            }));
        }
    }

    /** fork-child-unref.js's child: a 'message' listener, but process.channel().unref(); then one send. */
    static final class UnrefChannel {
        public static void main(String[] args) {
            System.exit(EventLoop.run(args, () -> {
                process.on("message", (Listener1<Object>) m -> { });
                process.channel().unref();
                process.send("bye");
            }));
        }
    }

    /** Sends one message and has no listener: the channel must not keep it alive. */
    static final class SendOnce {
        public static void main(String[] args) {
            System.exit(EventLoop.run(args, () -> process.send("hi")));
        }
    }

    /** Forks {@link Orphan} (passing on its args), reports its pid, then only listens. */
    static final class Middle {
        public static void main(String[] args) {
            System.exit(EventLoop.run(args, () -> {
                ChildProcess grandchild = ChildProcesses.fork(Orphan.class, List.of(args));
                grandchild.on("message", (Listener1<Object>) m -> process.send(Map.of("grandchild", grandchild.pid())));
                process.on("message", (Listener1<Object>) m -> { });
            }));
        }
    }

    /**
     * Listens to its parent; on {@code 'disconnect'} writes "disconnect" to the file {@code args[0]}.
     * It has nothing else to do, so it ends when its parent dies.
     */
    static final class Orphan {
        public static void main(String[] args) {
            System.exit(EventLoop.run(args, () -> {
                process.on("message", (Listener1<Object>) m -> { });
                process.on("disconnect", () -> {
                    try {
                        Files.writeString(Path.of(args[0]), "disconnect");
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                process.send("up");
            }));
        }
    }
}
