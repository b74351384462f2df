// A Writable whose _write calls back synchronously; highWaterMark 3.
const { Writable } = require('stream');
const log = (...a) => console.log(a.join(' '));
const w = new Writable({
  highWaterMark: 3,
  write(chunk, enc, cb) { log('_write', chunk.toString(), enc); cb(); },
  final(cb) { log('_final'); cb(); },
});
for (const ev of ['drain', 'prefinish', 'finish', 'close']) w.on(ev, () => log(ev));
log('write1', w.write('ab', () => log('cb1')), 'len=' + w.writableLength);
log('write2', w.write('cd', () => log('cb2')), 'len=' + w.writableLength);
log('write3', w.write('e'));
w.end('f', () => log('end-cb'));
log('ended=' + w.writableEnded, 'finished=' + w.writableFinished);
process.nextTick(() => log('tick1'));
