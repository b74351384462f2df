// UDP in workers: two workers bind port 0 of 127.0.0.1 without `exclusive` and share it ('listening'
// with addressType 'udp4' and fd -1); datagrams from 40 client sockets are answered (by either: node's
// workers race for each datagram on the one socket, so which served is not shown); a worker binding
// the same port with `exclusive: true` fails with EADDRINUSE; one binding a port of its own
// exclusively emits no 'listening' in the primary (and its socket is not closed by disconnect()).
// Run: node cluster-dgram.js
const cluster = require('cluster');
const dgram = require('dgram');
const log = (...a) => console.log(a.join(' '));
if (cluster.isWorker) {
  const s = dgram.createSocket('udp4');
  s.on('message', (m, rinfo) => s.send(String(cluster.worker.id), rinfo.port, rinfo.address));
  s.on('error', (e) => process.send({ error: { name: e.name, code: e.code, message: e.message, errno: e.errno,
    syscall: e.syscall, address: e.address, port: e.port } }));
  const exclusive = process.env.EXCLUSIVE === '1';
  s.bind({ port: Number(process.env.PORT), address: '127.0.0.1', exclusive }, () => {
    process.send({ bound: s.address().port === Number(process.env.PORT) ? 'PORT' : 'another port' });
    if (exclusive) {
      s.close(); // not the cluster's: disconnect() would not close it
    }
  });
  return;
}
let port;
const hide = (s) => s.split(String(port)).join('PORT');
const ask = (left, served, then) => {
  if (left === 0) {
    then(served);
    return;
  }
  const c = dgram.createSocket('udp4');
  c.on('message', (m) => {
    served.push(String(m));
    c.close(() => ask(left - 1, served, then));
  });
  c.send('who', port, '127.0.0.1');
};
cluster.on('listening', (w, a) => {
  port = port || a.port;
  log('listening', w.id, hide(JSON.stringify(a)));
  if (w.id === 1) {
    cluster.fork({ PORT: '0' });
    return;
  }
  ask(40, [], (served) => {
    log('answers', served.length);
    const third = cluster.fork({ PORT: String(port), EXCLUSIVE: '1' });
    third.on('message', (m) => {
      log('exclusive on the shared port', hide(JSON.stringify(m)));
      const fourth = cluster.fork({ PORT: '0', EXCLUSIVE: '1' });
      fourth.on('message', (m2) => {
        log('exclusive on a port of its own', JSON.stringify(m2));
        cluster.disconnect(() => log('disconnected'));
      });
    });
  });
});
const exits = [];
cluster.on('exit', (w, code, signal) => {
  exits.push(`${w.id} ${code} ${signal}`);
  if (exits.length === 4) {
    log('exits', exits.sort().join(', '));
  }
});
cluster.fork({ PORT: '0' });
