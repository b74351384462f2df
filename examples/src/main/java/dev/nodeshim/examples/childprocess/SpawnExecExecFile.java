package dev.nodeshim.examples.childprocess;

import static dev.nodeshim.childprocess.ChildProcesses.exec;
import static dev.nodeshim.childprocess.ChildProcesses.execFile;
import static dev.nodeshim.childprocess.ChildProcesses.spawn;

import dev.nodeshim.childprocess.ChildProcess;
import dev.nodeshim.childprocess.SpawnOptions;
import dev.nodeshim.errors.Inspect;
import dev.nodeshim.errors.NodeError;
import dev.nodeshim.loop.EventLoop;
import dev.nodeshim.stream.Writable;
import dev.nodeshim.stream.WritableOptions;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Ports "方式一 spawn / 方式二 exec / 方式三 execFile" (seeds/002_8bfa7c3e83a58264.txt), made
 * deterministic (pwd in {@code /} instead of {@code ls -l} in {@code /usr}, echo instead of
 * {@code node -v}) and run one after the other so that the output has one order:
 *
 * <pre>{@code
 * const child = spawn('pwd', [], { cwd: '/' });
 * child.stdout.pipe(process.stdout);
 * child.on('close', () => {
 *   exec('echo hello world', (error, stdout, stderr) => {
 *     console.log({ error, stdout, stderr });
 *     execFile('echo', ['hello', 'world'], (error, stdout, stderr) => {
 *       console.log({ error, stdout, stderr });
 *       execFile('ls', ['/nonexistent-dir'], (error, stdout, stderr) =>
 *         console.log(error.code, JSON.stringify(stdout), stderr.length > 0));
 *     });
 *   });
 * });
 * }</pre>
 */
public final class SpawnExecExecFile {
    private SpawnExecExecFile() {
    }

    public static void run(Consumer<String> out) {
        EventLoop.run(() -> {
            ChildProcess child = spawn("pwd", List.of(), SpawnOptions.defaults().cwd("/")); // the child's cwd
            child.stdout().pipe(lines(out)); // child.stdout.pipe(process.stdout)
            child.on("close", () -> exec("echo hello world", (error, stdout, stderr) -> {
                out.accept(Inspect.inspect(result(error, stdout, stderr)));
                execFile("echo", List.of("hello", "world"), (error2, stdout2, stderr2) -> {
                    out.accept(Inspect.inspect(result(error2, stdout2, stderr2)));
                    execFile("ls", List.of("/nonexistent-dir"), (error3, stdout3, stderr3) ->
                            out.accept(error3.prop("code") + " \"" + stdout3 + "\" " // JSON.stringify of a plain string
                                    + (stderr3.toString().length() > 0)));
                });
            }));
        });
    }

    /** {@code { error, stdout, stderr }}, in that order. */
    private static Map<String, Object> result(NodeError error, Object stdout, Object stderr) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("error", error);
        m.put("stdout", stdout);
        m.put("stderr", stderr);
        return m;
    }

    /** A Writable standing for {@code process.stdout}: what is written goes to {@code out}, line by line. */
    private static Writable lines(Consumer<String> out) {
        return new Writable(WritableOptions.defaults().write((chunk, encoding, cb) -> {
            String text = chunk.toString();
            Arrays.stream(text.split("\n")).forEach(out);
            cb.call();
        }));
    }

    public static void main(String[] args) {
        run(System.out::println);
    }
}
