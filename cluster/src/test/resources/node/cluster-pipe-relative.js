// A worker listening on a relative Unix socket path: resolved in the worker's directory (settings.cwd),
// and 'listening' gives the absolute path. Run: node cluster-pipe-relative.js
const cluster = require('cluster');
const net = require('net');
const fs = require('fs');
const os = require('os');
const path = require('path');
if (cluster.isWorker) {
  net.createServer().listen('rel.sock');
  return;
}
const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'cluster-pipe-')));
cluster.setupPrimary({ cwd: dir });
const w = cluster.fork();
w.on('listening', (a) => {
  console.log('listening', JSON.stringify(a).split(dir).join('DIR'), 'in its cwd', fs.existsSync(path.join(dir, 'rel.sock')),
    'in ours', fs.existsSync('rel.sock'));
  w.disconnect();
});
w.on('exit', (code) => {
  console.log('exit', code, 'socket file', fs.existsSync(path.join(dir, 'rel.sock')));
  fs.rmdirSync(dir);
});
