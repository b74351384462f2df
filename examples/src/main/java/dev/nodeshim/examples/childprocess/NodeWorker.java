package dev.nodeshim.examples.childprocess;

import static dev.nodeshim.childprocess.ChildProcesses.spawn;

import dev.nodeshim.childprocess.ChildProcess;
import dev.nodeshim.childprocess.SpawnOptions;
import dev.nodeshim.events.Listener1;
import dev.nodeshim.loop.EventLoop;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A Java parent driving a worker that stays in Node (a migration one side at a time): {@code spawn}
 * with an {@code 'ipc'} entry in its {@code stdio} array gives the real {@code node} child the channel
 * its {@code process.send}/{@code process.on('message')} expect ({@code NODE_CHANNEL_FD}), while its
 * stdin, stdout and stderr are ours. The seed lists the ways processes talk — "创建进程间通信的三种方式:
 * 让进程的stdio和当前进程的stdio之间建立管道链接 / 进程之间共用stdio / 事件监听"
 * (seeds/002_8bfa7c3e83a58264.txt); this is the second and third at once.
 *
 * <pre>{@code
 * // NodeWorker.js, the parent (its worker is the same file, started with 'worker')
 * const worker = spawn(process.execPath, [__filename, 'worker'], {
 *   stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
 * });
 * const jobs = [{ id: 1, text: 'the quick brown fox' }, ...];
 * let pending = jobs.length;
 * worker.on('message', (msg) => {
 *   if (msg.ready) {
 *     console.log(`worker ready, stdio[3] is ${worker.stdio[3]}`);
 *     jobs.forEach((job) => worker.send(job));
 *     return;
 *   }
 *   console.log(`job ${msg.id}: ${msg.words} words, longest "${msg.longest}"`);
 *   if (--pending === 0) worker.disconnect(); // the worker has nothing else to wait for: it ends
 * });
 * worker.on('disconnect', () => console.log(`disconnected, connected is ${worker.connected}`));
 * worker.on('exit', (code, signal) => console.log(`worker exited with ${code}, ${signal}`));
 *
 * // the worker, unchanged in the port
 * process.on('message', (job) => {
 *   const words = job.text.split(/\s+/).filter((w) => w !== '');
 *   const longest = words.reduce((a, b) => (b.length > a.length ? b : a), '');
 *   process.send({ id: job.id, words: words.length, longest });
 * });
 * process.send({ ready: true });
 * }</pre>
 *
 * The port runs {@code node <script> worker} with the very script of the Node original (its path is
 * the argument; {@code node} is looked up on the PATH where node's parent uses its own
 * {@code process.execPath}). Messages are the default JSON serialization: Java sends maps, lists,
 * strings and numbers, and receives {@link LinkedHashMap}s with {@code Integer}s for whole numbers.
 * The {@code 'ipc'} entry's slot in {@code worker.stdio()} is null, as in node. The same works the
 * other way round: a node parent spawning {@code java -cp … dev.nodeshim.childprocess.ForkMain
 * my.Main} with an {@code 'ipc'} entry gives the Java child its {@code process.send}.
 */
public final class NodeWorker {
    private NodeWorker() {
    }

    /** Runs the parent against the Node worker in {@code script} (the Node original, NodeWorker.js). */
    public static void run(Path script, Consumer<String> out) {
        EventLoop.run(() -> {
            ChildProcess worker = spawn("node", List.of(script.toString(), "worker"),
                    SpawnOptions.defaults().stdio(List.of("inherit", "inherit", "inherit", "ipc")));
            List<Map<String, Object>> jobs = List.of(
                    job(1, "the quick brown fox"),
                    job(2, "  jumps over   the lazy dog  "),
                    job(3, "创建进程间通信的三种方式"));
            int[] pending = {jobs.size()};
            worker.on("message", (Listener1<Map<?, ?>>) msg -> {
                if (Boolean.TRUE.equals(msg.get("ready"))) {
                    out.accept("worker ready, stdio[3] is " + worker.stdio().get(3));
                    jobs.forEach(worker::send);
                    return;
                }
                out.accept("job " + msg.get("id") + ": " + msg.get("words") + " words, longest \""
                        + msg.get("longest") + "\"");
                if (--pending[0] == 0) {
                    worker.disconnect(); // the worker has nothing else to wait for: it ends
                }
            });
            worker.on("disconnect", () -> out.accept("disconnected, connected is " + worker.connected()));
            worker.on("exit", (Integer code, String signal) -> out.accept("worker exited with " + code + ", " + signal));
        });
    }

    private static Map<String, Object> job(int id, String text) {
        Map<String, Object> job = new LinkedHashMap<>();
        job.put("id", id);
        job.put("text", text);
        return job;
    }

    /** {@code java … NodeWorker path/to/NodeWorker.js} (by default the copy in this module's test resources). */
    public static void main(String[] args) {
        Path script = Path.of(args.length > 0 ? args[0] : "examples/src/test/resources/childprocess/NodeWorker.js");
        run(script, System.out::println);
    }
}
