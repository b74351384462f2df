// Messages that arrive in one read are emitted in one callback: nextTicks run after all of them.
const { fork } = require('child_process');
if (process.argv[2] === 'child') { for (let i = 0; i < 5; i++) process.send(i); }
else {
  const c = fork(__filename, ['child']); const out = [];
  c.on('message', (m) => { out.push('msg ' + m); process.nextTick(() => out.push('tick ' + m)); });
  c.on('exit', () => console.log(out.join(', ')));
}
