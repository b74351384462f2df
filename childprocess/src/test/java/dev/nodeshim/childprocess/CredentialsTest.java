package dev.nodeshim.childprocess;

import static dev.nodeshim.childprocess.ChildProcesses.execFileSync;
import static dev.nodeshim.childprocess.ChildProcesses.spawn;
import static dev.nodeshim.childprocess.ChildProcesses.spawnSync;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nodeshim.buffer.Buffer;
import dev.nodeshim.errors.NodeError;
import dev.nodeshim.loop.EventLoop;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code uid}/{@code gid} options. Expected values are node 20's for the same calls, run as root
 * (the children's ids need root here: the tests that start children are skipped for another user or
 * where util-linux's setpriv is missing). EPERM needs a process without CAP_SETUID: the decision is
 * tested on status lines of such a process, and the error that spawn throws for it shares its path
 * with EINVAL's, which is tested for real.
 */
class CredentialsTest {
    private static final String IDS = "id -u; id -g; id -G";

    private static void assumeRootWithSetpriv() {
        Credentials ours = Credentials.ours();
        assumeTrue(ours.effectiveUid(null) == 0, "not root");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")) || Files.isExecutable(Path.of("/bin/setpriv")),
                "no setpriv");
    }

    private static String ids(SpawnSyncOptions o) {
        SpawnSyncResult r = spawnSync("sh", List.of("-c", IDS), o.encoding("utf8"));
        assertNull(r.error());
        assertEquals(0, r.status());
        return (String) r.stdout();
    }

    @Test
    void uidAndGidAsNodeSetsThem() {
        assumeRootWithSetpriv();
        SpawnSyncOptions o = SpawnSyncOptions.defaults();
        // node 20: "65534\n65534\n65534\n", "65534\n0\n0\n", "0\n65534\n65534\n", "12345\n12345\n12345\n"
        assertEquals("65534\n65534\n65534\n", ids(o.uid(65534).gid(65534)));
        assertEquals("65534\n0\n0\n", ids(o.uid(65534)));
        assertEquals("0\n65534\n65534\n", ids(o.gid(65534)));
        assertEquals("12345\n12345\n12345\n", ids(o.uid(12345).gid(12345))); // ids no user has
    }

    @Test
    void minusOneIsEinval() {
        assumeRootWithSetpriv();
        // node 20: error EINVAL, errno -22, syscall 'spawnSync /usr/bin/id', path '/usr/bin/id', spawnargs []
        SpawnSyncResult r = spawnSync("/usr/bin/id", List.of(), SpawnSyncOptions.defaults().uid(-1));
        assertEquals("spawnSync /usr/bin/id EINVAL", r.error().getMessage());
        assertEquals(-22, r.error().prop("errno"));
        assertEquals("EINVAL", r.error().prop("code"));
        assertEquals("/usr/bin/id", r.error().prop("path"));
        assertNull(r.status());
        // node 20: execFileSync throws it, status null
        NodeError e = assertThrows(NodeError.class,
                () -> execFileSync("/usr/bin/id", List.of(), SpawnSyncOptions.defaults().gid(-1)));
        assertEquals("spawnSync /usr/bin/id EINVAL", e.getMessage());
        assertNull(e.prop("status"));
        // node 20: spawn throws `Error: spawn EINVAL` at once: errno -22, code, syscall 'spawn' and nothing else
        EventLoop.run(() -> {
            NodeError thrown = assertThrows(NodeError.class,
                    () -> spawn("/usr/bin/id", List.of(), SpawnOptions.defaults().uid(-1)));
            assertEquals("spawn EINVAL", thrown.getMessage());
            assertEquals(-22, thrown.prop("errno"));
            assertEquals("EINVAL", thrown.prop("code"));
            assertEquals("spawn", thrown.prop("syscall"));
            assertNull(thrown.prop("path"));
        });
    }

    @Test
    void aMissingCwdIsReportedBeforeTheIds() {
        assumeRootWithSetpriv();
        // node 20: uid -1 with cwd '/nonexistent' gives ENOENT (the child changes directory first)
        SpawnSyncResult r = spawnSync("/usr/bin/id", List.of(),
                SpawnSyncOptions.defaults().uid(-1).cwd(Path.of("/nonexistent-nodeshim-dir")));
        assertEquals("ENOENT", r.error().prop("code"));
    }

    /** setpriv execs the command: the pid, spawnfile and spawnargs are the command's; argv0 still works. */
    @Test
    void theChildKeepsItsPidAndArgs() {
        assumeRootWithSetpriv();
        List<String> events = new ArrayList<>();
        EventLoop.run(() -> {
            ChildProcess c = spawn("sh", List.of("-c", "echo $$; echo $0"),
                    SpawnOptions.defaults().uid(65534).gid(65534).argv0("renamed"));
            StringBuilder out = new StringBuilder();
            c.stdout().on("data", (Buffer b) -> out.append(b.toString()));
            c.on("close", (Integer code, String signal) -> {
                events.add("pid same " + out.toString().startsWith(c.pid() + "\n") + " "
                        + out.substring(out.indexOf("\n") + 1).trim());
                events.add("close " + code + " " + c.spawnfile() + " " + c.spawnargs());
            });
        });
        // node 20 (without argv0): `echo $$` is the child's pid; with argv0 'renamed': $0 is 'renamed',
        // spawnfile 'sh', spawnargs ['renamed', '-c', ...]
        assertEquals(List.of("pid same true renamed", "close 0 sh [renamed, -c, echo $$; echo $0]"), events);
    }

    /** The program is looked up as the child's user: a directory it cannot search gives EACCES. */
    @Test
    void theProgramIsCheckedAsTheNewUser(@TempDir Path dir) throws IOException {
        assumeRootWithSetpriv();
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path locked = Files.createDirectory(dir.resolve("locked"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        Path open = Files.createDirectory(dir.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxr-xr-x"));
        for (Path d : List.of(locked, open)) {
            Path prog = Files.writeString(d.resolve("prog"), "#!/bin/sh\n/usr/bin/id -u\n");
            Files.setPosixFilePermissions(prog, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Path ownerOnly = Files.writeString(open.resolve("owneronly"), "#!/bin/sh\n/usr/bin/id -u\n");
        Files.setPosixFilePermissions(ownerOnly, PosixFilePermissions.fromString("rwxr--r--"));
        SpawnSyncOptions nobody = SpawnSyncOptions.defaults().uid(65534).gid(65534).encoding("utf8");

        // node 20: "65534\n"; EACCES (errno -13, path, spawnargs ['a']); EACCES for mode 744 (root runs it)
        assertEquals("65534\n", spawnSync(open.resolve("prog").toString(), List.of("a"), nobody).stdout());
        SpawnSyncResult r = spawnSync(locked.resolve("prog").toString(), List.of("a"), nobody);
        assertEquals("spawnSync " + locked.resolve("prog") + " EACCES", r.error().getMessage());
        assertEquals(-13, r.error().prop("errno"));
        assertEquals(List.of("a"), r.error().prop("spawnargs"));
        assertEquals("EACCES", spawnSync(ownerOnly.toString(), List.of(), nobody).error().prop("code"));
        assertEquals("0\n", spawnSync(ownerOnly.toString(), List.of(), SpawnSyncOptions.defaults().encoding("utf8"))
                .stdout());
        // node 20: a PATH entry it cannot search makes EACCES; a program on no entry ENOENT;
        // './prog' in a cwd it cannot search EACCES
        assertEquals("EACCES", spawnSync("prog", List.of(), nobody.env(Map.of("PATH", locked.toString())))
                .error().prop("code"));
        assertEquals("ENOENT", spawnSync("nope", List.of(), nobody.env(Map.of("PATH", open.toString())))
                .error().prop("code"));
        assertEquals("EACCES", spawnSync("./prog", List.of(), nobody.cwd(locked)).error().prop("code"));

        // node 20, spawn: 'error' `spawn <path> EACCES` (errno -13, syscall 'spawn <path>', spawnargs ['a']),
        // then 'close' -13 null
        List<String> events = new ArrayList<>();
        EventLoop.run(() -> {
            ChildProcess c = spawn(locked.resolve("prog").toString(), List.of("a"), SpawnOptions.defaults().uid(65534));
            c.on("error", (NodeError e) -> events.add(e.getMessage() + " " + e.prop("errno") + " " + e.prop("spawnargs")));
            c.on("close", (Integer code, String signal) -> events.add("close " + code + " " + signal));
        });
        assertEquals(List.of("spawn " + locked.resolve("prog") + " EACCES -13 [a]", "close -13 null"), events);
    }

    // ---------------------------------------------------------------------------------------------
    // The decision, on the status of a process without capabilities (uid 1000, gid 100)

    private static final Credentials UNPRIVILEGED = Credentials.parse(List.of(
            "Name:\tjava", "Uid:\t1000\t1000\t1000\t1000", "Gid:\t100\t100\t100\t100", "CapEff:\t0000000000000000"));
    private static final Credentials ROOT = Credentials.parse(List.of(
            "Uid:\t0\t0\t0\t0", "Gid:\t0\t0\t0\t0", "CapEff:\t000001ffffffffff"));

    @Test
    void withoutCapabilitiesOnlyOurOwnIdsArePermitted() {
        assertEquals(Credentials.EPERM, UNPRIVILEGED.check(0, null));
        assertEquals(Credentials.EPERM, UNPRIVILEGED.check(null, 0));
        assertEquals(Credentials.EPERM, UNPRIVILEGED.check(1000, 0)); // the gid is refused first
        assertEquals(Credentials.EINVAL, UNPRIVILEGED.check(-1, null));
        assertEquals(0, UNPRIVILEGED.check(1000, 100));
        // node 20 as nobody with its own ids: the child runs (setgroups fails and is ignored): no wrapper
        assertEquals(List.of(), UNPRIVILEGED.setpriv(1000, 100));
    }

    @Test
    void withCapabilitiesAnyIdIsSetAndGroupsCleared() {
        assertEquals(0, ROOT.check(65534, 65534));
        assertEquals(0, ROOT.check(-2, null)); // node 20: uid -2 runs as 4294967294
        assertEquals(Credentials.EINVAL, ROOT.check(65534, -1));
        assertEquals(List.of("setpriv", "--clear-groups", "--regid=65534", "--reuid=65534", "--"),
                ROOT.setpriv(65534, 65534));
        assertEquals(List.of("setpriv", "--clear-groups", "--reuid=4294967294", "--"), ROOT.setpriv(-2, null));
        assertEquals(List.of(), ROOT.setpriv(null, null));
    }

    /** node 20 as nobody, spawn with uid 0: throws `Error: spawn EPERM` with errno -1, code, syscall only. */
    @Test
    void epermIsNodesThrownError() {
        NodeError e = ChildProcesses.spawnError(Credentials.EPERM);
        assertEquals("spawn EPERM", e.getMessage());
        assertEquals(-1, e.prop("errno"));
        assertEquals("EPERM", e.prop("code"));
        assertEquals("spawn", e.prop("syscall"));
        assertTrue(e.prop("path") == null && e.prop("spawnargs") == null);
    }
}
