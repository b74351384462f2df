// fork's timeout: a child that would listen forever is killed with killSignal when it runs out.
const { fork } = require('child_process');
const log = (...a) => console.log(a.join(' '));
if (process.argv[2] === 'child') {
  process.on('message', () => {});
} else {
  const c = fork(__filename, ['child'], { timeout: 200, killSignal: 'SIGINT' });
  c.on('disconnect', () => log('disconnect', c.connected));
  c.on('exit', (code, sig) => log('exit', code, sig, 'killed', c.killed));
  c.on('close', (code, sig) => log('close', code, sig));
}
