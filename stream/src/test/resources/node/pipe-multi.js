// One source piped to two destinations, one slow: the source waits for the slow one's drain.
const { Readable, Writable } = require('stream');
const log = (...a) => console.log(a.join(' '));
let i = 0;
const src = new Readable({ highWaterMark: 2, read() { i++; this.push(i <= 5 ? 'x' + i : null); } });
const fast = new Writable({ highWaterMark: 2, write(c, e, cb) { log('fast', c.toString()); cb(); } });
const slow = new Writable({ highWaterMark: 2, write(c, e, cb) { log('slow', c.toString()); setImmediate(cb); } });
src.on('pause', () => log('pause'));
src.on('resume', () => log('resume'));
slow.on('drain', () => log('slow drain'));
fast.on('drain', () => log('fast drain'));
src.on('end', () => log('end'));
fast.on('finish', () => log('fast finish'));
slow.on('finish', () => log('slow finish'));
src.pipe(fast);
src.pipe(slow);
