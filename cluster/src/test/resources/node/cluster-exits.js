// How workers end, primary side: a worker that disconnects itself and lives on 300 ms, one killed
// by the primary, one that exits with 3 by itself; then cluster.disconnect(cb) with two live workers.
const cluster = require('cluster');
if (cluster.isPrimary) {
  const t = [];
  const log = (s) => t.push(s);
  const ids = () => Object.keys(cluster.workers).join(',');
  cluster.on('disconnect', (w) => log(`cluster disconnect ${w.id} [${ids()}]`));
  cluster.on('exit', (w, c, s) => log(`cluster exit ${w.id} ${c} ${s} ead ${w.exitedAfterDisconnect} [${ids()}]`));
  const trace = (w) => {
    w.on('disconnect', () => log(`worker ${w.id} disconnect connected ${w.isConnected()} dead ${w.isDead()} ead ${w.exitedAfterDisconnect} [${ids()}]`));
    w.on('exit', (c, s) => log(`worker ${w.id} exit ${c} ${s} [${ids()}]`));
    w.on('error', (e) => log(`worker ${w.id} error ${e}`));
    return w;
  };
  const steps = [
    () => trace(cluster.fork({MODE: 'self-disconnect'})),
    () => { const w = trace(cluster.fork({MODE: 'idle'})); w.once('online', () => { log(`kill ${w.kill()} connected ${w.isConnected()} ead ${w.exitedAfterDisconnect}`); }); },
    () => trace(cluster.fork({MODE: 'exit3'})),
    () => {
      const a = trace(cluster.fork({MODE: 'idle'})), b = trace(cluster.fork({MODE: 'idle'}));
      let n = 0;
      cluster.on('online', () => { if (++n === 2) { cluster.disconnect(() => log(`disconnect callback [${ids()}]`)); log('disconnect called'); } });
    },
  ];
  cluster.on('exit', () => { if (Object.keys(cluster.workers).length === 0 && steps.length) steps.shift()(); });
  steps.shift()();
  process.on('exit', () => console.log(t.join('\n')));
} else {
  const mode = process.env.MODE;
  if (mode === 'self-disconnect') { cluster.worker.disconnect(); setTimeout(() => {}, 300); }
  else if (mode === 'exit3') { process.exit(3); }
  else { process.on('message', () => {}); }
}
// (The primary's worker.disconnect() also drops the worker from cluster.workers at once: checked
// separately, `a.disconnect(); Object.keys(cluster.workers)` gives only the other worker's id.)
