// The parent calls child.disconnect(): 'disconnect' on the next tick, errors for late sends and a
// second disconnect, the child (listening only) exits, and node 20 never emits 'close' (nodejs/node#19433).
const { fork } = require('child_process');
const log = (...a) => console.log(a.join(' '));
if (process.argv[2] === 'child') {
  process.on('message', (m) => process.send(m));
} else {
  const c = fork(__filename, ['child']);
  c.on('disconnect', () => log('disconnect', c.connected));
  c.on('exit', (code, sig) => log('exit', code, sig));
  c.on('close', (code, sig) => log('close', code, sig));
  c.on('error', (e) => log('error', e.name, e.code, e.message));
  c.on('message', (m) => {
    log('message', m);
    c.disconnect();
    log('connected', c.connected);
    process.nextTick(() => log('tick'));
    log('send', c.send('x', (e) => log('callback', e.code, e.message)));
    log('send', c.send('y'));
    c.disconnect();
    log('returned');
  });
  c.send('ping');
  process.on('exit', () => log('parent exit'));
}
