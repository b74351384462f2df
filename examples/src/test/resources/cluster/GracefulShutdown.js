// Node original of GracefulShutdown: on SIGTERM the primary disconnects its workers (each closes its
// server and exits 0) and ends once they have gone. Prints "ready" once both workers listen; whoever
// runs it then sends SIGTERM.
const cluster = require('cluster');
const http = require('http');

if (cluster.isPrimary) {
  process.on('SIGTERM', () => cluster.disconnect());
  const exits = [];
  cluster.on('exit', (worker, code, signal) => {
    exits.push(`worker ${worker.id} exited with code ${code}, after disconnect: ${worker.exitedAfterDisconnect}`);
    if (exits.length === 2) exits.sort().forEach((l) => console.log(l));
  });
  let listening = 0;
  cluster.on('listening', () => { if (++listening === 2) console.log('ready'); });
  cluster.fork();
  cluster.fork();
} else {
  http.createServer((req, res) => res.end('ok')).listen(0, '127.0.0.1');
}
