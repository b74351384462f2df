// A child that only sends (no listener): the write is delivered, then the channel does not keep the
// child alive: message, disconnect, exit 0, close 0.
const { fork } = require('child_process');
const log = (...a) => console.log(a.join(' '));
if (process.argv[2] === 'child') {
  process.send('hi');
} else {
  const c = fork(__filename, ['child']);
  c.on('spawn', () => log('spawn'));
  c.on('message', (m) => log('message', m));
  c.on('disconnect', () => log('disconnect', c.connected));
  c.on('exit', (code, sig) => log('exit', code, sig));
  c.on('close', (code, sig) => log('close', code, sig));
  log('connected', c.connected);
}
