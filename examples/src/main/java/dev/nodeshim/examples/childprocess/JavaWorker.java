package dev.nodeshim.examples.childprocess;

import static dev.nodeshim.process.NodeProcess.process;

import dev.nodeshim.events.Listener1;
import dev.nodeshim.loop.EventLoop;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The other way round from {@link NodeWorker}: a node parent keeps its code and its worker moves to
 * Java. The parent spawns the worker with an {@code 'ipc'} entry in its {@code stdio} array; started
 * as {@code java -cp <class path> dev.nodeshim.childprocess.ForkMain
 * dev.nodeshim.examples.childprocess.JavaWorker}, {@code ForkMain} takes the channel node names in
 * {@code NODE_CHANNEL_FD} and this class gets {@code process.send}/{@code process.on("message")}, as a
 * node child would (and as a {@code fork}ed Java child does). The worker's stdout is the parent's.
 *
 * <pre>{@code
 * // the parent, JavaWorker.js: run with no arguments the worker is node on this same file
 * const [command, ...args] = process.argv.length > 2
 *   ? process.argv.slice(2)
 *   : [process.execPath, __filename, 'worker'];
 * const worker = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
 * const jobs = [{ id: 1, below: 10 }, { id: 2, below: 1000 }, { id: 3, below: 1000000 }];
 * let pending = jobs.length;
 * jobs.forEach((job) => worker.send(job)); // queued until the worker's side is open
 * worker.on('message', (result) => {
 *   console.log(`job ${result.id}: ${result.count} primes, the last ${result.last}`);
 *   if (--pending === 0) worker.disconnect();
 * });
 * worker.on('exit', (code, signal) => console.log(`worker exited with ${code}, ${signal}`));
 *
 * // the worker this class ports
 * let done = 0;
 * process.on('message', (job) => {
 *   ... sieve below job.below: count the primes, remember the last ...
 *   done++;
 *   process.send({ id: job.id, count, last });
 * });
 * process.on('disconnect', () => console.log(`worker: channel closed after ${done} jobs`));
 * }</pre>
 *
 * To run it: {@code node examples/src/test/resources/childprocess/JavaWorker.js java
 * --enable-native-access=ALL-UNNAMED -cp <examples and its dependencies>
 * dev.nodeshim.childprocess.ForkMain dev.nodeshim.examples.childprocess.JavaWorker} (the option only
 * quiets JDK 24+'s warning about loading the native library that takes the descriptor). JSON numbers arrive as
 * {@code Integer} (whole, in int range) or {@code Double}: read them through {@link Number}.
 */
public final class JavaWorker {
    private JavaWorker() {
    }

    public static void main(String[] args) {
        System.exit(EventLoop.run(args, () -> {
            int[] done = {0};
            process.on("message", (Listener1<Map<?, ?>>) job -> {
                int below = ((Number) job.get("below")).intValue();
                boolean[] composite = new boolean[below];
                int count = 0;
                int last = 0;
                for (int i = 2; i < below; i++) {
                    if (!composite[i]) {
                        count++;
                        last = i;
                        for (long j = (long) i * i; j < below; j += i) { // i * i overflows an int past 46,340
                            composite[(int) j] = true;
                        }
                    }
                }
                done[0]++;
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("id", job.get("id"));
                result.put("count", count);
                result.put("last", last);
                process.send(result);
            });
            process.on("disconnect", () -> System.out.println("worker: channel closed after " + done[0] + " jobs"));
        }));
    }
}
