package dev.nodeshim.childprocess;

import static dev.nodeshim.childprocess.ChildProcesses.fork;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nodeshim.errors.NodeError;
import dev.nodeshim.loop.EventLoop;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * fork's {@code uid}/{@code gid}: node 20's errors, and (as root, with the native library) a child running
 * as nobody over a channel handed to it as a descriptor — {@code src/test/resources/node/fork-uid.js} and
 * its {@code .out}, replayed by {@link ForkUidScenario} in a parent JVM whose class path is jars nobody may
 * read (the build's class path lies partly in root's private {@code ~/.m2}).
 */
class ForkUidTest {
    @TempDir
    Path tmp;

    private static boolean root() {
        return Credentials.ours().effectiveUid(null) == 0;
    }

    private static boolean setpriv() {
        return Files.isExecutable(Path.of("/usr/bin/setpriv")) || Files.isExecutable(Path.of("/bin/setpriv"));
    }

    /** node 20 (any user): fork throws `Error: spawn EINVAL` for -1 at once — errno -22, code, syscall and nothing else. */
    @Test
    void minusOneIsThrownEinval() {
        EventLoop.run(() -> {
            for (ForkOptions o : List.of(ForkOptions.defaults().uid(-1), ForkOptions.defaults().gid(-1).uid(65534),
                    ForkOptions.defaults().uid(-1).stdio("ignore").execArgv(List.of("-Xmx8m")))) {
                NodeError e = assertThrows(NodeError.class, () -> fork(ForkUidScenario.Quick.class, List.of(), o));
                assertEquals("Error", e.name());
                assertEquals("spawn EINVAL", e.getMessage());
                assertEquals(List.of("errno", "code", "syscall"), List.copyOf(e.props().keySet()));
                assertEquals(-22, e.prop("errno"));
                assertEquals("EINVAL", e.prop("code"));
                assertEquals("spawn", e.prop("syscall"));
            }
        });
    }

    /** node 20 as nobody: fork with uid 0 or gid 0 throws `Error: spawn EPERM` (errno -1). */
    @Test
    void anotherUsersIdIsEpermWithoutCapabilities() {
        assumeFalse(root(), "as root every id is permitted (the root run checks EPERM from a child running as nobody)");
        EventLoop.run(() -> {
            NodeError e = assertThrows(NodeError.class,
                    () -> fork(ForkUidScenario.Quick.class, List.of(), ForkOptions.defaults().uid(0)));
            assertEquals("spawn EPERM", e.getMessage());
            assertEquals(-1, e.prop("errno"));
            assertEquals("EPERM", e.prop("code"));
        });
    }

    /**
     * node 20: uid -1 with a missing cwd is the cwd's ENOENT, as an 'error' event (`spawn /usr/bin/node
     * ENOENT`, errno -2, path and spawnargs), then 'close' -2 null.
     */
    @Test
    void aMissingCwdComesBeforeTheIds() {
        List<String> trace = new ArrayList<>();
        EventLoop.run(() -> {
            ChildProcess c = fork(ForkUidScenario.Quick.class, List.of("a"),
                    ForkOptions.defaults().uid(-1).cwd("/nonexistent-nodeshim-dir"));
            c.on("error", (NodeError e) -> trace.add(e.getMessage().equals("spawn " + c.spawnfile() + " ENOENT")
                    + " " + e.prop("errno") + " " + e.prop("path").equals(c.spawnfile())));
            c.on("close", (Integer code, String sig) -> trace.add("close " + code + " " + sig));
        });
        assertEquals(List.of("true -2 true", "close -2 null"), trace);
    }

    /** The options carry uid and gid through every other wither. */
    @Test
    void theIdsSurviveOtherOptions() {
        ForkOptions o = ForkOptions.defaults().uid(7).gid(8).execArgv(List.of("-Xmx8m")).stdio("pipe").silent(true)
                .serialization("advanced").cwd("/tmp").env(java.util.Map.of());
        assertEquals(7, o.options.uid);
        assertEquals(8, o.options.gid);
        assertNull(ForkOptions.defaults().options.uid);
        assertNull(ForkOptions.defaults().stdio(List.of("ignore", "ipc")).options.gid);
    }

    /** Without the native library the channel can only go by a path nobody else may reach: refused before any start. */
    @Test
    void anotherUserNeedsTheNativeLibrary() {
        assumeTrue(root() && !NativeSpawn.AVAILABLE, "only without the native library, as root");
        EventLoop.run(() -> assertThrows(UnsupportedOperationException.class,
                () -> fork(ForkUidScenario.Quick.class, List.of(), ForkOptions.defaults().uid(65534))));
    }

    /** See {@link ForkUidScenario}: its output is fork-uid.out, then the class-data archive's two answers. */
    @Test
    void aChildRunningAsNobodyTalksBothWays() throws Exception {
        assumeTrue(root(), "a child of another user needs root (CAP_SETUID)");
        assumeTrue(setpriv(), "no util-linux setpriv");
        assumeTrue(NativeSpawn.AVAILABLE, "the channel goes to another user as a descriptor: needs the native library");
        // nobody must reach the class path: jars in a directory open to all
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
        String cp = JarClassPath.in(tmp.resolve("jars"));
        Path cds = tmp.resolve("cds");
        Path out = tmp.resolve("out.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-XX:-UsePerfData",
                "-D" + ClassDataArchive.DIR + "=" + cds, "-cp", cp,
                ForkUidScenario.class.getName())
                .directory(tmp.toFile()).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertTrue(p.waitFor(100, TimeUnit.SECONDS), "the scenario did not end");
        String output = Files.readString(out);
        assertEquals(0, p.exitValue(), output);
        List<String> expected = new ArrayList<>(nodeOut("fork-uid.out"));
        expected.addAll(List.of("archive for our user: true", "archive for nobody: false"));
        assertEquals(expected, output.lines().toList());
    }

    private static List<String> nodeOut(String name) throws IOException {
        try (InputStream in = ForkUidTest.class.getResourceAsStream("/node/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }
}
