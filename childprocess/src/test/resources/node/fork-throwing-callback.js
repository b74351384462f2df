// A send callback that throws (with an uncaughtException listener): the next callbacks still run.
const { fork } = require('child_process');
if (process.argv[2] === 'child') {
  process.on('message', () => {});
} else {
  const c = fork(__filename, ['child']);
  const out = [];
  process.on('uncaughtException', (e) => out.push('uncaught ' + e.message));
  c.send(1, () => { out.push('callback 1'); throw new Error('boom'); });
  c.send(2, () => out.push('callback 2'));
  c.send(3, () => { out.push('callback 3'); c.disconnect(); });
  c.on('exit', () => console.log(out.join('\n')));
}
