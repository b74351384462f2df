// The child's side: process.send's callback, process.disconnect() and what follows it, traced by the
// child and printed when it exits (the parent prints nothing else).
const { fork } = require('child_process');
if (process.argv[2] === 'child') {
  const out = [];
  const log = (...a) => out.push(a.join(' '));
  log('connected', process.connected);
  process.on('message', (m) => {
    log('message', JSON.stringify(m));
    process.send('ack', (e) => {
      log('send callback', e);
      process.on('disconnect', () => log('disconnect', process.connected));
      process.on('error', (err) => log('error', err.name, err.code, err.message));
      process.disconnect();
      log('connected', process.connected);
      process.nextTick(() => log('tick'));
      log('send', process.send('x', (err) => log('callback', err.code, err.message)));
      log('send', process.send('y'));
      process.disconnect();
      log('returned');
    });
  });
  process.on('exit', (code) => { log('exit', code); console.log(out.join('\n')); });
} else {
  const c = fork(__filename, ['child']);
  c.send({ go: true });
}
