package dev.nodeshim.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The warning flags ({@code nodeshim.noDeprecation}, {@code nodeshim.throwDeprecation},
 * {@code nodeshim.traceWarnings}, {@code NODE_NO_WARNINGS=1}) are read once per JVM, so each case runs
 * {@link WarningFlagsMain} in a fresh JVM and compares its output with what node prints for the twin
 * script with the matching flag ({@code node --no-deprecation -e "$S"}, …).
 */
class WarningFlagsTest {
    private static final String HINT =
            "(Use `java -Dnodeshim.traceWarnings=true ...` to show where the warning was created)";

    @TempDir
    Path dir;

    private record Result(long pid, int status, List<String> out, List<String> err) {
        String prefix() {
            return "(node:" + pid + ") ";
        }
    }

    private static Path location(Class<?> c) throws URISyntaxException {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private Result runChild(String flag, Map<String, String> env) throws Exception {
        String classpath = location(WarningFlagsMain.class) + File.pathSeparator + location(NodeProcess.class);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classpath));
        if (flag != null) {
            command.add(flag);
        }
        command.add(WarningFlagsMain.class.getName());
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().remove("NODE_NO_WARNINGS");
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        pb.environment().remove("JDK_JAVA_OPTIONS");
        pb.environment().putAll(env);
        Process child = pb.start();
        // a guard against a hung child, not a timing assertion
        if (!child.waitFor(2, TimeUnit.MINUTES)) {
            child.destroyForcibly();
            throw new AssertionError("child JVM did not end");
        }
        return new Result(child.pid(), child.exitValue(), lines(out), lines(err));
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void withoutFlags() throws Exception {
        // node -e "$S" → stdout: sync / exit 0 [ 'Warning', 'DeprecationWarning', 'Warning' ]
        // stderr: (node:PID) Warning: w / (Use `node --trace-warnings ...` …) / (node:PID) [DEP0001] DeprecationWarning: a
        //         / (node:PID) Warning: w2
        Result r = runChild(null, Map.of());
        assertEquals(List.of("sync", "exit 0 [Warning, DeprecationWarning, Warning]", "run 0"), r.out(), r::toString);
        assertEquals(List.of(r.prefix() + "Warning: w", HINT, r.prefix() + "[DEP0001] DeprecationWarning: a",
                r.prefix() + "Warning: w2"), r.err());
        assertEquals(0, r.status());
    }

    @Test
    void noDeprecationDropsDeprecationWarnings() throws Exception {
        // node --no-deprecation -e "$S" → sync / exit 0 [ 'Warning', 'Warning' ]; stderr: w, hint, w2
        Result r = runChild("-Dnodeshim.noDeprecation=true", Map.of());
        assertEquals(List.of("sync", "exit 0 [Warning, Warning]", "run 0"), r.out(), r::toString);
        assertEquals(List.of(r.prefix() + "Warning: w", HINT, r.prefix() + "Warning: w2"), r.err());
    }

    @Test
    void throwDeprecationThrowsOnTheNextTick() throws Exception {
        // node --throw-deprecation -e "$S" → sync / exit 1 [ 'Warning' ]; $? = 1; stderr: w, hint, then the
        // thrown "DeprecationWarning: a" with its stack; w2 is never emitted
        Result r = runChild("-Dnodeshim.throwDeprecation=true", Map.of());
        assertEquals(List.of("sync", "exit 1 [Warning]", "run 1"), r.out(), r::toString);
        assertEquals(List.of(r.prefix() + "Warning: w", HINT, "DeprecationWarning: a"), r.err().subList(0, 3),
                r::toString);
        assertTrue(r.err().get(3).startsWith("\tat "), r::toString);
        assertFalse(r.err().stream().anyMatch(line -> line.contains("w2")), r::toString);
    }

    @Test
    void nodeNoWarningsSilencesStderrButNotTheEvent() throws Exception {
        // NODE_NO_WARNINGS=1 node -e "$S" → sync / exit 0 [ 'Warning', 'DeprecationWarning', 'Warning' ]; empty stderr
        Result r = runChild(null, Map.of("NODE_NO_WARNINGS", "1"));
        assertEquals(List.of("sync", "exit 0 [Warning, DeprecationWarning, Warning]", "run 0"), r.out(), r::toString);
        assertEquals(List.of(), r.err());
    }

    @Test
    void traceWarningsPrintsStacksAndNoHint() throws Exception {
        // node --trace-warnings -e "$S" → (node:PID) Warning: w, then its stack ("    at …"), no hint;
        // (node:PID) [DEP0001] DeprecationWarning: a with its stack; …
        Result r = runChild("-Dnodeshim.traceWarnings=true", Map.of());
        assertEquals(List.of("sync", "exit 0 [Warning, DeprecationWarning, Warning]", "run 0"), r.out(), r::toString);
        List<String> heads = r.err().stream().filter(line -> !line.startsWith("\tat ")).toList();
        assertEquals(List.of(r.prefix() + "Warning: w", r.prefix() + "[DEP0001] DeprecationWarning: a",
                r.prefix() + "Warning: w2"), heads, r::toString);
        assertTrue(r.err().get(1).startsWith("\tat "), r::toString);
    }
}
