// src.pipe(dest) with a slow dest: write() false pauses the source until 'drain'.
const { Readable, Writable } = require('stream');
const log = (...a) => console.log(a.join(' '));
let i = 0;
const src = new Readable({
  highWaterMark: 2,
  read() { i++; log('_read', i); this.push(i <= 4 ? 'c' + i : null); },
});
const dest = new Writable({
  highWaterMark: 3,
  write(chunk, enc, cb) { log('_write', chunk.toString()); setImmediate(cb); },
});
src.on('pause', () => log('pause'));
src.on('resume', () => log('resume'));
src.on('end', () => log('src end'));
src.on('close', () => log('src close'));
dest.on('drain', () => log('drain'));
dest.on('pipe', () => log('pipe'));
dest.on('unpipe', () => log('unpipe'));
dest.on('finish', () => log('finish'));
dest.on('close', () => log('dest close'));
log('ret', src.pipe(dest) === dest);
