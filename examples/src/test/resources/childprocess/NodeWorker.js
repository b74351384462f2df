// A parent that spawns a worker with an 'ipc' entry in its stdio array: the worker's stdin, stdout
// and stderr are the parent's own, its messages go over the channel (process.send / 'message').
// The Java port (NodeWorker.java) is this parent moved to Java; the worker below stays in Node.
const { spawn } = require('child_process');

if (process.argv[2] === 'worker') {
  // The worker: counts the words of each job it is sent.
  process.on('message', (job) => {
    const words = job.text.split(/\s+/).filter((w) => w !== '');
    const longest = words.reduce((a, b) => (b.length > a.length ? b : a), '');
    process.send({ id: job.id, words: words.length, longest });
  });
  process.send({ ready: true });
} else {
  const worker = spawn(process.execPath, [__filename, 'worker'], {
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
  });
  const jobs = [
    { id: 1, text: 'the quick brown fox' },
    { id: 2, text: '  jumps over   the lazy dog  ' },
    { id: 3, text: '创建进程间通信的三种方式' },
  ];
  let pending = jobs.length;
  worker.on('message', (msg) => {
    if (msg.ready) {
      console.log(`worker ready, stdio[3] is ${worker.stdio[3]}`);
      jobs.forEach((job) => worker.send(job));
      return;
    }
    console.log(`job ${msg.id}: ${msg.words} words, longest "${msg.longest}"`);
    if (--pending === 0) {
      worker.disconnect(); // the worker has nothing else to wait for: it ends
    }
  });
  worker.on('disconnect', () => console.log(`disconnected, connected is ${worker.connected}`));
  worker.on('exit', (code, signal) => console.log(`worker exited with ${code}, ${signal}`));
}
