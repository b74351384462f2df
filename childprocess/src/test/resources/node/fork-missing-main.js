// A child that fails before it runs anything (Node: a missing module; here: a missing main class)
// exits with 1: the parent sees spawn, disconnect, exit 1, close 1.
const { fork } = require('child_process');
const log = (...a) => console.log(a.join(' '));
const c = fork('./no-such-module.js', [], { silent: true });
c.on('spawn', () => log('spawn'));
c.on('disconnect', () => log('disconnect', c.connected));
c.on('exit', (code, sig) => log('exit', code, sig));
c.on('close', (code, sig) => log('close', code, sig));
c.on('error', (e) => log('error', e.message));
