// The node side of NodeIpcTest the other way round: a node parent spawns a Java child
// (argv: java, class path, the child's main class, the ipc index) with an 'ipc' stdio entry, and prints
// one line per event it sees.
const {spawn} = require('child_process');
const [java, cp, main, at] = process.argv.slice(2);
const index = Number(at);
const stdio = ['ignore', 'ignore', 'inherit'];
for (let i = 3; i <= index; i++) stdio.push(null);
stdio[index] = 'ipc';
const child = spawn(java, ['--enable-native-access=ALL-UNNAMED', '-cp', cp,
  'dev.nodeshim.childprocess.ForkMain', main], {stdio});
const big = 'x'.repeat(3 * 1024 * 1024) + 'é';
let expect = 0;
let inOrder = true;
child.on('message', (m) => {
  if (m && m.hello) {
    console.log('hello ' + JSON.stringify(m.hello));
    child.send({cmd: 'burst', n: 5000});
  } else if (m && typeof m.i === 'number') {
    inOrder = inOrder && m.i === expect++;
  } else if (m === 'burst-done') {
    console.log('burst ' + expect + ' ' + inOrder);
    child.send({big});
  } else if (m && typeof m.big === 'string') {
    console.log('big ' + m.length + ' ' + (m.big === big));
    child.send('bye');
  } else {
    console.log('message ' + JSON.stringify(m));
  }
});
child.on('disconnect', () => console.log('disconnect'));
child.on('exit', (code, signal) => console.log('exit ' + code + ' ' + signal));
child.on('close', (code, signal) => console.log('close ' + code + ' ' + signal));
