// inspectPort: which inspector port each worker gets. Node appends --inspect-port=<port> to the
// execArgv of a worker whose execArgv has an --inspect flag; nodeshim rewrites the port of a JDWP
// server agent (-agentlib:jdwp=...,server=y,address=...) in the same cases. The base is the
// primary's debug port, set to 5005 here (the JVM's conventional debug port, nodeshim's default).
// Run: node cluster-inspect-port.js (the workers are killed at once; none needs to start).
const cluster = require('cluster');
if (cluster.isWorker) {
  setInterval(() => {}, 1000);
  return;
}
process.debugPort = 5005;
const log = (...a) => console.log(a.join(' '));
const tries = [
  ['no flag, bad inspectPort', [], 70000],
  ['default', ['--inspect'], undefined],
  ['number', ['--inspect'], 8000],
  ['default', ['--inspect'], undefined],
  ['function', ['--inspect'], () => 9600],
  ['zero', ['--inspect'], 0],
  ['too big', ['--inspect'], 70000],
  ['negative', ['--inspect'], -1],
  ['function too big', ['--inspect'], () => 65536],
  ['highest', ['--inspect'], 65535],
  ['default', ['--inspect'], undefined],
];
let calls = 0;
for (const [what, execArgv, inspectPort] of tries) {
  const s = { execArgv };
  if (inspectPort !== undefined) {
    s.inspectPort = typeof inspectPort === 'function' ? () => { calls++; return inspectPort(); } : inspectPort;
  }
  cluster.setupPrimary(s);
  try {
    const w = cluster.fork();
    const flag = w.process.spawnargs.find((a) => a.startsWith('--inspect-port='));
    log(what, w.id, flag === undefined ? 'none' : flag.slice('--inspect-port='.length));
    w.process.kill('SIGKILL');
  } catch (e) {
    log(what, 'threw', e.name, e.code, e.message);
  }
  cluster.setupPrimary({ inspectPort: undefined });
}
log('function calls', calls);
process.debugPort = 65534;
for (let i = 0; i < 3; i++) {
  const w = cluster.fork();
  log('wrap', w.id, w.process.spawnargs.find((a) => a.startsWith('--inspect-port=')).slice('--inspect-port='.length));
  w.process.kill('SIGKILL');
}
