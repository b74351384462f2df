// The child calls process.disconnect(): the parent sees disconnect, exit, close; a later send fails.
const { fork } = require('child_process');
const log = (...a) => console.log(a.join(' '));
if (process.argv[2] === 'child') {
  process.on('message', (m) => { if (m === 'bye') process.disconnect(); else process.send(m); });
} else {
  const c = fork(__filename, ['child']);
  c.on('message', (m) => { log('message', JSON.stringify(m)); c.send('bye'); });
  c.on('disconnect', () => {
    log('disconnect', c.connected);
    log('send', c.send('late', (e) => log('callback', e.name, e.code, e.message)));
    c.on('error', (e) => log('error', e.name, e.code, e.message));
    log('send', c.send('late2'));
  });
  c.on('exit', (code, sig) => log('exit', code, sig));
  c.on('close', (code, sig) => log('close', code, sig));
  c.send({ hello: [1, 2.5, 'x'] });
}
