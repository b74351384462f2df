package dev.nodeshim.childprocess;

import static dev.nodeshim.childprocess.ChildProcesses.execFileSync;
import static dev.nodeshim.childprocess.ChildProcesses.execSync;
import static dev.nodeshim.childprocess.ChildProcesses.spawnSync;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nodeshim.buffer.Buffer;
import dev.nodeshim.errors.NodeError;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Expected values are what node 20 printed for the same calls (see the test names). */
class SpawnSyncTest {

    /** The JDK words a failed exec differently by version; both give the errno. */
    @Test
    void startErrnoReadsEveryJdksWording() {
        assertEquals(-13, ChildProcesses.startErrno(new java.io.IOException(
                "Cannot run program \"/etc/passwd\": error=13, Permission denied")));             // JDK 17
        assertEquals(-13, ChildProcesses.startErrno(new java.io.IOException(
                "Cannot run program \"/etc/passwd\": Exec failed, error: 13 (Permission denied) "))); // JDK 25
        assertEquals(-2, ChildProcesses.startErrno(new java.io.IOException(
                "Cannot run program \"nope\": Exec failed, error: 2 (No such file or directory) ")));
        // node 20: spawnSync('/etc/passwd').error.code is EACCES, errno -13
        assertEquals("EACCES", spawnSync("/etc/passwd").error().code());
    }
    private static final SpawnSyncOptions UTF8 = SpawnSyncOptions.defaults().encoding("utf8");

    @Test
    void bytesByDefaultWithStatusAndOutputArray() {
        SpawnSyncResult r = spawnSync("sh", List.of("-c", "printf hi; printf err >&2; exit 3"));
        assertEquals(3, r.status());
        assertNull(r.signal());
        assertNull(r.error());
        assertTrue(r.pid() > 0);
        assertInstanceOf(Buffer.class, r.stdout());
        assertArrayEquals("hi".getBytes(), ((Buffer) r.stdout()).toByteArray());
        assertArrayEquals("err".getBytes(), ((Buffer) r.stderr()).toByteArray());
        assertEquals(3, r.output().size());
        assertNull(r.output().get(0));
        assertEquals(r.stdout(), r.output().get(1));
    }

    @Test
    void inputAndNamedEncodingGiveStrings() {
        SpawnSyncResult r = spawnSync("cat", List.of(), UTF8.input("abc"));
        assertEquals(0, r.status());
        assertEquals("abc", r.stdout());
        assertEquals("", r.stderr());
        assertEquals(Arrays.asList(null, "abc", ""), r.output());
    }

    @Test
    void missingProgramIsEnoentLikeNode() {
        // node: spawnSync nope ENOENT -2 ENOENT spawnSync nope nope [ 'a b' ] null null null 0
        SpawnSyncResult r = spawnSync("nope-nodeshim-missing", List.of("a b"));
        NodeError e = r.error();
        assertEquals("spawnSync nope-nodeshim-missing ENOENT", e.getMessage());
        assertEquals("ENOENT", e.code());
        assertEquals(-2, e.prop("errno"));
        assertEquals("spawnSync nope-nodeshim-missing", e.prop("syscall"));
        assertEquals("nope-nodeshim-missing", e.prop("path"));
        assertEquals(List.of("a b"), e.prop("spawnargs"));
        assertEquals(List.of("errno", "code", "syscall", "path", "spawnargs"), List.copyOf(e.props().keySet()));
        assertNull(r.status());
        assertNull(r.signal());
        assertNull(r.output());
        assertNull(r.stdout());
        assertEquals(0, r.pid());
    }

    @Test
    void badCwdIsEnoentNamingTheCommand() {
        // node: spawnSync cat ENOENT ENOENT -2 cat spawnSync cat
        SpawnSyncResult r = spawnSync("cat", List.of(), SpawnSyncOptions.defaults().cwd("/nonexistent-nodeshim"));
        assertEquals("spawnSync cat ENOENT", r.error().getMessage());
        assertEquals("cat", r.error().prop("path"));
    }

