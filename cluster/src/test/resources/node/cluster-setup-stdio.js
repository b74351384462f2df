// windowsHide and inspectPort in cluster.settings (kept in the order first given; a function is left
// out of JSON), and a number as stdio: kept as given, ignored by fork, where silent decides; an
// array may hold descriptor numbers. Run: node cluster-setup-stdio.js
const cluster = require('cluster');
const log = (...a) => console.log(a.join(' '));
if (cluster.isWorker) {
  if (process.env.SAY) {
    console.log('hello from ' + cluster.worker.id);
  }
  process.disconnect();
} else {
  // exec is this script in node and a class in Java: shown as EXEC
  const settings = () => JSON.stringify({ ...cluster.settings, exec: 'EXEC' });
  cluster.setupPrimary({ windowsHide: true, inspectPort: 9300 });
  log('settings', settings());
  cluster.setupPrimary({ inspectPort: () => 9400, stdio: 5 });
  log('settings', settings(), typeof cluster.settings.inspectPort);
  const steps = [
    () => cluster.fork(),
    () => { cluster.setupPrimary({ silent: true }); return cluster.fork({ SAY: '1' }); },
    () => { cluster.setupPrimary({ stdio: [0, 'pipe', 2, 'ipc'], silent: false }); return cluster.fork({ SAY: '1' }); },
  ];
  const next = () => {
    const step = steps.shift();
    if (!step) {
      return;
    }
    const w = step();
    const p = w.process;
    log('fork', w.id, 'stdio', p.stdio.length, p.stdio.map((s) => (s === null ? 'null' : 'pipe')).join(','));
    if (p.stdout) {
      p.stdout.setEncoding('utf8');
      p.stdout.on('data', (d) => log('stdout of', w.id, JSON.stringify(d)));
    }
    w.on('exit', (code) => {
      log('exit', w.id, code);
      next();
    });
  };
  next();
}
