// cork() buffers; uncork() hands everything to _writev at once.
const { Writable } = require('stream');
const log = (...a) => console.log(a.join(' '));
const w = new Writable({
  write(c, e, cb) { log('_write', c.toString()); cb(); },
  writev(chunks, cb) { log('_writev', chunks.map((c) => c.chunk.toString() + '/' + c.encoding).join(',')); cb(); },
});
w.on('finish', () => log('finish'));
w.cork();
w.write('a', () => log('cb a'));
w.write('b', () => log('cb b'));
log('corked=' + w.writableCorked, 'len=' + w.writableLength);
process.nextTick(() => { w.uncork(); log('uncorked'); w.end(); });
