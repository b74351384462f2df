// Primary-side order of cluster and worker events for one worker that listens, exchanges a message,
// then is disconnected by the primary. Run: node cluster-lifecycle.js
const cluster = require('cluster');
const http = require('http');
if (cluster.isPrimary) {
  const t = [];
  const log = (s) => t.push(s);
  for (const ev of ['fork', 'online', 'listening', 'message', 'disconnect', 'exit']) {
    cluster.on(ev, (w, a, b) => log(`cluster ${ev} ${w.id}` + (ev === 'listening' ? ` ${typeof a.port} ${a.addressType}` :
      ev === 'message' ? ` ${JSON.stringify(a)}` : ev === 'exit' ? ` ${a} ${b}` : '')));
  }
  cluster.on('setup', (s) => log(`cluster setup ${JSON.stringify(Object.keys(s))}`));
  log(`isPrimary ${cluster.isPrimary} isMaster ${cluster.isMaster} isWorker ${cluster.isWorker}`);
  const w = cluster.fork();
  log(`forked id ${w.id} workers ${Object.keys(cluster.workers)} connected ${w.isConnected()} dead ${w.isDead()} ead ${w.exitedAfterDisconnect}`);
  w.on('online', () => log('worker online'));
  w.on('listening', (a) => { log(`worker listening ${a.address} ${a.addressType}`); w.send({hello: 'worker'}); });
  w.on('message', (m) => {
    log(`worker message ${JSON.stringify(m)}`);
    w.disconnect();
    log(`after disconnect connected ${w.isConnected()} dead ${w.isDead()} ead ${w.exitedAfterDisconnect}`);
    process.nextTick(() => log('tick'));
  });
  w.process.on('message', (m) => log(`process message ${JSON.stringify(m)}`));
  w.on('disconnect', () => log(`worker disconnect connected ${w.isConnected()} dead ${w.isDead()} workers ${Object.keys(cluster.workers)}`));
  w.on('exit', (c, s) => log(`worker exit ${c} ${s} dead ${w.isDead()} ead ${w.exitedAfterDisconnect} workers ${Object.keys(cluster.workers)}`));
  w.process.on('exit', (c, s) => log(`process exit ${c} ${s}`));
  w.process.on('close', (c, s) => log(`process close ${c} ${s}`));
  process.on('exit', () => console.log(t.join('\n')));
} else {
  const seen = [];
  process.on('message', (m) => { seen.push(m); process.send({reply: m, seen: seen.length, id: cluster.worker.id}); });
  cluster.worker.on('disconnect', () => {});
  http.createServer((q, r) => r.end('x')).listen(0, '127.0.0.1');
}
