// The seed's master.js (seeds/002_8bfa7c3e83a58264.txt, "Node多进程架构模型构建"), made to run by
// itself and print the same lines every time: two workers (not one per CPU) serve one port; each
// worker answers one connection, then asks to be replaced ({act: 'suicide'}) and ends; the master
// forks a replacement on that message. The master itself connects three times, one connection after
// the other, and prints a line when a round is over (answer read, old worker exited, new one
// listening), so no line depends on which worker took a connection. Then it stops the workers with
// SIGINT, as the seed's close() does, and prints how they ended.
//
// The seed hands its net.Server to each worker (worker.send('server', server)); the master then
// accepts connections too, and one it takes would never be answered. So this twin shares the port
// through cluster (round robin: the master only passes connections on); the Java port shares it
// with SO_REUSEPORT. The lines printed are the seed's story either way.
const cluster = require('cluster');
const net = require('net');

if (cluster.isWorker) {
  const server = net.createServer((socket) => {
    socket.end('pong\n');
    // one connection each: ask the master for a replacement, stop listening, leave
    process.send({ act: 'suicide' });
    server.close();
    process.disconnect();
  });
  server.listen(0, '127.0.0.1');
} else {
  const workers = new Map();
  let port = 0;
  let listening = 0;
  let round = null; // { n, answer, exited, ready }

  function createWorker() {
    const worker = cluster.fork();
    worker.on('message', (message) => {
      if (message.act === 'suicide') createWorker(); // 如果是自杀信号，则重启
    });
    worker.on('listening', (address) => {
      port = address.port;
      if (round) {
        round.ready = true;
        roundOver();
      } else if (++listening === 2) {
        request(1);
      }
    });
    worker.process.on('exit', (code, signal) => {
      workers.delete(worker.process.pid);
      if (round && !round.stopping) {
        round.exited = `code: ${code} signal: ${signal}`;
        roundOver();
      } else {
        console.log('worker process exited, code: %s signal: %s', code, signal);
        if (workers.size === 0) console.log('master done');
      }
    });
    workers.set(worker.process.pid, worker);
  }

  function request(n) {
    round = { n };
    const socket = net.connect(port, '127.0.0.1');
    let answer = '';
    socket.on('data', (d) => { answer += d; });
    socket.on('end', () => { round.answer = answer.trim(); roundOver(); });
  }

  function roundOver() {
    if (round.answer === undefined || round.exited === undefined || !round.ready) return;
    console.log('request %d: %s; the worker that answered exited (%s); its replacement listens',
      round.n, round.answer, round.exited);
    if (round.n < 3) {
      request(round.n + 1);
      return;
    }
    round = { stopping: true };
    console.log('workers alive: %d', workers.size);
    for (const w of workers.values()) w.process.kill('SIGINT');
  }

  for (let i = 0; i < 2; i++) createWorker();
}
