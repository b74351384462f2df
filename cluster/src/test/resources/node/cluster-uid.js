// Workers as nobody (run as root): setupPrimary({stdio, uid, gid}) reaches the worker's fork; the worker
// reports its ids, listens (the primary's 'listening'), and disconnects when told; its stdout is a pipe.
const cluster = require('cluster');
const http = require('http');
const fs = require('fs');
const log = (...a) => console.log(a.join(' '));
if (cluster.isPrimary) {
  cluster.setupPrimary({ exec: __filename, stdio: ['ignore', 'pipe', 'inherit', 'ipc'], uid: 65534, gid: 65534 });
  const { exec, execArgv, ...rest } = cluster.settings;
  log('settings', JSON.stringify(rest));
  const w = cluster.fork();
  const p = w.process;
  log('stdio', p.stdio.length, p.stdin === null, p.stdout !== null, p.stderr === null);
  let out = '';
  p.stdout.on('data', (d) => { out += d; });
  w.on('online', () => log('online'));
  w.on('message', (m) => { for (const l of m.ids) log('worker', l); });
  w.on('listening', (a) => { log('listening', a.addressType, a.address); w.send('bye'); });
  w.on('disconnect', () => log('disconnect'));
  w.on('exit', (code, sig) => log('exit', code, sig, w.exitedAfterDisconnect));
  p.on('close', () => log('stdout', JSON.stringify(out)));
} else {
  console.log('hello from worker ' + cluster.worker.id);
  process.send({ ids: fs.readFileSync('/proc/self/status', 'latin1').split('\n')
    .filter((l) => /^(Uid|Gid|Groups):/.test(l)).map((l) => l.replace(/\s+/g, ' ').trim()) });
  http.createServer().listen(0, '127.0.0.1');
  process.on('message', (m) => { if (m === 'bye') cluster.worker.disconnect(); });
}
