// A node parent in serialization 'advanced' with an echo child on an 'ipc' entry at fd 3 (argv: the
// child's command and arguments): ipc-advanced-peer.js under node, or a Java echo through ForkMain
// (NodeAdvancedIpcTest). Sends a structured value and checks the echo with util.isDeepStrictEqual,
// then a 5 MiB Buffer, then asks for a burst of 100,000 messages; prints one line per step and event.
// With `node ipc-advanced-parent.js node ipc-advanced-peer.js` node 20 prints what the test expects.
const { spawn } = require('child_process');
const util = require('util');
const [cmd, ...args] = process.argv.slice(2);
const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'inherit', 'ipc'], serialization: 'advanced' });
const value = {
  map: new Map([[1, 'one'], [2n, new Set(['a', 3])]]),
  date: new Date(1700000000123),
  buf: Buffer.from('hi'),
  ints: new Int32Array([1, -2]),
  u8: new Uint8Array([7]),
  re: /a+/gi,
  err: Object.assign(new TypeError('bad'), { stack: 'TypeError: bad\n    at node' }),
  list: [1, 2.5, 'é', null, undefined, true, -0, NaN],
  nested: { 1: 'x', b: { c: [] } },
};
value.self = value;
const big = Buffer.alloc(5 * 1024 * 1024);
for (let i = 0; i < big.length; i++) big[i] = (i * 31 + 7) & 0xff;
let step = 0;
let expect = 0;
let inOrder = true;
child.on('message', (m) => {
  if (m && typeof m.i === 'number') {
    inOrder = inOrder && m.i === expect++;
    return;
  }
  step++;
  if (step === 1) {
    console.log('ready ' + m);
    child.send(value);
  } else if (step === 2) {
    console.log('echo ' + util.isDeepStrictEqual(m, value) + ' ' + (m.self === m));
    child.send(big);
  } else if (step === 3) {
    console.log('big ' + (Buffer.isBuffer(m) && m.equals(big)));
    child.send({ cmd: 'burst', n: 100000 });
  } else if (step === 4) {
    console.log(m + ' ' + expect + ' ' + inOrder);
    child.send('bye');
  }
});
child.on('disconnect', () => console.log('disconnect'));
child.on('exit', (code, signal) => console.log('exit ' + code + ' ' + signal));
child.on('close', (code, signal) => console.log('close ' + code + ' ' + signal));
