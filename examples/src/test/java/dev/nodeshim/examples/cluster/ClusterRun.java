package dev.nodeshim.examples.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a cluster example as a program of its own (a primary JVM and its workers) and its Node original
 * ({@code src/test/resources/cluster/<Name>.js}) the same way, with {@code WORKERS=2}, and compares
 * their printed lines with each other and with the committed {@code <Name>.expected.txt}. Optionally
 * sends SIGTERM to the primary when it prints {@code ready}. Checks that no process is left.
 */
final class ClusterRun {
    private ClusterRun() {
    }

    static void assertSameOutput(Class<?> example, boolean sigtermAtReady) {
        Path dir = resources();
        String name = example.getSimpleName();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // with a SIGTERM listener the program ends normally, with 0, as node does
        List<String> javaLines = run(List.of(java, "-cp", System.getProperty("java.class.path"), example.getName()),
                sigtermAtReady, 0);
        List<String> expected;
        try {
            expected = Files.readAllLines(dir.resolve(name + ".expected.txt"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertEquals(expected, javaLines, name + ": the Java port differs from " + name + ".expected.txt");
        if (nodeOnPath()) {
            List<String> live = run(List.of("node", dir.resolve(name + ".js").toString()), sigtermAtReady, 0);
            assertEquals(live, javaLines, name + ": the Java port differs from what `node " + name + ".js` prints");
        }
    }

    /** Every line the program prints; it must exit with {@code exitCode} and leave no process. */
    private static List<String> run(List<String> command, boolean sigtermAtReady, int exitCode) {
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().put("WORKERS", "2");
        List<String> lines = new ArrayList<>();
        Process p = null;
        List<ProcessHandle> seen = new ArrayList<>();
        try {
            p = pb.start();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            for (String line; (line = out.readLine()) != null; ) {
                lines.add(line);
                if (sigtermAtReady && line.equals("ready")) {
                    seen.addAll(p.descendants().toList());
                    p.toHandle().destroy(); // SIGTERM (Process.destroy would also close our end of its stdout)
                }
            }
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), command + " ended");
            assertEquals(exitCode, p.exitValue(), command + " exit code; printed " + lines);
            seen.addAll(p.descendants().toList());
            for (ProcessHandle h : seen) {
                assertTrue(h.onExit().get(30, TimeUnit.SECONDS) != null && !h.isAlive(), "worker " + h.pid() + " left");
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new AssertionError(command + ": " + e, e);
        } finally {
            if (p != null) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
        }
    }

    private static Path resources() {
        try {
            return Path.of(ClusterRun.class.getResource("/cluster/RestartingCluster.js").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean nodeOnPath() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "node"))) {
                return true;
            }
        }
        return false;
    }
}
