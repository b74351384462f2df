package dev.nodeshim.childprocess;

import static dev.nodeshim.childprocess.ChildProcesses.fork;
import static dev.nodeshim.process.NodeProcess.process;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nodeshim.events.Listener1;
import dev.nodeshim.loop.EventLoop;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The hook the cluster module speaks through: a message whose {@code cmd} starts with {@code NODE_} is
 * emitted as {@code 'internalMessage'} and never as {@code 'message'}, in both directions. Expected
 * lines: {@code src/test/resources/node/fork-internal-message.js|.out} (node 20).
 */
class InternalMessageTest {

    /** The child: records what its two listeners see; on "report" sends two cmd messages and the record. */
    static final class Recorder {
        public static void main(String[] args) {
            System.exit(EventLoop.run(args, () -> {
                List<String> seen = new ArrayList<>();
                process.on("internalMessage", (Listener1<Object>) m -> seen.add("internal " + JsonMessages.stringify(m)));
                process.on("message", (Listener1<Object>) m -> {
                    seen.add("message " + JsonMessages.stringify(m));
                    if ("report".equals(m)) {
                        process.send(Map.of("cmd", "NODE_Y"));
                        process.send(Map.of("cmd", "NODE_"));
                        process.send(Map.of("seen", seen));
                        process.disconnect();
                    }
                });
            }));
        }
    }

    @Test
    void reservedCommandsAreInternalBothWays() {
        List<String> trace = new ArrayList<>();
        EventLoop.run(() -> {
            ChildProcess c = fork(Recorder.class);
            c.on("internalMessage", (Listener1<Object>) m -> trace.add("internal " + JsonMessages.stringify(m)));
            c.on("message", (Listener1<Object>) m -> trace.add("message " + JsonMessages.stringify(m)));
            c.on("exit", (Integer code, String sig) -> trace.add("exit " + code));
            for (Object m : List.of(Map.of("cmd", "NODE_X"), Map.of("cmd", "NODE_"), Map.of("cmd", "NODEX"),
                    Map.of("cmd", "node_x"), Map.of("cmd", 7), "NODE_X", "report")) {
                c.send(m);
            }
        });
        assertEquals(List.of("internal {\"cmd\":\"NODE_Y\"}", "message {\"cmd\":\"NODE_\"}",
                "message {\"seen\":[\"internal {\\\"cmd\\\":\\\"NODE_X\\\"}\",\"message {\\\"cmd\\\":\\\"NODE_\\\"}\","
                        + "\"message {\\\"cmd\\\":\\\"NODEX\\\"}\",\"message {\\\"cmd\\\":\\\"node_x\\\"}\","
                        + "\"message {\\\"cmd\\\":7}\",\"message \\\"NODE_X\\\"\",\"message \\\"report\\\"\"]}",
                "exit 0"), trace);
    }
}