    @Test
    void normalExitAndDeathBySignal() {
        assertEquals(new ExitStatus(0, null), status(spawnSync("true")));
        assertEquals(new ExitStatus(1, null), status(spawnSync("false")));
        assertEquals(new ExitStatus(128, null), status(spawnSync("sh", List.of("-c", "exit 128"))));
        assertEquals(new ExitStatus(200, null), status(spawnSync("sh", List.of("-c", "exit 200"))));
        // node: null SIGTERM — the child killed itself
        assertEquals(new ExitStatus(null, "SIGTERM"), status(spawnSync("sh", List.of("-c", "kill $$"))));
        assertEquals(new ExitStatus(null, "SIGKILL"), status(spawnSync("sh", List.of("-c", "kill -9 $$"))));
        assertEquals(new ExitStatus(null, "SIGUSR1"), status(spawnSync("sh", List.of("-c", "kill -USR1 $$"))));
    }

    @Test
    void exitCodesThatLookLikeSignalsAreExitCodes() {
        // node: 143 null — the JDK alone folds exit(143) and SIGTERM into one value (see ExitStatus)
        assumeTrue(NativeSpawn.AVAILABLE, "exact statuses need the native library");
        for (int code = 129; code <= 159; code++) {
            assertEquals(new ExitStatus(code, null), status(spawnSync("sh", List.of("-c", "exit " + code))));
        }
    }

    @Test
    void timeoutKillsWithKillSignalAndReportsEtimedout() {
        // node: null SIGKILL spawnSync sh ETIMEDOUT (errno -110)
        for (String sig : List.of("SIGTERM", "SIGKILL", "SIGINT")) {
            SpawnSyncResult r = spawnSync("sh", List.of("-c", "exec sleep 30"),
                    SpawnSyncOptions.defaults().timeout(Duration.ofMillis(100)).killSignal(sig));
            assertNull(r.status());
            assertEquals(sig, r.signal());
            assertEquals("spawnSync sh ETIMEDOUT", r.error().getMessage());
            assertEquals(-110, r.error().prop("errno"));
            assertEquals("ETIMEDOUT", r.error().code());
        }
    }

    @Test
    void maxBufferKillsAndReportsEnobufs() {
        // node (default 1 MiB): spawnSync sh ENOBUFS, signal SIGTERM, stdout a little over 1 MiB
        SpawnSyncResult r = spawnSync("sh", List.of("-c", "head -c 2000000 /dev/zero"));
        assertEquals("spawnSync sh ENOBUFS", r.error().getMessage());
        assertEquals(-105, r.error().prop("errno"));
        assertEquals("SIGTERM", r.signal());
        int n = ((Buffer) r.stdout()).length();
        assertTrue(n > 1024 * 1024 && n < 2000000, "kept " + n);
        SpawnSyncResult small = spawnSync("printf", List.of("12345"), SpawnSyncOptions.defaults().maxBuffer(5));
        assertNull(small.error(), "exactly maxBuffer is not an overflow");
        // node: maxBuffer 4 → ENOBUFS, stdout length 5, SIGTERM
        SpawnSyncResult over = spawnSync("printf", List.of("12345"), SpawnSyncOptions.defaults().maxBuffer(4));
        assertEquals("ENOBUFS", over.error().code());
        assertEquals(5, ((Buffer) over.stdout()).length());
    }

    @Test
    void envReplacesTheEnvironmentAndShellJoinsArgs() {
        SpawnSyncResult r = spawnSync("sh", List.of("-c", "echo $FOO"),
                SpawnSyncOptions.defaults().env(Map.of("FOO", "bar")).encoding("latin1"));
        assertEquals("bar\n", r.stdout());
        SpawnSyncResult s = spawnSync("echo", List.of("$X", "z"),
                UTF8.shell(true).env(Map.of("X", "y")));
        assertEquals("y z\n", s.stdout());
    }

    @Test
    void argumentsArriveByteExactWithoutShell() {
        List<String> nasty = List.of("a b", "'q'", "\"dq\"", "$(echo no)", "`echo no`", "l1\nl2", "héllo ✓ 😀",
                "*", "", "\\", ";|&");
        SpawnSyncResult r = spawnSync("printf", concat(List.of("%s\\0"), nasty));
        StringBuilder expected = new StringBuilder();
        for (String a : nasty) {
            expected.append(a).append('\0');
        }
        assertArrayEquals(expected.toString().getBytes(StandardCharsets.UTF_8), ((Buffer) r.stdout()).toByteArray());
        Object out = execFileSync("printf", concat(List.of("%s|"), nasty), UTF8);
        assertEquals(String.join("|", nasty) + "|", out);
    }

