// A Writable whose _write calls back on a later tick: buffering, drain, writev-free.
const { Writable } = require('stream');
const log = (...a) => console.log(a.join(' '));
const w = new Writable({
  highWaterMark: 4,
  write(chunk, enc, cb) { log('_write', chunk.toString()); setImmediate(() => { log('done', chunk.toString()); cb(); }); },
});
for (const ev of ['drain', 'finish', 'close']) w.on(ev, () => log(ev, 'len=' + w.writableLength));
log('w1', w.write('aa', () => log('cb aa')), 'len=' + w.writableLength, 'needDrain=' + w.writableNeedDrain);
log('w2', w.write('bb', () => log('cb bb')), 'len=' + w.writableLength, 'needDrain=' + w.writableNeedDrain);
log('w3', w.write('c', () => log('cb c')), 'len=' + w.writableLength);
w.once('drain', () => { log('drain-once'); w.end(() => log('end-cb')); });
