package dev.nodeshim.childprocess;

import static dev.nodeshim.childprocess.ChildProcesses.fork;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nodeshim.loop.EventLoop;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A SIGTERM that reaches a forked JVM after the JVM has installed its own handlers but before
 * {@link ForkMain} has put in its own would end the child with the JVM's exit code 143; a Node child
 * dies by the signal. The parent therefore holds SIGHUP, SIGINT and SIGTERM until the child has
 * connected its channel (ForkMain connects after installing its handlers). Here a java agent holds the
 * child's start in that window, deterministically: it prints {@code premain} and waits on a fifo that
 * the test opens only after the kill.
 */
class ForkEarlySignalTest {
    @TempDir
    Path tmp;

    /** The child's agent: says where it is, then waits until the fifo is opened for writing. */
    public static final class HoldingAgent {
        public static void premain(String fifo) throws IOException {
            System.out.println("premain");
            System.out.flush();
            try (FileInputStream in = new FileInputStream(fifo)) {
                in.read();
            }
        }
    }

    @Test
    void sigtermDuringTheJvmsStartEndsTheChildByTheSignal() throws Exception {
        assumeTrue(NativeSpawn.AVAILABLE, "without the native library the JVM's exit codes are kept");
        Path fifo = tmp.resolve("go");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        Path agent = tmp.resolve("agent.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(new Attributes.Name("Premain-Class"), HoldingAgent.class.getName());
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(agent), manifest)) {
            // the agent's class comes from the class path the child shares with us
        }
        List<String> trace = new ArrayList<>();
        EventLoop.run(() -> {
            ChildProcess c = fork(ForkChildren.Echo.class, List.of(), ForkOptions.defaults().silent(true)
                    .execArgv(List.of("-javaagent:" + agent + "=" + fifo)));
            boolean[] killed = {false};
            c.stdout().setEncoding("utf8");
            c.stdout().on("data", (String d) -> {
                if (d.contains("premain") && !killed[0]) {
                    killed[0] = true;
                    trace.add("probe " + c.kill(0)); // signal 0 only probes, also before the child connects
                    trace.add("kill " + c.kill("SIGTERM") + " " + c.killed());
                    try (FileOutputStream go = new FileOutputStream(fifo.toFile())) {
                        go.write(1); // lets the agent return: ForkMain runs, connects, the SIGTERM goes
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            });
            c.on("exit", (Integer code, String signal) -> trace.add("exit " + code + " " + signal));
        });
        assertEquals(List.of("probe true", "kill true true", "exit null SIGTERM"), trace);
    }
}
