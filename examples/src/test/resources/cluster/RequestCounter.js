// Node original of RequestCounter (seed 004, "对请求计数"), made to run by itself: workers tell the
// primary of every request they serve ({cmd: 'notifyRequest'}); the primary asks the port 6 times and
// prints the count once the 6 messages have come (the seed prints it every second instead).
const cluster = require('cluster');
const http = require('http');
const REQUESTS = 6;

if (cluster.isPrimary) {
  let numReqs = 0;
  function messageHandler(msg) {
    if (msg.cmd && msg.cmd === 'notifyRequest') {
      numReqs += 1;
      if (numReqs === REQUESTS) {
        console.log(`请求的数量 = ${numReqs}`);
        cluster.disconnect();
      }
    }
  }
  const numCPUs = Number(process.env.WORKERS) || require('os').availableParallelism();
  for (let i = 0; i < numCPUs; i++) {
    cluster.fork();
  }
  for (const id in cluster.workers) {
    cluster.workers[id].on('message', messageHandler);
  }
  let listening = 0;
  cluster.on('listening', (worker, address) => {
    if (++listening < numCPUs) return;
    let left = REQUESTS;
    const next = () => http.get({ host: '127.0.0.1', port: address.port, agent: false }, (res) => {
      res.resume();
      res.on('end', () => { if (--left > 0) next(); });
    });
    next();
  });
} else {
  http.Server((req, res) => {
    res.writeHead(200);
    res.end('123123\n');
    process.send({ cmd: 'notifyRequest' });
  }).listen(0, '127.0.0.1');
}
