package dev.nodeshim.childprocess;

import static dev.nodeshim.childprocess.ChildProcesses.execFile;
import static dev.nodeshim.childprocess.ChildProcesses.spawn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.nodeshim.errors.NodeError;
import dev.nodeshim.events.AbortController;
import dev.nodeshim.events.AbortSignal;
import dev.nodeshim.loop.EventLoop;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code signal} option; expected traces printed by node 20 for the same scripts. */
class AbortTest {

    private static void trace(ChildProcess c, List<String> t) {
        c.on("spawn", () -> t.add("spawn"));
        c.on("error", (NodeError e) -> t.add("error " + e.name() + " " + e.code() + " " + e.getMessage()
                + " cause=" + e.prop("cause")));
        c.on("exit", (Integer code, String signal) -> t.add("exit " + code + " " + signal));
        c.on("close", (Integer code, String signal) -> t.add("close " + code + " " + signal));
    }

    /** node: abort while running → error at once (inside abort()), then exit/close by SIGTERM. */
    @Test
    void abortWhileRunningKillsAndErrorsAtOnce() {
        List<String> t = new ArrayList<>();
        EventLoop.run(() -> {
            AbortController ac = new AbortController();
            ChildProcess c = spawn("sleep", List.of("5"), SpawnOptions.defaults().signal(ac.signal()));
            trace(c, t);
            c.on("spawn", () -> {
                ac.abort("why");
                t.add("after abort, killed=" + c.killed());
            });
        });
        assertEquals(List.of("spawn", "error AbortError ABORT_ERR The operation was aborted cause=why",
                "after abort, killed=true", "exit null SIGTERM", "close null SIGTERM"), t);
    }

    /** node: a signal aborted before the start → spawn, then error, then the kill's exit. */
    @Test
    void alreadyAbortedSignalErrorsAfterSpawn() {
        List<String> t = new ArrayList<>();
        EventLoop.run(() -> {
            ChildProcess c = spawn("sleep", List.of("5"), SpawnOptions.defaults().signal(AbortSignal.abort("early")));
            trace(c, t);
        });
        assertEquals(List.of("spawn", "error AbortError ABORT_ERR The operation was aborted cause=early",
                "exit null SIGTERM", "close null SIGTERM"), t);
    }

    /** node: execFile's callback gets the AbortError with cmd, and no killed/signal props. */
    @Test
    void execFileCallsBackWithTheAbortError() {
        List<Object> got = new ArrayList<>();
        EventLoop.run(() -> {
            AbortController ac = new AbortController();
            ChildProcess c = execFile("sleep", List.of("5"), SpawnOptions.defaults().signal(ac.signal()),
                    (err, stdout, stderr) -> {
                        got.add(err.name() + " " + err.code() + " " + err.getMessage() + " " + err.prop("cmd"));
                        got.add(err.props().containsKey("killed") || err.props().containsKey("signal"));
                    });
            c.on("spawn", () -> ac.abort());
        });
        assertEquals(List.of("AbortError ABORT_ERR The operation was aborted sleep 5", false), got);
    }

    /** A listener on the signal does not outlive the child. */
    @Test
    void theAbortListenerGoesWithTheChild() {
        AbortController ac = new AbortController();
        List<String> t = new ArrayList<>();
        EventLoop.run(() -> trace(spawn("true", List.of(), SpawnOptions.defaults().signal(ac.signal())), t));
        ac.abort();
        assertFalse(t.stream().anyMatch(s -> s.startsWith("error")), t.toString());
    }

    /** fork takes the signal too: the child JVM is killed and 'error' is the AbortError. */
    @Test
    void forkWithASignal() {
        List<String> t = new ArrayList<>();
        EventLoop.run(() -> {
            AbortController ac = new AbortController();
            ChildProcess c = ChildProcesses.fork(ForkChildren.Echo.class, List.of(),
                    ForkOptions.defaults().signal(ac.signal()));
            c.on("error", (NodeError e) -> t.add("error " + e.code()));
            c.on("exit", (Integer code, String signal) -> t.add("exit " + code + " " + signal));
            c.on("spawn", () -> ac.abort());
        });
        assertEquals(List.of("error ABORT_ERR", "exit null SIGTERM"), t);
    }
}