    @Test
    void execFileSyncThrowsLikeNode() {
        // node: "Command failed: sh -c printf out; printf err >&2; exit 2\nerr", status 2, signal null
        NodeError e = assertThrows(NodeError.class, () -> execFileSync("sh",
                List.of("-c", "printf out; printf err >&2; exit 2"), SpawnSyncOptions.defaults().stdio("pipe")));
        assertEquals("Command failed: sh -c printf out; printf err >&2; exit 2\nerr", e.getMessage());
        assertEquals("Error", e.name());
        assertNull(e.code());
        assertEquals(List.of("status", "signal", "output", "pid", "stdout", "stderr"), List.copyOf(e.props().keySet()));
        assertEquals(2, e.prop("status"));
        assertNull(e.prop("signal"));
        assertArrayEquals("out".getBytes(), ((Buffer) e.prop("stdout")).toByteArray());
        assertArrayEquals("err".getBytes(), ((Buffer) e.prop("stderr")).toByteArray());
    }

    @Test
    void execSyncUsesTheShellAndThrowsLikeNode() {
        assertEquals("x", execSync("printf x", UTF8));
        assertArrayEquals("x".getBytes(), ((Buffer) execSync("printf x")).toByteArray());
        // node: "Command failed: exit 4" (no newline when stderr is empty)
        NodeError e = assertThrows(NodeError.class, () -> execSync("exit 4", SpawnSyncOptions.defaults().stdio("pipe")));
        assertEquals("Command failed: exit 4", e.getMessage());
        // node: "Command failed: kill $$" null SIGTERM
        NodeError k = assertThrows(NodeError.class, () -> execSync("kill $$", SpawnSyncOptions.defaults().stdio("pipe")));
        assertEquals("Command failed: kill $$", k.getMessage());
        assertNull(k.prop("status"));
        assertEquals("SIGTERM", k.prop("signal"));
    }

    @Test
    void execFileSyncOfMissingProgramThrowsTheSpawnErrorWithResultFields() {
        // node: "spawnSync nope ENOENT", keys errno code syscall path spawnargs error status signal output pid stdout stderr
        NodeError e = assertThrows(NodeError.class, () -> execFileSync("nope-nodeshim-missing", List.of("x")));
        assertEquals("spawnSync nope-nodeshim-missing ENOENT", e.getMessage());
        assertEquals("ENOENT", e.code());
        assertEquals(List.of("x"), e.prop("spawnargs"));
        assertTrue(e.props().containsKey("status"));
        assertNull(e.prop("status"));
    }

    @Test
    void badOptionsGetNodeErrors() {
        NodeError sig = assertThrows(NodeError.class, () -> SpawnSyncOptions.defaults().killSignal("SIGFOO"));
        assertEquals("TypeError [ERR_UNKNOWN_SIGNAL]: Unknown signal: SIGFOO", sig.toString());
        NodeError enc = assertThrows(NodeError.class, () -> SpawnSyncOptions.defaults().encoding("nope"));
        assertEquals("ERR_UNKNOWN_ENCODING", enc.code());
        // node 20: The argument 'stdio' is invalid. Received 'bogus' ('inherit' and 'ignore': SyncStdioTest)
        assertEquals("ERR_INVALID_ARG_VALUE", assertThrows(NodeError.class, () -> SpawnSyncOptions.defaults().stdio("bogus")).code());
        // node 20: spawnSync('true', [], {timeout: -1}) (execSync and execFileSync say the same)
        NodeError timeout = assertThrows(NodeError.class, () -> SpawnSyncOptions.defaults().timeout(Duration.ofMillis(-1)));
        assertEquals("RangeError [ERR_OUT_OF_RANGE]: The value of \"timeout\" is out of range. It must be an unsigned "
                + "integer. Received -1", timeout.toString());
        // node 20: spawnSync('true', [], {maxBuffer: -1}), and execFile's the same; 0 is allowed
        String maxBuffer = "RangeError [ERR_OUT_OF_RANGE]: The value of \"options.maxBuffer\" is out of range. It must "
                + "be a positive number. Received -1";
        assertEquals(maxBuffer, assertThrows(NodeError.class, () -> SpawnSyncOptions.defaults().maxBuffer(-1)).toString());
        assertEquals(maxBuffer, assertThrows(NodeError.class, () -> SpawnOptions.defaults().maxBuffer(-1)).toString());
        assertEquals(0, SpawnSyncOptions.defaults().maxBuffer(0).options.maxBuffer);
    }

