// Workers listening on a Unix socket (a "pipe" in Node's words), under each policy: the 'listening'
// address, sequential connections served round robin (SCHED_RR; SCHED_NONE only counts them: node's
// workers race for them), the socket file kept while a worker listens and removed when the last has
// gone, and the errors of a listen on a path in use, on a stale file and in a missing directory.
// Run: node cluster-pipe.js > cluster-pipe-rr.out; POLICY=1 node cluster-pipe.js > cluster-pipe-none.out
// (the socket lives in a fresh temporary directory, shown as DIR).
const cluster = require('cluster');
const net = require('net');
const fs = require('fs');
const os = require('os');
const path = require('path');
const log = (...a) => console.log(a.join(' '));
if (cluster.isWorker) {
  const server = net.createServer((c) => c.end(String(cluster.worker.id)));
  server.on('error', (e) => {
    process.send({ name: e.name, code: e.code, message: e.message, errno: e.errno, syscall: e.syscall,
      address: e.address, port: e.port });
  });
  server.listen(process.env.SOCK);
  return;
}
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cluster-pipe-'));
const sock = path.join(dir, 's.sock');
const hide = (s) => s.split(dir).join('DIR');
// schedulingPolicy is read once, at the first fork: a primary process per policy
const policy = Number(process.env.POLICY || cluster.SCHED_RR);
cluster.schedulingPolicy = policy;
log('policy', policy === cluster.SCHED_RR ? 'rr' : 'none');
const connect = (p, then) => {
  const c = net.connect(p);
  let d = '';
  c.setEncoding('utf8');
  c.on('data', (x) => { d += x; });
  c.on('end', () => then(d));
};
const served = {};
const serve = (left, then) => {
  if (left === 0) {
    then();
    return;
  }
  connect(sock, (d) => {
    served[d] = (served[d] || 0) + 1;
    serve(left - 1, then);
  });
};
const errors = (cases, then) => {
  const next = cases.shift();
  if (!next) {
    then();
    return;
  }
  const [what, p, prepare, undo] = next;
  prepare(() => {
    const w = cluster.fork({ SOCK: p });
    w.on('message', (m) => {
      log(what, hide(JSON.stringify(m)));
      w.kill();
    });
    w.on('exit', () => undo(() => errors(cases, then)));
  });
};
const ws = [cluster.fork({ SOCK: sock })];
let listening = 0;
cluster.on('listening', (w, a) => {
  log('listening', w.id, hide(JSON.stringify(a)));
  if (++listening !== 2) {
    ws.push(cluster.fork({ SOCK: sock })); // the second once the first listens: a fixed order
    return;
  }
  serve(10, () => {
    log('served', policy === cluster.SCHED_RR ? JSON.stringify(served) : Object.values(served).reduce((a, b) => a + b));
    ws[0].disconnect();
    ws[0].on('exit', (code) => {
      log('exit', 1, code, 'socket file', fs.existsSync(sock));
      connect(sock, (d) => {
        log('served by', d);
        ws[1].disconnect();
        ws[1].on('exit', (code) => {
          log('exit', 2, code, 'socket file', fs.existsSync(sock));
          let holder;
          const stale = path.join(dir, 'stale.sock');
          errors([
            ['in use', sock, (k) => { holder = net.createServer().listen(sock, k); }, (k) => holder.close(k)],
            ['stale file', stale, (k) => { fs.writeFileSync(stale, ''); k(); }, (k) => { fs.unlinkSync(stale); k(); }],
            ['no directory', path.join(dir, 'none', 's.sock'), (k) => k(), (k) => k()],
          ], () => {
            fs.rmdirSync(dir);
            log('done');
          });
        });
      });
    });
  });
});
