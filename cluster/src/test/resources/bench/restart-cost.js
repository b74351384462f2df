// Node twin of RestartCost: one HTTP worker; 5 times: SIGKILL it, fork a replacement at its 'exit',
// time from the kill to the replacement's 'listening'; and each worker's RSS once listening.
const cluster = require('cluster');
const http = require('http');
if (cluster.isPrimary) {
  const times = [], rss = [];
  let killedAt = 0;
  const start = () => {
    const w = cluster.fork();
    w.on('listening', () => w.send('rss'));
    w.on('message', (m) => {
      rss.push(m.rss);
      if (killedAt) times.push(Number(process.hrtime.bigint() - killedAt) / 1e6);
      if (times.length === 5) {
        const s = [...times].sort((a, b) => a - b);
        console.log(`node crash-to-listening median ${s[2].toFixed(0)} ms (min ${s[0].toFixed(0)}, max ${s[4].toFixed(0)}); worker RSS median ${(rss.sort((a, b) => a - b)[3] / 1048576).toFixed(0)} MiB`);
        w.kill();
        return;
      }
      killedAt = process.hrtime.bigint();
      w.process.kill('SIGKILL');
    });
    w.on('exit', () => { if (times.length < 5) start(); });
  };
  start();
} else {
  http.createServer((q, r) => r.end('x')).listen(0, '127.0.0.1');
  process.on('message', () => process.send({ rss: process.memoryUsage().rss }));
}
