// A Transform whose flush fails: the end callback and 'error' get the error; no 'finish', no 'end'.
const { Transform } = require('stream');
const log = (...a) => console.log(a.join(' '));
const t = new Transform({
  transform(c, e, cb) { cb(null, c); },
  flush(cb) { log('_flush'); cb(new Error('flush failed')); },
});
for (const ev of ['prefinish', 'finish', 'end', 'close']) t.on(ev, () => log(ev));
t.on('error', (e) => log('error', e.message));
t.on('data', (c) => log('data', c.toString()));
t.write('a');
t.end((e) => log('end cb', e && e.message));
const t2 = new Transform({ transform(c, e, cb) { if (c.toString() === 'bad') cb(new Error('bad input')); else cb(null, c); } });
t2.on('error', (e) => log('t2 error', e.message));
t2.on('close', () => log('t2 close'));
t2.on('data', (c) => log('t2 data', c.toString()));
t2.write('ok');
t2.write('bad', (e) => log('t2 cb', e.message));
t2.write('never', (e) => log('t2 cb never', e && e.code));
