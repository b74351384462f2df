// construct: a Readable waits for it before _read; destroy during construct waits; a failing construct.
const { Readable, Writable } = require('stream');
const log = (...a) => console.log(a.join(' '));
const r = new Readable({
  construct(cb) { log('r construct'); setImmediate(() => { log('r constructed'); cb(); }); },
  read() { log('r _read'); this.push('x'); this.push(null); },
});
r.on('data', (c) => log('r data', c.toString()));
r.on('end', () => log('r end'));
r.on('close', () => log('r close'));
const w = new Writable({
  construct(cb) { log('w construct'); setImmediate(() => { log('w constructed'); cb(); }); },
  write(c, e, cb) { log('w _write'); cb(); },
  destroy(err, cb) { log('w _destroy', err && err.message); cb(err); },
});
w.on('close', () => log('w close'));
w.on('error', (e) => log('w error', e.message));
w.write('a', (e) => log('w cb', e && e.code));
w.destroy(new Error('early'));
log('w destroyed', w.destroyed);
const f = new Writable({ construct(cb) { cb(new Error('cannot open')); }, write(c, e, cb) { cb(); } });
f.on('error', (e) => log('f error', e.message));
f.on('close', () => log('f close'));
f.write('z', (e) => log('f cb', e && e.message));