    private static ExitStatus status(SpawnSyncResult r) {
        assertNull(r.error());
        return new ExitStatus(r.status(), r.signal());
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** node 20: spawnSync('sh', ['-c', 'echo $0'], {argv0: 'custom'}).stdout is "custom\n"; detached leads its group. */
    @Test
    void argv0AndDetachedInTheSyncForm() {
        SpawnSyncResult r = spawnSync("sh", List.of("-c", "echo $0"),
                SpawnSyncOptions.defaults().argv0("custom").encoding("utf8"));
        assertEquals("custom\n", r.stdout());
        SpawnSyncResult d = spawnSync("sh", List.of("-c", "cat /proc/$$/stat"),
                SpawnSyncOptions.defaults().detached(true).encoding("utf8"));
        String[] stat = d.stdout().toString().split(" ");
        assertEquals(List.of(d.pid(), d.pid(), d.pid()),
                List.of(Long.parseLong(stat[0]), Long.parseLong(stat[4]), Long.parseLong(stat[5])));
        NodeError missing = spawnSync("nope-xyz", List.of(), SpawnSyncOptions.defaults().argv0("x")).error();
        assertEquals("spawnSync nope-xyz ENOENT", missing.getMessage());
    }

    /**
     * node 20: the Sync forms wait for the end of file of stdout and stderr, not for the exit, so a
     * grandchild's later output is there: spawnSync gives "early\nlate\n" (status 0) on either stream,
     * execSync and execFileSync return it.
     */
    @Test
    void syncFormsWaitForGrandchildrenToCloseTheirStdio() {
        String late = "(sleep 0.1; echo late) & echo early";
        SpawnSyncResult r = spawnSync("sh", List.of("-c", late), UTF8);
        assertEquals(List.of("early\nlate\n", 0), Arrays.asList(r.stdout(), r.status()));
        SpawnSyncResult e = spawnSync("sh", List.of("-c", "(sleep 0.1; echo late >&2) & echo early >&2"), UTF8);
        assertEquals(List.of("early\nlate\n", 0), Arrays.asList(e.stderr(), e.status()));
        assertEquals("early\nlate\n", execSync(late, UTF8));
        assertEquals("early\nlate\n", execFileSync("sh", List.of("-c", late), UTF8));
    }

    /**
     * node 20: spawnSync('sh', ['-c', 'sleep 5 & echo early'], {timeout: 200}) — the child exits at once
     * but its grandchild holds stdout: ETIMEDOUT with the child's own status 0, signal null, stdout
     * "early\n". The grandchild's pid is printed so that the test can end it.
     */
    @Test
    void timeoutCountsUntilTheStdioIsClosed() {
        SpawnSyncResult r = spawnSync("sh", List.of("-c", "sleep 5 & echo $!; echo early"),
                UTF8.timeout(Duration.ofMillis(200)));
        String[] lines = r.stdout().toString().split("\n");
        ProcessHandle.of(Long.parseLong(lines[0])).ifPresent(ProcessHandle::destroy);
        assertEquals("early", lines[1]);
        assertEquals("spawnSync sh ETIMEDOUT", r.error().getMessage());
        assertEquals(0, r.status());
        assertNull(r.signal());
    }

    /**
     * node 20: spawnSync('sh', ['-c', 'exec >&- 2>&-; sleep 5'], {timeout: 200}) — the pipes end at once,
     * the exit does not: ETIMEDOUT, killed with SIGTERM, stdout "".
     */
    @Test
    void timeoutStillCountsAfterTheChildClosedItsStdio() {
        SpawnSyncResult r = spawnSync("sh", List.of("-c", "exec >&- 2>&-; sleep 5"), UTF8.timeout(Duration.ofMillis(200)));
        assertEquals("spawnSync sh ETIMEDOUT", r.error().getMessage());
        assertEquals(Arrays.asList("", null, "SIGTERM"), Arrays.asList(r.stdout(), r.status(), r.signal()));
    }
}
