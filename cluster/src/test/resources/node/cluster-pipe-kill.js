// A worker listening on a Unix socket, killed with SIGKILL: the socket file goes with the last worker.
// Run: node cluster-pipe-kill.js
const cluster = require('cluster');
const net = require('net');
const fs = require('fs');
const os = require('os');
const path = require('path');
if (cluster.isWorker) {
  net.createServer().listen(process.env.SOCK);
  return;
}
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cluster-pipe-'));
const sock = path.join(dir, 's.sock');
const w = cluster.fork({ SOCK: sock });
w.on('listening', () => w.process.kill('SIGKILL'));
w.on('exit', (code, signal) => {
  console.log('exit', code, signal, 'socket file', fs.existsSync(sock));
  fs.rmdirSync(dir);
});
