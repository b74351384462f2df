// A 'message' listener that throws (with an uncaughtException listener): the next messages still come.
const { fork } = require('child_process');
if (process.argv[2] === 'child') {
  for (let i = 0; i < 4; i++) process.send(i);
} else {
  const c = fork(__filename, ['child']);
  const out = [];
  process.on('uncaughtException', (e) => out.push('uncaught ' + e.message));
  c.on('message', (m) => { out.push('message ' + m); if (m === 1) throw new Error('boom'); });
  c.on('exit', () => console.log(out.join('\n')));
}
