package dev.nodeshim.examples.childprocess;

import static dev.nodeshim.childprocess.ChildProcesses.spawn;

import dev.nodeshim.childprocess.ChildProcess;
import dev.nodeshim.childprocess.SpawnOptions;
import dev.nodeshim.events.Listener1;
import dev.nodeshim.loop.EventLoop;
import dev.nodeshim.stream.Duplex;
import dev.nodeshim.stream.Readable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A side channel on fd 3: {@code stdio: ['pipe', 'pipe', 'pipe', 'pipe']} gives the child a fourth
 * descriptor, and the parent {@code child.stdio[3]}, a {@link Duplex} (a socket, readable and
 * writable). The child here is a tool that, as {@code gpg --status-fd 3} or {@code ffmpeg -progress
 * pipe:3} do, keeps its results on stdout and its progress apart on fd 3; it also reads its tag from
 * fd 3. The seed's first way for processes to talk, "让进程的stdio和当前进程的stdio之间建立管道链接"
 * (seeds/002_8bfa7c3e83a58264.txt), with one pipe more.
 *
 * <pre>{@code
 * const tool = `
 * IFS= read -r tag <&3
 * n=0
 * while IFS= read -r line; do
 *   n=$((n + 1))
 *   printf '%s %s\\n' "$tag" "$line" | tr a-z A-Z
 *   echo "progress $n" >&3
 * done
 * echo "done: $n lines" >&3
 * `;
 * function eachLine(stream, callback) { ... setEncoding('utf8'), split the 'data' chunks at '\n' ... }
 *
 * const child = spawn('sh', ['-c', tool], { stdio: ['pipe', 'pipe', 'pipe', 'pipe'] });
 * const side = child.stdio[3];
 * const results = [];
 * eachLine(side, (line) => console.log(`[fd 3] ${line}`));
 * eachLine(child.stdout, (line) => results.push(line));
 * side.write('fruit:\n');
 * child.stdin.end('apple\nbanana\ncherry\n');
 * child.on('close', (code, signal) => {
 *   results.forEach((line) => console.log(`[stdout] ${line}`));
 *   console.log(`closed with ${code}, ${signal}`);
 * });
 * }</pre>
 *
 * The progress lines are printed as they come, the results at {@code 'close'}, which waits for fd 3 to
 * end too (as node's does): stdout and fd 3 are separate streams, and which of their chunks comes
 * first is up to the child's scheduling. The script is the same text in both (Java's text block;
 * {@code \\n} in the JavaScript template is {@code \n} for printf).
 */
public final class SideChannel {
    static final String TOOL = """

            IFS= read -r tag <&3
            n=0
            while IFS= read -r line; do
              n=$((n + 1))
              printf '%s %s\\n' "$tag" "$line" | tr a-z A-Z
              echo "progress $n" >&3
            done
            echo "done: $n lines" >&3
            """;

    private SideChannel() {
    }

    public static void run(Consumer<String> out) {
        EventLoop.run(() -> {
            ChildProcess child = spawn("sh", List.of("-c", TOOL),
                    SpawnOptions.defaults().stdio(List.of("pipe", "pipe", "pipe", "pipe")));
            Duplex side = (Duplex) child.stdio().get(3);
            List<String> results = new ArrayList<>();
            eachLine(side, line -> out.accept("[fd 3] " + line));
            eachLine(child.stdout(), results::add);
            side.write("fruit:\n");
            child.stdin().end("apple\nbanana\ncherry\n");
            child.on("close", (Integer code, String signal) -> {
                results.forEach(line -> out.accept("[stdout] " + line));
                out.accept("closed with " + code + ", " + signal);
            });
        });
    }

    /** Calls back once per line of text the stream carries. */
    private static void eachLine(Readable stream, Consumer<String> callback) {
        StringBuilder rest = new StringBuilder();
        stream.setEncoding("utf8");
        stream.on("data", (Listener1<String>) chunk -> {
            rest.append(chunk);
            int end;
            while ((end = rest.indexOf("\n")) >= 0) {
                callback.accept(rest.substring(0, end));
                rest.delete(0, end + 1);
            }
        });
    }

    public static void main(String[] args) {
        run(System.out::println);
    }
}
