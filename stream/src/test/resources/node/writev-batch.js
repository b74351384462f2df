// _writev batching: while one write is in flight, later writes queue and go out together.
const { Writable } = require('stream');
const log = (...a) => console.log(a.join(' '));
const w = new Writable({
  highWaterMark: 5,
  decodeStrings: false,
  write(c, e, cb) { log('_write', c, e); setImmediate(cb); },
  writev(chunks, cb) { log('_writev', chunks.map((c) => c.chunk + ':' + c.encoding).join(' ')); setImmediate(cb); },
});
w.on('drain', () => log('drain', w.writableLength));
w.on('finish', () => log('finish'));
log(w.write('a'), w.write('bb', 'utf8', () => log('cb bb')), w.write('636363', 'hex'), w.write('d', () => log('cb d')));
log('len', w.writableLength, 'needDrain', w.writableNeedDrain);
setImmediate(() => {
  w.cork();
  w.write('e');
  w.write('f');
  w.cork();
  w.uncork();
  log('still corked', w.writableCorked);
  w.end('g', () => log('end cb'));
  log('corked after end', w.writableCorked);
});
