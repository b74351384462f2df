// PipeCost's Node twin: two workers answering their id on the Unix socket argv[2]; prints ready, ends at stdin's end.
const cluster = require('cluster');
const net = require('net');
const sock = process.argv[2];
if (cluster.isWorker) {
  net.createServer((c) => c.end(String(cluster.worker.id))).listen(sock);
} else {
  let n = 0;
  cluster.fork(); cluster.fork();
  cluster.on('listening', () => { if (++n === 2) console.log('ready'); });
  process.stdin.on('end', () => cluster.disconnect());
  process.stdin.resume();
}
