// A Transform uppercasing chunks, with flush; events of both sides.
const { Transform } = require('stream');
const log = (...a) => console.log(a.join(' '));
const t = new Transform({
  transform(chunk, enc, cb) { log('_transform', chunk.toString()); cb(null, chunk.toString().toUpperCase()); },
  flush(cb) { log('_flush'); this.push('!'); cb(); },
});
for (const ev of ['prefinish', 'finish', 'end', 'close']) t.on(ev, () => log(ev));
t.on('data', (c) => log('data', c.toString()));
log('w', t.write('ab', () => log('cb ab')));
log('w', t.write('cd', () => log('cb cd')));
t.end();
log('sync-end');
