// child.unref() releases only the process: the open channel still keeps the parent alive
// (node 20: the parent below would never end without channel.unref()). With both released the
// parent ends while the child, which only listens, lives on.
const { fork } = require('child_process');
const log = (...a) => console.log(a.join(' '));
if (process.argv[2] === 'child') {
  process.on('message', () => {});
} else {
  const c = fork(__filename, ['child']);
  c.unref();
  c.channel.unref();
  process.on('exit', () => { log('parent exit, child alive', c.exitCode === null, 'connected', c.connected); c.kill(); });
}
