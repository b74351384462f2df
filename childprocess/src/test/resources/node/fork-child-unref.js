// In the child, process.channel.unref() lets it end although it has a 'message' listener; what it
// sent is still delivered. The parent sees message, disconnect, exit 0, close 0.
const { fork } = require('child_process');
const log = (...a) => console.log(a.join(' '));
if (process.argv[2] === 'child') {
  process.on('message', () => {});
  process.channel.unref();
  process.send('bye');
} else {
  const c = fork(__filename, ['child']);
  c.on('message', (m) => log('message', m));
  c.on('disconnect', () => log('disconnect', c.connected));
  c.on('exit', (code, sig) => log('exit', code, sig));
  c.on('close', (code, sig) => log('close', code, sig));
}
