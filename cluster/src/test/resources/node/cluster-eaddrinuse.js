// A worker's listen on a port another process holds, under each policy (run with
// NODE_CLUSTER_SCHED_POLICY=rr, then none): what the server's 'error' carries. The port differs run to run.
const cluster = require('cluster'); const net = require('net');
if (cluster.isPrimary) {
  const blocker = net.createServer().listen(0, '127.0.0.1', () => {
    const port = blocker.address().port;
    const w = cluster.fork({ PORT: port });
    w.on('message', (m) => { console.log(JSON.stringify(m)); w.kill(); blocker.close(); });
  });
} else {
  const s = require('http').createServer();
  s.on('error', (e) => process.send({ name: e.name, code: e.code, message: e.message, errno: e.errno, syscall: e.syscall, address: e.address, port: e.port }));
  s.listen(Number(process.env.PORT), '127.0.0.1');
}
