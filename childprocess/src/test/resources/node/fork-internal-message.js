// Messages whose cmd starts with NODE_ are reserved (child_process docs): they arrive as
// 'internalMessage', never as 'message', on both sides. Only the parent's side is printed; the child
// echoes what its 'message' listener saw.
const { fork } = require('child_process');
const log = (...a) => console.log(a.join(' '));
if (process.argv[2] === 'child') {
  const seen = [];
  process.on('internalMessage', (m) => seen.push('internal ' + JSON.stringify(m)));
  process.on('message', (m) => {
    seen.push('message ' + JSON.stringify(m));
    if (m === 'report') { process.send({ cmd: 'NODE_Y' }); process.send({ cmd: 'NODE_' }); process.send({ seen }); process.disconnect(); }
  });
} else {
  const c = fork(__filename, ['child']);
  c.on('internalMessage', (m) => log('internal', JSON.stringify(m)));
  c.on('message', (m) => log('message', JSON.stringify(m)));
  c.on('exit', (code, sig) => log('exit', code, sig));
  for (const m of [{ cmd: 'NODE_X' }, { cmd: 'NODE_' }, { cmd: 'NODEX' }, { cmd: 'node_x' }, { cmd: 7 }, 'NODE_X', 'report']) c.send(m);
}
