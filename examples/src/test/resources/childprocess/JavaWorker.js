// A node parent that spawns its worker with an 'ipc' entry in stdio, the worker's stdout and stderr
// being its own. Run as `node JavaWorker.js`, the worker is this same file in node. Given a command
// after the script, the worker is that command: the Java port of the worker (JavaWorker.java) runs as
//   node JavaWorker.js java -cp <class path> dev.nodeshim.childprocess.ForkMain \
//       dev.nodeshim.examples.childprocess.JavaWorker
// and this parent does not change.
const { spawn } = require('child_process');

if (process.argv[2] === 'worker') {
  // The worker: counts the primes below a bound (a sieve), one job per message.
  let done = 0;
  process.on('message', (job) => {
    const composite = new Uint8Array(job.below);
    let count = 0;
    let last = 0;
    for (let i = 2; i < job.below; i++) {
      if (!composite[i]) {
        count++;
        last = i;
        for (let j = i * i; j < job.below; j += i) {
          composite[j] = 1;
        }
      }
    }
    done++;
    process.send({ id: job.id, count, last });
  });
  process.on('disconnect', () => console.log(`worker: channel closed after ${done} jobs`));
} else {
  const [command, ...args] = process.argv.length > 2
    ? process.argv.slice(2)
    : [process.execPath, __filename, 'worker'];
  const worker = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const jobs = [{ id: 1, below: 10 }, { id: 2, below: 1000 }, { id: 3, below: 1000000 }];
  let pending = jobs.length;
  jobs.forEach((job) => worker.send(job)); // queued until the worker's side is open
  worker.on('message', (result) => {
    console.log(`job ${result.id}: ${result.count} primes, the last ${result.last}`);
    if (--pending === 0) {
      worker.disconnect();
    }
  });
  worker.on('exit', (code, signal) => console.log(`worker exited with ${code}, ${signal}`));
}
