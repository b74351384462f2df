// The Node twin of LoadCompare's nodeshim cluster: 2 workers answering "hello world\n" on one port
// (policy from NODE_CLUSTER_SCHED_POLICY, rr or none); the primary prints the port once both listen.
const cluster = require('cluster');
const http = require('http');
if (cluster.isPrimary) {
  let n = 0;
  cluster.on('listening', (w, a) => { if (++n === 2) console.log(a.port); });
  cluster.fork();
  cluster.fork();
} else {
  http.createServer((req, res) => {
    res.writeHead(200, { 'Content-Length': 12 });
    res.end('hello world\n');
  }).listen(Number(process.env.PORT || 0), '127.0.0.1');
}
