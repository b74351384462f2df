'use strict';
// Node twin of bin/bench cluster (benchmarks/src/main/java/dev/nodeshim/benchmarks/cluster/).
//
//   node cluster.js serve          2 workers answering "hello world\n" on one port of 127.0.0.1
//                                  (policy from NODE_CLUSTER_SCHED_POLICY); the primary prints the
//                                  port once both listen. Twin of HelloCluster.
//   node cluster.js restart <n>    one such worker, SIGKILLed n times, the replacement forked at the
//                                  dead one's 'exit'; prints the ms from each kill to the
//                                  replacement's 'listening' on one line. Twin of RestartTiming.
const cluster = require('cluster');
const http = require('http');

const BODY = 'hello world\n';

function worker() {
  http.createServer((req, res) => {
    res.writeHead(200, { 'Content-Length': BODY.length });
    res.end(BODY);
  }).listen(0, '127.0.0.1');
}

function serve() {
  let listening = 0;
  cluster.on('listening', (w, address) => {
    if (++listening === 2) console.log(address.port);
  });
  cluster.fork();
  cluster.fork();
}

function restart(kills) {
  const ms = [];
  let killedAt = 0n;
  cluster.on('listening', (w) => {
    if (killedAt !== 0n) ms.push(Number(process.hrtime.bigint() - killedAt) / 1e6);
    if (ms.length === kills) {
      console.log(ms.map((x) => x.toFixed(1)).join(' '));
      cluster.disconnect();
      return;
    }
    killedAt = process.hrtime.bigint();
    w.process.kill('SIGKILL');
  });
  cluster.on('exit', (w) => {
    if (!w.exitedAfterDisconnect && ms.length < kills) cluster.fork();
  });
  cluster.fork();
}

if (cluster.isWorker) {
  worker();
} else if (process.argv[2] === 'serve') {
  serve();
} else if (process.argv[2] === 'restart') {
  restart(Number(process.argv[3] || 5));
} else {
  console.error('usage: node cluster.js serve|restart [kills]');
  process.exit(2);
}
