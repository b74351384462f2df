// The parent kills a connected child: disconnect, exit (null, SIGTERM), close.
const { fork } = require('child_process');
const log = (...a) => console.log(a.join(' '));
if (process.argv[2] === 'child') {
  process.on('message', (m) => process.send(m));
} else {
  const c = fork(__filename, ['child']);
  c.on('message', (m) => { log('message', m); log('kill', c.kill()); });
  c.on('disconnect', () => log('disconnect', c.connected));
  c.on('exit', (code, sig) => log('exit', code, sig));
  c.on('close', (code, sig) => log('close', code, sig));
  c.send('up?');
}
