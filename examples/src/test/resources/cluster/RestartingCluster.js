// Node original of RestartingCluster (seeds 003 "cluster.js" and 001 "进程守护"), made to run by itself:
// one worker per CPU serving HTTP on one port; the primary asks the port twice per worker, kills
// worker 1 with SIGKILL, forks a replacement at its 'exit', asks once per worker again, then disconnects.
const cluster = require('cluster');
const http = require('http');
const numCPUs = Number(process.env.WORKERS) || require('os').availableParallelism();

function get(port, cb) {
  http.get({ host: '127.0.0.1', port, agent: false }, (res) => {
    let body = '';
    res.setEncoding('utf8');
    res.on('data', (d) => { body += d; });
    res.on('end', () => cb(body));
  });
}

if (cluster.isPrimary) {
  console.log('primary started');
  for (let i = 0; i < numCPUs; i++) {
    cluster.fork();
  }
  const onExit = (worker, code, signal) => {
    console.log(`worker ${worker.id} exited (${signal}), starting a new one`);
    cluster.fork();
  };
  cluster.on('exit', onExit);
  let listening = 0;
  cluster.on('listening', (worker, address) => {
    listening++;
    if (listening === numCPUs) {
      console.log(`${numCPUs} workers listening on one port`);
      const served = {};
      let left = numCPUs * 2;
      const next = () => get(address.port, (body) => {
        served[body] = (served[body] || 0) + 1;
        if (--left > 0) return next();
        for (const k of Object.keys(served).sort()) console.log(`${k}: ${served[k]} requests`);
        cluster.workers[1].process.kill('SIGKILL');
      });
      next();
    } else if (listening === numCPUs + 1) {
      console.log(`worker ${worker.id} listening in its place`);
      const seen = new Set();
      let left = numCPUs;
      const next = () => get(address.port, (body) => {
        seen.add(body);
        if (--left > 0) return next();
        console.log(`after the restart: ${[...seen].sort().join(', ')}`);
        cluster.off('exit', onExit);
        cluster.disconnect(() => console.log('disconnected'));
      });
      next();
    }
  });
} else {
  http.createServer((req, res) => {
    res.writeHead(200, { Connection: 'close' });
    res.end(`hello from worker ${cluster.worker.id}`);
  }).listen(0, '127.0.0.1');
}
